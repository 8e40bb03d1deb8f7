/**
 * The plugin as users run it: the tsc build in dist/ (`npm run build`), not the TypeScript
 * sources through tsx, whose esbuild transform wraps every named function in a `__name` helper
 * and so adds cost to every closure the rules create. Built first when dist/ is missing or older
 * than a source file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type sourcePlugin from '../src/index.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = path.join(REPO, 'dist/src/index.js');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = Math.max(...['src', 'rules', 'catalogs'].map((dir) => newest(path.join(REPO, dir))));
if (builtAt() < sources) {
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
}

const built = (await import(pathToFileURL(BUILT).href)) as { default: typeof sourcePlugin };
export default built.default;
