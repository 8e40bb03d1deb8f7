import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../catalog/catalog.js';
import type { CodeKind, CodeValue } from '../catalog/types.js';
import { memberName, numericConversionOf, skipWrappers } from '../binding/accessors.js';
import type { Binder, CodeBinding } from '../binding/binder.js';

/**
 * Where a value meets a bound code:
 * - `comparison`: `err.code === 209` (either order, `==`, `!==`, `!=`);
 * - `case`: `switch (err.code) { case 209: }`;
 * - `membership`: `[100, 124].includes(err.code)`, `indexOf`, `new Set([…]).has(err.code)`;
 * - `constructor`: `new Parse.Error(141, …)`;
 * - `default`: `err.code || 141`, `err.code ?? 141`;
 * - `assignment`: `err.code = 141`;
 * - `key`: `const messages = { 209: … }` read as `messages[err.code]`.
 */
export type CodeSiteKind = 'comparison' | 'case' | 'membership' | 'constructor' | 'default' | 'assignment' | 'key';

export interface CodeSite {
  readonly kind: CodeSiteKind;
  readonly binding: CodeBinding;
  /** The literal, or the constant reference, that stands for a code. */
  readonly node: TSESTree.Node;
  /** The literal's value; `undefined` when `node` is a constant reference. */
  readonly value: CodeValue | undefined;
  /** For `Parse.Error.X`-style operands: the catalog the constant belongs to and its name. */
  readonly reference: { readonly catalog: Catalog; readonly name: string } | undefined;
}

