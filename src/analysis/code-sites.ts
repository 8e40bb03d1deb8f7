import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../catalog/catalog.js';
import type { CodeKind, CodeValue } from '../catalog/types.js';
import { memberName, numericConversionOf, skipWrappers } from '../binding/accessors.js';
import { calleeIs, expectationOf } from '../binding/assertions.js';
import { argumentAt } from '../binding/ast.js';
import type { Binder, CodeBinding } from '../binding/binder.js';
import { literalValues } from '../binding/type-match.js';
import { identifierMatchesSpecifier } from './callees.js';

/**
 * Where a value meets a bound code:
 * - `comparison`: `err.code === 209` (either order, `==`, `!==`, `!=`);
 * - `case`: `switch (err.code) { case 209: }`;
 * - `membership`: `[100, 124].includes(err.code)`, `indexOf`, `new Set([…]).has(err.code)`;
 * - `constructor`: `new Parse.Error(141, …)`;
 * - `default`: `err.code || 141`, `err.code ?? 141`;
 * - `assignment`: `err.code = 141`;
 * - `key`: `const messages = { 209: … }` read as `messages[err.code]`;
 * - `assertion`: a test's expected value, `expect(err.code).toBe(209)`, `assert.equal(err.code, 209)`,
 *   `expect(err).toEqual({ code: 209 })` (names from `settings['error-codes'].assertions`).
 */
export type CodeSiteKind = 'comparison' | 'case' | 'membership' | 'constructor' | 'default' | 'assignment' | 'key' | 'assertion';

