/**
 * The shapes of test assertions (jest, vitest, jasmine, chai, node:assert): the subject of an
 * expectation chain, and dotted callee names. Pure AST functions; which names count comes from
 * `settings['error-codes'].assertions`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ResolvedAssertions } from '../settings.js';
import { memberName, skipWrappers } from './accessors.js';
import { argumentAt, walk } from './ast.js';

/** Words of an expectation chain that keep its subject: jest `.not`, chai `.to.be`, `.deep`, `.an`. */
const CHAIN_WORDS = new Set(['not', 'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also', 'deep', 'own', 'nested', 'a', 'an']);

/** The name a callee is called by: `expect` and `chai.expect` are both `expect`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const target = skipWrappers(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  return target.type === AST_NODE_TYPES.MemberExpression ? memberName(target) : undefined;
}

/** Whether a callee is written as the dotted name `segments`: `assert.equal`, `strictEqual`. */
export function calleeIs(callee: TSESTree.Node, segments: readonly string[]): boolean {
  let target = skipWrappers(callee);
  for (let index = segments.length - 1; index > 0; index -= 1) {
    if (target.type !== AST_NODE_TYPES.MemberExpression || memberName(target) !== segments[index]) return false;
    target = skipWrappers(target.object);
  }
  return target.type === AST_NODE_TYPES.Identifier && target.name === segments[0];
}

/**
 * The expectation a matcher belongs to, from the matcher's member expression: `actual` in
 * `expect(actual).toBe(…)`, `expect(actual).not.to.be.equal(…)`, `chai.expect(actual).to.eq(…)`,
 * and whether a `.not` turns it around.
 */
export function expectationOf(matcher: TSESTree.MemberExpression, expectNames: ReadonlySet<string>): { subject: TSESTree.Expression; negated: boolean } | undefined {
  let object = skipWrappers(matcher.object);
  let negated = false;
  while (object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier && CHAIN_WORDS.has(object.property.name)) {
    if (object.property.name === 'not') negated = !negated;
    object = skipWrappers(object.object);
  }
  if (object.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(object.callee);
  const subject = name !== undefined && expectNames.has(name) ? argumentAt(object, 0) : undefined;
  return subject ? { subject, negated } : undefined;
}

/** The name a call chain starts from: `expect` of `expect(x).not.toBe(y)`, `describe` of `describe.each(t)('…', fn)`. */
function rootName(callee: TSESTree.Node): string | undefined {
  let target = skipWrappers(callee);
  while (target.type === AST_NODE_TYPES.MemberExpression || target.type === AST_NODE_TYPES.CallExpression) {
    target = skipWrappers(target.type === AST_NODE_TYPES.MemberExpression ? target.object : target.callee);
  }
  return target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

/**
 * Whether code calls a test assertion: an expectation (`expect(e.code).toBe(209)`) or an
 * assertion function or its object (`assert.equal(…)`, `assert(…)`, `strictEqual(…)`), by the
 * names in the settings.
 */
export function callsAnAssertion(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, assertions: ResolvedAssertions): boolean {
  let found = false;
  walk(sourceCode, node, (current) => {
    if (found) return false;
    if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const name = rootName(current.callee);
    found = name !== undefined && (assertions.expect.has(name) || assertions.functions.some((segments) => segments[0] === name));
    return undefined;
  });
  return found;
}

/** Whether a program defines tests: a statement of its own calls a test, suite or hook function (`describe(…)`, `beforeEach(…)`). */
export function definesTests(program: TSESTree.Program, assertions: ResolvedAssertions): boolean {
  return program.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let expression = skipWrappers(statement.expression);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipWrappers(expression.argument);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const name = rootName(expression.callee);
    return name !== undefined && assertions.tests.has(name);
  });
}
