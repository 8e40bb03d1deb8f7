/**
 * Deterministic corpus for `npm run bench`: N TypeScript files of application code that uses the
 * real SDKs (`parse`, `@drupal-js-sdk/error`, `tsl-apple-cloudkit`, `fetch`) and handles their
 * errors well and badly, mixed with plenty of code that has nothing to do with error codes
 * (reducers, formatting, caches, validation, unrelated `.code` / `.status` / `.error` fields).
 *
 * File i depends only on (seed, i), so the 200-file corpus is the first 200 files of the
 * 2,000-file one. Each file imports from a few earlier files, so the program is connected.
 * A plain-JavaScript twin of every file (types stripped by `ts.transpileModule`) is written
 * under `js/` for the untyped comparison.
 *
 * Layout: bench/.corpus/<N>-s<seed>/{tsconfig.json, package.json, src/**.ts, js/**.js}.
 * The folder is inside the repository so that the SDKs resolve from its node_modules.
 *
 * CLI: npx tsx bench/corpus.ts [--n 200] [--seed 1] [--check]   (--check runs tsc on it)
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

import { mulberry32 } from '../scripts/random.js';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.dirname(BENCH_DIR);
const GENERATOR_VERSION = 1;

export interface Corpus {
  /** Absolute folder of the corpus (tsconfig.json lives here). */
  readonly dir: string;
  readonly n: number;
  readonly seed: number;
  /** Relative paths (from `dir`) of the TypeScript files, `src/…`. */
  readonly tsFiles: readonly string[];
  /** Relative paths (from `dir`) of the JavaScript twins, `js/…`. */
  readonly jsFiles: readonly string[];
  /** Lines of TypeScript in total. */
  readonly lines: number;
  /** sha256 over every generated file's path and text: equal for equal (n, seed). */
  readonly hash: string;
  /** Files per kind, for the report. */
  readonly kinds: Readonly<Record<string, number>>;
}

// ---------------------------------------------------------------------------------------------
// Random numbers: mulberry32 seeded per file from (seed, index).

type Rng = () => number;


function fileSeed(seed: number, index: number): number {
  const digest = createHash('sha256').update(`${GENERATOR_VERSION}:${seed}:${index}`).digest();
  return digest.readUInt32LE(0);
}

class Pick {
  constructor(private readonly rng: Rng) {}
  float(): number {
    return this.rng();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  one<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rng() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.rng() * pool.length), 1)[0]!);
    return out;
  }
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.rng() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const NOUNS = ['invoice', 'order', 'customer', 'ticket', 'shipment', 'product', 'review', 'booking', 'message', 'project', 'task', 'report', 'payment', 'account', 'profile', 'session', 'device', 'coupon', 'asset', 'comment'];
const AREAS = ['billing', 'catalog', 'checkout', 'support', 'inventory', 'accounts', 'messaging', 'scheduling', 'analytics', 'admin'];
const STATUSES = [
  ['draft', 'active', 'archived'],
  ['pending', 'paid', 'refunded', 'failed'],
  ['open', 'in-progress', 'blocked', 'done'],
  ['queued', 'running', 'succeeded', 'cancelled'],
  ['new', 'verified', 'suspended'],
];

/** Parse codes: constant name and value (all in the catalog). */
const PARSE_CODES: readonly (readonly [string, number])[] = [
  ['CONNECTION_FAILED', 100],
  ['OBJECT_NOT_FOUND', 101],
  ['OPERATION_FORBIDDEN', 119],
  ['TIMEOUT', 124],
  ['DUPLICATE_VALUE', 137],
  ['SCRIPT_FAILED', 141],
  ['VALIDATION_ERROR', 142],
  ['REQUEST_LIMIT_EXCEEDED', 155],
  ['USERNAME_TAKEN', 202],
  ['EMAIL_TAKEN', 203],
  ['EMAIL_NOT_FOUND', 205],
  ['SESSION_MISSING', 206],
  ['INVALID_SESSION_TOKEN', 209],
];
/** Values that are no Parse code (not in the catalog, not in the custom range). */
const PARSE_UNKNOWN = [213, 603, 1001];
const DRUPAL_CODES: readonly (readonly [string, number])[] = [
  ['MISSING_IMPLEMENTATION_ERROR', 42],
  ['CONNECTION_FAILED', 100],
  ['OBJECT_NOT_FOUND', 101],
  ['INVALID_JSON', 107],
  ['TIMEOUT', 124],
  ['VALIDATION_ERROR', 142],
  ['INVALID_SESSION_TOKEN', 209],
  ['STORAGE_IN_MEMORY_FAIL', 700],
  ['STORAGE_IN_WEB_FAIL', 701],
];
const DRUPAL_UNKNOWN = [703, 99];
const CK_CODES = ['THROTTLED', 'TRY_AGAIN_LATER', 'CONFLICT', 'NOT_FOUND', 'QUOTA_EXCEEDED', 'AUTHENTICATION_REQUIRED', 'ZONE_NOT_FOUND', 'ACCESS_DENIED', 'ATOMIC_ERROR'];
const CK_LOCAL = ['NETWORK_ERROR', 'SIGN_IN_FAILED', 'UNKNOWN_ERROR'];
/** Typos and native-only names that CloudKit JS does not have. */
const CK_UNKNOWN = ['THROTTLE', 'ZONE_NOTFOUND', 'NETWORK_UNAVAILABLE', 'SERVER_RECORD_CHANGED'];
const HTTP_KNOWN = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
const HTTP_UNKNOWN = [299, 430, 520];

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function camel(words: readonly string[]): string {
  return words.map((word, index) => (index === 0 ? word : cap(word))).join('');
}

