/**
 * CloudKit JS batch responses and where each one goes. A request such as `db.saveRecords(…)`
 * resolves even when some records failed: those are in the response's `errors` (and
 * `hasErrors` is true), the rest in `records` (`zones`, `subscriptions`, …). For every such
 * request this follows the response through `await`, `.then(fn)`, `.catch()`, variables,
 * destructuring, `Promise.all`, `.map`, `for…of`, class fields and pass-through wrappers
 * (`withRetry(() => db.saveRecords(…))`, typed), and records what is read from it, whether it is
 * handed on whole, and whether it is dropped. Pure functions of the AST and scope; the checker
 * only for the requests themselves and for wrappers.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers, wrapped } from '../binding/accessors.js';
import { type FunctionNode, functionOf, isFunction, walk } from '../binding/ast.js';
import type { BindingContext } from '../binding/context.js';
import { awaitedTypeOf, cloudKitResponseMethod, isCloudKitResponseType } from './batch-calls.js';

/**
 * - `check`: `hasErrors` or `errors` is read;
 * - `success`: the items that succeeded are read (`records`, `zones`, `subscriptions`, `users`, `results`);
 * - `member`: another member is read (`moreComing`, `continuationMarker`, also by the next page's
 *   request: `db.performQuery(response)`);
 * - `passed`: the response goes on whole: returned, passed to a call, stored outside the function;
 * - `dropped`: nothing receives it (an expression statement, `void`, `.then(() => …)`, an unread variable);
 * - `other`: used in a test or an expression that reads nothing from it (`if (res)`).
 */
export type ResponseUseKind = 'check' | 'success' | 'member' | 'passed' | 'dropped' | 'other';

export interface ResponseUse {
  readonly kind: ResponseUseKind;
  /** The member read (property or destructured key), or the expression that passes or drops the response. */
  readonly node: TSESTree.Node;
  /** For member reads: the member's name. */
  readonly member: string | undefined;
  /** For `passed`: the call the response is an argument of, if it is one. */
  readonly call: TSESTree.CallExpression | undefined;
}

export interface ResponseFlow {
  /** The request: `db.saveRecords(…)`, `batch.commit()`. */
  readonly call: TSESTree.CallExpression;
  /** Its method name: `saveRecords`, `commit`. */
  readonly method: string;
  /** Every use of the response, in the order they were found. */
  readonly uses: readonly ResponseUse[];
}

export interface Responses {
  /** One flow per request, in source order. */
  readonly flows: readonly ResponseFlow[];
  /** Whether an expression holds one of these responses (a variable, a `.then` parameter, an element of `Promise.all`). */
  isResponse(node: TSESTree.Node): boolean;
}

const CHECK_MEMBERS: ReadonlySet<string> = new Set(['hasErrors', 'errors']);
const SUCCESS_MEMBERS: ReadonlySet<string> = new Set(['records', 'zones', 'subscriptions', 'users', 'results']);
/** Array methods whose callback receives each element first. */
const ELEMENT_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findLast', 'findIndex', 'findLastIndex']);

/**
 * One response (`one`), or an array or promise of several (`many`: `.map`), or of several
 * where this one is at a known index (`Promise.all([a, b])`: 0 for `a`).
 */
type Shape = 'one' | 'many' | number;

