/**
 * Evidence for errors and bodies without a useful type (`any` / `unknown`, or plain JavaScript):
 * what the guarded code calls, `instanceof` narrowing, SDK type annotations, and the API URL a
 * body was fetched from. Everything memoised lives in the object returned for one file.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { Catalog } from '../catalog/catalog.js';
import { errorParameter, guardedCodeOf, handlerUse, PROMISE_METHODS } from '../analysis/handlers.js';
import { memberName, skipWrappers, wrapped } from './accessors.js';
import { calleeIs, expectationOf } from './assertions.js';
import { argumentAt, baseIdentifier, constInitOf, functionName, type FunctionNode, isFunction, isPromiseExecutor, isPropertyName, settledBy, walk } from './ast.js';
import { type BindingContext, withoutCheckerFailure } from './context.js';
import { packageOfFile, packageOfSpecifier } from './packages.js';
import { calleeDeclarations, calleePackages, constituents, declaredToReturnPromise, isAnyOrUnknown, typeIsCatalogError } from './type-match.js';

/**
 * How a code expression was bound to its catalog:
 * - `type`: the error's declared type (or the code's literal-union type) belongs to the catalog;
 * - `setting`: the type matches a user binding in `settings['error-codes'].bindings`;
 * - `inferred`: an `any` / `unknown` error whose guarded code calls into the catalog's modules;
 * - `syntax`: no type information; imports, requires or globals of the catalog's SDK show it.
 */
export type BindingVia = 'type' | 'setting' | 'inferred' | 'syntax';

export interface Evidence {
  /** How an untyped error or body (`e` in `e.code`) belongs to `catalog`, if it does. */
  evidenceFor(subject: TSESTree.Expression, catalog: Catalog): BindingVia | undefined;
  /** Catalogs whose SDK a guarded block or promise chain calls, and how that was decided. */
  callsInto(guarded: TSESTree.Node): ReadonlyMap<Catalog, BindingVia>;
}

