import path from 'node:path';

import { typeMatchesSpecifier, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import type { Catalog } from '../catalog/catalog.js';
import { packageOfFile, packageOfSpecifier } from './packages.js';

const MAX_BASE_DEPTH = 8;

export function isAnyOrUnknown(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** Union and intersection members, flattened; other types as themselves. */
export function constituents(type: ts.Type): readonly ts.Type[] {
  return type.isUnionOrIntersection() ? type.types.flatMap(constituents) : [type];
}

/**
 * The package a declaration belongs to: the enclosing `declare module 'pkg' { … }` when there is
 * one (an app's own typings for an SDK, or an augmentation), else the package whose files hold it.
 */
export function declarationPackage(declaration: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return packageOfSpecifier(node.name.text);
  }
  return packageOfFile(declaration.getSourceFile().fileName);
}

/** Whether a symbol is declared under `name` in one of `packages`. */
function symbolDeclaredIn(symbol: ts.Symbol | undefined, name: string, packages: readonly string[]): boolean {
  if (!symbol || symbol.getName() !== name) return false;
  return (symbol.getDeclarations() ?? []).some((declaration) => {
    const pkg = declarationPackage(declaration);
    return pkg !== undefined && packages.includes(pkg);
  });
}

function matchesErrorType(type: ts.Type, catalog: Catalog, checker: ts.TypeChecker, depth: number): boolean {
  const symbol = type.getSymbol();
  for (const errorType of catalog.bindings.errorTypes) {
    const simpleName = errorType.name.slice(errorType.name.lastIndexOf('.') + 1);
    if (symbolDeclaredIn(symbol, simpleName, errorType.packages) || symbolDeclaredIn(type.aliasSymbol, simpleName, errorType.packages)) {
      return true;
    }
  }
  if (depth >= MAX_BASE_DEPTH || !symbol || (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) === 0) return false;
  const target = (type as ts.TypeReference).target ?? type;
  if (!target.isClassOrInterface()) return false;
  return (checker.getBaseTypes(target) ?? []).some((base) => matchesErrorType(base, catalog, checker, depth + 1));
}

const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/**
 * Whether a value of this type carries the catalog's error type: it is the type (declared in
 * the catalog's packages, not merely of the same name), extends it, or is an intersection or a
 * union with a member that does. A union that also holds a supertype of that member
 * (`Error | Parse.Error`, `?(Error | Parse.Error)`) holds any error of the wider type, so it
 * does not count.
 */
export function typeIsCatalogError(type: ts.Type, catalog: Catalog, checker: ts.TypeChecker): boolean {
  if (catalog.bindings.errorTypes.length === 0) return false;
  const matches = (member: ts.Type): boolean => constituents(member).some((part) => matchesErrorType(part, catalog, checker, 0));
  if (!type.isUnion()) return matches(type);
  const matched = type.types.filter(matches);
  if (matched.length === 0) return false;
  const wider = new Set(matched.flatMap((member) => baseSymbols(member, checker)));
  return !type.types.some((member) => !matched.includes(member) && (member.flags & NULLISH) === 0 && wider.has(member.getSymbol()!));
}

/** The symbols of a class or interface type's base types, all the way up (`Parse.Error` → `Error`). */
function baseSymbols(type: ts.Type, checker: ts.TypeChecker, depth = 0): ts.Symbol[] {
  const target = (type as ts.TypeReference).target ?? type;
  if (depth >= MAX_BASE_DEPTH || !target.isClassOrInterface()) return [];
  return (checker.getBaseTypes(target) ?? []).flatMap((base) => [...(base.getSymbol() ? [base.getSymbol()!] : []), ...baseSymbols(base, checker, depth + 1)]);
}

/**
 * The folders a `from: 'file'` specifier's `path` is relative to: the folder of the program's
 * tsconfig.json (as documented), then the program's current directory (where typescript-eslint's
 * own `typeMatchesSpecifier` looks, so every path it accepts is still accepted).
 *
 * The two were one folder under `projectService` until @typescript-eslint/typescript-estree
 * 8.72.1. Since then, a single `eslint` run builds one Program per tsconfig with
 * `createProgramFromConfigFile(configFile, undefined)`, whose current directory is ESLint's
 * working directory, so `path: 'src/bridge.ts'` matched nothing when ESLint ran in `src/` or in
 * a parent folder. Which folder it is depends on the copy of typescript-eslint that parsed the
 * file, not on the type-utils copy this plugin imports, so the path is resolved here.
 */
function bindingBaseFolders(program: ts.Program): string[] {
  const configFile = program.getCompilerOptions().configFilePath;
  const folders = [...(typeof configFile === 'string' ? [path.dirname(configFile)] : []), program.getCurrentDirectory()];
  return [...new Set(folders.map((folder) => path.resolve(folder)))];
}

/** A file name in one spelling per file: absolute, native separators, case-folded where the file system ignores case. */
function canonicalFileName(fileName: string): string {
  const resolved = path.resolve(fileName);
  return ts.sys.useCaseSensitiveFileNames ? resolved : resolved.toLowerCase();
}

/** Whether a declaration file is the one a `from: 'file'` specifier names (with no `path`: any file of the project). */
function isBindingFile(fileName: string, specifierPath: string | undefined, program: ts.Program): boolean {
  const file = canonicalFileName(fileName);
  return bindingBaseFolders(program).some((folder) =>
    specifierPath === undefined ? file.startsWith(canonicalFileName(folder) + path.sep) : file === canonicalFileName(path.resolve(folder, specifierPath)),
  );
}

/** The program's source file a `from: 'file'` specifier's `path` names, wherever ESLint runs. */
export function bindingSourceFile(specifierPath: string, program: ts.Program): ts.SourceFile | undefined {
  for (const folder of bindingBaseFolders(program)) {
    const sourceFile = program.getSourceFile(path.resolve(folder, specifierPath));
    if (sourceFile) return sourceFile;
  }
  return undefined;
}

/** Whether the type, or a member of its union or intersection, matches a user's specifier. */
export function typeMatchesBinding(type: ts.Type, specifier: TypeOrValueSpecifier, program: ts.Program): boolean {
  if (typeof specifier === 'string' || specifier.from !== 'file') {
    return constituents(type).some((member) => typeMatchesSpecifier(member, specifier, program));
  }
  // typescript-eslint checks the name; the file is checked here (see bindingBaseFolders).
  const names = [specifier.name].flat();
  return constituents(type).some((member) => {
    if (!names.some((name) => typeMatchesSpecifier(member, name, program))) return false;
    const declarations = (member.getSymbol() ?? member.aliasSymbol)?.getDeclarations() ?? [];
    return declarations.some((declaration) => isBindingFile(declaration.getSourceFile().fileName, specifier.path, program));
  });
}

/** The values of a union of literal types (or an enum); `undefined` when the type is anything else. */
export function literalValues(type: ts.Type): (string | number)[] | undefined {
  const values: (string | number)[] = [];
  for (const member of constituents(type)) {
    if (member.isStringLiteral() || member.isNumberLiteral()) values.push(member.value);
    else if ((member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0) return undefined;
  }
  return values.length > 0 ? values : undefined;
}

/** The packages that declare what a call or `new` expression invokes. */
export function calleePackages(declarations: readonly ts.Declaration[]): string[] {
  const packages: string[] = [];
  for (const declaration of declarations) {
    const pkg = declarationPackage(declaration);
    if (pkg !== undefined && !packages.includes(pkg)) packages.push(pkg);
  }
  return packages;
}

/** The declarations of the function a callee name stands for (aliases followed). */
export function calleeDeclarations(node: ts.Node, checker: ts.TypeChecker): readonly ts.Declaration[] {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.getDeclarations() ?? [];
}

/**
 * Whether a function returns a promise, read from the return types its declarations write
 * (`find(): Promise<T[]>`, `equalTo(…): this`, `getSessionToken(): string`): `undefined` when one
 * is not written or is a type of another name, which only the checker can tell.
 */
export function declaredToReturnPromise(declarations: readonly ts.Declaration[]): boolean | undefined {
  if (declarations.length === 0) return undefined;
  return anyOf(declarations.map((declaration) => (ts.isFunctionLike(declaration) && declaration.type ? typeNodeIsPromise(declaration.type) : undefined)));
}

/** A written type: `Promise<T>` is one, `string | null` is none, `Query<T>` only the checker knows. */
function typeNodeIsPromise(type: ts.TypeNode): boolean | undefined {
  if (ts.isParenthesizedTypeNode(type)) return typeNodeIsPromise(type.type);
  if (ts.isUnionTypeNode(type)) return anyOf(type.types.map(typeNodeIsPromise));
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    return name === 'Promise' || name === 'PromiseLike' ? true : undefined;
  }
  return NOT_PROMISE_TYPES.has(type.kind) ? false : undefined;
}

/** `true` if one answer is, `false` if every one is, else `undefined`. */
function anyOf(answers: readonly (boolean | undefined)[]): boolean | undefined {
  if (answers.includes(true)) return true;
  return answers.every((answer) => answer === false) ? false : undefined;
}

/** Return types that are never a promise: primitives, `null` and other literals, `this`, arrays, object literals. */
const NOT_PROMISE_TYPES: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.VoidKeyword,
  ts.SyntaxKind.UndefinedKeyword,
  ts.SyntaxKind.NeverKeyword,
  ts.SyntaxKind.ThisType,
  ts.SyntaxKind.ArrayType,
  ts.SyntaxKind.TypeLiteral,
  ts.SyntaxKind.LiteralType,
]);
