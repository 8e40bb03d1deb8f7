/**
 * Dispatches over a bound code: a `switch`, an `if / else if` chain, or a run of early-return
 * `if`s, each with the codes every branch is taken for and the fallback that takes the rest.
 * Built from the file's code sites; pure functions of the AST.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { CodeValue } from '../catalog/types.js';
import { skipWrappers } from '../binding/accessors.js';
import type { CodeBinding } from '../binding/binder.js';
import type { CodeSite } from './code-sites.js';

export interface Branch {
  /** The codes the branch is taken for. */
  readonly codes: ReadonlySet<CodeValue>;
  /** What runs: a case's statements, or an `if`'s consequent. */
  readonly body: readonly TSESTree.Node[];
  /** The `case` (first of a group) or the `if` statement. */
  readonly node: TSESTree.Node;
}

export interface Fallback {
  /** `default:`, a final `else`, or the statements after an early-return chain. */
  readonly kind: 'default' | 'else' | 'after';
  readonly body: readonly TSESTree.Node[];
  readonly node: TSESTree.Node;
  /**
   * For `default` and `else`: what runs after the switch or chain, where a fallback that
   * completes (`default: break;`, `else { log(e); }`) goes on. Empty for `after`.
   */
  readonly continuation: readonly TSESTree.Node[];
}

/**
 * Where a dispatch sits inside another over the same code: in a branch, where only that
 * branch's codes arrive, or in a fallback that only the codes of no branch reach (`rest`).
 */
export interface Enclosing {
  readonly dispatch: Dispatch;
  readonly codes: ReadonlySet<CodeValue> | 'rest';
}

export interface Dispatch {
  readonly kind: 'switch' | 'if-chain' | 'early-return';
  /** The switch, or the first `if` of the chain. */
  readonly node: TSESTree.SwitchStatement | TSESTree.IfStatement;
  readonly binding: CodeBinding;
  /** The code expression discriminated on (`err.code`). */
  readonly code: TSESTree.Node;
  readonly branches: readonly Branch[];
  readonly fallback: Fallback | undefined;
  /**
   * Whether every test's value is known (a literal, or a constant of the bound catalog). A
   * `case someVariable:` makes the covered set unknown, and rules that count codes skip it.
   */
  readonly complete: boolean;
  /** The innermost dispatch over the same code that this one is nested in, when that narrows the codes arriving here. */
  readonly enclosing: Enclosing | undefined;
}

interface CodeTest {
  readonly codes: Set<CodeValue>;
  readonly code: TSESTree.Node;
  readonly binding: CodeBinding;
  readonly complete: boolean;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The value a site stands for in its own catalog: the literal, the value of `Parse.Error.X`, or of a binding's own constant. */
export function siteValue(site: CodeSite): CodeValue | undefined {
  if (site.value !== undefined) return site.value;
  if (!site.reference || site.reference.catalog !== site.binding.catalog) return undefined;
  return site.reference.value ?? site.binding.catalog.byName(site.reference.name)?.value;
}

export function findDispatches(sourceCode: SourceCode, sites: readonly CodeSite[]): Dispatch[] {
  const byTest = new Map<TSESTree.Node, CodeSite[]>();
  const bySwitch = new Map<TSESTree.SwitchStatement, CodeSite[]>();
  for (const site of sites) {
    if (site.kind === 'case') {
      const switchStatement = site.node.parent?.parent;
      if (switchStatement?.type === AST_NODE_TYPES.SwitchStatement) bySwitch.set(switchStatement, [...(bySwitch.get(switchStatement) ?? []), site]);
    } else if (site.test?.positive) {
      byTest.set(site.test.node, [...(byTest.get(site.test.node) ?? []), site]);
    }
  }
  const dispatches: Dispatch[] = [];
  for (const [switchStatement, caseSites] of bySwitch) dispatches.push(switchDispatch(switchStatement, caseSites));
  const sameCode = (a: CodeTest, b: CodeTest): boolean => a.binding.catalog === b.binding.catalog && codeKey(sourceCode, a.code) === codeKey(sourceCode, b.code);

  const codeTest = (test: TSESTree.Node): CodeTest | undefined => {
    const target = skipWrappers(test);
    const found = byTest.get(target) ?? byTest.get(test);
    if (found) {
      const values = found.map(siteValue);
      return {
        codes: new Set(values.filter((value): value is CodeValue => value !== undefined)),
        code: found[0]!.code,
        binding: found[0]!.binding,
        complete: values.every((value) => value !== undefined),
      };
    }
    if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator === '||') {
      const left = codeTest(target.left);
      const right = left && codeTest(target.right);
      if (!left || !right || !sameCode(left, right)) return undefined;
      return { codes: new Set([...left.codes, ...right.codes]), code: left.code, binding: left.binding, complete: left.complete && right.complete };
    }
    // `err && err.code === 209`, `e instanceof Parse.Error && e.code === 209`: a guard beside the test.
    if (target.type === AST_NODE_TYPES.LogicalExpression && target.operator === '&&') {
      if (isGuard(target.left)) return codeTest(target.right);
      if (isGuard(target.right)) return codeTest(target.left);
    }
    return undefined;
  };

