import path from 'node:path';

import { type InvalidTestCase, RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/no-magic-error-codes.js';
import { bridgeSettings, fixtureProject, typedParserOptions, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { typeErrors } from '../type-errors.js';

/** Typed invalid cases whose fixed output must type-check. */
const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // A comparison on a declared Parse.Error.
    code: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 209) {}`,
    output: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {}`,
    errors: [{ messageId: 'magicCode', line: 3, column: 18, endColumn: 21 }],
  },
  {
    // Either order, loose equality, inequality.
    code: `import Parse from 'parse';
declare const err: Parse.Error;
const a = 209 == err.code;
const b = err.code !== 119;`,
    output: `import Parse from 'parse';
declare const err: Parse.Error;
const a = Parse.Error.INVALID_SESSION_TOKEN == err.code;
const b = err.code !== Parse.Error.OPERATION_FORBIDDEN;`,
    errors: [
      { messageId: 'magicCode', line: 3, column: 11 },
      { messageId: 'magicCode', line: 4, column: 24 },
    ],
  },
  {
    // switch cases; 101 carries two documented meanings: a suggestion that says so, never an autofix.
    code: `import Parse from 'parse';
function handle(err: Parse.Error): string {
  switch (err.code) {
    case 209: return 'login';
    case 101: return 'missing';
    case 12345: return 'unknown code: not this rule';
    default: return 'other';
  }
}`,
    output: `import Parse from 'parse';
function handle(err: Parse.Error): string {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN: return 'login';
    case 101: return 'missing';
    case 12345: return 'unknown code: not this rule';
    default: return 'other';
  }
}`,
    errors: [
      { messageId: 'magicCode', line: 4, column: 10, data: { constant: 'Parse.Error.INVALID_SESSION_TOKEN', value: '209' } },
      {
        messageId: 'ambiguousCode',
        line: 5,
        column: 10,
        data: { constant: 'Parse.Error.OBJECT_NOT_FOUND', value: '101', count: '2' },
        suggestions: [
          {
            messageId: 'useConstant',
            data: { value: '101', constant: 'Parse.Error.OBJECT_NOT_FOUND', note: ", the SDK's name for it (also documented as UserInvalidLoginParams)" },
            output: `import Parse from 'parse';
function handle(err: Parse.Error): string {
  switch (err.code) {
    case 209: return 'login';
    case Parse.Error.OBJECT_NOT_FOUND: return 'missing';
    case 12345: return 'unknown code: not this rule';
    default: return 'other';
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // 143 is INVALID_IMAGE_DATA in the SDK but WebhookError and ReceiptMissing in the documentation.
    code: `import Parse from 'parse';
export const webhookFailed = new Parse.Error(143, 'webhook failed');`,
    errors: [
      {
        messageId: 'ambiguousCode',
        line: 2,
        column: 46,
        data: { constant: 'Parse.Error.INVALID_IMAGE_DATA', value: '143', count: '3' },
        suggestions: [
          {
            messageId: 'useConstant',
            data: { value: '143', constant: 'Parse.Error.INVALID_IMAGE_DATA', note: ", the SDK's name for it (also documented as WebhookError and ReceiptMissing)" },
            output: `import Parse from 'parse';
export const webhookFailed = new Parse.Error(Parse.Error.INVALID_IMAGE_DATA, 'webhook failed');`,
          },
        ],
      },
    ],
  },
  {
    // includes() over a literal array, a const array, and Set#has.
    code: `import Parse from 'parse';
declare const err: Parse.Error;
const RETRY = [100, 124];
const a = [100, 124].includes(err.code);
const b = RETRY.indexOf(err.code) !== -1;
const c = new Set([209]).has(err.code);`,
    output: `import Parse from 'parse';
declare const err: Parse.Error;
const RETRY = [Parse.Error.CONNECTION_FAILED, Parse.Error.TIMEOUT];
const a = [Parse.Error.CONNECTION_FAILED, Parse.Error.TIMEOUT].includes(err.code);
const b = RETRY.indexOf(err.code) !== -1;
const c = new Set([Parse.Error.INVALID_SESSION_TOKEN]).has(err.code);`,
    errors: [
      { messageId: 'magicCode', line: 3, column: 16 },
      { messageId: 'magicCode', line: 3, column: 21 },
      { messageId: 'magicCode', line: 4, column: 12 },
      { messageId: 'magicCode', line: 4, column: 17 },
      { messageId: 'magicCode', line: 6, column: 20 },
    ],
  },
  {
    // Constructors, defaults, assignments and -1.
    code: `import Parse from 'parse';
declare const err: Parse.Error;
const thrown = new Parse.Error(142, 'cloud function failed');
const code = err.code || 1;
err.code = 209;
const other = err.code === -1;`,
    output: `import Parse from 'parse';
declare const err: Parse.Error;
const thrown = new Parse.Error(Parse.Error.VALIDATION_ERROR, 'cloud function failed');
const code = err.code || Parse.Error.INTERNAL_SERVER_ERROR;
err.code = Parse.Error.INVALID_SESSION_TOKEN;
const other = err.code === Parse.Error.OTHER_CAUSE;`,
    errors: [
      { messageId: 'magicCode', line: 3, column: 32 },
      { messageId: 'magicCode', line: 4, column: 26 },
      { messageId: 'magicCode', line: 5, column: 12 },
      { messageId: 'magicCode', line: 6, column: 28 },
    ],
  },
  {
    // Subclasses, optional chains, unions and variables that hold the code.
    code: `import Parse from 'parse';
class AppError extends Parse.Error {}
declare const mine: AppError;
declare const maybe: Parse.Error | TypeError | undefined;
declare const err: Parse.Error;
const { code } = err;
const copied = err.code;
const a = mine.code === 209;
const b = (maybe as Parse.Error | undefined)?.code === 209;
const c = code === 209;
const d = copied === 209;`,
    output: `import Parse from 'parse';
class AppError extends Parse.Error {}
declare const mine: AppError;
declare const maybe: Parse.Error | TypeError | undefined;
declare const err: Parse.Error;
const { code } = err;
const copied = err.code;
const a = mine.code === Parse.Error.INVALID_SESSION_TOKEN;
const b = (maybe as Parse.Error | undefined)?.code === Parse.Error.INVALID_SESSION_TOKEN;
const c = code === Parse.Error.INVALID_SESSION_TOKEN;
const d = copied === Parse.Error.INVALID_SESSION_TOKEN;`,
    errors: [
      { messageId: 'magicCode', line: 8, column: 25 },
      { messageId: 'magicCode', line: 9, column: 56 },
      { messageId: 'magicCode', line: 10, column: 20 },
      { messageId: 'magicCode', line: 11, column: 22 },
    ],
  },
  {
    // instanceof narrowing, and any-typed errors around Parse calls (try/catch and .catch()).
    code: `import Parse from 'parse/node';
async function run(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e) {
    if (e instanceof Parse.Error && e.code === 209) {}
  }
  try {
    await new Parse.Query('Post').find();
  } catch (e: any) {
    if (e.code === 119) {}
  }
  await new Parse.Query('Post').first().catch((e: any) => e.code === 100);
}`,
    output: `import Parse from 'parse/node';
async function run(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) {}
  }
  try {
    await new Parse.Query('Post').find();
  } catch (e: any) {
    if (e.code === Parse.Error.OPERATION_FORBIDDEN) {}
  }
  await new Parse.Query('Post').first().catch((e: any) => e.code === Parse.Error.CONNECTION_FAILED);
}`,
    errors: [
      { messageId: 'magicCode', line: 6, column: 48 },
      { messageId: 'magicCode', line: 11, column: 20 },
      { messageId: 'magicCode', line: 13, column: 70 },
    ],
  },
  {
    // The SDK imported under another name: the fix uses that name.
    code: `import ParseSDK from 'parse';
declare const err: ParseSDK.Error;
if (err.code === 209) {}`,
    output: `import ParseSDK from 'parse';
declare const err: ParseSDK.Error;
if (err.code === ParseSDK.Error.INVALID_SESSION_TOKEN) {}`,
    errors: [{ messageId: 'magicCode', data: { constant: 'ParseSDK.Error.INVALID_SESSION_TOKEN', value: '209' } }],
  },
  {
    // Drupal: code and getErrorCode(), imported from either package.
    code: `import { DrupalError } from '@drupal-js-sdk/error';
declare const e: DrupalError;
const a = e.code === 42;
const b = e.getErrorCode() === 100;`,
    output: `import { DrupalError } from '@drupal-js-sdk/error';
declare const e: DrupalError;
const a = e.code === DrupalError.MISSING_IMPLEMENTATION_ERROR;
const b = e.getErrorCode() === DrupalError.CONNECTION_FAILED;`,
    errors: [
      { messageId: 'magicCode', line: 3, column: 22 },
      { messageId: 'magicCode', line: 4, column: 32 },
    ],
  },
  {
    // CloudKit JS string codes, with the option on; ZONE_BUSY has no declared constant.
    code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
const a = e.ckErrorCode === 'THROTTLED';
const b = e.ckErrorCode === 'ZONE_BUSY';`,
    output: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
const a = e.ckErrorCode === CloudKit.CKError.THROTTLED;
const b = e.ckErrorCode === 'ZONE_BUSY';`,
    options: [{ checkStrings: true }],
    errors: [{ messageId: 'magicCode', line: 3, column: 29 }],
  },
  {
    // A user binding: a native bridge's error type and constants object.
    code: `import { CKErrorCode, type NativeCloudKitError } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === 23) {}`,
    output: `import { CKErrorCode, type NativeCloudKitError } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === CKErrorCode.zoneBusy) {}`,
    settings: bridgeSettings,
    errors: [{ messageId: 'magicCode', data: { constant: 'CKErrorCode.zoneBusy', value: '23' } }],
  },
  {
    // Test assertions: the expected value meets the code as in ===.
    code: `import Parse from 'parse';
