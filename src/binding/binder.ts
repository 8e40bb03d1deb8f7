import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog, CodeEntry } from '../catalog/catalog.js';
import type { CodeKind, CodeValue } from '../catalog/types.js';
import type { ResolvedSettings } from '../settings.js';
import { type AccessorMatch, type AccessorRef, accessorIndex, matchAccessors, numericConversionOf, skipWrappers } from './accessors.js';
import { declaratorOf } from './ast.js';
import { constantReference, type ConstantText, constantText } from './constant-text.js';
import { type BindingContext, createBindingContext, type RuleContext, withoutCheckerFailure } from './context.js';
import { type BindingVia, createEvidence, type Evidence } from './evidence.js';
import type { SdkName } from './sdk-names.js';
import { constituents, isAnyOrUnknown, literalValues, typeIsCatalogError, typeMatchesBinding } from './type-match.js';

export type { BindingVia } from './evidence.js';
export type { ConstantText } from './constant-text.js';

export interface CodeBinding {
  readonly catalog: Catalog;
  readonly accessor: AccessorRef;
  /** The error (or body) expression the code is read from. */
  readonly subject: TSESTree.Expression;
  readonly via: BindingVia;
}

export interface Binder {
  readonly settings: ResolvedSettings;
  /** Whether the file has type information. */
  readonly typed: boolean;
  /** The file's binding context (source, program, SDK names). */
  readonly context: BindingContext;
  /** Untyped evidence, shared with the handler analysis. */
  readonly evidence: Evidence;
  /**
   * The catalog a code expression (`err.code`, `e.getErrorCode()`, `body.error.code`, a `const`
   * holding one) belongs to. With `kind`, only catalogs of that code kind are considered: a
   * string compared with `user.status` never asks the checker about the HTTP catalog.
   */
  bindCode(node: TSESTree.Node, kind?: CodeKind): CodeBinding | undefined;
  /**
   * The catalog whose code a subject holds at a property path, for values written as objects or
   * paths rather than read: `expect(err).toEqual({ code: 209 })`, `toHaveProperty('code', 209)`.
   * `value` is the literal or constant written for the code.
   */
  bindProperty(subject: TSESTree.Expression, path: string, value: TSESTree.Node, kind?: CodeKind): CodeBinding | undefined;
  /** The catalog entry for a value read through a binding's accessor (`undefined` for unknown values). */
  entryFor(binding: CodeBinding, value: CodeValue): CodeEntry | undefined;
  /** Syntax only: whether an expression reads a code through some catalog's accessor (`x.code`, `parseInt(x.code)`). */
  hasAccessorShape(node: TSESTree.Node): boolean;
  /** Syntax only: whether a property name is the last segment of some accessor (`code`, `status`, `error`). */
  isAccessorName(name: string): boolean;
  /** The SDK a reference (`Parse`, `DrupalError`, `CloudKit`) resolves to, with shadowing checked. */
  resolveSdk(identifier: TSESTree.Identifier): SdkName | undefined;
  /** How to write `entry` as a constant at `at`. */
  constantText(binding: CodeBinding, entry: CodeEntry, at: TSESTree.Node): ConstantText;
  /** Typed mode: whether the node's type is (or contains) the catalog's error type. */
  isCatalogError(node: TSESTree.Node, catalog: Catalog): boolean;
  /** Typed mode: the first of `catalogs` whose error type the node's type is (one type query). */
  errorCatalogOf(node: TSESTree.Node, catalogs: readonly Catalog[]): Catalog | undefined;
  /** The catalog whose constant a member expression such as `Parse.Error.X` names, and the name X. */
  constantReference(node: TSESTree.MemberExpression): { catalog: Catalog; name: string } | undefined;
}

/** A binder for a rule's file (tests and tools); rules get the shared one from `getFileAnalysis`. */
export function createBinder(context: RuleContext): Binder {
  return createFileBinder(createBindingContext(context));
}

/**
 * Creates the per-file binder. Everything it memoises lives in the returned object, so nothing
 * outlives the file; only the immutable catalogs and settings are shared.
 */
