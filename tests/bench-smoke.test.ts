/**
 * Smoke test of the benchmark (bench/), so that it never rots: a 20-file corpus, configurations
 * (b) and (b+) once each, and the report. Nothing here looks at timings.
 */
import { describe, expect, it } from 'vitest';

import { generateCorpus } from '../bench/corpus.js';
import { formatReport, targets } from '../bench/report.js';
import { allConfigs, ANALYSIS_COUNTS, OUR_RULES, runBench } from '../bench/runner.js';

const SEED = 20_240_601;

describe('bench smoke (N = 20)', () => {
  it('generates the same corpus for the same seed', () => {
    const first = generateCorpus(20, SEED);
    const second = generateCorpus(20, SEED);
    expect(second.hash).toBe(first.hash);
    expect(first.tsFiles).toHaveLength(20);
    expect(first.jsFiles).toHaveLength(20);
    expect(generateCorpus(20, SEED + 1).hash).not.toBe(first.hash);
  });

  // Usually 20–30 s; the margin is for a machine busy with the rest of the suite.
  it('runs (b) and (b+) and reports every row', { timeout: 120_000 }, async () => {
    // Counting runs beside the two lint runs: their timings are not looked at here.
    const result = await runBench({ sizes: [20], rounds: 1, seed: SEED, configs: ['b', 'b+'], warmup: [], counts: 'concurrently' });
    const [size] = result.sizes;
    expect(size?.samples.map((sample) => sample.config)).toEqual(['b', 'b+']);
    for (const sample of size!.samples) {
      expect(sample.files).toBe(20);
      expect(sample.fatal, sample.fatalMessages.join('\n')).toBe(0);
    }
    const baseline = size!.samples.find((sample) => sample.config === 'b')!;
    const withOurs = size!.samples.find((sample) => sample.config === 'b+')!;
    // The corpus handles errors badly in places: our rules must find some of it.
    expect(baseline.ourProblems).toBe(0);
    expect(withOurs.ourProblems).toBeGreaterThan(0);
    for (const rule of OUR_RULES) expect(Object.keys(withOurs.ruleMs)).toContain(rule);
    // Checker calls were counted in the child process, once for the shared analysis.
    expect(size!.counts?.typed[ANALYSIS_COUNTS]?.candidates).toBeGreaterThan(0);
    // One binding pass per file, however many rules read it: the code candidates bound with all
    // rules on are those bound with two (the flow rules add only their handler and dispatch queries).
    expect(size!.counts?.typedLiteralOnly[ANALYSIS_COUNTS]?.candidates).toBe(size!.counts?.typed[ANALYSIS_COUNTS]?.candidates);

    const table = formatReport(result);
    for (const spec of allConfigs()) expect(table).toContain(`| ${spec.label} |`);
    for (const rule of OUR_RULES) {
      expect(table).toContain(`| ${rule} | (b+)`);
    }
    expect(table).toContain(`| ${ANALYSIS_COUNTS} | typed | 20 |`);
    for (const target of targets(result)) expect(table).toContain(target.label);
    // The ratio that (b) and (b+) alone decide has a value.
    const overhead = targets(result).find((target) => target.id === 'overhead-stats');
    expect(overhead?.values[0]?.value).toBeTypeOf('number');
  });
});
