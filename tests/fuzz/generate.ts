/**
 * Seeded program generator for fuzzing the rules: random programs from eslump (the generator
 * ESLint fuzzes itself with) mixed with SDK-flavoured snippets built from templates — imports
 * and requires of the SDKs, Cloud Code globals, try/catch and `.catch()` around SDK calls, code
 * comparisons, switches, membership tests, constructors, defaults, assignments, code-keyed maps,
 * real and made-up constants, shadowed SDK names, retry loops, optional chains, casts and
 * destructuring. Everything is a function of (seed, index): one program can be regenerated alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import eslump from 'eslump';

export type Lang = 'js' | 'ts';
export type SourceType = 'module' | 'script';

export interface FuzzProgram {
  readonly seed: number;
  readonly index: number;
  /** `ts` programs may contain TypeScript syntax and are never linted with espree. */
  readonly lang: Lang;
  readonly sourceType: SourceType;
  /** How the program was put together (for the summary and for reading failures). */
  readonly shape: 'eslump' | 'sdk' | 'mixed';
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// Randomness

import { mulberry32 } from '../../scripts/random.js';

export { mulberry32 };

/** A 32-bit seed for program `index` of a run seeded with `seed` (so programs are independent). */
export function programSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(probability = 0.5): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices.at(-1)![1];
  }
  times<T>(min: number, max: number, make: (i: number) => T): T[] {
    return Array.from({ length: this.int(min, max) }, (_, i) => make(i));
  }
}

