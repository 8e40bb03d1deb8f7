/**
 * The statements taken for particular codes: every branch of a dispatch (a `case`, a link of an
 * if-chain or early-return chain), and the lone `if`s the dispatches leave out:
 * `if (e.code === X) …`, `if (isParseError(e) && e.code === X) …`, and early exits such as
 * `if (!isNativeError(e) || e.code !== X) throw e; …rest`, where the rest is taken for X.
 * A `default` / `else` is never taken "for a code". Pure functions of the AST and code sites.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { CodeValue } from '../catalog/types.js';
import { skipWrappers } from '../binding/accessors.js';
import type { CodeBinding } from '../binding/binder.js';
import type { CodeSite } from './code-sites.js';
import { type Dispatch, leaves, siteValue } from './dispatch.js';

export interface CodeBranch {
  readonly binding: CodeBinding;
  /** The codes the branch is taken for. */
  readonly codes: ReadonlySet<CodeValue>;
  /** What runs: a case's statements, an `if`'s consequent or alternate, the statements after an early exit. */
  readonly body: readonly TSESTree.Node[];
  /** The test that selects the branch: a `case` test, or an `if`'s condition. */
  readonly test: TSESTree.Node;
}

/** What a condition says about a code: the codes for which it holds, or for which it fails. */
interface TestCodes {
  /** The condition reads a code at all. */
  readonly code: boolean;
  /** True only for these codes (when true, the code is one of them). */
  readonly whenTrue?: ReadonlySet<CodeValue>;
  /** False only for these codes. */
  readonly whenFalse?: ReadonlySet<CodeValue>;
}

export function findCodeBranches(sites: readonly CodeSite[], dispatches: readonly Dispatch[]): CodeBranch[] {
  const branches: CodeBranch[] = [];
  const dispatched = new Set<TSESTree.Node>();
  for (const dispatch of dispatches) {
    for (const branch of dispatch.branches) {
      dispatched.add(branch.node);
      const test = branch.node.type === AST_NODE_TYPES.SwitchCase || branch.node.type === AST_NODE_TYPES.IfStatement ? branch.node.test : null;
      branches.push({ binding: dispatch.binding, codes: branch.codes, body: branch.body, test: test ?? branch.node });
    }
  }

  const byTest = new Map<TSESTree.Node, CodeSite[]>();
  const ifs = new Map<TSESTree.IfStatement, CodeSite[]>();
  for (const site of sites) {
    if (!site.test) continue;
    byTest.set(site.test.node, [...(byTest.get(site.test.node) ?? []), site]);
    const ifStatement = conditionOf(site.test.node);
    if (ifStatement && !dispatched.has(ifStatement)) ifs.set(ifStatement, [...(ifs.get(ifStatement) ?? []), site]);
  }

  const evaluate = (node: TSESTree.Node): TestCodes => {
    const target = skipWrappers(node);
    const found = byTest.get(target);
    if (found) {
      const values = found.map(siteValue);
      if (values.some((value) => value === undefined)) return { code: true };
      const codes = new Set(values as CodeValue[]);
      return found[0]!.test!.positive ? { code: true, whenTrue: codes } : { code: true, whenFalse: codes };
    }
    if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') {
      const inner = evaluate(target.argument);
      return { code: inner.code, whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (target.type !== AST_NODE_TYPES.LogicalExpression || target.operator === '??') return { code: false };
    const left = evaluate(target.left);
    const right = evaluate(target.right);
    const code = left.code || right.code;
    // `A || B` is false only when both are; `A && B` true only when both are. A side that reads
    // no code (a guard such as `isParseError(e)`) leaves the other side's codes.
    if (target.operator === '||') return { code, whenTrue: union(left.whenTrue, right.whenTrue), whenFalse: both(left, right, 'whenFalse') };
    return { code, whenTrue: both(left, right, 'whenTrue'), whenFalse: union(left.whenFalse, right.whenFalse) };
  };

  for (const [ifStatement, ifSites] of ifs) {
    const binding = ifSites[0]!.binding;
    if (ifSites.some((site) => site.binding.catalog !== binding.catalog)) continue;
    const result = evaluate(ifStatement.test);
    if (result.whenTrue?.size) branches.push({ binding, codes: result.whenTrue, body: [ifStatement.consequent], test: ifStatement.test });
    if (result.whenFalse?.size) {
      const body = ifStatement.alternate ? [ifStatement.alternate] : leaves(ifStatement.consequent) ? statementsAfter(ifStatement) : [];
      if (body.length > 0) branches.push({ binding, codes: result.whenFalse, body, test: ifStatement.test });
    }
  }
  return branches.sort((a, b) => a.test.range[0] - b.test.range[0]);
}

/** Codes for which both sides agree (both give a set: their intersection), or the one side's set beside a side that reads no code. */
function both(left: TestCodes, right: TestCodes, key: 'whenTrue' | 'whenFalse'): ReadonlySet<CodeValue> | undefined {
  const a = left[key];
  const b = right[key];
  if (a && b) return new Set([...a].filter((value) => b.has(value)));
  if (a && !right.code) return a;
  if (b && !left.code) return b;
  return undefined;
}

/** `A || B` true for codes of A or of B, when both give a set. */
function union(a: ReadonlySet<CodeValue> | undefined, b: ReadonlySet<CodeValue> | undefined): ReadonlySet<CodeValue> | undefined {
  return a && b ? new Set([...a, ...b]) : undefined;
}

/** The `if` whose condition is, or holds through `&&` / `||` / `!`, this test. */
function conditionOf(test: TSESTree.Node): TSESTree.IfStatement | undefined {
  let current: TSESTree.Node = test;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.LogicalExpression || (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === '!'))
  ) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.IfStatement && current.parent.test === current ? current.parent : undefined;
}

/** The statements after `statement` in its block (or case). */
function statementsAfter(statement: TSESTree.Statement): readonly TSESTree.Node[] {
  const container = statement.parent;
  const siblings: readonly TSESTree.Node[] =
    container?.type === AST_NODE_TYPES.BlockStatement || container?.type === AST_NODE_TYPES.Program
      ? container.body
      : container?.type === AST_NODE_TYPES.SwitchCase
        ? container.consequent
        : [];
  return siblings.slice(siblings.indexOf(statement) + 1);
}
