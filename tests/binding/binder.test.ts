/**
 * Each resolution path of the binder, through a probe rule that reports, for every
 * `x === <literal>` comparison, which catalog the left side is bound to and how.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createBinder } from '../../src/binding/binder.js';
import { createRule } from '../../src/create-rule.js';
import { syntaxOnlyRuleTester, typedRuleTester, untypedRuleTester } from '../rule-tester.js';

const probe = createRule<[], 'bound'>({
  name: 'binding-probe',
  meta: { type: 'problem', docs: { description: 'Reports how a code expression is bound' }, schema: [], messages: { bound: '{{catalog}} by {{via}}' } },
  defaultOptions: [],
  create(context) {
    const binder = createBinder(context);
    return {
      BinaryExpression(node) {
        if (node.operator !== '===' || node.right.type !== AST_NODE_TYPES.Literal) return;
        const binding = binder.bindCode(node.left);
        if (binding) context.report({ node: node.left, messageId: 'bound', data: { catalog: binding.catalog.id, via: binding.via } });
      },
    };
  },
});

const bound = (catalog: string, via: string) => ({ messageId: 'bound' as const, data: { catalog, via } });

const bridgeBinding = {
  'error-codes': {
    bindings: [
      { catalog: 'cloudkit', type: { from: 'file', name: 'NativeCloudKitError', path: 'tests/fixtures/project/bridge.ts' }, accessor: 'code' },
      { catalog: 'bkend', type: { from: 'file', name: 'BkendErrorBody', path: 'tests/fixtures/project/bridge.ts' }, accessor: 'error.code' },
    ],
  },
};

typedRuleTester(bridgeBinding).run('binding (typed)', probe, {
  valid: [
    // With types, only calls that can return a promise are requests: a session token read, a query's results mapped over.
    `import Parse from 'parse';\ndeclare function save(token: string | null): Promise<void>;\nasync function f(user: Parse.User) { try { await save(user.getSessionToken()); } catch (e: any) { e.code === 209; } }`,
    `import Parse from 'parse';\ndeclare const cache: Map<string, Promise<void>>;\nasync function f() {\n  const rows = await new Parse.Query('Post').find();\n  try { await Promise.all(rows.map(async (row) => { await cache.get(row.id); })); } catch (e: any) { e.code === 101; }\n}`,
    // A type of the same name declared outside the SDK package.
    `class CKError { ckErrorCode = '' }
declare const e: CKError;
e.ckErrorCode === 'THROTTLED';`,
    // Unrelated types with a code.
    `declare const apiError: { code: number };
apiError.code === 209;`,
    // A union with members of two catalogs is ambiguous.
    `import Parse from 'parse';
import { DrupalError } from '@drupal-js-sdk/error';
declare const e: Parse.Error | DrupalError;
e.code === 1;`,
    // A union with a supertype of the SDK error holds any error of that type (MongoDB's 13 here).
    `import Parse from 'parse';
declare const error: Error | Parse.Error | undefined;
error?.code === 13;`,
    // A literal union that is not all one catalog's codes.
    `declare const c: { ckErrorCode: 'THROTTLED' | 'SOMETHING_ELSE' };
c.ckErrorCode === 'THROTTLED';`,
    // A let variable may change: not followed.
    `import Parse from 'parse';
declare const err: Parse.Error;
let code = err.code;
code === 209;`,
    // An any error whose try block calls nothing of an SDK.
    `import Parse from 'parse';
declare function other(): void;
try { other(); } catch (e: any) { e.code === 209; }`,
    // Another API's body in a file that also calls bkend: the fetch URL decides.
    `async function f() {
  await fetch('https://api-client.bkend.ai/v1/data/posts');
  const res = await fetch('https://maps.example.com/geocode?q=x');
  const geo = await res.json();
  geo.error === 'OVER_QUERY_LIMIT';
}`,
    // An any error outside any catch.
    `import Parse from 'parse';
declare const e: any;
e.code === 209;`,
  ],
  invalid: [
    { code: `import Parse from 'parse';\ndeclare const e: Parse.Error;\ne.code === 209;`, errors: [bound('parse', 'type')] },
    { code: `import Parse from 'parse/node';\ndeclare const e: Parse.Error;\ne.code === 209;`, errors: [bound('parse', 'type')] },
    { code: `import Parse from 'parse/react-native';\ndeclare const e: Parse.Error;\ne.code === 209;`, errors: [bound('parse', 'type')] },
    {
      // Subclass of a subclass.
      code: `import Parse from 'parse';\nclass A extends Parse.Error {}\nclass B extends A {}\ndeclare const e: B;\ne.code === 209;`,
      errors: [bound('parse', 'type')],
    },
    { code: `import Parse from 'parse';\ndeclare const e: Parse.Error | null;\ne?.code === 209;`, errors: [bound('parse', 'type')] },
    // A union with a type that is not a supertype of the SDK error.
    { code: `import Parse from 'parse';\ndeclare const e: Parse.Error | { kind: 'offline' };\n(e as Parse.Error).code === 209;`, errors: [bound('parse', 'type')] },
    {
      // instanceof narrowing of unknown.
      code: `import Parse from 'parse';\ndeclare const e: unknown;\nif (e instanceof Parse.Error) { e.code === 209; }`,
      errors: [bound('parse', 'type')],
    },
    { code: `import { DrupalError } from '@drupal-js-sdk/error';\ndeclare const e: DrupalError;\ne.getErrorCode() === 42;`, errors: [bound('drupal', 'type')] },
    { code: `import * as CloudKit from 'tsl-apple-cloudkit';\ndeclare const e: CloudKit.CKError;\ne.ckErrorCode === 'THROTTLED';`, errors: [bound('cloudkit-js', 'type')] },
    { code: `import CloudKit from 'tsl-apple-cloudkit';\ndeclare const e: CloudKit.CKError;\ne.serverErrorCode === 'THROTTLED';`, errors: [bound('cloudkit-js', 'type')] },
    { code: `declare const res: Response;\nres.status === 404;`, errors: [bound('http', 'type')] },
    {
      // The code's own type: a union of one catalog's string codes.
      code: `type Code = 'THROTTLED' | 'TRY_AGAIN_LATER' | 'ZONE_BUSY';\ndeclare const failure: { ckErrorCode: Code };\nfailure.ckErrorCode === 'THROTTLED';`,
      errors: [bound('cloudkit-js', 'type')],
    },
    { code: `import type { NativeCloudKitError } from './bridge.js';\ndeclare const e: NativeCloudKitError;\ne.code === 23;`, errors: [bound('cloudkit', 'setting')] },
    { code: `import type { BkendErrorBody } from './bridge.js';\ndeclare const b: BkendErrorBody;\nb.error.code === 'data/not-found';`, errors: [bound('bkend', 'setting')] },
    {
      // Inference: an any catch parameter around a Parse call.
      code: `import Parse from 'parse';\nasync function f() { try { await Parse.User.logIn('a', 'b'); } catch (e: any) { e.code === 209; } }`,
      errors: [bound('parse', 'inferred')],
    },
    {
      // Inference through a method of an SDK object held in a variable.
      code: `import Parse from 'parse';\nconst query = new Parse.Query('Post');\nasync function f() { try { await query.find(); } catch (e: any) { e.code === 101; } }`,
      errors: [bound('parse', 'inferred')],
    },
    {
      // Inference that only the checker can make: a method of a parameter whose annotation is outside the try block.
      code: `import Parse from 'parse';\nasync function f(query: Parse.Query) { try { await query.find(); } catch (e: any) { e.code === 101; } }`,
      errors: [bound('parse', 'inferred')],
    },
    {
      // An SDK error thrown in the try block.
      code: `import Parse from 'parse';\nfunction f(ok: boolean) { try { if (!ok) throw new Parse.Error(Parse.Error.OBJECT_NOT_FOUND, 'x'); } catch (e: any) { e.code === 101; } }`,
      errors: [bound('parse', 'inferred')],
    },
    {
      // Inference for a rejection handler.
      code: `import { DrupalError } from '@drupal-js-sdk/error';\ndeclare function load(): Promise<void>;\nload().then(() => { throw new DrupalError(1, 'x'); }).catch((e: any) => e.code === 100);`,
      errors: [bound('drupal', 'inferred')],
    },
    {
      // then(onFulfilled, onRejected).
      code: `import Parse from 'parse';\nnew Parse.Query('Post').find().then(() => {}, (e: any) => e.code === 101);`,
      errors: [bound('parse', 'inferred')],
    },
    {
      // bkend: any body in a file that calls the bkend API.
      code: `async function f() {\n  const res = await fetch('https://api-client.bkend.ai/v1/data/posts');\n  const body = await res.json();\n  body.error === 'RATE_LIMIT_EXCEEDED';\n}`,
      errors: [bound('bkend', 'inferred')],
    },
    {
      // Inference through an SDK declared by the app's own `declare module 'drupal-js-sdk'`.
      code: `import { Drupal, DrupalAuth } from 'drupal-js-sdk';\nconst auth = new DrupalAuth(new Drupal({ baseURL: 'https://cms.example' }));\nasync function f() { try { await auth.login('a', 'b'); } catch (e: any) { e.code === 100; } }`,
      errors: [bound('drupal', 'inferred')],
    },
    {
      // bkend: the URL comes from an imported constant.
      code: `import { BKEND_URL } from './api-config.js';\nasync function f() {\n  const res = await fetch(\`\${BKEND_URL}/data/posts\`);\n  const body = await res.json();\n  body.error === 'RATE_LIMIT_EXCEEDED';\n}`,
      errors: [bound('bkend', 'inferred')],
    },
    {
      // bkend: a body of unknown origin in a file that imports the API's URL.
      code: `import { BKEND_URL } from './api-config.js';\ndeclare function call(path: string): Promise<any>;\nasync function f() {\n  const body = await call(BKEND_URL + '/data/posts');\n  body.error === 'RATE_LIMIT_EXCEEDED';\n}`,
      errors: [bound('bkend', 'inferred')],
    },
    {
      // Variables holding a code: const and destructuring.
      code: `import Parse from 'parse';\ndeclare const err: Parse.Error;\nconst c = err.code;\nconst { code } = err;\nc === 209;\ncode === 209;`,
      errors: [bound('parse', 'type'), bound('parse', 'type')],
    },
  ],
});

untypedRuleTester().run('binding (untyped)', probe, {
  valid: [
    // A named handler that is never passed to .catch().
    `import Parse from 'parse';\nfunction onError(e) { e.code === 209; }\nonError(new Error('x'));`,
    // A variable initialised from something else.
    `import Parse from 'parse';\nconst db = connect();\ntry { db.insert(); } catch (e) { e.code === 251; }`,
    // A property that happens to be named Parse is not the SDK.
    `import Parse from 'parse';\ntry { config.Parse.run(); } catch (e) { e.code === 251; }`,
    `import Parse from 'parse';\ntry { db.insert(); } catch (e) { e.code === 251; }`,
    // A parameter named Parse is not the Cloud Code global.
    `function shadow(Parse) { try { Parse.run(); } catch (e) { e.code === 141; } }`,
    `const Parse = { run() {} };\ntry { Parse.run(); } catch (e) { e.code === 141; }`,
    `res.status === 404;`,
    `const body = await res.json();\nbody.error === 'RATE_LIMIT_EXCEEDED';`,
  ],
  invalid: [
    {
      // A variable initialised from the SDK, then used in the try block.
      code: `var user = new Parse.User();\ntry { user.signUp(); } catch (e) { e.code === 202; }`,
      errors: [bound('parse', 'syntax')],
    },
    {
      // A named rejection handler, passed by reference.
      code: `import CloudKit from 'tsl-apple-cloudkit';\nfunction failAuth(error) { error.ckErrorCode === 'AUTHENTICATION_FAILED'; }\nCloudKit.getDefaultContainer().setUpAuth().catch(failAuth);`,
      errors: [bound('cloudkit-js', 'syntax')],
    },
    {
      // A code converted with parseInt and held in a const.
      code: `const Parse = require('parse');\ntry { Parse.User.current(); } catch (e) { const code = e.code ? parseInt(e.code, 10) : null; code === 209; Number(e.code) === 209; }`,
      errors: [bound('parse', 'syntax'), bound('parse', 'syntax')],
    },
    { code: `try { Parse.Cloud.run('x'); } catch (e) { e.code === 141; }`, errors: [bound('parse', 'syntax')] },
    { code: `import Parse from 'parse';\ntry { Parse.User.logIn('a', 'b'); } catch (e) { e.code === 209; }`, errors: [bound('parse', 'syntax')] },
    { code: `import * as P from 'parse/node';\ntry { P.User.current(); } catch (e) { e.code === 209; }`, errors: [bound('parse', 'syntax')] },
    { code: `const Parse = require('parse/node');\ntry { Parse.User.current(); } catch (e) { e.code === 209; }`, errors: [bound('parse', 'syntax')] },
    { code: `const { DrupalError } = require('@drupal-js-sdk/error');\nfunction h(e) { if (e instanceof DrupalError) { e.getErrorCode() === 100; } }`, errors: [bound('drupal', 'syntax')] },
    { code: `import CloudKit from 'tsl-apple-cloudkit';\nCloudKit.getDefaultContainer().publicCloudDatabase.saveRecords([]).catch((e) => e.ckErrorCode === 'THROTTLED');`, errors: [bound('cloudkit-js', 'syntax')] },
    { code: `const res = await fetch('https://api-client.bkend.ai/v1/auth/me');\nconst body = await res.json();\nbody.error.code === 'auth/session-expired';`, errors: [bound('bkend', 'syntax')] },
  ],
});

syntaxOnlyRuleTester().run('binding (TypeScript without type information)', probe, {
  valid: [
    `declare const e: any;\ne.code === 209;`,
    // An annotation naming a type that is not the SDK's.
    `import Parse from 'parse';\nfunction handle(error: ApiError) { error.code === 209; }`,
  ],
  invalid: [
    {
      // A helper's parameter annotated with the SDK's error type.
      code: `import Parse from 'parse';\nfunction handle(error: Parse.Error | undefined) { error.code === 209; }`,
      errors: [bound('parse', 'syntax')],
    },
    {
      code: `import { DrupalError } from '@drupal-js-sdk/error';\nfunction handle(error: DrupalError) { error.getErrorCode() === 100; }`,
      errors: [bound('drupal', 'syntax')],
    },
    {
      code: `import * as CloudKit from 'tsl-apple-cloudkit';\nfunction handle(error: CloudKit.CKError) { error.ckErrorCode === 'THROTTLED'; }`,
      errors: [bound('cloudkit-js', 'syntax')],
    },
    { code: `import Parse from 'parse';\ntry { Parse.User.current(); } catch (e: any) { (e as Parse.Error).code === 209; }`, errors: [bound('parse', 'syntax')] },
  ],
});
