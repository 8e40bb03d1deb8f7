/**
 * What counts as a retry in a branch taken for codes, and how it waits and stops. Pure
 * functions of the AST and scope, shared by the two retry rules:
 *
 * - a loop's back-edge around the failed operation: `continue`, or completing into the next
 *   iteration of a loop that leaves on success (a `for…of` / `for…in`, or a `for` up to
 *   `.length`, goes on to the next item: no retry);
 * - a re-invocation of the enclosing function (`return save(obj, attempt + 1)`) or of the SDK
 *   call the handler guards, directly or in a callback of `setTimeout`, `new Promise` or `.then`;
 * - a call of a retry helper, recognised by the package it is imported from, whatever its
 *   local name (p-retry, async-retry, exponential-backoff, promise-retry, retry, cockatiel), or
 *   one the options name;
 * - a throw inside the operation a helper runs (unless it stops the helper: p-retry's
 *   `AbortError`, async-retry's `bail(e)`);
 * - a rethrow (or `return e`, `reject(e)`, `next(e)`), which leaves the retry to the caller.
 */
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from '../binding/accessors.js';
import { baseIdentifier, constInitOf, declaratorOf, functionName, type FunctionNode, isFunction, walk } from '../binding/ast.js';
import type { BindingContext } from '../binding/context.js';
import { createCallMatcher } from './callees.js';
import type { CodeBranch } from './code-branches.js';
import { followingStatements } from './dispatch.js';
import { type Handler, waitedOn } from './handlers.js';
import { type Outcome, outcomeOf } from './outcome.js';


/** The packages whose exports run an operation again, by name. */
export const RETRY_PACKAGES = ['p-retry', 'async-retry', 'exponential-backoff', 'promise-retry', 'retry', 'cockatiel'] as const;
export type RetryPackage = (typeof RETRY_PACKAGES)[number];

/** Functions that wait the milliseconds they are given (as their only or first argument). */
export const DEFAULT_SLEEPERS: readonly TypeOrValueSpecifier[] = ['sleep', 'delay', 'wait', 'timeout', 'pause'];

/** Calls that refresh what an `after-refresh` code says is stale (a token, a record's change tag). */
export const DEFAULT_REFRESHERS: readonly TypeOrValueSpecifier[] = [
  'refresh',
  'refreshToken',
  'refreshAccessToken',
  'refreshSession',
  'refreshAuth',
  'renewToken',
  'getAccessToken',
  'getIdToken',
  'fetchRecord',
  'fetchRecords',
  'fetch',
];

/**
 * - `loop`: `continue`, or completing into the next iteration of a retry loop;
 * - `recursion`: the enclosing function called again;
 * - `repeat`: the SDK call the handler guards made again;
 * - `helper`: a retry helper called, or a throw inside the operation a helper runs;
 * - `rethrow`: the error handed to the caller.
 */
export type RetryKind = 'loop' | 'recursion' | 'repeat' | 'helper' | 'rethrow';

export interface HelperCall {
  readonly call: TSESTree.CallExpression;
  /** The package, or `undefined` for a helper the options name. */
  readonly pkg: RetryPackage | undefined;
  /** The options object literal, when it is written at the call (or where the policy is made). */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** The call that made the helper, when it is not `call` (cockatiel's `retry(…)`, retry's `operation(…)`). */
  readonly maker: TSESTree.CallExpression | undefined;
}

export interface Retry {
  readonly kind: RetryKind;
  /** The `continue`, the call, the throw, or the branch's test for a loop it completes into. */
  readonly node: TSESTree.Node;
  readonly loop?: TSESTree.Node;
  readonly fn?: FunctionNode;
  readonly helper?: HelperCall;
}

export interface Wait {
  /** The `setTimeout(…)` / `sleep(…)` call. */
  readonly call: TSESTree.CallExpression;
  readonly delay: TSESTree.Expression | undefined;
}

export interface RetryOptions {
  readonly allowRethrow: boolean;
  readonly helpers: readonly TypeOrValueSpecifier[];
  readonly sleepers: readonly TypeOrValueSpecifier[];
  readonly isLogger: (call: TSESTree.CallExpression) => boolean;
}