export function createEvidence(bc: BindingContext): Evidence {
  const { sourceCode, typed } = bc;
  const guardEvidence = new Map<TSESTree.Node, Map<Catalog, BindingVia>>();
  const fileCallsApi = new Map<Catalog, boolean>();
  const initCatalogs = new Map<TSESLint.Scope.Variable, Catalog | undefined>();
  const helperEvidence = new Map<TSESTree.Node, Map<Catalog, BindingVia | undefined>>();
  // A file inside a package (`node_modules/x/…`): its own functions are declared in that package.
  const fileInPackage = packageOfFile(bc.filename) !== undefined;

  function evidenceFor(subject: TSESTree.Expression, catalog: Catalog): BindingVia | undefined {
    const via = typed ? 'inferred' : 'syntax';
    if ((catalog.bindings.baseUrls ?? []).length > 0) return apiBodyOf(subject, catalog) ? via : undefined;
    const root = skipWrappers(subject);
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    return ownEvidence(root, catalog) ?? handedToHelper(root, catalog);
  }

  /** What the error's own binding shows: `instanceof`, an annotation, the code its handler guards. */
  function ownEvidence(root: TSESTree.Identifier, catalog: Catalog): BindingVia | undefined {
    if (narrowedByInstanceof(root, catalog)) return 'syntax';
    if (!typed && annotatedAs(root, catalog)) return 'syntax';
    const guarded = guardedCodeOf(sourceCode, root);
    return guarded && callsInto(guarded).get(catalog);
  }

  /**
   * One hop for an error handed to a helper of the same file: `function handleParseError(error)`
   * called as `handleParseError(e)` in a catch around SDK calls, or passed as
   * `.catch(handleParseError)`. The parameter is bound when every use of the helper in the file
   * hands it an error bound to the catalog (exports aside); the errors handed over are judged by
   * their own evidence, never through another helper.
   */
  function handedToHelper(identifier: TSESTree.Identifier, catalog: Catalog): BindingVia | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || !isFunction(def.node)) return undefined;
    let byCatalog = helperEvidence.get(def.name);
    if (!byCatalog) helperEvidence.set(def.name, (byCatalog = new Map<Catalog, BindingVia | undefined>()));
    if (byCatalog.has(catalog)) return byCatalog.get(catalog);
    const found = helperUsesBind(def.node, def.name, catalog) ? (typed ? 'inferred' : 'syntax') : undefined;
    byCatalog.set(catalog, found);
    return found;
  }

  function helperUsesBind(fn: FunctionNode, param: TSESTree.Node, catalog: Catalog): boolean {
    const position = fn.params.findIndex((candidate) => (candidate.type === AST_NODE_TYPES.AssignmentPattern ? candidate.left : candidate) === param);
    const name = functionName(fn);
    const helper = name && ASTUtils.findVariable(sourceCode.getScope(name), name);
    if (position === -1 || !helper) return false;
    const uses = helper.references.flatMap(({ identifier, init }) => (!init && identifier.type === AST_NODE_TYPES.Identifier && !isExport(identifier) ? [identifier] : []));
    return (
      uses.length > 0 &&
      uses.every((identifier) => {
        const call = identifier.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier) {
          const argument = argumentAt(call, position);
          return argument !== undefined && handsBoundError(argument, catalog);
        }
        const handler = handlerUse(identifier);
        return handler !== undefined && errorParameter(fn, handler.kind) === param && callsInto(handler.guarded).get(catalog) !== undefined;
      })
    );
  }

  /** An error handed to a helper: of the catalog's type, or untyped with evidence of its own. */
  function handsBoundError(argument: TSESTree.Expression, catalog: Catalog): boolean {
    const root = skipWrappers(argument);
    if (typed) {
      const type = bc.typeOf(root)!;
      const sdkError = withoutCheckerFailure(
        () => typeIsCatalogError(type, catalog, bc.checker!),
        () => false,
      );
      if (sdkError) return true;
      if (!constituents(type).every(isAnyOrUnknown)) return false;
    }
    return root.type === AST_NODE_TYPES.Identifier && ownEvidence(root, catalog) !== undefined;
  }

  /**
   * Whether an untyped body comes from the catalog's HTTP API: the `fetch` it was read from
   * (`const body = await res.json()`, `const res = await fetch(url)`) when that URL is known,
   * otherwise whether the file calls the API at all.
   */
  function apiBodyOf(subject: TSESTree.Expression, catalog: Catalog): boolean {
    const hosts = apiHosts(catalog);
    const url = fetchedUrl(subject);
    if (url !== undefined) return hosts.some((host) => url.includes(host));
    let calls = fileCallsApi.get(catalog);
    if (calls === undefined) {
      calls = mentionsApiHost(sourceCode.text, catalog) || importsApiUrl(hosts);
      fileCallsApi.set(catalog, calls);
    }
    return calls;
  }

  /** Typed: an imported constant whose literal type is the API's URL (`import { BKEND_URL } from './config'`). */
  function importsApiUrl(hosts: readonly string[]): boolean {
    if (!typed) return false;
    return sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.specifiers.some((specifier) => {
          const type = bc.typeOf(specifier.local)!;
          return type.isStringLiteral() && hosts.some((host) => type.value.includes(host));
        }),
    );
  }

  /** The start of the URL a body was fetched from, when it can be read statically. */
  function fetchedUrl(node: TSESTree.Node, depth = 0): string | undefined {
    if (depth > 4) return undefined;
    let target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const init = constInitOf(sourceCode, target);
      return init ? fetchedUrl(init, depth + 1) : undefined;
    }
    if (target.type === AST_NODE_TYPES.AwaitExpression) target = skipWrappers(target.argument);
    if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipWrappers(target.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === 'json' && callee.type === AST_NODE_TYPES.MemberExpression) return fetchedUrl(callee.object, depth + 1);
    if (name === 'fetch' && target.arguments[0]) return staticPrefix(target.arguments[0], 0);
    return undefined;
  }

  /** The static start of a string expression: a literal, a template's head, a `const`, `a + b`. */
  function staticPrefix(node: TSESTree.Node, depth: number): string | undefined {
    if (depth > 4) return undefined;
    const target = skipWrappers(node);
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        return typeof target.value === 'string' ? target.value : undefined;
      case AST_NODE_TYPES.TemplateLiteral: {
        const head = target.quasis[0]?.value.cooked ?? '';
        if (head !== '' || target.expressions.length === 0) return head;
        return staticPrefix(target.expressions[0]!, depth + 1);
      }
      case AST_NODE_TYPES.BinaryExpression:
        return target.operator === '+' ? staticPrefix(target.left, depth + 1) : undefined;
      case AST_NODE_TYPES.Identifier: {
        const type = typed ? bc.typeOf(target) : undefined;
        if (type?.isStringLiteral()) return type.value;
        const init = constInitOf(sourceCode, target);
        return init ? staticPrefix(init, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** `if (e instanceof Parse.Error) { … e.code … }` and `e instanceof DrupalError && e.code …`. */
  function narrowedByInstanceof(identifier: TSESTree.Identifier, catalog: Catalog): boolean {
    let child: TSESTree.Node = identifier;
    for (let parent = identifier.parent; parent; child = parent, parent = parent.parent) {
      const test =
        parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child
          ? parent.test
          : parent.type === AST_NODE_TYPES.ConditionalExpression && parent.consequent === child
            ? parent.test
            : parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child
              ? parent.left
              : undefined;
      if (test && testsInstanceof(test, identifier.name, catalog)) return true;
      if (assertedBefore(parent, child, identifier.name, catalog)) return true;
      if (parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.Program) return false;
    }
    return false;
  }

  /**
   * A statement before `child` in the same block asserts the error's class: `assert(e instanceof
   * Parse.Error)`, `expect(e instanceof Parse.Error).toBeTruthy()`, `expect(e).toBeInstanceOf(Parse.Error)`,
   * chai `expect(e).to.be.an.instanceof(Parse.Error)`.
   */
  function assertedBefore(block: TSESTree.Node, child: TSESTree.Node, name: string, catalog: Catalog): boolean {
    const statements = block.type === AST_NODE_TYPES.BlockStatement || block.type === AST_NODE_TYPES.Program ? block.body : block.type === AST_NODE_TYPES.SwitchCase ? block.consequent : undefined;
    if (!statements) return false;
    const index = statements.indexOf(child as TSESTree.Statement);
    return statements.slice(0, Math.max(index, 0)).some((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && assertsInstanceof(statement.expression, name, catalog));
  }

  function assertsInstanceof(expression: TSESTree.Expression, name: string, catalog: Catalog): boolean {
    const node = skipWrappers(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
    // chai's property assertions: `expect(e instanceof Parse.Error).to.be.true` / `.ok`.
    const matcher = node.type === AST_NODE_TYPES.CallExpression ? skipWrappers(node.callee) : node;
    const expectation = matcher.type === AST_NODE_TYPES.MemberExpression ? expectationOf(matcher, bc.settings.assertions.expect) : undefined;
    if (expectation && matcher.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(matcher);
      if (expectation.negated || method === undefined) return false;
      if (INSTANCEOF_MATCHERS.has(method) && node.type === AST_NODE_TYPES.CallExpression) {
        const type = argumentAt(node, 0);
        const subject = skipWrappers(expectation.subject);
        const base = type && baseIdentifier(type);
        return subject.type === AST_NODE_TYPES.Identifier && subject.name === name && base !== undefined && bc.resolveSdk(base)?.catalog === catalog;
      }
      const truthy = TRUTHY_MATCHERS.has(method) || (node.type === AST_NODE_TYPES.CallExpression && (method === 'toBe' || method === 'toEqual') && isTrueLiteral(argumentAt(node, 0)));
      return truthy && testsInstanceof(skipWrappers(expectation.subject) as TSESTree.Expression, name, catalog);
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const first = argumentAt(node, 0);
    const asserts = calleeIs(node.callee, ['assert']) || [...ASSERT_TRUE].some((method) => calleeIs(node.callee, ['assert', method]));
    return asserts && first !== undefined && testsInstanceof(skipWrappers(first) as TSESTree.Expression, name, catalog);
  }

  function testsInstanceof(test: TSESTree.Expression, name: string, catalog: Catalog): boolean {
    if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
      return testsInstanceof(test.left, name, catalog) || testsInstanceof(test.right, name, catalog);
    }
    if (test.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== 'instanceof') return false;
    if (test.left.type !== AST_NODE_TYPES.Identifier || test.left.name !== name) return false;
    const base = baseIdentifier(test.right);
    return base !== undefined && bc.resolveSdk(base)?.catalog === catalog;
  }

  function callsInto(guarded: TSESTree.Node): Map<Catalog, BindingVia> {
    let found = guardEvidence.get(guarded);
    if (found) return found;
    const evidence = new Map<Catalog, BindingVia>();
    found = evidence;
    const names = bc.sdkNames();
    const apiCatalogs = bc.settings.catalogs.filter((catalog) => (catalog.bindings.baseUrls ?? []).length > 0);
    const scan = (root: TSESTree.Node, evidence: Map<Catalog, BindingVia>): void =>
      walk(sourceCode, root, (node) => {
        // A callback's failures reach the guarded code only through what it waits on, returns or throws.
        if (isFunction(node) && !isPromiseExecutor(node)) {
          for (const settled of settledBy(sourceCode, node)) scan(settled, evidence);
          return false;
        }
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
          if (apiCatalogs.length > 0 && node.type === AST_NODE_TYPES.CallExpression) fetchesApi(node, apiCatalogs, evidence);
          if (typed) calledPackages(node, evidence);
        } else if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
          // The SDK object handed on whole (`setup(Parse)`, `new Function('Parse', code)(Parse)`) is no call into it.
          const catalog = names.has(node.name) && isArgument(node) ? undefined : identifierCatalog(node);
          // With types, only what can return a promise (`query.find()`, not `results.map(…)` or
          // `Parse.User.createWithoutData(id)`), or an SDK error thrown (`throw new Parse.Error(…)`).
          if (catalog && !evidence.has(catalog) && (!typed || settlesWith(chainTop(node)))) evidence.set(catalog, typed ? 'inferred' : 'syntax');
        }
        return undefined;
      });
    scan(guarded, evidence);
    guardEvidence.set(guarded, evidence);
    return evidence;
  }

  /** Typed: the code waits on it as a promise or throws it; else the checker says whether it can be a promise. */
  function settlesWith(node: TSESTree.Node): boolean {
    return isThrown(node) || usedAsPromise(node) || mayBeThenable(node);
  }

  function mayBeThenable(node: TSESTree.Node): boolean {
    const type = bc.typeOf(node);
    return type === undefined || constituents(type).some((part) => isAnyOrUnknown(part) || part.getProperty('then') !== undefined || (part.flags & ts.TypeFlags.TypeParameter) !== 0);
  }

  /** Typed: a call or `new` whose declaration lives in a catalog's packages. */
  function calledPackages(node: TSESTree.CallExpression | TSESTree.NewExpression, evidence: Map<Catalog, BindingVia>): void {
    const callee = skipWrappers(node.callee);
    if (!mayBeDeclaredInPackage(callee)) return;
    const named = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const declarations = withoutCheckerFailure(
      () => calleeDeclarations(bc.services!.esTreeNodeToTSNodeMap.get(named), bc.checker!),
      () => [],
    );
    const packages = calleePackages(declarations);
    if (packages.length === 0) return;
    const catalogs = bc.settings.catalogs.filter((catalog) => !evidence.has(catalog) && catalog.bindings.modules.some((module) => packages.includes(packageOfSpecifier(module))));
    if (catalogs.length === 0) return;
    // A call that returns at once (`user.getSessionToken()`, `await query.equalTo(…)`) makes no
    // request: its declared return type says so, or else the checker.
    if (node.type === AST_NODE_TYPES.CallExpression && !isThrown(node) && !(declaredToReturnPromise(declarations) ?? mayBeThenable(node))) return;
    for (const catalog of catalogs) evidence.set(catalog, 'inferred');
  }

  /**
   * Cheap test before asking the checker where a callee is declared. No need to ask for:
   * - a callee on an SDK name or on a variable initialised from one (`Parse.User.logIn`,
   *   `new Parse.Query('A').count`, `query.find` after `const query = new Parse.Query('A')`): the
   *   walk records that catalog when it meets the identifier;
   * - a function called by a name declared in this file (`helper()`, a parameter, a local
   *   `const`): its declaration is here, in no package (unless the file is in one, or the name is
   *   declared inside a `declare module 'x'` block);
   * - a member of a standard built-in (`JSON.parse`, `console.log`, `Object.entries`,
   *   `new Error`): declared in TypeScript's own lib files.
   */
  function mayBeDeclaredInPackage(callee: TSESTree.Node): boolean {
    const root = chainRoot(callee);
    if (root.type === AST_NODE_TYPES.Identifier && identifierCatalog(root)) return false;
    const base = baseIdentifier(callee);
    if (!base) return true;
    const variable = ASTUtils.findVariable(sourceCode.getScope(base), base);
    if (!variable || variable.defs.length === 0) return !BUILT_INS.has(base.name);
    if (base !== callee || fileInPackage) return true;
    return variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.ImportBinding || insideModuleDeclaration(def.node));
  }

  /** The catalog an identifier of guarded code stands for: the SDK itself (shadowing checked), or a variable initialised from it. */
  function identifierCatalog(identifier: TSESTree.Identifier): Catalog | undefined {
    return bc.sdkNames().has(identifier.name) ? bc.resolveSdk(identifier)?.catalog : initialisedFromSdk(identifier);
  }

  /** `fetch(url)` whose URL starts with an API catalog's base URL. */
  function fetchesApi(node: TSESTree.CallExpression, apiCatalogs: readonly Catalog[], evidence: Map<Catalog, BindingVia>): void {
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'fetch' || !node.arguments[0]) return;
    const url = staticPrefix(node.arguments[0], 0);
    if (url === undefined) return;
    for (const catalog of apiCatalogs) {
      if (!evidence.has(catalog) && apiHosts(catalog).some((host) => url.includes(host))) evidence.set(catalog, typed ? 'inferred' : 'syntax');
    }
  }

  /**
   * One step of data flow for untyped code: a variable initialised from the SDK
   * (`const query = new Parse.Query('Post')`, `var user = new Parse.User()`).
   */
  function initialisedFromSdk(identifier: TSESTree.Identifier): Catalog | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable) return undefined;
    if (initCatalogs.has(variable)) return initCatalogs.get(variable);
    initCatalogs.set(variable, undefined);
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    let catalog: Catalog | undefined;
    if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      const names = bc.sdkNames();
      walk(sourceCode, def.node.init, (node) => {
        if (!catalog && node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node) && names.has(node.name)) catalog = bc.resolveSdk(node)?.catalog;
      });
    }
    initCatalogs.set(variable, catalog);
    return catalog;
  }

  /**
   * Untyped TypeScript: a parameter or variable annotated with the SDK's error type
   * (`error: Parse.Error`, `e: DrupalError | undefined`, `err: CloudKit.CKError`).
   */
  function annotatedAs(identifier: TSESTree.Identifier, catalog: Catalog): boolean {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const name = variable?.defs[0]?.name;
    const annotation = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
    const members = annotation?.type === AST_NODE_TYPES.TSUnionType ? annotation.types : annotation ? [annotation] : [];
    const names = bc.sdkNames();
    return members.some((member) => {
      if (member.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const text = sourceCode.getText(member.typeName);
      const dot = text.indexOf('.');
      const base = dot === -1 ? text : text.slice(0, dot);
      const rest = dot === -1 ? '' : text.slice(dot);
      const sdk = names.get(base);
      if (sdk?.catalog !== catalog) return false;
      const typeNames = [...catalog.bindings.errorTypes.map((type) => type.name.slice(type.name.lastIndexOf('.') + 1)), ...(catalog.bindings.constructors ?? [])];
      return typeNames.some((typeName) => {
        const typeDot = typeName.indexOf('.');
        if (typeDot !== -1) return rest === typeName.slice(typeDot);
        return rest === '' ? (sdk.imported ?? base) === typeName : rest === `.${typeName}`;
      });
    });
  }

  return { evidenceFor, callsInto };
}

