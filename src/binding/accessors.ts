import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../catalog/catalog.js';
import type { BindingSetting, ResolvedSettings } from '../settings.js';

export interface AccessorSegment {
  readonly name: string;
  /** `getErrorCode()`: the segment is a method call without arguments. */
  readonly call: boolean;
}

/** One way of reading a code of a catalog: `code`, `error.code`, `getErrorCode()`. */
export interface AccessorRef {
  readonly catalog: Catalog;
  readonly path: string;
  readonly segments: readonly AccessorSegment[];
  /** Only codes of this group are read through the accessor (CloudKit JS `serverErrorCode`). */
  readonly group: string | undefined;
  /** Set when the accessor comes from a user binding rather than from the catalog. */
  readonly binding: BindingSetting | undefined;
}

export interface AccessorMatch {
  readonly accessor: AccessorRef;
  /** The value the code is read from: `err` in `err.code`, `body` in `body.error.code`. */
  readonly subject: TSESTree.Expression;
}

export function parseAccessorPath(path: string): AccessorSegment[] {
  return path.split('.').map((part) => (part.endsWith('()') ? { name: part.slice(0, -2), call: true } : { name: part, call: false }));
}

/** Accessors of every catalog and user binding, keyed by their last segment's name. */
export type AccessorIndex = ReadonlyMap<string, readonly AccessorRef[]>;

const indexes = new WeakMap<ResolvedSettings, AccessorIndex>();

export function accessorIndex(settings: ResolvedSettings): AccessorIndex {
  let index = indexes.get(settings);
  if (index) return index;
  const map = new Map<string, AccessorRef[]>();
  const add = (ref: AccessorRef): void => {
    const last = ref.segments.at(-1)!.name;
    map.set(last, [...(map.get(last) ?? []), ref]);
  };
  for (const catalog of settings.catalogs) {
    for (const accessor of catalog.bindings.accessors) {
      add({ catalog, path: accessor.path, segments: parseAccessorPath(accessor.path), group: accessor.group, binding: undefined });
    }
  }
  for (const binding of settings.bindings) {
    const catalog = settings.catalogById.get(binding.catalog)!;
    add({ catalog, path: binding.accessor, segments: parseAccessorPath(binding.accessor), group: undefined, binding });
  }
  index = map;
  indexes.set(settings, index);
  return index;
}

/** Strips `!`, `as T`, `<T>x`, `satisfies T` and optional chains around an expression. */
export function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let inner = wrapped(current); inner; inner = wrapped(current)) current = inner;
  return current;
}

/** The expression a wrapper (`x!`, `x as T`, `<T>x`, `x satisfies T`, an optional chain) holds; `undefined` for any other node. */
export function wrapped(node: TSESTree.Node): TSESTree.Node | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return node.expression;
    default:
      return undefined;
  }
}

/**
 * The code inside a conversion that keeps its value: `parseInt(e.code, 10)`, `Number(e.code)`,
 * `+e.code`, `e.code ? parseInt(e.code, 10) : null`.
 */
export function numericConversionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && (node.callee.name === 'parseInt' || node.callee.name === 'Number')) {
    const [argument] = node.arguments;
    return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '+') return node.argument;
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    if (isNullish(node.alternate)) return node.consequent;
    if (isNullish(node.consequent)) return node.alternate;
  }
  return undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

/** The static name of a member access: `a.b`, `a?.b`, `a['b']`. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/**
 * The accessors an expression syntactically reads a code through, each with its subject.
 * No type information is used: this is the cheap filter before any checker call.
 */
export function matchAccessors(index: AccessorIndex, expression: TSESTree.Node): AccessorMatch[] {
  const node = skipWrappers(expression);
  const last = lastSegmentName(node);
  if (last === undefined) return [];
  const candidates = index.get(last);
  if (!candidates) return [];
  const matches: AccessorMatch[] = [];
  for (const accessor of candidates) {
    const subject = subjectOf(node, accessor.segments);
    if (subject) matches.push({ accessor, subject });
  }
  return matches;
}

function lastSegmentName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 0) {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  }
  return undefined;
}

function subjectOf(node: TSESTree.Node, segments: readonly AccessorSegment[]): TSESTree.Expression | undefined {
  let current: TSESTree.Node = node;
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index]!;
    current = skipWrappers(current);
    if (segment.call) {
      if (current.type !== AST_NODE_TYPES.CallExpression || current.arguments.length > 0) return undefined;
      current = skipWrappers(current.callee);
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression || memberName(current) !== segment.name) return undefined;
    current = current.object;
  }
  return current as TSESTree.Expression;
}