declare const err: Parse.Error;
declare function expect(actual: unknown): { toBe(value: unknown): void; not: { toEqual(value: unknown): void }; toMatchObject(value: object): void };
expect(err.code).toBe(209);
expect(err.code).not.toEqual(119);
expect(err).toMatchObject({ code: 100, message: 'offline' });`,
    output: `import Parse from 'parse';
declare const err: Parse.Error;
declare function expect(actual: unknown): { toBe(value: unknown): void; not: { toEqual(value: unknown): void }; toMatchObject(value: object): void };
expect(err.code).toBe(Parse.Error.INVALID_SESSION_TOKEN);
expect(err.code).not.toEqual(Parse.Error.OPERATION_FORBIDDEN);
expect(err).toMatchObject({ code: Parse.Error.CONNECTION_FAILED, message: 'offline' });`,
    errors: [
      { messageId: 'magicCode', line: 4, column: 23 },
      { messageId: 'magicCode', line: 5, column: 30 },
      { messageId: 'magicCode', line: 6, column: 35 },
    ],
  },
  {
    // An any error handed to a helper of the same file, from a catch around SDK calls.
    code: `import Parse from 'parse';
function isSignedOut(error: any): boolean {
  return error.code === 209;
}
export async function load(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e) {
    if (isSignedOut(e)) return;
  }
}`,
    output: `import Parse from 'parse';
