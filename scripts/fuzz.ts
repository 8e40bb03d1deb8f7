/**
 * Longer fuzz runs than the bounded batch of `npm test`:
 *
 *   npx tsx scripts/fuzz.ts --count N [--seed S] [--typed M]
 *
 * Generates N seeded programs (eslump mixed with SDK-flavoured snippets), lints each with every
 * rule untyped, and the first M that are not bare eslump programs also typed. Prints a summary
 * line. Each distinct failure (a rule crash, a fatal message, a fix or suggestion whose output
 * does not parse, fixing that does not converge) is printed with its stack and its program is
 * written to tests/fuzz/regressions/<kind>-<seed>-<index>.<js|ts>, where the regression test
 * picks it up; the exit code is then 1. Without --seed, the seed is taken from the clock and printed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { saveRegression } from '../tests/fuzz/regressions.js';
import { describeFailures, failureSignature, repoRoot, runBatch, summaryLine } from '../tests/fuzz/run.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    typed: { type: 'string', default: '0' },
  },
});

function integer(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`fuzz: --${name} must be a non-negative integer (got ${text})`);
    process.exit(2);
  }
  return value;
}

const count = integer('count', values.count);
const typed = integer('typed', values.typed);
const seed = values.seed === undefined ? Date.now() % 2 ** 32 : integer('seed', values.seed);

console.log(`fuzz: seed ${seed}, ${count} programs, ${typed} of them also typed`);
const started = performance.now();
const seen = new Map<string, number>();
const saved: string[] = [];

const stats = runBatch({
  seed,
  count,
  typed,
  onProgram(program, current, failures) {
    for (const failure of failures) {
      const signature = failureSignature(failure);
      seen.set(signature, (seen.get(signature) ?? 0) + 1);
      if (seen.get(signature) !== 1) continue;
      const file = saveRegression(`${failure.kind}-${seed}-${program.index}`, failure);
      saved.push(path.relative(repoRoot, file));
      console.log(`\nfuzz: new failure (program ${program.index}), saved as ${path.relative(repoRoot, file)}\n${describeFailures([failure], 1)}`);
    }
    if ((program.index + 1) % 1000 === 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`fuzz: ${program.index + 1}/${count} programs, ${current.failures.length} failures, ${seconds}s`);
    }
  },
});

console.log(summaryLine(stats));
console.log(`fuzz: ${((performance.now() - started) / 1000).toFixed(1)}s`);
if (stats.failures.length > 0) {
  console.log(`fuzz: ${stats.failures.length} failures, ${seen.size} distinct:`);
  for (const [signature, times] of seen) console.log(`  ${times}× ${signature}`);
  console.log(`fuzz: saved ${saved.join(', ')}`);
  process.exitCode = 1;
}
