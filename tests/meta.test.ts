/** The plugin's shape: rule files, docs, configs derived from meta, package identity. */
import { readdirSync, readFileSync } from 'node:fs';

import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../src/index.js';
import { DOCS_BASE_URL } from '../src/create-rule.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../src/meta.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(new URL('../rules/', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
const ruleEntries = Object.entries(rules);
type Docs = NonNullable<(typeof ruleEntries)[number][1]['meta']['docs']>;

describe('plugin', () => {
  it('names itself as package.json does', () => {
    expect(plugin.meta).toMatchObject({ name: packageJson.name, version: packageJson.version });
    expect([PLUGIN_NAME, PLUGIN_VERSION]).toEqual([packageJson.name, packageJson.version]);
  });

  it('registers every file in rules/ under its file name', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles.sort());
    for (const [name, rule] of ruleEntries) expect(rule.name).toBe(name);
  });
});

/** The rows of the generated options table under `## Options`, as column name → cell text. */
function optionsTable(doc: string): Record<string, string>[] {
  const list = /<!-- begin auto-generated rule options list -->([\s\S]*?)<!-- end auto-generated rule options list -->/.exec(doc)?.[1] ?? '';
  const [header, , ...rows] = list
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  return rows.map((cells) => Object.fromEntries((header ?? []).map((name, index) => [name, cells[index] ?? ''])));
}

/** A default as the table writes it: `false`, `[]`, [`209`, `THROTTLED`]; empty when there is none. */
function defaultCell(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '`[]`' : `[${value.map((item) => `\`${String(item)}\``).join(', ')}]`;
  return `\`${typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean)}\``;
}

describe.each(ruleEntries)('rule %s', (name, rule) => {
  const doc = readFileSync(new URL(`../docs/rules/${name}.md`, import.meta.url), 'utf8');

  it('links its docs page', () => {
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}/${name}.md`);
  });

  it('describes itself as Enforce / Require / Disallow', () => {
    expect(rule.meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) /);
  });

  it('documents every option under its own heading, and when not to use it', () => {
    const schema = rule.meta.schema as unknown as { properties?: Record<string, { description?: string }> }[];
    for (const [option, property] of Object.entries(schema[0]?.properties ?? {})) {
      expect(doc).toContain(`### \`${option}\``);
      expect(property.description, option).toBeTruthy();
    }
    expect(doc).toContain('## When Not To Use It');
    expect(doc).toMatch(/❌ Incorrect[\s\S]*✅ Correct/);
  });

  it('lists every option in the Options table with the default the rule really uses', () => {
    const schema = rule.meta.schema as unknown as { properties?: Record<string, unknown> }[];
    const defaults = (rule.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
    expect(rule.meta.defaultOptions, 'meta.defaultOptions, which the table shows, must be the defaults the rule uses').toEqual(rule.defaultOptions);
    const table = optionsTable(doc);
    for (const option of Object.keys(schema[0]?.properties ?? {})) {
      const row = table.find((cells) => cells.Name === `\`${option}\``);
      expect(row, `no row for ${option} in the Options table`).toBeDefined();
      expect(row?.Default ?? '', option).toBe(defaultCell(defaults[option]));
    }
  });

  it('says in its header whether it requires type information', () => {
    expect(doc.includes('💭 This rule requires [type information]')).toBe(rule.meta.docs?.requiresTypeChecking === true);
  });

  it('runs on plain JavaScript without parser services unless it requires type checking', () => {
    const linter = new Linter({ configType: 'flat' });
    const lint = () =>
      linter.verify('try { Parse.User.current(); } catch (e) { if (e.code === 209) {} }', [
        { plugins: { 'error-codes': plugin as unknown as ESLint.Plugin }, rules: { [`error-codes/${name}`]: 'error' } },
      ]);
    if (rule.meta.docs?.requiresTypeChecking) expect(lint).toThrow(/type information/);
    else expect(lint().filter((message) => message.fatal)).toEqual([]);
  });
});

describe('configs', () => {
  const ids = (names: string[]) => Object.fromEntries(names.map((name) => [`error-codes/${name}`, 'error']));
  const where = (predicate: (docs: Docs) => boolean) =>
    ruleEntries.filter(([, rule]) => rule.meta.docs !== undefined && predicate(rule.meta.docs)).map(([name]) => name);

  it('recommended: recommended rules that work without type information', () => {
    expect(plugin.configs.recommended[0]?.rules).toEqual(ids(where((docs) => docs.recommended === 'recommended' && !docs.requiresTypeChecking)));
  });

  it('recommended-type-checked: every recommended rule', () => {
    expect(plugin.configs['recommended-type-checked'][0]?.rules).toEqual(ids(where((docs) => docs.recommended === 'recommended')));
  });

  it('strict: recommended and strict rules', () => {
    expect(plugin.configs.strict[0]?.rules).toEqual(ids(where((docs) => docs.recommended !== undefined)));
  });

  it('all: every rule', () => {
    expect(plugin.configs.all[0]?.rules).toEqual(ids(Object.keys(rules)));
  });

  it('carry the plugin itself', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config).toHaveLength(1);
      expect(config[0]?.plugins?.['error-codes']).toBe(plugin);
    }
  });
});