  for (const [test] of byTest) {
    const ifStatement = enclosingIf(test);
    if (!ifStatement) continue;
    if (!isChainHead(ifStatement, codeTest) || dispatches.some((dispatch) => dispatch.node === ifStatement)) continue;
    const chain = ifChain(ifStatement, codeTest, sameCode) ?? earlyReturnChain(ifStatement, codeTest, sameCode);
    if (chain && !dispatches.some((dispatch) => dispatch.node === chain.node)) dispatches.push(chain);
  }
  dispatches.sort((a, b) => a.node.range[0] - b.node.range[0]);
  // Outer dispatches come first, so each one's own `enclosing` is set before its inner ones read it.
  const result: Dispatch[] = [];
  for (const dispatch of dispatches) {
    const sameCodeAs = (outer: Dispatch): boolean => outer.binding.catalog === dispatch.binding.catalog && codeKey(sourceCode, outer.code) === codeKey(sourceCode, dispatch.code);
    const outer = result.findLast((candidate) => contains(candidate.node, dispatch.node) && sameCodeAs(candidate));
    result.push({ ...dispatch, enclosing: outer && enclosingOf(outer, dispatch.node) });
  }
  return result;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer !== inner && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Which codes reach `inner` inside `outer`: a branch's codes (with those of `case`s that fall
 * into it), `rest` inside a fallback only unmatched codes reach, `undefined` where any code can
 * arrive (after a switch or chain whose branches may go on there).
 */
function enclosingOf(outer: Dispatch, inner: TSESTree.Node): Enclosing | undefined {
  // A `case` whose value is unknown could be the one that leads here.
  if (!outer.complete) return undefined;
  if (outer.node.type === AST_NODE_TYPES.SwitchStatement) {
    const cases = outer.node.cases;
    const index = cases.findIndex((switchCase) => contains(switchCase, inner));
    if (index === -1) return undefined;
    const codes = new Set<CodeValue>();
    for (let at = index; at >= 0; at -= 1) {
      const switchCase = cases[at]!;
      // A `default` (or a `case` the analysis could not read) reached along the way: any code may arrive.
      if (switchCase.test === null) return at === index && !fallsInto(cases, at) ? { dispatch: outer, codes: 'rest' } : undefined;
      const branch = outer.branches.find((candidate) => candidate.node === switchCase || candidate.body === switchCase.consequent);
      for (const code of branch?.codes ?? []) codes.add(code);
      if (!fallsInto(cases, at)) return { dispatch: outer, codes };
    }
    return { dispatch: outer, codes };
  }
  const branch = outer.branches.find((candidate) => candidate.body.some((node) => node === inner || contains(node, inner)));
  if (branch) return { dispatch: outer, codes: branch.codes };
  const fallback = outer.fallback;
  const inFallback = fallback?.body.some((node) => node === inner || contains(node, inner));
  // After an early-return run only unmatched codes arrive; after a chain without `else`, all of them.
  return inFallback && (fallback!.kind === 'else' || outer.kind === 'early-return') ? { dispatch: outer, codes: 'rest' } : undefined;
}

/** Whether the `case` before `cases[index]` runs on into it: it has statements and does not leave. */
function fallsInto(cases: readonly TSESTree.SwitchCase[], index: number): boolean {
  const previous = cases[index - 1];
  if (!previous) return false;
  const last = previous.consequent.at(-1);
  return last === undefined ? true : !leaves(last);
}

/**
 * Whether a chain starts at this `if`: it is not an `else if`, or every `if` above it only
 * checks the error (`if (!(e instanceof Parse.Error)) throw e; else if (e.code === …)`). Below a
 * code test it is a link of that chain; below an unrelated test, part of a chain that is no dispatch.
 */
function isChainHead(ifStatement: TSESTree.IfStatement, codeTest: (test: TSESTree.Node) => CodeTest | undefined): boolean {
  for (let current: TSESTree.Node = ifStatement; ; ) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.alternate !== current) return true;
    if (codeTest(parent.test) || !isGuard(parent.test)) return false;
    current = parent;
  }
}

/**
 * A condition that only checks the error is there or of a type: `err`, `err.response`,
 * `e instanceof Parse.Error`, `typeof e === 'object'`, `e != null`.
 */
