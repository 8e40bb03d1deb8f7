/**
 * Measures the rules on real code: lints repositories checked out on this machine with the
 * built plugin (dist/) through ESLint's Node API.
 *
 *   npm run build && npx tsx scripts/corpus.ts [--rules a,b] [--options JSON] [--json out.json] [--untyped] DIR...
 *
 * Every .js/.jsx/.mjs/.cjs/.ts/.tsx file of each DIR is linted once, except declaration files,
 * node_modules, build output (dist, build, out, coverage, and a lib folder that is not under a
 * src folder), vendored code (vendor, bower_components) and minified files:
 * - typed, with @typescript-eslint/parser and a TypeScript program, when a tsconfig.eslint.json,
 *   tsconfig.json or jsconfig.json of the repository includes the file (the nearest config
 *   first). The repository's dependencies are not installed: a module that its own folders do
 *   not resolve is looked up in this project's node_modules (parse, drupal-js-sdk,
 *   tsl-apple-cloudkit, …); the summary names what was found there and what stayed unresolved;
 * - untyped otherwise, or everywhere with --untyped: espree for JavaScript (latest syntax, JSX,
 *   as a module, then as a script), @typescript-eslint/parser without a program for TypeScript.
 *
 * A file that does not parse is a parse failure. A rule that throws is a crash: counted, its
 * first stack kept, and the file linted again without that rule. Prints per repository its
 * files and parse failures, and per rule its crashes and reports; --json writes every report
 * (rule, file:line:column, message, the source line), the parse failures and the crashes.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import * as espree from 'espree';
import ts from 'typescript';

type Plugin = (typeof import('../src/index.js'))['default'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMESPACE = 'error-codes';
const SOURCE_FILE = /\.(?:[cm]?js|jsx|tsx?)$/u;
const TYPESCRIPT_FILE = /\.tsx?$/u;
const MINIFIED_NAME = /(?:[.-]min|[.-]bundle)\.[cm]?js$/u;
/** Folders that hold dependencies, build output or vendored code, never the repository's own source. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'vendors', 'bower_components', '.git']);
/** Configs that make a program, nearest to the file first, then in this order within a folder. */
const CONFIG_NAMES = ['tsconfig.eslint.json', 'tsconfig.json', 'jsconfig.json'];

type Mode = 'typed' | 'untyped';

interface Report {
  rule: string;
  repo: string;
  file: string;
  line: number;
  column: number;
  message: string;
  source: string;
  mode: Mode;
}

interface ParseFailure {
  file: string;
  mode: Mode;
  message: string;
}

interface Crash {
  rule: string;
  file: string;
  mode: Mode;
  stack: string;
}

/** A program made from one of the repository's configs, and what its module imports resolved to. */
interface ProgramSummary {
  config: string;
  /** Files of the repository linted with this program. */
  files: number;
  /** Packages resolved from this project's node_modules, with the number of imports. */
  fromPlugin: Record<string, number>;
  /** Imports that resolved nowhere, by package. */
  unresolved: Record<string, number>;
  /** Why the config could not be used, when it could not. */
  error?: string;
}

interface RepoResult {
  name: string;
  dir: string;
  files: number;
  typedFiles: number;
  /** Files left out: declaration files, minified files. */
  skipped: number;
  parseFailures: ParseFailure[];
  crashes: Crash[];
  /** Messages from ESLint itself that are neither reports of our rules nor parse failures. */
  otherMessages: string[];
  reports: Report[];
  programs: ProgramSummary[];
  seconds: number;
}

function fail(message: string): never {
  console.error(`corpus: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rules: { type: 'string' },
    options: { type: 'string' },
    json: { type: 'string' },
    untyped: { type: 'boolean', default: false },
  },
});
if (positionals.length === 0) fail('give one or more repository folders');

const plugin = await loadBuiltPlugin();
const ruleNames = selectRules(values.rules, Object.keys(plugin.rules));
const ruleOptions = parseRuleOptions(values.options);
const rulesConfig: Linter.RulesRecord = Object.fromEntries(ruleNames.map((name) => [`${NAMESPACE}/${name}`, ['error', ...(ruleOptions[name] ?? [])]]));

/** `--options '{"no-swallowed-error-codes": [{ "noCurrentUser": true }]}'`: each rule's options, as in a config. */
function parseRuleOptions(text: string | undefined): Record<string, unknown[]> {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`--options: not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) fail('--options: give an object from rule names to option arrays');
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [name, options] of entries) {
    if (!ruleNames.includes(name)) fail(`--options: ${name} is not one of the rules linted (${ruleNames.join(', ')})`);
    if (!Array.isArray(options)) fail(`--options: the options of ${name} must be an array, as in a config`);
  }
  return Object.fromEntries(entries) as Record<string, unknown[]>;
}

