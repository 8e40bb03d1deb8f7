/**
 * How a catalog entry is written as a constant at a place in a file (`Parse.Error.X`, a user
 * binding's `CKErrorCode.zoneBusy`), with the import it needs; and which catalog a constant
 * reference such as `Parse.Error.X` names.
 */
import path from 'node:path';

import { valueMatchesSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { Catalog, CodeEntry } from '../catalog/catalog.js';
import type { CodeValue, ConstantsData } from '../catalog/types.js';
import { memberName } from './accessors.js';
import { baseIdentifier } from './ast.js';
import type { CodeBinding } from './binder.js';
import { type BindingContext, withoutCheckerFailure } from './context.js';
import type { SdkName } from './sdk-names.js';
import { bindingSourceFile, literalValues } from './type-match.js';

/** How to write a catalog entry as a constant at a given place in the file. */
export type ConstantText =
  /** The constant's base identifier is in scope and is the SDK: safe to write `text` there. */
  | { kind: 'in-scope'; text: string }
  /** Nothing of that name is in scope: `text` needs `importText` added at the top of the file. */
  | { kind: 'needs-import'; text: string; importText: string }
  /** No safe way: the base name is shadowed, the entry has no constant, or the file cannot import. */
  | { kind: 'unavailable'; text: string | undefined };

const { ScopeType } = TSESLint.Scope;

/** Whether `name` is declared in scope at `at`, or used there as an undeclared global. */
function isNameTaken(bc: BindingContext, at: TSESTree.Node, name: string): boolean {
  const { sourceCode } = bc;
  return Boolean(ASTUtils.findVariable(sourceCode.getScope(at), name) ?? sourceCode.scopeManager?.globalScope?.through.find((ref) => ref.identifier.name === name));
}

export function constantText(bc: BindingContext, binding: CodeBinding, entry: CodeEntry, at: TSESTree.Node): ConstantText {
  if (binding.accessor.binding) return userConstantText(bc, binding, entry, at);
  const { sourceCode, typed } = bc;
  const constants = binding.catalog.bindings.constants;
  const expression = binding.catalog.constantExpression(entry);
  if (!constants || expression === undefined) return { kind: 'unavailable', text: undefined };
  const base = expression.slice(0, expression.indexOf('.'));
  const rest = expression.slice(base.length);
  // An import of the SDK that holds the constants, under any local name: `import ParseSDK from 'parse'`.
  for (const [local, sdk] of bc.sdkNames()) {
    if (sdk.catalog !== binding.catalog) continue;
    const variable = ASTUtils.findVariable(sourceCode.getScope(at), local);
    const text = `${local}${rest}`;
    if (sdk.kind === 'global') {
      if (!variable || variable.defs.length === 0) return typed ? { kind: 'unavailable', text } : { kind: 'in-scope', text };
      continue;
    }
    if (variable && (variable.scope.type === ScopeType.module || variable.scope.block.type === AST_NODE_TYPES.Program) && holdsConstants(sdk, constants.import, variable)) {
      return { kind: 'in-scope', text };
    }
  }
  if (isNameTaken(bc, at, base) || sourceCode.ast.sourceType !== 'module') return { kind: 'unavailable', text: expression };
  const module = bc.program ? projectModule(bc.program, binding.catalog) : undefined;
  return { kind: 'needs-import', text: expression, importText: importStatement({ ...constants.import, module: module ?? constants.import.module }) };
}

/** Per program: the catalog module the project's own files import most (`parse/node` in a server). */
const projectModules = new WeakMap<ts.Program, Map<Catalog, string | undefined>>();

/**
 * The entry point of the catalog's SDK that the project's own files import most often, so that
 * an added import matches them (`import Parse from 'parse/node'`). Read once per program from
 * the top-level imports and requires of its source files, declaration files and packages aside.
 */
function projectModule(program: ts.Program, catalog: Catalog): string | undefined {
  let byCatalog = projectModules.get(program);
  if (!byCatalog) projectModules.set(program, (byCatalog = new Map<Catalog, string | undefined>()));
  if (byCatalog.has(catalog)) return byCatalog.get(catalog);
  const counts = new Map<string, number>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
    for (const statement of file.statements) {
      for (const specifier of moduleSpecifiers(statement)) {
        if (catalog.bindings.modules.includes(specifier)) counts.set(specifier, (counts.get(specifier) ?? 0) + 1);
      }
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  byCatalog.set(catalog, best?.[0]);
  return best?.[0];
}

/** `import … from 'm'`, `import x = require('m')`, `const x = require('m')` / `require('m').X`. */
function moduleSpecifiers(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && !statement.importClause?.isTypeOnly) return [statement.moduleSpecifier.text];
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
    return [statement.moduleReference.expression.text];
  }
  if (!ts.isVariableStatement(statement)) return [];
  return statement.declarationList.declarations.flatMap((declaration) => {
    let init = declaration.initializer;
    while (init && ts.isPropertyAccessExpression(init)) init = init.expression;
    return init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteral(init.arguments[0])
      ? [init.arguments[0].text]
      : [];
  });
}

