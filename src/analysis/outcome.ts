/**
 * What a handler or a branch does with an error, over every path: an AST classifier (no code
 * path analysis). A `throw` inside a nested function is not the handler's; `finally { return }`
 * cancels a rethrow; `break` and `continue` leave only their loop or switch.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from '../binding/accessors.js';

/**
 * - `rethrow`: `throw e`;
 * - `throw-new`: `throw new AppError(…)` (with or without `cause`);
 * - `return-error`: `return e`, `return Promise.reject(e)`, `return { error: e }`;
 * - `pass-on`: the error (or its code) goes to a function that is not a logger, nor one that turns it into text: `next(e)`, `reject(e)`, `handleError(e)`;
 * - `log`: a logger call (`console.error(e)`, `logger.warn(…)`);
 * - `return-value`: a return without the error (in `.catch` that resolves the promise);
 * - `continue`: a loop's next iteration;
 * - `other`: anything else (a state update, a UI message, an assignment).
 */
export type Effect = 'rethrow' | 'throw-new' | 'return-error' | 'pass-on' | 'log' | 'return-value' | 'continue' | 'other';

export interface Outcome {
  /** Every path rethrows, throws, returns / rejects the error, or passes it on. */
  readonly propagates: boolean;
  /** Nothing runs. */
  readonly empty: boolean;
  /** Only logger calls run (and plain `return;` / `break`). */
  readonly logOnly: boolean;
  /** Some path reaches the end and goes on with what follows (in a loop: its next iteration). */
  readonly completes: boolean;
  readonly effects: ReadonlySet<Effect>;
}

export interface OutcomeContext {
  /** Names the error is bound to in the handler (`e`, or `code` for `catch ({ code })`). */
  readonly errorNames: ReadonlySet<string>;
  /** Whether a call is a logger's (`console.error`, `logger.warn`). */
  readonly isLogger: (call: TSESTree.CallExpression) => boolean;
  /** Whether a property name reads a code (`code`, `status`): passing `e.code` on keeps the code. */
  readonly isCodeName: (name: string) => boolean;
  /** Whether a call turns what it is given into text (`String(e)`, a `describeError(e): string`): the code is lost. */
  readonly isFormatter?: (call: TSESTree.CallExpression) => boolean;
}

/**
 * The ways the paths through some code end, as flags: a path propagates the error, ends
 * without it (swallows), reaches the end (falls through), or leaves the enclosing loop or
 * switch with `break` or `continue`. Code whose every path propagates has exactly `PROPAGATES`.
 */
const PROPAGATES = 1;
const SWALLOWS = 2;
const FALLS = 4;
const BREAKS = 8;
const CONTINUES = 16;
type Flow = number;

/** The outcome of a block, a list of statements (a `case`), a statement, or an arrow's expression body. */
export function outcomeOf(body: TSESTree.Node | readonly TSESTree.Node[], context: OutcomeContext): Outcome {
  const effects = new Set<Effect>();
  const statements: readonly TSESTree.Node[] = Array.isArray(body) ? body : [body as TSESTree.Node];
  const only = statements.length === 1 ? statements[0]! : undefined;
  const flow = only && isExpression(only) ? expressionFlow(only, true, context, effects) : sequence(statements.flatMap(blockStatements), context, effects);
  const counted = statements.flatMap(blockStatements).filter((statement) => !isNoOp(statement));
  const empty = counted.length === 0;
  const logOnly = !empty && [...effects].every((effect) => effect === 'log') && counted.every((statement) => isLoggerCall(statement, context));
  return { propagates: flow === PROPAGATES, empty, logOnly, completes: (flow & FALLS) !== 0, effects };
}

/** Whether some path of a block returns (`finally { return x; }` cancels a pending throw). */
export function endsInReturn(block: TSESTree.BlockStatement): boolean {
  const noLogger = { errorNames: new Set<string>(), isLogger: () => false, isCodeName: () => false };
  return (sequence(block.body, noLogger, new Set()) & SWALLOWS) !== 0;
}