export interface RetryAnalysis {
  /** How a branch retries, if it does; `rethrow` counts only with `allowRethrow`. */
  retryOf(branch: CodeBranch, where: RetryContext): Retry | undefined;
  /** The waits before a retry: in the branch, and in the loop or function it runs again. */
  waitsOf(branch: CodeBranch, retry: Retry): Wait[];
  /** Whether the retry stops: `false` when it is certainly unbounded, with the node to report. */
  unbounded(retry: Retry): TSESTree.Node | undefined;
  /** The helper call whose operation holds `node`, with what the branch does there. */
  helperAround(node: TSESTree.Node): HelperCall | undefined;
  /** Whether a branch stops the helper it runs in: `throw new AbortError(…)`, `bail(e)`. */
  stopsHelper(branch: CodeBranch): boolean;
  /** The import (or `require`) a name comes from: its package and the name imported (`default`, `*`, or a named export). */
  importOf(identifier: TSESTree.Identifier): { source: string; imported: string } | undefined;
  outcome(branch: CodeBranch, errorNames: ReadonlySet<string>): Outcome;
  /**
   * Where a branch decides about a failure: inside a handler (with the names its error is bound
   * to), or on a response its function waited for (`const res = await fetch(…)`). `undefined`
   * elsewhere: a function that maps a code it is given to a message decides nothing about retrying.
   */
  contextOf(branch: CodeBranch, handlers: readonly Handler[]): RetryContext | undefined;
}

/** Where a branch decides about a failure. */
export interface RetryContext {
  /** The names the error is bound to (`e` of `catch (e)`). */
  readonly errorNames: ReadonlySet<string>;
  /** The operations that failed: the calls the handler waits on, or those whose response the branch tests (`res.json()`, and the `fetch` of `res`). */
  readonly operations: readonly TSESTree.Node[];
}

const LOOPS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** Callbacks of these run later, as part of what the branch does: `setTimeout(() => save(), ms)`. */
const DEFERRING_CALLS = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick', 'then', 'finally']);

