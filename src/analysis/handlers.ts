/**
 * Error handlers and the code they guard: `catch` clauses, `.catch(fn)`, `.then(ok, fn)`, named
 * handlers passed by reference, and Parse's legacy `{ success, error }` callback options.
 * Pure functions of the AST and scope; which SDK the guarded code calls is the binder's answer.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from '../binding/accessors.js';
import { constInitOf, functionName, type FunctionNode, functionOf, isFunction, walk } from '../binding/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * - `catch`: `try { … } catch (e) { … }`, with or without a binding;
 * - `promise-catch`: `p.catch(fn)`;
 * - `promise-then`: `p.then(ok, fn)`;
 * - `callback-option`: `query.find({ success, error: fn })` (Parse's legacy callbacks).
 */
export type HandlerKind = 'catch' | 'promise-catch' | 'promise-then' | 'callback-option';

export interface Handler {
  readonly kind: HandlerKind;
  /** The catch clause, or the handler argument as written (a function, a name, `console.error`). */
  readonly node: TSESTree.Node;
  /** The function that handles: inline, or declared in the file under the name passed. */
  readonly fn: FunctionNode | undefined;
  /** The error binding (`e`, `{ code }`); `undefined` for `catch {}` or a handler without parameters. */
  readonly param: TSESTree.Node | undefined;
  /** What runs on failure: a block, or an arrow's expression; `undefined` when the handler is not in the file. */
  readonly body: TSESTree.Node | undefined;
  /** The code the handler guards: the `try` block, the promise expression, or the call given the options. */
  readonly guarded: TSESTree.Node;
  /** A handler passed by a name that is not a function of this file (`console.error`, an import). */
  readonly reference: TSESTree.Expression | undefined;
}

/** For a handler passed as `p.catch(handler)` or `p.then(ok, handler)`: the promise expression `p` and the method. */
export function rejectionChain(handler: TSESTree.Node): { promise: TSESTree.Expression; method: 'catch' | 'then' } | undefined {
  const call = handler.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  const position = call.arguments.indexOf(handler as TSESTree.CallExpressionArgument);
  if (method === 'catch' && position === 0) return { promise: callee.object, method };
  if (method === 'then' && position === 1) return { promise: callee.object, method };
  return undefined;
}

/** For `call({ success, error: handler })`: the call. Both callbacks must be there, as Parse's legacy API has them. */
export function callbackOptionCall(handler: TSESTree.Node): TSESTree.CallExpression | undefined {
  const property = handler.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== handler || property.computed) return undefined;
  if (property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'error') return undefined;
  const options = property.parent;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const hasSuccess = options.properties.some(
    (other) => other.type === AST_NODE_TYPES.Property && !other.computed && other.key.type === AST_NODE_TYPES.Identifier && other.key.name === 'success',
  );
  const call = options.parent;
  return hasSuccess && call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(options) ? call : undefined;
}

/**
 * The error parameter of a handler function: the first parameter, or for a legacy callback with
 * two parameters (`error: (object, error) => …`), the second.
 */
export function errorParameter(fn: FunctionNode, kind: HandlerKind): TSESTree.Parameter | undefined {
  const index = kind === 'callback-option' && fn.params.length >= 2 ? 1 : 0;
  const param = fn.params[index];
  return param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
}

/**
 * A use of a node as a rejection handler or legacy `error` callback (an inline function, or a
 * helper's name passed by reference): the handler kind and the code it guards.
 */
export function handlerUse(node: TSESTree.Node): { kind: HandlerKind; guarded: TSESTree.Node } | undefined {
  const chain = rejectionChain(node);
  if (chain) return { kind: chain.method === 'catch' ? 'promise-catch' : 'promise-then', guarded: chain.promise };
  const call = callbackOptionCall(node);
  return call ? { kind: 'callback-option', guarded: call } : undefined;
}

/**
 * The code an error binding guards: the `try` block of a catch parameter, or the promise chain
 * (or legacy call) of an inline rejection handler (`.catch((e) => …)`). A function declared
 * under a name (`.catch(onFailure)`) is a helper: what its parameter holds is decided at every
 * place it is used (the binder's evidence for errors handed to a helper).
 */