// ---------------------------------------------------------------------------------------------
// One file.

type Sdk = 'parse' | 'drupal' | 'cloudkit';
type Kind = 'parse' | 'drupal' | 'cloudkit' | 'http' | 'mixed' | 'app';

const KIND_WEIGHTS: Record<Kind, number> = { parse: 14, drupal: 8, cloudkit: 8, http: 10, mixed: 5, app: 55 };

interface FileInfo {
  readonly index: number;
  readonly kind: Kind;
  readonly area: string;
  readonly noun: string;
  readonly statuses: readonly string[];
  /** Relative path from the corpus root, `src/<area>/<noun>-<index>.ts`. */
  readonly path: string;
}

function fileInfo(seed: number, index: number): FileInfo {
  const pick = new Pick(mulberry32(fileSeed(seed, index)));
  const kind = index === 0 ? 'app' : pick.weighted(KIND_WEIGHTS);
  const area = pick.one(AREAS);
  const noun = pick.one(NOUNS);
  const statuses = pick.one(STATUSES);
  return { index, kind, area, noun, statuses, path: `src/${area}/${noun}-${index}.ts` };
}

class FileWriter {
  private readonly sdkImports = new Set<Sdk>();
  private readonly localImports = new Map<string, Set<string>>();
  private readonly typeImports = new Map<string, Set<string>>();
  private counter = 0;
  readonly sections: string[] = [];

  constructor(
    readonly pick: Pick,
    readonly info: FileInfo,
  ) {}

  /** A name unique within the file. */
  name(base: string): string {
    this.counter += 1;
    return `${base}${this.counter}`;
  }

  sdk(which: Sdk): void {
    this.sdkImports.add(which);
  }

  importFrom(other: FileInfo, names: readonly string[], types: readonly string[]): string {
    let from = path.posix.relative(path.posix.dirname(this.info.path), other.path).replace(/\.ts$/, '.js');
    if (!from.startsWith('.')) from = `./${from}`;
    for (const item of names) (this.localImports.get(from) ?? this.localImports.set(from, new Set()).get(from)!).add(item);
    for (const item of types) (this.typeImports.get(from) ?? this.typeImports.set(from, new Set()).get(from)!).add(item);
    return from;
  }

