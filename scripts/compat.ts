/**
 * Compatibility run: the packed plugin against the versions users install today.
 *
 * Packs the tarball once, then for each ESLint (newest 9.x, newest 10.x) × typescript-eslint
 * (as locked, newest 8.x) installs it into a fresh app next to those versions and TypeScript as
 * locked, copies examples/native-bridge-app there (typed, with `from: 'file'` bindings) and lints
 * it from three working directories: the app, its `src/` folder, and the parent folder with
 * `--config`. Every run must give the reports the locked versions give in this repository.
 * Prints a table and exits with 1 on any difference. Run through `npm run compat`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import semver from 'semver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const example = path.join(root, 'examples', 'native-bridge-app');

interface LockFile {
  packages: Record<string, { version?: string }>;
}

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;

function lockedVersion(name: string): string {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (version === undefined) throw new Error(`package-lock.json has no node_modules/${name}`);
  return version;
}

/** The newest published version in a range, as the registry reports it now. */
function newestVersion(name: string, range: string): string {
  const output = execFileSync(npm, ['view', `${name}@${range}`, 'version', '--json'], { encoding: 'utf8' });
  const versions = [JSON.parse(output) as string | string[]].flat();
  const newest = semver.maxSatisfying(versions, range);
  if (newest === null) throw new Error(`npm view ${name}@${range} listed no version in the range`);
  return newest;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** One lint: each report as `file:line:column rule` (file relative to the app), sorted. */
function lint(eslintBin: string, cwd: string, args: string[], app: string): string[] {
  let output: string;
  try {
    output = run(process.execPath, [eslintBin, '--format', 'json', ...args], cwd);
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number | null; stdout: string; stderr: string };
    // Exit code 1 means "problems found"; anything else is a crash or a configuration error.
    if (status !== 1) throw new Error(`eslint ${args.join(' ')} in ${cwd} exited with ${status}: ${stderr.trim()}`);
    output = stdout;
  }
  return (JSON.parse(output) as JsonResult[])
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(app, result.filePath).replaceAll('\\', '/')}:${message.line}:${message.column} ${message.ruleId ?? `(fatal) ${message.message}`}`),
    )
    .sort();
}

/** Reports per rule, as `rule n, rule n`. */
function countsByRule(reports: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const report of reports) {
    const rule = report.slice(report.indexOf(' ') + 1).replace(/^error-codes\//, '');
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return [...counts].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';
}

/** The app's lint from its folder, its `src/` folder, and its parent folder with `--config`. */
function lintFromEachFolder(app: string, eslintBin: string): { folder: string; reports: string[] }[] {
  return [
    { folder: 'app', reports: lint(eslintBin, app, ['.'], app) },
    { folder: 'src/', reports: lint(eslintBin, path.join(app, 'src'), ['.'], app) },
    { folder: 'parent --config', reports: lint(eslintBin, path.dirname(app), ['--config', path.join(app, 'eslint.config.js'), path.basename(app)], app) },
  ];
}

const started = performance.now();
const typescript = lockedVersion('typescript');
const eslintVersions = [newestVersion('eslint', '^9'), newestVersion('eslint', '^10')];
// typescript-eslint with the plugin's own @typescript-eslint dependencies at the same point.
const tseslintPackages = ['typescript-eslint', '@typescript-eslint/utils', '@typescript-eslint/type-utils'];
const tseslintSets = [tseslintPackages.map((name) => `${name}@${lockedVersion(name)}`), tseslintPackages.map((name) => `${name}@${newestVersion(name, '^8')}`)];

// What the locked versions give: this repository's own install, linting the example in place
// (the example imports the plugin by its package name, which is this repository's dist/).
run(npm, ['run', 'build'], root);
const expected = lint(path.join(root, 'node_modules/eslint/bin/eslint.js'), example, ['.'], example);
if (expected.length === 0 || expected.some((report) => report.includes('(fatal)'))) {
  throw new Error(`the locked versions give no usable reports for examples/native-bridge-app:\n${expected.join('\n')}`);
}
console.log(`Expected (locked versions, in this repository): ${countsByRule(expected)}`);

const work = mkdtempSync(path.join(tmpdir(), 'error-codes-compat-'));
const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], root)) as { filename: string }[];
const tarball = path.join(work, packed[0]!.filename);

interface Row {
  eslint: string;
  tseslint: string;
  typeUtils: string;
  counts: string[];
  failure: string | undefined;
  seconds: number;
}

const rows: Row[] = [];
try {
  for (const eslint of eslintVersions) {
    for (const tseslintSet of tseslintSets) {
      const tseslint = tseslintSet[0]!.slice('typescript-eslint@'.length);
      const start = performance.now();
      const row: Row = { eslint, tseslint, typeUtils: '?', counts: [], failure: undefined, seconds: 0 };
      const app = path.join(work, `eslint-${eslint}-ts-eslint-${tseslint}`, 'app');
      try {
        mkdirSync(app, { recursive: true });
        cpSync(example, app, { recursive: true });
        writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
        run(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball, `eslint@${eslint}`, `typescript@${typescript}`, ...tseslintSet], app);
        row.typeUtils = (JSON.parse(readFileSync(path.join(app, 'node_modules/@typescript-eslint/type-utils/package.json'), 'utf8')) as { version: string }).version;
        const eslintBin = path.join(app, 'node_modules/eslint/bin/eslint.js');
        const differences: string[] = [];
        for (const { folder, reports } of lintFromEachFolder(app, eslintBin)) {
          row.counts.push(countsByRule(reports));
          const missing = expected.filter((report) => !reports.includes(report));
          const extra = reports.filter((report) => !expected.includes(report));
          if (missing.length + extra.length > 0) differences.push(`from ${folder}: ${[...missing.map((r) => `missing ${r}`), ...extra.map((r) => `extra ${r}`)].join('; ')}`);
        }
        row.failure = differences.length > 0 ? differences.join('\n  ') : undefined;
      } catch (error) {
        const { message, stderr } = error as { message: string; stderr?: string };
        row.failure = (stderr?.trim() || message).split('\n').slice(-12).join('\n  ');
      }
      row.seconds = (performance.now() - start) / 1000;
      rows.push(row);
      console.log(`ESLint ${eslint}, typescript-eslint ${tseslint}: ${row.failure === undefined ? 'pass' : 'FAIL'} (${row.seconds.toFixed(0)} s)`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nTypeScript ${typescript} (locked) in every app; reports by rule from each working directory.\n`);
console.log('| ESLint | typescript-eslint | type-utils | app | src/ | parent --config | result | seconds |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  const counts = row.counts.length === 3 ? row.counts : [...row.counts, '-', '-', '-'].slice(0, 3);
  console.log(`| ${row.eslint} | ${row.tseslint} | ${row.typeUtils} | ${counts.join(' | ')} | ${row.failure === undefined ? 'pass' : 'FAIL'} | ${row.seconds.toFixed(0)} |`);
}
const failures = rows.filter((row) => row.failure !== undefined);
for (const row of failures) console.error(`\nESLint ${row.eslint}, typescript-eslint ${row.tseslint}:\n  ${row.failure}`);
console.log(`\n${rows.length - failures.length} of ${rows.length} combinations pass; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`);
if (failures.length > 0) process.exitCode = 1;
