/** Small AST and scope helpers shared by the binding and the analysis: one helper per idea. */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipWrappers } from './accessors.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A function with a body: declaration, expression or arrow. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** The only declarator of a variable (`const x = …`, `let { a } = …`), with its declaration kind. */
export function declaratorOf(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): { declarator: TSESTree.VariableDeclarator; kind: TSESTree.VariableDeclaration['kind']; name: TSESTree.Identifier } | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
  return { declarator: def.node, kind: def.parent.kind, name: def.name };
}

/** The initialiser of `const x = init` (a plain identifier binding, not a pattern). */
export function constInitOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const found = declaratorOf(sourceCode, identifier);
  if (found?.kind !== 'const' || found.declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return found.declarator.init ?? undefined;
}

/** `x` in `a.x` and `{ x: 1 }`: a name, not a reference. */
export function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && parent.value !== node)
  );
}

/** `Parse` in `Parse.Error.X`. */
export function baseIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/**
 * Pre-order walk over a subtree with the parser's visitor keys. `visit` returning `false` skips
 * the node's children.
 */
export function walk(sourceCode: SourceCode, node: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  if (visit(node) === false) return;
  for (const key of sourceCode.visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === 'object' && 'type' in item) walk(sourceCode, item as TSESTree.Node, visit);
    } else if (child && typeof child === 'object' && 'type' in child) {
      walk(sourceCode, child as TSESTree.Node, visit);
    }
  }
}

/** A step of ESLint's traversal (`SourceCode#traverse`, ESLint ≥ 9.7): kind 1 visits a node, phase 1 on entering it. */
interface TraversalStep {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
}

/**
 * Every node of the file in pre-order (source order). ESLint keeps the steps of the traversal it
 * runs the rules with (`SourceCode#traverse()` returns them, computed once per file), so the list is
 * read from them instead of walking the tree again; older ESLint 9 releases get the walk.
 */
export function fileNodes(sourceCode: SourceCode): TSESTree.Node[] {
  const { traverse } = sourceCode as unknown as { traverse?: () => Iterable<TraversalStep> };
  if (typeof traverse !== 'function') return preorder(sourceCode, sourceCode.ast);
  const nodes: TSESTree.Node[] = [];
  for (const step of traverse.call(sourceCode)) if (step.kind === 1 && step.phase === 1) nodes.push(step.target as TSESTree.Node);
  return nodes;
}

/** Every node of a subtree in pre-order (source order): one walk, for analyses that each look at the whole file. */
export function preorder(sourceCode: SourceCode, root: TSESTree.Node): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  walk(sourceCode, root, (node) => {
    nodes.push(node);
  });
  return nodes;
}

/** Whether `node` is a function (declaration, expression or arrow). */
export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The name a function is known by in the file: `function f`, `const f = () => …`. */
export function functionName(node: FunctionNode): TSESTree.Identifier | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node.id ?? undefined;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && parent.init === node ? parent.id : undefined;
}

/** The function a `const f = …` / `function f` identifier names, when it is declared in the file. */
export function functionOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): FunctionNode | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === TSESLint.Scope.DefinitionType.FunctionName) return def.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent.kind !== 'const') return undefined;
  const init = def.node.init ? skipWrappers(def.node.init) : undefined;
  return init && isFunction(init) ? init : undefined;
}

/** A call's argument at `index`, unless it is missing or a spread. */
export function argumentAt(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Expression | undefined {
  const argument = call.arguments[index];
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
}

/**
 * What a function's own promise settles with, or a callback hands back: the values it awaits or
 * yields (and each `for await` iterable), returns (an arrow's expression body included) or
 * throws; not those of functions nested in it.
 */
export function settledBy(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const settled: TSESTree.Node[] = [];
  walk(sourceCode, fn.body, (node) => {
    if (isFunction(node)) return false;
    if (
      (node.type === AST_NODE_TYPES.AwaitExpression ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        node.type === AST_NODE_TYPES.ReturnStatement ||
        node.type === AST_NODE_TYPES.ThrowStatement) &&
      node.argument
    ) {
      settled.push(node.argument);
      return false;
    }
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) settled.push(node.right);
    return undefined;
  });
  return settled;
}

/** The executor of `new Promise((resolve, reject) => …)`: whatever it starts may settle the promise. */
export function isPromiseExecutor(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}
