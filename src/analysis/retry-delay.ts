/**
 * Where a retry's delay comes from: the expressions it is computed from (through the variables
 * it reads), whether the server's delay is among them (CloudKit JS `retryAfter`, native
 * `retryAfterSeconds`, the `Retry-After` header), how the header is parsed, and whether the
 * delay can change from one attempt to the next. Pure functions of the AST and scope.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from '../binding/accessors.js';
import { isFunction, isPropertyName, walk } from '../binding/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `retryAfter`, `retryAfterSeconds`, `retry_after`, `CKErrorRetryAfterKey`. */
const SERVER_DELAY_NAME = /retry_?after|retryafterkey/iu;
const RETRY_AFTER_HEADER = /^retry-after$/iu;
/** Properties that hold a delay in seconds: CloudKit JS `CKError.retryAfter`, native `retryAfterSeconds`. */
const SECONDS_PROPERTIES = new Set(['retryAfter', 'retryAfterSeconds']);

/** The nodes a delay is computed from: the expression, and the values of the variables it reads (three steps deep). */
export function delaySources(sourceCode: SourceCode, delay: TSESTree.Node): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  const visited = new Set<TSESTree.Node>();
  const visit = (root: TSESTree.Node, depth: number): void => {
    if (visited.has(root)) return;
    visited.add(root);
    walk(sourceCode, root, (node) => {
      if (node !== root && isFunction(node)) return false;
      nodes.push(node);
      if (node.type !== AST_NODE_TYPES.Identifier || isPropertyName(node) || depth >= 3) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      for (const reference of variable?.references ?? []) if (reference.writeExpr) visit(reference.writeExpr, depth + 1);
      return undefined;
    });
  };
  visit(delay, 0);
  return nodes;
}

/** Whether a delay reads the server's delay. */
export function readsServerDelay(nodes: readonly TSESTree.Node[]): boolean {
  return nodes.some((node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression) return SERVER_DELAY_NAME.test(memberName(node) ?? '');
    if (node.type === AST_NODE_TYPES.Identifier) return SERVER_DELAY_NAME.test(node.name);
    return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && (RETRY_AFTER_HEADER.test(node.value) || SERVER_DELAY_NAME.test(node.value));
  });
}

/**
 * A `Retry-After` header read and parsed in one form only: `parseInt(value)` / `Number(value)` /
 * `+value` (the HTTP-date form becomes NaN) or `Date.parse(value)` / `new Date(value)` (the
 * seconds form is misread). The parse to report and the form it handles.
 */
export function oneFormParse(nodes: readonly TSESTree.Node[]): { node: TSESTree.Node; form: 'seconds' | 'date' } | undefined {
  if (!nodes.some((node) => node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && RETRY_AFTER_HEADER.test(node.value))) return undefined;
  const numeric = nodes.find(isNumericParse);
  const date = nodes.find(isDateParse);
  if (numeric && !date) return { node: numeric, form: 'seconds' };
  if (date && !numeric) return { node: date, form: 'date' };
  return undefined;
}

function isNumericParse(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator === '+' && node.argument.type !== AST_NODE_TYPES.Literal;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name === 'parseInt' || name === 'parseFloat' || name === 'Number';
}

function isDateParse(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Date';
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'parse' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Date';
}

/**
 * A delay given in seconds where milliseconds are expected: `err.retryAfter`, `err.retryAfter ?? 1`,
 * or a `const` holding one, not multiplied. The expression read.
 */
export function secondsDelay(sourceCode: SourceCode, delay: TSESTree.Node): TSESTree.Node | undefined {
  let target = skipWrappers(delay);
  for (let step = 0; step < 2 && target.type === AST_NODE_TYPES.Identifier; step += 1) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
    const writes = variable?.references.filter((reference) => reference.writeExpr) ?? [];
    if (writes.length !== 1) return undefined;
    target = skipWrappers(writes[0]!.writeExpr!);
  }
  if (target.type === AST_NODE_TYPES.LogicalExpression) target = skipWrappers(target.left);
  return target.type === AST_NODE_TYPES.MemberExpression && SECONDS_PROPERTIES.has(memberName(target) ?? '') ? target : undefined;
}

/**
 * Whether a delay can change between attempts: it reads a variable that is assigned again
 * (`delay *= 2`, a loop counter) or a parameter (a recursion's `attempt`), or `Math.random()`
 * beside one of those. A delay made only of literals and constants is the same every time.
 */
export function delayVaries(sourceCode: SourceCode, nodes: readonly TSESTree.Node[]): boolean {
  return nodes.some((node) => {
    if (node.type !== AST_NODE_TYPES.Identifier || isPropertyName(node)) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
    if (!variable) return false;
    if (variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.Parameter)) return true;
    return variable.references.some((reference) => reference.isWrite() && !reference.init);
  });
}