export function guardedCodeOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.CatchClause) {
    const tryStatement = def.node.parent;
    return tryStatement.type === AST_NODE_TYPES.TryStatement ? tryStatement.block : undefined;
  }
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter) return undefined;
  const fn = def.node;
  if (!isFunction(fn) || functionName(fn)) return undefined;
  const found = handlerUse(fn);
  return found && errorParameter(fn, found.kind) === def.name ? found.guarded : undefined;
}

function handlerFor(sourceCode: SourceCode, node: TSESTree.Node, kind: HandlerKind, guarded: TSESTree.Node): Handler {
  const target = skipWrappers(node);
  const fn = isFunction(target) ? target : target.type === AST_NODE_TYPES.Identifier ? functionOf(sourceCode, target) : undefined;
  if (!fn) return { kind, node, fn: undefined, param: undefined, body: undefined, guarded, reference: target as TSESTree.Expression };
  return { kind, node, fn, param: errorParameter(fn, kind), body: fn.body ?? undefined, guarded, reference: undefined };
}

/** Every handler in the file, in source order. */
export function findHandlers(sourceCode: SourceCode, nodes: readonly TSESTree.Node[]): Handler[] {
  const handlers: Handler[] = [];
  for (const node of nodes) {
    if (node.type === AST_NODE_TYPES.CatchClause) {
      const tryStatement = node.parent;
      handlers.push({ kind: 'catch', node, fn: undefined, param: node.param ?? undefined, body: node.body, guarded: tryStatement.block, reference: undefined });
      continue;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const method = memberName(callee);
      const argument = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined;
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
        handlers.push(handlerFor(sourceCode, argument, method === 'catch' ? 'promise-catch' : 'promise-then', callee.object));
      }
      continue;
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === 'error') {
      const call = callbackOptionCall(node.value);
      if (call) handlers.push(handlerFor(sourceCode, node.value, 'callback-option', call));
    }
  }
  return handlers;
}

/**
 * The expressions whose failure reaches a handler, for judging which SDK it guards:
 * - `catch`: each expression the try block awaits or yields (and each `for await` iterable),
 *   outside nested functions. A promise that is not awaited rejects outside the block, and SDK
 *   calls that return at once throw no server codes.
 * - `.catch(fn)`, `.then(ok, fn)`: the promise.
 * - legacy callbacks: the function called and its arguments other than the options object.
 *
 * A `const` awaited or chained on stands also for its initialiser (`const p = query.find(); await p`).
 * A call for which `isExempt` holds is left out (but not the callbacks chained to it): its
 * failures leave the handler nothing to do.
 */
export function waitedOn(sourceCode: SourceCode, handler: Handler, isExempt: (call: TSESTree.CallExpression) => boolean): TSESTree.Node[] {
  const waited: TSESTree.Node[] = [];
  const add = (node: TSESTree.Node): void => {
    const { root, links } = promiseChain(node);
    if (root.type === AST_NODE_TYPES.CallExpression && isExempt(root)) {
      waited.push(...links);
      return;
    }
    waited.push(node);
    const init = root.type === AST_NODE_TYPES.Identifier ? constInitOf(sourceCode, root) : undefined;
    if (init) waited.push(init);
  };
  if (handler.kind === 'catch') {
    walk(sourceCode, handler.guarded, (node) => {
      if (node !== handler.guarded && isFunction(node)) return false;
      if ((node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) && node.argument) {
        add(node.argument);
        return false;
      }
      if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) add(node.right);
      return undefined;
    });
  } else if (handler.kind === 'callback-option' && handler.guarded.type === AST_NODE_TYPES.CallExpression) {
    const options = handler.node.parent?.parent;
    const call = handler.guarded;
    if (!isExempt(call)) waited.push(call.callee, ...call.arguments.filter((argument) => argument !== options));
  } else {
    add(handler.guarded);
  }
  return waited;
}

/** The methods that chain on a promise. */
export const PROMISE_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** `p.then(a).catch(b).finally(c)`: the promise `p` it starts from, and the callbacks chained to it. */
function promiseChain(node: TSESTree.Node): { root: TSESTree.Node; links: TSESTree.Node[] } {
  const links: TSESTree.Node[] = [];
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !PROMISE_METHODS.has(memberName(callee) ?? '')) break;
    links.push(...current.arguments);
    current = skipWrappers(callee.object);
  }
  return { root: current, links };
}