  text(): string {
    const lines: string[] = [`// Generated by bench/corpus.ts (file ${this.info.index}, ${this.info.kind}). Do not edit.`];
    if (this.sdkImports.has('parse')) lines.push(`import Parse from 'parse';`);
    if (this.sdkImports.has('drupal')) lines.push(`import { DrupalError } from '@drupal-js-sdk/error';`);
    if (this.sdkImports.has('cloudkit')) lines.push(`import * as CloudKit from 'tsl-apple-cloudkit';`);
    const modules = [...new Set([...this.localImports.keys(), ...this.typeImports.keys()])].sort();
    for (const module of modules) {
      const values = [...(this.localImports.get(module) ?? [])].sort();
      const types = [...(this.typeImports.get(module) ?? [])].sort();
      if (values.length > 0) lines.push(`import { ${values.join(', ')} } from '${module}';`);
      if (types.length > 0) lines.push(`import type { ${types.join(', ')} } from '${module}';`);
    }
    lines.push('');
    return `${lines.join('\n')}\n${this.sections.join('\n\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// Sections that have nothing to do with error codes.

/** What every file exports, so that later files can import it. */
function exportsSection(w: FileWriter): void {
  const { index, noun, statuses } = w.info;
  const Noun = cap(noun);
  w.sections.push(`export type ${Noun}Status${index} = ${statuses.map((status) => `'${status}'`).join(' | ')};

export interface ${Noun}${index} {
  id: string;
  name: string;
  status: ${Noun}Status${index};
  ownerId: string;
  updatedAt: number;
  tags: string[];
  amountCents?: number;
}

export function describe${Noun}${index}(item: ${Noun}${index}): string {
  const tags = item.tags.length > 0 ? \` [\${item.tags.join(', ')}]\` : '';
  return \`\${item.name} (\${item.status})\${tags}\`;
}

export function is${Noun}${index}(value: unknown): value is ${Noun}${index} {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<${Noun}${index}>;
  return typeof candidate.id === 'string' && typeof candidate.name === 'string' && Array.isArray(candidate.tags);
}`);
}

function importsSection(w: FileWriter, seed: number): void {
  const { index } = w.info;
  if (index === 0) return;
  const count = Math.min(index, w.pick.int(1, 3));
  const used = new Set<number>();
  for (let k = 0; k < count; k += 1) {
    // Mostly near neighbours (same feature), sometimes far back (shared modules).
    const back = w.pick.chance(0.7) ? w.pick.int(1, Math.min(index, 12)) : w.pick.int(1, index);
    const otherIndex = index - back;
    if (used.has(otherIndex)) continue;
    used.add(otherIndex);
    const other = fileInfo(seed, otherIndex);
    const Noun = cap(other.noun);
    w.importFrom(other, [`describe${Noun}${otherIndex}`, `is${Noun}${otherIndex}`], [`${Noun}${otherIndex}`]);
    const fn = w.name(`summarize${Noun}`);
    w.sections.push(`export function ${fn}(items: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (is${Noun}${otherIndex}(item)) out.push(describe${Noun}${otherIndex}(item));
  }
  return out;
}

export function ${w.name('latest')}(items: readonly ${Noun}${otherIndex}[]): ${Noun}${otherIndex} | undefined {
  return [...items].sort((a, b) => b.updatedAt - a.updatedAt)[0];
}`);
  }
}

function reducerSection(w: FileWriter): void {
  const Noun = cap(w.info.noun);
  const state = w.name(`${Noun}State`);
  const action = w.name(`${Noun}Action`);
  const reducer = w.name(`reduce${Noun}`);
  const kinds = w.pick.some(['load', 'loaded', 'select', 'rename', 'remove', 'reset', 'fail', 'toggle'], w.pick.int(3, 6));
  const exhaustive = w.pick.chance(0.6);
  const withDefault = !exhaustive && w.pick.chance(0.5);
  const handled = exhaustive ? kinds : kinds.slice(0, Math.max(1, kinds.length - w.pick.int(1, 2)));
  const members = kinds.map((kind) => {
    switch (kind) {
      case 'loaded':
        return `{ type: 'loaded'; items: string[] }`;
      case 'select':
      case 'remove':
        return `{ type: '${kind}'; id: string }`;
      case 'rename':
        return `{ type: 'rename'; id: string; name: string }`;
      case 'fail':
        return `{ type: 'fail'; reason: string }`;
      default:
        return `{ type: '${kind}' }`;
    }
  });
  const cases = handled.map((kind) => {
    switch (kind) {
      case 'load':
        return `    case 'load':\n      return { ...state, loading: true, error: undefined };`;
      case 'loaded':
        return `    case 'loaded':\n      return { ...state, loading: false, items: action.items };`;
      case 'select':
        return `    case 'select':\n      return { ...state, selected: action.id };`;
      case 'rename':
        return `    case 'rename':\n      return { ...state, items: state.items.map((item) => (item === action.id ? action.name : item)) };`;
      case 'remove':
        return `    case 'remove':\n      return { ...state, items: state.items.filter((item) => item !== action.id) };`;
      case 'reset':
        return `    case 'reset':\n      return initial${state};`;
      case 'fail':
        return `    case 'fail':\n      return { ...state, loading: false, error: action.reason };`;
      default:
        return `    case '${kind}':\n      return { ...state, expanded: !state.expanded };`;
    }
  });
  const tail = exhaustive ? '' : withDefault ? `\n    default:\n      return state;` : '';
  const after = exhaustive || withDefault ? '' : `\n  return state;`;
  w.sections.push(`export interface ${state} {
  items: string[];
  selected?: string;
  loading: boolean;
  expanded: boolean;
  error?: string;
}

export type ${action} =
  | ${members.join('\n  | ')};

const initial${state}: ${state} = { items: [], loading: false, expanded: false };

export function ${reducer}(state: ${state} = initial${state}, action: ${action}): ${state} {
  switch (action.type) {
${cases.join('\n')}${tail}
  }${after}
}`);
}

function formattingSection(w: FileWriter): void {
  const currency = w.pick.one(['EUR', 'USD', 'GBP', 'CHF']);
  const pageSize = w.pick.one([10, 20, 25, 50, 100]);
  w.sections.push(`const MINUTE_MS${w.info.index} = 60 * 1000;
const HOUR_MS${w.info.index} = 60 * MINUTE_MS${w.info.index};

export function ${w.name('formatDuration')}(ms: number): string {
  if (ms < 1000) return \`\${ms} ms\`;
  if (ms < MINUTE_MS${w.info.index}) return \`\${(ms / 1000).toFixed(1)} s\`;
  if (ms < HOUR_MS${w.info.index}) return \`\${Math.round(ms / MINUTE_MS${w.info.index})} min\`;
  return \`\${(ms / HOUR_MS${w.info.index}).toFixed(1)} h\`;
}

export function ${w.name('formatMoney')}(cents: number, currency = '${currency}'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return \`\${sign}\${Math.floor(abs / 100)}.\${String(abs % 100).padStart(2, '0')} \${currency}\`;
}

export function ${w.name('pageCount')}(total: number, pageSize = ${pageSize}): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function ${w.name('clamp')}(value: number, min = 0, max = ${w.pick.one([1, 100, 255, 1000])}): number {
  return Math.min(max, Math.max(min, value));
}`);
}

function cacheSection(w: FileWriter): void {
  const Noun = cap(w.info.noun);
  const cls = w.name(`${Noun}Cache`);
  const ttl = w.pick.one([30, 60, 300, 900]);
  w.sections.push(`export class ${cls}<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly ttlSeconds = ${ttl}, private readonly maxEntries = ${w.pick.one([100, 500, 1000])}) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < now) {
      this.misses += 1;
      if (entry) this.entries.delete(key);
      return undefined;
    }
    this.hits += 1;
    return entry.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: now + this.ttlSeconds * 1000 });
  }

  async getOrLoad(key: string, load: (key: string) => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load(key);
    this.set(key, value);
    return value;
  }

  get hitRate(): number {
    const total = this.hits + this.misses;
    return total === 0 ? 0 : this.hits / total;
  }
}`);
}

function pipelineSection(w: FileWriter): void {
  const { index, noun } = w.info;
  const Noun = cap(noun);
  const fn = w.name(`group${Noun}s`);
  w.sections.push(`export function ${fn}(items: readonly ${Noun}${index}[]): Record<string, ${Noun}${index}[]> {
  const groups: Record<string, ${Noun}${index}[]> = {};
  for (const item of items) {
    (groups[item.ownerId] ??= []).push(item);
  }
  return groups;
}

export function ${w.name('totals')}(items: readonly ${Noun}${index}[]): { count: number; amountCents: number; byStatus: Map<string, number> } {
  const byStatus = new Map<string, number>();
  let amountCents = 0;
  for (const item of items) {
    byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + 1);
    amountCents += item.amountCents ?? 0;
  }
  return { count: items.length, amountCents, byStatus };
}

export function ${w.name('topTags')}(items: readonly ${Noun}${index}[], limit = ${w.pick.int(3, 10)}): string[] {
  const counts = new Map<string, number>();
  for (const tag of items.flatMap((item) => item.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([tag]) => tag);
}`);
}

/** Fields called code / status / error on the app's own types: candidates that bind to nothing. */
function unrelatedCodesSection(w: FileWriter): void {
  const variant = w.pick.int(0, 3);
  const id = w.name('');
  if (variant === 0) {
    w.sections.push(`interface ApiProblem${id} {
  code: number;
  message: string;
  retryable?: boolean;
}

export function ${w.name('problemText')}(problem: ApiProblem${id}): string {
  if (problem.code === ${w.pick.one([209, 101, 404, 1001])}) return 'Your session expired';
  if (problem.code === 42 || problem.retryable) return 'Please try again';
  switch (problem.code) {
    case 1:
      return 'Unknown failure';
    case 2:
      return 'Service unavailable';
    default:
      return problem.message;
  }
}`);
  } else if (variant === 1) {
    w.sections.push(`interface Country${id} {
  code: string;
  name: string;
  vatRate: number;
}

const EU_CODES${id} = ['DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT'];

export function ${w.name('vatFor')}(country: Country${id}, netCents: number): number {
  if (country.code === 'CH' || country.code === 'NO') return 0;
  const rate = EU_CODES${id}.includes(country.code) ? country.vatRate : 0;
  return Math.round(netCents * rate);
}

export function ${w.name('isShortcut')}(event: { code: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return (event.ctrlKey || event.metaKey) && (event.code === 'KeyS' || event.code === 'Enter');
}`);
  } else if (variant === 2) {
    const statuses = w.info.statuses;
    w.sections.push(`interface Job${id} {
  id: string;
  status: ${statuses.map((status) => `'${status}'`).join(' | ')};
  attempts: number;
  error?: string;
}

export function ${w.name('canRetry')}(job: Job${id}): boolean {
  if (job.status === '${statuses[0]}') return false;
  if (job.error === 'timeout' || job.error === 'rate-limited') return job.attempts < ${w.pick.int(3, 6)};
  return job.status === '${statuses[statuses.length - 1]}' && job.attempts < 2;
}

export function ${w.name('jobLabel')}(job: Job${id}): string {
  switch (job.status) {
${statuses.map((status) => `    case '${status}':\n      return '${cap(status)}';`).join('\n')}
  }
}`);
  } else {
    w.sections.push(`export class HttpProblem${id} extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export function ${w.name('userMessage')}(error: unknown): string {
  if (error instanceof HttpProblem${id}) {
    if (error.code === 'E_TIMEOUT') return 'The server took too long';
    if (error.status === 404) return 'Not found';
    if ([401, 403].includes(error.status)) return 'Access denied';
  }
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ENOENT') return 'File missing';
  return 'Something went wrong';
}`);
  }
}

function validationSection(w: FileWriter): void {
  const id = w.name('');
  w.sections.push(`const EMAIL${id} = /^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i;

export interface FieldErrors${id} {
  [field: string]: string[];
}

export function ${w.name('validateSignup')}(input: { email?: string; password?: string; age?: number }): FieldErrors${id} {
  const errors: FieldErrors${id} = {};
  const add = (field: string, message: string): void => {
    (errors[field] ??= []).push(message);
  };
  if (!input.email || !EMAIL${id}.test(input.email)) add('email', 'Enter a valid email address');
  if (!input.password || input.password.length < ${w.pick.one([8, 10, 12])}) add('password', 'Too short');
  if (input.password && !/[0-9]/.test(input.password)) add('password', 'Add a digit');
  if (input.age !== undefined && (input.age < 13 || input.age > 120)) add('age', 'Out of range');
  return errors;
}

export function ${w.name('parseSettings')}(raw: string): Record<string, string | number | boolean> {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    }
    return out;
  } catch (error) {
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}`);
}

function stateMachineSection(w: FileWriter): void {
  const id = w.name('');
  w.sections.push(`export enum Phase${id} {
  Idle,
  Loading,
  Ready,
  Failed,
}

export function ${w.name('nextPhase')}(phase: Phase${id}, event: 'start' | 'done' | 'error' | 'reset'): Phase${id} {
  switch (phase) {
    case Phase${id}.Idle:
      return event === 'start' ? Phase${id}.Loading : phase;
    case Phase${id}.Loading:
      if (event === 'done') return Phase${id}.Ready;
      return event === 'error' ? Phase${id}.Failed : phase;
    case Phase${id}.Ready:
    case Phase${id}.Failed:
      return event === 'reset' ? Phase${id}.Idle : phase;
  }
}

export async function ${w.name('withTimeout')}<T>(work: Promise<T>, ms = ${w.pick.one([1000, 5000, 10000, 30000])}): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(\`timed out after \${ms} ms\`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}`);
}

function retryHelperSection(w: FileWriter): void {
  w.sections.push(`export function ${w.name('sleep')}(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function ${w.name('retry')}<T>(work: () => Promise<T>, attempts = ${w.pick.int(3, 5)}, baseMs = ${w.pick.one([100, 200, 250, 500])}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      lastError = error;
      const jitter = Math.random() * baseMs;
      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** attempt + jitter));
    }
  }
  throw lastError;
}`);
}

const APP_SECTIONS = [reducerSection, formattingSection, cacheSection, pipelineSection, unrelatedCodesSection, validationSection, stateMachineSection, retryHelperSection];

// ---------------------------------------------------------------------------------------------
// Sections that handle SDK errors, well or badly.

/** Probability that one code site is written badly (literal where a constant exists). */
const BAD = 0.35;
/** Probability that one code site uses a value that is no code at all. */
const UNKNOWN = 0.08;

function parseCode(w: FileWriter): { text: string; bad: boolean } {
  const [name, value] = w.pick.one(PARSE_CODES);
  if (w.pick.chance(UNKNOWN)) return { text: String(w.pick.one(PARSE_UNKNOWN)), bad: true };
  return w.pick.chance(BAD) ? { text: String(value), bad: true } : { text: `Parse.Error.${name}`, bad: false };
}

function parseLoginSection(w: FileWriter): void {
  w.sdk('parse');
  const fn = w.name('signIn');
  const notFound = parseCode(w);
  const session = parseCode(w);
  w.sections.push(`export async function ${fn}(username: string, password: string): Promise<Parse.User | null> {
  try {
    return await Parse.User.logIn(username, password);
  } catch (error) {
    if (error instanceof Parse.Error) {
      if (error.code === ${notFound.text}) return null;
      if (error.code === ${session.text}) {
        await Parse.User.logOut();
        return null;
      }
    }
    throw error;
  }
}`);
}

function parseQuerySection(w: FileWriter): void {
  w.sdk('parse');
  const Noun = cap(w.info.noun);
  const codes = [parseCode(w), parseCode(w), parseCode(w)];
  const unique = [...new Map(codes.map((code) => [code.text, code])).values()];
  w.sections.push(`export async function ${w.name(`load${Noun}s`)}(ownerId: string, limit = ${w.pick.one([20, 50, 100])}): Promise<Parse.Object[]> {
  const query = new Parse.Query('${Noun}');
  query.equalTo('ownerId', ownerId);
  query.limit(limit);
  try {
    return await query.find();
  } catch (e) {
    const err = e as Parse.Error;
    switch (err.code) {
${unique.map((code, i) => `      case ${code.text}:\n        ${i === 0 ? 'return [];' : `console.warn('${w.info.noun} query failed', err.message);\n        return [];`}`).join('\n')}
      default:
        throw err;
    }
  }
}`);
}

function parsePromiseSection(w: FileWriter): void {
  w.sdk('parse');
  const Noun = cap(w.info.noun);
  const list = w.pick.chance(BAD) ? `[100, 124]` : `[Parse.Error.CONNECTION_FAILED, Parse.Error.TIMEOUT]`;
  const other = parseCode(w);
  w.sections.push(`export function ${w.name(`save${Noun}`)}(fields: Record<string, string | number>): Promise<string | undefined> {
  const object = new Parse.Object('${Noun}');
  for (const [key, value] of Object.entries(fields)) object.set(key, value);
  return object.save().then(
    (saved) => saved.id,
    (err: Parse.Error) => {
      if (${list}.includes(err.code)) return undefined;
      throw err;
    },
  );
}

export function ${w.name(`count${Noun}s`)}(): Promise<number> {
  return new Parse.Query('${Noun}')
    .count()
    .catch((error: Parse.Error) => {
      if (error.code === ${other.text}) return 0;
      throw error;
    });
}`);
}

function parseCloudSection(w: FileWriter): void {
  w.sdk('parse');
  const thrown = w.pick.chance(BAD) ? '141' : 'Parse.Error.SCRIPT_FAILED';
  const keyA = w.pick.chance(BAD) ? '209' : '[Parse.Error.INVALID_SESSION_TOKEN]';
  const keyB = w.pick.chance(BAD) ? '202' : '[Parse.Error.USERNAME_TAKEN]';
  const id = w.name('');
  w.sections.push(`const PARSE_MESSAGES${id}: Record<number, string> = {
  ${keyA}: 'Please sign in again.',
  ${keyB}: 'That username is taken.',
  [Parse.Error.EMAIL_TAKEN]: 'That email is already registered.',
};

export function ${w.name('parseMessage')}(error: Parse.Error): string {
  const { code } = error;
  if (code === ${parseCode(w).text}) return 'Too many requests, slow down.';
  return PARSE_MESSAGES${id}[error.code] ?? error.message;
}

export function ${w.name('requireField')}(value: string | undefined, field: string): string {
  if (!value) throw new Parse.Error(${thrown}, \`missing \${field}\`);
  return value;
}`);
}

function drupalCode(w: FileWriter): string {
  const [name, value] = w.pick.one(DRUPAL_CODES);
  if (w.pick.chance(UNKNOWN)) return String(w.pick.one(DRUPAL_UNKNOWN));
  return w.pick.chance(BAD) ? String(value) : `DrupalError.${name}`;
}

function drupalSection(w: FileWriter): void {
  w.sdk('drupal');
  const thrown = w.pick.chance(BAD) ? '101' : 'DrupalError.OBJECT_NOT_FOUND';
  const cases = [...new Set([drupalCode(w), drupalCode(w), drupalCode(w)])];
  w.sections.push(`export function ${w.name('assertFound')}<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new DrupalError(${thrown}, \`\${what} not found\`);
  return value;
}

export function ${w.name('drupalMessage')}(error: unknown): string {
  if (error instanceof DrupalError) {
    switch (error.getErrorCode()) {
${cases.map((code, i) => `      case ${code}:\n        return '${['Offline, try again later', 'The server sent something unexpected', 'Storage is full'][i] ?? 'Failed'}';`).join('\n')}
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

export function ${w.name('isSessionProblem')}(error: DrupalError): boolean {
  return error.code === ${drupalCode(w)} || error.code === DrupalError.INVALID_SESSION_TOKEN;
}`);
}

function ckCode(w: FileWriter, local = false): string {
  if (w.pick.chance(UNKNOWN * 1.5)) return `'${w.pick.one(CK_UNKNOWN)}'`;
  const name = w.pick.one(local ? CK_LOCAL : CK_CODES);
  return w.pick.chance(0.5) ? `'${name}'` : `CloudKit.CKError.${name}`;
}

function cloudKitSaveSection(w: FileWriter): void {
  w.sdk('cloudkit');
  const Noun = cap(w.info.noun);
  const checks = w.pick.chance(0.75);
  const body = checks
    ? `  if (response.hasErrors) {
    for (const error of response.errors) {
      if (error.ckErrorCode === ${ckCode(w)}) {
        await new Promise((resolve) => setTimeout(resolve, (error.retryAfter || 1) * 1000));
      } else if (error.ckErrorCode === ${ckCode(w)}) {
        failed.push(error.recordName ?? 'unknown');
      } else {
        throw error;
      }
    }
  }`
    : `  // Batch errors are ignored here.`;
  w.sections.push(`export async function ${w.name(`save${Noun}Records`)}(database: CloudKit.Database, names: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  const response = await database.saveRecords(names.map((name) => ({ recordType: '${Noun}', fields: { title: { value: name } } })));
${body}
  return failed;
}`);
}

function cloudKitAuthSection(w: FileWriter): void {
  w.sdk('cloudkit');
  w.sections.push(`export async function ${w.name('ensureSignedIn')}(container: CloudKit.Container): Promise<boolean> {
  try {
    const identity = await container.setUpAuth();
    return identity !== null;
  } catch (e) {
    const err = e as CloudKit.CKError;
    if (err.serverErrorCode === ${ckCode(w)}) return false;
    if (err.ckErrorCode === ${ckCode(w, true)}) return false;
    throw err;
  }
}

export function ${w.name('ckShouldRetry')}(error: CloudKit.CKError): boolean {
  switch (error.ckErrorCode) {
    case ${ckCode(w)}:
    case CloudKit.CKError.TRY_AGAIN_LATER:
      return true;
    default:
      return false;
  }
}`);
}

function httpCode(w: FileWriter): number {
  return w.pick.chance(UNKNOWN) ? w.pick.one(HTTP_UNKNOWN) : w.pick.one(HTTP_KNOWN);
}

function httpSection(w: FileWriter): void {
  const first = httpCode(w);
  const second = httpCode(w);
  w.sections.push(`export async function ${w.name('fetchJson')}<T>(url: string, token?: string): Promise<T | undefined> {
  const response = await fetch(url, { headers: token ? { authorization: \`Bearer \${token}\` } : {} });
  if (response.status === 404 || response.status === ${first}) return undefined;
  if (response.status === ${second}) {
    const wait = Number(response.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    return undefined;
  }
  if (!response.ok) throw new Error(\`HTTP \${response.status} for \${url}\`);
  return (await response.json()) as T;
}

export function ${w.name('isRetryableStatus')}(response: Response): boolean {
  switch (response.status) {
    case 429:
    case ${httpCode(w) === 503 ? 504 : 503}:
      return true;
    default:
      return response.status >= 500;
  }
}`);
}

const SDK_SECTIONS: Record<Exclude<Kind, 'app' | 'mixed'>, readonly ((w: FileWriter) => void)[]> = {
  parse: [parseLoginSection, parseQuerySection, parsePromiseSection, parseCloudSection],
  drupal: [drupalSection],
  cloudkit: [cloudKitSaveSection, cloudKitAuthSection],
  http: [httpSection],
};

function generateFile(seed: number, index: number): { info: FileInfo; text: string } {
  const info = fileInfo(seed, index);
  // A second stream for the body, so that the file's identity (kind, names) is stable.
  const w = new FileWriter(new Pick(mulberry32(fileSeed(seed, index) ^ 0x9e3779b9)), info);
  exportsSection(w);
  importsSection(w, seed);
  const app = w.pick.some(APP_SECTIONS, info.kind === 'app' ? w.pick.int(3, 5) : w.pick.int(2, 3));
  const sdk: ((w: FileWriter) => void)[] = [];
  if (info.kind === 'mixed') {
    sdk.push(w.pick.one(SDK_SECTIONS.parse), w.pick.one(SDK_SECTIONS.cloudkit), w.pick.one(SDK_SECTIONS.drupal), w.pick.one(SDK_SECTIONS.http));
  } else if (info.kind !== 'app') {
    sdk.push(...w.pick.some(SDK_SECTIONS[info.kind], w.pick.int(1, 2)));
  }
  // Interleave: app code first, SDK handling in between, more app code after.
  const half = Math.ceil(app.length / 2);
  for (const section of [...app.slice(0, half), ...sdk, ...app.slice(half)]) section(w);
  return { info, text: w.text() };
}

// ---------------------------------------------------------------------------------------------
// The corpus on disk.

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['src/**/*.ts'],
};

