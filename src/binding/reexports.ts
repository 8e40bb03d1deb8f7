/**
 * What a project's own module hands on of another module: `export { default as Parse } from
 * 'parse/node'`, `import Parse from 'parse/node'; export { Parse }`, `module.exports = { Parse:
 * require('parse/node') }`. Read one level deep, from the one file a relative import names, so
 * that `import { Parse } from './common-imports'` is the SDK. Files are parsed with TypeScript's
 * parser (which recovers from Flow and JSX) and cached by path, modification time and size.
 */
import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import type { SdkNameKind } from './sdk-names.js';

/** What an exported name holds: the module it comes from and how it was taken from there. */
export interface ModuleExport {
  readonly module: string;
  readonly kind: Exclude<SdkNameKind, 'global'>;
  /** For `named`: the name exported by `module`. */
  readonly imported: string | undefined;
}

/**
 * Exported name → what it holds. `default` is the default export; `module.exports` is a
 * CommonJS module's whole export (what `require('./x')` returns).
 */
export type ModuleExports = ReadonlyMap<string, ModuleExport>;

export const WHOLE_MODULE = 'module.exports';

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
/** `./common.js` written for `./common.ts` (TypeScript's NodeNext style). */
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

/** The file a relative specifier names, as Node or a bundler finds it; `undefined` for packages. */
export function resolveRelativeModule(fromFile: string, specifier: string): string | undefined {
  if (!/^\.\.?(\/|$)/.test(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const extension = path.extname(base);
  const candidates = [
    base,
    ...EXTENSIONS.map((candidate) => base + candidate),
    ...(SOURCE_FOR_OUTPUT[extension] ?? []).map((candidate) => base.slice(0, -extension.length) + candidate),
    ...EXTENSIONS.map((candidate) => path.join(base, `index${candidate}`)),
  ];
  return candidates.find((candidate) => !candidate.includes(`${path.sep}node_modules${path.sep}`) && isFile(candidate));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Entries read from disk: a lint run reads each imported file once, and again only once it changes. */
const fileCache = new Map<string, { mtimeMs: number; size: number; exports: ModuleExports }>();
const MAX_CACHED_FILES = 2000;
/** Source files of a program (typed mode): no disk read. */
const programCache = new WeakMap<ts.SourceFile, ModuleExports>();

/** What a file exports of other modules, from a program's source file or read from disk. */
export function moduleExportsOf(file: string, program: ts.Program | null): ModuleExports | undefined {
  const sourceFile = program?.getSourceFile(file);
  if (sourceFile) {
    let exports = programCache.get(sourceFile);
    if (!exports) programCache.set(sourceFile, (exports = readModuleExports(sourceFile)));
    return exports;
  }
  let stat: fs.Stats;
  let text: string;
  try {
    stat = fs.statSync(file);
    const cached = fileCache.get(file);
    if (cached?.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.exports;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const exports = readModuleExports(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(file)));
  if (fileCache.size >= MAX_CACHED_FILES) fileCache.clear();
  fileCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, exports });
  return exports;
}

function scriptKindOf(file: string): ts.ScriptKind {
  const extension = path.extname(file);
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') return ts.ScriptKind.TS;
  if (extension === '.tsx') return ts.ScriptKind.TSX;
  return extension === '.jsx' ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

/** `require('m')`, `require('m').X`: what the expression takes from a module. */
function requiredExport(node: ts.Expression): ModuleExport | undefined {
  let target = node;
  let imported: string | undefined;
  if (ts.isPropertyAccessExpression(target)) {
    imported = target.name.text;
    target = target.expression;
  }
  if (!ts.isCallExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== 'require') return undefined;
  const [argument] = target.arguments;
  if (!argument || !ts.isStringLiteralLike(argument)) return undefined;
  return imported === undefined ? { module: argument.text, kind: 'require', imported: undefined } : namedExport(argument.text, imported);
}

/** `import { default as X }` is the default export. */
function namedExport(module: string, imported: string): ModuleExport {
  return imported === 'default' ? { module, kind: 'default', imported: undefined } : { module, kind: 'named', imported };
}

/** The name a CommonJS assignment exports under: `exports.X`, `module.exports.X`; `WHOLE_MODULE` for `module.exports`. */
function commonJsTarget(node: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const object = node.expression;
  if (ts.isIdentifier(object) && object.text === 'module' && node.name.text === 'exports') return WHOLE_MODULE;
  return (ts.isIdentifier(object) && object.text === 'exports') || commonJsTarget(object) === WHOLE_MODULE ? node.name.text : undefined;
}

function readModuleExports(sourceFile: ts.SourceFile): ModuleExports {
  /** Top-level names taken from other modules (`import`, `require`). */
  const locals = new Map<string, ModuleExport>();
  const exports = new Map<string, ModuleExport>();
  const valueOf = (node: ts.Expression): ModuleExport | undefined => (ts.isIdentifier(node) ? locals.get(node.text) : requiredExport(node));
  const exportObject = (object: ts.ObjectLiteralExpression): void => {
    for (const property of object.properties) {
      if (ts.isShorthandPropertyAssignment(property)) {
        const value = locals.get(property.name.text);
        if (value) exports.set(property.name.text, value);
      } else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        const value = valueOf(property.initializer);
        if (value) exports.set(property.name.text, value);
      }
    }
  };

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause && !statement.importClause.isTypeOnly) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) locals.set(clause.name.text, { module, kind: 'default', imported: undefined });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) locals.set(bindings.name.text, { module, kind: 'namespace', imported: undefined });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly) locals.set(element.name.text, namedExport(module, (element.propertyName ?? element.name).text));
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      locals.set(statement.name.text, { module: statement.moduleReference.expression.text, kind: 'require', imported: undefined });
    } else if (ts.isVariableStatement(statement)) {
      const exported = statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer && requiredExport(declaration.initializer);
        if (!value) continue;
        if (ts.isIdentifier(declaration.name)) {
          locals.set(declaration.name.text, value);
          if (exported) exports.set(declaration.name.text, value);
        } else if (ts.isObjectBindingPattern(declaration.name) && value.kind === 'require') {
          for (const element of declaration.name.elements) {
            const key = element.propertyName ?? element.name;
            if (!ts.isIdentifier(element.name) || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) continue;
            const named = namedExport(value.module, key.text);
            locals.set(element.name.text, named);
            if (exported) exports.set(element.name.text, named);
          }
        }
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (clause && ts.isNamespaceExport(clause) && from !== undefined) exports.set(clause.name.text, { module: from, kind: 'namespace', imported: undefined });
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const source = (element.propertyName ?? element.name).text;
          const value = from === undefined ? locals.get(source) : namedExport(from, source);
          if (value) exports.set(element.name.text, value);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      const value = valueOf(statement.expression);
      if (value) exports.set(statement.isExportEquals ? WHOLE_MODULE : 'default', value);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = statement.expression;
      const target = commonJsTarget(left);
      if (target === WHOLE_MODULE && ts.isObjectLiteralExpression(right)) exportObject(right);
      else if (target !== undefined) {
        const value = valueOf(right);
        if (value) exports.set(target, value);
      }
    }
  }
  return exports;
}