function isExpression(node: TSESTree.Node): boolean {
  return !node.type.endsWith('Statement') && !node.type.endsWith('Declaration') && node.type !== AST_NODE_TYPES.SwitchCase;
}

function blockStatements(node: TSESTree.Node): TSESTree.Node[] {
  return node.type === AST_NODE_TYPES.BlockStatement ? node.body : [node];
}

/** `;`, `break;` and `return;`: statements that do nothing with the error. */
function isNoOp(statement: TSESTree.Node): boolean {
  return (
    statement.type === AST_NODE_TYPES.EmptyStatement ||
    statement.type === AST_NODE_TYPES.BreakStatement ||
    (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument === null)
  );
}

/** A logger call: a statement, a returned value, or an arrow's expression body. */
function isLoggerCall(node: TSESTree.Node, context: OutcomeContext): boolean {
  const value = node.type === AST_NODE_TYPES.ExpressionStatement ? node.expression : node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : node;
  const call = value ? callOf(value) : undefined;
  return call !== undefined && context.isLogger(call);
}

/** Statements in order: the paths that fall through one statement go on to the next. */
function sequence(statements: readonly TSESTree.Node[], context: OutcomeContext, effects: Set<Effect>): Flow {
  let flow = 0;
  for (const statement of statements) {
    const next = statementFlow(statement, context, effects);
    flow |= next & ~FALLS;
    if ((next & FALLS) === 0) return flow;
  }
  return flow | FALLS;
}

/** `break` ends the loop or switch it leaves: after it, the path goes on. */
function leaving(flow: Flow, mask: Flow): Flow {
  return (flow & ~mask) | ((flow & mask) === 0 ? 0 : FALLS);
}

function statementFlow(statement: TSESTree.Node, context: OutcomeContext, effects: Set<Effect>): Flow {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement: {
      const argument = skipWrappers(statement.argument);
      effects.add(argument.type === AST_NODE_TYPES.Identifier && context.errorNames.has(argument.name) ? 'rethrow' : 'throw-new');
      return PROPAGATES;
    }
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument ? expressionFlow(statement.argument, true, context, effects) : SWALLOWS;
    case AST_NODE_TYPES.ExpressionStatement:
      return expressionFlow(statement.expression, false, context, effects);
    case AST_NODE_TYPES.BreakStatement:
      return BREAKS;
    case AST_NODE_TYPES.ContinueStatement:
      effects.add('continue');
      return CONTINUES;
    case AST_NODE_TYPES.BlockStatement:
      return sequence(statement.body, context, effects);
    case AST_NODE_TYPES.IfStatement:
      return statementFlow(statement.consequent, context, effects) | (statement.alternate ? statementFlow(statement.alternate, context, effects) : FALLS);
    case AST_NODE_TYPES.SwitchStatement: {
      // A case that falls through runs the next case's statements: its paths are that case's.
      let flow = statement.cases.some((switchCase) => switchCase.test === null) ? 0 : FALLS;
      statement.cases.forEach((switchCase, index) => {
        const caseFlow = sequence(switchCase.consequent, context, effects);
        flow |= leaving(caseFlow & ~FALLS, BREAKS);
        if (index === statement.cases.length - 1) flow |= caseFlow & FALLS;
      });
      return flow;
    }
    case AST_NODE_TYPES.TryStatement: {
      // Any statement of the try block may throw into the handler: the paths of both.
      const block = sequence(statement.block.body, context, effects);
      const flow = statement.handler ? block | sequence(statement.handler.body.body, context, effects) : block;
      if (!statement.finalizer) return flow;
      const finalizer = sequence(statement.finalizer.body, context, effects);
      // A `finally` that returns or throws on every path replaces whatever the rest did.
      return (finalizer & FALLS) === 0 ? finalizer : flow | (finalizer & ~FALLS);
    }
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement: {
      const body = statementFlow(statement.body, context, effects);
      const endless =
        statement.type === AST_NODE_TYPES.ForStatement
          ? statement.test === null
          : (statement.type === AST_NODE_TYPES.WhileStatement || statement.type === AST_NODE_TYPES.DoWhileStatement) && isTrue(statement.test);
      // The body may not run at all (but a do-while's runs once); the test may end the loop after any iteration.
      const skipped = endless || statement.type === AST_NODE_TYPES.DoWhileStatement ? 0 : FALLS;
      const tested = endless ? 0 : leaving(body & (FALLS | CONTINUES), FALLS | CONTINUES);
      return leaving(body & (PROPAGATES | SWALLOWS | BREAKS), BREAKS) | skipped | tested;
    }
    case AST_NODE_TYPES.LabeledStatement:
      return leaving(statementFlow(statement.body, context, effects), BREAKS);
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.FunctionDeclaration:
      return FALLS;
    default:
      effects.add('other');
      return FALLS;
  }
}

