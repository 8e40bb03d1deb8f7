/** Type-checks code as if it were tests/fixtures/project/file.ts, with the real SDK packages. */
import path from 'node:path';

import ts from 'typescript';

import { fixtureProject } from './rule-tester.js';

const configFile = ts.readConfigFile(path.join(fixtureProject, 'tsconfig.json'), (file) => ts.sys.readFile(file));
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, fixtureProject);

/** The type errors of `code`, formatted as `line: message`. */
export function typeErrors(code: string): string[] {
  const fileName = path.join(fixtureProject, 'checked.ts');
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === fileName ? code : readFile(file));
  host.fileExists = (file) => file === fileName || ts.sys.fileExists(file);
  host.getSourceFile = (file, language, ...rest) =>
    file === fileName ? ts.createSourceFile(file, code, language, true) : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName)).map((diagnostic) => {
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    return `${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}