function isGuard(node: TSESTree.Node): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) return true;
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') return isGuard(target.argument);
  if (target.type !== AST_NODE_TYPES.BinaryExpression) return false;
  if (target.operator === 'instanceof') return true;
  if (target.left.type === AST_NODE_TYPES.UnaryExpression && target.left.operator === 'typeof') return true;
  const isNullish = (side: TSESTree.Node): boolean =>
    (side.type === AST_NODE_TYPES.Literal && side.value === null) || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
  return (target.operator === '!=' || target.operator === '!==') && (isNullish(target.left) || isNullish(target.right));
}

/** The `if` whose whole test is `test` (possibly inside `||` groups, or beside a guard with `&&`). */
function enclosingIf(test: TSESTree.Node): TSESTree.IfStatement | undefined {
  let current: TSESTree.Node = test;
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression && (current.parent.operator === '||' || current.parent.operator === '&&')) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.IfStatement && current.parent.test === current ? current.parent : undefined;
}

/** The text of a code expression without wrappers and whitespace: `err.code`, `e?.code`, `(err as any).code` compare equal. */
function codeKey(sourceCode: SourceCode, node: TSESTree.Node): string {
  return sourceCode
    .getText(skipWrappers(node))
    .replaceAll(/\s|\?(?=\.)/g, '')
    .replace(/^\((.*)\)$/, '$1');
}

function switchDispatch(node: TSESTree.SwitchStatement, sites: readonly CodeSite[]): Dispatch {
  const bySwitchCase = new Map(sites.map((site) => [site.node.parent!, site]));
  const branches: Branch[] = [];
  let pending = new Set<CodeValue>();
  let first: TSESTree.Node | undefined;
  let complete = true;
  let fallback: Fallback | undefined;
  for (const switchCase of node.cases) {
    if (switchCase.test === null) {
      fallback = { kind: 'default', body: switchCase.consequent, node: switchCase, continuation: followingStatements(node) };
      // `case A: default: …` — the grouped codes share the fallback's statements.
      pending = new Set();
      first = undefined;
      continue;
    }
    const site = bySwitchCase.get(switchCase);
    const value = site ? siteValue(site) : undefined;
    if (value === undefined) complete = false;
    else pending.add(value);
    first ??= switchCase;
    if (switchCase.consequent.length === 0) continue;
    branches.push({ codes: pending, body: switchCase.consequent, node: first });
    pending = new Set();
    first = undefined;
  }
  if (pending.size > 0 && first) branches.push({ codes: pending, body: [], node: first });
  if (!fallback) {
    // Without `default`, the statements after the switch run for the other codes.
    const after = followingStatements(node);
    if (after.length > 0) fallback = { kind: 'after', body: after, node: after[0]!, continuation: [] };
  }
  return { kind: 'switch', node, binding: sites[0]!.binding, code: sites[0]!.code, branches, fallback, complete, enclosing: undefined };
}

/** `if (A) … else if (B) … [else …]`: every test a code test of the same code, at least two. */
function ifChain(
  head: TSESTree.IfStatement,
  codeTest: (test: TSESTree.Node) => CodeTest | undefined,
  sameCode: (a: CodeTest, b: CodeTest) => boolean,
): Dispatch | undefined {
  const branches: Branch[] = [];
  let first: CodeTest | undefined;
  let complete = true;
  let current: TSESTree.Statement | null = head;
  while (current?.type === AST_NODE_TYPES.IfStatement) {
    const test = codeTest(current.test);
    if (!test || (first && !sameCode(first, test))) return undefined;
    first ??= test;
    complete &&= test.complete;
    branches.push({ codes: test.codes, body: [current.consequent], node: current });
    current = current.alternate;
  }
  if (!first || branches.length < 2) return undefined;
  // Without `else`, the statements after the chain run for the other codes (and for the matched ones).
  const after = followingStatements(head);
  const fallback: Fallback | undefined = current
    ? { kind: 'else', body: [current], node: current, continuation: after }
    : after.length > 0
      ? { kind: 'after', body: after, node: after[0]!, continuation: [] }
      : undefined;
  return { kind: 'if-chain', node: head, binding: first.binding, code: first.code, branches, fallback, complete, enclosing: undefined };
}

/** The statements of the block, program or `case` that holds `statement`. */
function siblingsOf(statement: TSESTree.Statement): readonly TSESTree.Node[] | undefined {
  const container = statement.parent;
  if (container?.type === AST_NODE_TYPES.BlockStatement || container?.type === AST_NODE_TYPES.Program) return container.body;
  return container?.type === AST_NODE_TYPES.SwitchCase ? container.consequent : undefined;
}