function isSignedOut(error: any): boolean {
  return error.code === Parse.Error.INVALID_SESSION_TOKEN;
}
export async function load(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e) {
    if (isSignedOut(e)) return;
  }
}`,
    errors: [{ messageId: 'magicCode', line: 3, column: 25 }],
  },
  {
    // The helper's other caller hands it a declared Parse.Error.
    code: `import Parse from 'parse';
function isSignedOut(error: unknown): boolean {
  return (error as any).code === 209;
}
declare const known: Parse.Error;
export async function load(): Promise<boolean> {
  try {
    await Parse.User.logIn('ada', 'secret');
    return true;
  } catch (e) {
    return isSignedOut(e) || isSignedOut(known);
  }
}`,
    output: `import Parse from 'parse';
function isSignedOut(error: unknown): boolean {
  return (error as any).code === Parse.Error.INVALID_SESSION_TOKEN;
}
declare const known: Parse.Error;
export async function load(): Promise<boolean> {
  try {
    await Parse.User.logIn('ada', 'secret');
    return true;
  } catch (e) {
    return isSignedOut(e) || isSignedOut(known);
  }
}`,
    errors: [{ messageId: 'magicCode', line: 3, column: 34 }],
  },
  {
    // The SDK handed on by a module of the project: the fix writes the name imported here.
    code: `import { Parse } from './sdk-reexport.js';
declare const err: Parse.Error;
if (err.code === 209) {}`,
    output: `import { Parse } from './sdk-reexport.js';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {}`,
    errors: [{ messageId: 'magicCode', line: 3, column: 18 }],
  },
];

const typed = typedRuleTester();

typed.run('no-magic-error-codes (typed)', rule, {
  valid: [
    // Constants are what the rule asks for.
    `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {}`,
    // Trap: the same number on an unrelated API's error type.
    `interface ApiError { code: number; message: string }
declare const apiError: ApiError;
if (apiError.code === 209) {}`,
    // Trap: a class named ParseError that is not the SDK's.
    `class ParseError extends Error { code = 0 }
declare const err: ParseError;
if (err.code === 209) {}`,
    // Trap: a MongoDB error 251 in a file that also uses Parse.
    `import Parse from 'parse';
declare const db: { insertOne(doc: object): Promise<void> };
async function save(): Promise<void> {
  await new Parse.Query('Post').find();
  try {
    await db.insertOne({});
  } catch (e: any) {
    if (e.code === 251) {}
  }
}`,
    // Trap: character codes.
    `declare const text: string;
switch (text.charCodeAt(0)) { case 123: break; }`,
    // Trap: a process exit code 141 (SIGPIPE).
    `declare const child: { on(event: 'exit', listener: (code: number) => void): void };
child.on('exit', (code) => { if (code === 141) {} });`,
    // Trap: a code inside a comment.
    `import Parse from 'parse';
// if (err.code === 209) logout();
/* case 101: */`,
    // Trap: an any-typed error whose try block calls nothing from the SDK.
    `import Parse from 'parse';
declare function doThing(): Promise<void>;
async function f(): Promise<void> {
  try { await doThing(); } catch (e: any) { if (e.code === 209) {} }
}`,
    // Values the catalog does not know are no-unknown-error-codes' reports, never this rule's.
    `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 212) {}`,
    // Application-defined codes.
    `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 9001) {}`,
    // Codes the SDK declares no constant for cannot be written as one.
    `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 150) {}`,
    // String codes are readable: off unless checkStrings.
    `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
