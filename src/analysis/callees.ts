/**
 * Which calls are loggers (and, later, retry helpers, sleepers, refreshers): lists of
 * typescript-eslint `TypeOrValueSpecifier`s. A plain name matches the callee's base name or any
 * object on its path (`console` in `console.error`, `logger` in `this.logger.warn`); a
 * `{ from, name, … }` specifier is matched by declaration with type information, by name without.
 */
import { type TypeOrValueSpecifier, typeOrValueSpecifiersSchema, valueMatchesSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import ts from 'typescript';

import { CatalogError, joinPointer } from '../catalog/catalog-error.js';
import type { ResolvedSettings } from '../settings.js';
import { memberName, skipWrappers } from '../binding/accessors.js';
import { type BindingContext, withoutCheckerFailure } from '../binding/context.js';
import { bindingSourceFile } from '../binding/type-match.js';

/** Loggers and error reporters that record an error without handling it. */
export const DEFAULT_LOGGERS: readonly TypeOrValueSpecifier[] = ['console', 'logger', 'log', 'Logger', 'winston', 'pino', 'bunyan', 'debug', 'Sentry'];

/** JSON schema for a list of specifiers, with a description. */
export function specifierListSchema(description: string): JSONSchema4 {
  return { ...typeOrValueSpecifiersSchema, description };
}

/** Schema of the `loggers` option every flow rule takes. */
export const LOGGERS_SCHEMA: JSONSchema4 = specifierListSchema(
  'Calls that only log or report an error (typescript-eslint `TypeOrValueSpecifier`s: names such as `console`, or `{ from, name, package }`).',
);

/** Schema of an option that lists codes as the catalog writes them: numbers (Parse, Drupal) or strings (CloudKit JS). */
export function codeListSchema(description: string): JSONSchema4 {
  return { type: 'array', description, items: { type: ['number', 'string'] }, uniqueItems: true };
}

/**
 * Schema of an option keyed by catalog id (`parse`, `cloudkit-js`, …; `*` for every catalog not
 * listed), each value a list of `items`: `itemErrors`, `mustHandle`.
 */
export function perCatalogSchema(items: JSONSchema4, description: string): JSONSchema4 {
  return { type: 'object', description, additionalProperties: { type: 'array', items, uniqueItems: true } };
}

/** Rejects a key of a per-catalog option that names no catalog of the settings (`*` stands for the rest). */
export function checkCatalogIds(rule: string, option: string, value: Readonly<Record<string, unknown>>, settings: ResolvedSettings): void {
  for (const id of Object.keys(value)) {
    if (id === '*' || settings.catalogById.has(id)) continue;
    const known = [...settings.catalogById.keys()].join(', ');
    throw new CatalogError(`options of error-codes/${rule}`, joinPointer(option, id), `unknown catalog "${id}" (known: ${known}, and "*" for every catalog not listed)`);
  }
}

export type CallMatcher = (call: TSESTree.CallExpression) => boolean;

/** The names along a callee: `this.logger.warn` → `['logger', 'warn']`, `log` → `['log']`; the base identifier if any. */
function calleePath(callee: TSESTree.Node): { names: string[]; base: TSESTree.Identifier | undefined } {
  const names: string[] = [];
  let current = skipWrappers(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name !== undefined) names.unshift(name);
    current = skipWrappers(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) {
    names.unshift(current.name);
    return { names, base: current };
  }
  return { names, base: undefined };
}

function specifierName(specifier: TypeOrValueSpecifier): readonly string[] {
  return typeof specifier === 'string' ? [specifier] : [specifier.name].flat();
}

/** Matches a callee as written (`console.error`, `this.logger.warn`, `log`) against the specifiers. */
export function createCalleeMatcher(bc: BindingContext, specifiers: readonly TypeOrValueSpecifier[]): (callee: TSESTree.Node) => boolean {
  return (callee) => {
    const { names, base } = calleePath(callee);
    if (names.length === 0) return false;
    // The object path, or the function itself when called bare: `console` of `console.error`, `log` of `log(e)`.
    const owners = names.length === 1 ? names : names.slice(0, -1);
    return specifiers.some((specifier) => {
      if (!specifierName(specifier).some((name) => owners.includes(name))) return false;
      if (typeof specifier === 'string' || !bc.program || !base || !owners.includes(base.name)) return true;
      return withoutCheckerFailure(
        () => valueDeclaredAs(bc, base, specifier),
        () => false,
      );
    });
  };
}

/**
 * Whether an identifier is the value a specifier names: by name, and with type information also
 * by where it is declared (`{ from: 'file', name: 'CKErrorCode', path: 'bridge.ts' }`).
 */
export function identifierMatchesSpecifier(bc: BindingContext, identifier: TSESTree.Identifier, specifier: TypeOrValueSpecifier): boolean {
  if (!specifierName(specifier).includes(identifier.name)) return false;
  if (typeof specifier === 'string' || !bc.program) return true;
  return withoutCheckerFailure(
    () => valueDeclaredAs(bc, identifier, specifier),
    () => false,
  );
}

export function createCallMatcher(bc: BindingContext, specifiers: readonly TypeOrValueSpecifier[]): CallMatcher {
  const matches = createCalleeMatcher(bc, specifiers);
  return (call) => matches(call.callee);
}

/**
 * Whether the value a name refers to is declared where a specifier says: in the package
 * (typescript-eslint's own test), in TypeScript's default library, or in the file (its `path`
 * read as bindings read it, from the tsconfig.json's folder; without a path, any file of the
 * project that is not a library's).
 */
function valueDeclaredAs(bc: BindingContext, base: TSESTree.Identifier, specifier: Exclude<TypeOrValueSpecifier, string>): boolean {
  const program = bc.program!;
  if (specifier.from === 'package') return valueMatchesSpecifier(base, specifier, program, bc.typeOf(base)!);
  const checker = bc.checker!;
  let symbol = checker.getSymbolAtLocation(bc.services!.esTreeNodeToTSNodeMap.get(base));
  if (symbol && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  const files = (symbol?.getDeclarations() ?? []).map((declaration) => declaration.getSourceFile());
  if (specifier.from === 'lib') return files.some((file) => program.isSourceFileDefaultLibrary(file));
  if (specifier.path === undefined) return files.some((file) => !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file));
  const named = bindingSourceFile(specifier.path, program);
  return named !== undefined && files.includes(named);
}
