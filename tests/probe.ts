/**
 * Lints one file with a probe rule and returns what the probe read from the rule's context at
 * `Program`: for tests of the analysis parts that need a real ESLint `SourceCode` (scopes, parent
 * links, ESLint's traversal steps).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { expect } from 'vitest';

export type ProbeContext = Readonly<TSESLint.RuleContext<never, []>>;

export function probeFile<T>(code: string, filename: string, languageOptions: Linter.LanguageOptions, probe: (context: ProbeContext) => T): T {
  let found: { value: T } | undefined;
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          found = { value: probe(context) };
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions, plugins: { test: { rules: { probe: rule as never } } }, rules: { 'test/probe': 'error' } }],
    filename,
  );
  expect(messages).toEqual([]);
  return found!.value;
}
