import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/no-retry-on-permanent-errors.js';
import { bridgeSettings, syntaxOnlyRuleTester, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { CK, RETRY_TRAPS, SLEEP } from '../retry-cases.js';
import { failingTypedCases } from '../type-errors.js';


/** A Parse migration script's retry loop whose catch clause runs `handling` (line 9 of the case). */
function migration(handling: string): string {
  return `import Parse from 'parse/node';
${SLEEP}export async function migrate(objects: Parse.Object[]): Promise<void> {
  for (const object of objects) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        await object.save();
        break;
      } catch (error) {
        ${handling}
        throw error;
      }
    }
  }
}`;
}

const typedValid: (string | ValidTestCase<Options>)[] = [
  ...RETRY_TRAPS,
  // The migration retries CONNECTION_FAILED and gives up on INCORRECT_TYPE.
  migration(`if (!(error instanceof Parse.Error) || error.code === Parse.Error.INCORRECT_TYPE) throw error;
        if (error.code === Parse.Error.CONNECTION_FAILED) {
          await sleep(500 * 2 ** attempt);
          continue;
        }`),
  // A branch for permanent codes that updates the same state the try block updates: no retry.
  `import Parse from 'parse';
declare const view: { setState(state: object): void; show(rows: Parse.Object[]): void };
export async function cloneRows(rows: Parse.Object[]): Promise<void> {
  try {
    await Parse.Object.saveAll(rows);
    view.setState({ saved: rows.length });
  } catch (error) {
    if (error instanceof Parse.Error && (error.code === Parse.Error.DUPLICATE_VALUE || error.code === Parse.Error.VALIDATION_ERROR)) {
      view.setState({ failed: rows.filter((row) => row.dirty()) });
      view.show(rows);
    }
  }
}`,
  // A for…of that skips the item whose object is gone goes on to the next one.
  `import Parse from 'parse';
export async function loadAll(ids: string[]): Promise<Parse.Object[]> {
  const found: Parse.Object[] = [];
  for (const id of ids) {
    try {
      found.push(await new Parse.Query('Post').get(id));
    } catch (e) {
      if (e instanceof Parse.Error && e.code === Parse.Error.OBJECT_NOT_FOUND) continue;
      throw e;
    }
  }
  return found;
}`,
  // The same number on another API's error.
  `interface ApiError { code: number }
${SLEEP}export async function poll(run: () => Promise<void>): Promise<void> {
  while (true) {
    try {
      return await run();
    } catch (e) {
      if ((e as ApiError).code === 101) {
        await sleep(100);
        continue;
      }
      throw e;
    }
  }
}`,
  // A retry policy's list without permanent statuses.
  `declare function fetchRetry(input: string, init: { retryOn: number[] }): Promise<Response>;
export const posts = fetchRetry('/posts', { retryOn: [429, 503] });`,
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The migration retries INCORRECT_TYPE as it retries CONNECTION_FAILED.
    code: migration(`if (error instanceof Parse.Error && (error.code === Parse.Error.CONNECTION_FAILED || error.code === Parse.Error.INCORRECT_TYPE)) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        if (error instanceof Parse.Error && error.code === Parse.Error.INCORRECT_TYPE) {
          await sleep(1000);
          continue;
        }`),
    errors: [
      {
        messageId: 'retriesPermanent',
        line: 14,
        column: 13,
        data: { codes: 'Parse.Error.INCORRECT_TYPE (111)', meaning: 'a field value has a type that conflicts with the schema' },
      },
    ],
  },
  {
    // Recursion on a validation error.
    code: `import Parse from 'parse';
export async function save(post: Parse.Object): Promise<Parse.Object> {
  try {
    return await post.save();
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.VALIDATION_ERROR) return save(post);
    throw e;
  }
}`,
    errors: [
      {
        messageId: 'retriesPermanent',
        line: 6,
        column: 9,
        data: { codes: 'Parse.Error.VALIDATION_ERROR (142)', meaning: 'a Cloud Code validator rejected the request' },
      },
    ],
  },
  {
    // HTTP 404 in a retry loop.
    code: `${SLEEP}export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url);
    if (response.status === 404) {
      await sleep(1000);
      continue;
    }
    return response;
  }
  throw new Error('gave up');
}`,
    errors: [{ messageId: 'retriesPermanent', line: 5, column: 9, data: { codes: 'NOT_FOUND (404)', meaning: 'no current representation exists for the target URI' } }],
  },
  {
    // CloudKit JS: a switch whose cases take every transient and sign-in code; its default takes the permanent rest, and saves again.
    code: `${CK}export async function save(records: CloudKit.RecordToSave[]): Promise<void> {
  try {
    await db.saveRecords(records);
  } catch (err) {
    if (!(err instanceof CloudKit.CKError)) throw err;
    switch (err.ckErrorCode) {
      case 'NETWORK_ERROR':
      case 'SERVICE_UNAVAILABLE':
      case 'SHARE_UI_TIMEOUT':
      case 'UNEXPECTED_SERVER_RESPONSE':
      case 'THROTTLED':
      case 'TRY_AGAIN_LATER':
      case 'ZONE_BUSY':
      case 'CONFLICT':
        throw err;
      case 'AUTHENTICATION_FAILED':
      case 'AUTHENTICATION_REQUIRED':
      case 'SIGN_IN_FAILED':
        return;
      default:
        await db.saveRecords(records);
    }
  }
}`,
    errors: [
      {
        messageId: 'retriesPermanent',
        line: 22,
        column: 7,
        data: {
          codes: "CloudKit.CKError.BAD_REQUEST ('BAD_REQUEST'), CloudKit.CKError.ACCESS_DENIED ('ACCESS_DENIED'), CloudKit.CKError.NOT_FOUND ('NOT_FOUND') and 10 more",
          meaning: 'the server found the request malformed or invalid',
        },
      },
    ],
  },
  {
    // bkend VALIDATION_ERROR on a bkend response, fetched again.
    code: `export async function create(post: object): Promise<unknown> {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts', { method: 'POST', body: JSON.stringify(post) });
  const body = await res.json();
  if (body.error === 'VALIDATION_ERROR') return fetch('https://api-client.bkend.ai/v1/data/posts', { method: 'POST', body: JSON.stringify(post) });
  return body;
}`,
    errors: [{ messageId: 'retriesPermanent', line: 4, column: 7, data: { codes: "'VALIDATION_ERROR'", meaning: 'request body is missing a required field or has a field of the wrong type' } }],
  },
  {
    // Native CloudKit through a bridge: invalidArguments retried in a loop.
    code: `import type { NativeCloudKitError } from './bridge.js';
declare function upload(): Promise<void>;
export async function sync(): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await upload();
    } catch (e) {
      if ((e as NativeCloudKitError).code === 12) continue;
      throw e;
    }
  }
}`,
    settings: bridgeSettings,
    errors: [{ messageId: 'retriesPermanent', line: 8, column: 11, data: { codes: 'invalidArguments (12)', meaning: 'the request contents are invalid, e.g. a bad record graph or predicate' } }],
  },
  {
    // Retry policies: a status list and an axios-style predicate that take permanent statuses.
    code: `import type { AxiosError } from 'axios';
declare function fetchRetry(input: string, init: { retryOn: number[] }): Promise<Response>;
declare function axiosRetry(options: { retries: number; retryCondition: (error: AxiosError) => boolean }): void;
export const posts = fetchRetry('/posts', { retryOn: [400, 503] });
axiosRetry({ retries: 3, retryCondition: (error) => error.response?.status === 422 || error.response?.status === 503 });`,
    errors: [
      { messageId: 'permanentInPolicy', line: 4, column: 55, data: { code: 'BAD_REQUEST (400)', meaning: 'server will not process the request because it is malformed' } },
      { messageId: 'permanentInPolicy', line: 5, column: 80, data: { code: 'UNPROCESSABLE_CONTENT (422)', meaning: 'body is well formed but its instructions cannot be processed' } },
    ],
  },
];