export function findResponses(bc: BindingContext, nodes: readonly TSESTree.Node[]): Responses {
  const { sourceCode } = bc;
  const held = new Set<TSESTree.Node>();
  const flows: ResponseFlow[] = [];

  for (const node of nodes) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const method = cloudKitResponseMethod(bc, node);
    if (method) flows.push(trace(node, method));
  }

  function trace(call: TSESTree.CallExpression, method: string): ResponseFlow {
    const uses: ResponseUse[] = [];
    const visited = new Set<TSESTree.Node>();
    const use = (kind: ResponseUseKind, node: TSESTree.Node, member?: string, passedTo?: TSESTree.CallExpression): void => {
      uses.push({ kind, node, member, call: passedTo });
    };

    /** Where the value of `node` goes. */
    function value(node: TSESTree.Node, shape: Shape): void {
      if (visited.has(node)) return;
      visited.add(node);
      if (shape === 'one') held.add(node);
      let child = node;
      let parent = node.parent;
      while (parent && carriesValue(parent, child)) {
        child = parent;
        parent = parent.parent;
      }
      if (!parent) return;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          if (parent.object === child) memberOf(parent, shape);
          else use('other', child);
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === child) binding(parent.id, shape);
          return;
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== child || parent.operator !== '=') use('other', child);
          else binding(parent.left, shape);
          return;
        case AST_NODE_TYPES.PropertyDefinition:
          if (parent.value === child && !parent.static && parent.parent.type === AST_NODE_TYPES.ClassBody) field(parent.key, parent.parent, shape, parent);
          else use('passed', child);
          return;
        case AST_NODE_TYPES.ExpressionStatement:
          use('dropped', parent);
          return;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) === child) value(parent, shape);
          else use('dropped', child);
          return;
        case AST_NODE_TYPES.UnaryExpression:
          use(parent.operator === 'void' ? 'dropped' : 'other', parent);
          return;
        case AST_NODE_TYPES.ReturnStatement:
          returned(enclosingFunction(parent), shape, parent);
          return;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (parent.body === child) returned(parent, shape, child);
          else use('passed', child);
          return;
        case AST_NODE_TYPES.ArrayExpression: {
          const index = parent.elements.indexOf(child as TSESTree.Expression);
          const spread = parent.elements.slice(0, index).some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
          if (shape === 'one') value(parent, spread ? 'many' : index);
          else use('passed', parent);
          return;
        }
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === child) use('other', child);
          else if (shape !== 'one' && isPromiseAll(parent)) value(parent, shape);
          // `db.performQuery(response)` asks for the next page: the request reads only the
          // continuation marker, so the response's errors are still unread.
          else if (shape === 'one' && cloudKitResponseMethod(bc, parent)) use('member', child);
          else use('passed', child, undefined, parent);
          return;
        case AST_NODE_TYPES.ForOfStatement:
          if (parent.right === child && shape !== 'one') loopBinding(parent.left);
          else use('other', child);
          return;
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.SwitchStatement:
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.TemplateLiteral:
          use('other', child);
          return;
        default:
          // Anything else hands the value on whole (an object property, `yield`, `new X(res)`, a spread).
          use('passed', child);
      }
    }

    /** `res.records`, `res.hasErrors`; `p.then(fn)`, `p.catch(…)`; `results.map((r) => …)`, `results[0]`. */
    function memberOf(member: TSESTree.MemberExpression, shape: Shape): void {
      const name = memberName(member);
      const call = member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : undefined;
      if (call && (name === 'catch' || name === 'finally')) {
        value(call, shape);
        return;
      }
      if (call && name === 'then') {
        const first = call.arguments[0];
        if (!first) {
          value(call, shape);
          return;
        }
        const fn = functionArgument(first);
        if (!fn) use('passed', first, undefined, call);
        else if (fn.params[0]) binding(fn.params[0], shape);
        else use('dropped', first);
        return;
      }
      if (shape !== 'one') {
        const callback = call && name !== undefined && ELEMENT_METHODS.has(name) && call.arguments[0] ? functionArgument(call.arguments[0]) : undefined;
        const index = member.computed && member.property.type === AST_NODE_TYPES.Literal ? member.property.value : undefined;
        if (callback?.params[0]) binding(callback.params[0], 'one');
        else if (!member.computed) use('member', member.property, name);
        else if (typeof shape === 'number' && typeof index === 'number' && index !== shape) use('other', member);
        else value(member, 'one');
        return;
      }
      if (name === undefined) use('member', member.property);
      else if (CHECK_MEMBERS.has(name)) use('check', member.property, name);
      // A zone-changes response keeps per-zone `errors` beside each zone's `records`.
      else if (name === 'zones' && method === 'fetchRecordZoneChanges') value(member, 'many');
      else use(SUCCESS_MEMBERS.has(name) ? 'success' : 'member', member.property, name);
    }

    /** A declarator's, parameter's or assignment's target. */
    function binding(target: TSESTree.Node, shape: Shape): void {
      switch (target.type) {
        case AST_NODE_TYPES.Identifier: {
          // `export const last = await db.fetchRecords(…)`: for the importers.
          if (target.parent.type === AST_NODE_TYPES.VariableDeclarator && target.parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) use('passed', target);
          const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
          const reads = (variable?.references ?? []).filter((reference) => reference.isRead() && reference.identifier !== target);
          if (reads.length === 0) use('dropped', target);
          for (const reference of reads) value(reference.identifier, shape);
          return;
        }
        case AST_NODE_TYPES.ObjectPattern:
          if (shape !== 'one') use('passed', target);
          else for (const property of target.properties) destructured(property);
          return;
        case AST_NODE_TYPES.ArrayPattern:
          if (shape === 'one') {
            use('passed', target);
            return;
          }
          target.elements.forEach((element, index) => {
            if (element?.type === AST_NODE_TYPES.RestElement) {
              if (typeof shape !== 'number') binding(element.argument, 'many');
              else if (shape >= index) binding(element.argument, shape - index);
            } else if (element && (typeof shape !== 'number' || shape === index)) {
              binding(element, 'one');
            }
          });
          return;
        case AST_NODE_TYPES.AssignmentPattern:
          binding(target.left, shape);
          return;
        case AST_NODE_TYPES.MemberExpression: {
          const classBody = target.object.type === AST_NODE_TYPES.ThisExpression ? enclosingClassBody(target) : undefined;
          if (classBody) field(target.property, classBody, shape, target);
          else use('passed', target);
          return;
        }
        default:
          use('passed', target);
      }
    }

    /** `const { records, hasErrors } = res`: each key is a member read; `...rest` keeps the rest whole. */
    function destructured(property: TSESTree.Property | TSESTree.RestElement): void {
      if (property.type === AST_NODE_TYPES.RestElement) {
        use('passed', property);
        return;
      }
      const key = ASTUtils.getPropertyName(property);
      if (key === null) use('member', property.key);
      else if (CHECK_MEMBERS.has(key)) use('check', property.key, key);
      else if (key === 'zones' && method === 'fetchRecordZoneChanges') binding(property.value, 'many');
      else use(SUCCESS_MEMBERS.has(key) ? 'success' : 'member', property.key, key);
    }

    /** `for (const response of responses)`: each element. */
    function loopBinding(left: TSESTree.ForOfStatement['left']): void {
      const target = left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0]?.id : left;
      if (target) binding(target, 'one');
    }

    /**
     * `this.last = response` (or a field initialiser): the field's reads in the class. A field
     * that nothing in the class reads is kept for others: handed on.
     */
    function field(key: TSESTree.Node, classBody: TSESTree.ClassBody, shape: Shape, at: TSESTree.Node): void {
      const name = key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier ? key.name : undefined;
      const reads: TSESTree.MemberExpression[] = [];
      if (name !== undefined) {
        walk(sourceCode, classBody, (node) => {
          if (
            node.type === AST_NODE_TYPES.MemberExpression &&
            node.object.type === AST_NODE_TYPES.ThisExpression &&
            node !== at &&
            (node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier) &&
            node.property.name === name &&
            !node.computed &&
            !(node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node)
          ) {
            reads.push(node);
          }
        });
      }
      if (reads.length === 0) use('passed', at);
      for (const read of reads) value(read, shape);
    }

    /**
     * A response returned from a function: through `p.then(() => db.saveRecords(…))`, through
     * `items.map((item) => db.saveRecords(…))` (an array of responses), or through a wrapper
     * whose own type is the response (`withRetry(() => db.saveRecords(…))`, typed); otherwise
     * to the caller, handed on.
     */
    function returned(fn: FunctionNode | undefined, shape: Shape, at: TSESTree.Node): void {
      const call = fn?.parent;
      if (fn && call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
        const callee = skipWrappers(call.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (name === 'then' && call.arguments[0] === fn) {
          value(call, shape);
          return;
        }
        if (name === 'map' && shape === 'one') {
          value(call, 'many');
          return;
        }
        if (shape === 'one' && bc.typed && isCloudKitResponseType(awaitedTypeOf(bc, call)!)) {
          value(call, shape);
          return;
        }
      }
      use('passed', at);
    }

    /** A function passed by value: inline, or declared in the file under the name passed. */
    function functionArgument(node: TSESTree.Node): FunctionNode | undefined {
      const target = skipWrappers(node);
      if (isFunction(target)) return target;
      return target.type === AST_NODE_TYPES.Identifier ? functionOf(sourceCode, target) : undefined;
    }

    value(call, 'one');
    return { call, method, uses };
  }

  return {
    flows,
    isResponse: (node) => held.has(skipWrappers(node)),
  };
}

/**
 * Parents through which a value passes unchanged: wrappers (`as`, `!`, `?.`), `await`, the
 * branches of `a ? b : c`, and the operands of `??` / `||` (and the right of `&&`) that may be
 * the result.
 */
function carriesValue(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  if (wrapped(parent) === child) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator !== '&&' || parent.right === child;
    default:
      return false;
  }
}

/** `Promise.all([…])`. */
function isPromiseAll(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'all' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise'
  );
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The class body whose method (not a nested `function`) `this` belongs to. */
function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  }
  return undefined;
}
