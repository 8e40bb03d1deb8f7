/**
 * Fuzzing, bounded batch: seeded random programs (eslump mixed with SDK-flavoured snippets),
 * every rule, typed and untyped. No rule may throw, every autofix output and every suggestion
 * must parse, and fixing must converge. `npm run fuzz -- --count N` runs longer batches.
 */
import { describe, expect, it } from 'vitest';

import { lintRegression, regressionPrograms } from './regressions.js';
import plugin from '../../src/index.js';
import { generateProgram } from './generate.js';
import { describeFailures, emptyStats, lintProgram, runBatch, summaryLine, VARIANTS } from './run.js';

/** Fixed seed: the batch is the same on every run, so a failure here is reproducible. */
const SEED = 20_251_122;
/** Programs linted untyped (JavaScript: espree and the TS parser; TypeScript: the TS parser). */
const UNTYPED = 1000;
/**
 * Of those, how many are also linted typed (fixture project, real SDK typings). A typed lint
 * costs 100–200 ms per pass on a 2-core machine against ~10–30 ms untyped; with 60 the whole
 * file took 55–70 s there (85 s wall time with vitest start-up, on a busy machine).
 */
const TYPED = 60;

describe('fuzz', () => {
  it('runs every rule that has options with options in some variant', () => {
    const withOptions = Object.entries(plugin.rules)
      .filter(([, rule]) => { const { schema } = rule.meta as { schema?: unknown }; return Array.isArray(schema) && schema.length > 0; })
      .map(([name]) => name);
    const fuzzed = new Set(VARIANTS.flatMap((variant) => Object.keys(variant.options)));
    expect(withOptions.filter((name) => !fuzzed.has(name))).toEqual([]);
    expect(withOptions.length).toBeGreaterThan(0);
  });

  it(`lints ${UNTYPED} seeded programs untyped and ${TYPED} typed without crashes, broken fixes or non-converging fixes`, () => {
    const stats = runBatch({ seed: SEED, count: UNTYPED, typed: TYPED });
    console.log(summaryLine(stats));
    expect(stats.failures.length, describeFailures(stats.failures)).toBe(0);
    // The generator must keep producing mostly valid programs, or the batch tests little.
    expect(stats.parsed).toBeGreaterThan(stats.runs * 0.8);
    expect(stats.typedRuns).toBe(TYPED);
    expect(stats.typedParsed).toBeGreaterThan(TYPED * 0.8);
    expect(stats.messages).toBeGreaterThan(0);
    expect(stats.fixes).toBeGreaterThan(0);
    expect(stats.suggestions).toBeGreaterThan(0);
  }, 600_000);

  it('reports the same in typed lints whether or not the environment variable CI is set', () => {
    // typescript-eslint infers a single run from CI=true; typed lints of in-memory code must not
    // change with it (a CI run would otherwise lint the fixture's files on disk and lose reports).
    const programs = Array.from({ length: 40 }, (_, index) => generateProgram(SEED, index)).filter((program) => program.shape !== 'eslump').slice(0, 8);
    const typedMessages = (): number =>
      programs.reduce((sum, program, index) => {
        const stats = emptyStats();
        lintProgram({ ...program, origin: `seed ${SEED} #${index}` }, ['typed'], VARIANTS[0]!, stats);
        expect(stats.failures.length, describeFailures(stats.failures)).toBe(0);
        return sum + stats.messages;
      }, 0);
    const ci = process.env.CI;
    process.env.CI = 'true';
    let withCi: number;
    try {
      withCi = typedMessages();
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
    delete process.env.CI;
    let withoutCi: number;
    try {
      withoutCi = typedMessages();
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
    expect(programs.length).toBe(8);
    expect(withoutCi).toBeGreaterThan(0);
    expect(withCi).toBe(withoutCi);
  }, 120_000);

  describe('regressions', () => {
    const programs = regressionPrograms();
    it('has regression programs', () => {
      expect(programs.length).toBeGreaterThanOrEqual(3);
    });
    for (const program of programs) {
      it(`${program.file}: no crash, fixes and suggestions parse, fixing converges`, () => {
        const stats = emptyStats();
        lintRegression(program, stats);
        expect(stats.failures.length, describeFailures(stats.failures, 3)).toBe(0);
        expect(stats.parsed, `${program.file} parses in no mode`).toBeGreaterThan(0);
      }, 120_000);
    }
  });
});