export function createFileBinder(bc: BindingContext): Binder {
  const { settings, typed, sourceCode, program, checker, counts } = bc;
  const index = accessorIndex(settings);
  const evidence = createEvidence(bc);
  const bindings = {
    number: new Map<TSESTree.Node, CodeBinding | undefined>(),
    string: new Map<TSESTree.Node, CodeBinding | undefined>(),
    any: new Map<TSESTree.Node, CodeBinding | undefined>(),
  };

  function bindCode(node: TSESTree.Node, kind?: CodeKind): CodeBinding | undefined {
    if (counts) counts.candidates += 1;
    const target = skipWrappers(node);
    const memo = bindings[kind ?? 'any'];
    if (memo.has(target)) return memo.get(target);
    memo.set(target, undefined);
    const unwrapped = numericConversionOf(target);
    const result = unwrapped
      ? bindCode(unwrapped, kind)
      : target.type === AST_NODE_TYPES.Identifier
        ? bindVariable(target, kind)
        : bindAccessor(
            matchAccessors(index, target).filter((match) => kind === undefined || match.accessor.catalog.codeKind === kind),
            target,
            kind,
          );
    memo.set(target, result);
    return result;
  }

  /** `const code = err.code` and `const { code } = err`, then `code === 209`. */
  function bindVariable(identifier: TSESTree.Identifier, kind: CodeKind | undefined): CodeBinding | undefined {
    const found = declaratorOf(sourceCode, identifier);
    if (found?.kind !== 'const' || !found.declarator.init) return undefined;
    const { declarator } = found;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return bindCode(declarator.init!, kind);
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    const property = declarator.id.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === found.name,
    );
    const key = property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (key === undefined) return undefined;
    const matches = (index.get(key) ?? [])
      .filter((accessor) => accessor.segments.length === 1 && !accessor.segments[0]!.call && (kind === undefined || accessor.catalog.codeKind === kind))
      .map((accessor) => ({ accessor, subject: declarator.init! }));
    return bindAccessor(matches, identifier, kind);
  }

  function bindAccessor(matches: readonly AccessorMatch[], codeNode: TSESTree.Node, kind: CodeKind | undefined): CodeBinding | undefined {
    if (matches.length === 0) return undefined;
    if (typed) {
      const subjectType = bc.typeOf(matches[0]!.subject)!;
      const found = new Map<Catalog, CodeBinding>();
      for (const match of matches) {
        const type = match.subject === matches[0]!.subject ? subjectType : bc.typeOf(match.subject)!;
        if (match.accessor.binding) {
          if (
            withoutCheckerFailure(
              () => typeMatchesBinding(type, match.accessor.binding!.type, program!),
              () => false,
            )
          ) {
            found.set(match.accessor.catalog, { ...match, catalog: match.accessor.catalog, via: 'setting' });
          }
        } else if (
          !found.has(match.accessor.catalog) &&
          withoutCheckerFailure(
            () => typeIsCatalogError(type, match.accessor.catalog, checker!),
            () => false,
          )
        ) {
          found.set(match.accessor.catalog, { ...match, catalog: match.accessor.catalog, via: 'type' });
        }
      }
      if (found.size > 0) return found.size === 1 ? [...found.values()][0] : undefined;
      // Only string literal unions bind by themselves: a number operand never asks.
      if (kind !== 'number') {
        const byLiterals = bindByLiteralUnion(matches, codeNode);
        if (byLiterals) return byLiterals;
      }
      if (!constituents(subjectType).every(isAnyOrUnknown)) return undefined;
    }
    return bindByEvidence(matches);
  }

  /** A code whose own type is a union of string literals that all belong to one catalog. */
  function bindByLiteralUnion(matches: readonly AccessorMatch[], codeNode: TSESTree.Node): CodeBinding | undefined {
    if (!matches.some((match) => match.accessor.catalog.codeKind === 'string')) return undefined;
    const values = literalValues(bc.typeOf(codeNode)!);
    if (!values || values.length < 2 || values.some((value) => typeof value !== 'string')) return undefined;
    const fitting = matches.filter((match) => values.every((value) => match.accessor.catalog.byValue(value)));
    const catalogs = new Set(fitting.map((match) => match.accessor.catalog));
    return catalogs.size === 1 ? { ...fitting[0]!, catalog: fitting[0]!.accessor.catalog, via: 'type' } : undefined;
  }

  /** Inference for untyped values: what the guarded code calls, `instanceof` tests, API URLs. */
  function bindByEvidence(matches: readonly AccessorMatch[]): CodeBinding | undefined {
    const found = new Map<Catalog, CodeBinding>();
    for (const match of matches) {
      const { catalog } = match.accessor;
      if (match.accessor.binding || found.has(catalog)) continue;
      const via = evidence.evidenceFor(match.subject, catalog);
      if (via) found.set(catalog, { ...match, catalog, via });
    }
    return found.size === 1 ? [...found.values()][0] : undefined;
  }

  function bindProperty(subject: TSESTree.Expression, path: string, value: TSESTree.Node, kind: CodeKind | undefined): CodeBinding | undefined {
    if (counts) counts.candidates += 1;
    const last = path.slice(path.lastIndexOf('.') + 1);
    const matches = (index.get(last) ?? [])
      .filter((accessor) => accessor.path === path && (kind === undefined || accessor.catalog.codeKind === kind))
      .map((accessor) => ({ accessor, subject }));
    return bindAccessor(matches, value, kind);
  }

  function entryFor(binding: CodeBinding, value: CodeValue): CodeEntry | undefined {
    const entry = binding.catalog.byValue(value);
    if (!entry || binding.accessor.group === undefined) return entry;
    return entry.groups.includes(binding.accessor.group) ? entry : undefined;
  }

  function isCatalogError(node: TSESTree.Node, catalog: Catalog): boolean {
    return (
      typed &&
      withoutCheckerFailure(
        () => typeIsCatalogError(bc.typeOf(node)!, catalog, checker!),
        () => false,
      )
    );
  }

  function errorCatalogOf(node: TSESTree.Node, catalogs: readonly Catalog[]): Catalog | undefined {
    if (!typed) return undefined;
    const type = bc.typeOf(node)!;
    return catalogs.find((catalog) =>
      withoutCheckerFailure(
        () => typeIsCatalogError(type, catalog, checker!),
        () => false,
      ),
    );
  }

  function hasAccessorShape(node: TSESTree.Node): boolean {
    let target = skipWrappers(node);
    for (let converted = numericConversionOf(target); converted; converted = numericConversionOf(target)) target = skipWrappers(converted);
    return matchAccessors(index, target).length > 0;
  }

  return {
    settings,
    typed,
    context: bc,
    evidence,
    bindCode,
    bindProperty,
    entryFor,
    hasAccessorShape,
    isAccessorName: (name) => index.has(name),
    resolveSdk: (identifier) => bc.resolveSdk(identifier),
    constantText: (binding, entry, at) => constantText(bc, binding, entry, at),
    isCatalogError,
    errorCatalogOf,
    constantReference: (node) => constantReference(bc, node),
  };
}
