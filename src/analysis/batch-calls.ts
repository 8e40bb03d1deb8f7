/**
 * SDK calls that succeed or fail item by item: CloudKit JS requests that resolve to a `Response`
 * (`saveRecords`, `performQuery`, `newRecordsBatch().commit()`, …) even when some items failed,
 * and Parse's `saveAll` / `destroyAll`. A syntactic filter by method name first; then the
 * callee's declaring package (typed), or a receiver that certainly comes from the SDK (untyped).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { memberName, skipWrappers } from '../binding/accessors.js';
import { constInitOf, walk } from '../binding/ast.js';
import { type BindingContext, withoutCheckerFailure } from '../binding/context.js';
import { calleeDeclarations, calleePackages, constituents, declarationPackage, isAnyOrUnknown } from '../binding/type-match.js';

const CLOUDKIT_PACKAGE = 'tsl-apple-cloudkit';
const CLOUDKIT_CATALOG = 'cloudkit-js';

/** `Database` methods whose promise resolves to a `Response` with `hasErrors` / `errors`. */
const DATABASE_METHODS: ReadonlySet<string> = new Set([
  'deleteRecordZones',
  'deleteRecords',
  'deleteSubscriptions',
  'fetchAllRecordZones',
  'fetchAllSubscriptions',
  'fetchDatabaseChanges',
  'fetchRecordZoneChanges',
  'fetchRecordZones',
  'fetchRecords',
  'fetchSubscriptions',
  'performQuery',
  'saveRecordZones',
  'saveRecords',
  'saveSubscriptions',
]);

/** `Container` methods whose promise resolves to a `Response`. */
const CONTAINER_METHODS: ReadonlySet<string> = new Set([
  'acceptShares',
  'discoverAllUserIdentities',
  'discoverUserIdentities',
  'discoverUserIdentityWithEmailAddress',
  'discoverUserIdentityWithPhoneNumber',
  'discoverUserIdentityWithUserRecordName',
  'fetchRecordInfos',
]);

/** `RecordsBatchBuilder` methods that return the builder, before `commit()`. */
const BUILDER_METHODS: ReadonlySet<string> = new Set(['create', 'createOrUpdate', 'delete', 'forceDelete', 'forceReplace', 'forceUpdate', 'replace', 'update']);

const DATABASE_PROPERTIES: ReadonlySet<string> = new Set(['publicCloudDatabase', 'privateCloudDatabase', 'sharedCloudDatabase']);

/** Whether a name is one of the CloudKit JS request methods that resolve to a `Response`. */
export function isResponseMethodName(name: string): boolean {
  return name === 'commit' || DATABASE_METHODS.has(name) || CONTAINER_METHODS.has(name);
}

/**
 * Whether a type is a CloudKit JS `Response` (or a union holding one): a type with a `hasErrors`
 * property declared in the CloudKit JS typings.
 */
export function isCloudKitResponseType(type: ts.Type): boolean {
  return constituents(type).some((member) =>
    (member.getProperty('hasErrors')?.getDeclarations() ?? []).some((declaration) => declarationPackage(declaration) === CLOUDKIT_PACKAGE),
  );
}

/** The type a promise-like call resolves to (the call's own type when it is not a promise). */
export function awaitedTypeOf(bc: BindingContext, node: TSESTree.Node): ts.Type | undefined {
  if (!bc.checker) return undefined;
  const type = bc.typeOf(node)!;
  return withoutCheckerFailure(
    () => bc.checker!.getAwaitedType(type) ?? type,
    () => type,
  );
}

