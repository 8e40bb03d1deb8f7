/**
 * Real code: the JavaScript and TypeScript declarations that ship in the SDK packages this
 * project depends on, linted with every rule (untyped for the JavaScript, as Cloud Code is).
 * No rule may crash; every report is listed here and must be a true finding.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allRules = Object.fromEntries(Object.keys(rules).map((name) => [`error-codes/${name}`, 'error' as const]));

async function lintPackageFiles(patterns: string[], sourceType: 'module' | 'commonjs' | 'script') {
  const eslint = new ESLint({
    cwd: path.join(root, 'node_modules'),
    overrideConfigFile: true,
    ignore: false,
    // The packages' own eslint-disable and eslint-env comments are about their own setup.
    allowInlineConfig: false,
    overrideConfig: [
      {
        files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
        languageOptions: { sourceType, ecmaVersion: 'latest' },
        plugins: { 'error-codes': plugin as unknown as ESLint.Plugin },
        rules: allRules,
      },
      // Also with string codes checked: the widest net.
      { rules: { 'error-codes/no-magic-error-codes': ['error', { checkStrings: true }] } },
    ],
  });
  return eslint.lintFiles(patterns);
}

function summary(results: ESLint.LintResult[]) {
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}: ${message.message}`));
  const reports = results.flatMap((result) =>
    result.messages.filter((message) => !message.fatal).map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`),
  );
  return { files: results.length, fatal, reports };
}

describe('SDK packages as real code', () => {
  it('parse lib/ (node, browser, react-native, weapp builds): no crash, no report', async () => {
    const { files, fatal, reports } = summary(await lintPackageFiles(['parse/lib/**/*.js'], 'commonjs'));
    expect(files).toBeGreaterThan(200);
    expect(fatal).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('Drupal SDK dist/ builds: no crash, no report', async () => {
    const cjs = summary(await lintPackageFiles(['drupal-js-sdk/dist/index.js', '@drupal-js-sdk/core/dist/index.js'], 'commonjs'));
    const esm = summary(await lintPackageFiles(['drupal-js-sdk/dist/index.es.js', '@drupal-js-sdk/core/dist/index.es.js', '@drupal-js-sdk/error/dist/index.js'], 'module'));
    expect(cjs.files + esm.files).toBe(5);
    expect([...cjs.fatal, ...esm.fatal]).toEqual([]);
    expect([...cjs.reports, ...esm.reports]).toEqual([]);
  });
});