/**
 * A user binding's constants object (`CKErrorCode.zoneBusy`): in scope when the file has it;
 * otherwise read from its declaring file or package, with the import the file would need.
 */
function userConstantText(bc: BindingContext, binding: CodeBinding, entry: CodeEntry, at: TSESTree.Node): ConstantText {
  const { sourceCode, program } = bc;
  const specifier = binding.accessor.binding?.constants;
  if (specifier === undefined || !program) return { kind: 'unavailable', text: undefined };
  const wanted = typeof specifier === 'string' ? [specifier] : [specifier.name].flat();
  for (const name of wanted) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
    const def = variable?.defs[0];
    if (!def) continue;
    const type = bc.typeOf(def.name)!;
    if (
      !withoutCheckerFailure(
        () => valueMatchesSpecifier(def.name, specifier, program, type),
        () => false,
      )
    ) {
      return { kind: 'unavailable', text: undefined };
    }
    const property = propertyWithValue(bc, type, entry.value);
    if (property !== undefined) return { kind: 'in-scope', text: `${name}.${property}` };
  }
  if (typeof specifier === 'string' || specifier.from === 'lib') return { kind: 'unavailable', text: undefined };
  const source = specifier.from === 'package' ? specifier.package : specifier.path;
  if (source === undefined) return { kind: 'unavailable', text: undefined };
  for (const name of wanted) {
    const declared = withoutCheckerFailure(
      () => exportedConstant(bc, specifier.from === 'package' ? { module: source } : { file: source }, name),
      () => undefined,
    );
    const property = declared && propertyWithValue(bc, declared.type, entry.value);
    if (!declared || property === undefined) continue;
    const text = `${name}.${property}`;
    if (isNameTaken(bc, at, name) || sourceCode.ast.sourceType !== 'module') return { kind: 'unavailable', text };
    return { kind: 'needs-import', text, importText: importStatement({ module: declared.specifier, kind: 'named', name }) };
  }
  return { kind: 'unavailable', text: undefined };
}

/** The property of a constants object whose literal type is `value`. */
function propertyWithValue(bc: BindingContext, type: ts.Type, value: CodeValue): string | undefined {
  for (const property of type.getProperties()) {
    const values = literalValues(bc.checker!.getTypeOfSymbol(property));
    if (values?.length === 1 && values[0] === value) return property.getName();
  }
  return undefined;
}

/** An exported value of a file (a binding's `path`) or a package, and how this file imports it. */
function exportedConstant(bc: BindingContext, from: { file: string } | { module: string }, name: string): { type: ts.Type; specifier: string } | undefined {
  const program = bc.program!;
  const checker = bc.checker!;
  let sourceFile: ts.SourceFile | undefined;
  let specifier: string;
  if ('file' in from) {
    sourceFile = bindingSourceFile(from.file, program);
    if (!sourceFile) return undefined;
    const relative = path.relative(path.dirname(bc.filename), sourceFile.fileName).replaceAll('\\', '/').replace(/\.(c|m)?tsx?$/, '');
    specifier = `${relative.startsWith('.') ? '' : './'}${relative}${relativeImportExtension(bc)}`;
  } else {
    specifier = from.module;
    const resolved = ts.resolveModuleName(from.module, bc.filename, program.getCompilerOptions(), ts.sys).resolvedModule;
    sourceFile = resolved ? program.getSourceFile(resolved.resolvedFileName) : undefined;
  }
  const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
  const exported = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.getName() === name);
  return exported ? { type: checker.getTypeOfSymbol(exported), specifier } : undefined;
}