export interface CodeSite {
  readonly kind: CodeSiteKind;
  readonly binding: CodeBinding;
  /** The literal, or the constant reference, that stands for a code. */
  readonly node: TSESTree.Node;
  /** The literal's value; `undefined` when `node` is a constant reference. */
  readonly value: CodeValue | undefined;
  /**
   * For constant operands: the catalog the constant belongs to and its name (`Parse.Error.X`),
   * and for a property of a binding's own constants object (`CKErrorCode.zoneBusy`), its value.
   */
  readonly reference: { readonly catalog: Catalog; readonly name: string; readonly value?: CodeValue } | undefined;
  /**
   * The expression that reads the code (`err.code`, `code`, `e.getErrorCode()`); for an
   * assertion on an object or a property path (`expect(err).toEqual({ code: 209 })`), the error.
   */
  readonly code: TSESTree.Node;
  /**
   * For tests (`comparison`, `membership`): the whole test expression (`err.code === 209`,
   * `![100, 124].includes(err.code)`, `codes.indexOf(err.code) !== -1`), its operator, and
   * whether it is true when the code has this value (`===`, `includes`) or false (`!==`, `!…`).
   */
  readonly test: { readonly node: TSESTree.Expression; readonly operator: string; readonly positive: boolean } | undefined;
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

/**
 * A property of a binding's own constants object (settings `constants`), with type information:
 * `CKErrorCode.zoneBusy`, whose type is one literal value.
 */
function userConstantReference(binder: Binder, binding: CodeBinding, node: TSESTree.MemberExpression): CodeSite['reference'] {
  const specifier = binding.accessor.binding?.constants;
  const bc = binder.context;
  const name = memberName(node);
  const object = skipWrappers(node.object);
  if (specifier === undefined || !bc.program || name === undefined || object.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!identifierMatchesSpecifier(bc, object, specifier)) return undefined;
  const values = literalValues(bc.typeOf(node)!);
  return values?.length === 1 ? { catalog: binding.catalog, name, value: values[0]! } : undefined;
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

/**
 * The test a membership call makes: `list.includes(code)` (true when present), `!list.includes(code)`,
 * `list.indexOf(code) !== -1` / `> -1` / `>= 0` (present) and `=== -1` / `< 0` (absent).
 */
function membershipTest(call: TSESTree.CallExpression, method: string): CodeSite['test'] {
  const outer = call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  if (method === 'includes' || method === 'has') {
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return { node: parent, operator: `!${method}`, positive: false };
    return { node: outer, operator: method, positive: true };
  }
  const parent = outer.parent;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || parent.left !== outer) return undefined;
  const bound = literalCodeValue(parent.right);
  if (bound === -1 && (parent.operator === '!==' || parent.operator === '!=' || parent.operator === '>')) return { node: parent, operator: `${method} ${parent.operator} -1`, positive: true };
  if (bound === -1 && (parent.operator === '===' || parent.operator === '==')) return { node: parent, operator: `${method} ${parent.operator} -1`, positive: false };
  if (bound === 0 && parent.operator === '>=') return { node: parent, operator: `${method} >= 0`, positive: true };
  if (bound === 0 && parent.operator === '<') return { node: parent, operator: `${method} < 0`, positive: false };
  return undefined;
}
const MEMBERSHIP_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf', 'has']);

/** The name of a property written as `code`, `'code'` or `"code"`. */
function propertyKeyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/**
 * Every code site of a file, in source order, from the file's nodes in pre-order: syntax filters
 * first, the binder (and so the type checker) only for candidate nodes. Called once per file by
 * the shared analysis (`getFileAnalysis`).
 */
export function collectCodeSites(sourceCode: Readonly<TSESLint.SourceCode>, binder: Binder, nodes: readonly TSESTree.Node[]): CodeSite[] {
  const sites: CodeSite[] = [];
  const listeners = codeSiteListeners(sourceCode, binder, (site) => sites.push(site)) as Record<string, ((node: TSESTree.Node) => void) | undefined>;
  for (const node of nodes) listeners[node.type]?.(node);
  return sites;
}

function codeSiteListeners(sourceCode: Readonly<TSESLint.SourceCode>, binder: Binder, onSite: (site: CodeSite) => void): TSESLint.RuleListener {
  const seen = new Set<TSESTree.Node>();
  const { assertions } = binder.settings;
  const errorTypeNames = new Set(
    binder.settings.catalogs.flatMap((catalog) => [...(catalog.bindings.constructors ?? []), ...catalog.bindings.errorTypes.map((type) => type.name)].map((name) => name.slice(name.lastIndexOf('.') + 1))),
  );
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

  function emit(kind: CodeSiteKind, binding: CodeBinding, node: TSESTree.Node, code: TSESTree.Node, test?: CodeSite['test']): void {
    if (seen.has(node)) return;
    const value = literalCodeValue(node);
    let reference: CodeSite['reference'];
    if (value === undefined) {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return;
      reference = binder.constantReference(node) ?? userConstantReference(binder, binding, node);
      if (!reference) return;
    }
    seen.add(node);
    onSite({ kind, binding, node, value, reference, code, test });
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
    if (!binder.typed || !mayConstructError(callee)) return undefined;
    const kind = operandKind(node.arguments.slice(0, 1));
    const candidates = binder.settings.catalogs.filter((catalog) => catalog.bindings.constructors?.length && (kind === undefined || catalog.codeKind === kind));
    return candidates.length > 0 ? binder.errorCatalogOf(node, candidates) : undefined;
  }

  /**
   * Cheap filter before the typed constructor check: the callee is named like an error class
   * (`Error`, `ParseError`, `AppError`) or an SDK import; `new Parse.Query('Order')` is not.
   */
  /** `actual` asserted equal to `expected`: a code and a literal, or an error and an object literal. */
  function assertEqual(actual: TSESTree.Expression, expected: TSESTree.Expression): void {
    const target = skipWrappers(expected);
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      assertObject(actual, target, '');
      return;
    }
    if (!isOperandShape(target) || !mayBeCode(actual)) return;
    const binding = binder.bindCode(actual, operandKind([target]));
    if (binding) emit('assertion', binding, target, actual);
  }

