import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../catalog/catalog.js';
import { specifierMatches } from './packages.js';
import { type ModuleExport, type ModuleExports, WHOLE_MODULE } from './reexports.js';

export type SdkNameKind = 'default' | 'named' | 'namespace' | 'require' | 'global';

/** A name through which a file reaches a catalog's SDK: an import, a require, or a global. */
export interface SdkName {
  readonly catalog: Catalog;
  readonly kind: SdkNameKind;
  /** The module specifier, for imports and requires. */
  readonly module: string | undefined;
  /** For named imports and destructured requires: the exported name. */
  readonly imported: string | undefined;
  /** For a name imported from a project module that hands the SDK on: that module's specifier (`./common-imports`). */
  readonly through?: string;
}

/** What a relative import's module exports (`./common-imports`), when it can be read. */
export type ModuleExportsReader = (specifier: string) => ModuleExports | undefined;

/**
 * Names by which an SDK is commonly handed on (`Parse`, `ParseError`, `DrupalError`, `CloudKit`):
 * only imports of these names from a project's own modules are followed, so that linting a file
 * reads no module it does not need.
 */
function handedOnNames(catalogs: readonly Catalog[]): Set<string> {
  const names = new Set<string>();
  for (const catalog of catalogs) {
    const { constants, globals = [], constructors = [], errorTypes } = catalog.bindings;
    if (constants) names.add(constants.import.name);
    for (const name of [...globals, ...constructors, ...errorTypes.map((type) => type.name)]) names.add(name.slice(0, name.includes('.') ? name.indexOf('.') : undefined));
  }
  return names;
}

/**
 * Top-level imports, `import x = require()`, `require()` declarations and used globals that
 * belong to a catalog's modules or globals. One pass over the program's top-level statements,
 * plus the global scope's unresolved references.
 */
export function collectSdkNames(sourceCode: Readonly<TSESLint.SourceCode>, catalogs: readonly Catalog[], moduleExports?: ModuleExportsReader): Map<string, SdkName> {
  const names = new Map<string, SdkName>();
  const catalogOf = (specifier: string): Catalog | undefined =>
    catalogs.find((catalog) => catalog.bindings.modules.length > 0 && specifierMatches(specifier, catalog.bindings.modules));
  let followed: Set<string> | undefined;
  /** One level of a project module that hands the SDK on: `import { Parse } from './common-imports'`. */
  const handedOn = (local: string, specifier: string, keys: readonly string[]): void => {
    if (!moduleExports || !/^\.\.?(\/|$)/.test(specifier)) return;
    followed ??= handedOnNames(catalogs);
    if (!followed.has(local) && !keys.some((key) => followed!.has(key))) return;
    const exports = moduleExports(specifier);
    const found: ModuleExport | undefined = keys.map((key) => exports?.get(key)).find((value) => value !== undefined);
    const catalog = found && catalogOf(found.module);
    if (found && catalog) names.set(local, { catalog, kind: found.kind, module: found.module, imported: found.imported, through: specifier });
  };

  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const catalog = catalogOf(statement.source.value);
      // `import type` brings no value: `Parse.Error.X` written through it would not compile.
      if (statement.importKind === 'type') continue;
      if (!catalog) {
        for (const specifier of statement.specifiers) {
          if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) handedOn(specifier.local.name, statement.source.value, ['default', WHOLE_MODULE]);
          else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type') {
            handedOn(specifier.local.name, statement.source.value, [specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value]);
          }
        }
        continue;
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
        const kind: SdkNameKind =
          specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? 'namespace' : 'named';
        const imported =
          specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value
            : undefined;
        names.set(specifier.local.name, { catalog, kind, module: statement.source.value, imported });
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.importKind === 'value' &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      statement.moduleReference.expression.type === AST_NODE_TYPES.Literal &&
      typeof statement.moduleReference.expression.value === 'string'
    ) {
      const module = statement.moduleReference.expression.value;
      const catalog = catalogOf(module);
      if (catalog) names.set(statement.id.name, { catalog, kind: 'require', module, imported: undefined });
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const required = requiredModule(declarator.init);
        if (!required) continue;
        const catalog = catalogOf(required.module);
        if (!catalog) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier) handedOn(declarator.id.name, required.module, [required.property ?? WHOLE_MODULE]);
          else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && required.property === undefined) {
            for (const property of declarator.id.properties) {
              if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && property.key.type === AST_NODE_TYPES.Identifier && !property.computed) {
                handedOn(property.value.name, required.module, [property.key.name]);
              }
            }
          }
          continue;
        }
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          names.set(declarator.id.name, { catalog, kind: required.property ? 'named' : 'require', module: required.module, imported: required.property });
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
            const imported = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
            names.set(property.value.name, { catalog, kind: 'named', module: required.module, imported });
          }
        }
      }
    }
  }

  const globalScope = mentionsGlobal(sourceCode.text, catalogs) ? sourceCode.scopeManager?.globalScope : undefined;
  if (globalScope) {
    for (const catalog of catalogs) {
      for (const name of catalog.bindings.globals ?? []) {
        // Scope analysis is costly for plain JavaScript: ask only when the name is in the text.
        if (names.has(name) || !sourceCode.text.includes(name)) continue;
        const declared = globalScope.set.get(name);
        const used = globalScope.through.some((reference) => reference.identifier.name === name);
        if (used || (declared && declared.defs.length === 0)) names.set(name, { catalog, kind: 'global', module: undefined, imported: undefined });
      }
    }
  }
  return names;
}

/** Whether a text names a global of one of the catalogs (`Parse`, `CloudKit`), as a reference or a property (`window.CloudKit`). */
export function mentionsGlobal(text: string, catalogs: readonly Catalog[]): boolean {
  return catalogs.some((catalog) => (catalog.bindings.globals ?? []).some((name) => text.includes(name)));
}

/** `require('m')`, `require('m').X`, `await import('m')`. */
function requiredModule(init: TSESTree.Expression | null): { module: string; property: string | undefined } | undefined {
  if (!init) return undefined;
  let node: TSESTree.Node = init;
  let property: string | undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    property = node.property.name;
    node = node.object;
  }
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = node.argument;
  if (node.type === AST_NODE_TYPES.ImportExpression && node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string') {
    return { module: node.source.value, property };
  }
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string'
  ) {
    return { module: node.arguments[0].value, property };
  }
  return undefined;
}

/**
 * The SDK name an identifier refers to, checked against scope: a local variable of the same
 * name that shadows the import or global is not the SDK.
 */
export function resolveSdkIdentifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  names: ReadonlyMap<string, SdkName>,
  identifier: TSESTree.Identifier,
): SdkName | undefined {
  const sdk = names.get(identifier.name);
  if (!sdk) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length === 0) return sdk.kind === 'global' ? sdk : undefined;
  if (sdk.kind === 'global') return undefined;
  // The import or top-level declaration itself, not a shadowing local.
  return variable.scope.block.type === AST_NODE_TYPES.Program || variable.scope.type === TSESLint.Scope.ScopeType.module ? sdk : undefined;
}
