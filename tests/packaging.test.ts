/**
 * The published package: `npm pack`, install the tarball into a fresh project next to eslint,
 * typescript-eslint, typescript and parse, and lint a file there with the one-line config.
 * This proves `exports`, `files` and the peer dependencies.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(path.join(tmpdir(), 'error-codes-pack-'));
const project = path.join(work, 'app');
const versions = JSON.parse(execFileSync(npm, ['ls', '--json', '--depth=0', 'eslint', 'typescript', 'typescript-eslint', 'parse'], { cwd: root, encoding: 'utf8' })) as {
  dependencies: Record<string, { version: string }>;
};

let files: string[] = [];
let tarball = '';

beforeAll(() => {
  // tests/global-setup.ts has built dist/.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(work, packed[0]!.filename);
  files = packed[0]!.files.map((file) => file.path);

  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const dependencies = ['eslint', 'typescript', 'typescript-eslint', 'parse'].map((name) => `${name}@${versions.dependencies[name]!.version}`);
  execFileSync(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball, ...dependencies], {
    cwd: project,
    encoding: 'utf8',
    stdio: 'pipe',
  });
  writeFileSync(
    path.join(project, 'eslint.config.js'),
    `import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  ...errorCodes.configs['recommended-type-checked'],
];
`,
  );
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true }, include: ['*.ts'] }),
  );
  writeFileSync(
    path.join(project, 'session.ts'),
    `import Parse from 'parse';
declare const err: Parse.Error;
export const expired = err.code === 209;
`,
  );
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('npm package', () => {
  it('ships the build, the catalogs, the docs, the license and the changelog, and no tests', () => {
    expect([...new Set(files.map((file) => file.split('/')[0]))].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'catalogs', 'dist', 'docs', 'package.json']);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('catalogs/catalog.schema.json');
    expect(files).toContain('docs/rules/no-magic-error-codes.md');
    expect(files.filter((file) => file.startsWith('tests/') || file.startsWith('src/') || file.startsWith('examples/'))).toEqual([]);
  });

  it('lints a fresh project with the one-line config', () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, [path.join(project, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'session.ts'], {
        cwd: project,
        encoding: 'utf8',
      });
    } catch (error) {
      // ESLint exits 1 when it reports problems; the JSON is on stdout all the same.
      output = (error as { stdout: string }).stdout;
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string | null; message: string; line: number }[] }[];
    expect(result?.messages.map((message) => [message.ruleId, message.line])).toEqual([['error-codes/no-magic-error-codes', 3]]);
    expect(readdirSync(path.join(project, 'node_modules/eslint-plugin-error-codes'))).toContain('catalogs');
  });
});
