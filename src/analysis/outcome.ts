/**
 * What a handler or a branch does with an error, over every path: an AST classifier (no code
 * path analysis). A `throw` inside a nested function is not the handler's; `finally { return }`
 * cancels a rethrow.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from '../binding/accessors.js';

/**
 * - `rethrow`: `throw e`;
 * - `throw-new`: `throw new AppError(…)` (with or without `cause`);
 * - `return-error`: `return e`, `return Promise.reject(e)`, `return { error: e }`;
 * - `pass-on`: the error (or its code) goes to a function that is not a logger: `next(e)`, `reject(e)`, `handleError(e)`;
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
  readonly effects: ReadonlySet<Effect>;
}

export interface OutcomeContext {
  /** Names the error is bound to in the handler (`e`, or `code` for `catch ({ code })`). */
  readonly errorNames: ReadonlySet<string>;
  /** Whether a call is a logger's (`console.error`, `logger.warn`). */
  readonly isLogger: (call: TSESTree.CallExpression) => boolean;
  /** Whether a property name reads a code (`code`, `status`): passing `e.code` on keeps the code. */
  readonly isCodeName: (name: string) => boolean;
}

/** Path results: every path propagates; some path ends without propagating; some path falls through. */
type Flow = 'propagates' | 'swallows' | 'falls-through';

/** The outcome of a block, a list of statements (a `case`), a statement, or an arrow's expression body. */
export function outcomeOf(body: TSESTree.Node | readonly TSESTree.Node[], context: OutcomeContext): Outcome {
  const effects = new Set<Effect>();
  const statements: readonly TSESTree.Node[] = Array.isArray(body) ? body : [body as TSESTree.Node];
  const only = statements.length === 1 ? statements[0]! : undefined;
  let flow: Flow;
  if (only && isExpression(only)) {
    flow = expressionBody(only as TSESTree.Expression, context, effects);
  } else {
    flow = sequence(statements.flatMap(blockStatements), context, effects);
  }
  const counted = statements.flatMap(blockStatements).filter((statement) => !isNoOp(statement));
  const empty = counted.length === 0;
  const logOnly = !empty && effects.has('log') && [...effects].every((effect) => effect === 'log') && counted.every((statement) => isQuietStatement(statement, context));
  return { propagates: flow === 'propagates', empty, logOnly, effects };
}

/** Whether some path of a block returns (`finally { return x; }` cancels a pending throw). */
export function endsInReturn(block: TSESTree.BlockStatement): boolean {
  const noLogger = { errorNames: new Set<string>(), isLogger: () => false, isCodeName: () => false };
  return sequence(block.body, noLogger, new Set()) === 'swallows';
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

/** A logger call statement. */
function isQuietStatement(statement: TSESTree.Node, context: OutcomeContext): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = callOf(statement.expression);
  return call !== undefined && context.isLogger(call);
}

/** `.catch((e) => …expression)`: the value returned. */
function expressionBody(expression: TSESTree.Expression, context: OutcomeContext, effects: Set<Effect>): Flow {
  const call = callOf(expression);
  if (call && context.isLogger(call)) {
    effects.add('log');
    return 'swallows';
  }
  if (carriesError(expression, context) || (call && isPromiseReject(call))) {
    effects.add(call && !isPromiseReject(call) ? 'pass-on' : 'return-error');
    return 'propagates';
  }
  if (call && passesOn(call, context)) {
    effects.add('pass-on');
    return 'propagates';
  }
  effects.add('return-value');
  return 'swallows';
}

function sequence(statements: readonly TSESTree.Node[], context: OutcomeContext, effects: Set<Effect>): Flow {
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.BreakStatement) return 'falls-through';
    if (statement.type === AST_NODE_TYPES.ContinueStatement) {
      effects.add('continue');
      return 'falls-through';
    }
    const flow = statementFlow(statement, context, effects);
    if (flow !== 'falls-through') return flow;
  }
  return 'falls-through';
}

/** Both branches: propagates only if both do; a swallowing branch makes the whole swallow. */
function either(a: Flow, b: Flow): Flow {
  if (a === 'swallows' || b === 'swallows') return 'swallows';
  return a === 'propagates' && b === 'propagates' ? 'propagates' : 'falls-through';
}

function statementFlow(statement: TSESTree.Node, context: OutcomeContext, effects: Set<Effect>): Flow {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement: {
      const argument = skipWrappers(statement.argument);
      effects.add(argument.type === AST_NODE_TYPES.Identifier && context.errorNames.has(argument.name) ? 'rethrow' : 'throw-new');
      return 'propagates';
    }
    case AST_NODE_TYPES.ReturnStatement: {
      const argument = statement.argument ? unwrapAwait(statement.argument) : undefined;
      const call = argument ? callOf(argument) : undefined;
      if (argument && (carriesError(argument, context) || (call && isPromiseReject(call)))) {
        effects.add('return-error');
        return 'propagates';
      }
      if (call && !context.isLogger(call) && passesOn(call, context)) {
        effects.add('pass-on');
        return 'propagates';
      }
      if (call && context.isLogger(call)) effects.add('log');
      else if (statement.argument) effects.add('return-value');
      return 'swallows';
    }
    case AST_NODE_TYPES.ExpressionStatement: {
      const call = callOf(statement.expression);
      if (call && context.isLogger(call)) {
        effects.add('log');
        return 'falls-through';
      }
      if (call && passesOn(call, context)) {
        effects.add('pass-on');
        return 'propagates';
      }
      effects.add('other');
      return 'falls-through';
    }
    case AST_NODE_TYPES.BlockStatement:
      return sequence(statement.body, context, effects);
    case AST_NODE_TYPES.IfStatement:
      return either(statementFlow(statement.consequent, context, effects), statement.alternate ? statementFlow(statement.alternate, context, effects) : 'falls-through');
    case AST_NODE_TYPES.SwitchStatement: {
      const flows = statement.cases.map((switchCase) => sequence(switchCase.consequent, context, effects));
      if (flows.includes('swallows')) return 'swallows';
      const exhaustive = statement.cases.some((switchCase) => switchCase.test === null);
      return exhaustive && flows.every((flow) => flow === 'propagates') ? 'propagates' : 'falls-through';
    }
    case AST_NODE_TYPES.TryStatement: {
      if (statement.finalizer && sequence(statement.finalizer.body, context, effects) === 'swallows') return 'swallows';
      const block = sequence(statement.block.body, context, effects);
      if (!statement.handler) return block;
      // An error inside the try block runs the inner handler: both must propagate.
      return either(block, sequence(statement.handler.body.body, context, effects));
    }
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
      return statementFlow(statement.body, context, effects) === 'swallows' ? 'swallows' : 'falls-through';
    case AST_NODE_TYPES.DoWhileStatement:
      return statementFlow(statement.body, context, effects);
    case AST_NODE_TYPES.LabeledStatement:
      return statementFlow(statement.body, context, effects);
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.FunctionDeclaration:
      return 'falls-through';
    default:
      effects.add('other');
      return 'falls-through';
  }
}

function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression || (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void')) {
    current = skipWrappers(current.argument);
  }
  return current;
}

/** The call an expression statement makes: `f(e)`, `await f(e)`, `void f(e)`, `a?.b(e)`. */
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
  return call.arguments.some((argument) => carriesError(argument, context));
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