function isTrue(node: TSESTree.Expression): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === true;
}

/**
 * A returned value (or an arrow's expression body), or an expression statement: what its call
 * does with the error, on either side of a conditional. A value ends its path; a statement's
 * path goes on unless the error was passed on.
 */
function expressionFlow(node: TSESTree.Node, returned: boolean, context: OutcomeContext, effects: Set<Effect>): Flow {
  const value = unwrapAwait(node);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    return expressionFlow(value.consequent, returned, context, effects) | expressionFlow(value.alternate, returned, context, effects);
  }
  const call = callOf(value);
  if (returned && (carriesError(value, context) || (call && isPromiseReject(call)))) {
    effects.add('return-error');
    return PROPAGATES;
  }
  if (call && context.isLogger(call)) {
    effects.add('log');
  } else if (call && passesOn(call, context)) {
    effects.add('pass-on');
    return PROPAGATES;
  } else {
    effects.add(returned ? 'return-value' : 'other');
  }
  return returned ? SWALLOWS : FALLS;
}

function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression || (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void')) {
    current = skipWrappers(current.argument);
  }
  return current;
}

/** The call an expression makes: `f(e)`, `await f(e)`, `void f(e)`, `a?.b(e)`. */
function callOf(expression: TSESTree.Node): TSESTree.CallExpression | undefined {
  const target = unwrapAwait(expression);
  return target.type === AST_NODE_TYPES.CallExpression ? target : undefined;
}

/** `Promise.reject(e)` or a `reject(e)` of a promise executor. */
function isPromiseReject(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'reject';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'reject' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise'
  );
}

/** A call that hands the error (or its code) on: any argument carries it, or a `reject(…)`. */
function passesOn(call: TSESTree.CallExpression, context: OutcomeContext): boolean {
  if (isPromiseReject(call) && call.arguments.length > 0) return true;
  return call.arguments.some((argument) => carriesError(argument, context)) && !context.isFormatter?.(call);
}

/**
 * Whether an expression carries the error to whoever receives it: the error itself, its code
 * (`e.code`), or an object / array / `new X(…, { cause: e })` holding either. `e.message` does not:
 * the code is lost.
 */
function carriesError(node: TSESTree.Node, context: OutcomeContext): boolean {
  const target = skipWrappers(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return context.errorNames.has(target.name);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(target);
      return name !== undefined && context.isCodeName(name) && carriesError(target.object, context);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return target.properties.some((property) =>
        property.type === AST_NODE_TYPES.SpreadElement ? carriesError(property.argument, context) : carriesError(property.value, context),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.some((element) => element !== null && carriesError(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, context));
    case AST_NODE_TYPES.NewExpression:
      return target.arguments.some((argument) => carriesError(argument, context));
    case AST_NODE_TYPES.ConditionalExpression:
      return carriesError(target.consequent, context) || carriesError(target.alternate, context);
    case AST_NODE_TYPES.LogicalExpression:
      return carriesError(target.left, context) || carriesError(target.right, context);
    case AST_NODE_TYPES.AwaitExpression:
      return carriesError(target.argument, context);
    default:
      return false;
  }
}
