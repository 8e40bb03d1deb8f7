import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../rules/no-swallowed-error-codes.js';
import plugin from '../../src/index.js';
import { bridgeSettings, typedRuleTester, untypedRuleTester } from '../rule-tester.js';
import { typeErrorsOfEach } from '../type-errors.js';

const SIGN_IN = 'sign the user in again';
const REFRESH = 'refresh what is stale and retry once';

/** The message data for a handler that swallows every `reauthenticate` code of Parse (or Drupal). */
const PARSE_ALL = { codes: 'Parse.Error.SESSION_MISSING (206), Parse.Error.INVALID_SESSION_TOKEN (209) and 2 more codes that need action', advice: SIGN_IN };
/** The same, once `INVALID_SESSION_TOKEN` (209) is handled. */
const PARSE_BUT_209 = { codes: 'Parse.Error.SESSION_MISSING (206), Parse.Error.MFA_TOKEN_REQUIRED (211) and 1 more code that needs action', advice: SIGN_IN };
const DRUPAL_ALL = { codes: 'DrupalError.SESSION_MISSING (206), DrupalError.INVALID_SESSION_TOKEN (209) and 2 more codes that need action', advice: SIGN_IN };
const CLOUDKIT_ALL = {
  codes: "CloudKit.CKError.AUTHENTICATION_FAILED ('AUTHENTICATION_FAILED'), CloudKit.CKError.AUTHENTICATION_REQUIRED ('AUTHENTICATION_REQUIRED') and 2 more codes that need action",
  advice: SIGN_IN,
};
const BKEND_ALL = { codes: "'UNAUTHORIZED', 'AUTHENTICATION_REQUIRED' and 10 more codes that need action", advice: SIGN_IN };
const HTTP_AFTER_REFRESH = { codes: 'UNAUTHORIZED (401), PROXY_AUTHENTICATION_REQUIRED (407) and 3 more codes that need action', advice: REFRESH };

/**
 * A bridge call whose failure the handler reads as a native CloudKit error. The codes are
 * written as literals: comparisons with a binding's constants object are not read as codes yet.
 */
const bridgeCall = (handling: string) => `import type { NativeCloudKitError } from './bridge.js';
declare const CloudKitBridge: { save(record: object): Promise<void> };
declare function signIn(): void;
export async function save(): Promise<void> {
  try {
    await CloudKitBridge.save({});
  } catch (e) {
    const err = e as NativeCloudKitError;
    ${handling}
  }
}`;

/** An app's own API function whose failure the handler tests for Parse codes, then does `otherwise`. */
const appClientCall = (otherwise: string) => `import Parse from 'parse';
declare function loadPosts(): Promise<Parse.Object[]>;
export async function show(): Promise<Parse.Object[]> {
  try {
    return await loadPosts();
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.OBJECT_NOT_FOUND) return [];
    ${otherwise}
  }
}`;

const swallowed = (line: number, column: number, data: { codes: string; advice: string }) => ({ messageId: 'swallowed' as const, line, column, data });

/** A global error helper with an if-chain over a dozen Parse codes, every `reauthenticate` one among them. */
const parseErrorHelper = `import Parse from 'parse';
declare const router: { navigate(path: string): Promise<boolean> };
declare function toast(text: string): void;
export function handleParseError(err: Parse.Error): void {
  if (err.code === Parse.Error.INVALID_SESSION_TOKEN) {
    void Parse.User.logOut();
    void router.navigate('/login');
  } else if (err.code === Parse.Error.SESSION_MISSING) {
    void router.navigate('/login');
  } else if (err.code === Parse.Error.MFA_TOKEN_REQUIRED) {
    void router.navigate('/login/mfa');
  } else if (err.code === Parse.Error.INVALID_LINKED_SESSION) {
    void router.navigate('/login/link');
  } else if (err.code === Parse.Error.OBJECT_NOT_FOUND) {
    toast('Not found');
  } else if (err.code === Parse.Error.CONNECTION_FAILED) {
    toast('You are offline');
  } else if (err.code === Parse.Error.TIMEOUT) {
    toast('The server took too long');
  } else if (err.code === Parse.Error.DUPLICATE_VALUE) {
    toast('Already exists');
  } else if (err.code === Parse.Error.VALIDATION_ERROR) {
    toast('Invalid input');
  } else if (err.code === Parse.Error.OPERATION_FORBIDDEN) {
    toast('Not allowed');
  } else if (err.code === Parse.Error.EMAIL_TAKEN) {
    toast('Email taken');
  } else if (err.code === Parse.Error.USERNAME_TAKEN) {
    toast('Username taken');
  } else {
    toast(err.message);
  }
}`;

/** A handler around an axios call that only logs: HTTP statuses are exempt unless mustHandle asks for them. */
const axiosTyped = `import type { AxiosInstance } from 'axios';
declare const api: AxiosInstance;
export async function load(): Promise<unknown> {
  try {
    return (await api.get('https://api.example.com/posts')).data;
  } catch (e) {
    console.error(e);
    return null;
  }
}`;
const axiosUntyped = `import axios from 'axios';
export async function load() {
  try { return await axios.get('/posts'); } catch (e) { console.error(e); return null; }
}`;
/** A reporter of the app's own, declared in the linted file. */
const parseReporter = `import Parse from 'parse';
function report(error: unknown): void {
  void fetch('/errors', { method: 'POST', body: JSON.stringify({ error }) });
}
export const posts = new Parse.Query('Post').find().catch((e) => report(e));`;
/** A default value for a failed Parse query. */
const parseDefaultValue = `import Parse from 'parse';
export const posts = new Parse.Query('Post').find().catch(() => []);`;

const typed = typedRuleTester();