/** The plugin as built in dist/; refuses a build older than the sources it came from. */
async function loadBuiltPlugin(): Promise<Plugin> {
  const entry = path.join(root, 'dist', 'src', 'index.js');
  const built = modifiedTime(entry);
  if (built === undefined) fail('dist/src/index.js is missing: run `npm run build` first');
  const newest = ['src', 'rules', 'catalogs'].flatMap((folder) => listFiles(path.join(root, folder), () => true)).reduce((time, file) => Math.max(time, modifiedTime(file) ?? 0), 0);
  if (newest > built) fail('dist/ is older than src/, rules/ or catalogs/: run `npm run build` first');
  return ((await import(pathToFileURL(entry).href)) as { default: Plugin }).default;
}

function modifiedTime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function selectRules(option: string | undefined, known: string[]): string[] {
  if (option === undefined) return known;
  const names = option.split(',').map((name) => name.trim().replace(`${NAMESPACE}/`, ''));
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) fail(`--rules: unknown rule ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return names;
}

/** Every file below `dir` that `keep` accepts, outside the skipped folders, sorted. */
function listFiles(dir: string, keep: (file: string) => boolean, underSrc = false): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || (entry.name === 'lib' && !underSrc)) continue;
      files.push(...listFiles(full, keep, underSrc || entry.name === 'src'));
    } else if (entry.isFile() && keep(full)) {
      files.push(full);
    }
  }
  return files;
}

/** Minified or bundled: by name, or by lines far longer than hand-written code has. */
function isMinified(file: string, text: string): boolean {
  if (MINIFIED_NAME.test(file)) return true;
  const lines = text.split('\n').length;
  return text.length > 10_000 && text.length / lines > 300;
}

/** The file's text; `undefined` when it cannot be read (it is then counted as skipped). */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isSourceFile(file: string): boolean {
  return SOURCE_FILE.test(file) && !file.endsWith('.d.ts');
}

function countInto(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** `parse/node` → `parse`, `@drupal-js-sdk/error/dist` → `@drupal-js-sdk/error`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

function isBareSpecifier(specifier: string): boolean {
  return !specifier.startsWith('.') && !path.isAbsolute(specifier);
}

/**
 * A program for one config: the config's own module resolution first; a bare import it cannot
 * resolve is resolved as if imported from this project, whose node_modules hold the SDKs.
 */
function createProjectProgram(configPath: string, repoDir: string): { program?: ts.Program; summary: ProgramSummary } {
  const summary: ProgramSummary = { config: path.relative(repoDir, configPath), files: 0, fromPlugin: {}, unresolved: {} };
  let unrecoverable: string | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    },
  });
  if (!parsed || unrecoverable !== undefined) {
    summary.error = unrecoverable ?? 'the config could not be read';
    return { summary };
  }
  if (parsed.fileNames.length === 0) {
    summary.error = 'the config includes no files';
    return { summary };
  }
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, skipLibCheck: true };
  const host = ts.createCompilerHost(options, true);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (name) => name, options);
  const fromProject = path.join(root, 'package.json');
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, sourceFile) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(sourceFile, literal, compilerOptions);
      const own = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirected, mode);
      const inRepo = !containingFile.includes('/node_modules/');
      if (own.resolvedModule || !isBareSpecifier(literal.text)) {
        if (!own.resolvedModule && inRepo) countInto(summary.unresolved, literal.text);
        return own;
      }
      const borrowed = ts.resolveModuleName(literal.text, fromProject, compilerOptions, host, undefined, undefined, mode);
      if (inRepo) countInto(borrowed.resolvedModule ? summary.fromPlugin : summary.unresolved, packageName(literal.text));
      return borrowed.resolvedModule ? borrowed : own;
    });
  try {
    return { program: ts.createProgram({ rootNames: parsed.fileNames, options, host, projectReferences: parsed.projectReferences ?? [] }), summary };
  } catch (error) {
    // Its files are then linted untyped.
    summary.error = `TypeScript could not build the program: ${error instanceof Error ? error.message : String(error)}`;
    return { summary };
  }
}

/** The repository's configs, nearest to their files first. */
function findConfigs(repoDir: string): string[] {
  const configs = listFiles(repoDir, (file) => CONFIG_NAMES.includes(path.basename(file)));
  const depth = (file: string): number => file.split(path.sep).length;
  const rank = (file: string): number => CONFIG_NAMES.indexOf(path.basename(file));
  return configs.sort((a, b) => depth(b) - depth(a) || path.dirname(a).localeCompare(path.dirname(b)) || rank(a) - rank(b));
}

/**
 * ESLint's working folder for a repository: the nearest folder at or above it without an
 * .eslintignore, which ESLint would warn about on every instance although nothing reads it here.
 */
function lintingCwd(repoDir: string): string {
  let dir = repoDir;
  while (existsSync(path.join(dir, '.eslintignore')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** One ESLint for one way of parsing; `disabled` holds the rules that crashed on the current file. */
function createLinter(repoDir: string, languageOptions: Linter.LanguageOptions, disabled: ReadonlySet<string>): ESLint {
  return new ESLint({
    cwd: lintingCwd(repoDir),
    overrideConfigFile: true,
    ignore: false,
    // The repositories' eslint-disable and eslint-env comments are about their own setup.
    allowInlineConfig: false,
    ruleFilter: ({ ruleId }) => !disabled.has(ruleId),
    overrideConfig: [
      {
        files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx'],
        languageOptions,
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { [NAMESPACE]: plugin as unknown as ESLint.Plugin },
        rules: rulesConfig,
      },
    ],
  });
}

function javascriptOptions(sourceType: 'module' | 'script'): Linter.LanguageOptions {
  return { parser: espree, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } };
}

/** @typescript-eslint/parser, with the program that holds the file when there is one. */
function typescriptOptions(program: ts.Program | undefined): Linter.LanguageOptions {
  if (!program) return { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' };
  const withProgram = {
    meta: { name: 'typescript-eslint-parser-with-program' },
    parseForESLint: (code: string, options: tsParser.ParserOptions) => tsParser.parseForESLint(code, { ...options, programs: [program] }),
  };
  // typescript-eslint's visitor keys are readonly arrays where ESLint's types want mutable ones.
  return { parser: withProgram as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' };
}

async function lintRepository(repoDir: string): Promise<RepoResult> {
  const started = performance.now();
  const name = path.basename(repoDir);
  const result: RepoResult = { name, dir: repoDir, files: 0, typedFiles: 0, skipped: 0, parseFailures: [], crashes: [], otherMessages: [], reports: [], programs: [], seconds: 0 };
  const disabled = new Set<string>();
  const texts = new Map<string, string>();
  for (const file of listFiles(repoDir, (file) => SOURCE_FILE.test(file))) {
    const text = readText(file);
    if (text !== undefined && isSourceFile(file) && !isMinified(file, text)) texts.set(file, text);
    else result.skipped += 1;
  }
  result.files = texts.size;

  /** Lints one file; a rule that throws is recorded and left out of a second run. */
  async function lintOnce(linter: ESLint, file: string, mode: Mode): Promise<Linter.LintMessage[] | undefined> {
    disabled.clear();
    for (;;) {
      try {
        const [lintResult] = await linter.lintText(texts.get(file)!, { filePath: file });
        return lintResult?.messages ?? [];
      } catch (error) {
        const ruleId = (error as { ruleId?: unknown }).ruleId;
        const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
        result.crashes.push({ rule: typeof ruleId === 'string' ? ruleId : '(eslint)', file: path.relative(repoDir, file), mode, stack });
        if (typeof ruleId !== 'string' || disabled.has(ruleId)) return undefined;
        disabled.add(ruleId);
      }
    }
  }

  function record(file: string, messages: readonly Linter.LintMessage[], mode: Mode): void {
    const relative = path.relative(repoDir, file);
    const lines = texts.get(file)!.split('\n');
    for (const message of messages) {
      if (message.fatal) {
        result.parseFailures.push({ file: relative, mode, message: `${message.line}:${message.column} ${message.message}` });
      } else if (message.ruleId?.startsWith(`${NAMESPACE}/`)) {
        const source = (lines[message.line - 1] ?? '').trim().slice(0, 240);
        result.reports.push({ rule: message.ruleId.slice(NAMESPACE.length + 1), repo: name, file: relative, line: message.line, column: message.column, message: message.message, source, mode });
      } else {
        result.otherMessages.push(`${relative}:${message.line} ${message.ruleId ?? ''} ${message.message}`);
      }
    }
  }

  const remaining = new Set(texts.keys());
  if (!values.untyped) {
    for (const config of findConfigs(repoDir)) {
      const { program, summary } = createProjectProgram(config, repoDir);
      result.programs.push(summary);
      if (!program) continue;
      const files = [...remaining].filter((file) => program.getSourceFile(file) !== undefined);
      const linter = createLinter(repoDir, typescriptOptions(program), disabled);
      for (const file of files) {
        remaining.delete(file);
        summary.files += 1;
        const messages = await lintOnce(linter, file, 'typed');
        if (messages) record(file, messages, 'typed');
      }
      result.typedFiles += files.length;
    }
  }

  const untyped = {
    module: createLinter(repoDir, javascriptOptions('module'), disabled),
    script: createLinter(repoDir, javascriptOptions('script'), disabled),
    typescript: createLinter(repoDir, typescriptOptions(undefined), disabled),
  };
  for (const file of remaining) {
    if (TYPESCRIPT_FILE.test(file)) {
      const messages = await lintOnce(untyped.typescript, file, 'untyped');
      if (messages) record(file, messages, 'untyped');
      continue;
    }
    const asModule = await lintOnce(untyped.module, file, 'untyped');
    if (asModule && !asModule.some((message) => message.fatal)) {
      record(file, asModule, 'untyped');
      continue;
    }
    const asScript = await lintOnce(untyped.script, file, 'untyped');
    // Neither way parses: the module's parse error is the one recorded.
    const parsed = asScript && !asScript.some((message) => message.fatal) ? asScript : (asModule ?? asScript);
    if (parsed) record(file, parsed, 'untyped');
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function table(header: string[], rows: (string | number)[][]): string {
  const lines = [header, header.map(() => '---'), ...rows.map((row) => row.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function topEntries(counts: Record<string, number>, limit: number): string {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const shown = entries.slice(0, limit).map(([key, count]) => `${key} ${count}`);
  return entries.length > limit ? `${shown.join(', ')}, … (${entries.length} packages)` : shown.join(', ') || 'none';
}

function printSummary(results: RepoResult[], seconds: number): void {
  console.log(
    `\n${table(
      ['repository', 'files', 'typed', 'skipped', 'parse failures', 'crashes', 'reports', 'seconds'],
      results.map((r) => [r.name, r.files, r.typedFiles, r.skipped, r.parseFailures.length, r.crashes.length, r.reports.length, r.seconds.toFixed(1)]),
    )}\n`,
  );
  const rows = results.flatMap((r) =>
    ruleNames.map((rule) => {
      const reports = r.reports.filter((report) => report.rule === rule);
      const typed = reports.filter((report) => report.mode === 'typed').length;
      return [r.name, rule, r.crashes.filter((crash) => crash.rule === `${NAMESPACE}/${rule}`).length, reports.length, typed];
    }),
  );
  console.log(`${table(['repository', 'rule', 'crashes', 'reports', 'of them typed'], rows)}\n`);
  for (const r of results) {
    for (const program of r.programs) {
      const what = program.error ?? `${program.files} files typed; from this project's node_modules: ${topEntries(program.fromPlugin, 12)}; unresolved: ${topEntries(program.unresolved, 6)}`;
      console.log(`${r.name}/${program.config}: ${what}`);
    }
    for (const failure of r.parseFailures) console.log(`${r.name}: parse failure (${failure.mode}) ${failure.file}:${failure.message}`);
    if (r.otherMessages.length > 0) console.log(`${r.name}: ${r.otherMessages.length} other messages, first: ${r.otherMessages[0]}`);
  }
  const crashes = results.flatMap((r) => r.crashes.map((crash) => ({ ...crash, repo: r.name })));
  for (const rule of new Set(crashes.map((crash) => crash.rule))) {
    const first = crashes.find((crash) => crash.rule === rule)!;
    console.log(`\n${rule}: ${crashes.filter((crash) => crash.rule === rule).length} crashes; first in ${first.repo}/${first.file} (${first.mode}):\n${first.stack}`);
  }
  console.log(`\n${results.reduce((sum, r) => sum + r.files, 0)} files, ${crashes.length} crashes, ${seconds.toFixed(1)} s`);
}

const started = performance.now();
const results: RepoResult[] = [];
for (const dir of positionals) {
  const repoDir = path.resolve(dir);
  if (!statSync(repoDir, { throwIfNoEntry: false })?.isDirectory()) fail(`${dir} is not a folder`);
  const repo = await lintRepository(repoDir);
  console.log(`${repo.name}: ${repo.files} files (${repo.typedFiles} typed), ${repo.parseFailures.length} parse failures, ${repo.crashes.length} crashes, ${repo.reports.length} reports, ${repo.seconds.toFixed(1)} s`);
  results.push(repo);
}
const seconds = (performance.now() - started) / 1000;
printSummary(results, seconds);
if (values.json !== undefined) {
  const reports = results.flatMap((r) => r.reports);
  const repositories = results.map((r) => ({ ...r, reports: undefined }));
  writeFileSync(values.json, `${JSON.stringify({ rules: ruleNames, untyped: values.untyped, seconds, repositories, reports }, null, 2)}\n`);
  console.log(`wrote ${reports.length} reports to ${values.json}`);
}
if (results.some((r) => r.crashes.length > 0)) process.exitCode = 1;