/** Typed: whether a value is an array (or tuple), `undefined` and `null` aside: `err.errors` of `errors?: Error[]`. */
export function isArrayValue(bc: BindingContext, node: TSESTree.Node): boolean {
  if (!bc.checker) return false;
  const parts = constituents(bc.typeOf(node)!).filter((part) => (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
  return parts.length > 0 && parts.every((part) => bc.checker!.isArrayType(part) || bc.checker!.isTupleType(part));
}

/**
 * The method of a CloudKit JS request that resolves to a `Response`: `db.saveRecords(…)`,
 * `container.discoverAllUserIdentities()`, `db.newRecordsBatch().create(…).commit()`.
 * Typed: the call's awaited type is a CloudKit JS `Response`. Without a type (plain JavaScript,
 * or an `any` receiver), only when the receiver certainly comes from the CloudKit import or
 * global of this file: `CloudKit.getDefaultContainer().publicCloudDatabase`, directly or
 * through `const`s.
 */
export function cloudKitResponseMethod(bc: BindingContext, call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined || !isResponseMethodName(method)) return undefined;
  if (bc.typed) {
    const type = awaitedTypeOf(bc, call)!;
    if (!constituents(type).every(isAnyOrUnknown)) return isCloudKitResponseType(type) ? method : undefined;
  }
  const receiver = callee.object;
  if (method === 'commit') return isRecordsBatch(bc, receiver, 0) ? method : undefined;
  if (DATABASE_METHODS.has(method)) return isDatabase(bc, receiver, 0) ? method : undefined;
  return isContainer(bc, receiver, 0) ? method : undefined;
}

const MAX_DEPTH = 6;

/** An expression through `const x = …` initialisers, wrappers stripped. */
function resolveConst(bc: BindingContext, node: TSESTree.Node): TSESTree.Node {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return target;
  const init = constInitOf(bc.sourceCode, target);
  return init ? skipWrappers(init) : target;
}

/** For a method call `x.m(…)` (directly or through `const`s): `m` and `x`. */
function methodCallOf(bc: BindingContext, node: TSESTree.Node): { name: string; receiver: TSESTree.Node } | undefined {
  const target = resolveConst(bc, node);
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(target.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name === undefined ? undefined : { name, receiver: (callee as TSESTree.MemberExpression).object };
}

/** The CloudKit JS SDK itself: its import, require or global, `window.CloudKit`, or `CloudKit.configure(…)`. */
function isCloudKitSdk(bc: BindingContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    if (bc.resolveSdk(target)?.catalog.id === CLOUDKIT_CATALOG) return true;
    const resolved = resolveConst(bc, target);
    return resolved !== target && isCloudKitSdk(bc, resolved, depth + 1);
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(target) === 'CloudKit' && target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'window';
  }
  const call = methodCallOf(bc, target);
  return call?.name === 'configure' && isCloudKitSdk(bc, call.receiver, depth + 1);
}

/** `CloudKit.getDefaultContainer()`, `CloudKit.getContainer(id)`, or a `const` holding one. */
function isContainer(bc: BindingContext, node: TSESTree.Node, depth: number): boolean {
  const call = depth > MAX_DEPTH ? undefined : methodCallOf(bc, node);
  return (call?.name === 'getDefaultContainer' || call?.name === 'getContainer') && isCloudKitSdk(bc, call.receiver, depth + 1);
}

/** `container.publicCloudDatabase` (private, shared), `container.getDatabaseWithDatabaseScope(…)`, or a `const` holding one. */
function isDatabase(bc: BindingContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const target = resolveConst(bc, node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    return name !== undefined && DATABASE_PROPERTIES.has(name) && isContainer(bc, target.object, depth + 1);
  }
  const call = methodCallOf(bc, target);
  return call?.name === 'getDatabaseWithDatabaseScope' && isContainer(bc, call.receiver, depth + 1);
}

/** `db.newRecordsBatch()`, with builder calls chained on it (`.create(…).delete(…)`), or a `const` holding one. */
function isRecordsBatch(bc: BindingContext, node: TSESTree.Node, depth: number): boolean {
  const call = depth > MAX_DEPTH ? undefined : methodCallOf(bc, node);
  if (!call) return false;
  if (call.name === 'newRecordsBatch') return isDatabase(bc, call.receiver, depth + 1);
  return BUILDER_METHODS.has(call.name) && isRecordsBatch(bc, call.receiver, depth + 1);
}

export type ParseBatchMethod = 'saveAll' | 'destroyAll';

/**
 * `Parse.Object.saveAll(…)` / `destroyAll(…)` (also through a subclass, `Todo.saveAll`):
 * typed, a static declared in the `parse` package; untyped, `Parse.Object.saveAll` on the
 * SDK's import, require or global.
 */
export function parseBatchMethod(bc: BindingContext, call: TSESTree.CallExpression): ParseBatchMethod | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method !== 'saveAll' && method !== 'destroyAll') return undefined;
  if (bc.typed) {
    const packages = withoutCheckerFailure(
      () => calleePackages(calleeDeclarations(bc.services!.esTreeNodeToTSNodeMap.get(callee.property), bc.checker!)),
      () => [],
    );
    if (packages.length > 0) return packages.includes('parse') ? method : undefined;
  }
  const owner = skipWrappers(callee.object);
  if (owner.type !== AST_NODE_TYPES.MemberExpression || memberName(owner) !== 'Object') return undefined;
  const base = skipWrappers(owner.object);
  return base.type === AST_NODE_TYPES.Identifier && bc.resolveSdk(base)?.catalog.id === 'parse' ? method : undefined;
}

/** The Parse batch methods a guarded block or promise chain calls. */
export function parseBatchMethodsIn(bc: BindingContext, guarded: TSESTree.Node): Set<ParseBatchMethod> {
  const methods = new Set<ParseBatchMethod>();
  walk(bc.sourceCode, guarded, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const method = parseBatchMethod(bc, node);
    if (method) methods.add(method);
  });
  return methods;
}