if (e.ckErrorCode === 'THROTTLED') {}`,
    // HTTP and bkend have no SDK constants.
    `declare const res: Response;
if (res.status === 429) {}`,
    // allow.
    {
      code: `import Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 209) {}`,
      options: [{ allow: [209] }],
    },
    // A native bridge's error without a binding is not a CloudKit error.
    `import type { NativeCloudKitError } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === 23) {}`,
    // A union of two catalogs' errors is ambiguous: no report.
    `import Parse from 'parse';
import { DrupalError } from '@drupal-js-sdk/error';
declare const e: Parse.Error | DrupalError;
if (e.code === 209) {}`,
    // Trap: assertions on numbers that are not codes.
    `declare function expect(actual: unknown): { toBe(value: unknown): void };
declare const items: string[];
declare const res: { status: number };
interface ApiError { code: number }
declare const apiError: ApiError;
expect(items.length).toBe(209);
expect(res.status).toBe(200);
expect(apiError.code).toBe(209);`,
    // Trap: a helper whose parameter has a type of its own is judged by that type.
    `import Parse from 'parse';
interface ApiError { code: number }
function isExpired(error: ApiError): boolean {
  return error.code === 209;
}
export async function load(api: { get(): Promise<void> }): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
    await api.get();
  } catch (e) {
    isExpired(e as ApiError);
  }
}`,
  ],
  invalid: [
    ...typedInvalid,
    {
      // A type-only import cannot be used as a value: report, no fix.
      code: `import type Parse from 'parse';
declare const err: Parse.Error;
if (err.code === 209) {}`,
      errors: [{ messageId: 'magicCode', line: 3, column: 18, suggestions: [] }],
    },
    {
      // A shadowed Parse is not the SDK: report, no fix, no suggestion.
      code: `import Parse from 'parse';
declare const err: Parse.Error;
function f(Parse: string): void {
  if (err.code === 209) {}
}`,
      errors: [{ messageId: 'magicCode', line: 4, column: 20, suggestions: [] }],
    },
    {
      // Nothing named Parse in the file: a suggestion that also adds the import.
      code: `type SdkError = InstanceType<typeof import('parse').default.Error>;
declare const err: SdkError;
if (err.code === 209) {}`,
      errors: [
        {
          messageId: 'magicCode',
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'useConstantWithImport',
              data: { value: '209', constant: 'Parse.Error.INVALID_SESSION_TOKEN', note: '', importText: "import Parse from 'parse';" },
              output: `import Parse from 'parse';
type SdkError = InstanceType<typeof import('parse').default.Error>;
declare const err: SdkError;
if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {}`,
            },
          ],
        },
      ],
    },
    {
      // A user binding's constants object that this file does not import: a suggestion adds it.
      code: `import type { NativeCloudKitError } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === 9) {}`,
      settings: bridgeSettings,
      errors: [
        {
          messageId: 'magicCode',
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'useConstantWithImport',
              data: { value: '9', constant: 'CKErrorCode.notAuthenticated', note: '', importText: "import { CKErrorCode } from './bridge.js';" },
              output: `import type { NativeCloudKitError } from './bridge.js';
import { CKErrorCode } from './bridge.js';
declare const e: NativeCloudKitError;
if (e.code === CKErrorCode.notAuthenticated) {}`,
            },
          ],
        },
      ],
    },
    {
      // The import goes below a hashbang line, which must stay first.
      code: `#!/usr/bin/env node
type SdkError = InstanceType<typeof import('parse').default.Error>;
declare const err: SdkError;
if (err.code === 209) {}`,
      errors: [
        {
          messageId: 'magicCode',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'useConstantWithImport',
              data: { value: '209', constant: 'Parse.Error.INVALID_SESSION_TOKEN', note: '', importText: "import Parse from 'parse';" },
              output: `#!/usr/bin/env node
import Parse from 'parse';
type SdkError = InstanceType<typeof import('parse').default.Error>;
declare const err: SdkError;
if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {}`,
            },
          ],
        },
      ],
    },
    {
      // Object keys become computed keys: a suggestion, because the object's type changes.
      code: `import Parse from 'parse';
declare const err: Parse.Error;
const messages = { 209: 'Please log in again' };
const text = messages[err.code as 209];`,
      errors: [
        {
          messageId: 'magicCode',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'useConstant',
              data: { value: '209', constant: 'Parse.Error.INVALID_SESSION_TOKEN', note: '' },
              output: `import Parse from 'parse';
