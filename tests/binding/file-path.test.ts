/**
 * A `from: 'file'` binding's `path` is relative to the folder of the tsconfig.json, whatever
 * the program's current directory. The typed RuleTester's program is built with vitest's
 * working directory (the repository root) as its current directory while its tsconfig.json is
 * in tests/fixtures/project: the situation of `eslint` run from another folder than the app's.
 * (The constants object's `path` is covered in tests/rules/no-magic-error-codes.test.ts.)
 */
import path from 'node:path';

import { expect, it } from 'vitest';

import noUnknownErrorCodes from '../../rules/no-unknown-error-codes.js';
import { fixtureProject, typedRuleTester } from '../rule-tester.js';

const binding = (type: Record<string, unknown>) => ({
  'error-codes': { bindings: [{ catalog: 'cloudkit', type: { from: 'file', name: 'NativeCloudKitError', ...type }, accessor: 'code' }] },
});

// 38 is no native CloudKit code: reported exactly when the type is bound to the catalog.
const code = `import type { NativeCloudKitError } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === 38) {}`;
const errors = [{ messageId: 'unknownCode' as const, line: 3, column: 16, data: { value: '38', catalog: 'a CloudKit (native CKError.Code)', hint: '' } }];

it('runs with a working directory other than the tsconfig folder', () => {
  expect(path.resolve(process.cwd())).not.toBe(fixtureProject);
});

typedRuleTester().run('from: file binding paths', noUnknownErrorCodes, {
  valid: [
    { name: 'path: another file of the project', code, settings: binding({ path: 'api-config.ts' }) },
    { name: 'path: no such file next to the tsconfig', code, settings: binding({ path: 'src/bridge.ts' }) },
  ],
  invalid: [
    { name: 'path relative to the tsconfig folder', code, settings: binding({ path: 'bridge.ts' }), errors },
    { name: 'path relative to the tsconfig folder, with ./', code, settings: binding({ path: './bridge.ts' }), errors },
    // As typescript-eslint resolves it, from the program's current directory: still accepted.
    { name: "path relative to the program's current directory", code, settings: binding({ path: 'tests/fixtures/project/bridge.ts' }), errors },
    { name: 'no path: declared in a file of the project', code, settings: binding({}), errors },
  ],
});
