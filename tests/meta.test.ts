/** The plugin's shape: rule files, docs, configs derived from meta, package identity. */
import { readdirSync, readFileSync } from 'node:fs';

import { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../src/index.js';
import { DOCS_BASE_URL } from '../src/create-rule.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../src/meta.js';
import { expectedOptionsTable, type OptionSchema, optionsTableOf } from './docs/options-table.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  homepage: string;
  bugs: { url: string };
  repository: { type: string; url: string };
};
const ruleFiles = readdirSync(new URL('../rules/', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
const ruleEntries = Object.entries(rules);
type Docs = NonNullable<(typeof ruleEntries)[number][1]['meta']['docs']>;

describe('plugin', () => {
  it('names itself as package.json does', () => {
    expect(plugin.meta).toMatchObject({ name: packageJson.name, version: packageJson.version });
    expect([PLUGIN_NAME, PLUGIN_VERSION]).toEqual([packageJson.name, packageJson.version]);
  });

  it('points repository, homepage, bugs and the rule docs at one GitHub repository', () => {
    const repository = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(packageJson.repository.type).toBe('git');
    expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(DOCS_BASE_URL).toBe(`${repository}/blob/main/docs/rules`);
    expect(packageJson.homepage).toBe(`${repository}#readme`);
    expect(packageJson.bugs.url).toBe(`${repository}/issues`);
  });

  it('registers every file in rules/ under its file name', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles.sort());
    for (const [name, rule] of ruleEntries) expect(rule.name).toBe(name);
  });
});

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

  it('has an Options table of every option: type, the default the rule really uses, the schema description', () => {
    const schema = (rule.meta.schema as unknown as OptionSchema[])[0];
    const defaults = (rule.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
    expect(rule.meta.defaultOptions, 'meta.defaultOptions must be the defaults the rule uses').toEqual(rule.defaultOptions);
    if (!schema?.properties) return;
    const expected = expectedOptionsTable(schema, defaults);
    expect(optionsTableOf(doc), `docs/rules/${name}.md needs this table under "## Options":\n\n${expected}\n`).toBe(expected);
  });

  it('says in its header whether it requires type information', () => {
    expect(doc.includes('💭 This rule requires [type information]')).toBe(rule.meta.docs?.requiresTypeChecking === true);
  });

  it('runs on plain JavaScript without parser services unless it requires type checking', () => {
    const linter = new Linter({ configType: 'flat' });
    const lint = () =>
      linter.verify('try { Parse.User.current(); } catch (e) { if (e.code === 209) {} }', [
        { plugins: { 'error-codes': plugin }, rules: { [`error-codes/${name}`]: 'error' } },
      ]);
    if (rule.meta.docs?.requiresTypeChecking) expect(lint).toThrow(/type information/);
    else expect(lint().filter((message) => message.fatal)).toEqual([]);
  });
});

