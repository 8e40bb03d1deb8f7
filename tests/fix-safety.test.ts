/**
 * Fix safety: `eslint --fix` on copies of every example app, with each app's own config.
 * Every applied fix must swap a literal for a constant of the same value, and the fixed apps
 * must type-check exactly as the originals do.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { BUILTIN_CATALOGS } from '../src/catalog/builtin.js';
import { projectTypeErrors } from './type-errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository, so that the copies resolve the SDKs from its node_modules.
const work = path.join(root, 'node_modules/.cache/error-codes-fix-safety');
const examples = readdirSync(path.join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The value of a literal as written in source: `209`, `-1`, `'THROTTLED'`. */
function literalValue(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : (JSON.parse(trimmed.replace(/^'(.*)'$/, '"$1"').replace(/^`(.*)`$/, '"$1"')) as string);
}

/** The catalog values a constant expression's last name stands for (`Parse.Error.X` → X's value). */
function constantValues(text: string): (number | string)[] {
  const name = /([A-Za-z_$][\w$]*)\]?$/.exec(text.trim())?.[1] ?? '';
  return BUILTIN_CATALOGS.flatMap((catalog) => {
    const entry = catalog.byName(name);
    return entry ? [entry.value] : [];
  });
}

describe.each(examples)('eslint --fix on examples/%s', (example) => {
  const source = path.join(root, 'examples', example);
  const copy = path.join(work, example);

  it('applies only value-preserving fixes, and the result type-checks as the original', async () => {
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(source, copy, { recursive: true });
    // The copy's config is the example's own, with the plugin loaded from the build.
    const configFile = path.join(copy, 'eslint.config.js');
    const pluginUrl = pathToFileURL(path.join(root, 'dist/src/index.js')).href;
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replaceAll("'eslint-plugin-error-codes'", `'${pluginUrl}'`));
    const before = projectTypeErrors(copy);
    expect(before).toEqual([]);

    const eslint = new ESLint({ cwd: copy, fix: true });
    const results = await eslint.lintFiles(['.']);
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);

    // Every fix that ESLint applied replaced a literal with a constant of the same value.
    const lintOnly = new ESLint({ cwd: copy });
    const checked = [];
    for (const result of await lintOnly.lintFiles(['.'])) {
      const text = readFileSync(result.filePath, 'utf8');
      for (const message of result.messages) {
        if (!message.fix) continue;
        const replaced = text.slice(message.fix.range[0], message.fix.range[1]);
        expect(constantValues(message.fix.text), `${message.fix.text} for ${replaced}`).toContain(literalValue(replaced));
        checked.push(message.fix.text);
      }
    }
    await ESLint.outputFixes(results);

    expect(projectTypeErrors(copy)).toEqual(before);
    const remaining = results.flatMap((result) => result.messages.filter((message) => message.fix));
    expect(remaining).toEqual([]);
    // Each example has at least one fixable magic number, so the checks above ran.
    if (example !== 'bkend-app' && example !== 'cloudkit-js-app') expect(checked.length).toBeGreaterThan(0);
  }, 180_000);
});
