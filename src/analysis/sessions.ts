/**
 * Which Parse requests can carry a user: only those can fail with a code that asks to sign the
 * user in again (the catalog's `reauthenticate` codes: INVALID_SESSION_TOKEN 209,
 * SESSION_MISSING 206, …).
 * - A request made with the master key (`{ useMasterKey: true }`) is authenticated by the key:
 *   Parse Server never reads a session for it.
 * - The Node build of the SDK keeps no current user, so its requests send a session only when
 *   given one (`{ sessionToken }`). A file runs the Node build when it loads `parse/node`, calls
 *   `Parse.initialize` with a master key or `Parse.Cloud.useMasterKey()` (both only work there),
 *   or is Cloud Code (`Parse.Cloud.define(…)`, `Parse.Cloud.beforeSave(…)`, … at its top level),
 *   unless it calls `Parse.User.enableUnsafeCurrentUser()`. Sign-in calls (`logIn`, `signUp`,
 *   `become`, `linkWith`, …) deal with a user by themselves.
 * - A self-contained app that sets the SDK up itself (`Parse.initialize(…)`), loads no other file
 *   of the app and names no user API never has a user to send (a public page or demo script).
 * Pure functions of the AST; which identifiers name the SDK is the caller's answer.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from '../binding/accessors.js';
import { baseIdentifier, walk } from '../binding/ast.js';
import type { SdkName } from '../binding/sdk-names.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Whether an identifier names the Parse SDK, and through which module. */
export type ParseResolver = (identifier: TSESTree.Identifier) => SdkName | undefined;

/** Cloud Code's hooks: a file that registers one at its top level runs inside Parse Server. */
const CLOUD_HOOKS: ReadonlySet<string> = new Set([
  'define',
  'job',
  'beforeSave',
  'afterSave',
  'beforeDelete',
  'afterDelete',
  'beforeFind',
  'afterFind',
  'beforeLogin',
  'afterLogin',
  'afterLogout',
  'beforePasswordResetRequest',
  'beforeSaveFile',
  'afterSaveFile',
  'beforeDeleteFile',
  'afterDeleteFile',
  'beforeConnect',
  'beforeSubscribe',
  'afterLiveQueryEvent',
]);

/** Calls that sign a user in or attach one: their failures are about that user whatever the file. */
const SIGN_IN_METHODS: ReadonlySet<string> = new Set(['logIn', 'logInWith', 'signUp', 'become', 'me', 'linkWith', '_linkWith', 'hydrate', 'verifyPassword']);

/** `{ useMasterKey: true }` among a call's arguments. */
export function usesMasterKey(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    const options = skipWrappers(argument);
    return (
      options.type === AST_NODE_TYPES.ObjectExpression &&
      options.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          propertyName(property) === 'useMasterKey' &&
          property.value.type === AST_NODE_TYPES.Literal &&
          property.value.value === true,
      )
    );
  });
}

/**
 * Whether code that a handler waits on may carry a user in a file whose SDK keeps no current
 * user: it calls a sign-in method, or a `sessionToken` is written anywhere in it (`{ sessionToken
 * }`, `{ sessionToken: request.user.getSessionToken() }`), or an options object is spread into an
 * object (`{ ...options }`).
 */
export function mayCarryUser(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let found = false;
  walk(sourceCode, node, (current) => {
    if (found) return false;
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(current.callee);
      found = callee.type === AST_NODE_TYPES.MemberExpression && SIGN_IN_METHODS.has(memberName(callee) ?? '');
    } else if (current.type === AST_NODE_TYPES.Property) {
      found = propertyName(current) === 'sessionToken';
    } else if (current.type === AST_NODE_TYPES.SpreadElement) {
      found = current.parent.type === AST_NODE_TYPES.ObjectExpression;
    }
    return undefined;
  });
  return found;
}

/**
 * Whether the file, given as its nodes, keeps no current user (see the module comment): it runs
 * the SDK's Node build, or it is a self-contained app without users — it sets the SDK up itself
 * (`Parse.initialize(…)`), loads no other file of the app, and names no user API (`Parse.User`,
 * a sign-in method, `current()`, a `sessionToken`).
 */
export function hasNoCurrentUser(nodes: readonly TSESTree.Node[], resolveParse: ParseResolver): boolean {
  let node = false;
  let currentUser = false;
  let initializes = false;
  let namesUser = false;
  let loadsAppFile = false;
  const isParse = (expression: TSESTree.Node): boolean => {
    const base = baseIdentifier(expression);
    return base !== undefined && resolveParse(base) !== undefined;
  };
  for (const current of nodes) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      if (resolveParse(current)?.module === 'parse/node') node = true;
      if (USER_NAMES.has(current.name)) namesUser = true;
      continue;
    }
    if (current.type === AST_NODE_TYPES.Literal) {
      if (typeof current.value === 'string' && isModuleSource(current) && /^[./]/u.test(current.value)) loadsAppFile = true;
      continue;
    }
    if (current.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !isParse(callee)) continue;
    const method = memberName(callee);
    if (method === 'enableUnsafeCurrentUser') currentUser = true;
    else if (method === 'initialize') {
      initializes = true;
      if (current.arguments.length >= 3) node = true;
    } else if (method === 'useMasterKey' && ownerName(callee) === 'Cloud') node = true;
    else if (method !== undefined && CLOUD_HOOKS.has(method) && ownerName(callee) === 'Cloud' && isTopLevel(current)) node = true;
  }
  return (node || (initializes && !namesUser && !loadsAppFile)) && !currentUser;
}

/** Names of the SDK's user API: a file that names none of them never signs a user in or reads one. */
const USER_NAMES: ReadonlySet<string> = new Set([...SIGN_IN_METHODS, 'User', 'current', 'currentAsync', 'sessionToken', 'getSessionToken', 'enableUnsafeCurrentUser']);

/** The module a file loads: `import … from 'x'`, `export … from 'x'`, `import('x')`, `require('x')`. */
function isModuleSource(literal: TSESTree.Literal): boolean {
  const parent = literal.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
      return parent.source === literal;
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments[0] === literal && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'require';
    default:
      return false;
  }
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** `Cloud` in `Parse.Cloud.define`. */
function ownerName(callee: TSESTree.MemberExpression): string | undefined {
  const owner = skipWrappers(callee.object);
  return owner.type === AST_NODE_TYPES.MemberExpression ? memberName(owner) : undefined;
}

/** A statement of the program itself: `Parse.Cloud.define(…);` outside any function or block. */
function isTopLevel(call: TSESTree.CallExpression): boolean {
  const statement = call.parent;
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.parent.type === AST_NODE_TYPES.Program;
}
