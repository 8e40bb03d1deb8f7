/**
 * Turns a BenchResult into the markdown tables of bench/RESULTS.md: configurations, per-rule
 * time, type-checker calls, ratios and targets.
 */
import {
  type BenchResult,
  type ConfigId,
  type ConfigSpec,
  MAGIC_NUMBERS_RULE,
  OUR_RULES,
  type RunSample,
  type SizeResult,
  SWITCH_RULE,
  allConfigs,
} from './runner.js';

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function samplesOf(size: SizeResult, config: ConfigId): RunSample[] {
  return size.samples.filter((sample) => sample.config === config);
}

function med(size: SizeResult, config: ConfigId, value: (sample: RunSample) => number): number | undefined {
  return median(samplesOf(size, config).map(value));
}

const ruleTime = (rule: string) => (sample: RunSample): number => sample.ruleMs[rule] ?? 0;
const ourTime = (sample: RunSample): number => OUR_RULES.reduce((sum, rule) => sum + (sample.ruleMs[rule] ?? 0), 0);
const allRulesTime = (sample: RunSample): number => Object.values(sample.ruleMs).reduce((sum, ms) => sum + ms, 0);

/** Median over rounds of a per-round ratio between two configurations run in the same round. */
function pairedMedian(size: SizeResult, top: ConfigId, bottom: ConfigId, value: (top: RunSample, bottom: RunSample) => number): number | undefined {
  const values: number[] = [];
  for (const sample of samplesOf(size, top)) {
    const other = size.samples.find((candidate) => candidate.config === bottom && candidate.round === sample.round);
    if (other) values.push(value(sample, other));
  }
  return median(values);
}

