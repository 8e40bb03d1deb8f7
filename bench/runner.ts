/**
 * Measures the plugin's rules against typescript-eslint in one process, configuration after
 * configuration in alternation (a b b+ c… e… | a b b+ c… e… | …), and takes medians.
 *
 * Every run builds a new ESLint instance AND clears typescript-eslint's caches first
 * (`clearCaches()`), so every typed run starts a new project service and a new program: each
 * run is a cold, CI-like lint of the whole corpus. (A new ESLint instance alone would reuse the
 * process-wide project service and its warm program and type cache.) Full GCs run before each
 * run (see settle()) so that one run's memory is neither kept nor collected on the next's clock.
 *
 * Type-checker calls per candidate node come from a separate child process started with
 * ERROR_CODES_BENCH=1 (the plugin reads it when it loads), so the counting proxy never slows
 * the timed runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

import { clearCaches } from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

import plugin from './plugin.js';
import { BENCH_DIR, type Corpus, corpusDir, generateCorpus, REPO_DIR } from './corpus.js';

/** Every rule of the plugin (the `all` config): the set (b+) adds, and each one alone in (c). */
export const OUR_RULES = Object.keys(plugin.configs.all[0]?.rules ?? {});
export const SWITCH_RULE = '@typescript-eslint/switch-exhaustiveness-check';
export const MAGIC_NUMBERS_RULE = 'no-magic-numbers';

export type ConfigId =
  | 'a'
  | 'b'
  | 'b+'
  | `c:${string}`
  | 'e:recommended'
  | 'e:no-magic-numbers'
  /** All our rules alone: used only to count checker calls. */
  | 'ours'
  /** Only the two literal rules: their checker calls must equal those of all our rules. */
  | 'ours:literal';

/** The two rules that read only code sites; the others also read handlers and dispatches. */
export const LITERAL_RULES = ['error-codes/no-magic-error-codes', 'error-codes/no-unknown-error-codes'];

export interface ConfigSpec {
  readonly id: ConfigId;
  readonly label: string;
  readonly typed: boolean;
}

/** Every configuration, in the order a round runs them. */
export function allConfigs(): ConfigSpec[] {
  return [
    { id: 'a', label: '(a) typed parse, no rules', typed: true },
    { id: 'b', label: '(b) recommended-type-checked (baseline)', typed: true },
    { id: 'b+', label: '(b+) recommended-type-checked + our rules', typed: true },
    ...OUR_RULES.map((rule): ConfigSpec => ({ id: `c:${rule}`, label: `(c) ${rule} alone`, typed: true })),
    { id: `c:${SWITCH_RULE}`, label: `(c) ${SWITCH_RULE} alone`, typed: true },
    { id: 'e:recommended', label: '(e) untyped JS: our recommended', typed: false },
    { id: 'e:no-magic-numbers', label: '(e) untyped JS: core no-magic-numbers', typed: false },
  ];
}

/** The flat config array of a configuration, for a corpus folder. */
export function configFor(id: ConfigId, dir: string): Linter.Config[] {
  const typedBase = {
    name: 'bench/typed',
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
  };
  const recommendedTypeChecked = tseslint.configs.recommendedTypeChecked as unknown as Linter.Config[];
  const ours = plugin.configs.all as unknown as Linter.Config[];
  const pluginOnly = { name: 'bench/plugin', plugins: { 'error-codes': plugin } } as unknown as Linter.Config;
  switch (id) {
    case 'a':
      return [typedBase as Linter.Config];
    case 'b':
      return [...recommendedTypeChecked, typedBase as Linter.Config];
    case 'b+':
      return [...recommendedTypeChecked, typedBase as Linter.Config, ...ours];
    case 'ours':
      return [typedBase as Linter.Config, ...ours];
    case 'ours:literal':
      return [typedBase as Linter.Config, pluginOnly, { name: 'bench/literal', rules: Object.fromEntries(LITERAL_RULES.map((rule) => [rule, 'error'])) }];
    case 'e:recommended':
      return [{ name: 'bench/js', files: ['**/*.js'] }, ...(plugin.configs.recommended as unknown as Linter.Config[])];
    case 'e:no-magic-numbers':
      return [{ name: 'bench/js', files: ['**/*.js'], rules: { [MAGIC_NUMBERS_RULE]: 'error' } }];
    default: {
      const rule = id.slice(2);
      if (rule === SWITCH_RULE) {
        return [
          typedBase as Linter.Config,
          { name: 'bench/switch', plugins: { '@typescript-eslint': tseslint.plugin as unknown as ESLint.Plugin }, rules: { [rule]: 'error' } },
        ];
      }
      if (!OUR_RULES.includes(rule)) throw new Error(`unknown configuration ${id}`);
      return [typedBase as Linter.Config, pluginOnly, { name: 'bench/rule', rules: { [rule]: 'error' } }];
    }
  }
}