typedRuleTester().run('no-retry-on-permanent-errors (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describe('no-retry-on-permanent-errors typed cases compile', () => {
  it('every typed case type-checks in the fixture project, with the real SDK typings', () => {
    expect(failingTypedCases([...typedValid, ...typedInvalid])).toEqual([]);
  });
});

const PARSE = `import Parse from 'parse';
const query = new Parse.Query('Post');
`;

untypedRuleTester().run('no-retry-on-permanent-errors (untyped)', rule, {
  valid: [
    // p-retry stops on a permanent code with AbortError, under another name.
    `${PARSE}import persist, { AbortError as Stop } from 'p-retry';
export function load() {
  return persist(async () => {
    try {
      return await query.find();
    } catch (e) {
      if (e.code === Parse.Error.INVALID_QUERY) throw new Stop(e.message);
      throw e;
    }
  }, { retries: 3 });
}`,
    // async-retry stops with bail(err).
    `${PARSE}import again from 'async-retry';
export function load() {
  return again(async (bail) => {
    try {
      return await query.find();
    } catch (e) {
      if (e.code === Parse.Error.OBJECT_NOT_FOUND) {
        bail(e);
        return;
      }
      throw e;
    }
  });
}`,
    // p-retry with a predicate of its own decides what it retries.
    `${PARSE}import pRetry from 'p-retry';
export function load() {
  return pRetry(async () => {
    try {
      return await query.find();
    } catch (e) {
      if (e.code === Parse.Error.INVALID_QUERY) throw e;
      return [];
    }
  }, { shouldRetry: (error) => error.code !== Parse.Error.INVALID_QUERY });
}`,
    // Rethrowing a permanent code is what it needs.
    `${PARSE}export async function load() {
  try {
    return await query.find();
  } catch (e) {
    if (e.code === 102) throw e;
    return [];
  }
}`,
    // Policies off.
    {
      code: `export const posts = fetchRetry('/posts', { retryOn: [400, 503] });`,
      options: [{ policies: false }],
    },
  ],
  invalid: [
    {
      // p-retry retries whatever its operation throws, a permanent code too.
      code: `${PARSE}import persist from 'p-retry';
export function load() {
  return persist(async () => {
    try {
      return await query.find();
    } catch (e) {
      if (e.code === Parse.Error.INVALID_QUERY) throw e;
      return [];
    }
  }, { retries: 3 });
}`,
      errors: [{ messageId: 'retriesPermanent', line: 9, column: 11, data: { codes: 'Parse.Error.INVALID_QUERY (102)', meaning: 'the query uses an unsupported constraint or field type' } }],
    },
    {
      // Drupal: the same request made again through a retry helper.
      code: `import { DrupalError } from '@drupal-js-sdk/error';
import backOffAll from 'promise-retry';
export async function read(client) {
  try {
    return await client.fetch('/node/1');
  } catch (error) {
    if (error instanceof DrupalError && error.code === DrupalError.OBJECT_NOT_FOUND) return backOffAll((retry) => client.fetch('/node/1').catch(retry));
    throw error;
  }
}`,
      errors: [{ messageId: 'retriesPermanent', line: 7, column: 9, data: { codes: 'DrupalError.OBJECT_NOT_FOUND (101)', meaning: 'the requested entity or resource does not exist or is not accessible' } }],
    },
    {
      // A status list outside a typed program.
      code: `export const posts = fetchRetry('/posts', { retry: { statusCodes: [404, 503] } });`,
      errors: [{ messageId: 'permanentInPolicy', line: 1, column: 68, data: { code: 'NOT_FOUND (404)', meaning: 'no current representation exists for the target URI' } }],
    },
  ],
});

syntaxOnlyRuleTester().run('no-retry-on-permanent-errors (TypeScript syntax, no types)', rule, {
  valid: [`const code: number = 101; while (code === 101) { continue; }`, `export const retry = { statusCodes: 'all' };`],
  invalid: [],
});