  /** `expect(err).toEqual({ code: 209 })`, `{ error: { code: 'x' } }` for an accessor `error.code`. */
  function assertObject(subject: TSESTree.Expression, object: TSESTree.ObjectExpression, prefix: string): void {
    const target = skipWrappers(subject);
    if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyKeyName(property);
      if (name === undefined) continue;
      const value = skipWrappers(property.value);
      if (value.type === AST_NODE_TYPES.ObjectExpression) assertObject(subject, value, `${prefix}${name}.`);
      else assertProperty(subject, `${prefix}${name}`, value);
    }
  }

  /** A value asserted for a property path of a subject: `toHaveProperty('code', 209)`, an object literal's `code: 209`. */
  function assertProperty(subject: TSESTree.Expression, path: string, value: TSESTree.Node): void {
    if (!isOperandShape(value) || !binder.isAccessorName(path.slice(path.lastIndexOf('.') + 1))) return;
    const binding = binder.bindProperty(subject, path, value, operandKind([value]));
    if (binding) emit('assertion', binding, value, subject);
  }

  /** Test assertions: `expect(a).toBe(b)`, `expect(a).toHaveProperty('code', b)`, `assert.equal(a, b)`. */
  function assertionSites(node: TSESTree.CallExpression): void {
    const callee = skipWrappers(node.callee);
    const first = argumentAt(node, 0);
    if (!first) return;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const matcher = memberName(callee);
      const isMatcher = matcher !== undefined && assertions.matchers.has(matcher);
      const isPropertyMatcher = matcher !== undefined && assertions.propertyMatchers.has(matcher);
      const subject = isMatcher || isPropertyMatcher ? expectationOf(callee, assertions.expect)?.subject : undefined;
      if (subject && isMatcher) assertEqual(subject, first);
      const value = argumentAt(node, 1);
      if (subject && isPropertyMatcher && value) {
        const path = literalCodeValue(first);
        if (typeof path === 'string') assertProperty(subject, path, skipWrappers(value));
      }
    }
    const second = argumentAt(node, 1);
    if (second && assertions.functions.some((segments) => calleeIs(callee, segments))) {
      assertEqual(first, second);
      assertEqual(second, first);
    }
  }

  function mayConstructError(callee: TSESTree.Node): boolean {
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined) return false;
    if (/Error$/u.test(name) || errorTypeNames.has(name)) return true;
    return callee.type === AST_NODE_TYPES.Identifier && binder.resolveSdk(callee) !== undefined;
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
        if (binding) emit('comparison', binding, operand, code, { node, operator: node.operator, positive: node.operator === '===' || node.operator === '==' });
      }
    },
    SwitchStatement(node) {
      if (!node.cases.some((switchCase) => switchCase.test && isOperandShape(switchCase.test)) || !mayBeCode(node.discriminant)) return;
      const tests = node.cases.flatMap((switchCase) => (switchCase.test ? [switchCase.test] : []));
      const binding = binder.bindCode(node.discriminant, operandKind(tests));
      if (!binding) return;
      for (const switchCase of node.cases) if (switchCase.test) emit('case', binding, switchCase.test, node.discriminant);
    },
    CallExpression(node) {
      assertionSites(node);
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
      const test = membershipTest(node, method);
      for (const element of elements) emit('membership', binding, element, argument, test);
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
        node,
      );
    },
    LogicalExpression(node) {
      if ((node.operator !== '||' && node.operator !== '??') || literalCodeValue(node.right) === undefined || !mayBeCode(node.left)) return;
      const binding = binder.bindCode(node.left, operandKind([node.right]));
      if (binding) emit('default', binding, node.right, node.left);
    },
    AssignmentExpression(node) {
      if (node.operator !== '=' || literalCodeValue(node.right) === undefined || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
      const binding = binder.bindCode(node.left, operandKind([node.right]));
      if (binding) emit('assignment', binding, node.right, node.left);
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
      for (const key of keys) emit('key', binding, key, node.property);
    },
  };
}
