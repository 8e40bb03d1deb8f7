import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/exhaustive-error-codes.js';
import { bridgeSettings, fixtureProject, syntaxOnlyRuleTester, typedParserOptions, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { typeErrors } from '../type-errors.js';

/** The 16 codes the CloudKit JS server sends (`serverErrorCode`). */
const CLOUDKIT_JS_SERVER_CODES = [
  'ACCESS_DENIED',
  'ATOMIC_ERROR',
  'AUTHENTICATION_FAILED',
  'AUTHENTICATION_REQUIRED',
  'BAD_REQUEST',
  'CONFLICT',
  'EXISTS',
  'INTERNAL_ERROR',
  'NOT_FOUND',
  'QUOTA_EXCEEDED',
  'THROTTLED',
  'TRY_AGAIN_LATER',
  'UNIQUE_FIELD_ERROR',
  'VALIDATING_REFERENCE_ERROR',
  'ZONE_BUSY',
  'ZONE_NOT_FOUND',
];

/** A switch over `e.serverErrorCode` with a case for every server code. */
const allServerCases = CLOUDKIT_JS_SERVER_CODES.map((code) => `    case '${code}':`).join('\n');

/** Native CloudKit codes 1 to 37 except the ones kept. */
const nativeCodesExcept = (...kept: number[]): number[] => Array.from({ length: 37 }, (_, index) => index + 1).filter((code) => !kept.includes(code));

/** A switch over a bridge error's code whose first two cases are `first` and `second` (7 and 23), then `rest`. */
function bridgeSwitch(first: string, second: string, rest = ''): string {
  return `import { CKErrorCode, type NativeCloudKitError } from './bridge.js';
declare function retryLater(): void;
export function handle(e: NativeCloudKitError): void {
  switch (e.code) {
    case ${first}:
    case ${second}:
      retryLater();
      break;${rest}
  }
}`;
}

/** The cases the missing-cases suggestion adds to `bridgeSwitch` with the codes 7, 9, 14 and 23 kept. */
const missingBridgeCases = `
    case CKErrorCode.notAuthenticated: {
      throw new Error('Not implemented yet: CKErrorCode.notAuthenticated case');
    }
    case CKErrorCode.serverRecordChanged: {
      throw new Error('Not implemented yet: CKErrorCode.serverRecordChanged case');
    }`;

/** `bridgeSwitch` with every native code but 7, 9, 14 and 23 ignored: 9 and 14 are missing. */
function bridgeSwitchMissing(first: string, second: string): InvalidTestCase<MessageIds, Options> {
  return {
    code: bridgeSwitch(first, second),
    settings: bridgeSettings,
    options: [{ ignore: nativeCodesExcept(7, 9, 14, 23) }],
    errors: [
      {
        messageId: 'dropsCodes',
        line: 4,
        column: 3,
        data: { what: 'switch', dropped: '2 CloudKit (native CKError.Code) codes, notAuthenticated (9) and serverRecordChanged (14)', them: 'them' },
        suggestions: [
          { messageId: 'addMissingCases', output: bridgeSwitch(first, second, missingBridgeCases) },
          { messageId: 'addRethrow', output: bridgeSwitch(first, second, '\n    default:\n      throw e;') },
        ],
      },
    ],
  };
}

/** Typed invalid cases with suggestions: their input and every suggestion's output must type-check. */
const typedWithSuggestions: InvalidTestCase<MessageIds, Options>[] = [
  {
    // Parse: a switch without default in a catch drops the other 85 codes. Too many for cases: only the rethrow.
    code: `import Parse from 'parse';
export async function load(): Promise<void> {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    if (!(e instanceof Parse.Error)) throw e;
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        await Parse.User.logOut();
        break;
      case Parse.Error.CONNECTION_FAILED:
        console.warn('offline');
        break;
    }
  }
}`,
    errors: [
      {
        messageId: 'dropsCodes',
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 20,
        data: {
          what: 'switch',
          dropped: '85 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addRethrow',
            data: { error: 'e' },
            output: `import Parse from 'parse';
export async function load(): Promise<void> {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    if (!(e instanceof Parse.Error)) throw e;
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        await Parse.User.logOut();
        break;
      case Parse.Error.CONNECTION_FAILED:
        console.warn('offline');
        break;
      default:
        throw e;
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // An empty default: the rethrow goes after its colon.
    code: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
  }
}`,
    errors: [
      {
        messageId: 'emptyFallback',
        line: 7,
        column: 5,
        endColumn: 12,
        data: {
          where: 'The `default` case of this switch',
          dropped: '86 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addRethrow',
            data: { error: 'err' },
            output: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
      throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // `default: break;`: the break becomes the rethrow (a throw after it would never run).
    code: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN: console.log('login'); break;
    default: break;
  }
}`,
    errors: [
      {
        messageId: 'emptyFallback',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN: console.log('login'); break;
    default: throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // A default that only logs, then breaks.
    code: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
      console.error(err);
      break;
  }
}`,
    errors: [
      {
        messageId: 'logOnlyFallback',
        line: 7,
        column: 5,
        data: {
          where: 'The `default` case of this switch',
          dropped: '86 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
      console.error(err);
      throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // A literal-union code type is the universe: one member is missing. Both suggestions.
    code: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      return 'login';
  }
}`,
    errors: [
      {
        messageId: 'dropsCodes',
        line: 6,
        column: 3,
        endColumn: 20,
        data: { what: 'switch', dropped: '1 Parse code, Parse.Error.CONNECTION_FAILED (100)', them: 'it' },
        suggestions: [
          {
            messageId: 'addMissingCases',
            data: { cases: 'a case for the missing code' },
            output: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      return 'login';
    case Parse.Error.CONNECTION_FAILED: {
      throw new Error('Not implemented yet: Parse.Error.CONNECTION_FAILED case');
    }
  }
}`,
          },
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      return 'login';
    default:
      throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // A log-only default over a literal union: the missing cases go above it, most urgent first.
    code: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
    default:
      console.warn(err);
      return;
  }
}`,
    errors: [
      {
        messageId: 'logOnlyFallback',
        line: 9,
        column: 5,
        data: {
          where: 'The `default` case of this switch',
          dropped: '2 Parse codes, Parse.Error.SESSION_MISSING (206) and Parse.Error.INVALID_SESSION_TOKEN (209)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addMissingCases',
            data: { cases: 'cases for the 2 missing codes' },
            output: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
    case Parse.Error.SESSION_MISSING: {
      throw new Error('Not implemented yet: Parse.Error.SESSION_MISSING case');
    }
    case Parse.Error.INVALID_SESSION_TOKEN: {
      throw new Error('Not implemented yet: Parse.Error.INVALID_SESSION_TOKEN case');
    }
    default:
      console.warn(err);
      return;
  }
}`,
          },
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
    default:
      console.warn(err);
      throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // The literal union covered, and requireDefault: a fallback for values the type does not list.
    code: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      return 'login';
  }
}`,
    options: [{ requireDefault: true }],
    errors: [
      {
        messageId: 'missingFallback',
        line: 6,
        column: 3,
        data: { what: 'switch', codes: 'code its type allows', source: 'type' },
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206;
}
export function handle(err: SessionError): string | undefined {
  switch (err.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      return 'login';
    default:
      throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // An if-chain without else over an instanceof-guarded code, at the end of the function.
    code: `import Parse from 'parse';
export async function handle(e: unknown): Promise<void> {
  if (e instanceof Parse.Error && (e.code === Parse.Error.INVALID_SESSION_TOKEN || e.code === Parse.Error.SESSION_MISSING)) {
    await Parse.User.logOut();
  } else if (e instanceof Parse.Error && [Parse.Error.CONNECTION_FAILED, Parse.Error.TIMEOUT].includes(e.code)) {
    console.warn('offline');
  }
}`,
    errors: [
      {
        messageId: 'dropsCodes',
        line: 3,
        column: 3,
        endColumn: 124,
        data: {
          what: 'if-chain',
          dropped: '83 Parse codes, including Parse.Error.MFA_TOKEN_REQUIRED (211) and Parse.Error.INVALID_LINKED_SESSION (251)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export async function handle(e: unknown): Promise<void> {
  if (e instanceof Parse.Error && (e.code === Parse.Error.INVALID_SESSION_TOKEN || e.code === Parse.Error.SESSION_MISSING)) {
    await Parse.User.logOut();
  } else if (e instanceof Parse.Error && [Parse.Error.CONNECTION_FAILED, Parse.Error.TIMEOUT].includes(e.code)) {
    console.warn('offline');
  } else {
    throw e;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // Branches without braces: the else goes on a line of its own.
    code: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) console.log('login');
  else if (err.code === Parse.Error.CONNECTION_FAILED) console.log('offline');
}`,
    errors: [
      {
        messageId: 'dropsCodes',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) console.log('login');
  else if (err.code === Parse.Error.CONNECTION_FAILED) console.log('offline');
  else {
    throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // A final else that only logs: reported at the else keyword.
    code: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (err.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else {
    console.error(err);
  }
}`,
    errors: [
      {
        messageId: 'logOnlyFallback',
        line: 7,
        column: 5,
        endColumn: 9,
        data: {
          where: 'The `else` branch of this if-chain',
          dropped: '85 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (err.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else {
    console.error(err);
    throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // An else without braces that only logs: the suggestion wraps it in a block.
    code: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (err.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else console.error(err);
}`,
    errors: [
      {
        messageId: 'logOnlyFallback',
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function handle(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (err.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else {
    console.error(err);
    throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // The early-return run's fallback logs and returns nothing.
    code: `import Parse from 'parse';
export function describe(e: Parse.Error): string | undefined {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
  if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
  console.error(e);
}`,
    errors: [
      {
        messageId: 'logOnlyFallback',
        line: 3,
        column: 3,
        endColumn: 52,
        data: {
          where: 'The code after these `if`s',
          dropped: '85 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function describe(e: Parse.Error): string | undefined {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
  if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
  console.error(e);
  throw e;
}`,
          },
        ],
      },
    ],
  },
  {
    // The early-return run's fallback is a bare return.
    code: `import Parse from 'parse';
export function describe(e: Parse.Error): string | undefined {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
  if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
  return;
}`,
    errors: [
      {
        messageId: 'emptyFallback',
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function describe(e: Parse.Error): string | undefined {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
  if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
  throw e;
}`,
          },
        ],
      },
    ],
  },
  {
    // A chain below a guard (`if (!(e instanceof …)) throw e; else if …`) is a dispatch of its own.
    code: `import Parse from 'parse';
export function handle(e: unknown): void {
  if (!(e instanceof Parse.Error)) {
    throw e;
  } else if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (e.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  }
}`,
    errors: [
      {
        messageId: 'dropsCodes',
        line: 5,
        column: 10,
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export function handle(e: unknown): void {
  if (!(e instanceof Parse.Error)) {
    throw e;
  } else if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (e.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else {
    throw e;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // A labelled break in the default leaves the loop: it drops the code too, and becomes the rethrow.
    code: `import Parse from 'parse';
export async function poll(): Promise<void> {
  outer: for (;;) {
    try {
      await Parse.Cloud.run('poll');
    } catch (e) {
      if (!(e instanceof Parse.Error)) throw e;
      switch (e.code) {
        case Parse.Error.CONNECTION_FAILED:
          continue;
        default:
          break outer;
      }
    }
  }
}`,
    errors: [
      {
        messageId: 'emptyFallback',
        line: 11,
        column: 9,
        suggestions: [
          {
            messageId: 'addRethrow',
            output: `import Parse from 'parse';
export async function poll(): Promise<void> {
  outer: for (;;) {
    try {
      await Parse.Cloud.run('poll');
    } catch (e) {
      if (!(e instanceof Parse.Error)) throw e;
      switch (e.code) {
        case Parse.Error.CONNECTION_FAILED:
          continue;
        default:
          throw e;
      }
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // CloudKit JS serverErrorCode holds only the 16 server codes; with most ignored, the missing
    // cases are offered with the SDK's constants, and a literal for ZONE_BUSY, which has none.
    code: `import * as CloudKit from 'tsl-apple-cloudkit';
export function handle(e: CloudKit.CKError): void {
  switch (e.serverErrorCode) {
    case CloudKit.CKError.THROTTLED:
    case CloudKit.CKError.TRY_AGAIN_LATER:
      break;
  }
}`,
    options: [{ ignore: ['ACCESS_DENIED', 'ATOMIC_ERROR', 'BAD_REQUEST', 'CONFLICT', 'EXISTS', 'INTERNAL_ERROR', 'NOT_FOUND', 'QUOTA_EXCEEDED', 'UNIQUE_FIELD_ERROR', 'VALIDATING_REFERENCE_ERROR', 'ZONE_NOT_FOUND'] }],
    errors: [
      {
        messageId: 'dropsCodes',
        line: 3,
        column: 3,
        data: {
          what: 'switch',
          dropped:
            "3 CloudKit JS codes, including CloudKit.CKError.AUTHENTICATION_FAILED ('AUTHENTICATION_FAILED') and CloudKit.CKError.AUTHENTICATION_REQUIRED ('AUTHENTICATION_REQUIRED')",
          them: 'them',
        },
        suggestions: [
          {
            messageId: 'addMissingCases',
            data: { cases: 'cases for the 3 missing codes' },
            output: `import * as CloudKit from 'tsl-apple-cloudkit';
export function handle(e: CloudKit.CKError): void {
  switch (e.serverErrorCode) {
    case CloudKit.CKError.THROTTLED:
    case CloudKit.CKError.TRY_AGAIN_LATER:
      break;
    case CloudKit.CKError.AUTHENTICATION_FAILED: {
      throw new Error('Not implemented yet: CloudKit.CKError.AUTHENTICATION_FAILED case');
    }
    case CloudKit.CKError.AUTHENTICATION_REQUIRED: {
      throw new Error('Not implemented yet: CloudKit.CKError.AUTHENTICATION_REQUIRED case');
    }
    case 'ZONE_BUSY': {
      throw new Error('Not implemented yet: ZONE_BUSY case');
    }
  }
}`,
          },
          {
            messageId: 'addRethrow',
            output: `import * as CloudKit from 'tsl-apple-cloudkit';
export function handle(e: CloudKit.CKError): void {
  switch (e.serverErrorCode) {
    case CloudKit.CKError.THROTTLED:
    case CloudKit.CKError.TRY_AGAIN_LATER:
      break;
    default:
      throw e;
  }
}`,
          },
        ],
      },
    ],
  },
  // Native CloudKit through a bridge binding, with literal codes: with the rest ignored, the
  // missing cases are written with the bridge's constants object.
  bridgeSwitchMissing('7', '23'),
  // The same with the bridge's constants as cases: they are the codes 7 and 23.
  bridgeSwitchMissing('CKErrorCode.requestRateLimited', 'CKErrorCode.zoneBusy'),
];

const typed = typedRuleTester();

typed.run('exhaustive-error-codes (typed)', rule, {
  valid: [
    {
      // A bridge's constants as cases, every code not ignored among them (the missing-cases suggestion's result).
      code: bridgeSwitch('CKErrorCode.requestRateLimited', '23', missingBridgeCases),
      settings: bridgeSettings,
      options: [{ ignore: nativeCodesExcept(7, 9, 14, 23) }],
    },
    // A default that rethrows.
    `import Parse from 'parse';
export async function load(): Promise<void> {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    if (!(e instanceof Parse.Error)) throw e;
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        await Parse.User.logOut();
        break;
      default:
        throw e;
    }
  }
}`,
    // A default that passes the error on.
    `import Parse from 'parse';
declare function next(error: unknown): void;
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      break;
    default:
      next(e);
  }
}`,
    // A default that returns the rejection.
    `import Parse from 'parse';
export function handle(e: Parse.Error): Promise<string> {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
      return Promise.resolve('offline');
    default:
      return Promise.reject(e);
  }
}`,
    // A default that returns a value of its own handles the rest.
    `import Parse from 'parse';
export function message(e: Parse.Error): string {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      return 'Please sign in again.';
    default:
      return 'Something went wrong.';
  }
}`,
    // Grouped cases that share the rethrowing default.
    `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
    case Parse.Error.TIMEOUT:
    default:
      throw e;
  }
}`,
    // An if-chain whose else rethrows.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN || e.code === Parse.Error.SESSION_MISSING) {
    return 'login';
  } else if ([Parse.Error.CONNECTION_FAILED, Parse.Error.TIMEOUT].includes(e.code)) {
    return 'offline';
  } else {
    throw e;
  }
}`,
    // The code after a chain without else returns a value for the other codes.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (e.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  }
  return 'done';
}`,
    // A chain that also tests something unrelated is no dispatch.
    `import Parse from 'parse';
declare const navigator: { onLine: boolean };
export function handle(e: Parse.Error): void {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (navigator.onLine) {
    console.log('retry');
  }
}`,
    // A lone if is no dispatch.
    `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  }
}`,
    // Early returns followed by a rethrow.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
  if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
  throw e;
}`,
    // Early returns followed by a new error that carries the old one.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
  if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
  throw new Error('request failed', { cause: e });
}`,
    // A switch without default followed by a rethrow.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      return 'login';
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
  }
  throw e;
}`,
    // `default: break;` and a log-only default run on into the rethrow after the switch.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
    default:
      break;
  }
  throw e;
}`,
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
    default:
      console.warn(e);
  }
  throw e;
}`,
    // An else that logs runs on into the rethrow after the chain.
    `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (e.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else {
    console.warn(e);
  }
  throw e;
}`,
    // The code after an enclosing if runs next: a switch at the end of its block is followed by the rethrow.
    `import Parse from 'parse';
export function handle(e: unknown): string {
  if (e instanceof Parse.Error) {
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        return 'login';
      case Parse.Error.CONNECTION_FAILED:
        return 'offline';
    }
  }
  throw e;
}`,
    // A case without break runs on into the default below it, which rethrows.
    `import Parse from 'parse';
export async function load(): Promise<string> {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  switch (res.status) {
    case 401:
      switch (body.error.code) {
        case 'auth/access-token-expired':
        case 'auth/session-expired':
          return 'login';
      }
    // falls through
    default:
      throw new Error(\`HTTP \${res.status}\`);
  }
}`,
    // A code test after an unrelated one in the same chain: still no dispatch.
    `import Parse from 'parse';
declare const navigator: { onLine: boolean };
export function handle(e: Parse.Error): void {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (navigator.onLine) {
    console.log('retry');
  } else if (e.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } else if (e.code === Parse.Error.TIMEOUT) {
    console.log('slow');
  }
}`,
    // A switch nested in a case of a switch over the same code sees only that case's codes.
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
    case Parse.Error.TIMEOUT:
      switch (e.code) {
        case Parse.Error.CONNECTION_FAILED:
          return 'offline';
        case Parse.Error.TIMEOUT:
          return 'slow';
      }
      break;
    default:
      throw e;
  }
  return '';
}`,
    // ... and an if-chain in the default sees only the codes no case took.
    `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(e: SessionError): string {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'offline';
    default:
      if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
        return 'login';
      } else if (e.code === Parse.Error.SESSION_MISSING) {
        return 'login';
      }
      return '';
  }
}`,
    // assertNever in the default of an exhaustive literal union.
    `import Parse from 'parse';
