/**
 * The published package: `npm pack`, install the tarball into a fresh app next to eslint,
 * typescript-eslint, typescript and parse (one install for every case here), and use it as a
 * user does: a TypeScript-only project, the README's config on a TypeScript app with Parse Cloud
 * Code, the errors for a config without a program and for typos, settings paths from two
 * working directories, and the exported types under tsc. This proves `exports`, `files`, the
 * peer dependencies and the `.d.ts` files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'tests/fixtures/packaging');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(path.join(tmpdir(), 'error-codes-pack-'));
const app = path.join(work, 'app');
const mixed = path.join(app, 'mixed');
const versions = JSON.parse(execFileSync(npm, ['ls', '--json', '--depth=0', 'eslint', 'typescript', 'typescript-eslint', 'parse'], { cwd: root, encoding: 'utf8' })) as {
  dependencies: Record<string, { version: string }>;
};

let files: string[] = [];

/** The `js` code blocks of the README's "Using the plugin" section: the config, then the settings paths. */
function readmeBlocks(): [config: string, paths: string] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /^## Using the plugin\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
  if (blocks.length !== 2) throw new Error(`README.md has ${blocks.length} js blocks under "## Using the plugin", not 2`);
  return [blocks[0]!, blocks[1]!];
}

/** The README's settings fragment in a config file that extends the README's config. */
function pathsConfig(fragment: string): string {
  const lines = fragment.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  return `${imports.join('\n')}\nimport base from './eslint.config.js';\n\nexport default [...base, {\n${body.join('\n')}\n}];\n`;
}

beforeAll(() => {
  // tests/global-setup.ts has built dist/.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed[0]!.files.map((file) => file.path);

  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const dependencies = ['eslint', 'typescript', 'typescript-eslint', 'parse'].map((name) => `${name}@${versions.dependencies[name]!.version}`);
  execFileSync(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', path.join(work, packed[0]!.filename), ...dependencies], {
    cwd: app,
    encoding: 'utf8',
    stdio: 'pipe',
  });

  // A TypeScript-only project at the app's root.
  writeFileSync(
    path.join(app, 'eslint.config.js'),
    `import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  ...errorCodes.configs['recommended-type-checked'],
];
`,
  );
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true }, include: ['*.ts'] }),
  );
  writeFileSync(
    path.join(app, 'session.ts'),
    `import Parse from 'parse';
declare const err: Parse.Error;
export const expired = err.code === 209;
`,
  );

  // A TypeScript app with Cloud Code, configured by the README; and the exported types.
  cpSync(path.join(fixtures, 'mixed'), mixed, { recursive: true });
  const [config, paths] = readmeBlocks();
  writeFileSync(path.join(mixed, 'eslint.config.js'), config);
  writeFileSync(path.join(mixed, 'eslint.paths.config.js'), pathsConfig(paths));
  cpSync(path.join(fixtures, 'types'), path.join(app, 'types'), { recursive: true });
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(bin: string, args: string[], cwd: string): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [path.join(app, 'node_modules', bin), ...args], { cwd, encoding: 'utf8' });
  return { status, stdout, stderr };
}

const eslint = (args: string[], cwd = mixed): Run => run('eslint/bin/eslint.js', args, cwd);

/** `eslint --format json`: every message as [file relative to the app, rule (or `fatal`), line]. */
function lint(args: string[], cwd = mixed): { status: number | null; messages: [string, string, number][] } {
  const result = eslint(['--format', 'json', ...args], cwd);
  expect(result.stderr).toBe('');
  const results = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean; line: number }[] }[];
  return {
    status: result.status,
    messages: results.flatMap((file) =>
      file.messages.map((message): [string, string, number] => [path.relative(app, file.filePath), message.fatal ? 'fatal' : (message.ruleId ?? 'fatal'), message.line]),
    ),
  };
}

