/**
 * The shapes of test assertions (jest, vitest, jasmine, chai, node:assert): the subject of an
 * expectation chain, and dotted callee names. Pure AST functions; which names count comes from
 * `settings['error-codes'].assertions`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { memberName, skipWrappers } from './accessors.js';
import { argumentAt } from './ast.js';

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