declare const err: Parse.Error;
const messages = { [Parse.Error.INVALID_SESSION_TOKEN]: 'Please log in again' };
const text = messages[err.code as 209];`,
            },
          ],
        },
      ],
    },
  ],
});

describe('no-magic-error-codes fixes compile', () => {
  it.each(typedInvalid.map((testCase, index) => [index, testCase] as const))('case %i: input, fix and suggestion outputs type-check', (_index, testCase) => {
    const suggested = testCase.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => suggestion.output));
    const outputs = [...(testCase.output ? [testCase.output as string] : []), ...suggested];
    expect(outputs.length).toBeGreaterThan(0);
    for (const code of [testCase.code, ...outputs]) expect(typeErrors(code)).toEqual([]);
  });
});

const untyped = untypedRuleTester();

untyped.run('no-magic-error-codes (untyped)', rule, {
  valid: [
    // Trap: MongoDB code in a file that uses Parse; the try block calls nothing of Parse.
    `import Parse from 'parse';
async function save(db) {
  try { await db.collection('posts').insertOne({}); } catch (e) { if (e.code === 251) {} }
}`,
    // Trap: a code on an unrelated value.
    `if (apiError.code === 209) {}`,
    // Trap: no SDK anywhere.
    `try { await run(); } catch (e) { if (e.code === 141) {} }`,
    // A local variable named Parse is not the Cloud Code global.
    `const Parse = makeParser();
