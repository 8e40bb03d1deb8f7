/** The README rules table and the rule docs' headers match what eslint-doc-generator writes. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('README rules list and rule doc headers are up to date (npm run docs)', () => {
  const run = () => execFileSync('npm', ['run', '--silent', 'docs:rules', '--', '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  expect(run).not.toThrow();
});