export function corpusDir(n: number, seed: number): string {
  return path.join(BENCH_DIR, '.corpus', `${n}-s${seed}`);
}

const MANIFEST = 'corpus.json';

/**
 * The corpus of (n, seed) in `dir`. With `reuse`, a folder whose manifest says it was written by
 * this generator version for the same n and seed is taken as it is (writing 2,000 files and their
 * JavaScript twins takes most of a minute); otherwise the folder is written afresh.
 */
export function generateCorpus(n: number, seed: number, dir = corpusDir(n, seed), options: { reuse?: boolean } = {}): Corpus {
  if (!Number.isInteger(n) || n < 1) throw new Error(`corpus size must be a positive integer (got ${n})`);
  if (options.reuse) {
    const existing = readManifest(dir);
    if (existing && existing.n === n && existing.seed === seed && existing.version === GENERATOR_VERSION) {
      const { version: _version, ...corpus } = existing;
      return { ...corpus, dir };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256');
  const write = (relative: string, text: string): void => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    hash.update(`${relative}\0${text}\0`);
  };
  write('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  write('package.json', `${JSON.stringify({ name: `bench-corpus-${n}`, private: true, type: 'module' }, null, 2)}\n`);
  const tsFiles: string[] = [];
  const jsFiles: string[] = [];
  const kinds: Record<string, number> = {};
  let lines = 0;
  for (let index = 0; index < n; index += 1) {
    const { info, text } = generateFile(seed, index);
    write(info.path, text);
    tsFiles.push(info.path);
    lines += text.split('\n').length - 1;
    kinds[info.kind] = (kinds[info.kind] ?? 0) + 1;
    const js = ts.transpileModule(text, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false, removeComments: false },
      fileName: info.path,
    }).outputText;
    const jsPath = info.path.replace(/^src\//, 'js/').replace(/\.ts$/, '.js');
    write(jsPath, js);
    jsFiles.push(jsPath);
  }
  const corpus: Corpus = { dir, n, seed, tsFiles, jsFiles, lines, hash: hash.digest('hex'), kinds };
  // Written last: a folder without a manifest is incomplete and is never reused.
  const { dir: _dir, ...manifest } = corpus;
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify({ version: GENERATOR_VERSION, ...manifest })}\n`);
  return corpus;
}

function readManifest(dir: string): (Omit<Corpus, 'dir'> & { version: number }) | undefined {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Omit<Corpus, 'dir'> & { version: number };
  } catch {
    return undefined;
  }
}

/** Runs tsc on the corpus; returns its output (empty when the corpus type-checks). */
export function typeCheckCorpus(corpus: Corpus): string {
  const tsc = path.join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(corpus.dir, 'tsconfig.json')], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: string): string => {
    const at = args.indexOf(flag);
    return at === -1 ? fallback : (args[at + 1] ?? fallback);
  };
  const n = Number(value('--n', '200'));
  const seed = Number(value('--seed', '1'));
  const corpus = generateCorpus(n, seed, corpusDir(n, seed));
  console.log(`${corpus.n} files, ${corpus.lines} lines, kinds ${JSON.stringify(corpus.kinds)}, sha256 ${corpus.hash}\n${corpus.dir}`);
  if (args.includes('--check')) {
    const output = typeCheckCorpus(corpus);
    console.log(output === '' ? 'tsc: no errors' : output);
    if (output !== '') process.exitCode = 1;
  }
}
