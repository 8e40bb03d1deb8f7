import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/require-partial-failure-check.js';
import plugin from '../../src/index.js';
import { bridgeSettings, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { typeErrorsOfEach } from '../type-errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The start of every typed CloudKit JS case: the SDK and a database. */
const CK = `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
`;

/** A `switch` over a `destroyAll` error whose AGGREGATE_ERROR case runs `statement` (the case is on line 7 of the function). */
function destroyAllSwitch(statement: string): string {
  return `export async function clear(todos: Parse.Object[]): Promise<void> {
  try {
    await Parse.Object.destroyAll(todos);
  } catch (err) {
    if (!(err instanceof Parse.Error)) throw err;
    switch (err.code) {
      case Parse.Error.AGGREGATE_ERROR:
        ${statement}
        break;
      default:
        throw err;
    }
  }
}`;
}

/** Two loops over errors arrays, each with `for…in` or `for…of`. */
function namesLoops(first: 'in' | 'of', second: 'in' | 'of'): string {
  return `import Parse from 'parse';
${CK}export function names(response: CloudKit.RecordsResponse, err: Parse.Error): string[] {
  const result: string[] = [];
  for (const error ${first} response.errors) result.push(String(error));
  for (const item ${second} err.errors) result.push(String(item));
  return result;
}`;
}

const typedValid: (string | ValidTestCase<Options>)[] = [
  // hasErrors read before the records.
  `${CK}export async function titles(names: string[]): Promise<string[]> {
  const response = await db.fetchRecords(names);
  if (response.hasErrors) throw response.errors[0];
  return response.records.map((record) => record.recordName ?? '');
}`,
  // The records read first and the errors after: records holds only what succeeded, so both together are fine.
  `${CK}export async function save(records: CloudKit.RecordToSave[]): Promise<{ saved: number; failed: number }> {
  const response = await db.saveRecords(records);
  const saved = response.records.length;
  return { saved, failed: response.errors.length };
}`,
  // Optional chaining.
  `${CK}export async function titles(names: string[]): Promise<number> {
  const response: CloudKit.RecordsResponse | undefined = await db.fetchRecords(names);
  if (response?.hasErrors) return -1;
  return response?.records.length ?? 0;
}`,
  // Destructuring that takes the errors too.
  `${CK}export async function titles(names: string[]): Promise<number> {
  const { records, errors } = await db.fetchRecords(names);
  if (errors.length > 0) throw errors[0];
  return records.length;
}`,
  // Returned to the caller: the caller checks it.
  `${CK}export function load(names: string[]): CloudKit.Promise<CloudKit.RecordsResponse, CloudKit.CKError> {
  return db.fetchRecords(names);
}
export async function loadAwaited(names: string[]): Promise<CloudKit.RecordsResponse> {
  const response = await db.fetchRecords(names);
  return response;
}
export const query = (q: CloudKit.Query) => db.performQuery(q);`,
  // Exported: for the importers.
  `${CK}export const notes = await db.performQuery({ recordType: 'Note' });`,
  // Passed to a function whole.
  `${CK}declare function show(response: CloudKit.RecordsResponse): void;
export async function load(names: string[]): Promise<void> {
  show(await db.fetchRecords(names));
  const again = await db.fetchRecords(names);
  show(again);
}`,
  // .then with a check, .catch passing the response through, .then with a named handler that checks.
  `${CK}export function pin(records: CloudKit.RecordToSave[]): void {
  db.saveRecords(records)
    .catch(() => undefined)
    .then((response) => {
      if (response?.hasErrors) throw response.errors[0];
    });
}
function onSaved(response: CloudKit.RecordsResponse): number {
  return response.hasErrors ? 0 : response.records.length;
}
export function save(records: CloudKit.RecordToSave[]): void {
  db.saveRecords(records).then(onSaved);
}`,
  // Promise.all over several batches, checked together.
  `${CK}export async function removeAll(batches: string[][]): Promise<number> {
  const responses = await Promise.all(batches.map((batch) => db.deleteRecords(batch)));
  if (responses.some((response) => response.hasErrors)) throw new Error('some records were not deleted');
  return responses.flatMap((response) => response.records).length;
}
export async function removeTwo(a: string[], b: string[]): Promise<void> {
  const [first, second] = await Promise.all([db.deleteRecords(a), db.deleteRecords(b)]);
  if (first.hasErrors || second.hasErrors) throw new Error('not deleted');
}`,
  // A class field that holds the response, checked where it is read; a field only stored is for its readers.
  `${CK}export class NoteStore {
  last: CloudKit.RecordsResponse | undefined;
  kept: CloudKit.RecordsResponse | undefined;
  async load(names: string[]): Promise<void> {
    this.last = await db.fetchRecords(names);
    this.kept = await db.fetchRecords(names);
  }
  titles(): string[] {
    if (!this.last || this.last.hasErrors) return [];
    return this.last.records.map((record) => record.recordName ?? '');
  }
}`,
  // A retry wrapper whose type is the response: checked after it.
  `${CK}declare function withRetry<T>(request: () => CloudKit.Promise<T, CloudKit.CKError>): Promise<T>;
export async function save(records: CloudKit.RecordToSave[]): Promise<number> {
  const response = await withRetry(() => db.saveRecords(records));
  if (response.hasErrors) throw response.errors[0];
  return response.records.length;
}`,
  // Zone changes: each zone carries its own errors.
  `${CK}export async function changes(): Promise<number> {
  const response = await db.fetchRecordZoneChanges([]);
  let count = 0;
  for (const zone of response.zones) {
    if (zone.errors.length > 0) throw zone.errors[0];
    count += zone.records.length;
  }
  return count;
}`,
  // A batch builder's commit, checked.
  `${CK}export async function move(from: CloudKit.RecordToDelete[], to: CloudKit.RecordToCreate[]): Promise<void> {
  const response = await db.newRecordsBatch().delete(from).create(to).commit();
  if (response.hasErrors) throw response.errors[0];
}`,
  // Trap: another API's object with the same method name and a hasErrors field.
  `interface BatchResult { hasErrors: boolean; records: string[] }
declare const api: { saveRecords(names: string[]): Promise<BatchResult> };
export async function save(names: string[]): Promise<string[]> {
  const { records } = await api.saveRecords(names);
  await api.saveRecords(names);
  return records;
}`,
  // Trap: a CloudKit call that resolves to something else than a Response.
  `${CK}declare const container: CloudKit.Container;
export async function me(): Promise<string | undefined> {
  const identity = await container.fetchCurrentUserIdentity();
  await container.setUpAuth();
  return identity.userRecordName;
}`,
  // Aggregate: destroyAll's errors read after an early exit for every other code.
  `import Parse from 'parse';
export async function clear(todos: Parse.Object[]): Promise<number> {
  try {
    await Parse.Object.destroyAll(todos);
    return 0;
  } catch (err) {
    if (!(err instanceof Parse.Error) || err.code !== Parse.Error.AGGREGATE_ERROR) throw err;
    return (err.errors ?? []).length;
  }
}`,
  // Aggregate: the branch rethrows, or passes the error on.
  `import Parse from 'parse';
declare function reportItems(error: Parse.Error): void;
export async function clearOrThrow(todos: Parse.Object[]): Promise<void> {
  try {
    await Parse.Object.destroyAll(todos);
  } catch (err) {
    if (err instanceof Parse.Error && err.code === Parse.Error.AGGREGATE_ERROR) throw err;
    throw new Error('failed', { cause: err });
  }
}
${destroyAllSwitch('reportItems(err);')}`,
  // saveAll: the failed request is told apart with Array.isArray.
  `import Parse from 'parse';
export async function completeAll(todos: Parse.Object[]): Promise<void> {
  try {
    await Parse.Object.saveAll(todos);
  } catch (err) {
    if (Array.isArray(err)) throw new Error('saving failed', { cause: err });
    if (err instanceof Parse.Error && err.code === Parse.Error.OBJECT_NOT_FOUND) return;
    throw err;
  }
}`,
  // saveAll: SESSION_MISSING is an object's own error (a user the session may not change), not a failed request's.
  `import Parse from 'parse';
export async function renameAll(users: Parse.User[]): Promise<void> {
  try {
    await Parse.Object.saveAll(users);
  } catch (err) {
    if (err instanceof Parse.Error && err.code === Parse.Error.SESSION_MISSING) return;
    throw err;
  }
}`,
  // A query read page by page, each page's errors checked before its records.
  `${CK}export async function all(query: CloudKit.Query): Promise<CloudKit.RecordReceived[]> {
  const records: CloudKit.RecordReceived[] = [];
  let page: CloudKit.Query | CloudKit.QueryResponse = query;
  do {
    page = await db.performQuery(page);
    if (page.hasErrors) throw page.errors[0];
    records.push(...page.records);
  } while (page.moreComing);
  return records;
}`,
  // Sibling failed: skipped in a loop over the errors; a retry loop that skips it the same way.
  `${CK}declare function show(message: string): void;
export async function save(records: CloudKit.RecordToSave[]): Promise<void> {
  const response = await db.newRecordsBatch({ atomic: true, zoneID: 'Notes' }).createOrUpdate(records).commit();
  for (const error of response.errors) {
    if (error.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) continue;
    show(error.reason);
  }
  const real = response.errors.find((error) => error.ckErrorCode !== CloudKit.CKError.ATOMIC_ERROR);
  if (real) throw real;
}`,
  // Sibling failed: the items are kept to be sent again.
  `${CK}export async function save(records: CloudKit.RecordToSave[]): Promise<string[]> {
  const response = await db.newRecordsBatch({ atomic: true }).createOrUpdate(records).commit();
  const resend: string[] = [];
  for (const error of response.errors) {
    if (error.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) resend.push(error.recordName ?? '');
  }
  return resend;
}`,
  // Sibling failed: the branch looks for the error that really failed.
  `${CK}declare function show(message: string): void;
export async function save(records: CloudKit.RecordToSave[]): Promise<void> {
  try {
    const saved = await db.newRecordsBatch({ atomic: true }).createOrUpdate(records).commit();
    if (saved.hasErrors) throw saved.errors[0];
  } catch (err) {
    if (err instanceof CloudKit.CKError && err.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) {
      const response = await db.fetchRecords(records.map((record) => record.recordName));
      for (const error of response.errors) show(error.reason);
      return;
    }
    throw err;
  }
}`,
  // for…in over an errors array that only indexes it; for…in over a plain object of errors.
  `${CK}export function names(response: CloudKit.RecordsResponse): string[] {
  const result: string[] = [];
  for (const index in response.errors) result.push(response.errors[index]?.recordName ?? '');
  return result;
}
declare const form: { errors: Record<string, string> };
for (const field in form.errors) console.log(field);`,
  // Native CloudKit: a partialFailure branch that reads userInfo's per-item errors.
  {
    code: `import type { NativeCloudKitError } from './bridge.js';
export function failed(err: NativeCloudKitError): unknown {
  if (err.code === 2) return err.userInfo?.['CKPartialErrorsByItemIDKey'];
  throw err;
}`,
    settings: bridgeSettings,
  },
  // HTTP 207: the body is read.
  `export async function upload(res: Response): Promise<unknown> {
  if (res.status === 207) return res.json();
  return null;
}`,
  // itemErrors: a bridge's own name for the per-item errors.
  {
    code: `import type { NativeCloudKitError } from './bridge.js';
declare function retryItems(items: unknown): void;
export function failed(err: NativeCloudKitError & { failedItems?: unknown }): void {
  if (err.code === 2) retryItems(err.failedItems);
}`,
    settings: bridgeSettings,
    options: [{ itemErrors: { cloudkit: ['failedItems'] } }],
  },
  // itemErrors: an empty list turns the check off for a catalog.
  {
    code: `declare function toast(message: string): void;
export function uploaded(res: Response): void {
  if (res.status === 207) toast('Some files were not uploaded.');
}`,
    options: [{ itemErrors: { http: [] } }],
  },
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    // A dropped response: awaited, then nothing.
    code: `${CK}export async function archive(names: string[]): Promise<void> {
  await db.deleteRecords(names);
}`,
    errors: [{ messageId: 'droppedResponse', line: 4, column: 12, endColumn: 25, data: { method: 'deleteRecords' } }],
  },
  {
    // Only the records, destructured.
    code: `${CK}export async function titles(names: string[]): Promise<string[]> {
  const { records } = await db.fetchRecords(names);
  return records.map((record) => record.recordName ?? '');
}`,
    errors: [{ messageId: 'uncheckedItems', line: 4, column: 11, endColumn: 18, data: { member: 'records', method: 'fetchRecords' } }],
  },
  {
    // .then((res) => res.records…) without hasErrors; .then(() => …) drops the response.
    code: `${CK}export function titles(names: string[]): void {
  db.fetchRecords(names).then((response) => response.records.map((record) => record.recordName));
  db.deleteRecords(names).then(() => console.log('deleted'));
}`,
    errors: [
      { messageId: 'uncheckedItems', line: 4, column: 54, data: { member: 'records', method: 'fetchRecords' } },
      { messageId: 'droppedResponse', line: 5, column: 6, data: { method: 'deleteRecords' } },
    ],
  },
  {
    // Optional chaining on the records alone.
    code: `${CK}export async function count(names: string[]): Promise<number> {
  const response: CloudKit.RecordsResponse | undefined = await db.fetchRecords(names);
  return response?.records.length ?? 0;
}`,
    errors: [{ messageId: 'uncheckedItems', line: 5, column: 20, data: { member: 'records', method: 'fetchRecords' } }],
  },
  {
    // Promise.all: each response at its own index; a dropped Promise.all drops both.
    code: `${CK}export async function both(a: string[], b: string[]): Promise<number> {
  const [first, second] = await Promise.all([db.fetchRecords(a), db.fetchRecords(b)]);
  await Promise.all([db.deleteRecords(a), db.deleteRecords(b)]);
  return first.records.length + second.records.length;
}`,
    errors: [
      { messageId: 'droppedResponse', line: 5, column: 25, data: { method: 'deleteRecords' } },
      { messageId: 'droppedResponse', line: 5, column: 46, data: { method: 'deleteRecords' } },
      { messageId: 'uncheckedItems', line: 6, column: 16, data: { member: 'records', method: 'fetchRecords' } },
      { messageId: 'uncheckedItems', line: 6, column: 40, data: { member: 'records', method: 'fetchRecords' } },
    ],
  },
  {
    // Promise.all over a map, read with flatMap; an element of Promise.all that is never read.
    code: `${CK}export async function removeAll(batches: string[][]): Promise<number> {
  const responses = await Promise.all(batches.map((batch) => db.deleteRecords(batch)));
  const [only] = await Promise.all([db.fetchRecords(batches[0] ?? []), db.fetchRecords([])]);
  return responses.flatMap((response) => response.records).length + (only?.hasErrors ? 0 : 1);
}`,
    errors: [
      { messageId: 'droppedResponse', line: 5, column: 75, data: { method: 'fetchRecords' } },
      { messageId: 'uncheckedItems', line: 6, column: 51, data: { member: 'records', method: 'deleteRecords' } },
    ],
  },
  {
    // A class field read for its records only.
    code: `${CK}export class NoteStore {
  last: CloudKit.RecordsResponse | undefined;
  async load(names: string[]): Promise<void> {
    this.last = await db.fetchRecords(names);
  }
  titles(): string[] {
    return this.last?.records.map((record) => record.recordName ?? '') ?? [];
  }
}`,
    errors: [{ messageId: 'uncheckedItems', line: 9, column: 23, data: { member: 'records', method: 'fetchRecords' } }],
  },
  {
    // A batch's commit; a query whose errors are never read (only moreComing); a response only logged.
    code: `${CK}export async function move(from: CloudKit.RecordToDelete[]): Promise<boolean> {
  const moved = await db.newRecordsBatch().delete(from).commit();
  const page = await db.performQuery({ recordType: 'Note' });
  console.log(await db.fetchRecords(from.map((record) => record.recordName)));
  return moved.records.length > 0 && page.moreComing;
}`,
    errors: [
      { messageId: 'unreadResponse', line: 5, column: 25, data: { method: 'performQuery' } },
      { messageId: 'unreadResponse', line: 6, column: 24, data: { method: 'fetchRecords' } },
      { messageId: 'uncheckedItems', line: 7, column: 16, data: { member: 'records', method: 'commit' } },
    ],
  },
  {
    // A retry wrapper whose type is the response: its records alone.
    code: `${CK}declare function withRetry<T>(request: () => CloudKit.Promise<T, CloudKit.CKError>): Promise<T>;
export async function save(records: CloudKit.RecordToSave[]): Promise<number> {
  const response = await withRetry(() => db.saveRecords(records));
  return response.records.length;
}`,
    errors: [{ messageId: 'uncheckedItems', line: 6, column: 19, data: { member: 'records', method: 'saveRecords' } }],
  },
  {
    // Zone changes read without any zone's errors.
    code: `${CK}export async function changes(): Promise<number> {
  const response = await db.fetchRecordZoneChanges([]);
  return response.zones.reduce((count, zone) => count + zone.records.length, 0);
}`,
    errors: [{ messageId: 'unreadResponse', line: 4, column: 29, data: { method: 'fetchRecordZoneChanges' } }],
  },
  {
    // Aggregate: a destroyAll branch that only shows a message.
    code: `import Parse from 'parse';
declare function toast(message: string): void;
export async function clear(todos: Parse.Object[]): Promise<void> {
  try {
    await Parse.Object.destroyAll(todos);
  } catch (err) {
    if (err instanceof Parse.Error && err.code === Parse.Error.AGGREGATE_ERROR) {
      toast('Some todos could not be deleted.');
      return;
    }
    throw err;
  }
}`,
    errors: [{ messageId: 'aggregateUnread', line: 7, column: 9, data: { code: 'Parse.Error.AGGREGATE_ERROR (600)', items: 'err.errors' } }],
  },
  {
    // Aggregate: a switch case that only logs.
    code: `import Parse from 'parse';
${destroyAllSwitch("console.warn('partial delete');")}`,
    errors: [{ messageId: 'aggregateUnread', line: 8, column: 12, data: { code: 'Parse.Error.AGGREGATE_ERROR (600)', items: 'err.errors' } }],
  },
  {
    // Aggregate: an early exit for every other code, whose rest returns a message.
    code: `import Parse from 'parse';
export async function clear(todos: Parse.Object[]): Promise<string> {
  try {
    await Parse.Object.destroyAll(todos);
  } catch (e) {
    if (!(e instanceof Parse.Error) || e.code !== Parse.Error.AGGREGATE_ERROR) throw e;
    return 'Some todos are still there.';
  }
  return '';
}`,
    errors: [{ messageId: 'aggregateUnread', line: 6, column: 9, data: { code: 'Parse.Error.AGGREGATE_ERROR (600)', items: 'e.errors' } }],
  },
  {
    // saveAll never builds AGGREGATE_ERROR.
    code: `import Parse from 'parse';
export async function completeAll(todos: Parse.Object[]): Promise<void> {
  try {
    await Parse.Object.saveAll(todos);
  } catch (err) {
    if (err instanceof Parse.Error && err.code === Parse.Error.AGGREGATE_ERROR) {
      console.warn('some todos were not saved');
      return;
    }
    throw err;
  }
}`,
    errors: [{ messageId: 'saveAllAggregate', line: 6, column: 52, data: { code: 'Parse.Error.AGGREGATE_ERROR (600)', error: 'err' } }],
  },
  {
    // saveAll: tests for codes of a failed request without Array.isArray, through a subclass and in .catch; an item's code is fine.
    code: `import Parse from 'parse';
class Todo extends Parse.Object {}
export async function completeAll(todos: Todo[]): Promise<void> {
  try {
    await Todo.saveAll(todos);
  } catch (err) {
    if (err instanceof Parse.Error && err.code === Parse.Error.INVALID_SESSION_TOKEN) await Parse.User.logOut();
    else throw err;
  }
}
export function saveLater(todos: Todo[]): Promise<unknown> {
  return Parse.Object.saveAll(todos).catch((e: Parse.Error) => (e.code === Parse.Error.CONNECTION_FAILED ? [] : Promise.reject(e)));
}
export async function completeSome(todos: Todo[]): Promise<void> {
  try {
    await Todo.saveAll(todos);
  } catch (err) {
    // A todo was rejected: its own error, a code that is never retried.
    if (err instanceof Parse.Error && err.code === Parse.Error.OBJECT_NOT_FOUND) return;
    throw err;
  }
}`,
    errors: [
      { messageId: 'saveAllArray', line: 7, column: 52, endColumn: 85, data: { code: 'Parse.Error.INVALID_SESSION_TOKEN (209)', error: 'err' } },
      { messageId: 'saveAllArray', line: 12, column: 76, data: { code: 'Parse.Error.CONNECTION_FAILED (100)', error: 'e' } },
    ],
  },
  {
    // Sibling failed: retried in a retry loop, retried by calling the function again, logged, a message returned, its reason shown.
    code: `${CK}export async function save(records: CloudKit.RecordToSave[]): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      await db.newRecordsBatch({ atomic: true }).createOrUpdate(records).commit().then((response) => {
        if (response.hasErrors) throw response.errors[0];
      });
      return 'saved';
    } catch (err) {
      if (err instanceof CloudKit.CKError && err.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) continue;
      throw err;
    }
  }
  return 'gave up';
}
export async function saveAgain(records: CloudKit.RecordToSave[]): Promise<unknown> {
  const response = await db.newRecordsBatch({ atomic: true }).createOrUpdate(records).commit();
  for (const error of response.errors) {
    if (error.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) return saveAgain(records);
    if (error.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) console.warn('atomic batch failed', error.recordName);
    if (error.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) return \`\${error.recordName ?? 'A note'} could not be saved\`;
    if (error.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) show(error.reason);
  }
  return response;
}
declare function show(message: string): void;`,
    errors: [
      { messageId: 'siblingActedOn', line: 11, column: 11, data: { action: 'retries on', code: "CloudKit.CKError.ATOMIC_ERROR ('ATOMIC_ERROR')" } },
      { messageId: 'siblingActedOn', line: 20, column: 9, data: { action: 'retries on', code: "CloudKit.CKError.ATOMIC_ERROR ('ATOMIC_ERROR')" } },
      { messageId: 'siblingActedOn', line: 21, column: 9, data: { action: 'reports', code: "CloudKit.CKError.ATOMIC_ERROR ('ATOMIC_ERROR')" } },
      { messageId: 'siblingActedOn', line: 22, column: 9, data: { action: 'reports', code: "CloudKit.CKError.ATOMIC_ERROR ('ATOMIC_ERROR')" } },
      { messageId: 'siblingActedOn', line: 23, column: 9, data: { action: 'reports', code: "CloudKit.CKError.ATOMIC_ERROR ('ATOMIC_ERROR')" } },
    ],
  },
  {
    // for…in over a response's errors and over an aggregate error's errors.
    code: namesLoops('in', 'in'),
    errors: [
      { messageId: 'forInErrors', line: 6, column: 23, data: { errors: 'response.errors' }, suggestions: [{ messageId: 'useForOf', output: namesLoops('of', 'in') }] },
      { messageId: 'forInErrors', line: 7, column: 22, data: { errors: 'err.errors' }, suggestions: [{ messageId: 'useForOf', output: namesLoops('in', 'of') }] },
    ],
  },
  {
    // Native CloudKit partialFailure, bound through settings, that only logs.
    code: `import type { NativeCloudKitError } from './bridge.js';
export function failed(err: NativeCloudKitError): void {
  if (err.code === 2) console.warn('some records did not sync');
}`,
    settings: bridgeSettings,
    errors: [{ messageId: 'aggregateUnread', line: 3, column: 7, data: { code: 'partialFailure (2)', items: 'err.partialErrorsByItemID' } }],
  },
  {
    // Native CloudKit partialFailure as the bridge's constant, in a case that only logs.
    code: `import { CKErrorCode, type NativeCloudKitError } from './bridge.js';
export function failed(err: NativeCloudKitError): void {
  switch (err.code) {
    case CKErrorCode.partialFailure:
      console.warn('some records did not sync');
      break;
    default:
      throw err;
  }
}`,
    settings: bridgeSettings,
    errors: [{ messageId: 'aggregateUnread', line: 4, column: 10, endColumn: 36, data: { code: 'partialFailure (2)', items: 'err.partialErrorsByItemID' } }],
  },
  {
    // Native CloudKit batchRequestFailed (22), retried by calling the function again.
    code: `import type { NativeCloudKitError } from './bridge.js';
declare function push(): Promise<void>;
export async function sync(): Promise<void> {
  try {
    await push();
  } catch (err) {
    if ((err as NativeCloudKitError).code === 22) return sync();
    throw err;
  }
}`,
    settings: bridgeSettings,
    errors: [{ messageId: 'siblingActedOn', line: 7, column: 9, data: { action: 'retries on', code: 'batchRequestFailed (22)' } }],
  },
  {
    // HTTP 207 Multi-Status that only shows a message.
    code: `declare function toast(message: string): void;
export function uploaded(res: Response): void {
  if (res.status === 207) toast('Some files were not uploaded.');
}`,
    errors: [{ messageId: 'aggregateUnread', line: 3, column: 7, data: { code: 'MULTI_STATUS (207)', items: 'res.json' } }],
  },
  {
    // A query read page by page: handing a page to the next request is no check of its errors.
    code: `${CK}export async function all(query: CloudKit.Query): Promise<CloudKit.RecordReceived[]> {
  const records: CloudKit.RecordReceived[] = [];
  let page: CloudKit.Query | CloudKit.QueryResponse = query;
  do {
    page = await db.performQuery(page);
    records.push(...page.records);
  } while (page.moreComing);
  return records;
}`,
    errors: [{ messageId: 'uncheckedItems', line: 8, column: 26, data: { member: 'records', method: 'performQuery' } }],
  },
  {
    // loggers: a call named there does not take the response on.
    code: `${CK}declare function track(value: unknown): void;
export async function load(names: string[]): Promise<void> {
  track(await db.fetchRecords(names));
}`,
    options: [{ loggers: ['track'] }],
    errors: [{ messageId: 'unreadResponse', line: 5, column: 18, data: { method: 'fetchRecords' } }],
  },
];