try { Parse.run(); } catch (e) { if (e.code === 209) {} }`,
  ],
  invalid: [
    {
      // Cloud Code: the global Parse.
      code: `Parse.Cloud.define('publish', async (request) => {
  try {
    await new Parse.Query('Post').get(request.params.id);
  } catch (e) {
    if (e.code === 119) throw new Parse.Error(142, 'not found');
  }
});`,
      output: `Parse.Cloud.define('publish', async (request) => {
  try {
    await new Parse.Query('Post').get(request.params.id);
  } catch (e) {
    if (e.code === Parse.Error.OPERATION_FORBIDDEN) throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'not found');
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'magicCode', line: 5, column: 20 },
        { messageId: 'magicCode', line: 5, column: 47 },
      ],
    },
    {
      // CommonJS require.
      code: `const Parse = require('parse/node');
async function login() {
  try { await Parse.User.logIn('ada', 'pw'); } catch (err) { if (err.code === 209) return null; }
}`,
      output: `const Parse = require('parse/node');
async function login() {
  try { await Parse.User.logIn('ada', 'pw'); } catch (err) { if (err.code === Parse.Error.INVALID_SESSION_TOKEN) return null; }
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicCode', line: 3, column: 79 }],
    },
    {
      // instanceof narrowing without types, and a promise rejection handler.
      code: `import Parse from 'parse';
function handle(e) { if (e instanceof Parse.Error && e.code === 209) {} }
new Parse.Query('Post').find().catch((e) => { switch (e.code) { case 100: break; } });`,
      output: `import Parse from 'parse';
function handle(e) { if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) {} }
new Parse.Query('Post').find().catch((e) => { switch (e.code) { case Parse.Error.CONNECTION_FAILED: break; } });`,
      errors: [
        { messageId: 'magicCode', line: 2, column: 65 },
        { messageId: 'magicCode', line: 3, column: 70 },
      ],
    },
    {
      // CloudKit JS strings without types, with checkStrings.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
CloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => e.ckErrorCode === 'TRY_AGAIN_LATER');`,
      output: `import * as CloudKit from 'tsl-apple-cloudkit';
CloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => e.ckErrorCode === CloudKit.CKError.TRY_AGAIN_LATER);`,
      options: [{ checkStrings: true }],
      errors: [{ messageId: 'magicCode', line: 2, column: 99 }],
    },
    {
      // Drupal, destructured require.
      code: `const { Drupal, DrupalError } = require('drupal-js-sdk');
async function load(api) {
  try { await api.getMenu('main'); Drupal.x(); } catch (e) { if (e.getErrorCode() === 100) {} }
}`,
      output: `const { Drupal, DrupalError } = require('drupal-js-sdk');
async function load(api) {
  try { await api.getMenu('main'); Drupal.x(); } catch (e) { if (e.getErrorCode() === DrupalError.CONNECTION_FAILED) {} }
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicCode', line: 3, column: 87 }],
    },
  ],
});

const reexports = path.join(path.dirname(fixtureProject), 'reexports');
/** Cases linted as a file beside the project modules in tests/fixtures/reexports. */
const besideReexports = path.join(reexports, 'spec.js');

untyped.run('no-magic-error-codes (untyped): test assertions', rule, {
  valid: [
    // Traps: numbers that are not codes, in a file that uses Parse.
    `import Parse from 'parse/node';
it('counts', async () => {
  const items = await new Parse.Query('Item').find();
  const res = await fetch('https://example.com');
  const x = items.length;
  expect(items.length).toBe(209);
  expect(res.status).toBe(200);
  assert.equal(x, 101);
});`,
    // Trap: an error from code that never calls the SDK.
    `import Parse from 'parse/node';
it('fails', async () => {
  try { await db.insertOne({}); } catch (e) { expect(e.code).toBe(11000); assert.equal(e.code, 209); }
});`,
    // Constants are what the rule asks for.
    `Parse.Cloud.run('hello').catch((error) => expect(error.code).toEqual(Parse.Error.SCRIPT_FAILED));`,
    // A negated class assertion does not bind the error.
    `it('logs', () => {
  const error = log[2].error;
  expect(error instanceof Parse.Error).not.toBeTruthy();
  expect(error.code).toBe(209);
});`,
    // Matchers replaced through settings: toBe is no longer read.
    {
      code: `Parse.Cloud.run('hello').catch((error) => expect(error.code).toBe(209));`,
      settings: { 'error-codes': { assertions: { matchers: ['shouldEqual'] } } },
    },
  ],
  invalid: [
    {
      // jest / jasmine matchers, in a rejection handler and a catch around SDK calls.
      code: `it('runs', async () => {
  await Parse.Cloud.run('hello').then(fail, (error) => {
    expect(error.code).toBe(209);
    expect(error.code).toStrictEqual(119);
    expect(error.code).not.toEqual(100);
  });
  try {
    await new Parse.Query('Post').get('x');
  } catch (e) {
    expect(e.code).toEqual(209);
  }
});`,
      output: `it('runs', async () => {
  await Parse.Cloud.run('hello').then(fail, (error) => {
    expect(error.code).toBe(Parse.Error.INVALID_SESSION_TOKEN);
    expect(error.code).toStrictEqual(Parse.Error.OPERATION_FORBIDDEN);
    expect(error.code).not.toEqual(Parse.Error.CONNECTION_FAILED);
  });
  try {
    await new Parse.Query('Post').get('x');
  } catch (e) {
    expect(e.code).toEqual(Parse.Error.INVALID_SESSION_TOKEN);
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'magicCode', line: 3, column: 29 },
        { messageId: 'magicCode', line: 4, column: 38 },
        { messageId: 'magicCode', line: 5, column: 36 },
        { messageId: 'magicCode', line: 10, column: 28 },
      ],
    },
    {
      // 141 has several documented meanings: a suggestion, as everywhere.
      code: `Parse.Cloud.run('hello').catch((error) => expect(error.code).toEqual(141));`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'ambiguousCode',
          line: 1,
          column: 70,
          suggestions: [
            {
              messageId: 'useConstant',
              data: {
                value: '141',
                constant: 'Parse.Error.SCRIPT_FAILED',
                note: ", the SDK's name for it (also documented as FunctionNotFound, JobNotFound and SuccessErrorNotCalled, …)",
              },
              output: `Parse.Cloud.run('hello').catch((error) => expect(error.code).toEqual(Parse.Error.SCRIPT_FAILED));`,
            },
          ],
        },
      ],
    },
    {
      // chai: expect chains and assert; node:assert, in either argument order.
      code: `const Parse = require('parse/node');
const { expect, assert } = require('chai');
const { strictEqual } = require('node:assert');
it('fails', async () => {
  try {
    await Parse.User.logIn('ada', 'pw');
  } catch (e) {
    expect(e.code).to.equal(209);
    expect(e.code).to.eq(119);
    expect(e.code).to.be.equal(100);
    assert.equal(e.code, 209);
    assert.strictEqual(119, e.code);
    strictEqual(e.code, 100);
  }
});`,
      output: `const Parse = require('parse/node');
const { expect, assert } = require('chai');
const { strictEqual } = require('node:assert');
it('fails', async () => {
  try {
    await Parse.User.logIn('ada', 'pw');
  } catch (e) {
    expect(e.code).to.equal(Parse.Error.INVALID_SESSION_TOKEN);
    expect(e.code).to.eq(Parse.Error.OPERATION_FORBIDDEN);
    expect(e.code).to.be.equal(Parse.Error.CONNECTION_FAILED);
    assert.equal(e.code, Parse.Error.INVALID_SESSION_TOKEN);
    assert.strictEqual(Parse.Error.OPERATION_FORBIDDEN, e.code);
    strictEqual(e.code, Parse.Error.CONNECTION_FAILED);
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'magicCode', line: 8, column: 29 },
        { messageId: 'magicCode', line: 9, column: 26 },
        { messageId: 'magicCode', line: 10, column: 32 },
        { messageId: 'magicCode', line: 11, column: 26 },
        { messageId: 'magicCode', line: 12, column: 24 },
        { messageId: 'magicCode', line: 13, column: 25 },
      ],
    },
    {
      // An error compared with an object or a property path.
      code: `new Parse.Query('Post').find().catch((err) => {
  expect(err).toEqual({ code: 209, message: 'expired' });
  expect(err).toMatchObject({ code: 119 });
  expect(err).toHaveProperty('code', 100);
  expect(err).to.have.property('code', 209);
  assert.deepEqual(err, { code: 119 });
});`,
      output: `new Parse.Query('Post').find().catch((err) => {
  expect(err).toEqual({ code: Parse.Error.INVALID_SESSION_TOKEN, message: 'expired' });
  expect(err).toMatchObject({ code: Parse.Error.OPERATION_FORBIDDEN });
  expect(err).toHaveProperty('code', Parse.Error.CONNECTION_FAILED);
  expect(err).to.have.property('code', Parse.Error.INVALID_SESSION_TOKEN);
  assert.deepEqual(err, { code: Parse.Error.OPERATION_FORBIDDEN });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'magicCode', line: 2, column: 31 },
        { messageId: 'magicCode', line: 3, column: 37 },
        { messageId: 'magicCode', line: 4, column: 38 },
        { messageId: 'magicCode', line: 5, column: 40 },
        { messageId: 'magicCode', line: 6, column: 33 },
      ],
    },
    {
      // An error that a test asserts to be a Parse.Error, then reads the code of.
      code: `it('logs', () => {
  const error = log[2].error;
  expect(error instanceof Parse.Error).toBeTruthy();
  expect(error.code).toBe(209);
  const other = log[3].error;
  assert.ok(other instanceof Parse.Error);
  expect(other.code).toBe(119);
  const third = log[4].error;
  expect(third).toBeInstanceOf(Parse.Error);
  expect(third.code).toBe(100);
});`,
      output: `it('logs', () => {
  const error = log[2].error;
  expect(error instanceof Parse.Error).toBeTruthy();
  expect(error.code).toBe(Parse.Error.INVALID_SESSION_TOKEN);
  const other = log[3].error;
  assert.ok(other instanceof Parse.Error);
  expect(other.code).toBe(Parse.Error.OPERATION_FORBIDDEN);
  const third = log[4].error;
  expect(third).toBeInstanceOf(Parse.Error);
  expect(third.code).toBe(Parse.Error.CONNECTION_FAILED);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'magicCode', line: 4, column: 27 },
        { messageId: 'magicCode', line: 7, column: 27 },
        { messageId: 'magicCode', line: 10, column: 27 },
      ],
    },
    {
      // Matcher names from settings.
      code: `Parse.Cloud.run('hello').catch((error) => expect(error.code).shouldEqual(209));`,
      output: `Parse.Cloud.run('hello').catch((error) => expect(error.code).shouldEqual(Parse.Error.INVALID_SESSION_TOKEN));`,
      settings: { 'error-codes': { assertions: { matchers: ['shouldEqual'] } } },
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicCode', line: 1, column: 74 }],
    },
  ],
});

untyped.run('no-magic-error-codes (untyped): errors handed to a helper', rule, {
  valid: [
    // Trap: one caller hands the helper an error that is not the SDK's.
    `import Parse from 'parse/node';
function handleParseError(error) {
  if (error.code === 209) logOut();
}
async function a() {
  try { await Parse.User.logIn('ada', 'pw'); } catch (e) { handleParseError(e); }
}
async function b() {
  try { await db.insertOne({}); } catch (e) { handleParseError(e); }
}`,
    // Trap: the same holds for a helper passed as a rejection handler, once around another client.
    `import Parse from 'parse/node';
function handleParseError(error) {
  if (error.code === 209) logOut();
}
new Parse.Query('Post').find().catch(handleParseError);
db.insertOne({}).catch(handleParseError);`,
    // Trap: a helper nobody in the file calls.
    `import Parse from 'parse/node';
export function handleParseError(error) {
  if (error.code === 209) logOut();
}`,
    // Trap: a helper also handed to code that is not a handler.
    `import Parse from 'parse/node';
function handleParseError(error) {
  if (error.code === 209) logOut();
}
new Parse.Query('Post').find().catch((e) => handleParseError(e));
errors.forEach(handleParseError);`,
    // Only one hop: a helper called from another helper.
    `import Parse from 'parse/node';
function inner(error) {
  if (error.code === 209) logOut();
}
function outer(error) {
  inner(error);
}
new Parse.Query('Post').find().catch((e) => outer(e));`,
  ],
  invalid: [
    {
      // Called from catches around SDK calls and passed as a rejection handler; also exported.
      code: `import Parse from 'parse/node';
export function handleParseError(error) {
  switch (error.code) {
    case 209:
      return logOut();
    case 119:
      return deny();
    default:
      throw error;
  }
}
async function load() {
  try { await new Parse.Query('Post').find(); } catch (e) { handleParseError(e); }
  await Parse.User.logIn('ada', 'pw').catch(handleParseError);
  await Parse.Cloud.run('x').catch((e) => handleParseError(e));
}`,
      output: `import Parse from 'parse/node';
export function handleParseError(error) {
  switch (error.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      return logOut();
    case Parse.Error.OPERATION_FORBIDDEN:
      return deny();
    default:
      throw error;
  }
}
async function load() {
  try { await new Parse.Query('Post').find(); } catch (e) { handleParseError(e); }
  await Parse.User.logIn('ada', 'pw').catch(handleParseError);
  await Parse.Cloud.run('x').catch((e) => handleParseError(e));
}`,
      errors: [
        { messageId: 'magicCode', line: 4, column: 10 },
        { messageId: 'magicCode', line: 6, column: 10 },
      ],
    },
    {
      // An arrow helper, the error as its second parameter, an instanceof-narrowed argument.
      code: `const Parse = require('parse/node');
const report = (context, err) => err.code === 209;
function check(value) {
  if (value instanceof Parse.Error) report('check', value);
}`,
      output: `const Parse = require('parse/node');
const report = (context, err) => err.code === Parse.Error.INVALID_SESSION_TOKEN;
function check(value) {
  if (value instanceof Parse.Error) report('check', value);
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicCode', line: 2, column: 47 }],
    },
  ],
});

