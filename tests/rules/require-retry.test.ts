import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/require-retry.js';
import { bridgeSettings, syntaxOnlyRuleTester, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { CK as SHARED_CK, RETRY_TRAPS, SLEEP } from '../retry-cases.js';
import { failingTypedCases } from '../type-errors.js';

/** The start of every typed CloudKit JS case: the SDK, a database and a way to show a message. */
const CK = `${SHARED_CK}declare function showMessage(text: string): void;
`;

const STRICT: Options = [{ backoff: true }];

/** The bkend documentation's own retry example, typed. */
const FETCH_WITH_RETRY = `export async function fetchWithRetry(url: string, options: RequestInit, maxRetries = 3): Promise<Response> {
  for (let i = 0; i < maxRetries; i++) {
    const response = await fetch(url, options);

    if (response.status === 429) {
      const retryAfter = response.headers.get('Retry-After');
      const delay = retryAfter ? parseInt(retryAfter) * 1000 : (i + 1) * 2000;
      await new Promise((resolve) => setTimeout(resolve, delay));
      continue;
    }

    return response;
  }
  throw new Error('Maximum retry count exceeded');
}`;

const typedValid: (string | ValidTestCase<Options>)[] = [
  ...RETRY_TRAPS,
  // A Parse migration script: CONNECTION_FAILED retried in a bounded loop with a growing delay.
  {
    code: `import Parse from 'parse/node';
${SLEEP}export async function migrate(objects: Parse.Object[]): Promise<void> {
  for (const object of objects) {
    for (let attempt = 1; ; attempt++) {
      try {
        await object.save();
        break;
      } catch (error) {
        if (error instanceof Parse.Error && error.code === Parse.Error.CONNECTION_FAILED && attempt < 5) {
          await sleep(500 * 2 ** attempt + Math.random() * 100);
          continue;
        }
        throw error;
      }
    }
  }
}`,
    options: STRICT,
  },
  // CloudKit JS THROTTLED: waits the server's delay, in milliseconds, once.
  `${CK}export async function save(records: CloudKit.RecordToSave[], attempt = 0): Promise<void> {
  try {
    await db.saveRecords(records);
  } catch (err) {
    if (err instanceof CloudKit.CKError && err.ckErrorCode === 'THROTTLED' && attempt < 3) {
      setTimeout(() => void save(records, attempt + 1), (err.retryAfter ?? 1) * 1000);
      return;
    }
    throw err;
  }
}`,
  // while (true) with a counter it compares.
  `import Parse from 'parse';
${SLEEP}export async function load(query: Parse.Query): Promise<Parse.Object[]> {
  let tries = 0;
  while (true) {
    try {
      return await query.find();
    } catch (e) {
      if (!(e instanceof Parse.Error) || e.code !== Parse.Error.TIMEOUT || tries >= 3) throw e;
      tries++;
      await sleep(1000 * 2 ** tries);
    }
  }
}`,
  // Recursion with attempt + 1 and a maximum.
  {
    code: `import Parse from 'parse';
${SLEEP}export async function fetchPost(id: string, attempt = 1): Promise<Parse.Object> {
  try {
    return await new Parse.Query('Post').get(id);
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.CONNECTION_FAILED) {
      if (attempt >= 4) throw e;
      await sleep(250 * 2 ** attempt);
      return fetchPost(id, attempt + 1);
    }
    throw e;
  }
}`,
    options: STRICT,
  },
  // Rethrown to a caller that retries (allowRethrow, the default).
  `import Parse from 'parse';
export async function load(query: Parse.Query): Promise<Parse.Object[]> {
  try {
    return await query.find();
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.CONNECTION_FAILED) throw new Error('offline', { cause: e });
    throw e;
  }
}`,
  // A 429 that waits the Retry-After header, parsed in both forms.
  `${SLEEP}export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(url);
    if (response.status !== 429) return response;
    const header = response.headers.get('Retry-After') ?? '1';
    const seconds = Number(header);
    await sleep(Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000);
  }
  throw new Error('rate limited');
}`,
  // Not an SDK error: the same number on another API's type.
  `interface ApiError { code: number }
declare const apiError: ApiError;
declare function showMessage(text: string): void;
if (apiError.code === 100) showMessage('offline');`,
  // A function that maps a code it is given to a message decides nothing about retrying.
  `import Parse from 'parse';
export function messageFor(error: Parse.Error): string {
  if (error.code === Parse.Error.CONNECTION_FAILED) return 'You are offline.';
  return error.message;
}`,
  // Native CloudKit through a bridge: requestRateLimited waits the server's retryAfterSeconds.
  {
    code: `import { CKErrorCode, type NativeCloudKitError } from './bridge.js';
${SLEEP}declare function upload(): Promise<void>;
export async function sync(): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await upload();
      return;
    } catch (e) {
      const error = e as NativeCloudKitError;
      if (error.code === CKErrorCode.requestRateLimited) {
        await sleep(Number(error.userInfo?.CKErrorRetryAfterKey ?? 1) * 1000);
        continue;
      }
      throw e;
    }
  }
}`,
    settings: bridgeSettings,
  },
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // The bkend documentation's example: Retry-After read with parseInt alone (its date form becomes NaN).
    code: FETCH_WITH_RETRY,
    options: STRICT,
    errors: [
      {
        messageId: 'retryAfterParsing',
        line: 7,
        column: 34,
        data: { parse: 'parseInt(retryAfter)', misreads: 'turns the date form into NaN, and NaN waits nothing' },
      },
    ],
  },
  {
    // CloudKit JS THROTTLED that only shows a message.
    code: `${CK}export async function save(records: CloudKit.RecordToSave[]): Promise<void> {
  try {
    await db.saveRecords(records);
  } catch (err) {
    if (err instanceof CloudKit.CKError && err.ckErrorCode === 'THROTTLED') {
      showMessage('iCloud is busy, try again later.');
      return;
    }
    throw err;
  }
}`,
    errors: [
      {
        messageId: 'missingRetry',
        line: 8,
        column: 9,
        data: { codes: "CloudKit.CKError.THROTTLED ('THROTTLED')", advice: "retry after the server's delay" },
      },
    ],
  },
  {
    // CloudKit JS THROTTLED that waits err.retryAfter milliseconds: it is seconds.
    code: `${CK}export async function save(records: CloudKit.RecordToSave[], attempt = 0): Promise<void> {
  try {
    await db.saveRecords(records);
  } catch (err) {
    if (err instanceof CloudKit.CKError && err.ckErrorCode === 'THROTTLED' && attempt < 3) {
      setTimeout(() => void save(records, attempt + 1), err.retryAfter);
      return;
    }
    throw err;
  }
}`,
    errors: [
      {
        messageId: 'delayInSeconds',
        line: 9,
        column: 57,
        data: { expression: 'err.retryAfter' },
        suggestions: [
          {
            messageId: 'multiplyBy1000',
            data: { expression: 'err.retryAfter' },
            output: `${CK}export async function save(records: CloudKit.RecordToSave[], attempt = 0): Promise<void> {
  try {
    await db.saveRecords(records);
  } catch (err) {
    if (err instanceof CloudKit.CKError && err.ckErrorCode === 'THROTTLED' && attempt < 3) {
      setTimeout(() => void save(records, attempt + 1), err.retryAfter * 1000);
      return;
    }
    throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // A default beside the seconds: the suggestion multiplies the whole expression.
    code: `${CK}${SLEEP}export async function load(name: string): Promise<void> {
  while (true) {
    try {
      await db.fetchRecords([name]);
      return;
    } catch (err) {
      if (!(err instanceof CloudKit.CKError) || err.ckErrorCode !== 'ZONE_BUSY') throw err;
      await sleep(err.retryAfter ?? 2);
    }
  }
}`,
    errors: [
      // ZONE_BUSY has no constant in the CloudKit JS typings: its value names it.
      { messageId: 'unbounded', line: 6, column: 3, data: { codes: "'ZONE_BUSY'" } },
      {
        messageId: 'delayInSeconds',
        line: 12,
        column: 19,
        data: { expression: 'err.retryAfter' },
        suggestions: [
          {
            messageId: 'multiplyBy1000',
            data: { expression: '(err.retryAfter ?? 2)' },
            output: `${CK}${SLEEP}export async function load(name: string): Promise<void> {
  while (true) {
    try {
      await db.fetchRecords([name]);
      return;
    } catch (err) {
      if (!(err instanceof CloudKit.CKError) || err.ckErrorCode !== 'ZONE_BUSY') throw err;
      await sleep((err.retryAfter ?? 2) * 1000);
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // Parse: `if (error.code === 100) alert(…)`.
    code: `import Parse from 'parse';
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (error) {
    if (error instanceof Parse.Error && error.code === 100) alert('Check your connection.');
    else throw error;
  }
}`,
    errors: [{ messageId: 'missingRetry', line: 6, column: 9, data: { codes: 'Parse.Error.CONNECTION_FAILED (100)', advice: 'retry with backoff' } }],
  },
  {
    // while (true) with no limit, and (strict) the same delay every time.
    code: `import Parse from 'parse';
${SLEEP}export async function load(query: Parse.Query): Promise<Parse.Object[]> {
  while (true) {
    try {
      return await query.find();
    } catch (e) {
      if (e instanceof Parse.Error && e.code === Parse.Error.TIMEOUT) {
        await sleep(1000);
        continue;
      }
      throw e;
    }
  }
}`,
    options: STRICT,
    errors: [
      { messageId: 'unbounded', line: 4, column: 3, data: { codes: 'Parse.Error.TIMEOUT (124)' } },
      { messageId: 'backoff', line: 9, column: 21, data: { codes: 'Parse.Error.TIMEOUT (124)', waits: 'waits the same delay every time' } },
    ],
  },
  {
    // Recursion with no limit that runs again at once.
    code: `import Parse from 'parse';
export async function fetchPost(id: string): Promise<Parse.Object> {
  try {
    return await new Parse.Query('Post').get(id);
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.CONNECTION_FAILED) return fetchPost(id);
    throw e;
  }
}`,
    options: STRICT,
    errors: [
      { messageId: 'unbounded', line: 6, column: 86, data: { codes: 'Parse.Error.CONNECTION_FAILED (100)' } },
      { messageId: 'backoff', line: 6, column: 86, data: { codes: 'Parse.Error.CONNECTION_FAILED (100)', waits: 'runs again at once' } },
    ],
  },
  {
    // HTTP 503 retried after a fixed delay: the server may say how long.
    code: `${SLEEP}export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url);
    if (response.status === 503) {
      await sleep(2000);
      continue;
    }
    return response;
  }
  throw new Error('unavailable');
}`,
    errors: [
      {
        messageId: 'serverDelay',
        line: 6,
        column: 19,
        data: { codes: 'SERVICE_UNAVAILABLE (503)', waits: 'waits a fixed delay', source: 'the `Retry-After` header' },
      },
    ],
  },
  {
    // Retry-After read with Date.parse alone: the seconds form is misread.
    code: `${SLEEP}export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url);
    if (response.status !== 429) return response;
    await sleep(Date.parse(response.headers.get('Retry-After') ?? '') - Date.now());
  }
  throw new Error('rate limited');
}`,
    errors: [
      {
        messageId: 'retryAfterParsing',
        line: 6,
        column: 17,
        data: { parse: "Date.parse(response.headers.get('Retry-After') ?? '')", misreads: 'misreads the seconds form' },
      },
    ],
  },
  {
    // bkend RATE_LIMIT_EXCEEDED on the body of a bkend request, shown as a message.
    code: `declare function showMessage(text: string): void;
export async function list(): Promise<unknown> {
  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
  const body = await res.json();
  if (body.error === 'RATE_LIMIT_EXCEEDED') {
    showMessage('Too many requests.');
    return [];
  }
  return body.data;
}`,
    errors: [{ messageId: 'missingRetry', line: 5, column: 7, data: { codes: "'RATE_LIMIT_EXCEEDED'", advice: "retry after the server's delay" } }],
  },
  {
    // Native CloudKit through a bridge: networkFailure only logged.
    code: `import { CKErrorCode, type NativeCloudKitError } from './bridge.js';
declare function upload(): Promise<void>;
export async function sync(): Promise<void> {
  try {
    await upload();
  } catch (e) {
    const error = e as NativeCloudKitError;
    if (error.code === CKErrorCode.networkFailure) console.warn('sync failed');
    else throw e;
  }
}`,
    settings: bridgeSettings,
    errors: [{ messageId: 'missingRetry', line: 8, column: 9, data: { codes: 'networkFailure (4)', advice: 'retry with backoff' } }],
  },
  {
    // Rethrowing does not count when the option says no caller retries.
    code: `import Parse from 'parse';
export async function load(query: Parse.Query): Promise<Parse.Object[]> {
  try {
    return await query.find();
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.TIMEOUT) throw e;
    return [];
  }
}`,
    options: [{ allowRethrow: false }],
    errors: [{ messageId: 'missingRetry', line: 6, column: 9, data: { codes: 'Parse.Error.TIMEOUT (124)', advice: 'retry with backoff' } }],
  },
  {
    // axios: 503 in a switch case that only logs.
    code: `import type { AxiosError, AxiosInstance } from 'axios';
declare const api: AxiosInstance;
export async function get(url: string): Promise<unknown> {
  try {
    return await api.get(url);
  } catch (e) {
    const error = e as AxiosError;
    switch (error.response?.status) {
      case 503:
        console.error('down');
        return null;
      default:
        throw e;
    }
  }
}`,
    errors: [{ messageId: 'missingRetry', line: 9, column: 12, data: { codes: 'SERVICE_UNAVAILABLE (503)', advice: "retry after the server's delay" } }],
  },
];

typedRuleTester().run('require-retry (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describe('require-retry typed cases compile', () => {
  it('every typed case type-checks in the fixture project, with the real SDK typings', () => {
    expect(failingTypedCases([...typedValid, ...typedInvalid])).toEqual([]);
  });
});

/** The Parse JS SDK imported, a query and a sleep, for the untyped cases. */
const PARSE = `import Parse from 'parse';
const query = new Parse.Query('Post');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
`;

untypedRuleTester().run('require-retry (untyped)', rule, {
  valid: [
    // p-retry under another name: the operation's throw is retried by the helper.
    `${PARSE}import withRetries from 'p-retry';
export function load() {
  return withRetries(async () => {
    try {
      return await query.find();
    } catch (e) {
      if (e.code === Parse.Error.CONNECTION_FAILED) throw e;
      return [];
    }
  }, { retries: 4 });
}`,
    // async-retry under another name, called in the branch.
    `${PARSE}import again from 'async-retry';
export async function load() {
  try {
    return await query.find();
  } catch (e) {
    if (e.code === Parse.Error.TIMEOUT) return again(() => query.find(), { retries: 3 });
    return [];
  }
}`,
    // require()d exponential-backoff.
    `${PARSE}const { backOff: withBackoff } = require('exponential-backoff');
export async function load() {
  try {
    return await query.find();
  } catch (e) {
    if (e.code === 124) return withBackoff(() => query.find());
    return [];
  }
}`,
    // A helper of the project named in the options.
    {
      code: `${PARSE}import { withRetry } from './retry.js';
export async function load() {
  try {
    return await query.find();
  } catch (e) {
    if (e.code === 100) return withRetry(() => query.find());
    return [];
  }
}`,
      options: [{ retryHelpers: ['withRetry'] }],
    },
    // The guarded SDK call made again after a delay.
    `${PARSE}export async function load() {
  try {
    return await query.find();
  } catch (e) {
    if (e.code === 100) {
      await sleep(1000);
      return query.find();
    }
    return [];
  }
}`,
    // Drupal: CONNECTION_FAILED rethrown to the caller.
    `import { DrupalError } from '@drupal-js-sdk/error';
export function check(e) {
  try {
    return e.run();
  } catch (error) {
    if (error instanceof DrupalError && error.code === DrupalError.CONNECTION_FAILED) throw error;
    return null;
  }
}`,
    // Sub-checks turned off.
    {
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
const db = CloudKit.getDefaultContainer().publicCloudDatabase;
export async function save(records) {
  for (;;) {
    try {
      return await db.saveRecords(records);
    } catch (err) {
      if (err.ckErrorCode !== 'THROTTLED') throw err;
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
}`,
      options: [{ serverDelay: false, bounded: false }],
    },
    // A for…of over items goes on to the next item: the branch rethrows what it cannot skip.
    `${PARSE}export async function saveAll(items) {
  for (const item of items) {
    try {
      await item.save();
    } catch (e) {
      if (e.code === Parse.Error.CONNECTION_FAILED) throw e;
    }
  }
}`,
  ],
  invalid: [
    {
      // A for…of that goes on to the next item does not retry the one that failed.
      code: `${PARSE}export async function loadAll(ids) {
  for (const id of ids) {
    try {
      await query.get(id);
    } catch (e) {
      if (e.code === Parse.Error.CONNECTION_FAILED) continue;
      throw e;
    }
  }
}`,
      errors: [{ messageId: 'missingRetry', line: 9, column: 11, data: { codes: 'Parse.Error.CONNECTION_FAILED (100)', advice: 'retry with backoff' } }],
    },
    {
      // p-retry told to retry for ever.
      code: `${PARSE}import forever from 'p-retry';
export function load() {
  return forever(async () => {
    try {
      return await query.find();
    } catch (e) {
      if (e.code === 100) throw e;
      return [];
    }
  }, { retries: Infinity });
}`,
      errors: [{ messageId: 'unbounded', line: 13, column: 8, data: { codes: 'Parse.Error.CONNECTION_FAILED (100)' } }],
    },
    {
      // cockatiel's retry policy without maxAttempts retries for ever.
      code: `${PARSE}import { handleAll, retry, ExponentialBackoff } from 'cockatiel';
const policy = retry(handleAll, { backoff: new ExponentialBackoff() });
export async function load() {
  try {
    return await query.find();
  } catch (e) {
    if (e.code === 124) return policy.execute(() => query.find());
    return [];
  }
}`,
      errors: [{ messageId: 'unbounded', line: 5, column: 33, data: { codes: 'Parse.Error.TIMEOUT (124)' } }],
    },
    {
      // Drupal TIMEOUT shown to the user.
      code: `import { DrupalError } from '@drupal-js-sdk/error';
export function check(run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof DrupalError && error.code === DrupalError.TIMEOUT) return 'Timed out';
    throw error;
  }
}`,
      errors: [{ messageId: 'missingRetry', line: 6, column: 9, data: { codes: 'DrupalError.TIMEOUT (124)', advice: 'retry with backoff' } }],
    },
  ],
});

syntaxOnlyRuleTester().run('require-retry (TypeScript syntax, no types)', rule, {
  valid: [
    // Nothing bound, nothing reported; and no crash on code that is not a handler at all.
    `const x: number = 1; while (true) { if (x === 100) continue; break; }`,
    `export const retryIn = (e: { retryAfter: number }) => setTimeout(() => undefined, e.retryAfter);`,
  ],
  invalid: [],
});