typedRuleTester().run('require-partial-failure-check (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describe('require-partial-failure-check typed cases compile', () => {
  it('every typed case type-checks in the fixture project, with the real SDK typings', () => {
    const codes = [...typedValid.map((testCase) => (typeof testCase === 'string' ? testCase : testCase.code)), ...typedInvalid.map((testCase) => testCase.code)];
    const failing = typeErrorsOfEach(codes).flatMap((errors, index) => (errors.length > 0 ? [{ code: codes[index], errors }] : []));
    expect(failing).toEqual([]);
  });
});

untypedRuleTester().run('require-partial-failure-check (untyped)', rule, {
  valid: [
    // A database that is not CloudKit's: nothing is certain.
    `export async function load(store, names) {
  const { records } = await store.fetchRecords(names);
  await store.deleteRecords(names);
  return records;
}`,
    // CloudKit's database, checked.
    `const db = CloudKit.getDefaultContainer().privateCloudDatabase;
export async function titles(names) {
  const response = await db.fetchRecords(names);
  if (response.hasErrors) throw response.errors[0];
  return response.records;
}`,
    // A local variable named CloudKit shadows the global.
    `export async function load(CloudKit, names) {
  const db = CloudKit.getDefaultContainer().publicCloudDatabase;
  const { records } = await db.fetchRecords(names);
  return records;
}`,
    // Returned, passed on.
    `import CloudKit from 'tsl-apple-cloudkit';
const db = CloudKit.configure({ containers: [] }).getDefaultContainer().publicCloudDatabase;
export const load = (names) => db.fetchRecords(names);
export async function show(names, render) { render(await db.fetchRecords(names)); }`,
    // Cloud Code: destroyAll's per-item errors read.
    `Parse.Cloud.define('clear', async (request) => {
  try {
    await Parse.Object.destroyAll(request.params.todos);
  } catch (e) {
    if (e.code === Parse.Error.AGGREGATE_ERROR) return e.errors.map((item) => item.message);
    throw e;
  }
  return [];
});`,
  ],
  invalid: [
    {
      code: `const db = CloudKit.getDefaultContainer().publicCloudDatabase;
export async function archive(names) {
  await db.deleteRecords(names);
}`,
      errors: [{ messageId: 'droppedResponse', line: 3, column: 12, data: { method: 'deleteRecords' } }],
    },
    {
      code: `import CloudKit from 'tsl-apple-cloudkit';
const container = CloudKit.getContainer('iCloud.com.example.notes');
export function load(query) {
  return container.publicCloudDatabase.performQuery(query).then((response) => response.records);
}
export async function move(names) {
  const batch = container.privateCloudDatabase.newRecordsBatch();
  batch.delete(names);
  const { records } = await batch.commit();
  return records;
}`,
      errors: [
        { messageId: 'uncheckedItems', line: 4, column: 88, data: { member: 'records', method: 'performQuery' } },
        { messageId: 'uncheckedItems', line: 9, column: 11, data: { member: 'records', method: 'commit' } },
      ],
    },
    {
      code: `const db = window.CloudKit.getDefaultContainer().sharedCloudDatabase;
export async function names(recordNames) {
  const response = await db.fetchRecords(recordNames);
  const result = [];
  for (const index in response.errors) result.push(index);
  return result;
}`,
      errors: [
        {
          messageId: 'forInErrors',
          line: 5,
          column: 23,
          data: { errors: 'response.errors' },
          suggestions: [
            {
              messageId: 'useForOf',
              output: `const db = window.CloudKit.getDefaultContainer().sharedCloudDatabase;
export async function names(recordNames) {
  const response = await db.fetchRecords(recordNames);
  const result = [];
  for (const index of response.errors) result.push(index);
  return result;
}`,
            },
          ],
        },
      ],
    },
    {
      // Cloud Code: an aggregate branch that only logs; saveAll tested for AGGREGATE_ERROR.
      code: `Parse.Cloud.define('clear', async (request) => {
  try {
    await Parse.Object.destroyAll(request.params.todos);
  } catch (e) {
    if (e.code === Parse.Error.AGGREGATE_ERROR) console.error('partial delete');
    else throw e;
  }
  try {
    await Parse.Object.saveAll(request.params.todos);
  } catch (e) {
    if (e.code === Parse.Error.AGGREGATE_ERROR) return 'partial';
    throw e;
  }
  return 'done';
});`,
      errors: [
        { messageId: 'aggregateUnread', line: 5, column: 9, data: { code: 'Parse.Error.AGGREGATE_ERROR (600)', items: 'e.errors' } },
        { messageId: 'saveAllAggregate', line: 11, column: 20, data: { code: 'Parse.Error.AGGREGATE_ERROR (600)', error: 'e' } },
      ],
    },
    {
      // A query read page by page, the page handed to the next request: both requests' responses
      // are in `page`, reported once.
      code: `const db = CloudKit.getDefaultContainer().publicCloudDatabase;
export async function all(query) {
  const records = [];
  let page = await db.performQuery(query);
  records.push(...page.records);
  while (page.moreComing) {
    page = await db.performQuery(page);
    records.push(...page.records);
  }
  return records;
}`,
      errors: [{ messageId: 'uncheckedItems', line: 5, column: 24, data: { member: 'records', method: 'performQuery' } }],
    },
    {
      // A sibling-failed code retried, around a CloudKit call.
      code: `const db = CloudKit.getDefaultContainer().privateCloudDatabase;
export async function save(records) {
  try {
    const response = await db.saveRecords(records);
    return response.hasErrors ? response.errors : [];
  } catch (e) {
    if (e.ckErrorCode === CloudKit.CKError.ATOMIC_ERROR) return save(records);
    throw e;
  }
}`,
      errors: [{ messageId: 'siblingActedOn', line: 7, column: 9, data: { action: 'retries on', code: "CloudKit.CKError.ATOMIC_ERROR ('ATOMIC_ERROR')" } }],
    },
  ],
});