export function createRetryAnalysis(bc: BindingContext, options: RetryOptions): RetryAnalysis {
  const { sourceCode } = bc;
  const isHelperCall = createCallMatcher(bc, options.helpers);
  const isSleeperCall = createCallMatcher(bc, options.sleepers);

  function importOf(identifier: TSESTree.Identifier): { source: string; imported: string } | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === TSESLint.Scope.DefinitionType.ImportBinding) {
      const declaration = def.parent;
      if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
      const specifier = def.node;
      const imported =
        specifier.type === AST_NODE_TYPES.ImportSpecifier
          ? specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : String(specifier.imported.value)
          : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : '*';
      return { source: declaration.source.value, imported };
    }
    if (def.type !== TSESLint.Scope.DefinitionType.Variable || !def.node.init) return undefined;
    // `const pRetry = require('p-retry')`, `require('p-retry').default`, `const { backOff } = require(…)`.
    let init = skipWrappers(def.node.init);
    let imported = 'default';
    if (init.type === AST_NODE_TYPES.MemberExpression) {
      imported = memberName(init) ?? 'default';
      init = skipWrappers(init.object);
    }
    const source = requiredSource(init);
    if (source === undefined) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
      const property = def.node.id.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name);
      const key = property?.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
      return key === undefined ? undefined : { source, imported: key };
    }
    return { source, imported };
  }

  /** The retry package a name is imported from. */
  function packageOf(identifier: TSESTree.Identifier): { pkg: RetryPackage; imported: string } | undefined {
    const found = importOf(identifier);
    const pkg = RETRY_PACKAGES.find((name) => name === found?.source);
    return pkg && found ? { pkg, imported: found.imported } : undefined;
  }

  /** A call that runs an operation with retries, and its options. */
  function helperCall(call: TSESTree.CallExpression): HelperCall | undefined {
    const callee = skipWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const found = packageOf(callee);
      if (found && found.imported !== 'AbortError' && found.pkg !== 'cockatiel' && found.pkg !== 'retry') {
        if (found.pkg === 'exponential-backoff' && found.imported !== 'backOff') return undefined;
        return { call, pkg: found.pkg, options: objectArgument(call), maker: undefined };
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(callee);
      const object = skipWrappers(callee.object);
      // `policy.execute(fn)` (cockatiel), `operation.attempt(fn)` (retry), `pRetry.default(…)`.
      const maker = object.type === AST_NODE_TYPES.CallExpression ? object : object.type === AST_NODE_TYPES.Identifier ? callInit(object) : undefined;
      const makerCallee = maker ? skipWrappers(maker.callee) : undefined;
      const base = makerCallee?.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(makerCallee.object) : makerCallee;
      const found = base?.type === AST_NODE_TYPES.Identifier ? packageOf(base) : undefined;
      if (maker && found?.pkg === 'cockatiel' && method === 'execute') return { call, pkg: 'cockatiel', options: objectArgument(maker), maker };
      if (maker && found?.pkg === 'retry' && method === 'attempt') return { call, pkg: 'retry', options: objectArgument(maker), maker };
    }
    return isHelperCall(call) ? { call, pkg: undefined, options: undefined, maker: undefined } : undefined;
  }

  function callInit(identifier: TSESTree.Identifier): TSESTree.CallExpression | undefined {
    const init = constInitOf(sourceCode, identifier);
    const target = init ? skipWrappers(init) : undefined;
    return target?.type === AST_NODE_TYPES.CallExpression ? target : undefined;
  }

  /** The nodes a branch runs, with the callbacks it defers (`setTimeout(() => …)`, `new Promise(…)`), not other nested functions. */
  function ownNodes(body: readonly TSESTree.Node[]): TSESTree.Node[] {
    const nodes: TSESTree.Node[] = [];
    for (const part of body) {
      walk(sourceCode, part, (node) => {
        if (node !== part && isFunction(node) && !isDeferred(node)) return false;
        nodes.push(node);
        return undefined;
      });
    }
    return nodes;
  }

  function helperAround(node: TSESTree.Node): HelperCall | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (!isFunction(current)) continue;
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
        const helper = helperCall(parent);
        if (helper) return helper;
      }
      // `const run = async () => …; await pRetry(run)`.
      const name = functionName(current);
      const variable = name ? ASTUtils.findVariable(sourceCode.getScope(name), name) : undefined;
      for (const reference of variable?.references ?? []) {
        const use = reference.identifier.parent;
        if (use?.type === AST_NODE_TYPES.CallExpression && use.arguments.includes(reference.identifier as TSESTree.CallExpressionArgument)) {
          const helper = helperCall(use);
          if (helper) return helper;
        }
      }
      return undefined;
    }
    return undefined;
  }

  function stopsHelper(branch: CodeBranch): boolean {
    const operation = enclosingFunction(branch.test);
    const bail = operation?.params[0]?.type === AST_NODE_TYPES.Identifier ? operation.params[0].name : undefined;
    return ownNodes(branch.body).some((node) => {
      if (node.type === AST_NODE_TYPES.NewExpression) {
        const callee = skipWrappers(node.callee);
        return callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'AbortError' || packageOf(callee)?.imported === 'AbortError');
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(node.callee);
      return callee.type === AST_NODE_TYPES.Identifier && callee.name === bail && helperAround(branch.test)?.pkg === 'async-retry';
    });
  }

  /** The callees of the calls a guarded block or promise makes, outside nested functions; chain methods and loggers left out. */
  function calleesIn(guarded: TSESTree.Node): Set<string> {
    const keys = new Set<string>();
    walk(sourceCode, guarded, (node) => {
      if (node !== guarded && isFunction(node)) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression || options.isLogger(node)) return undefined;
      const key = calleeKey(node);
      if (key !== '' && !/(?:^|\.)(?:then|catch|finally|json|text|get|set|push|require|String|Number|parseInt|parseFloat|Boolean)$/u.test(key)) keys.add(key);
      return undefined;
    });
    return keys;
  }

  function outcome(branch: CodeBranch, errorNames: ReadonlySet<string>): Outcome {
    return outcomeOf(branch.body, { errorNames, isLogger: options.isLogger, isCodeName: () => false });
  }

  function retryOf(branch: CodeBranch, { errorNames, operations }: RetryContext): Retry | undefined {
    const nodes = ownNodes(branch.body);
    const enclosing = enclosingFunctions(branch.test);
    const guardedCallees = new Set(operations.flatMap((operation) => [...calleesIn(operation)]));
    for (const node of nodes) {
      if (node.type === AST_NODE_TYPES.ContinueStatement) {
        const loop = continuedLoop(node);
        if (loop && !branch.body.some((part) => within(loop, part)) && isRetryLoop(loop)) return { kind: 'loop', node, loop };
        continue;
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const helper = helperCall(node);
      if (helper) return { kind: 'helper', node, helper };
      const fn = calledFunction(node, enclosing);
      if (fn) return { kind: 'recursion', node, fn };
      if (guardedCallees.has(calleeKey(node))) return { kind: 'repeat', node };
    }
    const result = outcome(branch, errorNames);
    const helper = helperAround(branch.test);
    if (helper && !stopsHelper(branch)) {
      const throws = nodes.find((node) => node.type === AST_NODE_TYPES.ThrowStatement);
      // promise-retry and retry run again when the callback's `retry(e)` / `operation.retry(e)` is called.
      const again = nodes.find((node) => node.type === AST_NODE_TYPES.CallExpression && isRetryCallback(node, helper));
      if (again) return { kind: 'helper', node: again, helper };
      if (throws && helper.pkg !== 'promise-retry' && helper.pkg !== 'retry') return { kind: 'helper', node: throws, helper };
    }
    // Completing the branch goes on into the next iteration of a retry loop.
    const loop = enclosingLoop(branch.test);
    if (result.completes && loop && !branch.body.some((part) => within(loop, part)) && isRetryLoop(loop) && continuationCompletes(branch, errorNames)) {
      return { kind: 'loop', node: branch.test, loop };
    }
    if (options.allowRethrow && (['rethrow', 'throw-new', 'return-error', 'pass-on'] as const).some((effect) => result.effects.has(effect))) {
      return { kind: 'rethrow', node: branch.test };
    }
    return undefined;
  }

  /** `retry(e)` of promise-retry's callback, `operation.retry(e)` of retry's. */
  function isRetryCallback(call: TSESTree.CallExpression, helper: HelperCall): boolean {
    const callee = skipWrappers(call.callee);
    if (helper.pkg === 'retry') return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'retry';
    if (helper.pkg !== 'promise-retry' || callee.type !== AST_NODE_TYPES.Identifier) return false;
    const operation = helper.call.arguments.find((argument) => isFunction(argument));
    const first = operation && isFunction(operation) ? operation.params[0] : undefined;
    return first?.type === AST_NODE_TYPES.Identifier && first.name === callee.name;
  }

  /** After the branch completes: what runs up to the loop's next iteration also completes. */
  function continuationCompletes(branch: CodeBranch, errorNames: ReadonlySet<string>): boolean {
    const anchor = anchorOf(branch);
    if (!anchor) return false;
    const following = [...followingStatements(anchor)];
    const catchClause = enclosingCatch(anchor);
    if (catchClause && (following.length === 0 || !following.some((node) => within(node, catchClause) === false))) following.push(...followingStatements(catchClause.parent));
    if (following.length === 0) return true;
    return outcomeOf(following, { errorNames, isLogger: options.isLogger, isCodeName: () => false }).completes;
  }

  function waitsOf(branch: CodeBranch, retry: Retry): Wait[] {
    const scope: TSESTree.Node[] = [...branch.body];
    if (retry.loop) scope.push(retry.loop);
    if (retry.fn) scope.push(retry.fn.body);
    const waits: Wait[] = [];
    const seen = new Set<TSESTree.Node>();
    for (const node of ownNodes(scope)) {
      if (node.type !== AST_NODE_TYPES.CallExpression || seen.has(node)) continue;
      seen.add(node);
      const wait = waitOf(node);
      if (wait) waits.push(wait);
    }
    return waits;
  }

  /** `setTimeout(fn, ms)`, `await setTimeout(ms)` (node:timers/promises), `sleep(ms)`. */
  function waitOf(call: TSESTree.CallExpression): Wait | undefined {
    const callee = skipWrappers(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    const [first, second] = call.arguments;
    if (name === 'setTimeout') {
      const callback = first && (isFunction(first) || first.type === AST_NODE_TYPES.Identifier);
      const delay = callback ? second : first;
      if (callback && first.type === AST_NODE_TYPES.Identifier && second === undefined) return { call, delay: undefined };
      return { call, delay: delay && delay.type !== AST_NODE_TYPES.SpreadElement ? delay : undefined };
    }
    if (!isSleeperCall(call)) return undefined;
    return { call, delay: first && first.type !== AST_NODE_TYPES.SpreadElement ? first : undefined };
  }

  function unbounded(retry: Retry): TSESTree.Node | undefined {
    if (retry.kind === 'loop' && retry.loop) return loopBounded(retry.loop) ? undefined : retry.loop;
    if (retry.kind === 'recursion' && retry.fn) return recursionBounded(retry.fn, retry.node) ? undefined : retry.node;
    if (retry.kind === 'helper' && retry.helper) return helperUnbounded(retry.helper);
    return undefined;
  }

  /** A loop with a test (`while (attempt < max)`), or an endless one with a counter it compares. */
  function loopBounded(loop: TSESTree.Node): boolean {
    const test =
      loop.type === AST_NODE_TYPES.ForStatement ? loop.test : loop.type === AST_NODE_TYPES.WhileStatement || loop.type === AST_NODE_TYPES.DoWhileStatement ? loop.test : undefined;
    if (test && !isAlwaysTrue(test)) return true;
    return comparesCounter(loop, loop);
  }

  /** A recursion that changes a counter (an argument `attempt + 1`, `retries - 1`, or a variable it updates) and compares it. */
  function recursionBounded(fn: FunctionNode, call: TSESTree.Node): boolean {
    const argumentsCount = call.type === AST_NODE_TYPES.CallExpression && call.arguments.some((argument) => countsArgument(argument));
    return comparesCounter(fn.body, fn) || (argumentsCount && hasComparison(fn.body));
  }

  /** Whether some variable or property updated in `scope` (`i++`, `attempts += 1`) is compared there (`i < max`, `attempts >= 3`). */
  function comparesCounter(scope: TSESTree.Node, owner: TSESTree.Node): boolean {
    const updated = new Set<string>();
    const compared: TSESTree.Node[] = [];
    walk(sourceCode, scope, (node) => {
      if (node !== owner && isFunction(node) && !isDeferred(node)) return false;
      if (node.type === AST_NODE_TYPES.UpdateExpression) updated.add(sourceCode.getText(node.argument));
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator !== '=') updated.add(sourceCode.getText(node.left));
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.right.type === AST_NODE_TYPES.BinaryExpression) {
        if (sourceCode.getText(node.right.left) === sourceCode.getText(node.left)) updated.add(sourceCode.getText(node.left));
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && isComparison(node.operator)) compared.push(node);
      return undefined;
    });
    if (updated.size === 0) return false;
    return compared.some((node) => {
      let found = false;
      walk(sourceCode, node, (part) => {
        const text = part.type === AST_NODE_TYPES.UpdateExpression ? sourceCode.getText(part.argument) : sourceCode.getText(part);
        if (updated.has(text)) found = true;
        return !found;
      });
      return found;
    });
  }

  function hasComparison(scope: TSESTree.Node): boolean {
    let found = false;
    walk(sourceCode, scope, (node) => {
      if (found || (node !== scope && isFunction(node))) return false;
      if (node.type === AST_NODE_TYPES.BinaryExpression && isComparison(node.operator) && !isCodeTest(node)) found = true;
      return undefined;
    });
    return found;
  }

  /** Options that make a helper retry for ever: `forever: true`, `retries: Infinity`, cockatiel without `maxAttempts`. */
  function helperUnbounded(helper: HelperCall): TSESTree.Node | undefined {
    const { options } = helper;
    if (helper.pkg === 'cockatiel') {
      if (!helper.maker || helper.maker.arguments.length < 2) return helper.maker ?? helper.call;
      if (!options) return undefined;
      const max = propertyOf(options, 'maxAttempts');
      return max ? (isInfinite(max.value) ? max : undefined) : options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement) ? undefined : options;
    }
    if (!options) return undefined;
    const forever = propertyOf(options, 'forever');
    if (forever?.value.type === AST_NODE_TYPES.Literal && forever.value.value === true) return forever;
    for (const key of ['retries', 'numOfAttempts', 'maxAttempts']) {
      const property = propertyOf(options, key);
      if (property && isInfinite(property.value)) return property;
    }
    return undefined;
  }

  function contextOf(branch: CodeBranch, handlers: readonly Handler[]): RetryContext | undefined {
    const handler = handlers.findLast((candidate) => candidate.body !== undefined && within(branch.test, candidate.body));
    if (handler) {
      const param = handler.param?.type === AST_NODE_TYPES.AssignmentPattern ? handler.param.left : handler.param;
      // The calls the handler waits on, not every statement of its `try` block.
      return { operations: waitedOn(sourceCode, handler, () => false), errorNames: new Set(param?.type === AST_NODE_TYPES.Identifier ? [param.name] : []) };
    }
    const operations: TSESTree.Node[] = [];
    let base = baseIdentifier(branch.binding.subject);
    // `const body = await res.json()` after `const res = await fetch(…)`: both calls.
    for (let depth = 0; base && depth < 2; depth += 1) {
      const found = declaratorOf(sourceCode, base);
      const init = found?.declarator.init ? skipWrappers(found.declarator.init) : undefined;
      if (!(init?.type === AST_NODE_TYPES.AwaitExpression || init?.type === AST_NODE_TYPES.CallExpression)) break;
      if (enclosingFunction(found!.declarator) !== enclosingFunction(branch.test)) break;
      operations.push(init);
      const value = skipWrappers(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
      base = baseIdentifier(value.type === AST_NODE_TYPES.CallExpression ? value.callee : value);
    }
    return operations.length > 0 ? { operations, errorNames: new Set() } : undefined;
  }

  return { retryOf, waitsOf, unbounded, helperAround, stopsHelper, importOf, outcome, contextOf };
}

