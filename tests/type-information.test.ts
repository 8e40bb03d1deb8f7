/**
 * A type-checked config (recommended-type-checked, strict, all) on a file without a TypeScript
 * program stops the run with one line naming the setting to add; disable-type-checked and the
 * untyped recommended config lint such files without types.
 */
import path from 'node:path';

import { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { fixtureProject, typedParserOptions } from './rule-tester.js';

const jsCode = `Parse.Cloud.define('hello', async () => {
  try { await new Parse.Query('Thing').first(); } catch (e) { if (e.code === 101) return null; throw e; }
});`;
// Parse is known only as a type here: without a program nothing shows that `err` is a Parse error.
const tsCode = `import type Parse from 'parse';
export function expired(err: Parse.Error): boolean {
  return err.code === 209;
}`;
const tsFile = path.join(fixtureProject, 'file.ts');
const jsFile = path.join(fixtureProject, 'cloud', 'main.js');
const typed = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: typedParserOptions(fixtureProject) } };
const syntaxOnly = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } };
const disableForJs = defineConfig({ files: ['**/*.js'], extends: [plugin.configs['disable-type-checked']] });
const message = `eslint-plugin-error-codes: cloud/main.js has no TypeScript program, which the type-checked configs (recommended-type-checked, strict, all) need. Set languageOptions.parserOptions.projectService: true`;

function lint(config: Linter.Config[], code: string, filename: string): Linter.LintMessage[] {
  const messages = new Linter({ configType: 'flat', cwd: fixtureProject }).verify(code, config, filename);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages;
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

// Other rules may report on the same code too; no-magic-error-codes shows that the rules ran.
const ruleIds = (messages: Linter.LintMessage[]) => messages.map((report) => report.ruleId);
const ranRules = expect.arrayContaining(['error-codes/no-magic-error-codes']);

describe.each(['recommended-type-checked', 'strict', 'all'] as const)('%s', (name) => {
  const config = plugin.configs[name];

  it('stops on a JavaScript file parsed without a program, naming the file and the setting', () => {
    expect(() => lint(config, jsCode, jsFile)).toThrow(message);
    expect(() => lint(config, jsCode, jsFile)).toThrow("{ files: ['**/*.{js,mjs,cjs}'], extends: [errorCodes.configs['disable-type-checked']] }");
  });

  it('stops on a TypeScript file parsed without parserOptions.projectService or project', () => {
    expect(() => lint([syntaxOnly, ...config], tsCode, tsFile)).toThrow('eslint-plugin-error-codes: file.ts has no TypeScript program');
  });

  it('lints a TypeScript file that has a program', () => {
    expect(ruleIds(lint([typed, ...config], tsCode, tsFile))).toEqual(ranRules);
  });

  it('lints JavaScript files under disable-type-checked without types', () => {
    expect(ruleIds(lint([...config, ...disableForJs], jsCode, jsFile))).toEqual(ranRules);
  });
});

describe('the untyped configs', () => {
  it('recommended lints JavaScript and TypeScript without a program', () => {
    expect(ruleIds(lint(plugin.configs.recommended, jsCode, jsFile))).toEqual(ranRules);
    expect(() => lint([syntaxOnly, ...plugin.configs.recommended], tsCode, tsFile)).not.toThrow();
  });

  it('a user who sets requireTypeInformation asks for the check with any config', () => {
    const settings = { settings: { 'error-codes': { requireTypeInformation: true } } };
    expect(() => lint([...plugin.configs.recommended, settings], jsCode, jsFile)).toThrow(message);
  });
});

describe('the error', () => {
  it('is one line of message, without a trace into the plugin', () => {
    const error = errorOf(() => lint(plugin.configs['recommended-type-checked'], jsCode, jsFile));
    // ESLint prints `stack`, after adding the rule and the file to the message.
    expect(error.stack).toBe(error.message);
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^Error while loading rule 'error-codes\/[a-z-]+': eslint-plugin-error-codes: cloud\/main\.js has no TypeScript program/),
      `Occurred while linting ${jsFile}`,
    ]);
  });
});
