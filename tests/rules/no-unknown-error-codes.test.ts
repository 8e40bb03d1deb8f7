import path from 'node:path';

import rule from '../../rules/no-unknown-error-codes.js';
import { fixtureProject, typedRuleTester, untypedRuleTester } from '../rule-tester.js';

const PARSE_RANGE_HINT = ' Parse reserves 9000-9999 for application-defined codes; list other codes of your own in `allow`.';

const bkendSettings = {
  'error-codes': {
    bindings: [{ catalog: 'bkend', type: { from: 'file', name: 'BkendErrorBody', path: 'tests/fixtures/project/bridge.ts' }, accessor: 'error.code' }],
  },
};

typedRuleTester().run('no-unknown-error-codes (typed)', rule, {
  valid: [
    // Known codes and constants.
    `import Parse from 'parse';
declare const err: Parse.Error;
const a = err.code === 209 || err.code === Parse.Error.OBJECT_NOT_FOUND;`,
    // Codes the documentation lists without an SDK constant are known codes.
    `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 150 || err.code === 902) {}`,
    // Application-defined range 9000-9999.
    `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 9001) {}`,
    // allow: custom codes thrown by the app's own Cloud Code.
    {
      code: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 4242) {}`,
      options: [{ allow: [4242] }],
    },
    // Trap: the same number on an unrelated API's error type.
    `interface ApiError { code: number }
declare const apiError: ApiError;
if (apiError.code === 212) {}`,
    // Trap: an any error with no SDK call in its try block.
    `import Parse from 'parse';
declare function work(): Promise<void>;
async function f(): Promise<void> {
  try { await work(); } catch (e: any) { if (e.code === 'THROTTLE') {} }
}`,
    // CloudKit JS: a server code read from serverErrorCode; a local code from ckErrorCode.
    `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
const a = e.serverErrorCode === 'THROTTLED' || e.ckErrorCode === 'NETWORK_ERROR';`,
    // HTTP statuses on fetch's Response.
    `declare const res: Response;
if (res.status === 429 || res.status === 503) {}`,
    // Another catalog's constant with the same value, when the user opts in.
    {
      code: `import Parse from 'parse';
import { DrupalError } from '@drupal-js-sdk/error';
declare const err: Parse.Error;
if (err.code === DrupalError.OBJECT_NOT_FOUND) {}`,
      options: [{ allowEqualValuesAcrossCatalogs: true }],
    },
    // Constant-like names that are not codes: other statics and lower-case members.
    `import Parse from 'parse';
const name = Parse.Error.name;`,
    // A default for a missing code is a placeholder, not a code.
    {
      code: `import type { BkendErrorBody } from './bridge.js';
declare const body: BkendErrorBody;
const code = body.error.code ?? 'unknown';`,
      settings: bkendSettings,
    },
    // bkend body bound through settings: a current code.
    {
      code: `import type { BkendErrorBody } from './bridge.js';
declare const body: BkendErrorBody;
if (body.error.code === 'auth/access-token-expired') {}`,
      settings: bkendSettings,
    },
  ],
  invalid: [
    {
      code: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 212) {}`,
      errors: [{ messageId: 'unknownCode', line: 3, column: 18, data: { value: '212', catalog: 'a Parse', hint: PARSE_RANGE_HINT }, suggestions: [] }],
    },
    {
      // A constant the SDK does not have, with "did you mean".
      code: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_SESION_TOKEN) {}`,
      errors: [
        {
          messageId: 'unknownConstant',
          line: 3,
          column: 18,
          data: {
            expression: 'Parse.Error.INVALID_SESION_TOKEN',
            catalog: 'Parse',
            name: 'INVALID_SESION_TOKEN',
            hint: ' Did you mean Parse.Error.INVALID_SESSION_TOKEN?',
          },
          suggestions: [
            {
              messageId: 'didYouMean',
              data: { replacement: 'Parse.Error.INVALID_SESSION_TOKEN' },
              output: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {}`,
            },
          ],
        },
      ],
    },
    {
      // Parse.Error.INVALID_PASSWORD does not exist, wherever it is written.
      code: `import Parse from 'parse';
throw new Parse.Error(Parse.Error.INVALID_PASSWORD, 'bad password');`,
      errors: [{ messageId: 'unknownConstant', line: 2, column: 23 }],
    },
    {
      // A documentation name is not an SDK constant: suggest the constant.
      code: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_FIELD_NAME) {}`,
      errors: [
        {
          messageId: 'unknownConstant',
          data: { expression: 'Parse.Error.INVALID_FIELD_NAME', catalog: 'Parse', name: 'INVALID_FIELD_NAME', hint: ' Did you mean Parse.Error.INVALID_KEY_NAME?' },
          suggestions: [
            {
              messageId: 'didYouMean',
              data: { replacement: 'Parse.Error.INVALID_KEY_NAME' },
              output: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_KEY_NAME) {}`,
            },
          ],
        },
      ],
    },
    {
      // CloudKit JS typo, with suggestions that keep the quotes.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
if (e.ckErrorCode === "THROTTLE") {}`,
      errors: [
        {
          messageId: 'unknownCode',
          line: 3,
          column: 23,
          data: { value: "'THROTTLE'", catalog: 'a CloudKit JS', hint: " Did you mean 'THROTTLED'?" },
          suggestions: [
            {
              messageId: 'didYouMean',
              data: { replacement: '"THROTTLED"' },
              output: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
if (e.ckErrorCode === "THROTTLED") {}`,
            },
          ],
        },
      ],
    },
    {
      // A native CKError name on a CloudKit JS error.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
switch (e.ckErrorCode) { case 'NETWORK_UNAVAILABLE': break; }`,
      errors: [
        {
          messageId: 'unknownCode',
          line: 3,
          column: 31,
          data: {
            value: "'NETWORK_UNAVAILABLE'",
            catalog: 'a CloudKit JS',
            hint: ' networkUnavailable is a CloudKit (native CKError.Code) code, not a CloudKit JS code.',
          },
          suggestions: [],
        },
      ],
    },
    {
      // A local code never arrives in serverErrorCode.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
if (e.serverErrorCode === 'NETWORK_ERROR') {}`,
      errors: [
        {
          messageId: 'wrongGroup',
          line: 3,
          column: 27,
          data: {
            value: "'NETWORK_ERROR'",
            accessor: 'serverErrorCode',
            label: "CloudKit.CKError.NETWORK_ERROR ('NETWORK_ERROR')",
            group: 'server',
            hint: ' Read it from `ckErrorCode`.',
          },
        },
      ],
    },
    {
      // Another catalog's constant on a Parse error.
      code: `import Parse from 'parse';
import { DrupalError } from '@drupal-js-sdk/error';
declare const err: Parse.Error;
if (err.code === DrupalError.OBJECT_NOT_FOUND) {}`,
      errors: [
        {
          messageId: 'otherCatalog',
          line: 4,
          column: 18,
          data: { expression: 'DrupalError.OBJECT_NOT_FOUND', otherCatalog: 'a Drupal JavaScript SDK', catalog: 'a Parse' },
        },
      ],
    },
    {
      // Drupal has no Parse-only constants (OTHER_CAUSE is UNDEFINED there).
      code: `import { DrupalError } from '@drupal-js-sdk/error';
declare const e: DrupalError;
if (e.getErrorCode() === DrupalError.OTHER_CAUSE) {}`,
      errors: [{ messageId: 'unknownConstant', line: 3, column: 26 }],
    },
    {
      // Inferred from the SDK call in the try block.
      code: `import Parse from 'parse';
async function f(): Promise<void> {
  try { await Parse.Cloud.run('publish'); } catch (e: any) { if (e.code === 142 || e.code === 212) {} }
}`,
      errors: [{ messageId: 'unknownCode', line: 3, column: 95, data: { value: '212', catalog: 'a Parse', hint: PARSE_RANGE_HINT } }],
    },
    {
      // A native bridge bound through settings.
      code: `import type { NativeCloudKitError } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === 38) {}`,
      settings: {
        'error-codes': {
          bindings: [{ catalog: 'cloudkit', type: { from: 'file', name: 'NativeCloudKitError', path: 'tests/fixtures/project/bridge.ts' }, accessor: 'code' }],
        },
      },
      errors: [{ messageId: 'unknownCode', line: 3, column: 16, data: { value: '38', catalog: 'a CloudKit (native CKError.Code)', hint: '' } }],
    },
    {
      // bkend body bound through settings: a typo in a current code.
      code: `import type { BkendErrorBody } from './bridge.js';
declare const body: BkendErrorBody;
if (body.error.code === 'auth/acess-token-expired') {}`,
      settings: bkendSettings,
      errors: [
        {
          messageId: 'unknownCode',
          data: { value: "'auth/acess-token-expired'", catalog: 'a bkend REST API', hint: " Did you mean 'auth/access-token-expired'?" },
          suggestions: [
            {
              messageId: 'didYouMean',
              data: { replacement: "'auth/access-token-expired'" },
              output: `import type { BkendErrorBody } from './bridge.js';
declare const body: BkendErrorBody;
if (body.error.code === 'auth/access-token-expired') {}`,
            },
          ],
        },
      ],
    },
    {
      // HTTP: a status that does not exist.
      code: `declare const res: Response;
if (res.status === 299) {}`,
      errors: [{ messageId: 'unknownCode', line: 2, column: 20, data: { value: '299', catalog: 'an HTTP status codes', hint: '' } }],
    },
      {
      // A test that expects a code the SDK never sends, and an any error handed to a helper.
      code: `import Parse from 'parse';
declare function expect(actual: unknown): { toBe(value: unknown): void };
function isLocked(error: any): boolean {
  return error.code === 212;
}
export async function signIn(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e) {
    expect(isLocked(e)).toBe(true);
    expect((e as Parse.Error).code).toBe(210 + 2);
    expect((e as Parse.Error).code).toBe(2120);
  }
}`,
      errors: [
        { messageId: 'unknownCode', line: 4, column: 25, data: { value: '212', catalog: 'a Parse', hint: PARSE_RANGE_HINT } },
        { messageId: 'unknownCode', line: 12, column: 42, data: { value: '2120', catalog: 'a Parse', hint: PARSE_RANGE_HINT } },
      ],
    },
  ],
});