describe('configs', () => {
  const ids = (names: string[], severity = 'error') => Object.fromEntries(names.map((name) => [`error-codes/${name}`, severity]));
  const where = (predicate: (docs: Docs) => boolean) =>
    ruleEntries.filter(([, rule]) => rule.meta.docs !== undefined && predicate(rule.meta.docs)).map(([name]) => name);
  const requireTypeInformation = (value: boolean) => ({ 'error-codes': { requireTypeInformation: value } });

  it('recommended: recommended rules that work without type information', () => {
    expect(plugin.configs.recommended[0]?.rules).toEqual(ids(where((docs) => docs.recommended === 'recommended' && !docs.requiresTypeChecking)));
    expect(plugin.configs.recommended[0]?.settings).toBeUndefined();
  });

  it('recommended-type-checked: every recommended rule, and a program for every file', () => {
    expect(plugin.configs['recommended-type-checked'][0]?.rules).toEqual(ids(where((docs) => docs.recommended === 'recommended')));
    expect(plugin.configs['recommended-type-checked'][0]?.settings).toEqual(requireTypeInformation(true));
  });

  it('strict: recommended and strict rules, and a program for every file', () => {
    const strictRules = where((docs) => docs.recommended !== undefined);
    expect(plugin.configs.strict[0]?.rules).toEqual(
      Object.fromEntries(
        strictRules.map((name) => {
          const options = rules[name as keyof typeof rules].meta.docs?.strictOptions;
          return [`error-codes/${name}`, options ? ['error', options] : 'error'];
        }),
      ),
    );
    // require-retry's backoff check is on in strict only.
    expect(plugin.configs.strict[0]?.rules['error-codes/require-retry']).toEqual(['error', { backoff: true }]);
    expect(plugin.configs.all[0]?.rules['error-codes/require-retry']).toBe('error');
    expect(plugin.configs.strict[0]?.settings).toEqual(requireTypeInformation(true));
  });

  it('all: every rule, and a program for every file', () => {
    expect(plugin.configs.all[0]?.rules).toEqual(ids(Object.keys(rules)));
    expect(plugin.configs.all[0]?.settings).toEqual(requireTypeInformation(true));
  });

  it('disable-type-checked: rules that need types off, no program, no program required', () => {
    expect(plugin.configs['disable-type-checked'][0]?.rules).toEqual(ids(where((docs) => docs.requiresTypeChecking === true), 'off'));
    expect(plugin.configs['disable-type-checked'][0]?.languageOptions).toEqual({ parserOptions: { program: null, project: false, projectService: false } });
    expect(plugin.configs['disable-type-checked'][0]?.settings).toEqual(requireTypeInformation(false));
  });

  it('carry the plugin itself and their name', () => {
    expect(Object.keys(plugin.configs)).toEqual(['recommended', 'recommended-type-checked', 'strict', 'all', 'disable-type-checked']);
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config).toHaveLength(1);
      expect(config[0]?.name).toBe(`error-codes/${name}`);
      expect(config[0]?.plugins['error-codes']).toBe(plugin);
    }
  });

  it("answer to typescript-eslint's camelCase names as well, without listing them twice", () => {
    expect(plugin.configs.recommendedTypeChecked).toBe(plugin.configs['recommended-type-checked']);
    expect(plugin.configs.disableTypeChecked).toBe(plugin.configs['disable-type-checked']);
    expect(Object.keys(plugin.configs)).not.toContain('recommendedTypeChecked');
  });

  it.each([
    ['recomended', "did you mean 'recommended'?"],
    ['recommended-typechecked', "did you mean 'recommended-type-checked'?"],
    ['strictTypeChecked', "did you mean 'strict'?"],
    ['flat/recommended', "did you mean 'recommended'?"],
    ['disableTypeCheck', "did you mean 'disable-type-checked'?"],
  ])('configs[%j] throws "%s"', (name, suggestion) => {
    expect(() => (plugin.configs as Record<string, unknown>)[name]).toThrow(`eslint-plugin-error-codes: there is no config "${name}"; ${suggestion}`);
  });

  it.each(['then', 'toJSON', 'install', 'constructor', 'length', 'default'])('configs[%j] is what it is on any object', (name) => {
    expect((plugin.configs as Record<string, unknown>)[name]).toBe(({} as Record<string, unknown>)[name]);
  });

  it("a misspelt name in extends: ['error-codes/…'] gets the same answer", () => {
    expect(() => defineConfig({ plugins: { 'error-codes': plugin }, extends: ['error-codes/recomended'] })).toThrow("did you mean 'recommended'?");
    const [extended] = defineConfig({ plugins: { 'error-codes': plugin }, extends: ['error-codes/recommendedTypeChecked'] });
    expect(extended?.settings).toEqual(requireTypeInformation(true));
    expect(extended?.rules).toEqual(plugin.configs['recommended-type-checked'][0]?.rules);
  });
});
