/**
 * The shared RuleTesters: typed (fixture project, real SDK packages from node_modules) and
 * untyped (plain JavaScript, no program). Typed cases are linted as tests/fixtures/project/file.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll, describe, it } from 'vitest';

import { typedParserOptions } from './typed-parser-options.js';

export { typedParserOptions };

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const fixtureProject = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'project');

export function typedRuleTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: typedParserOptions(fixtureProject),
    },
    ...(settings ? { settings } : {}),
  });
}

/** Plain JavaScript with ESLint's default parser (espree): no parser services at all. */
export function untypedRuleTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester({
    languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    ...(settings ? { settings } : {}),
  });
}

/** TypeScript syntax without type information: @typescript-eslint/parser with no project. */
export function syntaxOnlyRuleTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    ...(settings ? { settings } : {}),
  });
}

/** Settings that bind the fixture's native CloudKit bridge (tests/fixtures/project/bridge.ts) to the `cloudkit` catalog. */
export const bridgeSettings = {
  'error-codes': {
    bindings: [
      {
        catalog: 'cloudkit',
        // Paths relative to the tsconfig folder, while the program's current directory is the repository root.
        type: { from: 'file', name: 'NativeCloudKitError', path: 'bridge.ts' },
        accessor: 'code',
        constants: { from: 'file', name: 'CKErrorCode', path: 'bridge.ts' },
      },
    ],
  },
};

/** Cases that run in the typed tester are linted as this file. */
export const typedFile = path.join(fixtureProject, 'file.ts');