function requiredSource(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

function objectArgument(call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
  const found = call.arguments.find((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
  return found?.type === AST_NODE_TYPES.ObjectExpression ? found : undefined;
}

export function propertyOf(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  const found = object.properties.find(
    (property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === key,
  );
  return found?.type === AST_NODE_TYPES.Property ? found : undefined;
}

function isInfinite(node: TSESTree.Node): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === 'Infinity';
  return target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'POSITIVE_INFINITY';
}

function isAlwaysTrue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && Boolean(node.value);
}

function isComparison(operator: string): boolean {
  return operator === '<' || operator === '<=' || operator === '>' || operator === '>=';
}

/** `attempt + 1`, `retries - 1`, `--n`, `{ …options, attempt: attempt + 1 }`. */
function countsArgument(node: TSESTree.Node): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.UpdateExpression) return true;
  if (target.type === AST_NODE_TYPES.BinaryExpression) return (target.operator === '+' || target.operator === '-') && target.right.type === AST_NODE_TYPES.Literal;
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target.properties.some((property) => property.type === AST_NODE_TYPES.Property && countsArgument(property.value));
  return false;
}

/** A comparison of a code with a literal is not an attempt limit. */
function isCodeTest(node: TSESTree.BinaryExpression): boolean {
  const sides = [node.left, node.right].map(skipWrappers);
  return sides.some((side) => side.type === AST_NODE_TYPES.MemberExpression && ['code', 'status', 'statusCode'].includes(memberName(side) ?? ''));
}