untypedRuleTester().run('no-unknown-error-codes (untyped)', rule, {
  valid: [
    // Trap: no SDK in the try block.
    `import Parse from 'parse';
try { await db.insert(); } catch (e) { if (e.code === 251) {} }`,
    // Trap: an unrelated object's code.
    `if (apiError.code === 212) {}`,
    // Cloud Code's own custom codes, allowed.
    {
      code: `async function f() { try { await new Parse.Query('X').find(); } catch (e) { if (e.code === 4242) {} } }`,
      options: [{ allow: [4242] }],
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // bkend body in a file that does not call the bkend API.
    `const body = await res.json();
if (body.error === 'THROTTLE') {}`,
    // Trap: assertions on values that are not codes.
    `import Parse from 'parse/node';
it('counts', async () => {
  const items = await new Parse.Query('Item').find();
  expect(items.length).toBe(212);
  assert.equal(items.length, 4242);
});`,
    // A known code in an expected object.
    `new Parse.Query('Post').find().catch((err) => expect(err).toEqual({ code: 101 }));`,
  ],
  invalid: [
    {
      // Test assertions: a code Parse does not have, in each assertion shape.
      code: `it('fails', async () => {
  try {
    await Parse.User.logIn('ada', 'pw');
  } catch (e) {
    expect(e.code).toBe(212);
    expect(e.code).to.equal(4242);
    assert.strictEqual(e.code, 213);
    expect(e).toEqual({ code: 214 });
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'unknownCode', line: 5, column: 25, data: { value: '212', catalog: 'a Parse', hint: PARSE_RANGE_HINT } },
        { messageId: 'unknownCode', line: 6, column: 29, data: { value: '4242', catalog: 'a Parse', hint: PARSE_RANGE_HINT } },
        { messageId: 'unknownCode', line: 7, column: 32, data: { value: '213', catalog: 'a Parse', hint: PARSE_RANGE_HINT } },
        { messageId: 'unknownCode', line: 8, column: 31, data: { value: '214', catalog: 'a Parse', hint: PARSE_RANGE_HINT } },
      ],
    },
    {
      // A constant the SDK lacks, through the SDK as a project module hands it on.
      code: `import { Parse } from './common-imports.js';
export const expired = (e) => e.code === Parse.Error.INVALID_PASSWORD;`,
      filename: path.join(path.dirname(fixtureProject), 'reexports', 'spec.js'),
      errors: [{ messageId: 'unknownConstant', line: 2, column: 42, suggestions: [] }],
    },
    {
      // CloudKit JS without types: the global CloudKit in a browser script.
      code: `CloudKit.getDefaultContainer().privateCloudDatabase.fetchRecords(['a']).catch((e) => e.ckErrorCode === 'THROTLED');`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'unknownCode',
          line: 1,
          column: 104,
          data: { value: "'THROTLED'", catalog: 'a CloudKit JS', hint: " Did you mean 'THROTTLED'?" },
          suggestions: [
            {
              messageId: 'didYouMean',
              data: { replacement: "'THROTTLED'" },
              output: `CloudKit.getDefaultContainer().privateCloudDatabase.fetchRecords(['a']).catch((e) => e.ckErrorCode === 'THROTTLED');`,
            },
          ],
        },
      ],
    },
    {
      // Drupal without types: a constant Drupal does not have, and an unknown number.
      code: `import { DrupalError } from '@drupal-js-sdk/error';
async function load(api) {
  try { await api.get(); throw new DrupalError(DrupalError.CONNECTION_FAILED, 'x'); } catch (e) { if (e.getErrorCode() === DrupalError.SESSION_EXPIRED || e.code === 702) {} }
}`,
      errors: [
        { messageId: 'unknownConstant', line: 3, column: 124, suggestions: [] },
        { messageId: 'unknownCode', line: 3, column: 166, data: { value: '702', catalog: 'a Drupal JavaScript SDK', hint: '' } },
      ],
    },
    {
      code: `async function f() { try { await new Parse.Query('X').find(); } catch (e) { if (e.code === 4242) {} } }`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'unknownCode', line: 1, column: 92, data: { value: '4242', catalog: 'a Parse', hint: PARSE_RANGE_HINT } }],
    },
    {
      // A typo in a Cloud Code constant.
      code: `Parse.Cloud.define('f', () => { throw new Parse.Error(Parse.Error.SCRIPT_FAIL, 'x'); });`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'unknownConstant',
          line: 1,
          column: 55,
          suggestions: [
            {
              messageId: 'didYouMean',
              data: { replacement: 'Parse.Error.SCRIPT_FAILED' },
              output: `Parse.Cloud.define('f', () => { throw new Parse.Error(Parse.Error.SCRIPT_FAILED, 'x'); });`,
            },
          ],
        },
      ],
    },
    {
      // bkend: the file calls the bkend API and compares the body's code.
      code: `const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
const body = await res.json();
if (body.error === 'RATE_LIMIT') {}
if (body.error.code === 'data/not-fond') {}`,
      errors: [
        {
          messageId: 'unknownCode',
          line: 3,
          column: 20,
          data: { value: "'RATE_LIMIT'", catalog: 'a bkend REST API', hint: " Did you mean 'RATE_LIMIT_EXCEEDED' or 'EMAIL_RATE_LIMIT'?" },
          suggestions: [
            { messageId: 'didYouMean', data: { replacement: "'RATE_LIMIT_EXCEEDED'" }, output: `const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
const body = await res.json();
if (body.error === 'RATE_LIMIT_EXCEEDED') {}
if (body.error.code === 'data/not-fond') {}` },
            { messageId: 'didYouMean', data: { replacement: "'EMAIL_RATE_LIMIT'" }, output: `const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
const body = await res.json();
if (body.error === 'EMAIL_RATE_LIMIT') {}
if (body.error.code === 'data/not-fond') {}` },
          ],
        },
        {
          messageId: 'unknownCode',
          line: 4,
          column: 25,
          data: { value: "'data/not-fond'", catalog: 'a bkend REST API', hint: " Did you mean 'data/not-found'?" },
          suggestions: [
            { messageId: 'didYouMean', data: { replacement: "'data/not-found'" }, output: `const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
const body = await res.json();
if (body.error === 'RATE_LIMIT') {}
if (body.error.code === 'data/not-found') {}` },
          ],
        },
      ],
    },
  ],
});