/** `.js` when the file's relative imports use it (or NodeNext resolution requires it), else none. */
function relativeImportExtension(bc: BindingContext): string {
  for (const statement of bc.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !statement.source.value.startsWith('.')) continue;
    return /\.(c|m)?js$/.test(statement.source.value) ? '.js' : '';
  }
  const resolution = bc.program!.getCompilerOptions().moduleResolution;
  return resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext ? '.js' : '';
}

/** The catalog whose constant a member expression such as `Parse.Error.X` names, and the name X. */
export function constantReference(bc: BindingContext, node: TSESTree.MemberExpression): { catalog: Catalog; name: string } | undefined {
  const name = memberName(node);
  const base = baseIdentifier(node.object);
  if (name === undefined || !base || !bc.sdkNames().has(base.name)) return undefined;
  const sdk = bc.resolveSdk(base);
  if (!sdk?.catalog.bindings.constants) return undefined;
  const expression = sdk.catalog.bindings.constants.expression;
  const expectedPrefix = `${base.name}${expression.slice(expression.indexOf('.'), expression.lastIndexOf('.'))}`;
  return bc.sourceCode.getText(node.object).replaceAll(/\s/g, '') === expectedPrefix ? { catalog: sdk.catalog, name } : undefined;
}

/**
 * Whether an import or require of the SDK holds what the constant expression starts with, so
 * that `Parse.Error.X` written through it works at run time. Only the catalog's entry points
 * hold the SDK object (`parse/lib/node/RESTController` is another module). For a default
 * export (Parse):
 * - `import Parse from 'parse/node'`, `const Parse = require('parse/node')`: the object itself;
 * - `import { Parse } from 'parse/node'` (through Babel or TypeScript's CommonJS output),
 *   `require('parse/node').Parse`, `const { Parse } = require('parse/node')`: the SDK object
 *   names itself (`Parse.Parse === Parse`, checked against the package in the tests);
 * - `import * as Parse from 'parse/node'`: a transpiled namespace copies the object's
 *   properties, but Node's own ESM namespace of a CommonJS module has only `default`; the file
 *   must already read members through it (`new Parse.Query(…)`) for `Parse.Error` to work too.
 */
function holdsConstants(sdk: SdkName, expected: ConstantsData['import'], variable: TSESLint.Scope.Variable): boolean {
  if (sdk.module === undefined || !sdk.catalog.bindings.modules.includes(sdk.module)) return false;
  switch (expected.kind) {
    case 'named':
      return sdk.kind === 'named' && sdk.imported === expected.name;
    case 'default':
      if (sdk.kind === 'named') return sdk.imported === 'default' || sdk.imported === expected.name;
      return sdk.kind !== 'namespace' || readsMembers(variable);
    case 'namespace':
    case 'require':
      return sdk.kind !== 'named';
  }
}

/** Whether a name is read as `name.member` somewhere, other than `name.default`. */
function readsMembers(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
    const name = memberName(parent);
    return name !== undefined && name !== 'default';
  });
}

/** The statement that imports `name` from `module` in the given style. */
export function importStatement(source: { module: string; kind: string; name: string }): string {
  switch (source.kind) {
    case 'default':
      return `import ${source.name} from '${source.module}';`;
    case 'named':
      return `import { ${source.name} } from '${source.module}';`;
    case 'namespace':
      return `import * as ${source.name} from '${source.module}';`;
    default:
      return `import ${source.name} = require('${source.module}');`;
  }
}