untyped.run('no-magic-error-codes (untyped): import shapes and project modules', rule, {
  valid: [
    // Trap: a project module's own Parse that is not the SDK.
    {
      code: `import { Parse } from './not-sdk.js';
try { Parse.run(); } catch (e) { if (e.code === 209) {} }`,
      filename: besideReexports,
    },
    // Only one level of handing on is followed.
    {
      code: `import { Parse } from './two-levels.js';
try { Parse.run(); } catch (e) { if (e.code === 209) {} }`,
      filename: besideReexports,
    },
  ],
  invalid: [
    // Every shape of import or require that holds the SDK object gets the fix.
    ...[
      `import { Parse } from 'parse/node';`,
      `import { default as Parse } from 'parse';`,
      `import * as Parse from 'parse/node';`,
      `const Parse = require('parse/node').Parse;`,
      `const { Parse } = require('parse/node');`,
      `const Parse = require('parse/react-native');`,
    ].map((importText) => ({
      code: `${importText}
new Parse.Query('Post').find().catch((e) => e.code === 209);`,
      output: `${importText}
new Parse.Query('Post').find().catch((e) => e.code === Parse.Error.INVALID_SESSION_TOKEN);`,
      languageOptions: { parserOptions: { sourceType: importText.startsWith('import') ? ('module' as const) : ('script' as const) } },
      errors: [{ messageId: 'magicCode' as const, line: 2, column: 56 }],
    })),
    {
      // A namespace read only through \`default\`: Node's own namespace of the SDK has no Error.
      code: `import * as Parse from 'parse/node';
Parse.default.User.logIn('ada', 'pw').catch((e) => e.code === 209);`,
      errors: [{ messageId: 'magicCode', line: 2, column: 63, suggestions: [] }],
    },
    {
      // A module inside the SDK package is not its entry point: no fix.
      code: `const RESTController = require('parse/lib/node/RESTController');
RESTController.request('GET', 'health').catch((e) => e.code === 209);`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicCode', line: 2, column: 65, suggestions: [] }],
    },
    // The SDK handed on by a project module, in each form.
    ...[`import { Parse } from './common-imports.js';`, `import Parse from './sdk-default.js';`].map((importText) => ({
      code: `${importText}
new Parse.Query('Post').find().catch((e) => e.code === 209);`,
      output: `${importText}
new Parse.Query('Post').find().catch((e) => e.code === Parse.Error.INVALID_SESSION_TOKEN);`,
      filename: besideReexports,
      errors: [{ messageId: 'magicCode' as const, line: 2, column: 56 }],
    })),
    {
      code: `const { Parse } = require('./common-require.js');
new Parse.Query('Post').find().catch((e) => e.code === 209);`,
      output: `const { Parse } = require('./common-require.js');
new Parse.Query('Post').find().catch((e) => e.code === Parse.Error.INVALID_SESSION_TOKEN);`,
      filename: besideReexports,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicCode', line: 2, column: 56 }],
    },
  ],
});

describe('the import a suggestion adds', () => {
  const nodeProject = path.join(path.dirname(fixtureProject), 'node-project');
  const tester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions(nodeProject) } });
  tester.run('no-magic-error-codes', rule, {
    valid: [],
    invalid: [
      {
        // The project imports the SDK as 'parse/node' (server.ts, cloud.ts): the added import does too.
        code: `type SdkError = InstanceType<typeof import('parse').default.Error>;
export function isExpired(err: SdkError): boolean {
  return err.code === 209;
}`,
        errors: [
          {
            messageId: 'magicCode',
            suggestions: [
              {
                messageId: 'useConstantWithImport',
                data: { value: '209', constant: 'Parse.Error.INVALID_SESSION_TOKEN', note: '', importText: "import Parse from 'parse/node';" },
                output: `import Parse from 'parse/node';
type SdkError = InstanceType<typeof import('parse').default.Error>;
export function isExpired(err: SdkError): boolean {
  return err.code === Parse.Error.INVALID_SESSION_TOKEN;
}`,
              },
            ],
          },
        ],
      },
    ],
  });
});