/** The callback of `setTimeout`, `new Promise`, `.then` / `.finally`: it runs as part of the code around it. */
function isDeferred(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression) return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise';
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = skipWrappers(parent.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name !== undefined && DEFERRING_CALLS.has(name);
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The functions around a node with the names they are called by (`save`, `this.save`). */
function enclosingFunctions(node: TSESTree.Node): Map<string, FunctionNode> {
  const names = new Map<string, FunctionNode>();
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const name = functionName(current);
    if (name) names.set(name.name, current);
    const owner = current.parent;
    if ((owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.Property) && owner.key.type === AST_NODE_TYPES.Identifier) names.set(owner.key.name, current);
  }
  return names;
}

/** The enclosing function a call calls again: `save(…)`, `this.save(…)`. */
function calledFunction(call: TSESTree.CallExpression, enclosing: ReadonlyMap<string, FunctionNode>): FunctionNode | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return enclosing.get(callee.name);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) return enclosing.get(memberName(callee) ?? '');
  return undefined;
}

/** A call's callee as text without whitespace and optional chaining: `query.find`, `db.saveRecords`. */
function calleeKey(call: TSESTree.CallExpression): string {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? keyOf(callee) : '';
}

function keyOf(node: TSESTree.Node): string {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    return name === undefined ? '' : `${keyOf(target.object)}.${name}`;
  }
  return '';
}