export interface RunSample {
  readonly config: ConfigId;
  readonly n: number;
  readonly round: number;
  readonly wallMs: number;
  /** CPU time of the process during the run (user + system, all threads), ms. */
  readonly cpuMs: number;
  /** Time V8 spent in garbage collection pauses during the run (perf_hooks 'gc' entries), ms. */
  readonly gcMs: number;
  /** Sum over files of ESLint's parse time (typed: includes the project service's program update). */
  readonly parseMs: number;
  /** Sum over files of each rule's time, from ESLint `stats`. */
  readonly ruleMs: Readonly<Record<string, number>>;
  readonly files: number;
  readonly problems: number;
  /** Problems reported by our rules. */
  readonly ourProblems: number;
  readonly fatal: number;
  readonly fatalMessages: readonly string[];
  /** V8 heap used right after the full GC that precedes the run (what earlier runs left behind), MiB. */
  readonly heapBeforeMiB: number;
  /** Peak V8 heap used during the run (sampled every 25 ms after a full GC), MiB. */
  readonly peakHeapMiB: number;
  /** Peak resident set size of the process during the run (sampled), MiB. */
  readonly peakRssMiB: number;
}

export interface RuleCounts {
  readonly candidates: number;
  readonly checkerCalls: number;
}

export interface CountResult {
  /** The shared analysis' counts, for (b+) on the TypeScript corpus. */
  readonly typed: Readonly<Record<string, RuleCounts>>;
  /** The same with only the two literal rules on: as many candidates as `typed` when binding happens once per file. */
  readonly typedLiteralOnly: Readonly<Record<string, RuleCounts>>;
  /** Per rule, for (e) our recommended config on the JavaScript corpus. */
  readonly untyped: Readonly<Record<string, RuleCounts>>;
  readonly files: number;
}

export interface SizeResult {
  readonly n: number;
  readonly corpus: Pick<Corpus, 'dir' | 'n' | 'seed' | 'lines' | 'hash' | 'kinds'>;
  readonly samples: readonly RunSample[];
  readonly counts: CountResult | undefined;
}

export interface MachineInfo {
  readonly date: string;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memory: string;
  /** V8's old-space limit for this process, MiB. */
  readonly heapLimitMiB: number;
  readonly os: string;
  /** 1-, 5- and 15-minute load averages when the run started and when it ended. */
  readonly load: { readonly start: readonly number[]; readonly end: readonly number[] };
  readonly versions: Readonly<Record<string, string>>;
  /** The plugin sources measured: commit, and the files under src/, rules/, catalogs/ that differ from it. */
  readonly plugin: { readonly commit: string; readonly modified: readonly string[] };
}