declare function assertNever(value: never): never;
interface SessionError extends Parse.Error {
  code: 209 | 206;
}
export function handle(e: SessionError): string {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      return 'login';
    default:
      return assertNever(e.code);
  }
}`,
    // A literal union covered completely needs no default.
    `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206;
}
export function handle(e: SessionError): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('expired');
      break;
    case Parse.Error.SESSION_MISSING:
      console.log('missing');
      break;
  }
}`,
    // Every server code of CloudKit JS has a case.
    `import * as CloudKit from 'tsl-apple-cloudkit';
export function handle(e: CloudKit.CKError): void {
  switch (e.serverErrorCode) {
${allServerCases}
      console.log(e.serverErrorCode);
      break;
  }
}`,
    // requireDefault is met by a fallback.
    {
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
export function handle(e: CloudKit.CKError): void {
  switch (e.serverErrorCode) {
${allServerCases}
      console.log(e.serverErrorCode);
      break;
    default:
      throw e;
  }
}`,
      options: [{ requireDefault: true }],
    },
    // requireDefault and a deliberate comment.
    {
      code: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206;
}
export function handle(e: SessionError): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      console.log('login');
      break;
    // no default
  }
}`,
      options: [{ requireDefault: true }],
    },
    // considerDefaultExhaustive: any default will do.
    {
      code: `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
      break;
  }
}`,
      options: [{ considerDefaultExhaustive: true }],
    },
    // allowLogOnlyDefault.
    {
      code: `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
      console.error(e);
  }
}`,
      options: [{ allowLogOnlyDefault: true }],
    },
    // The deliberate comment after the last case, after the last branch, and in an empty default.
    `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    // no default
  }
}`,
    `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    console.log('login');
  } else if (e.code === Parse.Error.CONNECTION_FAILED) {
    console.log('offline');
  } // No default
}`,
    `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    default:
    // no default
  }
}`,
    {
      code: `import Parse from 'parse';
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      console.log('login');
      break;
    // Other codes are handled by the caller.
  }
}`,
      options: [{ defaultCaseCommentPattern: '^other codes are handled' }],
    },
    // ignore: the one code left out needs no case.
    {
      code: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100;
}
export function handle(e: SessionError): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
    case Parse.Error.SESSION_MISSING:
      console.log('login');
      break;
  }
}`,
      options: [{ ignore: [100] }],
    },
    // Without loggers naming it, a call that gets the error passes it on.
    `import Parse from 'parse';
declare const telemetry: { capture(error: unknown): void };
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      break;
    default:
      telemetry.capture(e);
  }
}`,
    // A case whose value is unknown: the covered codes cannot be counted.
    `import Parse from 'parse';
declare const SESSION_EXPIRED: number;
export function handle(e: Parse.Error): void {
  switch (e.code) {
    case SESSION_EXPIRED:
      console.log('login');
      break;
    case Parse.Error.CONNECTION_FAILED:
      console.log('offline');
      break;
  }
}`,
    // HTTP: a status switch whose default throws.
    `export async function load(): Promise<unknown> {
  const res = await fetch('/api/items');
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      return null;
    default:
      throw new Error(\`HTTP \${res.status}\`);
  }
}`,
    // HTTP: a dispatch over success statuses only is no error dispatch.
    `export async function load(): Promise<unknown> {
  const res = await fetch('/api/items');
  if (res.status === 200) {
    return res.json();
  } else if (res.status === 204) {
    return null;
  }
}`,
    // Trap: Node's string codes on an any error whose try block calls no SDK.
    `import Parse from 'parse';
declare function readConfig(): Promise<string>;
export async function load(): Promise<string> {
  await Parse.Cloud.run('warm-up');
  try {
    return await readConfig();
  } catch (e: any) {
    switch (e.code) {
      case 'ENOENT':
        return '';
      case 'EACCES':
        return '';
    }
  }
  return '';
}`,
    // Trap: a Node-style error type with a string code.
    `interface ErrnoException extends Error {
  code?: string;
}
export function handle(e: ErrnoException): void {
  switch (e.code) {
    case 'ENOENT':
      break;
    case 'EACCES':
      break;
  }
}`,
    // Trap: MongoDB's duplicate key 11000 in a file that also uses Parse.
    `import Parse from 'parse';
declare const db: { insertOne(doc: object): Promise<void> };
export async function save(): Promise<void> {
  await new Parse.Query('Post').find();
  try {
    await db.insertOne({});
  } catch (e: any) {
    if (e.code === 11000) {
      console.log('duplicate');
    } else if (e.code === 121) {
      console.log('invalid document');
    }
  }
}`,
    // Trap: an app's own error class with a numeric code.
    `class ApiError extends Error {
  constructor(readonly code: number) {
    super('api');
  }
}
export function handle(e: ApiError): void {
  switch (e.code) {
    case 209:
      break;
    case 101:
      break;
  }
}`,
    // Trap: an any error whose try block calls nothing of an SDK.
    `import Parse from 'parse';
declare function doThing(): Promise<void>;
export async function run(): Promise<void> {
  try {
    await doThing();
  } catch (e: any) {
    switch (e.code) {
      case 209:
        break;
      case 101:
        break;
    }
  }
}`,
    // A native bridge's error without a binding is not a CloudKit error.
    `import type { NativeCloudKitError } from './bridge.js';
export function handle(e: NativeCloudKitError): void {
  switch (e.code) {
    case 7:
    case 23:
      break;
  }
}`,
    // A body fetched from another API is not a bkend body.
    `export async function load(): Promise<void> {
  const res = await fetch('https://api.example.com/v1/posts');
  const body = await res.json();
  switch (body.error.code) {
    case 'auth/session-expired':
      break;
    case 'data/not-found':
      break;
  }
}`,
    // A union of two catalogs' errors is ambiguous.
    `import Parse from 'parse';
import { DrupalError } from '@drupal-js-sdk/error';
export function handle(e: Parse.Error | DrupalError): void {
  switch (e.code) {
    case 209:
      break;
    case 100:
      break;
  }
}`,
  ],
  invalid: [
    ...typedWithSuggestions,
    {
      // Grouped cases without a default.
      code: `import Parse from 'parse';
declare const e: Parse.Error;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
  case Parse.Error.SESSION_MISSING:
    console.log('login');
    break;
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 1,
          data: {
            what: 'switch',
            dropped: '85 Parse codes, including Parse.Error.MFA_TOKEN_REQUIRED (211) and Parse.Error.INVALID_LINKED_SESSION (251)',
            them: 'them',
          },
          suggestions: [],
        },
      ],
    },
    {
      // A custom logger only logs.
      code: `import Parse from 'parse';
declare const telemetry: { capture(error: unknown): void };
declare const e: Parse.Error;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
    break;
  default:
    telemetry.capture(e);
}`,
      options: [{ loggers: ['telemetry'] }],
      errors: [{ messageId: 'logOnlyFallback', line: 7, column: 3, suggestions: [] }],
    },
    {
      // The custom pattern replaces the default one.
      code: `import Parse from 'parse';
declare const e: Parse.Error;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
    break;
  // no default
}`,
      options: [{ defaultCaseCommentPattern: '^other codes are handled' }],
      errors: [{ messageId: 'dropsCodes', line: 3, column: 1 }],
    },
    {
      // ignore takes codes out of the count.
      code: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100 | 124;
}
declare const e: SessionError;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
    break;
}`,
      options: [{ ignore: [206] }],
      errors: [
        {
          messageId: 'dropsCodes',
          line: 6,
          column: 1,
          data: { what: 'switch', dropped: '2 Parse codes, Parse.Error.CONNECTION_FAILED (100) and Parse.Error.TIMEOUT (124)', them: 'them' },
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { cases: 'cases for the 2 missing codes' },
              output: `import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 206 | 100 | 124;
}
declare const e: SessionError;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
    break;
  case Parse.Error.CONNECTION_FAILED: {
    throw new Error('Not implemented yet: Parse.Error.CONNECTION_FAILED case');
  }
  case Parse.Error.TIMEOUT: {
    throw new Error('Not implemented yet: Parse.Error.TIMEOUT case');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // considerDefaultExhaustive does not excuse a missing default.
      code: `import Parse from 'parse';
declare const e: Parse.Error;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
    break;
}`,
      options: [{ considerDefaultExhaustive: true }],
      errors: [{ messageId: 'dropsCodes', line: 3, column: 1 }],
    },
    {
      // A switch nested in a case over another code (bkend inside HTTP) is judged on its own:
      // after its break comes the code after the outer switch, which only logs.
      code: `export async function load(): Promise<string | undefined> {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  switch (res.status) {
    case 401:
      switch (body.error.code) {
        case 'auth/access-token-expired':
        case 'auth/session-expired':
          return 'login';
      }
      break;
    default:
      throw new Error(\`HTTP \${res.status}\`);
  }
  console.warn(body);
}`,
      errors: [
        {
          messageId: 'logOnlyFallback',
          line: 6,
          column: 7,
          data: {
            where: 'The code after this switch',
            dropped: "91 bkend REST API codes, including 'auth/unauthorized' and 'common/authentication-required'",
            them: 'them',
          },
        },
      ],
    },
    {
      // Drupal: the code property.
      code: `import { DrupalError } from '@drupal-js-sdk/error';
declare const e: DrupalError;
switch (e.code) {
  case DrupalError.CONNECTION_FAILED:
    break;
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 1,
          data: {
            what: 'switch',
            dropped: '63 Drupal JavaScript SDK codes, including DrupalError.SESSION_MISSING (206) and DrupalError.INVALID_SESSION_TOKEN (209)',
            them: 'them',
          },
        },
      ],
    },
    {
      // Drupal: getErrorCode() in an if-chain.
      code: `import { DrupalError } from '@drupal-js-sdk/error';
declare const e: DrupalError;
if (e.getErrorCode() === DrupalError.CONNECTION_FAILED) {
  console.log('offline');
} else if (e.getErrorCode() === DrupalError.INVALID_JSON) {
  console.log('bad response');
}`,
      errors: [{ messageId: 'dropsCodes', line: 3, column: 1, data: { what: 'if-chain', dropped: '62 Drupal JavaScript SDK codes, including DrupalError.SESSION_MISSING (206) and DrupalError.INVALID_SESSION_TOKEN (209)', them: 'them' } }],
    },
    {
      // CloudKit JS: string codes on ckErrorCode, no default.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
switch (e.ckErrorCode) {
  case CloudKit.CKError.THROTTLED:
  case 'ZONE_BUSY':
    break;
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 1,
          data: {
            what: 'switch',
            dropped: "23 CloudKit JS codes, including CloudKit.CKError.AUTHENTICATION_FAILED ('AUTHENTICATION_FAILED') and CloudKit.CKError.AUTHENTICATION_REQUIRED ('AUTHENTICATION_REQUIRED')",
            them: 'them',
          },
        },
      ],
    },
    {
      // CloudKit JS: serverErrorCode holds the server group only.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
switch (e.serverErrorCode) {
  case 'THROTTLED':
  case 'ZONE_BUSY':
    break;
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 1,
          data: {
            what: 'switch',
            dropped: "14 CloudKit JS codes, including CloudKit.CKError.AUTHENTICATION_FAILED ('AUTHENTICATION_FAILED') and CloudKit.CKError.AUTHENTICATION_REQUIRED ('AUTHENTICATION_REQUIRED')",
            them: 'them',
          },
        },
      ],
    },
    {
      // Every CloudKit JS server code, and requireDefault.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
switch (e.serverErrorCode) {
${allServerCases.replaceAll('    case', '  case')}
    break;
}`,
      options: [{ requireDefault: true }],
      errors: [{ messageId: 'missingFallback', line: 3, column: 1, data: { what: 'switch', codes: 'CloudKit JS code', source: 'catalog' }, suggestions: [] }],
    },
    {
      // bkend legacy codes on body.error, bound by the URL the body was fetched from.
      code: `export async function load(): Promise<void> {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  switch (body.error) {
    case 'UNAUTHORIZED':
      break;
    case 'RATE_LIMIT_EXCEEDED':
      break;
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 4,
          column: 3,
          data: {
            what: 'switch',
            dropped: "18 bkend REST API codes, including 'AUTHENTICATION_REQUIRED' and 'TOKEN_EXPIRED'",
            them: 'them',
          },
        },
      ],
    },
    {
      // bkend domain codes on body.error.code, in an if-chain.
      code: `export async function load(): Promise<void> {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  if (body.error.code === 'auth/session-expired') {
    console.log('login');
  } else if (body.error.code === 'data/not-found') {
    console.log('gone');
  }
}`,
      errors: [{ messageId: 'dropsCodes', line: 4, column: 3 }],
    },
    {
      // HTTP: res.status on fetch's Response. Informational, success and redirect statuses are no errors to handle.
      code: `export async function load(): Promise<unknown> {
  const res = await fetch('/api/items');
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      return null;
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 3,
          data: { what: 'switch', dropped: '38 HTTP status codes, including UNAUTHORIZED (401) and PROXY_AUTHENTICATION_REQUIRED (407)', them: 'them' },
        },
      ],
    },
    {
      // An any error whose try block calls Parse.
      code: `import Parse from 'parse';
export async function login(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e: any) {
    switch (e.code) {
      case 101:
        console.log('wrong password');
        break;
      case 100:
        console.log('offline');
        break;
    }
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `import Parse from 'parse';
export async function login(): Promise<void> {
  try {
    await Parse.User.logIn('ada', 'secret');
  } catch (e: any) {
    switch (e.code) {
      case 101:
        console.log('wrong password');
        break;
      case 100:
        console.log('offline');
        break;
      default:
        throw e;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A rejection handler.
      code: `import Parse from 'parse';
export function load(): Promise<unknown> {
  return Parse.Cloud.run('load').catch((e: Parse.Error) => {
    switch (e.code) {
      case Parse.Error.CONNECTION_FAILED:
        return 'offline';
      case Parse.Error.TIMEOUT:
        return 'slow';
    }
  });
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `import Parse from 'parse';
export function load(): Promise<unknown> {
  return Parse.Cloud.run('load').catch((e: Parse.Error) => {
    switch (e.code) {
      case Parse.Error.CONNECTION_FAILED:
        return 'offline';
      case Parse.Error.TIMEOUT:
        return 'slow';
      default:
        throw e;
    }
  });
}`,
            },
          ],
        },
      ],
    },
  ],
});

describe('exhaustive-error-codes suggestions compile', () => {
  it.each(typedWithSuggestions.map((testCase, index) => [index, testCase] as const))('case %i: input and every suggestion output type-check', (_index, testCase) => {
    expect(typeErrors(testCase.code)).toEqual([]);
    const outputs = testCase.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => suggestion.output));
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(typeErrors(output)).toEqual([]);
  });
});

const untyped = untypedRuleTester();

untyped.run('exhaustive-error-codes (untyped)', rule, {
  valid: [
    // A default that rethrows.
    `import Parse from 'parse';
export async function load() {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        await Parse.User.logOut();
        break;
      default:
        throw e;
    }
  }
}`,
    // Early returns followed by a rethrow.
    `import Parse from 'parse';
export async function load() {
  try {
    return await Parse.Cloud.run('load');
  } catch (e) {
    if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return 'login';
    if (e.code === Parse.Error.CONNECTION_FAILED) return 'offline';
    throw e;
  }
}`,
    // A chain with an unrelated test, and a lone if.
    `import Parse from 'parse';
export async function load() {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    if (e.code === Parse.Error.INVALID_SESSION_TOKEN) {
      console.log('login');
    } else if (navigator.onLine) {
      console.log('retry');
    }
    if (e.code === Parse.Error.CONNECTION_FAILED) {
      console.log('offline');
    }
  }
}`,
    // Trap: Node's string codes in a file that also uses Parse; the try block calls fs only.
    `import Parse from 'parse';
import { readFile } from 'node:fs/promises';
export async function load() {
  await Parse.Cloud.run('warm-up');
  try {
    return await readFile('config.json', 'utf8');
  } catch (e) {
    switch (e.code) {
      case 'ENOENT':
        break;
      case 'EACCES':
        break;
    }
  }
}`,
    // Trap: MongoDB's duplicate key 11000 in a file that also uses Parse.
    `import Parse from 'parse';
export async function save(db) {
  await new Parse.Query('Post').find();
  try {
    await db.collection('posts').insertOne({});
  } catch (e) {
    if (e.code === 11000) {
      console.log('duplicate');
    } else if (e.code === 121) {
      console.log('invalid document');
    }
  }
}`,
    // Trap: an app's own error class with a numeric code.
    `import Parse from 'parse';
class ApiError extends Error {
  constructor(code) {
    super('api');
    this.code = code;
  }
}
export function handle(e) {
  if (!(e instanceof ApiError)) throw e;
  switch (e.code) {
    case 209:
      break;
    case 101:
      break;
  }
}`,
    // Trap: no SDK in the file at all.
    `export async function run(doThing) {
  try {
    await doThing();
  } catch (e) {
    switch (e.code) {
      case 209:
        break;
      case 101:
        break;
    }
  }
}`,
    // Without types, a status on an unknown response is not bound to HTTP.
    `export async function load() {
  const res = await fetch('/api/items');
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      return null;
  }
}`,
    // A body from another API is not a bkend body.
    `export async function load() {
  const res = await fetch('https://api.example.com/v1/posts');
  const body = await res.json();
  switch (body.error) {
    case 'UNAUTHORIZED':
      break;
    case 'RATE_LIMIT_EXCEEDED':
      break;
  }
}`,
    // allowLogOnlyDefault.
    {
      code: `import Parse from 'parse';
new Parse.Query('Post').find().catch((e) => {
  switch (e.code) {
    case Parse.Error.CONNECTION_FAILED:
      break;
    default:
      console.error(e);
  }
});`,
      options: [{ allowLogOnlyDefault: true }],
    },
  ],
  invalid: [
    {
      // Parse imported: a switch without default in a catch around a Parse call.
      code: `import Parse from 'parse';
export async function load() {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        await Parse.User.logOut();
        break;
      case 100:
        console.warn('offline');
        break;
    }
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 6,
          column: 5,
          data: {
            what: 'switch',
            dropped: '85 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
            them: 'them',
          },
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `import Parse from 'parse';
export async function load() {
  try {
    await Parse.Cloud.run('load');
  } catch (e) {
    switch (e.code) {
      case Parse.Error.INVALID_SESSION_TOKEN:
        await Parse.User.logOut();
        break;
      case 100:
        console.warn('offline');
        break;
      default:
        throw e;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Cloud Code's global Parse, an if-chain with an || group and an else that only logs.
      code: `Parse.Cloud.define('publish', async (request) => {
  try {
    await new Parse.Query('Post').get(request.params.id);
  } catch (e) {
    if (e.code === Parse.Error.OBJECT_NOT_FOUND || e.code === Parse.Error.INVALID_SESSION_TOKEN) {
      return null;
    } else if (e.code === Parse.Error.CONNECTION_FAILED) {
      return 'offline';
    } else {
      console.error(e);
    }
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'logOnlyFallback',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `Parse.Cloud.define('publish', async (request) => {
  try {
    await new Parse.Query('Post').get(request.params.id);
  } catch (e) {
    if (e.code === Parse.Error.OBJECT_NOT_FOUND || e.code === Parse.Error.INVALID_SESSION_TOKEN) {
      return null;
    } else if (e.code === Parse.Error.CONNECTION_FAILED) {
      return 'offline';
    } else {
      console.error(e);
      throw e;
    }
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // instanceof guards in an if-chain, and includes groups.
      code: `import Parse from 'parse';
export function handle(e) {
  if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    return 'login';
  } else if (e instanceof Parse.Error && [100, 124].includes(e.code)) {
    return 'offline';
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 3,
          data: {
            what: 'if-chain',
            dropped: '84 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211)',
            them: 'them',
          },
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `import Parse from 'parse';
export function handle(e) {
  if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) {
    return 'login';
  } else if (e instanceof Parse.Error && [100, 124].includes(e.code)) {
    return 'offline';
  } else {
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Early returns followed by a log only.
      code: `const Parse = require('parse/node');
async function login() {
  try {
    return await Parse.User.logIn('ada', 'pw');
  } catch (err) {
    if (err.code === Parse.Error.OBJECT_NOT_FOUND) return null;
    if (err.code === Parse.Error.CONNECTION_FAILED) return null;
    console.error(err);
  }
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'logOnlyFallback',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `const Parse = require('parse/node');
async function login() {
  try {
    return await Parse.User.logIn('ada', 'pw');
  } catch (err) {
    if (err.code === Parse.Error.OBJECT_NOT_FOUND) return null;
    if (err.code === Parse.Error.CONNECTION_FAILED) return null;
    console.error(err);
    throw err;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Drupal, destructured require, getErrorCode().
      code: `const { Drupal, DrupalError } = require('drupal-js-sdk');
async function load(api) {
  try {
    await api.getMenu('main');
    Drupal.x();
  } catch (e) {
    switch (e.getErrorCode()) {
      case DrupalError.CONNECTION_FAILED:
        return null;
      case 107:
        return null;
    }
  }
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'dropsCodes',
          line: 7,
          column: 5,
          data: {
            what: 'switch',
            dropped: '62 Drupal JavaScript SDK codes, including DrupalError.SESSION_MISSING (206) and DrupalError.INVALID_SESSION_TOKEN (209)',
            them: 'them',
          },
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `const { Drupal, DrupalError } = require('drupal-js-sdk');
async function load(api) {
  try {
    await api.getMenu('main');
    Drupal.x();
  } catch (e) {
    switch (e.getErrorCode()) {
      case DrupalError.CONNECTION_FAILED:
        return null;
      case 107:
        return null;
      default:
        throw e;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // CloudKit JS strings in a rejection handler; an empty default.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
CloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => {
  switch (e.ckErrorCode) {
    case 'THROTTLED':
    case 'TRY_AGAIN_LATER':
      return 'later';
    default:
  }
});`,
      errors: [
        {
          messageId: 'emptyFallback',
          line: 7,
          column: 5,
          data: {
            where: 'The `default` case of this switch',
            dropped: "23 CloudKit JS codes, including CloudKit.CKError.AUTHENTICATION_FAILED ('AUTHENTICATION_FAILED') and CloudKit.CKError.AUTHENTICATION_REQUIRED ('AUTHENTICATION_REQUIRED')",
            them: 'them',
          },
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `import * as CloudKit from 'tsl-apple-cloudkit';
CloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => {
  switch (e.ckErrorCode) {
    case 'THROTTLED':
    case 'TRY_AGAIN_LATER':
      return 'later';
    default:
      throw e;
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // bkend legacy codes on body.error, bound by the fetch URL.
      code: `export async function load() {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  switch (body.error) {
    case 'UNAUTHORIZED':
      break;
    case 'RATE_LIMIT_EXCEEDED':
      break;
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 4,
          column: 3,
          data: {
            what: 'switch',
            dropped: "18 bkend REST API codes, including 'AUTHENTICATION_REQUIRED' and 'TOKEN_EXPIRED'",
            them: 'them',
          },
        },
      ],
    },
    {
      // bkend domain codes on body.error.code.
      code: `export async function load() {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  if (body.error.code === 'auth/session-expired') {
    return 'login';
  } else if (body.error.code === 'data/not-found') {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 4,
          column: 3,
          data: {
            what: 'if-chain',
            dropped: "91 bkend REST API codes, including 'auth/unauthorized' and 'common/authentication-required'",
            them: 'them',
          },
        },
      ],
    },
  ],
});

syntaxOnlyRuleTester().run('exhaustive-error-codes (TypeScript without types)', rule, {
  valid: [
    `import Parse from 'parse';
export function handle(e: Parse.Error): string {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      return 'login';
    default:
      throw e;
  }
}`,
  ],
  invalid: [
    {
      // The annotation binds the error without a program.
      code: `import Parse from 'parse';
export function handle(e: Parse.Error): string | undefined {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      return 'login';
  }
}`,
      errors: [
        {
          messageId: 'dropsCodes',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addRethrow',
              output: `import Parse from 'parse';
export function handle(e: Parse.Error): string | undefined {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      return 'login';
    default:
      throw e;
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

/** Lints `code` as tests/fixtures/project/file.ts with the rule on, and returns the messages' text. */
function typedMessages(code: string, options: Options[0] = {}): string[] {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, parserOptions: typedParserOptions(fixtureProject) },
      plugins: { 'error-codes': { rules: { 'exhaustive-error-codes': rule as never } } },
      rules: { 'error-codes/exhaustive-error-codes': ['error', options] },
    },
  ];
  return linter.verify(code, config, { filename: path.join(fixtureProject, 'file.ts') }).map((message) => message.message);
}

describe('exhaustive-error-codes message text', () => {
  it('dropsCodes counts the dropped codes and names the two most urgent', () => {
    expect(
      typedMessages(`import Parse from 'parse';
declare const e: Parse.Error;
switch (e.code) {
  case Parse.Error.INVALID_SESSION_TOKEN:
    break;
  case Parse.Error.CONNECTION_FAILED:
    break;
}`),
    ).toEqual([
      'This switch drops 85 Parse codes, including Parse.Error.SESSION_MISSING (206) and Parse.Error.MFA_TOKEN_REQUIRED (211): handle them, or end it in a fallback that rethrows.',
    ]);
  });

  it('dropsCodes names a single code, and a catalog named for its codes keeps its name', () => {
    expect(
      typedMessages(`import Parse from 'parse';
interface SessionError extends Parse.Error {
  code: 209 | 100;
}
export function handle(e: SessionError): void {
  switch (e.code) {
    case Parse.Error.INVALID_SESSION_TOKEN:
      break;
  }
}
export function status(res: Response): void {
  switch (res.status) {
    case 401:
      break;
  }
}`),
    ).toEqual([
      'This switch drops 1 Parse code, Parse.Error.CONNECTION_FAILED (100): handle it, or end it in a fallback that rethrows.',
      'This switch drops 38 HTTP status codes, including PROXY_AUTHENTICATION_REQUIRED (407) and CONFLICT (409): handle them, or end it in a fallback that rethrows.',
    ]);
  });

  it('emptyFallback and logOnlyFallback say where the codes are dropped', () => {
    expect(
      typedMessages(`import { DrupalError } from '@drupal-js-sdk/error';
export function handle(e: DrupalError): void {
  switch (e.code) {
    case DrupalError.CONNECTION_FAILED:
      break;
    default:
      break;
  }
}
export function report(e: DrupalError): void {
  if (e.getErrorCode() === DrupalError.CONNECTION_FAILED) {
    console.log('offline');
  } else if (e.getErrorCode() === DrupalError.INVALID_JSON) {
    console.log('bad response');
  } else {
    console.error(e);
  }
}`),
    ).toEqual([
      'The `default` case of this switch does nothing, so it drops 63 Drupal JavaScript SDK codes, including DrupalError.SESSION_MISSING (206) and DrupalError.INVALID_SESSION_TOKEN (209): rethrow or handle them.',
      'The `else` branch of this if-chain only logs, so it drops 62 Drupal JavaScript SDK codes, including DrupalError.SESSION_MISSING (206) and DrupalError.INVALID_SESSION_TOKEN (209): rethrow or handle them.',
    ]);
  });

  it('missingFallback names the catalog when every catalog code has a branch', () => {
    expect(
      typedMessages(
        `import * as CloudKit from 'tsl-apple-cloudkit';
declare const e: CloudKit.CKError;
switch (e.serverErrorCode) {
${allServerCases}
    break;
}`,
        { requireDefault: true },
      ),
    ).toEqual(['This switch has a branch for every CloudKit JS code but no fallback: add one that rethrows, for codes the catalog does not list.']);
  });
});