/** Runs `fn` with Math.random replaced by the seeded generator (eslump only knows Math.random). */
export function withSeededMathRandom<T>(random: Random, fn: () => T): T {
  const original = Math.random;
  Math.random = random.next;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

export function eslumpProgram(random: Random, sourceType: SourceType, maxDepth: number): string {
  const comments = random.bool(0.4);
  const whitespace = random.bool(0.2);
  return withSeededMathRandom(random, () => eslump.generateRandomJS({ sourceType, maxDepth, comments, whitespace }));
}

// ---------------------------------------------------------------------------------------------
// What the snippets talk about: catalog values and constant names, read from the catalogs.

type System = 'parse' | 'drupal' | 'cloudkit-js' | 'bkend' | 'http' | 'cloudkit';

interface CatalogFacts {
  values: (number | string)[];
  names: string[];
}

const catalogsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalogs');

function loadFacts(id: System): CatalogFacts {
  const catalog = JSON.parse(readFileSync(path.join(catalogsDir, `${id}.json`), 'utf8')) as {
    codes: { name: string; value: number | string; aliases?: { name: string }[] }[];
  };
  return {
    values: catalog.codes.map((code) => code.value),
    names: catalog.codes.flatMap((code) => [code.name, ...(code.aliases ?? []).map((alias) => alias.name)]),
  };
}

const SYSTEMS: readonly System[] = ['parse', 'drupal', 'cloudkit-js', 'bkend', 'http', 'cloudkit'];
const FACTS = Object.fromEntries(SYSTEMS.map((id) => [id, loadFacts(id)])) as Record<System, CatalogFacts>;

const WEIRD_NUMBERS = [
  '0', '-0', '1', '-1', '- 1', '-/* c */1', '-(1)', '+209', '(209)', '209.0', '2.09e2', '0xd1', '0o321', '0b11010001',
  '2_09', '1_000', '209n', '0n', '2e308', '-2e308', '1e-7', '0.1', '.5', '5.', '4242', '212', '999', '65535',
  '9007199254740993', '-9999', 'NaN', 'Infinity', '-Infinity', 'undefined', 'null', 'true', 'void 0', '!0', '~209',
  '209 | 0', '209 + 0', 'Number("209")', '/209/u', '[209]', '{}', '(() => 209)()',
];
const WEIRD_STRINGS = [
  "''", '""', '``', "'209'", '"-1"', "' THROTTLED'", "'throttled'", "'\\u0054HROTTLED'", "'\\x54HROTTLED'",
  "'THROT\\\nTLED'", "'NOT_FOUND\\0'", "'ZONE_NOT_FOUND'", "'data/not-found'", "'auth/'", "'/'", "'𝒞𝑜𝒹𝑒'",
  "'\\u{1F4A5}'", '`${209}`', '`THROTTLED${""}`', '`a\\`b`', "'\\''", "'\"'", "'constructor'", "'__proto__'",
  "'toString'", "'hasOwnProperty'",
];

// ---------------------------------------------------------------------------------------------
// Program context

interface Ctx {
  readonly random: Random;
  readonly lang: Lang;
  readonly sourceType: SourceType;
  /** Local names through which the file reaches each SDK (imports, requires, globals). */
  readonly sdk: { parse: string; drupal: string; cloudkit: string };
  /** Type declarations are possible for these (TS with imports). */
  readonly typed: { parse: boolean; drupal: boolean; cloudkit: boolean; bridge: boolean };
  counter: number;
}

function fresh(ctx: Ctx, base: string): string {
  ctx.counter += 1;
  return `${base}${ctx.counter}`;
}

function quote(random: Random, value: string): string {
  const style = random.weighted([
    [6, "'"],
    [3, '"'],
    [1, '`'],
  ] as const);
  const escaped = value.replaceAll('\\', '\\\\').replaceAll(style, `\\${style}`).replaceAll('\n', '\\n');
  if (style === '`') return `\`${escaped.replaceAll('${', '\\${')}\``;
  return `${style}${escaped}${style}`;
}

function numberText(random: Random, value: number): string {
  if (value < 0) return random.pick([`${value}`, `-${-value}`, `- ${-value}`, `-(${-value})`, `-/**/${-value}`]);
  return random.weighted([
    [8, `${value}`],
    [1, `0x${value.toString(16)}`],
    [1, `${value}.0`],
    [1, `(${value})`],
    [1, `${value} /* code */`],
  ] as const);
}

function misspell(random: Random, text: string): string {
  if (text.length < 2) return `${text}X`;
  const at = random.int(0, text.length - 1);
  switch (random.int(0, 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text[at]! + text.slice(at);
    case 2:
      return text.toLowerCase();
    case 3:
      return `${text}S`;
    default:
      return text.replaceAll('_', '');
  }
}

/** A literal (mostly) that might be a code of `system`, as source text. */
function codeLiteral(ctx: Ctx, system: System): string {
  const { random } = ctx;
  const facts = FACTS[system];
  const kind = random.weighted([
    [10, 'catalog'],
    [3, 'other-catalog'],
    [3, 'number'],
    [3, 'misspelled'],
    [2, 'weird-number'],
    [2, 'weird-string'],
    [1, 'template-expression'],
  ] as const);
  switch (kind) {
    case 'catalog': {
      const value = random.pick(facts.values);
      return typeof value === 'number' ? numberText(random, value) : quote(random, value);
    }
    case 'other-catalog': {
      const value = random.pick(FACTS[random.pick(SYSTEMS)].values);
      return typeof value === 'number' ? numberText(random, value) : quote(random, value);
    }
    case 'number':
      return numberText(random, random.weighted([
        [3, random.int(0, 700)],
        [1, -random.int(1, 3)],
        [1, random.int(100, 599)],
        [1, random.int(1000, 99999)],
      ] as const));
    case 'misspelled':
      return quote(random, misspell(random, String(random.pick(facts.values))));
    case 'weird-number':
      return random.pick(WEIRD_NUMBERS);
    case 'weird-string':
      return random.pick(WEIRD_STRINGS);
    case 'template-expression':
      return `\`${random.pick(['', 'E_', 'auth/'])}\${${random.pick(['code', '1', 'x'])}}\``;
  }
}

/** A constant reference: real names, aliases, misspellings, lowercase, other SDKs' spellings. */
function constantRef(ctx: Ctx, system: 'parse' | 'drupal' | 'cloudkit-js' = ctx.random.pick(['parse', 'drupal', 'cloudkit-js'] as const)): string {
  const { random } = ctx;
  const base = system === 'parse' ? `${ctx.sdk.parse}.Error` : system === 'drupal' ? ctx.sdk.drupal : `${ctx.sdk.cloudkit}.CKError`;
  const facts = FACTS[system];
  const name = random.weighted([
    [8, () => random.pick(facts.names)],
    [3, () => misspell(random, random.pick(facts.names))],
    [2, () => random.pick(FACTS[random.pick(SYSTEMS)].names)],
    [1, () => random.pick(['X', 'A_B', 'ERROR', 'CODE', 'OTHER_CAUSE', 'INVALID_PASSWORD', 'prototype', 'name', 'length', 'Error'])],
  ] as const)();
  const safe = /^[A-Za-z_$][\w$]*$/.test(name);
  return random.weighted([
    [8, safe ? `${base}.${name}` : `${base}[${quote(random, name)}]`],
    [1, `${base}[${quote(random, name)}]`],
    [1, safe ? `${base}?.${name}` : `${base}?.[${quote(random, name)}]`],
    [1, safe ? `${base.replaceAll('.', ' . ')} . ${name}` : `${base}[${quote(random, name)}]`],
    [1, safe ? `${base}./* c */${name}` : `${base}[${quote(random, name)}]`],
    [1, safe ? `(${base}).${name}` : `${base}[${quote(random, name)}]`],
  ] as const);
}

function operand(ctx: Ctx, system: System): string {
  if (system !== 'bkend' && system !== 'http' && system !== 'cloudkit' && ctx.random.bool(0.25)) return constantRef(ctx, system);
  if (ctx.random.bool(0.05)) return constantRef(ctx);
  return codeLiteral(ctx, system);
}

/** Reads a code off `subject` the way `system` does, with wrappers and optional chains. */
function codeRead(ctx: Ctx, subject: string, system: System): string {
  const { random } = ctx;
  const ts = ctx.lang === 'ts';
  const accessor =
    system === 'parse' || system === 'cloudkit'
      ? 'code'
      : system === 'drupal'
        ? random.pick(['code', 'code', 'getErrorCode()'])
        : system === 'cloudkit-js'
          ? random.pick(['ckErrorCode', 'ckErrorCode', 'serverErrorCode'])
          : system === 'bkend'
            ? random.pick(['error', 'error.code'])
            : random.pick(['status', 'response.status']);
  const wrapped = random.weighted([
    [10, subject],
    [2, `(${subject})`],
    [ts ? 2 : 0, `(${subject} as any)`],
    [ts ? 1 : 0, `${subject}!`],
    [ts ? 1 : 0, `(<any>${subject})`],
    [ts ? 1 : 0, `(${subject} satisfies unknown as any)`],
    [1, `(0, ${subject})`],
  ] as const);
  const chain = random.bool(0.2) ? '?.' : '.';
  const parts = accessor.split('.');
  let text = wrapped;
  for (const part of parts) {
    if (part.endsWith('()')) {
      text += random.bool(0.15) ? `${chain}${part.slice(0, -2)}?.()` : `${chain}${part}`;
    } else {
      text += random.weighted([
        [8, `${chain}${part}`],
        [1, `[${quote(random, part)}]`],
        [1, `?.[${quote(random, part)}]`],
      ] as const);
    }
  }
  if (ts && random.bool(0.1)) text = random.pick([`(${text} as number)`, `${text}!`, `(${text} as unknown)`]);
  return text;
}

const COMPARISON_OPERATORS = ['===', '===', '===', '==', '!==', '!=', '<', '>=', 'in', '&&'];

function comparison(ctx: Ctx, code: string, system: System): string {
  const { random } = ctx;
  const op = random.pick(COMPARISON_OPERATORS);
  const other = operand(ctx, system);
  return random.bool(0.75) ? `${code} ${op} ${other}` : `${other} ${op} ${code}`;
}

function condition(ctx: Ctx, code: string, system: System): string {
  const { random } = ctx;
  const parts = random.times(1, 3, () => comparison(ctx, code, system));
  const joiner = random.pick([' || ', ' && ', ' ?? ']);
  // `??` cannot mix with `||` / `&&` without parentheses.
  let text = joiner === ' ?? ' && parts.length > 1 ? parts.map((part) => `(${part})`).join(joiner) : parts.join(joiner);
  if (random.bool(0.1)) text = `!(${text})`;
  if (random.bool(0.1)) text = `(${text}) ? true : ${comparison(ctx, code, system)}`;
  return text;
}

/** A statement that does something with the error: handle, retry, rethrow, log. */
function reaction(ctx: Ctx, subject: string): string {
  const { random } = ctx;
  return random.pick([
    `throw ${subject};`,
    `return;`,
    `console.log(${subject});`,
    `handle(${subject});`,
    `logout();`,
    `await sleep(1000);`,
    `return retry();`,
    `throw new ${ctx.sdk.parse}.Error(${codeLiteral(ctx, 'parse')}, 'wrapped');`,
    `throw new ${ctx.sdk.drupal}(${codeLiteral(ctx, 'drupal')});`,
    `{}`,
    `;`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Guarded SDK calls: what a try block or a promise chain calls.

function sdkCall(ctx: Ctx, system: System): string {
  const { random } = ctx;
  const P = ctx.sdk.parse;
  switch (system) {
    case 'parse':
      return random.pick([
        `await new ${P}.Query('GameScore').find();`,
        `await ${P}.Cloud.run('publish', { id: 1 });`,
        `await ${P}.User.logIn('user', 'pass');`,
        `await ${P}.Object.saveAll([]);`,
        `const user = ${P}.User.current(); await user?.fetch();`,
        `await query.first();`,
      ]);
    case 'drupal':
      return random.pick([
        `throw new ${ctx.sdk.drupal}(${codeLiteral(ctx, 'drupal')}, 'x');`,
        `await drupal.getEntity('node', 1);`,
        `${ctx.sdk.drupal}.name;`,
      ]);
    case 'cloudkit-js':
      return random.pick([
        `await ${ctx.sdk.cloudkit}.getDefaultContainer().publicCloudDatabase.saveRecords([]);`,
        `const container = ${ctx.sdk.cloudkit}.getDefaultContainer(); await container.setUpAuth();`,
        `${ctx.sdk.cloudkit}.configure({ containers: [] });`,
      ]);
    case 'bkend':
      return `const res = await fetch('https://api-client.bkend.ai/v1/data/posts'); const body = await res.json();`;
    case 'http':
      return random.pick([`const res = await fetch(url);`, `const response = await axios.get(url);`]);
    case 'cloudkit':
      return `await NativeModules.CloudKit.save(record);`;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks: what a handler does with the code.

function checks(ctx: Ctx, subject: string, system: System): string {
  const { random } = ctx;
  return random
    .times(1, 3, () => {
      const code = codeRead(ctx, subject, system);
      const kind = random.weighted([
        [6, 'if'],
        [5, 'switch'],
        [3, 'membership'],
        [2, 'default'],
        [2, 'assignment'],
        [2, 'map'],
        [3, 'destructure'],
        [2, 'instanceof'],
        [1, 'ternary'],
        [1, 'nested-function'],
      ] as const);
      switch (kind) {
        case 'if':
          return ifChain(ctx, code, subject, system);
        case 'switch':
          return switchOver(ctx, code, subject, system);
        case 'membership':
          return membership(ctx, code, subject, system);
        case 'default':
          return `const ${fresh(ctx, 'c')} = ${code} ${random.pick(['||', '??', '||', '&&'])} ${codeLiteral(ctx, system)};`;
        case 'assignment':
          return `${assignable(codeRead(ctx, subject, system === 'drupal' ? 'parse' : system))} ${random.pick(['=', '=', '||=', '??=', '+='])} ${codeLiteral(ctx, system)};`;
        case 'map':
          return codeMap(ctx, code, system);
        case 'destructure':
          return destructure(ctx, subject, system);
        case 'instanceof': {
          const cls = system === 'drupal' ? ctx.sdk.drupal : system === 'cloudkit-js' ? `${ctx.sdk.cloudkit}.CKError` : `${ctx.sdk.parse}.Error`;
          return `if (${subject} instanceof ${cls} && ${comparison(ctx, code, system)}) { ${reaction(ctx, subject)} }`;
        }
        case 'ternary':
          return `const ${fresh(ctx, 't')} = ${comparison(ctx, code, system)} ? ${operand(ctx, system)} : ${code};`;
        case 'nested-function':
          return `[1].forEach(async (${random.pick(['x', subject, ctx.sdk.parse])}) => { ${ifChain(ctx, code, subject, system)} });`;
      }
    })
    .join('\n');
}

/** An assignment target: no optional chain, no call. */
function assignable(code: string): string {
  return code.replaceAll('?.[', '[').replaceAll('?.', '.');
}

function ifChain(ctx: Ctx, code: string, subject: string, system: System): string {
  const { random } = ctx;
  const branches = random.times(1, 4, () => `if (${condition(ctx, code, system)}) { ${reaction(ctx, subject)} }`);
  let text = branches.join(' else ');
  if (random.bool(0.4)) text += ` else { ${reaction(ctx, subject)} }`;
  return text;
}

function switchOver(ctx: Ctx, code: string, subject: string, system: System): string {
  const { random } = ctx;
  const cases: string[] = random.times(0, 7, () => `case ${operand(ctx, system)}:${random.bool(0.6) ? ` ${reaction(ctx, subject)}` : ''}${random.bool(0.5) ? ' break;' : ''}`);
  if (cases.length > 0 && random.bool(0.2)) cases.push(random.pick(cases)); // duplicate case
  if (random.bool(0.5)) cases.splice(random.int(0, cases.length), 0, `default: ${reaction(ctx, subject)}`);
  if (random.bool(0.1)) cases.push(`case ${random.pick(['code', subject, `${code} + 1`, '{}', '[]'])}: break;`);
  const discriminant = random.bool(0.1) ? `(${code})` : code;
  return `switch (${discriminant}) {\n  ${cases.join('\n  ')}\n}`;
}

function membership(ctx: Ctx, code: string, subject: string, system: System): string {
  const { random } = ctx;
  const elements = random.times(0, 5, () => operand(ctx, system));
  if (random.bool(0.15)) elements.splice(random.int(0, elements.length), 0, '');
  if (random.bool(0.1)) elements.push(random.pick(['...others', '...[209]']));
  const array = `[${elements.join(', ')}]`;
  const list = fresh(ctx, 'CODES');
  const [container, prelude] = random.weighted([
    [4, [array, '']],
    [2, [`new Set(${array})`, '']],
    [3, [list, `const ${list} = ${random.bool(0.3) ? `new Set(${array})` : array};\n`]],
    [1, [list, `let ${list} = ${array};\n`]],
  ] as const);
  const method = container.startsWith('new Set') || prelude.includes('new Set') ? 'has' : random.pick(['includes', 'includes', 'indexOf', 'lastIndexOf', 'has', 'some']);
  const call = random.bool(0.15) ? `${container}?.${method}(${code})` : `${container}.${method}(${code})`;
  return `${prelude}if (${call}${method.endsWith('IndexOf') ? ' !== -1' : ''}) { ${reaction(ctx, subject)} }`;
}

function codeMap(ctx: Ctx, code: string, system: System): string {
  const { random } = ctx;
  const name = fresh(ctx, 'MESSAGES');
  const entries = random.times(0, 5, () => {
    const key = random.weighted([
      [5, () => codeLiteral(ctx, system)],
      [2, () => `[${operand(ctx, system)}]`],
      [1, () => random.pick(['plain', 'get x() { return 1; }', '...base', 'x'])],
    ] as const)();
    if (key.startsWith('...') || key.startsWith('get ') || key === 'x') return key;
    // Keys must be property names: keep literals that are, bracket the rest.
    const plain = /^(-?\d[\d_.xob]*|'[^']*'|"[^"]*")$/i.test(key) && !key.startsWith('-') && !key.endsWith('n');
    return `${plain || key.startsWith('[') ? key : `[${key}]`}: ${quote(random, 'message')}`;
  });
  const kind = random.pick(['const', 'const', 'let', 'var']);
  return `${kind} ${name} = { ${entries.join(', ')} };\nconsole.log(${name}[${code}]${random.bool(0.2) ? ' ?? "unknown"' : ''});`;
}

function destructure(ctx: Ctx, subject: string, system: System): string {
  const { random } = ctx;
  const key = system === 'cloudkit-js' ? 'ckErrorCode' : system === 'http' ? 'status' : system === 'bkend' ? 'error' : 'code';
  const local = random.bool(0.5) ? key : fresh(ctx, 'c');
  const other = fresh(ctx, 'c');
  const [pattern, usedName] = random.weighted([
    [5, local === key ? [`{ ${key} }`, key] : [`{ ${key}: ${local} }`, local]],
    [1, [`{ ${key}: ${local} = ${codeLiteral(ctx, system)} }`, local]],
    [1, [`{ ${key}${local === key ? '' : `: ${local}`}, ...${fresh(ctx, 'rest')} }`, local]],
    [1, [`{ ['${key}']: ${other} }`, other]],
    [1, [`[${local}]`, local]],
  ] as const);
  const kind = random.pick(['const', 'const', 'const', 'let']);
  const binding = random.bool(0.8) ? `${kind} ${pattern} = ${subject};` : `${kind} ${usedName} = ${codeRead(ctx, subject, system)};`;
  const use = random.pick([
    () => ifChain(ctx, usedName, subject, system),
    () => switchOver(ctx, usedName, subject, system),
    () => membership(ctx, usedName, subject, system),
  ])();
  return `{\n${binding}\n${use}\n}`;
}

// ---------------------------------------------------------------------------------------------
// Snippets: whole statements.

type Snippet = (ctx: Ctx) => string;

function catchParam(ctx: Ctx, name: string): string {
  const { random } = ctx;
  if (ctx.lang === 'ts') return random.weighted([
    [5, name],
    [2, `${name}: any`],
    [2, `${name}: unknown`],
  ] as const);
  return name;
}

const tryCatch: Snippet = (ctx) => {
  const { random } = ctx;
  const system = pickSystem(ctx);
  const subject = random.pick(['e', 'err', 'error', 'ex', ctx.sdk.parse]);
  const body = `${sdkCall(ctx, system)}${random.bool(0.3) ? `\n{ ${sdkCall(ctx, pickSystem(ctx))} }` : ''}`;
  const handler = random.weighted([
    [8, () => `catch (${catchParam(ctx, subject)}) {\n${checks(ctx, subject, system)}\n}`],
    [1, () => `catch ({ code }) {\n${ifChain(ctx, 'code', 'code', system)}\n}`],
    [1, () => `catch {\n${reaction(ctx, 'undefined')}\n}`],
  ] as const)();
  const finalizer = random.bool(0.15) ? ' finally { cleanup(); }' : '';
  return `try {\n${body}\n} ${handler}${finalizer}`;
};

const promiseCatch: Snippet = (ctx) => {
  const { random } = ctx;
  const system = pickSystem(ctx);
  const subject = random.pick(['e', 'err', 'error']);
  const call = sdkCall(ctx, system).replace(/^await /, '').replace(/;$/, '');
  const chain = call.includes(';') ? `fetchThing()` : call;
  const param = ctx.lang === 'ts' && random.bool(0.3) ? `(${subject}: any)` : random.bool(0.5) ? `(${subject})` : subject;
  const handler = random.weighted([
    [5, `async ${param} => {\n${checks(ctx, subject, system)}\n}`],
    [2, `async function (${param.replace(/^\(|\)$/g, '')}) {\n${checks(ctx, subject, system)}\n}`],
    [1, `async ${param.startsWith('(') ? param : `(${param})`} => ${comparison(ctx, codeRead(ctx, subject, system), system)}`],
  ] as const);
  return random.weighted([
    [5, `${chain}.catch(${handler});`],
    [2, `${chain}.then((value) => value, ${handler});`],
    [1, `${chain}?.catch?.(${handler});`],
    [1, `${chain}.then(null).catch(${handler}).finally(() => {});`],
  ] as const);
};

const retryLoop: Snippet = (ctx) => {
  const { random } = ctx;
  const system = pickSystem(ctx);
  const subject = random.pick(['e', 'err']);
  const code = codeRead(ctx, subject, system);
  const head = random.pick([
    'for (let attempt = 0; attempt < 3; attempt++)',
    'while (true)',
    'for (;;)',
    'outer: for (const delay of [100, 200, 400])',
    'do',
  ]);
  const retryBranch = random.pick(['continue;', head.startsWith('outer:') ? 'continue outer;' : 'continue;', 'await sleep(2 ** attempt * 100); continue;', 'break;', 'return;']);
  const body = `{\n  try {\n    ${sdkCall(ctx, system)}\n    break;\n  } catch (${catchParam(ctx, subject)}) {\n    if (${condition(ctx, code, system)}) { ${retryBranch} }\n    ${random.bool(0.5) ? switchOver(ctx, code, subject, system) : ''}\n    throw ${subject};\n  }\n}`;
  return head === 'do' ? `do ${body} while (tries-- > 0);` : `${head} ${body}`;
};

const throwNew: Snippet = (ctx) => {
  const { random } = ctx;
  const parse = `${ctx.sdk.parse}.Error`;
  const drupal = ctx.sdk.drupal;
  const callee = random.weighted([
    [5, parse],
    [3, drupal],
    [1, `${ctx.sdk.parse}['Error']`],
    [1, `(${parse})`],
    [1, `${ctx.sdk.cloudkit}.CKError`],
  ] as const);
  const system: System = callee.includes(drupal) && !callee.includes(ctx.sdk.parse) ? 'drupal' : 'parse';
  const args = random.weighted([
    [6, `${operand(ctx, system)}, 'message'`],
    [2, `${operand(ctx, system)}`],
    [1, ''],
    [1, `...args`],
    [1, `${codeLiteral(ctx, system)}, ${codeLiteral(ctx, system)}`],
  ] as const);
  const parens = random.bool(0.05) ? '' : `(${args})`;
  return random.pick([`throw new ${callee}${parens};`, `const ${fresh(ctx, 'error')} = new ${callee}${parens};`, `reject(new ${callee}${parens});`]);
};

const cloudCode: Snippet = (ctx) => {
  const { random } = ctx;
  const P = ctx.sdk.parse;
  const hook = random.pick(['define', 'beforeSave', 'afterSave', 'job', 'beforeLogin']);
  const req = random.pick(['request', 'req', P]);
  return `${P}.Cloud.${hook}('${hook}Thing', async (${req}) => {\n  if (!${req}.user) throw new ${P}.Error(${operand(ctx, 'parse')}, 'no user');\n  ${random.bool(0.5) ? tryCatch(ctx) : throwNew(ctx)}\n});`;
};

/** `declare const err: Parse.Error;` and friends, then checks on it (TypeScript only). */
const declaredErrors: Snippet = (ctx) => {
  const { random } = ctx;
  const options: [System, string, string][] = [];
  if (ctx.typed.parse) options.push(['parse', 'err', `${ctx.sdk.parse}.Error`]);
  if (ctx.typed.drupal) options.push(['drupal', 'de', ctx.sdk.drupal]);
  if (ctx.typed.cloudkit) options.push(['cloudkit-js', 'ck', `${ctx.sdk.cloudkit}.CKError`]);
  if (ctx.typed.bridge) options.push(['cloudkit', 'native', 'NativeCloudKitError'], ['bkend', 'body', 'BkendErrorBody']);
  options.push(['http', 'res', 'Response']);
  if (ctx.typed.parse && ctx.typed.drupal) options.push(['parse', 'either', `${ctx.sdk.parse}.Error | ${ctx.sdk.drupal}`]);
  if (ctx.typed.parse) options.push(['parse', 'maybe', `${ctx.sdk.parse}.Error | undefined`], ['parse', 'ext', `${ctx.sdk.parse}.Error & { extra: 1 }`]);
  const [system, name, type] = random.pick(options);
  const local = fresh(ctx, name);
  const declaration = random.weighted([
    [5, `declare const ${local}: ${type};`],
    [2, `function ${fresh(ctx, 'take')}(${local}: ${type}) {`],
    [1, `let ${local} = undefined as unknown as ${type};`],
  ] as const);
  const body = checks(ctx, local, system);
  // `declare` only at the top level; the checks go into a function (they may `return`).
  return declaration.endsWith('{') ? `${declaration}\n${body}\n}` : `${declaration}\nasync function ${fresh(ctx, 'use')}() {\n${body}\n}`;
};

/** Literal-union and enum code types (TypeScript only). */
const codeTypes: Snippet = (ctx) => {
  const { random } = ctx;
  const system = random.pick(['cloudkit-js', 'bkend', 'parse'] as const);
  const members = random.times(1, 4, () => codeLiteral(ctx, system)).filter((text) => /^['"]|^-?\d+$/.test(text));
  const name = fresh(ctx, 'code');
  if (random.bool(0.7) && members.length > 0) {
    return `declare const ${name}: ${members.join(' | ')};\nasync function ${fresh(ctx, 'use')}() {\n${random.bool(0.5) ? ifChain(ctx, name, name, system) : switchOver(ctx, name, name, system)}\n}`;
  }
  const enumName = fresh(ctx, 'Codes');
  const enumMembers = members.map((value, i) => `M${i} = ${value}`).join(', ');
  return `${random.bool(0.3) ? 'const ' : ''}enum ${enumName} { ${enumMembers} }\ndeclare const ${name}: ${enumName};\nasync function ${fresh(ctx, 'use')}() {\n${switchOver(ctx, name, name, system)}\n}`;
};

/** Shadowing of the SDK names, then code that uses the shadowed name. */
const shadowing: Snippet = (ctx) => {
  const { random } = ctx;
  const name = random.pick([ctx.sdk.parse, ctx.sdk.drupal, ctx.sdk.cloudkit, 'Parse', 'DrupalError', 'CloudKit'].filter((candidate) => !candidate.includes('.')));
  const inner = `${checks(ctx, 'e', pickSystem(ctx))}\n${random.bool(0.5) ? throwNew(ctx) : `console.log(${constantRef(ctx)});`}`;
  return random.pick([
    `async function ${fresh(ctx, 'shadow')}(${name}, e) {\n${inner}\n}`,
    `{\n  const ${name} = { Error: { INVALID_SESSION_TOKEN: 209 }, OTHER_CAUSE: 1 };\n  const e = ${name};\n${inner}\n}`,
    `{\n  class ${name} {}\n  let e;\n${inner}\n}`,
    `try { work(); } catch (${name}) {\n  const e = ${name};\n${inner}\n}`,
    `(async function (${name}) {\n  let e = ${name};\n${inner}\n})(${name});`,
    `for (const ${name} of []) {\n  const e = ${name};\n${inner}\n}`,
  ]);
};

/** Constants alone: real, alias, misspelled, other SDK's, in odd positions. */
const constants: Snippet = (ctx) => {
  const { random } = ctx;
  return random
    .times(1, 4, () =>
      random.pick([
        () => `console.log(${constantRef(ctx)});`,
        () => `const ${fresh(ctx, 'k')} = ${constantRef(ctx)};`,
        () => `${ctx.sourceType === 'module' ? 'export ' : ''}const ${fresh(ctx, 'K')} = ${constantRef(ctx)};`,
        () => `if (${constantRef(ctx)} === ${constantRef(ctx)}) {}`,
        () => `delete ${constantRef(ctx)};`,
        () => `${assignable(constantRef(ctx))} = 1;`,
        () => `typeof ${constantRef(ctx)};`,
      ])(),
    )
    .join('\n');
};

/** bkend bodies and HTTP responses without SDK imports. */
const restCalls: Snippet = (ctx) => {
  const { random } = ctx;
  const url = random.pick(["'https://api-client.bkend.ai/v1/data/posts'", '`https://api-client.bkend.ai/v1/${path}`', 'url']);
  const body = `const res = await fetch(${url});\nconst body = await res.json();`;
  return `${body}\n${checks(ctx, 'body', 'bkend')}\n${checks(ctx, 'res', 'http')}`;
};

const SNIPPETS: readonly (readonly [number, Snippet, 'any' | 'ts'])[] = [
  [8, tryCatch, 'any'],
  [4, promiseCatch, 'any'],
  [3, retryLoop, 'any'],
  [3, throwNew, 'any'],
  [2, cloudCode, 'any'],
  [2, shadowing, 'any'],
  [2, constants, 'any'],
  [2, restCalls, 'any'],
  [6, declaredErrors, 'ts'],
  [2, codeTypes, 'ts'],
];

function pickSystem(ctx: Ctx): System {
  return ctx.random.weighted([
    [6, 'parse'],
    [3, 'drupal'],
    [3, 'cloudkit-js'],
    [1, 'bkend'],
    [1, 'http'],
    [1, 'cloudkit'],
  ] as const);
}

/** Puts statements inside 0–3 random enclosing constructs (all function-like ones async). */
function nest(ctx: Ctx, body: string, exportable: boolean): string {
  const { random } = ctx;
  let text = body;
  const depth = /^declare |\ndeclare /.test(body) ? 0 : random.weighted([
    [3, 0],
    [4, 1],
    [2, 2],
    [1, 3],
  ] as const);
  let functionLike = false;
  for (let level = 0; level < depth; level += 1) {
    const [wrapped, isFunction] = random.weighted([
      [5, [`async function ${fresh(ctx, 'run')}() {\n${text}\n}`, true]],
      [2, [`const ${fresh(ctx, 'go')} = async () => {\n${text}\n};`, true]],
      [2, [`class ${fresh(ctx, 'Service')} { async ${random.pick(['load', 'save', 'static', 'constructor2'])}() {\n${text}\n} }`, true]],
      [1, [`const ${fresh(ctx, 'api')} = { async handle(request, reply) {\n${text}\n} };`, true]],
      [1, [`(async function () {\n${text}\n})();`, true]],
      [2, [`{\n${text}\n}`, false]],
      [2, [`if (ready) {\n${text}\n} else { idle(); }`, false]],
      [1, [`${fresh(ctx, 'label')}: {\n${text}\n}`, false]],
      [1, [`for (const item of items) {\n${text}\n}`, false]],
    ] as const);
    // `export` cannot appear inside anything.
    if (text.includes('export ')) break;
    text = wrapped;
    functionLike ||= isFunction;
  }
  // No top-level return; scripts have no top-level await either.
  if (!functionLike && (/\breturn\b/.test(text) || (ctx.sourceType === 'script' && /\bawait\b/.test(text))) && !/^declare |\ndeclare /.test(text)) {
    text = `async function ${fresh(ctx, 'main')}() {\n${text}\n}`;
  }
  if (exportable && ctx.sourceType === 'module' && random.bool(0.1) && text.startsWith('async function')) text = `export ${text}`;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Headers: how the file reaches the SDKs.

function header(random: Random, lang: Lang, sourceType: SourceType): { lines: string[]; sdk: Ctx['sdk']; typed: Ctx['typed'] } {
  const lines: string[] = [];
  const sdk = { parse: 'Parse', drupal: 'DrupalError', cloudkit: 'CloudKit' };
  const typed = { parse: false, drupal: false, cloudkit: false, bridge: false };
  const ts = lang === 'ts';
  // Modules mostly import; some (TypeScript compiled to CommonJS, bundled code) require.
  if (sourceType === 'module' && random.bool(0.75)) {
    if (random.bool(0.7)) {
      const [line, local, hasTypes] = random.weighted([
        [5, ["import Parse from 'parse';", 'Parse', true]],
        [2, ["import Parse from 'parse/node';", 'Parse', true]],
        [1, ["import * as Parse from 'parse';", 'Parse', true]],
        [1, ["import ParseSDK from 'parse';", 'ParseSDK', true]],
        [1, ["import { default as Parse } from 'parse';", 'Parse', true]],
        [1, ["const Parse = (await import('parse')).default;", 'Parse', false]],
        [ts ? 1 : 0, ["import Parse = require('parse');", 'Parse', true]],
        [ts ? 1 : 0, ["import type Parse from 'parse';", 'Parse', true]],
      ] as const);
      lines.push(line);
      sdk.parse = local;
      typed.parse = hasTypes;
    }
    if (random.bool(0.5)) {
      const [line, local] = random.weighted([
        [5, ["import { DrupalError } from '@drupal-js-sdk/error';", 'DrupalError']],
        [2, ["import { DrupalError } from 'drupal-js-sdk';", 'DrupalError']],
        [1, ["import { DrupalError as DE } from '@drupal-js-sdk/error';", 'DE']],
        [1, ["import * as drupalErrors from '@drupal-js-sdk/error';\nconst { DrupalError } = drupalErrors;", 'DrupalError']],
        [ts ? 1 : 0, ["import { type DrupalError } from '@drupal-js-sdk/error';", 'DrupalError']],
        // SDK evidence without a `DrupalError` binding: fixes become suggestions that add an import.
        [2, ["import * as drupal from 'drupal-js-sdk';", 'drupal.DrupalError']],
        [2, ["const drupal = require('drupal-js-sdk');", 'drupal.DrupalError']],
      ] as const);
      lines.push(line);
      sdk.drupal = local;
      typed.drupal = true;
    }
    if (random.bool(0.4)) {
      const [line, local] = random.weighted([
        [5, ["import * as CloudKit from 'tsl-apple-cloudkit';", 'CloudKit']],
        [1, ["import CloudKit from 'tsl-apple-cloudkit';", 'CloudKit']],
        [1, ["import * as CK from 'tsl-apple-cloudkit';", 'CK']],
      ] as const);
      lines.push(line);
      sdk.cloudkit = local;
      typed.cloudkit = true;
    }
    if (ts && random.bool(0.4)) {
      lines.push(random.pick(["import type { NativeCloudKitError, BkendErrorBody } from './bridge.js';", "import { type NativeCloudKitError, type BkendErrorBody, CKErrorCode } from './bridge.js';"]));
      typed.bridge = true;
    }
    if (random.bool(0.1)) lines.push(random.pick(["import axios from 'axios';", "import { fetch } from 'undici';", "import 'parse/react-native';"]));
  } else {
    if (random.bool(0.5)) {
      const [line, local] = random.weighted([
        [4, ["const Parse = require('parse/node');", 'Parse']],
        [1, ["var Parse = require('parse');", 'Parse']],
        [1, ["const ParseSDK = require('parse/node');", 'ParseSDK']],
        [1, ["const Parse = require('parse/node').Parse;", 'Parse']],
        [1, ["let Parse = require(`parse`);", 'Parse']],
      ] as const);
      lines.push(line);
      sdk.parse = local;
    }
    if (random.bool(0.4)) {
      const [line, local] = random.weighted([
        [4, ["const { DrupalError } = require('@drupal-js-sdk/error');", 'DrupalError']],
        [1, ["const DrupalError = require('@drupal-js-sdk/error').DrupalError;", 'DrupalError']],
        [1, ["const { DrupalError: DE } = require('drupal-js-sdk');", 'DE']],
        [2, ["const drupal = require('drupal-js-sdk');", 'drupal.DrupalError']],
      ] as const);
      lines.push(line);
      sdk.drupal = local;
    }
    if (random.bool(0.3)) lines.push(random.pick(["const CloudKit = require('tsl-apple-cloudkit');", "var CloudKit = window.CloudKit;"]));
    if (random.bool(0.1)) lines.push(random.pick(["'use strict';", '"use strict";']));
  }
  return { lines, sdk, typed };
}

// ---------------------------------------------------------------------------------------------
// Programs

export function generateProgram(seed: number, index: number): FuzzProgram {
  const random = new Random(programSeed(seed, index));
  const shape = random.weighted([
    [2, 'eslump'],
    [5, 'sdk'],
    [4, 'mixed'],
  ] as const);
  const sourceType: SourceType = random.bool(0.7) ? 'module' : 'script';
  const lang: Lang = shape === 'eslump' ? 'js' : random.bool(0.45) ? 'ts' : 'js';

  if (shape === 'eslump') {
    const text = eslumpProgram(random, sourceType, random.int(2, 7));
    return { seed, index, lang, sourceType, shape, text };
  }

  const head = header(random, lang, sourceType);
  const ctx: Ctx = { random, lang, sourceType, sdk: head.sdk, typed: { ...head.typed, parse: head.typed.parse && lang === 'ts', drupal: head.typed.drupal && lang === 'ts', cloudkit: head.typed.cloudkit && lang === 'ts', bridge: head.typed.bridge && lang === 'ts' }, counter: 0 };
  const usable = SNIPPETS.filter(([, , only]) => only === 'any' || lang === 'ts');
  const parts = random.times(1, 6, () => nest(ctx, random.weighted(usable.map(([weight, snippet]) => [weight, snippet] as const))(ctx), true));
  if (shape === 'mixed') {
    const chunks = random.times(1, 2, () => {
      if (!random.bool(0.3)) return eslumpProgram(random, sourceType, random.int(1, 4));
      // Random statements as the guarded code of a handler: the binder walks them for SDK evidence.
      const system = pickSystem(ctx);
      const guarded = `${sdkCall(ctx, system)}\n${eslumpProgram(random, 'script', random.int(1, 3))}`;
      return nest(ctx, `try {\n${guarded}\n} catch (${catchParam(ctx, 'e')}) {\n${checks(ctx, 'e', system)}\n}`, false);
    });
    for (const chunk of chunks) parts.splice(random.int(0, parts.length), 0, chunk);
  }
  let text = [...head.lines, ...parts].join('\n');
  if (random.bool(0.05)) text = text.replaceAll('\n', '\r\n');
  if (random.bool(0.1)) text = `/* header comment */\n${text}`;
  if (random.bool(0.08)) text = `#!/usr/bin/env node\n${text}`;
  if (random.bool(0.05)) text = `\uFEFF${text}`;
  if (random.bool(0.05)) text += '\n// trailing comment without newline';
  return { seed, index, lang, sourceType, shape, text };
}
