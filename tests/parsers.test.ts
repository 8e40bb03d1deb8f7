/**
 * The literal rules through the parsers of projects that ESLint's default parser cannot read:
 * hermes-eslint for Flow (parse-server's sources), @babel/eslint-parser for legacy decorators
 * and JSX (parse-dashboard). The setups are the ones docs/rules/no-magic-error-codes.md shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as babelParser from '@babel/eslint-parser';
import { type ESLint, Linter } from 'eslint';
import * as hermesParser from 'hermes-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'parsers');

function lint(file: string, languageOptions: Linter.LanguageOptions): { ruleId: string | null; messageId: string | undefined; line: number; column: number; fatal: boolean }[] {
  const filename = path.join(fixtures, file);
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    readFileSync(filename, 'utf8'),
    [
      {
        files: ['**/*.js'],
        plugins: { 'error-codes': plugin as unknown as ESLint.Plugin },
        languageOptions,
        rules: { 'error-codes/no-magic-error-codes': 'error', 'error-codes/no-unknown-error-codes': 'error' },
      },
    ],
    filename,
  );
  return messages.map(({ ruleId, messageId, line, column, fatal }) => ({ ruleId, messageId, line, column, fatal: fatal ?? false }));
}

const espree: Linter.LanguageOptions = { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } };

describe('Flow sources through hermes-eslint', () => {
  it('ESLint’s default parser cannot read them', () => {
    expect(lint('live-query.js', espree)).toEqual([expect.objectContaining({ fatal: true, line: 5 })]);
  });

  it('the rules report through hermes-eslint', () => {
    expect(lint('live-query.js', { parser: hermesParser as Linter.Parser, sourceType: 'module' })).toEqual([
      { ruleId: 'error-codes/no-magic-error-codes', messageId: 'magicCode', line: 11, column: 24, fatal: false },
      { ruleId: 'error-codes/no-unknown-error-codes', messageId: 'unknownCode', line: 12, column: 24, fatal: false },
      { ruleId: 'error-codes/no-magic-error-codes', messageId: 'ambiguousCode', line: 13, column: 36, fatal: false },
    ]);
  });
});

describe('legacy decorators through @babel/eslint-parser', () => {
  it('ESLint’s default parser cannot read them', () => {
    expect(lint('browser.js', espree)).toEqual([expect.objectContaining({ fatal: true, line: 6 })]);
  });

  const expected = [
    { ruleId: 'error-codes/no-magic-error-codes', messageId: 'magicCode', line: 12, column: 26, fatal: false },
    { ruleId: 'error-codes/no-unknown-error-codes', messageId: 'unknownCode', line: 12, column: 48, fatal: false },
  ];

  it('the rules report with the parser plugins named in parserOpts (no Babel config)', () => {
    const parserOptions = { requireConfigFile: false, babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins: ['decorators-legacy', 'jsx'] } } };
    expect(lint('browser.js', { parser: babelParser as Linter.Parser, parserOptions })).toEqual(expected);
  });

  it('the rules report with the decorators plugin in Babel options, as a project’s Babel config has it', () => {
    const babelOptions = { configFile: false, plugins: [['@babel/plugin-syntax-decorators', { version: 'legacy' }]], parserOpts: { plugins: ['jsx'] } };
    expect(lint('browser.js', { parser: babelParser as Linter.Parser, parserOptions: { requireConfigFile: false, babelOptions } })).toEqual(expected);
  });
});