/** ESLint's crash output: the error and ESLint's own lines, without a stack trace. */
function expectOneClearError(result: Run, message: string): void {
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

// Other rules may report more on these files; these reports show types on .ts and none on .js.
const mixedReports: [string, string, number][] = [
  ['mixed/cloud/main.js', 'error-codes/no-magic-error-codes', 7],
  ['mixed/src/session.ts', 'error-codes/no-magic-error-codes', 4],
  ['mixed/src/typeonly.ts', 'error-codes/no-magic-error-codes', 6],
  ['mixed/src/typeonly.ts', 'error-codes/no-unknown-error-codes', 7],
];

describe('npm package', () => {
  it('ships the build, the catalogs, the docs, the license and the changelog, and no tests', () => {
    expect([...new Set(files.map((file) => file.split('/')[0]))].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'catalogs', 'dist', 'docs', 'package.json']);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('catalogs/catalog.schema.json');
    expect(files).toContain('docs/rules/no-magic-error-codes.md');
    expect(files.filter((file) => file.startsWith('tests/') || file.startsWith('src/') || file.startsWith('examples/'))).toEqual([]);
    expect(readdirSync(path.join(app, 'node_modules/eslint-plugin-error-codes'))).toContain('catalogs');
  });

  it('lints a TypeScript-only project with the type-checked config', () => {
    expect(lint(['session.ts'], app)).toEqual({ status: 1, messages: [['session.ts', 'error-codes/no-magic-error-codes', 3]] });
  });
});

describe("the README's config on a TypeScript app with Parse Cloud Code", () => {
  let readmeResult: ReturnType<typeof lint> | undefined;
  const lintWithReadmeConfig = () => (readmeResult ??= lint(['.']));

  it('lints TypeScript with types and Cloud Code without, and parses every file', () => {
    const { status, messages } = lintWithReadmeConfig();
    expect(messages.filter(([, rule]) => !rule.startsWith('error-codes/'))).toEqual([]);
    expect(messages).toEqual(expect.arrayContaining(mixedReports));
    expect(status).toBe(1);
  });

  it("gives the same results with typescript-eslint's spelling of the config names", () => {
    expect(lint(['-c', 'eslint.camel-case.config.js', '.'])).toEqual(lintWithReadmeConfig());
  });
});

describe('a type-checked config on a file without a TypeScript program', () => {
  it('stops with one message that names the file and the setting to add', () => {
    expectOneClearError(
      eslint(['-c', 'eslint.no-program.config.js', 'src/typeonly.ts']),
      "eslint-plugin-error-codes: src/typeonly.ts has no TypeScript program, which the type-checked configs (recommended-type-checked, strict, all) need. Set languageOptions.parserOptions.projectService: true",
    );
  });
});

describe('typos', () => {
  it('a misspelt config name throws with the name meant', () => {
    const result = eslint(['-c', 'eslint.misspelt-config.config.js', 'cloud/main.js']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`TypeError: eslint-plugin-error-codes: there is no config "recomended"; did you mean 'recommended'?`);
  });

  it("settings.errorCodes stops the run: did you mean 'error-codes'?", () => {
    expectOneClearError(
      eslint(['-c', 'eslint.misspelt-namespace.config.js', 'cloud/main.js']),
      `eslint-plugin-error-codes: unknown settings key "errorCodes"; did you mean 'error-codes'? The plugin reads its settings from settings['error-codes'].`,
    );
  });

  it("a misspelt key inside settings['error-codes'] is one line with the key meant, also from ESLint's worker threads", () => {
    for (const concurrency of ['off', '2']) {
      expectOneClearError(
        eslint(['-c', 'eslint.misspelt-key.config.js', '--concurrency', concurrency, 'cloud/main.js', 'src/session.ts']),
        `eslint-plugin-error-codes: settings['error-codes']: unexpected property "catalog"; did you mean "catalogs"?`,
      );
    }
  });
});

describe("the README's settings paths", () => {
  it('a catalog anchored at the config and a binding relative to the tsconfig hold from two working directories', () => {
    const config = path.join(mixed, 'eslint.paths.config.js');
    const expected = { status: 1, messages: [['mixed/src/api.ts', 'error-codes/no-unknown-error-codes', 7]] };
    expect(lint(['-c', config, 'src/api.ts'], mixed)).toEqual(expected);
    expect(lint(['-c', config, 'api.ts'], path.join(mixed, 'src'))).toEqual(expected);
  });
});

describe('types', () => {
  it("eslint.config.ts type-checks with ESLint's defineConfig and with tseslint.config", () => {
    const result = run('typescript/bin/tsc', ['-p', 'types'], app);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