const typedValid: (string | ValidTestCase<Options>)[] = [
    // A request made with the master key: the server never reads a session for it.
    `import Parse from 'parse';
export async function getUserByEmail(email: string): Promise<Parse.User | null> {
  const query = new Parse.Query(Parse.User);
  query.equalTo('email', email);
  try {
    return (await query.first({ useMasterKey: true })) ?? null;
  } catch {
    return null;
  }
}`,
    // The global error helper, passed by reference.
    `${parseErrorHelper}
export const posts = new Parse.Query('Post').find().catch(handleParseError);`,
    // Every other code is rethrown; 209 signs the user out.
    `import Parse from 'parse';
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e: any) {
    if (e.code !== Parse.Error.INVALID_SESSION_TOKEN) throw e;
    await Parse.User.logOut();
  }
}`,
    // The same the other way round: 209 handled first, the rest rethrown after it.
    `import Parse from 'parse';
declare function signIn(): Promise<void>;
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) {
      await signIn();
      return;
    }
    throw e;
  }
}`,
    // if / else over one code.
    `import Parse from 'parse';
declare function signIn(): Promise<void>;
export async function load(): Promise<void> {
  try {
    await Parse.User.become('r:token');
  } catch (e) {
    const err = e as Parse.Error;
    if (err.code === Parse.Error.INVALID_SESSION_TOKEN) await signIn();
    else throw err;
  }
}`,
    // A conditional in an arrow handler.
    `import Parse from 'parse';
declare function signIn(): Promise<void>;
export const posts = new Parse.Query('Post').find().catch((e: Parse.Error) => (e.code === Parse.Error.INVALID_SESSION_TOKEN ? signIn() : Promise.reject(e)));`,
    // A switch with a case for each code that demands action, the rest only logged.
    `import Parse from 'parse';
declare function signIn(reason: string): Promise<void>;
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e: any) {
    switch (e.code) {
      case Parse.Error.SESSION_MISSING:
      case Parse.Error.INVALID_SESSION_TOKEN:
      case Parse.Error.INVALID_LINKED_SESSION:
        await signIn('expired');
        break;
      case Parse.Error.MFA_TOKEN_REQUIRED:
        await signIn('mfa');
        break;
      default:
        console.error(e);
    }
  }
}`,
    // A local handler that rethrows, passed by reference.
    `import Parse from 'parse';
function handleError(e: unknown): never {
  console.error(e);
  throw e;
}
export const posts = new Parse.Query('Post').find().catch(handleError);`,
    // The error handed on: next(e), reject(e), Promise.reject(e), a new error with the cause.
    `import Parse from 'parse';
class AppError extends Error {}
export function viaNext(next: (error: unknown) => void): void {
  new Parse.Query('Post').find().catch((e) => {
    next(e);
  });
}
export function viaReject(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    new Parse.Query('Post').find().then(resolve, (e) => reject(e));
  });
}
export async function viaPromiseReject(): Promise<unknown> {
  try {
    return await new Parse.Query('Post').find();
  } catch (e) {
    return Promise.reject(e);
  }
}
export async function viaCause(): Promise<unknown> {
  try {
    return await new Parse.Query('Post').find();
  } catch (e) {
    throw new AppError('Loading posts failed', { cause: e });
  }
}`,
    // The code of a destructured error, handed on.
    `import Parse from 'parse';
declare function reportFailure(code: number): void;
export const posts = new Parse.Query('Post').find().catch(({ code }: Parse.Error) => reportFailure(code));`,
    // Drupal: each code that demands action, the rest rethrown.
    `import { DrupalError } from '@drupal-js-sdk/error';
import { Drupal, DrupalAuth } from 'drupal-js-sdk';
declare function signIn(): Promise<void>;
export async function login(): Promise<void> {
  const auth = new DrupalAuth(new Drupal({ baseURL: 'https://cms.example.com' }));
  try {
    await auth.login('ada', 'secret');
  } catch (e) {
    if (!(e instanceof DrupalError)) throw e;
    switch (e.getErrorCode()) {
      case DrupalError.SESSION_MISSING:
      case DrupalError.INVALID_SESSION_TOKEN:
      case DrupalError.MFA_TOKEN_REQUIRED:
      case DrupalError.INVALID_LINKED_SESSION:
        await signIn();
        return;
      default:
        throw e;
    }
  }
}`,
    // CloudKit JS: sign in again, refresh and retry once on CONFLICT, rethrow the rest.
    `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
declare function signIn(): Promise<void>;
declare function refetchAndRetry(): Promise<void>;
export async function save(): Promise<void> {
  try {
    await db.saveRecords([]);
  } catch (e) {
    if (!(e instanceof CloudKit.CKError)) throw e;
    switch (e.ckErrorCode) {
      case CloudKit.CKError.AUTHENTICATION_REQUIRED:
      case CloudKit.CKError.AUTHENTICATION_FAILED:
      case CloudKit.CKError.SIGN_IN_FAILED:
        await signIn();
        break;
      case CloudKit.CKError.CONFLICT:
        await refetchAndRetry();
        break;
      default:
        throw e;
    }
  }
}`,
    // bkend: the failure is rethrown.
    `import { BKEND_URL } from './api-config.js';
export async function listPosts(): Promise<unknown> {
  try {
    const res = await fetch(\`\${BKEND_URL}/data/posts\`);
    return await res.json();
  } catch (e) {
    console.error(e);
    throw e;
  }
}`,
    // HTTP statuses are exempt by default.
    axiosTyped,
    // Trap: a try block with no SDK call, in a file that uses Parse: the browser's cache…
    `import Parse from 'parse';
export async function load(): Promise<Response | null> {
  await new Parse.Query('Post').find();
  try {
    return (await caches.match('/posts')) ?? null;
  } catch {
    return null;
  }
}`,
    // … a fetch to another host…
    `import Parse from 'parse';
export async function load(): Promise<unknown> {
  await new Parse.Query('Post').find();
  try {
    return await (await fetch('https://example.com/api/posts')).json();
  } catch (e) {
    console.error(e);
    return null;
  }
}`,
    // … MongoDB…
    `import Parse from 'parse';
declare const db: { collection(name: string): { insertOne(doc: object): Promise<void> } };
export async function save(): Promise<void> {
  await new Parse.Query('Post').find();
  try {
    await db.collection('posts').insertOne({});
  } catch (e: any) {
    if (e.code === 11000) return;
    console.error(e);
  }
}`,
    // … or the app's own function.
    `import Parse from 'parse';
declare function loadSettings(): Promise<void>;
export const current = Parse.User.current();
export async function start(): Promise<void> {
  try {
    await loadSettings();
  } catch (e) {
    console.warn(e);
  }
}`,
    // Trap: only synchronous SDK calls in the try block; a server's error cannot reach the catch.
    `import Parse from 'parse';
export function userName(): string | undefined {
  try {
    return Parse.User.current()?.getUsername() ?? undefined;
  } catch {
    return undefined;
  }
}`,
    // Trap: a promise that is not awaited rejects outside the try block.
    `import Parse from 'parse';
export function load(): void {
  try {
    void new Parse.Query('Post').find().then((posts) => console.log(posts.length));
  } catch (e) {
    console.error(e);
  }
}`,
    // Trap: Parse.Cloud.httpRequest fails with the HTTP response of another server, not a Parse.Error.
    `import Parse from 'parse/node';
export async function ping(): Promise<number> {
  try {
    const res = await Parse.Cloud.httpRequest({ url: 'https://status.example.com' });
    return res.status;
  } catch (e) {
    console.error(e);
    return 0;
  }
}`,
    // A code tested for and deliberately ignored, every other code rethrown.
    `import Parse from 'parse';
export async function load(): Promise<Parse.Object[]> {
  try {
    return await new Parse.Query('Post').find();
  } catch (e: any) {
    if (e.code === Parse.Error.INVALID_SESSION_TOKEN) return [];
    throw e;
  }
}`,
    // Trap: logOut forgets the user before its request; a session error there needs no sign-in.
    `import Parse from 'parse';
export async function signOut(): Promise<void> {
  await Parse.User.logOut().catch(() => undefined);
  try {
    await Parse.User.logOut();
  } catch {
    // the session had already expired
  }
}`,
    // loggers by declaration: a local object named console is not the lib's console.
    {
      code: `import Parse from 'parse';
const console = { error: (e: unknown) => fetch('/log', { method: 'POST', body: JSON.stringify({ error: e }) }) };
export const posts = new Parse.Query('Post').find().catch((e) => console.error(e));`,
      options: [{ loggers: [{ from: 'lib', name: 'console' }] }],
    },
    // loggers by declaration: a function of that name in another file is not the one named.
    {
      code: parseReporter,
      options: [{ loggers: [{ from: 'file', name: 'report', path: 'bridge.ts' }] }],
    },
    // An app's own function whose failure the handler tests for Parse codes: every code it does not test for is rethrown.
    appClientCall('throw e;'),
    // Native CloudKit through a bridge: signs in again, rethrows the rest.
    {
      code: bridgeCall(`if (err.code === 9) {
      signIn();
      return;
    }
    throw err;`),
      settings: bridgeSettings,
    },
    // A retry helper: the codes it retries held in a const, every other code rethrown.
    `import { DrupalError } from '@drupal-js-sdk/error';
export async function readWithRetry<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (err) {
      const transient =
        err instanceof DrupalError && (err.getErrorCode() === DrupalError.CONNECTION_FAILED || err.getErrorCode() === DrupalError.TIMEOUT);
      if (!transient || attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}`,
    // mustHandle: nothing for Parse.
    {
      code: parseDefaultValue,
      options: [{ mustHandle: { parse: [] } }],
    },
    // mustHandle: nothing for any catalog.
    {
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
export const saved = db.saveRecords([]).catch(() => undefined);`,
      options: [{ mustHandle: { '*': [] } }],
    },
    // loggers replaces the default list: console is then a function like any other, trusted with the error.
    {
      code: `import Parse from 'parse';
export const posts = new Parse.Query('Post').find().catch((e) => console.error(e));`,
      options: [{ loggers: ['audit'] }],
    },
    // Requests are what a callback waits on or returns, and only what can be a promise:
    // the results of a query mapped over, a session token read from them, a builder awaited.
    `import Parse from 'parse';
declare const cache: Map<string, Promise<void>>;
export async function clearCached(userId: string): Promise<void> {
  try {
    const sessions = await new Parse.Query(Parse.Session).equalTo('user', Parse.User.createWithoutData(userId)).find({ useMasterKey: true });
    await Promise.all(sessions.map(async (session) => { await cache.get(session.getSessionToken()); }));
  } catch (e) {
    console.warn('Could not clear the cache.', e);
  }
}`,
    `import Parse from 'parse';
declare function fetchSchemas(className: string): Promise<void>;
export async function constrain(classNames: string[]): Promise<void> {
  try {
    await Promise.all(
      classNames.map(async (className) => {
        let query: Parse.Query | undefined;
        if (className !== '') query = new Parse.Query(className);
        await fetchSchemas(className);
        if (query) await query.equalTo('archived', false);
      }),
    );
  } catch (error) {
    console.error('Error fetching schemas:', error);
  }
}`,
    // The stored user is read without a request; the app's own functions are handed its data.
    `import Parse from 'parse';
declare function loadProfile(userId: string | undefined, token: string | null): Promise<void>;
export function restore(): void {
  Parse.User.currentAsync()
    .then(async (user) => {
      if (user) await loadProfile(user.id, user.getSessionToken());
    })
    .catch((reason) => {
      console.error('Failed to restore the user.', reason);
    });
}`,
];

const typedInvalid: InvalidTestCase<MessageIds, Options>[] = [
    {
      // A web app's admin pages: a failed Cloud function, an expired session among the causes, becomes a toast.
      code: `import Parse from 'parse';
declare function addError(text: string, duration?: number): void;
declare function addNotification(text: string): void;
export async function promote(conference: Parse.Object, target: string): Promise<void> {
  try {
    await Parse.Cloud.run('promote', { conference: conference.id, target, newRole: 'manager' });
    addNotification('Promoted user to manager.');
  } catch (e) {
    addError(\`Failed to promote user. Error: \${e}\`, 20000);
  }
}
export async function editSponsor(sponsor: Parse.Object, colour: string): Promise<void> {
  try {
    await Parse.Cloud.run('edit-sponsor', { sponsor: sponsor.id, colour });
  } catch (e) {
    addError(\`Failed to update colour. Error: \${e}\`, 5000);
  } finally {
    addNotification('Updated colour');
  }
}
export async function saveLogo(conference: Parse.Object, name: string, data: number[]): Promise<void> {
  try {
    const file = new Parse.File(name, data);
    await file.save();
    conference.set('headerImage', file);
    await conference.save();
  } catch {
    addError('Sorry, we were unable to save your logo.');
  }
}
export async function saveText(conference: Parse.Object, text: string): Promise<boolean> {
  let ok = false;
  try {
    ok = await Parse.Cloud.run('conference-setLoggedInText', { text, conference: conference.id });
  } catch {
    ok = false;
  }
  return ok;
}`,
      errors: [
        { ...swallowed(8, 5, PARSE_ALL), endColumn: 14 },
        { ...swallowed(15, 5, PARSE_ALL), endColumn: 14 },
        { ...swallowed(27, 5, PARSE_ALL), endColumn: 10 },
        { ...swallowed(35, 5, PARSE_ALL), endColumn: 10 },
      ],
    },
    {
      // An Angular route guard: handles 209, lets the user through for every other code.
      code: `import Parse from 'parse';
declare const router: { navigate(path: string): Promise<boolean> };
export class AuthGuard {
  async canActivate(token: string): Promise<boolean> {
    try {
      await Parse.User.become(token);
      return true;
    } catch (e) {
      if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) {
        await router.navigate('/login');
        return false;
      }
      return true;
    }
  }
}`,
      errors: [{ ...swallowed(8, 7, PARSE_BUT_209), endLine: 8, endColumn: 16 }],
    },
    {
      // The global helper without its INVALID_LINKED_SESSION branch, passed by reference.
      code: `${parseErrorHelper.replace(
        `  } else if (err.code === Parse.Error.INVALID_LINKED_SESSION) {
    void router.navigate('/login/link');
`,
        '',
      )}
export const posts = new Parse.Query('Post').find().catch(handleParseError);`,
      errors: [{ ...swallowed(32, 59, { codes: 'Parse.Error.INVALID_LINKED_SESSION (251)', advice: SIGN_IN }), endColumn: 75 }],
    },
    {
      // 209 is rethrown, every other code swallowed.
      code: `import Parse from 'parse';
export async function load(): Promise<boolean> {
  try {
    await new Parse.Query('Post').find();
    return false;
  } catch (e: any) {
    if (e.code === 209) throw e;
    return true;
  }
}`,
      errors: [swallowed(6, 5, PARSE_BUT_209)],
    },
    {
      // A throw in a timer is not a rethrow.
      code: `import Parse from 'parse';
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e) {
    setTimeout(() => {
      throw e;
    });
  }
}`,
      errors: [swallowed(5, 5, PARSE_ALL)],
    },
    {
      // finally { return } cancels the rethrow.
      code: `import Parse from 'parse';
export async function count(): Promise<number> {
  try {
    return await new Parse.Query('Post').count();
  } catch (e) {
    throw e;
  } finally {
    return 0;
  }
}`,
      errors: [swallowed(5, 5, PARSE_ALL)],
    },
    {
      // finally { return } also cancels the rethrow of the other codes.
      code: `import Parse from 'parse';
declare function signIn(): Promise<void>;
export async function count(): Promise<number> {
  try {
    return await new Parse.Query('Post').count();
  } catch (e: any) {
    if (e.code !== Parse.Error.INVALID_SESSION_TOKEN) throw e;
    await signIn();
  } finally {
    return 0;
  }
}`,
      errors: [swallowed(6, 5, PARSE_BUT_209)],
    },
    {
      // A local handler that only logs, passed by reference.
      code: `import Parse from 'parse';
function handleError(e: unknown): void {
  console.error('Loading failed', e);
}
export const posts = new Parse.Query('Post').find().catch(handleError);`,
      errors: [{ ...swallowed(5, 59, PARSE_ALL), endColumn: 70 }],
    },
    {
      // The same helper called from the handler.
      code: `import Parse from 'parse';
function handleError(e: unknown): void {
  console.error('Loading failed', e);
}
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e) {
    handleError(e);
  }
}`,
      errors: [swallowed(8, 5, PARSE_ALL)],
    },
    {
      // A logger passed by reference.
      code: `import Parse from 'parse';
export const posts = new Parse.Query('Post').find().catch(console.error);`,
      errors: [{ ...swallowed(2, 59, PARSE_ALL), endColumn: 72 }],
    },
    {
      // catch without a binding.
      code: `import Parse from 'parse';
export async function load(): Promise<Parse.Object[]> {
  try {
    return await new Parse.Query('Post').find();
  } catch {
    return [];
  }
}`,
      errors: [{ ...swallowed(5, 5, PARSE_ALL), endColumn: 10 }],
    },
    {
      // A default value for the failure.
      code: parseDefaultValue,
      errors: [{ ...swallowed(2, 59, PARSE_ALL), endColumn: 64 }],
    },
    {
      // .then(ok, onRejected).
      code: `import Parse from 'parse';
export const titles = new Parse.Query('Post').find().then(
  (posts) => posts.map((post) => post.get('title')),
  (e) => {
    console.warn(e);
    return [];
  },
);`,
      errors: [{ ...swallowed(4, 3, PARSE_ALL), endColumn: 9 }],
    },
    {
      // Only the message reaches the UI: the code is lost.
      code: `import Parse from 'parse';
declare function toast(text: string): void;
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e: any) {
    toast(e.message);
  }
}`,
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      // A formatter gets the error, but only its text comes back.
      code: `import Parse from 'parse';
declare function describeError(error: Parse.Error): string;
export const message = new Parse.Query('Post').find().then(() => 'Loaded.', (e: Parse.Error) => describeError(e));`,
      errors: [swallowed(3, 77, PARSE_ALL)],
    },
    {
      // A destructured message is not the error.
      code: `import Parse from 'parse';
declare function toast(text: string): void;
export const posts = new Parse.Query('Post').find().catch(({ message }: Parse.Error) => toast(message));`,
      errors: [swallowed(3, 59, PARSE_ALL)],
    },
    {
      // A nested handler's test for 209 is not this handler's.
      code: `import Parse from 'parse';
declare function toast(text: string): void;
export async function load(): Promise<void> {
  try {
    await new Parse.Query('Post').find();
  } catch (e) {
    await new Parse.Query('Draft').find().catch((inner: Parse.Error) => {
      if (inner.code === Parse.Error.INVALID_SESSION_TOKEN) return [];
      throw inner;
    });
    toast('Loading failed');
  }
}`,
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      // Drupal.
      code: `import { Drupal, DrupalAuth } from 'drupal-js-sdk';
export async function login(): Promise<boolean> {
  const auth = new DrupalAuth(new Drupal({ baseURL: 'https://cms.example.com' }));
  try {
    await auth.login('ada', 'secret');
    return true;
  } catch (e) {
    console.error(e);
    return false;
  }
}`,
      errors: [swallowed(7, 5, DRUPAL_ALL)],
    },
    {
      // CloudKit JS: every code that demands action.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
export async function save(): Promise<void> {
  try {
    await db.saveRecords([]);
  } catch (e) {
    console.error(e);
  }
}`,
      errors: [swallowed(6, 5, CLOUDKIT_ALL)],
    },
    {
      // CloudKit JS: signs in again but drops CONFLICT.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
declare function signIn(): Promise<void>;
export async function save(): Promise<void> {
  try {
    await db.saveRecords([]);
  } catch (e) {
    if (e instanceof CloudKit.CKError) {
      switch (e.ckErrorCode) {
        case CloudKit.CKError.AUTHENTICATION_REQUIRED:
        case CloudKit.CKError.AUTHENTICATION_FAILED:
        case CloudKit.CKError.SIGN_IN_FAILED:
          await signIn();
          return;
      }
    }
    console.error(e);
  }
}`,
      errors: [swallowed(7, 5, { codes: "CloudKit.CKError.CONFLICT ('CONFLICT')", advice: REFRESH })],
    },
    {
      // CloudKit JS: two codes left.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
declare function signIn(): Promise<void>;
declare function refetch(): Promise<void>;
export const saved = db.saveRecords([]).catch(async (e?: CloudKit.CKError) => {
  if (e?.ckErrorCode === CloudKit.CKError.AUTHENTICATION_FAILED) return signIn();
  if (e?.ckErrorCode === CloudKit.CKError.CONFLICT) return refetch();
  return undefined;
});`,
      errors: [
        swallowed(5, 47, {
          codes: "CloudKit.CKError.AUTHENTICATION_REQUIRED ('AUTHENTICATION_REQUIRED') and CloudKit.CKError.SIGN_IN_FAILED ('SIGN_IN_FAILED')",
          advice: SIGN_IN,
        }),
      ],
    },
    {
      // bkend: the error body becomes a string, and the string is dropped.
      code: `declare function toast(text: string): void;
export async function listPosts(): Promise<unknown> {
  try {
    const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
    const body = await res.json();
    if (!res.ok) throw new Error(String(body.error.code));
    return body;
  } catch (e) {
    toast(String(e));
    return null;
  }
}`,
      errors: [swallowed(8, 5, BKEND_ALL)],
    },
    {
      // bkend, through the base URL imported from the app's configuration.
      code: `import { BKEND_URL } from './api-config.js';
declare function toast(text: string): void;
export async function listPosts(): Promise<unknown> {
  try {
    const res = await fetch(\`\${BKEND_URL}/data/posts\`);
    return await res.json();
  } catch (e) {
    toast(\`\${e}\`);
    return null;
  }
}`,
      errors: [swallowed(7, 5, BKEND_ALL)],
    },
    {
      // HTTP statuses once mustHandle asks for them.
      code: axiosTyped,
      options: [{ mustHandle: { http: ['after-refresh'] } }],
      errors: [swallowed(6, 5, HTTP_AFTER_REFRESH)],
    },
    {
      // mustHandle per catalog: backoff codes for Parse (the reauthenticate default no longer applies to it).
      code: parseDefaultValue,
      options: [{ mustHandle: { parse: ['backoff'] } }],
      errors: [swallowed(2, 59, { codes: 'Parse.Error.INTERNAL_SERVER_ERROR (1), ServiceUnavailable (2) and 4 more codes that need action', advice: 'retry with backoff' })],
    },
    {
      // mustHandle: after-delay codes, most urgent class first when several are asked for.
      code: `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
export const saved = db.saveRecords([]).catch(() => undefined);`,
      options: [{ mustHandle: { 'cloudkit-js': ['after-delay', 'after-refresh'] } }],
      errors: [
        swallowed(3, 47, {
          codes: "CloudKit.CKError.CONFLICT ('CONFLICT'), CloudKit.CKError.THROTTLED ('THROTTLED') and 2 more codes that need action",
          advice: REFRESH,
        }),
      ],
    },
    {
      // mustHandle: never codes, for a catalog of its own; '*' still covers the others.
      code: `import { Drupal, DrupalAuth } from 'drupal-js-sdk';
export async function login(): Promise<void> {
  try {
    await new DrupalAuth(new Drupal({ baseURL: 'https://cms.example.com' })).login('ada', 'secret');
  } catch {}
}`,
      options: [{ mustHandle: { drupal: ['never'] } }],
      errors: [swallowed(5, 5, { codes: 'DrupalError.UNDEFINED (-1), DrupalError.MISSING_IMPLEMENTATION_ERROR (42) and 54 more codes that need action', advice: 'report it to the user' })],
    },
    {
      // Two SDKs in one try block: the most urgent codes first, whichever SDK was called first.
      code: `import Parse from 'parse';
import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
export async function sync(): Promise<void> {
  try {
    await db.saveRecords([]);
    await Parse.User.current()?.save();
  } catch (e) {
    console.error(e);
  }
}`,
      options: [{ mustHandle: { 'cloudkit-js': ['after-refresh'], parse: ['reauthenticate'] } }],
      errors: [swallowed(8, 5, { codes: 'Parse.Error.SESSION_MISSING (206), Parse.Error.INVALID_SESSION_TOKEN (209) and 3 more codes that need action', advice: SIGN_IN })],
    },
    {
      // loggers: a reporter of the app's own.
      code: `import Parse from 'parse';
declare const audit: { record(error: unknown): void };
export const posts = new Parse.Query('Post').find().catch((e) => audit.record(e));`,
      options: [{ loggers: ['console', 'audit'] }],
      errors: [swallowed(3, 59, PARSE_ALL)],
    },
    {
      // loggers by declaration: the lib's console.
      code: `import Parse from 'parse';
export const posts = new Parse.Query('Post').find().catch((e) => console.error(e));`,
      options: [{ loggers: [{ from: 'lib', name: 'console' }] }],
      errors: [swallowed(2, 59, PARSE_ALL)],
    },
    {
      // loggers by declaration: the file's own reporter, named with its file.
      code: parseReporter,
      options: [{ loggers: [{ from: 'file', name: 'report', path: 'file.ts' }] }],
      errors: [swallowed(5, 59, PARSE_ALL)],
    },
    {
      // loggers by declaration: a file specifier without a path names any file of the project.
      code: parseReporter,
      options: [{ loggers: [{ from: 'file', name: 'report' }] }],
      errors: [swallowed(5, 59, PARSE_ALL)],
    },
    {
      // An app's own function whose failure the handler tests for Parse codes: it deals with Parse errors.
      code: appClientCall('return [];'),
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      // Native CloudKit through a bridge: signs in again, but drops the codes that need a refresh.
      code: bridgeCall(`if (err.code === 9) signIn();
    else console.warn(err);`),
      settings: bridgeSettings,
      errors: [swallowed(7, 5, { codes: 'serverRecordChanged (14), assetFileModified (17) and 3 more codes that need action', advice: REFRESH })],
    },
    {
      // One named handler used twice: around Parse it swallows, around the browser's cache it is not judged.
      code: `import Parse from 'parse';
function ignore(): null {
  return null;
}
export const posts = new Parse.Query('Post').find().catch(ignore);
export const cached = caches.match('/posts').catch(ignore);`,
      errors: [swallowed(5, 59, PARSE_ALL)],
    },
    {
      // The same shapes once a callback waits on a request.
      code: `import Parse from 'parse';
export async function signOutEverywhere(userId: string): Promise<void> {
  try {
    const sessions = await new Parse.Query(Parse.Session).equalTo('user', Parse.User.createWithoutData(userId)).find({ useMasterKey: true });
    await Promise.all(sessions.map((session) => session.destroy()));
  } catch (e) {
    console.warn(e);
  }
}`,
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      code: `import Parse from 'parse';
export function refresh(): void {
  Parse.User.currentAsync()
    .then((user) => user?.fetch())
    .catch((reason) => {
      console.error('Failed to refresh the user.', reason);
    });
}`,
      errors: [swallowed(5, 12, PARSE_ALL)],
    },
];

typed.run('no-swallowed-error-codes (typed)', rule, { valid: typedValid, invalid: typedInvalid });

describe('no-swallowed-error-codes typed cases compile', () => {
  it('every typed case type-checks in the fixture project', () => {
    const codes = [...typedValid.map((testCase) => (typeof testCase === 'string' ? testCase : testCase.code)), ...typedInvalid.map((testCase) => testCase.code)];
    const failing = typeErrorsOfEach(codes).flatMap((errors, index) => (errors.length > 0 ? [{ code: codes[index], errors }] : []));
    expect(failing).toEqual([]);
  });
});

const untyped = untypedRuleTester();

untyped.run('no-swallowed-error-codes (untyped)', rule, {
  valid: [
    // The SDK object handed on whole is no request: a playground runs user code with Parse in scope.
    `import Parse from 'parse';
export async function run(code) {
  try {
    await new Function('Parse', code)(Parse);
  } catch (e) {
    console.error(e);
  }
}`,
    // A test expects the failure and checks it: the handler observes the error.
    `import Parse from 'parse';
it('rejects an expired session', async () => {
  try {
    await Parse.User.become('r:expired');
    fail('should have thrown');
  } catch (e) {
    expect(e.code).toBe(Parse.Error.INVALID_SESSION_TOKEN);
  }
});`,
    `import Parse from 'parse';
it('rejects an expired session', (done) => {
  Parse.User.become('r:expired').then(() => done.fail('resolved'), () => done());
});`,
    // A test file: a helper outside the tests, and a handler that lets a setup failure pass.
    `import Parse from 'parse';
const signUp = () => Parse.User.signUp('tester', 'abc').catch(() => {});
describe('posts', () => {
  beforeEach(signUp);
  it('lists them', async () => {
    await new Parse.Query('Post').find().catch((e) => console.log(e));
  });
});`,
    // A test file by a test function of the settings.
    {
      code: `import Parse from 'parse';
scenario('lists the posts', async () => {
  await new Parse.Query('Post').find().catch(() => {});
});`,
      settings: { 'error-codes': { assertions: { tests: ['scenario'] } } },
    },
    // An assertion function of the settings observes the failure.
    {
      code: `import Parse from 'parse';
export function check() {
  return new Parse.Query('Post').find().catch((e) => verify.same(e.code, 209));
}`,
      settings: { 'error-codes': { assertions: { functions: ['verify.same'] } } },
    },
    // Requests made with the master key: the server never reads a session for them.
    `const Parse = require('parse');
async function getUserByEmail(email) {
  const query = new Parse.Query(Parse.User);
  query.equalTo('email', email);
  try {
    return await query.first({ useMasterKey: true });
  } catch {
    return null;
  }
}
new Parse.Query('Job').find({ useMasterKey: true, success: render, error: (error) => console.error(error) });
Parse.Cloud.run('cleanup', {}, { useMasterKey: true }).then(render, () => null);`,
    // A Node script: the SDK's Node build keeps no current user, so its requests carry none.
    `const Parse = require('parse/node');
Parse.initialize(process.env.APP_ID, process.env.JS_KEY, process.env.MASTER_KEY);
async function importAll(rows) {
  for (const row of rows) {
    try {
      await new Parse.Object('Row').save(row);
    } catch (e) {
      console.error('Creating a row failed', e);
    }
  }
}`,
    `import Parse from 'parse/node';
export const posts = new Parse.Query('Post').find().catch((e) => console.error(e));`,
    // The Node build through Parse.initialize with a master key, or Parse.Cloud.useMasterKey().
    `const Parse = require('parse');
Parse.initialize('app', 'js', 'master');
new Parse.Query('Post').find().catch((e) => console.error(e));`,
    `const Parse = require('parse');
Parse.Cloud.useMasterKey();
new Parse.Query('Post').find().catch((e) => console.error(e));`,
    // Cloud Code: a request given no session token carries no user.
    `Parse.Cloud.define('flair', async (request) => {
  try {
    return await new Parse.Query('Flair').find();
  } catch {
    return [];
  }
});`,
    // noCurrentUser: an app that never signs a user in.
    {
      code: `import Parse from 'parse';
Parse.Cloud.run('aggregate', {}).then(render, (error) => showNote(error.message));`,
      options: [{ noCurrentUser: true }],
    },
    // An error derived from the handler's error and handed on.
    `import Parse from 'parse';
export async function subscribe(client, query) {
  try {
    await query.subscribe();
  } catch (e) {
    const error = resolveError(e);
    client.pushError(error.code, error.message);
  }
}
const query = new Parse.Query('Post');`,
    // Rethrows every code but 209, which signs the user out.
    `import Parse from 'parse';
export async function load() {
  try {
    await new Parse.Query('Post').find();
  } catch (e) {
    if (e.code !== 209) throw e;
    await Parse.User.logOut();
  }
}`,
    // A legacy error callback, declared by name, that handles 209 and rethrows the rest.
    `import Parse from 'parse';
const query = new Parse.Query('Post');
function onError(error) {
  if (error.code === Parse.Error.INVALID_SESSION_TOKEN) return Parse.User.logOut();
  throw error;
}
query.find({ success: render, error: onError });`,
    // Cloud Code: the error goes back to the client.
    `Parse.Cloud.define('posts', async () => {
  try {
    return await new Parse.Query('Post').find();
  } catch (e) {
    throw new Parse.Error(Parse.Error.SCRIPT_FAILED, 'Loading posts failed', { cause: e });
  }
});`,
    // CloudKit JS, handled and rethrown.
    `CloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => {
  if (e.ckErrorCode === 'CONFLICT') return refetchAndRetry();
  if (e.ckErrorCode === 'AUTHENTICATION_REQUIRED' || e.ckErrorCode === 'AUTHENTICATION_FAILED' || e.ckErrorCode === 'SIGN_IN_FAILED') return signIn();
  throw e;
});`,
    // The destructured code, handed on.
    `import Parse from 'parse';
new Parse.Query('Post').find().catch(({ code }) => reportFailure(code));`,
    // HTTP statuses are exempt by default.
    axiosUntyped,
    // Traps: no SDK call in the try block, in files that use Parse.
    `import Parse from 'parse';
export async function load() {
  try { return await fetch('https://example.com/posts'); } catch (e) { console.error(e); return null; }
}`,
    `import Parse from 'parse';
export async function save(db) {
  try { await db.collection('posts').insertOne({}); } catch (e) { if (e.code === 11000) return; console.error(e); }
}`,
    `import Parse from 'parse';
import fs from 'node:fs/promises';
export async function read() {
  try { return await fs.readFile('posts.json', 'utf8'); } catch { return null; }
}`,
    // Trap: synchronous SDK calls only.
    `const Parse = require('parse');
function userName() {
  try { return Parse.User.current().getUsername(); } catch (e) { return null; }
}`,
    // Trap: Parse.Cloud.httpRequest calls another server; its failures are that server's HTTP responses.
    `Parse.Cloud.httpRequest({
  url: 'https://status.example.com',
  success: (httpResponse) => console.log(httpResponse.text),
  error: (httpResponse) => console.error('Request failed with response code ' + httpResponse.status),
});
Parse.Cloud.httpRequest({ url: 'https://status.example.com' }).then(
  (httpResponse) => console.log(httpResponse.text),
  (httpResponse) => console.error(httpResponse.status),
);`,
    // A handler imported from elsewhere is trusted with the error.
    `import Parse from 'parse';
import { handleError } from './errors.js';
new Parse.Query('Post').find().catch(handleError);`,
    // Trap: logOut's own failure.
    `Parse.User.logOut().then(() => redirect('/'), () => redirect('/'));`,
    // Trap: a jQuery-style call whose success callback uses Parse.
    `import Parse from 'parse';
$.ajax({ url: '/legacy', success: (data) => new Parse.Object('Log').save(data), error: (xhr) => console.error(xhr.status) });`,
    // A callback's synchronous calls make no request: only what it waits on or returns can fail with a server code.
    `import Parse from 'parse';
export async function constrain(classNames, fetchSchemas) {
  try {
    await Promise.all(classNames.map(async (className) => {
      const query = new Parse.Query(className);
      query.equalTo('archived', false);
      await fetchSchemas(className);
    }));
  } catch (error) {
    console.error('Error fetching schemas:', error);
  }
}`,
    // currentAsync() reads the stored user: no request.
    `import Parse from 'parse';
Parse.User.currentAsync().then((user) => render(user)).catch((e) => console.error(e));`,
    // A self-contained page that sets the SDK up and names no user API has no user to send.
    {
      code: `Parse.initialize('myAppId');
Parse.serverURL = 'https://example.com/parse';
const postData = async () => {
  try {
    const score = new Parse.Object('GameScore');
    await score.save({ score: 1337 });
  } catch (error) {
    showError('There was a failure: ' + error.message);
  }
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
  ],
  invalid: [
    {
      // The SDK handed on whole does not hide a request made in the same block.
      code: `import Parse from 'parse';
export async function run(code) {
  try {
    await new Function('Parse', code)(Parse);
    await Parse.User.current().fetch();
  } catch (e) {
    console.error(e);
  }
}`,
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      // A route guard in plain JavaScript.
      code: `import Parse from 'parse';
export async function canActivate(token) {
  try {
    await Parse.User.become(token);
    return true;
  } catch (e) {
    if (e instanceof Parse.Error && e.code === Parse.Error.INVALID_SESSION_TOKEN) return false;
    return true;
  }
}`,
      errors: [swallowed(6, 5, PARSE_BUT_209)],
    },
    {
      // Cloud Code, with the global Parse, querying as the user who called.
      code: `Parse.Cloud.define('posts', async (request) => {
  try {
    return await new Parse.Query('Post').find({ sessionToken: request.user.getSessionToken() });
  } catch (e) {
    console.error(e);
    return [];
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [swallowed(4, 5, PARSE_ALL)],
    },
    {
      // Without noCurrentUser a browser app may have a signed-in user; with it, a session token given still carries one.
      code: `import Parse from 'parse';
Parse.Cloud.run('aggregate', {}).then(render, (error) => showNote(error.message));`,
      errors: [swallowed(2, 47, PARSE_ALL)],
    },
    {
      code: `import Parse from 'parse';
Parse.Cloud.run('aggregate', {}, { sessionToken: token }).then(render, (error) => showNote(error.message));`,
      options: [{ noCurrentUser: true }],
      errors: [swallowed(2, 72, PARSE_ALL)],
    },
    {
      // A Node file that keeps a current user after all.
      code: `const Parse = require('parse/node');
Parse.User.enableUnsafeCurrentUser();
new Parse.Query('Post').find().catch((e) => console.error(e));`,
      errors: [swallowed(3, 38, PARSE_ALL)],
    },
    {
      // A hook registered inside a function does not make the file Cloud Code; two arguments to initialize hold no master key
      // (and a file that loads others of the app is not an app without users).
      code: `import Parse from 'parse';
import './routes.js';
Parse.initialize('app', 'js');
export function register() {
  Parse.Cloud.define('posts', () => new Parse.Query('Post').find().catch(() => []));
}`,
      errors: [swallowed(5, 74, PARSE_ALL)],
    },
    {
      // A sign-in in a Node script deals with a user of its own.
      code: `const Parse = require('parse/node');
Parse.User.logIn('admin', process.env.PASSWORD).catch((e) => console.error(e));`,
      errors: [swallowed(2, 55, PARSE_ALL)],
    },
    {
      // The master key is asked for only when a flag says so; another request has no master key at all.
      code: `import Parse from 'parse';
export async function remove(objects, useMasterKey) {
  try {
    await Parse.Object.destroyAll(objects, { useMasterKey });
  } catch (e) {
    showNote(e.message);
  }
  try {
    await Parse.Cloud.run('cleanup', {}, { useMasterKey: true });
    await new Parse.Query('Post').find();
  } catch (e) {
    showNote(e.message);
  }
}`,
      errors: [swallowed(5, 5, PARSE_ALL), swallowed(11, 5, PARSE_ALL)],
    },
    {
      // Text made from the error is not the error.
      code: `import Parse from 'parse';
new Parse.Query('Post').find().catch((e) => {
  const text = String(e);
  toast(text);
});`,
      errors: [swallowed(2, 38, PARSE_ALL)],
    },
    {
      // An app on React Native: a failed save of the signed-in user becomes a log line and a form reset.
      code: `import { Parse } from 'parse/react-native';
export const submit = async (submitAction) => {
  const user = Parse.User.current();
  await user.save().then(
    async (updatedUser) => {
      await storeData(updatedUser, 'currentUser');
      submitAction();
    },
    (error) => {
      console.log(error);
      setSubmitting(false);
      handleFailedAttempt();
    },
  );
};`,
      errors: [swallowed(9, 5, PARSE_ALL)],
    },
    {
      // A fetch by id whose failure, an expired session among them, becomes "not found".
      code: `import { Parse } from 'parse/react-native';
export const fetchResidentById = async (objectId) => {
  try {
    const record = await new Parse.Query('SurveyData').get(objectId);
    return JSON.parse(JSON.stringify(record));
  } catch (e) {
    return null;
  }
};`,
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      // Legacy callbacks on a query made with new Parse.Query(…).
      code: `import Parse from 'parse';
const query = new Parse.Query('Post');
query.find({ success: (posts) => render(posts), error: (error) => console.error(error) });`,
      errors: [{ ...swallowed(3, 56, PARSE_ALL), endColumn: 66 }],
    },
    {
      // Legacy callbacks with (object, error).
      code: `import Parse from 'parse';
const user = new Parse.User();
user.save(null, { success: (saved) => render(saved), error: (object, error) => alert(error.message) });`,
      errors: [swallowed(3, 61, PARSE_ALL)],
    },
    {
      // 209 rethrown, the rest swallowed.
      code: `import Parse from 'parse';
export async function load() {
  try {
    await new Parse.Query('Post').find();
    return false;
  } catch (e) {
    if (e.code === 209) throw e;
    return true;
  }
}`,
      errors: [swallowed(6, 5, PARSE_BUT_209)],
    },
    {
      // The error as text.
      code: `import Parse from 'parse';
new Parse.Query('Post').find().catch((e) => String(e));`,
      errors: [swallowed(2, 38, PARSE_ALL)],
    },
    {
      // A logger, bound.
      code: `import Parse from 'parse';
new Parse.Query('Post').find().catch(console.error.bind(console));`,
      errors: [swallowed(2, 38, PARSE_ALL)],
    },
    {
      // An app's helper that only logs, called from the handler.
      code: `import Parse from 'parse';
function logError(error) {
  console.error('[app]', error);
}
export async function load() {
  try {
    await new Parse.Query('Post').find();
  } catch (e) {
    logError(e);
  }
}`,
      errors: [swallowed(8, 5, PARSE_ALL)],
    },
    {
      // A destructured message, and no binding at all.
      code: `import Parse from 'parse';
new Parse.Query('Post').find().catch(({ message }) => showMessage(message));
export async function load() {
  try { await new Parse.Query('Post').find(); } catch { /* offline? */ }
}`,
      errors: [swallowed(2, 38, PARSE_ALL), swallowed(4, 49, PARSE_ALL)],
    },
    {
      // Drupal through require.
      code: `const { DrupalAuth } = require('drupal-js-sdk');
async function login(auth) {
  try { await new DrupalAuth(auth).login('ada', 'secret'); } catch (e) { console.log(e); }
}`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [swallowed(3, 62, DRUPAL_ALL)],
    },
    {
      // CloudKit JS, the global.
      code: `CloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => {
  console.error(e);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [swallowed(1, 74, CLOUDKIT_ALL)],
    },
    {
      // bkend: the body's code turned into a string, then dropped.
      code: `export async function listPosts() {
  try {
    const res = await fetch('https://api-client.bkend.ai/v1/data/posts');
    const body = await res.json();
    if (!res.ok) throw new Error(body.error.code);
    return body;
  } catch (e) {
    showToast(\`\${e}\`);
    return null;
  }
}`,
      errors: [swallowed(7, 5, BKEND_ALL)],
    },
    {
      // HTTP, asked for.
      code: axiosUntyped,
      options: [{ mustHandle: { http: ['after-refresh'] } }],
      errors: [swallowed(3, 45, HTTP_AFTER_REFRESH)],
    },
    {
      // '*' applies to the catalogs not listed.
      code: `import Parse from 'parse';
export async function load() {
  try { await new Parse.Query('Post').find(); } catch (e) { return null; }
}`,
      options: [{ mustHandle: { '*': ['after-refresh', 'reauthenticate'], http: [] } }],
      errors: [swallowed(3, 49, PARSE_ALL)],
    },
    {
      // The test held in a const: 209 signs out, the rest only reach the UI as text.
      code: `import Parse from 'parse';
export async function load() {
  try {
    return await new Parse.Query('Post').find();
  } catch (e) {
    const sessionGone = e.code === Parse.Error.INVALID_SESSION_TOKEN;
    if (sessionGone) return Parse.User.logOut();
    showMessage(e.message);
    return [];
  }
}`,
      errors: [swallowed(5, 5, PARSE_BUT_209)],
    },
    {
      // A saga: yield waits like await.
      code: `import Parse from 'parse';
import { call, put } from 'redux-saga/effects';
export function* loadPosts() {
  try {
    const posts = yield call(() => new Parse.Query('Post').find());
    yield put({ type: 'posts/loaded', posts });
  } catch (e) {
    yield put({ type: 'posts/failed', message: e.message });
  }
}`,
      errors: [swallowed(7, 5, PARSE_ALL)],
    },
    {
      // A promise made before it is awaited.
      code: `import Parse from 'parse';
export async function load() {
  const pending = new Parse.Query('Post').find();
  showSpinner();
  try {
    return await pending;
  } catch (e) {
    return [];
  }
}`,
      errors: [swallowed(7, 5, PARSE_ALL)],
    },
    {
      // The same callback once it waits on a request.
      code: `import Parse from 'parse';
export async function constrain(classNames) {
  try {
    await Promise.all(classNames.map(async (className) => {
      const query = new Parse.Query(className);
      await query.find();
    }));
  } catch (error) {
    console.error('Error fetching schemas:', error);
  }
}`,
      errors: [swallowed(8, 5, PARSE_ALL)],
    },
    {
      // A Promise's executor: whatever it starts may settle the promise.
      code: `import Parse from 'parse';
export async function load() {
  try {
    await new Promise((resolve, reject) => {
      new Parse.Query('Post').find({ success: resolve, error: reject });
    });
  } catch (e) {
    console.error(e);
  }
}`,
      errors: [swallowed(7, 5, PARSE_ALL)],
    },
    {
      code: `import Parse from 'parse';
Parse.User.currentAsync().then(() => new Parse.Query('Post').find()).catch((e) => console.error(e));`,
      errors: [swallowed(2, 76, PARSE_ALL)],
    },
    {
      // A page that sets the SDK up but signs a user in, or that loads other files of the app, may have a user.
      code: `Parse.initialize('myAppId');
Parse.User.logIn(form.user, form.password).then(show, show);
const postData = async () => {
  try {
    await new Parse.Object('GameScore').save({ score: 1337 });
  } catch (error) {
    showError(error.message);
  }
};`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
    {
      code: `import './login.js';
Parse.initialize('myAppId');
export const postData = async () => {
  try {
    await new Parse.Object('GameScore').save({ score: 1337 });
  } catch (error) {
    showError(error.message);
  }
};`,
      errors: [swallowed(6, 5, PARSE_ALL)],
    },
  ],
});

describe('no-swallowed-error-codes options', () => {
  const lint = (options: unknown) =>
    new Linter({ configType: 'flat' }).verify(`import Parse from 'parse';\nnew Parse.Query('Post').find().catch(() => []);`, [
      {
        plugins: { 'error-codes': plugin as unknown as ESLint.Plugin },
        rules: { 'error-codes/no-swallowed-error-codes': ['error', options] },
      },
    ]);

  it('rejects an unknown catalog id in mustHandle, naming it and the known ones', () => {
    expect(() => lint({ mustHandle: { parze: ['reauthenticate'] } })).toThrow(
      'eslint-plugin-error-codes: options of error-codes/no-swallowed-error-codes at /mustHandle/parze: unknown catalog "parze" (known: parse, drupal, cloudkit-js, cloudkit, bkend, http, and "*" for every catalog not listed)',
    );
  });

  it('rejects an unknown retry class with ESLint’s schema error', () => {
    expect(() => lint({ mustHandle: { parse: ['later'] } })).toThrow('should be equal to one of the allowed values');
  });
});
