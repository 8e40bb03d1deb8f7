/**
 * Lints fuzz programs with every rule of the plugin, typed and untyped, through ESLint's
 * `Linter` (flat config), and checks the invariants:
 * - no rule throws (the Linter rethrows rule crashes as exceptions);
 * - no fatal message other than a parse error of the input (unparseable inputs are skipped and counted);
 * - the autofixed output parses, and fixing converges: within ESLint's 10 passes, and a second
 *   `verifyAndFix` on the output changes nothing;
 * - every suggestion, applied alone, gives a program that still parses and lints without a crash.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import * as espree from 'espree';

import plugin from '../../src/index.js';
import { typedParserOptions } from '../typed-parser-options.js';
import { type FuzzProgram, generateProgram, type Lang, type SourceType } from './generate.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtureProject = path.join(repoRoot, 'tests', 'fixtures', 'project');

/**
 * - `espree`: plain JavaScript, no parser services (JavaScript programs only);
 * - `ts`: @typescript-eslint/parser without a project (syntax only);
 * - `typed`: @typescript-eslint/parser with the fixture project, linted as its file.ts.
 */
export type Mode = 'espree' | 'ts' | 'typed';

/**
 * Rule options and settings of one run. Each program is linted with one variant (chosen by the
 * caller), so that options such as `checkStrings` and user bindings are fuzzed too.
 */
