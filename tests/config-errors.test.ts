/**
 * Bad configuration stops the run with a clear message: ESLint's schema error for rule
 * options, and one message naming the setting or file for `settings['error-codes']`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../src/index.js';

const code = `import Parse from 'parse';
try { await Parse.User.logIn('a', 'b'); } catch (e) { if (e.code === 209) {} }`;
const folder = mkdtempSync(path.join(tmpdir(), 'error-codes-config-'));
writeFileSync(path.join(folder, 'broken.json'), '{ "id": "mine", ');
writeFileSync(path.join(folder, 'wrong-retry.json'), JSON.stringify({ id: 'mine', name: 'Mine', description: 'x', codeKind: 'number', sources: { d: { title: 'd' } }, bindings: { modules: [], errorTypes: [], accessors: [{ path: 'code' }] }, codes: [{ name: 'A', value: 1, constant: false, meaning: 'a', category: 'other', retry: 'later', sources: ['d'] }] }));

function lint(ruleOptions: unknown[], settings?: Record<string, unknown>, rule = 'no-magic-error-codes') {
  const linter = new Linter({ configType: 'flat', cwd: folder });
  return linter.verify(code, [
    {
      plugins: { 'error-codes': plugin as unknown as ESLint.Plugin },
      rules: { [`error-codes/${rule}`]: ['error', ...ruleOptions] as Linter.RuleEntry },
      ...(settings ? { settings } : {}),
    },
  ]);
}

describe('rule options', () => {
  it.each(Object.keys(rules))('%s runs with no options', (rule) => {
    expect(() => lint([], undefined, rule)).not.toThrow();
  });

  it.each([
    ['no-magic-error-codes', { allow: 209 }, 'Value 209 should be array.'],
    ['no-magic-error-codes', { checkString: true }, 'Unexpected property "checkString". Expected properties: "allow", "checkStrings".'],
    ['no-magic-error-codes', { allow: [true] }, 'Value true should be number,string.'],
    ['no-unknown-error-codes', { allowEqualValuesAcrossCatalogs: 'yes' }, 'Value "yes" should be boolean.'],
    ['no-unknown-error-codes', { ignore: [] }, 'Unexpected property "ignore". Expected properties: "allow", "allowEqualValuesAcrossCatalogs".'],
  ])('%s rejects %j with ESLint\'s schema error', (rule, options, message) => {
    expect(() => lint([options], undefined, rule)).toThrow(`Key "rules": Key "error-codes/${rule}"`);
    expect(() => lint([options], undefined, rule)).toThrow(message);
  });
});

describe("settings['error-codes']", () => {
  it.each([
    [{ catalogs: 'x.json' }, "settings['error-codes'] at /catalogs: must be array"],
    [{ catalogs: ['missing.json'] }, 'missing.json: cannot be read: no file at'],
    [{ catalogs: ['broken.json'] }, 'broken.json: is not valid JSON'],
    [{ catalogs: ['wrong-retry.json'] }, 'wrong-retry.json at /codes/0/retry: must be one of "never", "backoff", "after-delay", "after-refresh", "reauthenticate" (found "later")'],
    [{ bindings: [{ catalog: 'nope', type: 'X', accessor: 'code' }] }, "settings['error-codes'] at /bindings/0/catalog: unknown catalog \"nope\""],
    [{ bindings: [{ catalog: 'parse', type: { from: 'file' }, accessor: 'code' }] }, "settings['error-codes'] at /bindings/0/type"],
    [{ bindings: [{ catalog: 'parse', type: 'X', accessor: 'get code()' }] }, "settings['error-codes'] at /bindings/0/accessor: must match"],
    [{ unknown: true }, "settings['error-codes']: unexpected property \"unknown\""],
    [{ assertions: { matchers: 'toBe' } }, "settings['error-codes'] at /assertions/matchers: must be array"],
    [{ assertions: { functions: ['assert..equal'] } }, "settings['error-codes'] at /assertions/functions/0: must match"],
    [{ assertions: { expected: ['expect'] } }, "settings['error-codes'] at /assertions: unexpected property \"expected\""],
  ])('%j fails with one clear message', (settings, message) => {
    for (const rule of Object.keys(rules)) {
      expect(() => lint([], { 'error-codes': settings }, rule)).toThrow(message);
    }
  });
});