/** The loop a `continue` goes back to. */
function continuedLoop(node: TSESTree.ContinueStatement): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (node.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) return current.body;
    } else if (LOOPS.has(current.type)) {
      return current;
    }
  }
  return undefined;
}

function enclosingLoop(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (LOOPS.has(current.type)) return current;
  }
  return undefined;
}

function enclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) || LOOPS.has(current.type)) return undefined;
    if (current.type === AST_NODE_TYPES.CatchClause) return current;
  }
  return undefined;
}

/** The statement whose completion the branch's completion is: its `if`, its `switch`, or the last statement after an early exit. */
function anchorOf(branch: CodeBranch): TSESTree.Node | undefined {
  const owner = branch.test.parent;
  if (owner?.type === AST_NODE_TYPES.SwitchCase) return owner.parent;
  if (owner?.type === AST_NODE_TYPES.IfStatement && branch.body.length === 1 && (branch.body[0] === owner.consequent || branch.body[0] === owner.alternate)) return owner;
  return branch.body.at(-1);
}

/**
 * A loop that runs an operation again: it leaves on success (a `return` or `break` outside its
 * `catch` clauses) and is not a walk over items (`for…of`, `for…in`, a `for` up to `.length`).
 */
function isRetryLoop(loop: TSESTree.Node): boolean {
  if (loop.type === AST_NODE_TYPES.ForInStatement || loop.type === AST_NODE_TYPES.ForOfStatement) return false;
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.test && /\.length\b|\.size\b/u.test(textOf(loop.test))) return false;
  let leaves = false;
  const visit = (node: TSESTree.Node, inCatch: boolean, inner: boolean): void => {
    if (leaves || isFunction(node)) return;
    if (!inCatch && node.type === AST_NODE_TYPES.ReturnStatement) leaves = true;
    if (!inCatch && !inner && node.type === AST_NODE_TYPES.BreakStatement && node.label === null) leaves = true;
    const nested = inner || (node !== loop && (LOOPS.has(node.type) || node.type === AST_NODE_TYPES.SwitchStatement));
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      const catching = inCatch || node.type === AST_NODE_TYPES.CatchClause;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node, catching, nested);
      } else if ('type' in value) {
        visit(value as TSESTree.Node, catching, nested);
      }
    }
  };
  visit(loop, false, false);
  return leaves;
}

/** Source-free text of simple expressions, enough for `.length` tests. */
function textOf(node: TSESTree.Node): string {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.BinaryExpression) return `${textOf(target.left)} ${target.operator} ${textOf(target.right)}`;
  return keyOf(target) || (target.type === AST_NODE_TYPES.Literal ? String(target.value) : '');
}

