/** Type-checks code as if it were tests/fixtures/project/file.ts, with the real SDK packages. */
import path from 'node:path';

import ts from 'typescript';

import { fixtureProject } from './rule-tester.js';

/** `<directory>/tsconfig.json`, parsed: its compiler options and files. */
function readProject(directory: string): ts.ParsedCommandLine {
  const configFile = ts.readConfigFile(path.join(directory, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, directory);
}

/** The compiler options of `<directory>/tsconfig.json`. */
export function readCompilerOptions(directory: string): ts.CompilerOptions {
  return readProject(directory).options;
}

const fixture = readProject(fixtureProject);
const options = fixture.options;

function ancestors(directory: string): string[] {
  const parent = path.dirname(directory);
  return parent === directory ? [directory] : [directory, ...ancestors(parent)];
}

/**
 * A program whose root files (absolute path → text) live in memory; everything else (the SDK
 * packages' typings, TypeScript's libs) is read from disk.
 */
export function createInMemoryProgram(
  files: ReadonlyMap<string, string>,
  compilerOptions: ts.CompilerOptions,
  currentDirectory?: string,
  oldProgram?: ts.Program,
): ts.Program {
  const host = ts.createCompilerHost(compilerOptions, true);
  const directories = new Set([...files.keys()].flatMap((file) => ancestors(path.dirname(file))));
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  if (currentDirectory !== undefined) host.getCurrentDirectory = () => currentDirectory;
  host.readFile = (file) => files.get(file) ?? readFile(file);
  host.fileExists = (file) => files.has(file) || fileExists(file);
  host.directoryExists = (directory) => directories.has(directory) || ts.sys.directoryExists(directory);
  host.getSourceFile = (file, language, ...rest) => {
    const text = files.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language, true);
  };
  return ts.createProgram({ rootNames: [...files.keys()], options: compilerOptions, host, ...(oldProgram ? { oldProgram } : {}) });
}

/** A diagnostic as `line:column TS<code>: message`. */
export function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
  const where = position ? `${position.line + 1}:${position.character + 1}` : '-';
  return `${where} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
}

/** The type errors of `code`, formatted as `line:column TS<code>: message`. */
export function typeErrors(code: string): string[] {
  const fileName = path.join(fixtureProject, 'checked.ts');
  const program = createInMemoryProgram(new Map([[fileName, code]]), options);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName)).map(formatDiagnostic);
}

/**
 * The type errors of each snippet, each a file of the fixture project beside the project's own
 * files (bridge.ts, api-config.ts, the Drupal SDK typings) as the typed RuleTester sees them, in
 * one program.
 */
export function typeErrorsOfEach(codes: readonly string[]): string[][] {
  const snippets = codes.map((code, index) => [path.join(fixtureProject, `checked-${index}.ts`), code] as const);
  const projectFiles = fixture.fileNames.map((file) => [file, ts.sys.readFile(file) ?? ''] as const);
  const program = createInMemoryProgram(new Map([...projectFiles, ...snippets]), options);
  return snippets.map(([fileName]) => ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName)).map(formatDiagnostic));
}

/** Type errors of the TypeScript project in `project` (its tsconfig.json), as `file:line message` relative to it. */
export function projectTypeErrors(project: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`cannot read ${project}/tsconfig.json`);
  const program = ts.createProgram(config.fileNames, config.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(project, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** The typed cases of a rule's tests that do not type-check, with their diagnostics (`[]` when all do). */
export function failingTypedCases(cases: readonly (string | { code: string })[]): { code: string; errors: string[] }[] {
  const codes = cases.map((testCase) => (typeof testCase === 'string' ? testCase : testCase.code));
  return typeErrorsOfEach(codes).flatMap((errors, index) => (errors.length > 0 ? [{ code: codes[index]!, errors }] : []));
}
