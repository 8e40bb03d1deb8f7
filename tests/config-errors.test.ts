/**
 * Bad configuration stops the run with a clear message: ESLint's schema error for rule
 * options, and one message naming the setting or file for `settings['error-codes']`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { Linter } from 'eslint';
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
      plugins: { 'error-codes': plugin },
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
    [{ assertions: { tests: ['it.only'] } }, "settings['error-codes'] at /assertions/tests/0: must match"],
  ])('%j fails with one clear message', (settings, message) => {
    for (const rule of Object.keys(rules)) {
      expect(() => lint([], { 'error-codes': settings }, rule)).toThrow(message);
    }
  });
});

describe('misspelt settings', () => {
  it.each(['errorCodes', 'error_codes', 'ErrorCodes', 'error-code', 'errorcodes', 'eslint-plugin-error-codes'])('settings[%j] fails with "did you mean \'error-codes\'?"', (key) => {
    expect(() => lint([], { [key]: { catalogs: [] } })).toThrow(
      `eslint-plugin-error-codes: unknown settings key "${key}"; did you mean 'error-codes'? The plugin reads its settings from settings['error-codes'].`,
    );
  });

  it.each(['react', 'import/resolver', 'error', 'codes', 'n'])('leaves other plugins\' settings[%j] alone', (key) => {
    expect(() => lint([], { [key]: { version: 'detect' } })).not.toThrow();
  });

  it.each([
    ['catalog', 'catalogs'],
    ['binding', 'bindings'],
    ['requireTypeInfo', 'requireTypeInformation'],
  ])('a key %j inside settings[\'error-codes\'] suggests %j', (key, suggestion) => {
    expect(() => lint([], { 'error-codes': { [key]: [] } })).toThrow(`settings['error-codes']: unexpected property "${key}"; did you mean "${suggestion}"?`);
  });

  it('is one line of message, with what ESLint adds, and no trace into the plugin', () => {
    let error: Error | undefined;
    try {
      lint([], { 'error-codes': { catalog: [] } });
    } catch (thrown) {
      error = thrown as Error;
    }
    expect(error?.stack).toBe(error?.message);
    expect(error?.message.split('\n')[0]).toBe(
      'Error while loading rule \'error-codes/no-magic-error-codes\': eslint-plugin-error-codes: settings[\'error-codes\']: unexpected property "catalog"; did you mean "catalogs"?',
    );
    expect(error?.message).not.toMatch(/\n\s+at /);
  });
});

describe('paths in settings', () => {
  const catalog = path.join(folder, 'my-api.json');
  writeFileSync(catalog, JSON.stringify({ id: 'my-api', name: 'My API', description: 'x', codeKind: 'number', sources: { d: { title: 'd' } }, bindings: { modules: [], errorTypes: [], accessors: [{ path: 'code' }] }, codes: [{ name: 'A', value: 1, constant: false, meaning: 'a', category: 'other', retry: 'never', sources: ['d'] }] }));
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'error-codes-elsewhere-'));

  function lintFrom(cwd: string, settings: Record<string, unknown>) {
    return new Linter({ configType: 'flat', cwd }).verify(code, [
      { plugins: { 'error-codes': plugin }, rules: { 'error-codes/no-unknown-error-codes': 'error' }, settings: { 'error-codes': settings } },
    ]);
  }

  it('takes an absolute catalog path or a file: URL from any working directory', () => {
    for (const file of [catalog, pathToFileURL(catalog).href]) {
      expect(lintFrom(folder, { catalogs: [file] })).toEqual([]);
      expect(lintFrom(elsewhere, { catalogs: [file] })).toEqual([]);
    }
  });

  it('explains where a relative path was looked for and how to anchor it', () => {
    expect(() => lintFrom(elsewhere, { catalogs: ['my-api.json'] })).toThrow(
      `eslint-plugin-error-codes: my-api.json: cannot be read: no file at ${path.join(elsewhere, 'my-api.json')} (a relative path is resolved from ESLint's working directory, ${elsewhere}; write path.join(import.meta.dirname, 'my-api.json') in eslint.config.js to resolve it from the config's folder)`,
    );
  });

  it('rejects a URL object, which is no plain JSON', () => {
    expect(() => lintFrom(folder, { catalogs: [pathToFileURL(catalog)] })).toThrow(
      `eslint-plugin-error-codes: settings['error-codes'] at /catalogs/0: must be a string, not a URL object: write path.join(import.meta.dirname, …) or the URL's href (found the URL ${pathToFileURL(catalog).href})`,
    );
  });

  it('rejects an absolute binding path, which typescript-eslint would join to the tsconfig folder', () => {
    const binding = { catalog: 'parse', type: { from: 'file', name: 'MyError', path: path.join(folder, 'bridge.ts') }, accessor: 'code' };
    expect(() => lintFrom(folder, { bindings: [binding] })).toThrow(
      `eslint-plugin-error-codes: settings['error-codes'] at /bindings/0/type/path: must be relative to the folder of the tsconfig.json that includes the linted file, as typescript-eslint reads it (found the absolute path "${binding.type.path}")`,
    );
  });
});
