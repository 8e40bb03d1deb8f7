/**
 * The `eslint` command as CI runs it: JSON and SARIF output, and identical results with
 * `--concurrency` (options and settings must be plain JSON; no state shared across files).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

/** Runs the eslint CLI; exit code 1 (problems found) still yields its output. */
function eslint(cwd: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, [eslintBin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    if (status !== 1) throw new Error(`eslint exited with ${status}: ${stderr}`);
    return stdout;
  }
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

/** Results (the CLI's JSON output, or the API's results) as comparable rows: file, line, column, rule, message. */
function rows(output: string | readonly JsonResult[], cwd: string): string[] {
  return (typeof output === 'string' ? (JSON.parse(output) as JsonResult[]) : output)
    .flatMap((result) => result.messages.map((message) => `${path.relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))
    .sort();
}

describe('eslint CLI output for CI', () => {
  const fixture = path.join(root, 'tests/fixtures/editor');

  it('--format json', () => {
    expect(rows(eslint(fixture, ['--format', 'json', 'session.ts']), fixture)).toEqual([
      'session.ts:7:56 error-codes/no-magic-error-codes Use Parse.Error.INVALID_SESSION_TOKEN instead of the literal 209.',
    ]);
  });

  it('--format @microsoft/eslint-formatter-sarif', () => {
    const sarif = JSON.parse(eslint(fixture, ['--format', '@microsoft/eslint-formatter-sarif', 'session.ts'])) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run?.tool.driver.rules.map((rule) => [rule.id, rule.helpUri.endsWith('/docs/rules/no-magic-error-codes.md')])).toEqual([['error-codes/no-magic-error-codes', true]]);
    expect(run?.results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.region.startLine])).toEqual([['error-codes/no-magic-error-codes', 7]]);
  });
});

describe('--concurrency and determinism', () => {
  // parse-app mixes typed TypeScript and untyped Cloud Code; native-bridge-app passes user
  // bindings through settings, which ESLint clones into each worker.
  const examples = ['parse-app', 'native-bridge-app'].map((name) => path.join(root, 'examples', name));

  it.each(examples.map((folder) => [path.basename(folder), folder] as const))('%s: --concurrency 2 gives the serial results, and runs repeat exactly', (_name, folder) => {
    const serial = eslint(folder, ['--format', 'json', '--concurrency', 'off', '.']);
    const parallel = eslint(folder, ['--format', 'json', '--concurrency', '2', '.']);
    const again = eslint(folder, ['--format', 'json', '--concurrency', 'off', '.']);
    const reports = rows(serial, folder);
    expect(reports.length).toBeGreaterThan(3);
    expect(reports.filter((row) => !row.includes(' error-codes/'))).toEqual([]);
    expect(rows(parallel, folder)).toEqual(reports);
    expect(rows(again, folder)).toEqual(reports);
  }, 180_000);

  // Every rule of the plugin on the TypeScript sources, whatever the examples' configs turn on.
  const everyRule = Object.fromEntries(Object.keys(plugin.configs.all[0]?.rules ?? {}).map((rule) => [rule, 'error' as const]));

  it.each(examples.map((folder) => [path.basename(folder), folder] as const))('%s: every rule gives the same results with concurrency off, 2 and auto', async (_name, folder) => {
    const lint = async (concurrency: 'off' | 'auto' | number): Promise<string[]> => {
      const eslint = new ESLint({ cwd: folder, overrideConfig: [{ files: ['src/**/*.ts'], rules: everyRule }], concurrency });
      return rows(await eslint.lintFiles(['.']), folder);
    };
    const serial = await lint('off');
    expect(Object.keys(everyRule).length).toBeGreaterThanOrEqual(5);
    expect(serial.filter((row) => !row.includes(' error-codes/'))).toEqual([]);
    expect(serial.length).toBeGreaterThan(3);
    expect(await lint(2)).toEqual(serial);
    expect(await lint('auto')).toEqual(serial);
  }, 240_000);
});