export interface BenchResult {
  readonly machine: MachineInfo;
  readonly seed: number;
  /** Timed rounds per corpus size (aligned with `sizes`). */
  readonly rounds: readonly number[];
  readonly warmup: readonly ConfigId[];
  readonly configs: readonly ConfigSpec[];
  readonly sizes: readonly SizeResult[];
  readonly totalMs: number;
}

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Timed rounds: one number for every size, or one per size (aligned with `sizes`). */
  readonly rounds: number | readonly number[];
  readonly seed: number;
  /** Configurations to run (ids); all by default. */
  readonly configs?: readonly ConfigId[];
  /**
   * Configurations to run on every size but the smallest (ids; default: the same as `configs`):
   * the ratios that need the larger size (the wall pair, scaling, untyped) without running every
   * rule alone there.
   */
  readonly largeConfigs?: readonly ConfigId[];
  /** Configurations run once, untimed, on the smallest size before the rounds (JIT warm-up). */
  readonly warmup?: readonly ConfigId[];
  /**
   * Count checker calls in a child process: `true` (default) before the timed runs, `false`
   * not at all, `'concurrently'` while the timed runs go on (faster, but it disturbs their
   * timings: for the smoke test only).
   */
  readonly counts?: boolean | 'concurrently';
  /** Take an existing corpus folder of the same (n, seed, generator version) as it is. Default true. */
  readonly reuseCorpus?: boolean;
  readonly log?: (line: string) => void;
}

/** JIT warm-up: the parser, the checker, typescript-eslint's rules, our rules, and the untyped path. */
export const DEFAULT_WARMUP: readonly ConfigId[] = ['b+', 'e:recommended', 'e:no-magic-numbers'];

// ---------------------------------------------------------------------------------------------

let collectGarbage: (() => void) | undefined;
function gc(): void {
  if (!collectGarbage) {
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
  }
  collectGarbage();
}

const MiB = 1024 * 1024;

/**
 * Frees what the previous run left: typescript-eslint's project service, and with it the
 * program and checker, goes with `clearCaches()`. One full GC right after it is not enough:
 * measured, 270 MiB (200 files) to 1.4 GiB (2,000 files) of the previous run survived into the
 * next one and cost it seconds of extra GC. A few full GCs in separate event-loop turns free it
 * (the next run then starts at the ~85 MiB of a fresh process).
 */
async function settle(): Promise<void> {
  clearCaches();
  for (let pass = 0; pass < 3; pass += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
}

function startSampler(): () => { heapBeforeMiB: number; peakHeapMiB: number; peakRssMiB: number; gcMs: number } {
  const before = process.memoryUsage().heapUsed;
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  let heap = before;
  let rss = process.memoryUsage.rss();
  const sample = (): void => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const timer = setInterval(sample, 25);
  return () => {
    clearInterval(timer);
    sample();
    for (const entry of observer.takeRecords()) gcMs += entry.duration;
    observer.disconnect();
    return { heapBeforeMiB: before / MiB, peakHeapMiB: heap / MiB, peakRssMiB: rss / MiB, gcMs };
  };
}

function patternsFor(spec: ConfigSpec): string[] {
  return spec.typed ? ['src/**/*.ts'] : ['js/**/*.js'];
}

/** One lint of the whole corpus with one configuration, cold (fresh ESLint, cleared caches). */
export async function measure(spec: ConfigSpec, corpus: Pick<Corpus, 'dir' | 'n'>, round: number): Promise<RunSample> {
  await settle();
  const stop = startSampler();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const eslint = new ESLint({ cwd: corpus.dir, overrideConfigFile: true, overrideConfig: configFor(spec.id, corpus.dir), stats: true });
  const results = await eslint.lintFiles(patternsFor(spec));
  const wallMs = performance.now() - start;
  const cpuUsed = process.cpuUsage(cpu);
  const memory = stop();
  return { config: spec.id, n: corpus.n, round, wallMs, cpuMs: (cpuUsed.user + cpuUsed.system) / 1000, ...summarize(results), ...memory };
}

function summarize(results: readonly ESLint.LintResult[]): Omit<RunSample, 'config' | 'n' | 'round' | 'wallMs' | 'cpuMs' | 'gcMs' | 'heapBeforeMiB' | 'peakHeapMiB' | 'peakRssMiB'> {
  let parseMs = 0;
  const ruleMs: Record<string, number> = {};
  let problems = 0;
  let ourProblems = 0;
  let fatal = 0;
  const fatalMessages: string[] = [];
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
    }
    for (const message of result.messages) {
      problems += 1;
      if (message.ruleId?.startsWith('error-codes/')) ourProblems += 1;
      if (message.fatal) {
        fatal += 1;
        if (fatalMessages.length < 5) fatalMessages.push(`${path.basename(result.filePath)}:${message.line}: ${message.message}`);
      }
    }
  }
  return { parseMs, ruleMs, files: results.length, problems, ourProblems, fatal, fatalMessages };
}

