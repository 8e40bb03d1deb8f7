/**
 * The regression programs in tests/fuzz/regressions/: hand-picked nasty programs and every
 * program the fuzzer found a failure with (`npm run fuzz` writes them there).
 *
 * A file's extension gives its language (`.js` is also linted with espree). TypeScript files
 * start with `// @ts-nocheck` (after a hashbang, if any) so that `npm run typecheck` leaves them
 * alone; that line is removed before linting, so the program linted is the one that failed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Lang, SourceType } from './generate.js';
import { type Failure, lintOnce, type Mode, type Stats, VARIANTS } from './run.js';

export const regressionsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regressions');

const NOCHECK = '// @ts-nocheck\n';
const PREFIX = /^(\uFEFF?(?:#![^\n]*\n)?)/;

export interface RegressionProgram {
  readonly file: string;
  readonly lang: Lang;
  readonly text: string;
}

export function regressionPrograms(): RegressionProgram[] {
  return readdirSync(regressionsDir)
    .filter((file) => /\.(js|ts)$/.test(file))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(regressionsDir, file), 'utf8');
      const lang: Lang = file.endsWith('.ts') ? 'ts' : 'js';
      const text = lang === 'ts' ? raw.replace(new RegExp(`${PREFIX.source}${NOCHECK.replace('\n', '\\r?\\n')}`), '$1') : raw;
      return { file, lang, text };
    });
}

/** Lints a regression program in every mode, both source types (typed: module only) and the variants. */
export function lintRegression(program: RegressionProgram, stats: Stats): void {
  const modes: Mode[] = program.lang === 'js' ? ['espree', 'ts', 'typed'] : ['ts', 'typed'];
  stats.programs += 1;
  let parsed = false;
  for (const mode of modes) {
    for (const sourceType of (mode === 'typed' ? ['module'] : ['module', 'script']) as SourceType[]) {
      // Typed lints are slow: the default options, and the variant with user bindings (typed only).
      for (const variant of mode === 'typed' ? VARIANTS.filter((candidate) => candidate.name === 'defaults' || candidate.name === 'bindings') : VARIANTS) {
        parsed = lintOnce({ text: program.text, lang: program.lang, sourceType, origin: program.file }, mode, variant, stats) || parsed;
      }
    }
  }
  if (!parsed) stats.unparseablePrograms += 1;
}

/** Writes a failing program as `<name>.<js|ts>` in the regressions folder; returns the path. */
export function saveRegression(name: string, failure: Failure): string {
  const file = path.join(regressionsDir, `${name}.${failure.lang}`);
  const text = failure.lang === 'ts' ? failure.text.replace(PREFIX, `$1${NOCHECK}`) : failure.text;
  writeFileSync(file, text);
  return file;
}