export interface Variant {
  readonly name: string;
  readonly options: Readonly<Record<string, readonly unknown[]>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

const bridgeFile = 'tests/fixtures/project/bridge.ts';

export const VARIANTS: readonly Variant[] = [
  { name: 'defaults', options: {} },
  {
    name: 'options',
    options: {
      'no-magic-error-codes': [{ checkStrings: true, allow: [-1, 'THROTTLED'] }],
      'no-unknown-error-codes': [{ allowEqualValuesAcrossCatalogs: true, allow: [4242, 'CUSTOM_CODE'] }],
      'exhaustive-error-codes': [{ requireDefault: true, considerDefaultExhaustive: true, ignore: [100, 'THROTTLED'], loggers: ['report'] }],
      'no-swallowed-error-codes': [{ mustHandle: { parse: ['reauthenticate', 'backoff'], '*': ['after-delay'] }, loggers: ['report', { from: 'package', package: 'pino', name: 'pino' }], noCurrentUser: true }],
      'require-partial-failure-check': [{ itemErrors: { parse: ['errors', 'details'], '*': [] }, loggers: ['report'] }],
      'require-retry': [{ allowRethrow: false, retryHelpers: ['withRetry', { from: 'package', package: 'p-retry', name: 'pRetry' }], sleepers: ['sleep'], backoff: true }],
      'no-retry-on-permanent-errors': [{ retryHelpers: ['withRetry'], loggers: ['report'], policies: false }],
    },
  },
  {
    name: 'flow-options',
    options: {
      'exhaustive-error-codes': [{ allowLogOnlyDefault: true, defaultCaseCommentPattern: '^no default', ignore: [] }],
      'no-swallowed-error-codes': [{ mustHandle: { '*': [] } }],
      'require-partial-failure-check': [{ itemErrors: { '*': ['errors'] } }],
      'require-retry': [{ serverDelay: false, retryAfterParsing: false, bounded: false }],
    },
  },
  {
    name: 'bindings',
    options: { 'no-magic-error-codes': [{ checkStrings: true }] },
    settings: {
      'error-codes': {
        bindings: [
          {
            catalog: 'cloudkit',
            type: { from: 'file', name: 'NativeCloudKitError', path: bridgeFile },
            accessor: 'code',
            constants: { from: 'file', name: 'CKErrorCode', path: bridgeFile },
          },
          { catalog: 'bkend', type: { from: 'file', name: 'BkendErrorBody', path: bridgeFile }, accessor: 'error.code' },
        ],
      },
    },
  },
];

export type FailureKind = 'crash' | 'fatal' | 'fix-crash' | 'fix-unparseable' | 'fix-nonconvergent' | 'suggestion-unparseable' | 'suggestion-crash';

export interface Failure {
  readonly kind: FailureKind;
  readonly mode: Mode;
  readonly variant: string;
  readonly sourceType: SourceType;
  readonly lang: Lang;
  /** Where the program came from: a generated program's index, or a regression file's name. */
  readonly origin: string;
  /** The program that was linted. */
  readonly text: string;
  /** The fixed or suggested text, for fix and suggestion failures. */
  readonly output?: string;
  readonly message: string;
  readonly stack?: string;
}

export interface Stats {
  programs: number;
  /** Lint runs (a program is linted in several modes). */
  runs: number;
  typedRuns: number;
  parsed: number;
  /** Typed runs that parsed (a broken project setup shows up as parse errors: this catches it). */
  typedParsed: number;
  /** Runs whose input did not parse in that mode (the program is skipped there). */
  skipped: number;
  /** Programs that parsed in no mode at all. */
  unparseablePrograms: number;
  messages: number;
  /** Messages that carry an autofix. */
  fixes: number;
  /** Runs in which `verifyAndFix` changed the text. */
  fixedRuns: number;
  /** The most fix passes one `verifyAndFix` needed. */
  maxFixPasses: number;
  suggestions: number;
  failures: Failure[];
  /** Milliseconds spent per mode. */
  time: Record<Mode, number>;
}

export function emptyStats(): Stats {
  return {
    programs: 0,
    runs: 0,
    typedRuns: 0,
    parsed: 0,
    typedParsed: 0,
    skipped: 0,
    unparseablePrograms: 0,
    messages: 0,
    fixes: 0,
    fixedRuns: 0,
    maxFixPasses: 0,
    suggestions: 0,
    failures: [],
    time: { espree: 0, ts: 0, typed: 0 },
  };
}

export function summaryLine(stats: Stats): string {
  const counts: Record<string, number> = {};
  for (const failure of stats.failures) counts[failure.kind] = (counts[failure.kind] ?? 0) + 1;
  const failures = Object.entries(counts).map(([kind, count]) => `${kind}=${count}`).join(' ') || 'none';
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  return (
    `fuzz: programs=${stats.programs} runs=${stats.runs} (typed ${stats.typedRuns}) parsed=${stats.parsed} (typed ${stats.typedParsed}) skipped=${stats.skipped} ` +
    `unparseable-programs=${stats.unparseablePrograms} messages=${stats.messages} fixes=${stats.fixes} fixed-runs=${stats.fixedRuns} ` +
    `max-fix-passes=${stats.maxFixPasses} suggestions=${stats.suggestions} failures: ${failures} ` +
    `time: espree ${seconds(stats.time.espree)}s, ts ${seconds(stats.time.ts)}s, typed ${seconds(stats.time.typed)}s`
  );
}

// ---------------------------------------------------------------------------------------------
// Configs

const ESLINT_PLUGIN = plugin as unknown as ESLint.Plugin;
const ruleEntries = Object.entries(plugin.rules) as [string, { meta?: { docs?: { requiresTypeChecking?: boolean } } }][];
const FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
const MAX_AUTOFIX_PASSES = 10;

function filenameFor(mode: Mode, lang: Lang): string {
  if (mode === 'typed') return path.join(fixtureProject, 'file.ts');
  return path.join(fixtureProject, lang === 'ts' ? 'file.ts' : 'file.js');
}

function languageOptions(mode: Mode, sourceType: SourceType): Linter.LanguageOptions {
  switch (mode) {
    case 'espree':
      return { parser: espree as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaVersion: 'latest', sourceType } };
    case 'ts':
      return { parser: tsParser as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaVersion: 'latest', sourceType } };
    case 'typed':
      return {
        parser: tsParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType,
        parserOptions: { ecmaVersion: 'latest', sourceType, ...typedParserOptions(fixtureProject, './tsconfig.fuzz.json') },
      };
  }
}

const configCache = new Map<string, Linter.Config[]>();

/** Every rule of the plugin (type-aware ones only in typed mode), with the variant's options. */
export function configFor(mode: Mode, sourceType: SourceType, variant: Variant): Linter.Config[] {
  const key = `${mode}/${sourceType}/${variant.name}`;
  let config = configCache.get(key);
  if (config) return config;
  const rules: Linter.RulesRecord = {};
  for (const [name, rule] of ruleEntries) {
    if (mode !== 'typed' && rule.meta?.docs?.requiresTypeChecking) continue;
    const options = variant.options[name];
    rules[`error-codes/${name}`] = options ? ['error', ...options] : 'error';
  }
  config = [
    {
      files: FILES,
      plugins: { 'error-codes': ESLINT_PLUGIN },
      languageOptions: languageOptions(mode, sourceType),
      ...(variant.settings ? { settings: variant.settings as Record<string, unknown> } : {}),
      rules,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  configCache.set(key, config);
  return config;
}

let sharedLinter: Linter | undefined;
function linter(): Linter {
  return (sharedLinter ??= new Linter({ configType: 'flat', cwd: repoRoot }));
}

function isParseError(message: Linter.LintMessage): boolean {
  return message.fatal === true && message.ruleId === null && message.message.startsWith('Parsing error');
}

function fatalOf(messages: readonly Linter.LintMessage[]): Linter.LintMessage | undefined {
  return messages.find((message) => message.fatal);
}

/** Applies one text edit as ESLint does: ranges are offsets into the text without its BOM. */
export function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  return bom + body.slice(0, fix.range[0]) + fix.text + body.slice(fix.range[1]);
}

function errorText(error: unknown): { message: string; stack: string | undefined } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error), stack: undefined };
}