// ---------------------------------------------------------------------------------------------
// Checker calls (child process with ERROR_CODES_BENCH=1).

const COUNT_SCRIPT = path.join(BENCH_DIR, 'count.ts');

/** Runs bench/count.ts in a child process for one corpus and returns its counts. */
export function countCheckerCalls(corpus: Pick<Corpus, 'dir'>): Promise<CountResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', COUNT_SCRIPT, '--dir', corpus.dir], {
      cwd: REPO_DIR,
      env: { ...process.env, ERROR_CODES_BENCH: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`bench/count.ts failed (exit ${code}): ${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as CountResult);
      } catch (error) {
        reject(new Error(`bench/count.ts printed no result: ${String(error)}\n${stdout}\n${stderr}`));
      }
    });
  });
}

type CountStore = Map<string, { candidates: number; checkerCalls: number }>;

/** The counters' key: every rule reads the one per-file analysis, so there is one count whatever the rules. */
export const ANALYSIS_COUNTS = 'analysis';

/**
 * In the child: lint with our typed rules and with (e), reading the plugin's counters after
 * each. Counts are those of the shared per-file analysis and do not depend on which of our rules
 * are on, so our rules alone give the same numbers as (b+) at a fraction of its time.
 */
export async function countInThisProcess(corpus: Pick<Corpus, 'dir' | 'n'>): Promise<CountResult> {
  if (process.env['ERROR_CODES_BENCH'] !== '1') throw new Error('ERROR_CODES_BENCH=1 must be set before the plugin loads');
  const key = Symbol.for('eslint-plugin-error-codes.bench');
  const store = (): CountStore => ((globalThis as Record<symbol, unknown>)[key] as CountStore | undefined) ?? new Map();
  const read = (): Record<string, RuleCounts> => {
    const out: Record<string, RuleCounts> = {};
    out[ANALYSIS_COUNTS] = { ...(store().get(ANALYSIS_COUNTS) ?? { candidates: 0, checkerCalls: 0 }) };
    store().clear();
    return out;
  };
  store().clear();
  const typedRun = await measure({ id: 'ours', label: 'our typed rules', typed: true }, corpus, 0);
  const typed = read();
  await measure({ id: 'ours:literal', label: 'our literal rules', typed: true }, corpus, 0);
  const typedLiteralOnly = read();
  await measure(allConfigs().find((spec) => spec.id === 'e:recommended')!, corpus, 0);
  const untyped = read();
  return { typed, typedLiteralOnly, untyped, files: typedRun.files };
}

// ---------------------------------------------------------------------------------------------

/** Read-only git queries: which plugin sources the numbers belong to. */
function pluginState(): { commit: string; modified: string[] } {
  const git = (...gitArgs: string[]): string => {
    const out = spawnSync('git', gitArgs, { cwd: REPO_DIR, encoding: 'utf8' });
    return out.status === 0 ? out.stdout : '';
  };
  const commit = git('rev-parse', '--short', 'HEAD').trim() || 'unknown';
  const modified = git('status', '--porcelain', '--', 'src', 'rules', 'catalogs')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
  return { commit, modified };
}

function machineInfo(loadAtStart: readonly number[], plugin: { commit: string; modified: string[] }): MachineInfo {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' });
  const version = (pkg: string): string => {
    try {
      return (JSON.parse(readFileSync(path.join(REPO_DIR, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    heapLimitMiB: v8.getHeapStatistics().heap_size_limit / MiB,
    memory: free.status === 0 ? free.stdout.trim() : `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: { start: loadAtStart, end: os.loadavg() },
    plugin,
    versions: Object.fromEntries(['eslint', 'typescript', 'typescript-eslint', 'parse', '@drupal-js-sdk/error', 'tsl-apple-cloudkit'].map((pkg) => [pkg, version(pkg)])),
  };
}