/** Standard built-ins declared in TypeScript's lib files (`lib.es*.d.ts`, `lib.dom.d.ts`), never in an SDK. */
const BUILT_INS = new Set([
  'Array', 'BigInt', 'Boolean', 'Date', 'Error', 'Intl', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Reflect', 'RegExp', 'Set', 'String', 'Symbol',
  'TypeError', 'RangeError', 'WeakMap', 'WeakSet', 'console', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'isFinite', 'isNaN',
  'parseFloat', 'parseInt', 'queueMicrotask', 'setInterval', 'setTimeout', 'clearInterval', 'clearTimeout', 'structuredClone',
]);

/** Whether a node is an argument of a call or `new`. */
function isArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument);
}

/** Where a callee chain starts: `Parse` in `new Parse.Query('A').equalTo('b', 1).find`, `query` in `query.find`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappers(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) current = skipWrappers(current.callee);
    else return current;
  }
}

const PROMISE_COMBINATORS = ['all', 'allSettled', 'any', 'race'];

/**
 * Whether the code treats a value as a promise: awaits, returns or yields it, chains `.then` /
 * `.catch` / `.finally` on it, or hands it to `Promise.all([…])` and the like.
 */
function usedAsPromise(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.YieldExpression:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && PROMISE_METHODS.has(memberName(parent) ?? '');
    case AST_NODE_TYPES.ArrayExpression: {
      const call = parent.parent;
      return (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments[0] === parent &&
        PROMISE_COMBINATORS.some((combinator) => calleeIs(call.callee, ['Promise', combinator]))
      );
    }
    default:
      return false;
  }
}