/** The value of a code literal: a number, `-1`, a string or a template without expressions. */
export function literalCodeValue(node: TSESTree.Node): CodeValue | undefined {
  if (node.type === AST_NODE_TYPES.Literal) {
    return typeof node.value === 'number' || typeof node.value === 'string' ? node.value : undefined;
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-' && node.argument.type === AST_NODE_TYPES.Literal) {
    return typeof node.argument.value === 'number' ? -node.argument.value : undefined;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The code kind a set of operands asks for: `number` for `209`, `string` for `'THROTTLED'`; mixed or constants: any. */
function operandKind(operands: readonly TSESTree.Node[]): CodeKind | undefined {
  let kind: CodeKind | undefined;
  for (const operand of operands) {
    const value = literalCodeValue(operand);
    if (value === undefined) return undefined;
    const own = typeof value === 'number' ? 'number' : 'string';
    if (kind !== undefined && kind !== own) return undefined;
    kind = own;
  }
  return kind;
}

/** Cheap syntactic test: could this node be a code operand (literal or `A.B.C` constant)? */
function isOperandShape(node: TSESTree.Node): boolean {
  return literalCodeValue(node) !== undefined || node.type === AST_NODE_TYPES.MemberExpression;
}

/** Cheap syntactic test: could this node read a code (`x.code`, `x.getErrorCode()`, a variable)? */
function isCodeShape(node: TSESTree.Node): boolean {
  const target = skipWrappers(node);
  const converted = numericConversionOf(target);
  if (converted) return isCodeShape(converted);
  return (
    target.type === AST_NODE_TYPES.MemberExpression ||
    target.type === AST_NODE_TYPES.Identifier ||
    (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 0)
  );
}

const COMPARISONS = new Set(['===', '==', '!==', '!=']);
const MEMBERSHIP_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf', 'has']);

/**
 * Listeners that find every code site in a file and hand each to `onSite` once. All rules use
 * these: syntax filters first, the binder (and so the type checker) only for candidate nodes.
 */
export function codeSiteListeners(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, binder: Binder, onSite: (site: CodeSite) => void): TSESLint.RuleListener {
  const { sourceCode } = context;
  const seen = new Set<TSESTree.Node>();
  /**
   * Names of `const`s that may hold a code (`const code = err.code`, `const { code } = err`),
   * recorded as declarations are traversed: a bare identifier is looked up in scope only when
   * its name is here, so `i === 0` never costs a scope analysis or a checker call.
   */
  const codeNames = new Set<string>();

  function mayBeCode(node: TSESTree.Node): boolean {
    const target = skipWrappers(node);
    if (!isCodeShape(target)) return false;
    return target.type !== AST_NODE_TYPES.Identifier || codeNames.has(target.name);
  }

  function emit(kind: CodeSiteKind, binding: CodeBinding, node: TSESTree.Node): void {
    if (seen.has(node)) return;
    const value = literalCodeValue(node);
    let reference: CodeSite['reference'];
    if (value === undefined) {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return;
      reference = binder.constantReference(node);
      if (!reference) return;
    }
    seen.add(node);
    onSite({ kind, binding, node, value, reference });
  }

  /** Elements of `[…]`, `new Set([…])`, or of a `const` initialised with one. */
  function arrayElements(node: TSESTree.Node): TSESTree.Node[] | undefined {
    let target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init) return undefined;
      target = skipWrappers(def.node.init);
    }
    if (
      target.type === AST_NODE_TYPES.NewExpression &&
      target.callee.type === AST_NODE_TYPES.Identifier &&
      target.callee.name === 'Set' &&
      target.arguments[0]
    ) {
      target = skipWrappers(target.arguments[0]);
    }
    if (target.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    return target.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
  }

  /** The catalog whose constructor a `new` expression calls (`new Parse.Error(…)`, `new DrupalError(…)`). */
  function constructorCatalog(node: TSESTree.NewExpression): Catalog | undefined {
    const callee = skipWrappers(node.callee);
    let base: TSESTree.Node = callee;
    while (base.type === AST_NODE_TYPES.MemberExpression) base = skipWrappers(base.object);
    if (base.type === AST_NODE_TYPES.Identifier) {
      const sdk = binder.resolveSdk(base);
      if (sdk?.catalog.bindings.constructors?.length) {
        const rest = sourceCode.getText(callee).slice(base.name.length).replaceAll(/\s/g, '');
        const fits = sdk.catalog.bindings.constructors.some((name) => {
          const dot = name.indexOf('.');
          return dot === -1 ? rest === '' && (sdk.kind !== 'named' || sdk.imported === name) : name.slice(dot) === rest;
        });
        if (fits) return sdk.catalog;
      }
    }
    if (!binder.typed) return undefined;
    return binder.settings.catalogs.find((catalog) => catalog.bindings.constructors?.length && binder.isCatalogError(node, catalog));
  }

  return {
    VariableDeclarator(node) {
      if (!node.init || node.parent.kind !== 'const') return;
      if (node.id.type === AST_NODE_TYPES.Identifier) {
        if (binder.hasAccessorShape(node.init) || (node.init.type === AST_NODE_TYPES.Identifier && codeNames.has(node.init.name))) codeNames.add(node.id.name);
      } else if (node.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of node.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            property.value.type === AST_NODE_TYPES.Identifier &&
            !property.computed &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            binder.isAccessorName(property.key.name)
          ) {
            codeNames.add(property.value.name);
          }
        }
      }
    },
    BinaryExpression(node) {
      if (!COMPARISONS.has(node.operator)) return;
      for (const [code, operand] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        if (!isOperandShape(operand) || !mayBeCode(code)) continue;
        const binding = binder.bindCode(code, operandKind([operand]));
        if (binding) emit('comparison', binding, operand);
      }
    },
    SwitchStatement(node) {
      if (!node.cases.some((switchCase) => switchCase.test && isOperandShape(switchCase.test)) || !mayBeCode(node.discriminant)) return;
      const tests = node.cases.flatMap((switchCase) => (switchCase.test ? [switchCase.test] : []));
      const binding = binder.bindCode(node.discriminant, operandKind(tests));
      if (!binding) return;
      for (const switchCase of node.cases) if (switchCase.test) emit('case', binding, switchCase.test);
    },
    CallExpression(node) {
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return;
      const method = memberName(callee);
      if (method === undefined || !MEMBERSHIP_METHODS.has(method)) return;
      const argument = node.arguments[0]!;
      if (argument.type === AST_NODE_TYPES.SpreadElement || !mayBeCode(argument)) return;
      const elements = arrayElements(callee.object);
      if (!elements?.some(isOperandShape)) return;
      const binding = binder.bindCode(argument, operandKind(elements));
      if (!binding) return;
      for (const element of elements) emit('membership', binding, element);
    },
    NewExpression(node) {
      const first = node.arguments[0];
      if (!first || literalCodeValue(first) === undefined) return;
      const catalog = constructorCatalog(node);
      if (!catalog) return;
      const accessor = catalog.bindings.accessors.find((candidate) => candidate.group === undefined) ?? catalog.bindings.accessors[0]!;
      emit(
        'constructor',
        {
          catalog,
          accessor: { catalog, path: accessor.path, segments: [], group: undefined, binding: undefined },
          subject: node,
          via: binder.typed ? 'type' : 'syntax',
        },
        first,
      );
    },
    LogicalExpression(node) {
      if ((node.operator !== '||' && node.operator !== '??') || literalCodeValue(node.right) === undefined || !mayBeCode(node.left)) return;
      const binding = binder.bindCode(node.left, operandKind([node.right]));
      if (binding) emit('default', binding, node.right);
    },
    AssignmentExpression(node) {
      if (node.operator !== '=' || literalCodeValue(node.right) === undefined || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
      const binding = binder.bindCode(node.left, operandKind([node.right]));
      if (binding) emit('assignment', binding, node.right);
    },
    MemberExpression(node) {
      if (!node.computed || node.object.type !== AST_NODE_TYPES.Identifier || !mayBeCode(node.property)) return;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node.object), node.object);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== TSESLint.Scope.DefinitionType.Variable || !def.node.init || def.node.init.type !== AST_NODE_TYPES.ObjectExpression) return;
      const keys = def.node.init.properties.flatMap((property) =>
        property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Literal ? [property.key] : [],
      );
      if (keys.length === 0) return;
      const binding = binder.bindCode(node.property, operandKind(keys));
      if (!binding) return;
      for (const key of keys) emit('key', binding, key);
    },
  };
}