/** Generates the corpora, counts checker calls, warms up, then runs the rounds. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const loadAtStart = os.loadavg();
  // The sources the build in dist/ was made from: read now, not after the runs.
  const pluginAtStart = pluginState();
  const wanted = options.configs ? new Set(options.configs) : undefined;
  const specs = allConfigs().filter((spec) => !wanted || wanted.has(spec.id));
  if (wanted) for (const id of wanted) if (!specs.some((spec) => spec.id === id)) throw new Error(`unknown configuration ${id}`);
  const large = options.largeConfigs ? new Set(options.largeConfigs) : undefined;
  const largeSpecs = large ? specs.filter((spec) => large.has(spec.id)) : specs;
  if (large) for (const id of large) if (!largeSpecs.some((spec) => spec.id === id)) throw new Error(`unknown or unselected configuration ${id}`);
  // Smallest size first (the report divides the largest by the smallest); rounds stay with their size.
  const plan = options.sizes
    .map((n, index) => ({ n, rounds: typeof options.rounds === 'number' ? options.rounds : (options.rounds[index] ?? options.rounds.at(-1) ?? 1) }))
    .sort((a, b) => a.n - b.n);
  const sizes = plan.map((entry) => entry.n);
  const rounds = plan.map((entry) => entry.rounds);

  const corpora = sizes.map((n) => {
    const corpus = generateCorpus(n, options.seed, corpusDir(n, options.seed), { reuse: options.reuseCorpus ?? true });
    log(`corpus ${n}: ${corpus.lines} lines, sha256 ${corpus.hash.slice(0, 16)}…`);
    return corpus;
  });

  const counts = new Map<number, CountResult>();
  const countAll = async (): Promise<void> => {
    for (const corpus of corpora) {
      const t = performance.now();
      counts.set(corpus.n, await countCheckerCalls(corpus));
      log(`counted checker calls on ${corpus.n} files (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
  };
  const countMode = options.counts ?? true;
  const counting = countMode === 'concurrently' ? countAll() : undefined;
  // Without a handler the rejection would be unhandled until the rounds end.
  counting?.catch(() => undefined);
  if (countMode === true) await countAll();

  const warmup = (options.warmup ?? DEFAULT_WARMUP).filter((id) => specs.some((spec) => spec.id === id));
  const smallest = corpora[0];
  if (smallest) {
    for (const id of warmup) {
      const sample = await measure(specs.find((spec) => spec.id === id)!, smallest, -1);
      log(`warm-up ${id} @${sample.n}: ${(sample.wallMs / 1000).toFixed(2)} s`);
    }
  }

  // Alternation: every round runs every configuration on every size that still has rounds left.
  const samples = new Map<number, RunSample[]>(sizes.map((n) => [n, []]));
  const maxRounds = Math.max(0, ...rounds);
  for (let round = 0; round < maxRounds; round += 1) {
    for (const [index, corpus] of corpora.entries()) {
      if (round >= rounds[index]!) continue;
      for (const spec of index === 0 ? specs : largeSpecs) {
        const sample = await measure(spec, corpus, round);
        samples.get(corpus.n)!.push(sample);
        log(
          `round ${round + 1}/${rounds[index]} ${spec.id} @${corpus.n}: ${(sample.wallMs / 1000).toFixed(2)} s wall, ${(sample.cpuMs / 1000).toFixed(2)} s cpu, ${sample.problems} problems, ${sample.fatal} fatal`,
        );
      }
    }
  }

  await counting;

  return {
    machine: machineInfo(loadAtStart, pluginAtStart),
    seed: options.seed,
    rounds,
    warmup,
    configs: specs,
    sizes: corpora.map((corpus) => ({
      n: corpus.n,
      corpus: { dir: path.relative(REPO_DIR, corpus.dir), n: corpus.n, seed: corpus.seed, lines: corpus.lines, hash: corpus.hash, kinds: corpus.kinds },
      samples: samples.get(corpus.n)!,
      counts: counts.get(corpus.n),
    })),
    totalMs: performance.now() - started,
  };
}

export const RUNNER_FILE = fileURLToPath(import.meta.url);