export interface LintTarget {
  readonly text: string;
  readonly lang: Lang;
  readonly sourceType: SourceType;
  /** For failure reports: `seed 1 #42`, a file name. */
  readonly origin: string;
}

/**
 * Lints one program in one mode with one variant; updates `stats`. Returns whether the input
 * parsed in that mode.
 */
export function lintOnce(target: LintTarget, mode: Mode, variant: Variant, stats: Stats): boolean {
  const { text, lang, sourceType } = target;
  const started = performance.now();
  const config = configFor(mode, sourceType, variant);
  const filename = filenameFor(mode, lang);
  const fail = (kind: FailureKind, message: string, extra: { output?: string; stack?: string | undefined } = {}): void => {
    stats.failures.push({ kind, mode, variant: variant.name, sourceType, lang, origin: target.origin, text, message, ...extra });
  };
  stats.runs += 1;
  if (mode === 'typed') stats.typedRuns += 1;
  try {
    let messages: Linter.LintMessage[];
    try {
      messages = linter().verify(text, config, { filename });
    } catch (error) {
      const { message, stack } = errorText(error);
      fail('crash', message, { stack });
      return true;
    }
    const fatal = fatalOf(messages);
    if (fatal) {
      if (isParseError(fatal)) {
        stats.skipped += 1;
        return false;
      }
      fail('fatal', `${fatal.ruleId ?? '(no rule)'}: ${fatal.message}`);
      return true;
    }
    stats.parsed += 1;
    if (mode === 'typed') stats.typedParsed += 1;
    stats.messages += messages.length;

    // Suggestions: each one applied alone still parses and lints (untyped: cheap) without a crash.
    const checkMode: Mode = mode === 'typed' ? 'ts' : mode;
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        stats.suggestions += 1;
        const output = applyFix(text, suggestion.fix);
        let suggested: Linter.LintMessage[];
        try {
          suggested = linter().verify(output, configFor(checkMode, sourceType, variant), { filename: filenameFor(checkMode, lang) });
        } catch (error) {
          const { message: text, stack } = errorText(error);
          fail('suggestion-crash', `${message.ruleId}: "${suggestion.desc}": ${text}`, { output, stack });
          continue;
        }
        const broken = fatalOf(suggested);
        if (broken) fail('suggestion-unparseable', `${message.ruleId}: "${suggestion.desc}": ${broken.message}`, { output });
      }
    }

    // Autofix. The first pass applies the fixes of the messages above (as ESLint's fixer does);
    // verifyAndFix continues from there, so a typed program is not linted twice for pass one.
    const fixable = messages.filter((message) => message.fix).length;
    stats.fixes += fixable;
    if (fixable === 0) return true;
    const afterFirstPass = applyFixes(text, messages);
    let report: Linter.FixReport;
    let passes: number;
    try {
      // `stats: true` makes getFixPassCount() count the passes (an option ESLint's types omit).
      report = linter().verifyAndFix(afterFirstPass, config, { filename, stats: true } as Linter.FixOptions);
      passes = 1 + linter().getFixPassCount();
    } catch (error) {
      const { message, stack } = errorText(error);
      fail('fix-crash', `after fix pass 1: ${message}`, { output: afterFirstPass, stack });
      return true;
    }
    stats.fixedRuns += 1;
    stats.maxFixPasses = Math.max(stats.maxFixPasses, passes);
    // verifyAndFix's messages are always those of its output: a fatal one means the output does not parse.
    const broken = fatalOf(report.messages);
    if (broken) {
      fail('fix-unparseable', broken.message, { output: report.output });
      return true;
    }
    // Converged: the output's own messages carry no fix (so verifyAndFix on the output would
    // change nothing), and it took no more than ESLint's 10 passes.
    const leftover = report.messages.filter((message) => message.fix).length;
    if (leftover > 0 || passes > MAX_AUTOFIX_PASSES) {
      fail('fix-nonconvergent', `fixing did not converge: ${passes} passes, ${leftover} fixable messages left`, { output: report.output });
    }
    return true;
  } finally {
    stats.time[mode] += performance.now() - started;
  }
}