const fmt = (value: number | undefined, digits = 2): string => (value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));
const pct = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${(value * 100).toFixed(1)} %`);
const seconds = (ms: number | undefined): string => fmt(ms === undefined ? undefined : ms / 1000, 1);
const perFile = (ms: number | undefined, files: number): string => fmt(ms === undefined ? undefined : ms / files, 3);

export interface Target {
  readonly id: string;
  readonly label: string;
  /** Measured value per size (ratio), or one value across sizes. */
  readonly values: readonly { readonly where: string; readonly value: number | undefined; readonly display: string }[];
  readonly target: string;
  /** true / false when every value is known; undefined when something was not run. */
  readonly met: boolean | undefined;
  /** Whether the row decides the target, or only gives context. */
  readonly decisive: boolean;
}

function verdict(values: readonly (number | undefined)[], ok: (value: number) => boolean): boolean | undefined {
  if (values.length === 0 || values.some((value) => value === undefined || !Number.isFinite(value))) return undefined;
  return values.every((value) => ok(value!));
}

/** Every ratio the issue asks for, with its target. */
export function targets(result: BenchResult): Target[] {
  const sizes = result.sizes;
  const rows: Target[] = [];
  const perSize = (id: string, label: string, target: string, ok: (value: number) => boolean, compute: (size: SizeResult) => number | undefined, display: (value: number | undefined) => string, decisive = true): void => {
    const values = sizes.map((size) => {
      const value = compute(size);
      return { where: `N=${size.n}`, value, display: display(value) };
    });
    rows.push({ id, label, values, target, met: verdict(values.map((value) => value.value), ok), decisive });
  };

  // (b+ − b) / b
  perSize('overhead-wall', '(b+ − b) / b, wall time (median of per-round pairs; noisy, see the min–max columns)', '≤ 3 %', (v) => v <= 0.03, (size) => pairedMedian(size, 'b+', 'b', (top, bottom) => (top.wallMs - bottom.wallMs) / bottom.wallMs), pct, false);
  perSize('overhead-cpu', '(b+ − b) / b, CPU time (median of per-round pairs)', '≤ 3 %', (v) => v <= 0.03, (size) => pairedMedian(size, 'b+', 'b', (top, bottom) => (top.cpuMs - bottom.cpuMs) / bottom.cpuMs), pct, false);
  perSize('overhead-stats', '(b+ − b) / b as our rules’ own time in (b+) / wall of (b) (ESLint stats, same runs)', '≤ 3 %', (v) => v <= 0.03, (size) => {
    const ours = med(size, 'b+', ourTime);
    const base = med(size, 'b', (sample) => sample.wallMs);
    return ours === undefined || base === undefined ? undefined : ours / base;
  }, pct);

  // Each rule vs switch-exhaustiveness-check, alone.
  for (const rule of OUR_RULES) {
    perSize(`vs-switch:${rule}`, `${rule} / ${SWITCH_RULE}, rule time alone (c)`, '≤ 1.00', (v) => v <= 1, (size) => {
      const mine = med(size, `c:${rule}`, ruleTime(rule));
      const theirs = med(size, `c:${SWITCH_RULE}`, ruleTime(SWITCH_RULE));
      return mine === undefined || theirs === undefined ? undefined : mine / theirs;
    }, (value) => fmt(value));
    perSize(`vs-switch-wall:${rule}`, `${rule} / ${SWITCH_RULE}, wall above (a): ((c) − (a)) / ((c switch) − (a))`, '≤ 1.00', (v) => v <= 1, (size) => {
      const mine = pairedMedian(size, `c:${rule}`, 'a', (top, bottom) => top.wallMs - bottom.wallMs);
      const theirs = pairedMedian(size, `c:${SWITCH_RULE}`, 'a', (top, bottom) => top.wallMs - bottom.wallMs);
      return mine === undefined || theirs === undefined ? undefined : mine / theirs;
    }, (value) => fmt(value), false);
  }

  // Scaling 10× files.
  const small = sizes[0];
  const large = sizes.at(-1);
  const scaling = (id: string, label: string, value: (sample: RunSample) => number, config: ConfigId, decisive: boolean): void => {
    let ratio: number | undefined;
    let where = 'needs two sizes';
    let target = '≤ 1.05 × the files ratio';
    let limit = Number.NaN;
    if (small && large && small !== large) {
      const a = med(small, config, value);
      const b = med(large, config, value);
      ratio = a === undefined || b === undefined || a === 0 ? undefined : b / a;
      where = `N=${large.n} / N=${small.n}, ${fmt(large.n / small.n, 1)}× the files`;
      limit = 1.05 * (large.n / small.n);
      target = `≤ ${fmt(limit)}`;
    }
    rows.push({ id, label, values: [{ where, value: ratio, display: fmt(ratio) }], target, met: verdict([ratio], (v) => v <= limit), decisive });
  };
  scaling('scale-ours', 'our rules’ time in (b+), large / small corpus', ourTime, 'b+', true);
  scaling('scale-bplus', '(b+) wall, large / small corpus', (sample) => sample.wallMs, 'b+', true);
  for (const rule of OUR_RULES) scaling(`scale-alone:${rule}`, `${rule} alone (c), rule time, large / small`, ruleTime(rule), `c:${rule}`, false);
  scaling('scale-switch', `${SWITCH_RULE} alone (c), rule time, large / small`, ruleTime(SWITCH_RULE), `c:${SWITCH_RULE}`, false);
  scaling('scale-a', '(a) wall, large / small corpus', (sample) => sample.wallMs, 'a', false);
  scaling('scale-b', '(b) wall, large / small corpus', (sample) => sample.wallMs, 'b', false);

  // Untyped.
  perSize('untyped-rules', '(e) our recommended rules’ time / no-magic-numbers time (JS, no types)', '≤ 2.00', (v) => v <= 2, (size) => {
    const ours = med(size, 'e:recommended', ourTime);
    const core = med(size, 'e:no-magic-numbers', ruleTime(MAGIC_NUMBERS_RULE));
    return ours === undefined || core === undefined ? undefined : ours / core;
  }, (value) => fmt(value));
  for (const rule of OUR_RULES) {
    perSize(`untyped-rule:${rule}`, `(e) ${rule} time / no-magic-numbers time`, '≤ 2.00', (v) => v <= 2, (size) => {
      const ours = med(size, 'e:recommended', ruleTime(rule));
      const core = med(size, 'e:no-magic-numbers', ruleTime(MAGIC_NUMBERS_RULE));
      return ours === undefined || core === undefined ? undefined : ours / core;
    }, (value) => fmt(value), false);
  }
  perSize('untyped-wall', '(e) wall: our recommended / no-magic-numbers (parsing included)', '≤ 1.20', (v) => v <= 1.2, (size) => pairedMedian(size, 'e:recommended', 'e:no-magic-numbers', (top, bottom) => top.wallMs / bottom.wallMs), (value) => fmt(value), false);
  return rows;
}

function configRows(size: SizeResult, specs: readonly ConfigSpec[]): string[] {
  const lines = [
    `| Configuration | runs | wall median s | wall min–max s | CPU median s | GC pauses s | parse ms/file | all rules ms/file | our rules ms/file | heap before MiB | peak heap MiB | peak RSS MiB | problems | ours | fatal |`,
    `| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |`,
  ];
  for (const spec of allConfigs()) {
    const runs = samplesOf(size, spec.id);
    if (runs.length === 0 || !specs.some((candidate) => candidate.id === spec.id)) {
      lines.push(`| ${spec.label} | 0 | not run | | | | | | | | | | | | |`);
      continue;
    }
    const files = runs[0]!.files;
    const walls = runs.map((run) => run.wallMs);
    lines.push(
      `| ${spec.label} | ${runs.length} | ${seconds(median(walls))} | ${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))} | ${seconds(med(size, spec.id, (s) => s.cpuMs))} | ${seconds(med(size, spec.id, (s) => s.gcMs ?? Number.NaN))} | ${perFile(med(size, spec.id, (s) => s.parseMs), files)} | ${perFile(med(size, spec.id, allRulesTime), files)} | ${perFile(med(size, spec.id, ourTime), files)} | ${fmt(med(size, spec.id, (s) => s.heapBeforeMiB), 0)} | ${fmt(med(size, spec.id, (s) => s.peakHeapMiB), 0)} | ${fmt(med(size, spec.id, (s) => s.peakRssMiB), 0)} | ${runs[0]!.problems} | ${runs[0]!.ourProblems} | ${Math.max(...runs.map((run) => run.fatal))} |`,
    );
  }
  return lines;
}

function ruleRows(result: BenchResult): string[] {
  const sizes = result.sizes;
  const header = `| Rule | in configuration | ${sizes.map((size) => `ms/file @${size.n}`).join(' | ')} |`;
  const lines = [header, `| :-- | :-- | ${sizes.map(() => '--:').join(' | ')} |`];
  const row = (rule: string, config: ConfigId, label: string): void => {
    const cells = sizes.map((size) => {
      const runs = samplesOf(size, config);
      return runs.length === 0 ? 'not run' : perFile(med(size, config, ruleTime(rule)), runs[0]!.files);
    });
    lines.push(`| ${rule} | ${label} | ${cells.join(' | ')} |`);
  };
  for (const rule of OUR_RULES) {
    row(rule, 'b+', '(b+), types already computed by the baseline');
    row(rule, `c:${rule}`, '(c) alone, pays for the types it asks');
  }
  row(SWITCH_RULE, `c:${SWITCH_RULE}`, '(c) alone, pays for the types it asks');
  // The most expensive baseline rules, for scale.
  const largest = sizes.at(-1);
  if (largest && samplesOf(largest, 'b').length > 0) {
    const totals = new Map<string, number>();
    for (const sample of samplesOf(largest, 'b')) for (const [rule, ms] of Object.entries(sample.ruleMs)) totals.set(rule, (totals.get(rule) ?? 0) + ms);
    for (const [rule] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 5)) row(rule, 'b', '(b) baseline, top 5');
  }
  for (const rule of OUR_RULES) row(rule, 'e:recommended', '(e) untyped JS');
  row(MAGIC_NUMBERS_RULE, 'e:no-magic-numbers', '(e) untyped JS');
  return lines;
}

function countRows(result: BenchResult): string[] {
  const lines = [
    `| Counted | mode | N | candidate nodes | checker calls | calls / candidate | candidates / file |`,
    `| :-- | :-- | --: | --: | --: | --: | --: |`,
  ];
  let any = false;
  for (const size of result.sizes) {
    if (!size.counts) continue;
    any = true;
    for (const [mode, counts] of [
      ['typed', size.counts.typed],
      ['typed, 2 literal rules only', size.counts.typedLiteralOnly],
      ['untyped (JS)', size.counts.untyped],
    ] as const) {
      for (const [rule, count] of Object.entries(counts)) {
        lines.push(
          `| ${rule} | ${mode} | ${size.n} | ${count.candidates} | ${count.checkerCalls} | ${fmt(count.candidates === 0 ? undefined : count.checkerCalls / count.candidates)} | ${fmt(count.candidates / size.n)} |`,
        );
      }
    }
  }
  if (!any) lines.push(`| (not counted) | | | | | | |`);
  return lines;
}

function targetRows(rows: readonly Target[]): string[] {
  const lines = [`| Ratio | value | target | met |`, `| :-- | :-- | --: | :-: |`];
  for (const row of rows) {
    const value = row.values.map((entry) => `${entry.display} (${entry.where})`).join('; ');
    const met = row.met === undefined ? 'n/a' : row.met ? 'yes' : '**no**';
    lines.push(`| ${row.decisive ? '' : '↳ '}${row.label} | ${value} | ${row.target} | ${row.decisive ? met : `(${met})`} |`);
  }
  return lines;
}

/** The markdown block: run notes, tables, ratios. */
export function formatReport(result: BenchResult): string {
  const { machine } = result;
  const out: string[] = [];
  out.push(`Generated by \`npx tsx bench/run.ts\` on ${machine.date}.`, '');
  out.push('### Machine', '');
  out.push(`- ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}; ${machine.os}; Node ${machine.node}`);
  out.push(
    `- Plugin sources: commit ${machine.plugin.commit}${machine.plugin.modified.length > 0 ? `, with uncommitted changes in ${machine.plugin.modified.join(', ')}` : ', no uncommitted changes'} (the tsc build in dist/, as users run it)`,
  );
  out.push(`- ${Object.entries(machine.versions).map(([pkg, version]) => `${pkg} ${version}`).join(', ')}`);
  out.push(`- Load average (1, 5, 15 min) at start ${machine.load.start.map((v) => v.toFixed(2)).join(', ')}, at end ${machine.load.end.map((v) => v.toFixed(2)).join(', ')} (${machine.cpus} CPUs: above ${machine.cpus} means other processes competed for the CPUs)`);
  out.push(`- V8 heap limit ${fmt(machine.heapLimitMiB, 0)} MiB (default for this machine's memory)`);
  out.push('- `free -h`:', '', '```', machine.memory, '```', '');
  out.push('### Method', '');
  out.push(
    `- Seed ${result.seed}; sizes ${result.sizes.map((size) => `${size.n} files (${size.corpus.lines} lines, sha256 ${size.corpus.hash.slice(0, 12)}…)`).join(', ')}.`,
    `- Timed rounds per size: ${result.sizes.map((size, index) => `${result.rounds[index] ?? 0} @${size.n}`).join(', ')}; warm-up (untimed, smallest size): ${result.warmup.length > 0 ? result.warmup.join(', ') : 'none'}. Every round runs every configuration in the order of the table, sizes interleaved; values are medians over rounds.`,
    '- Every run is cold: a new `ESLint` instance and `clearCaches()` of typescript-eslint, so each typed run builds its own project service and program (as a CI run does). A full GC precedes each run.',
    '- Wall = `new ESLint()` + `lintFiles()`. CPU = process user+system time over the same span, all threads (the parallel GC threads of V8 count, so CPU can exceed wall when a core is free). GC pauses = sum of V8 `gc` performance entries during the run. Rule and parse times are ESLint `stats` (wall clock inside the linter), summed over files. Heap before = V8 heap right after the forced GC that starts the run (what earlier runs left behind); peak heap and peak RSS are sampled every 25 ms (RSS never shrinks much, so it is the process high-water mark so far).',
    '- Checker calls: a separate child process with `ERROR_CODES_BENCH=1` lints each corpus with our rules only (the counters are per rule, so they equal those of (b+)); the timed process never counts.',
    `- Total bench time ${fmt(result.totalMs / 60000, 1)} min.`,
    '',
  );
  for (const size of result.sizes) {
    out.push(`### Configurations, ${size.n} files`, '', ...configRows(size, result.configs), '');
  }
  out.push('### Per-rule time', '', ...ruleRows(result), '');
  out.push('### Type-checker calls per candidate node', '', ...countRows(result), '');
  out.push('### Ratios and targets', '', ...targetRows(targets(result)), '');
  out.push('Rows marked ↳ give context; the other rows decide the target.');
  return out.join('\n');
}

export const BEGIN = '<!-- bench:begin (generated by bench/run.ts --write; edit outside these markers) -->';
export const END = '<!-- bench:end -->';

/** RESULTS.md with the generated block replaced (or a new file around it). */
export function mergeResults(previous: string | undefined, block: string): string {
  const generated = `${BEGIN}\n\n${block}\n\n${END}`;
  if (previous?.includes(BEGIN) && previous.includes(END)) {
    return `${previous.slice(0, previous.indexOf(BEGIN))}${generated}${previous.slice(previous.indexOf(END) + END.length)}`;
  }
  return `# Benchmark results\n\n${generated}\n`;
}