describe('require-partial-failure-check options', () => {
  const lint = (options: unknown) =>
    new Linter({ configType: 'flat' }).verify(`import Parse from 'parse';\nParse.Object.destroyAll([]).catch(() => []);`, [
      {
        plugins: { 'error-codes': plugin as unknown as ESLint.Plugin },
        rules: { 'error-codes/require-partial-failure-check': ['error', options] },
      },
    ]);

  it('rejects an unknown catalog id in itemErrors, naming it and the known ones', () => {
    expect(() => lint({ itemErrors: { cloudkitjs: ['errors'] } })).toThrow(
      'eslint-plugin-error-codes: options of error-codes/require-partial-failure-check at /itemErrors/cloudkitjs: unknown catalog "cloudkitjs" (known: parse, drupal, cloudkit-js, cloudkit, bkend, http, and "*" for every catalog not listed)',
    );
  });

  it('takes known ids and `*`', () => {
    expect(lint({ itemErrors: { 'cloudkit-js': ['errors'], '*': ['errors'] } })).toEqual([]);
  });
});

describe('require-partial-failure-check on the example apps', () => {
  async function reports(app: string, file: string): Promise<string[]> {
    const cwd = path.join(root, 'examples', app);
    const [result] = await new ESLint({ cwd }).lintFiles([file]);
    return (result?.messages ?? [])
      .filter((message) => message.ruleId === 'error-codes/require-partial-failure-check')
      .map((message) => `${message.line}: ${message.message}`);
  }

  it('cloudkit-js-app: the deleteRecords response that nobody reads, and nothing in the checked saves', async () => {
    expect(await reports('cloudkit-js-app', 'src/notes-sync.ts')).toEqual([
      '48: The `deleteRecords()` response is dropped, so its failed items go unnoticed: read `hasErrors` / `errors`, or return the response.',
    ]);
  }, 120_000);

  it('parse-app: the saveAll handler that waits for AGGREGATE_ERROR, not the destroyAll one that reads the items', async () => {
    expect(await reports('parse-app', 'src/todos.ts')).toEqual([
      "77: `saveAll()` never rejects with Parse.Error.AGGREGATE_ERROR (600): it rejects with the failed item's own error, or with an array of errors when the request fails; test `Array.isArray(err)`.",
    ]);
  }, 120_000);
});
