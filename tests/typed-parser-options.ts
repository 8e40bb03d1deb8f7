/**
 * Parser options for typed lints of in-memory code with `Linter#verify`. typescript-eslint infers
 * a single run when the environment variable CI is set, and then builds each program once from
 * the files on disk: the code handed to `verify` would be replaced by the fixture's empty file.
 * RuleTester turns the inference off itself; every other typed lint of in-memory code needs this.
 */
export function typedParserOptions(tsconfigRootDir: string, project = './tsconfig.json') {
  return { project, tsconfigRootDir, disallowAutomaticSingleRunInference: true };
}