/**
 * One fix pass, as ESLint's SourceCodeFixer does it: fixes sorted by range, overlapping ones
 * left for the next pass, offsets into the text without its BOM.
 */
export function applyFixes(text: string, messages: readonly Linter.LintMessage[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const fixes = messages
    .flatMap((message) => (message.fix ? [message.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = bom;
  let lastPos = Number.NEGATIVE_INFINITY;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (lastPos >= start || start > end) continue;
    if ((start < 0 && end >= 0) || (start === 0 && fix.text.startsWith('\uFEFF'))) output = '';
    output += body.slice(Math.max(0, lastPos), Math.max(0, start)) + fix.text;
    lastPos = end;
  }
  return output + body.slice(Math.max(0, lastPos));
}

/** The untyped modes of a program: JavaScript with espree and the TS parser, TypeScript with the TS parser. */
export function untypedModes(lang: Lang): Mode[] {
  return lang === 'js' ? ['espree', 'ts'] : ['ts'];
}

/** Lints one program in the given modes; counts it as a program and as unparseable when no mode parsed it. */
export function lintProgram(target: LintTarget, modes: readonly Mode[], variant: Variant, stats: Stats): void {
  stats.programs += 1;
  let parsedSomewhere = false;
  for (const mode of modes) parsedSomewhere = lintOnce(target, mode, variant, stats) || parsedSomewhere;
  if (!parsedSomewhere) stats.unparseablePrograms += 1;
}

/** Variant for program `index` (cycles, so every batch covers every variant). */
export function variantFor(index: number): Variant {
  return VARIANTS[index % VARIANTS.length]!;
}

/** A readable report of failures, for test output and the CLI. */
export function describeFailures(failures: readonly Failure[], limit = 5): string {
  return failures
    .slice(0, limit)
    .map(
      (failure, i) =>
        `#${i + 1} ${failure.kind} in ${failure.origin} [${failure.mode}, ${failure.variant}, ${failure.lang}/${failure.sourceType}]: ${failure.message}\n` +
        `${failure.stack ? `${failure.stack.split('\n').slice(0, 12).join('\n')}\n` : ''}` +
        `--- program ---\n${failure.text}\n${failure.output === undefined ? '' : `--- output ---\n${failure.output}\n`}`,
    )
    .join('\n');
}

export interface BatchOptions {
  readonly seed: number;
  /** Programs linted untyped (espree and the TS parser for JavaScript, the TS parser for TypeScript). */
  readonly count: number;
  /** How many of them (the first ones that are not bare eslump programs) are also linted typed. */
  readonly typed: number;
  /** Called after each program (progress output, saving failures as they come). */
  readonly onProgram?: (program: FuzzProgram, stats: Stats, newFailures: readonly Failure[]) => void;
}

/** Generates and lints a seeded batch; the same seed gives the same programs and the same counts. */
export function runBatch({ seed, count, typed, onProgram }: BatchOptions): Stats {
  const stats = emptyStats();
  let typedLeft = typed;
  for (let index = 0; index < count; index += 1) {
    const program = generateProgram(seed, index);
    const modes = untypedModes(program.lang);
    if (typedLeft > 0 && program.shape !== 'eslump') {
      modes.push('typed');
      typedLeft -= 1;
    }
    const before = stats.failures.length;
    lintProgram({ ...program, origin: `seed ${seed} #${index}` }, modes, variantFor(index), stats);
    onProgram?.(program, stats, stats.failures.slice(before));
  }
  return stats;
}

/** A short key that groups failures with the same cause (kind, message shape, first plugin frame). */
export function failureSignature(failure: Failure): string {
  const frame = failure.stack?.split('\n').find((line) => /\/(src|rules)\//.test(line) && !line.includes('node_modules'));
  const message = failure.message
    .replaceAll(/\nOccurred while linting[^\n]*/g, '')
    .replaceAll(/\d+/g, 'N').replaceAll(/"[^"]*"|'[^']*'|`[^`]*`/g, 'S').slice(0, 120);
  return `${failure.kind}|${message}|${frame?.trim().replace(/:\d+\)?$/, '') ?? ''}`;
}