/**
 * What runs when `statement` completes, as one list: the rest of its block and, out of `if`
 * branches, plain or labelled blocks and `case`s (which fall into the next), what follows
 * them; a `break` goes on after its switch or loop. The list ends at the first jump, and at a
 * function body, loop body, `try` block or `catch`: completing a `catch` is where an error is dropped.
 */
export function followingStatements(statement: TSESTree.Node): TSESTree.Node[] {
  const path: TSESTree.Node[] = [];
  let current: TSESTree.Node | undefined = statement;
  while (current) {
    const { rest, next } = restAfter(current);
    current = next;
    for (const following of rest) {
      if (following.type === AST_NODE_TYPES.BreakStatement) {
        current = following.label === null ? breakTarget(following) : undefined;
        break;
      }
      path.push(following);
      if (isJump(following)) return path;
    }
  }
  return path;
}

/** The statements after `node` in its container, and where to go on when they complete (`undefined`: nowhere to follow). */
function restAfter(node: TSESTree.Node): { rest: readonly TSESTree.Node[]; next: TSESTree.Node | undefined } {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return { rest: [], next: parent };
    case AST_NODE_TYPES.BlockStatement: {
      const owner = parent.parent;
      const climbs =
        owner?.type === AST_NODE_TYPES.IfStatement ||
        owner?.type === AST_NODE_TYPES.BlockStatement ||
        owner?.type === AST_NODE_TYPES.LabeledStatement ||
        owner?.type === AST_NODE_TYPES.SwitchCase;
      return { rest: parent.body.slice(parent.body.indexOf(node as TSESTree.Statement) + 1), next: climbs ? parent : undefined };
    }
    case AST_NODE_TYPES.SwitchCase: {
      // A case runs on into the cases below it, then out of the switch.
      const cases = parent.parent.cases;
      const later = cases.slice(cases.indexOf(parent) + 1).flatMap((switchCase) => switchCase.consequent);
      return { rest: [...parent.consequent.slice(parent.consequent.indexOf(node as TSESTree.Statement) + 1), ...later], next: parent.parent };
    }
    case AST_NODE_TYPES.Program:
      return { rest: parent.body.slice(parent.body.indexOf(node as TSESTree.ProgramStatement) + 1), next: undefined };
    default:
      return { rest: [], next: undefined };
  }
}

/** The switch or loop an unlabelled `break` leaves; `undefined` past a function. */
function breakTarget(node: TSESTree.BreakStatement): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return current;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return undefined;
      default:
        break;
    }
  }
  return undefined;
}

/**
 * `if (A) { …; return } if (B) { …; return } rest`: two or more sibling `if`s without `else`
 * over the same code, each leaving the block; the statements after them are the fallback.
 */
function earlyReturnChain(
  head: TSESTree.IfStatement,
  codeTest: (test: TSESTree.Node) => CodeTest | undefined,
  sameCode: (a: CodeTest, b: CodeTest) => boolean,
): Dispatch | undefined {
  const siblings = siblingsOf(head);
  if (!siblings) return undefined;
  const start = siblings.indexOf(head);
  if (start > 0) {
    // Not the head when the statement before it is a link of the same chain.
    const previous = siblings[start - 1]!;
    if (previous.type === AST_NODE_TYPES.IfStatement && !previous.alternate && leaves(previous.consequent) && codeTest(previous.test)) return undefined;
  }
  const branches: Branch[] = [];
  let first: CodeTest | undefined;
  let complete = true;
  let index = start;
  for (; index < siblings.length; index += 1) {
    const statement = siblings[index]!;
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !leaves(statement.consequent)) break;
    const test = codeTest(statement.test);
    if (!test || (first && !sameCode(first, test))) break;
    first ??= test;
    complete &&= test.complete;
    branches.push({ codes: test.codes, body: [statement.consequent], node: statement });
  }
  if (!first || branches.length < 2) return undefined;
  const rest = followingStatements(siblings[index - 1]!);
  if (rest.length === 0) return undefined;
  return {
    kind: 'early-return',
    node: head,
    binding: first.binding,
    code: first.code,
    branches,
    fallback: { kind: 'after', body: rest, node: rest[0]!, continuation: [] },
    complete,
    enclosing: undefined,
  };
}

/** Whether a statement (or its block's last statement) leaves: `return`, `throw`, `continue` or `break`. */
export function leaves(statement: TSESTree.Node): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return last !== undefined && isJump(last);
}

/** `return`, `throw`, `continue` or `break`. */
export function isJump(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.ThrowStatement ||
    node.type === AST_NODE_TYPES.ContinueStatement ||
    node.type === AST_NODE_TYPES.BreakStatement
  );
}