/** `throw x`: what a thrown value fails with is the guarded code's failure. */
function isThrown(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.ThrowStatement;
}

/** Where a chain that starts at `node` ends: `new Parse.Query('A').equalTo('b', 1).find()` for `Parse`. */
function chainTop(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) current = parent;
    else if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee === current) current = parent;
    else if (parent && wrapped(parent) === current) current = parent;
    else return current;
  }
}

/** Whether a declaration is inside `declare module 'x' { … }`: an app's own typings for a package. */
function insideModuleDeclaration(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TSModuleDeclaration && current.id.type === AST_NODE_TYPES.Literal) return true;
  }
  return false;
}

/** Matchers that assert a class: jest `toBeInstanceOf`, chai `instanceof` / `instanceOf`. */
const INSTANCEOF_MATCHERS = new Set(['toBeInstanceOf', 'instanceof', 'instanceOf']);
/** Matchers that assert a true value: jest `toBeTruthy()`, chai `.true`, `.ok`. */
const TRUTHY_MATCHERS = new Set(['toBeTruthy', 'true', 'ok']);
/** `assert.ok(x)`, chai `assert.isTrue(x)`. */
const ASSERT_TRUE = new Set(['ok', 'isTrue', 'isOk']);

function isTrueLiteral(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === true;
}

/** `export { helper }`, `export default helper`, `module.exports = { helper }`, `exports.helper = helper`. */
function isExport(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  const assigned = parent?.type === AST_NODE_TYPES.Property && parent.value === identifier ? parent.parent.parent : parent;
  if (assigned?.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  const target = assigned.left;
  const text = target.type === AST_NODE_TYPES.MemberExpression ? baseIdentifier(target)?.name : undefined;
  return text === 'module' || text === 'exports';
}

/** Whether a text names the host of an API catalog's base URL (`api-client.bkend.ai`). */
export function mentionsApiHost(text: string, catalog: Catalog): boolean {
  return apiHosts(catalog).some((host) => text.includes(host));
}

/** `api.bkend.ai` for `https://api.bkend.ai`. */
function apiHosts(catalog: Catalog): string[] {
  return (catalog.bindings.baseUrls ?? []).map((url) => url.replace(/^https?:\/\//, ''));
}
