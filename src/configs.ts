import type { TSESLint } from '@typescript-eslint/utils';

import { closestNames } from './closest-names.js';
import type { ErrorCodesRuleDocs } from './create-rule.js';
import { PLUGIN_NAME, PLUGIN_NAMESPACE } from './meta.js';

type Rule = TSESLint.RuleModule<string, readonly unknown[], ErrorCodesRuleDocs>;

/** The configs, by the names that `extends: ['error-codes/…']` and the docs use. */
export const CONFIG_NAMES = ['recommended', 'recommended-type-checked', 'strict', 'all', 'disable-type-checked'] as const;

export type ConfigName = (typeof CONFIG_NAMES)[number];

type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

/** The same configs in typescript-eslint's spelling: `recommendedTypeChecked`, `disableTypeChecked`. */
export type ConfigAlias = CamelCase<ConfigName>;

/**
 * One config object of the plugin. Written with plain object types only (no interfaces, no
 * ESLint or typescript-eslint types), so that it is assignable to ESLint's `Linter.Config` and
 * `defineConfig` and to typescript-eslint's `FlatConfig.Config` and `tseslint.config` alike,
 * spread or in `extends`.
 */
export type ErrorCodesConfig = {
  name: string;
  plugins: { 'error-codes': { meta: { name: string; version: string; namespace: string } } };
  rules: { [ruleId: string]: 'error' | 'off' | ['error', { [option: string]: boolean }] };
  settings?: { 'error-codes': { requireTypeInformation: boolean } };
  languageOptions?: { parserOptions: { program: null; project: false; projectService: false } };
};

/** Each config is an array of one config object, so that one line enables it, spread or not. */
export type ErrorCodesConfigs = Record<ConfigName | ConfigAlias, ErrorCodesConfig[]>;

interface ConfigSpec {
  /** Which rules the config sets, read from every rule's `meta.docs`. */
  includes: (docs: ErrorCodesRuleDocs) => boolean;
  severity: 'error' | 'off';
  /**
   * `required`: every file the config applies to must have a TypeScript program (see
   * `assertTypeInformation`); `disabled`: its files get none, and rules that need one are off.
   */
  typeInformation?: 'required' | 'disabled';
  /** Whether the config sets each rule's `strictOptions`. */
  strictOptions?: boolean;
}

const typeChecked = (includes: ConfigSpec['includes']): ConfigSpec => ({ includes, severity: 'error', typeInformation: 'required' });

const specs: Record<ConfigName, ConfigSpec> = {
  // Works without type information: rules that need a program are left out.
  recommended: { includes: (docs) => docs.recommended === 'recommended' && docs.requiresTypeChecking !== true, severity: 'error' },
  'recommended-type-checked': typeChecked((docs) => docs.recommended === 'recommended'),
  strict: { ...typeChecked((docs) => docs.recommended === 'recommended' || docs.recommended === 'strict'), strictOptions: true },
  all: typeChecked(() => true),
  // For the files without a program (plain JavaScript) in a project with a type-checked config.
  'disable-type-checked': { includes: (docs) => docs.requiresTypeChecking === true, severity: 'off', typeInformation: 'disabled' },
};

/**
 * Flat configs derived from rule meta, under their names and typescript-eslint's camelCase
 * spellings (not enumerated, so that tools listing the configs see each once). Reading a name
 * that is close to a config's but is none (`recomended`, `strictTypeChecked`) throws with the
 * names it is close to, rather than giving `undefined`.
 */
export function createConfigs(rules: Record<string, Rule>, plugin: ErrorCodesConfig['plugins']['error-codes']): ErrorCodesConfigs {
  const configs = {} as ErrorCodesConfigs;
  for (const name of CONFIG_NAMES) {
    const { includes, severity, typeInformation, strictOptions } = specs[name];
    const config: ErrorCodesConfig = { name: `${PLUGIN_NAMESPACE}/${name}`, plugins: { [PLUGIN_NAMESPACE]: plugin }, rules: {} };
    for (const [ruleName, rule] of Object.entries(rules)) {
      const docs = rule.meta.docs;
      if (!docs || !includes(docs)) continue;
      config.rules[`${PLUGIN_NAMESPACE}/${ruleName}`] = strictOptions && docs.strictOptions && severity === 'error' ? ['error', { ...docs.strictOptions }] : severity;
    }
    if (typeInformation) config.settings = { [PLUGIN_NAMESPACE]: { requireTypeInformation: typeInformation === 'required' } };
    if (typeInformation === 'disabled') config.languageOptions = { parserOptions: { program: null, project: false, projectService: false } };
    configs[name] = [config];
    const alias = camelCase(name);
    if (alias !== name) Object.defineProperty(configs, alias, { value: configs[name], enumerable: false });
  }
  return new Proxy(configs, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || Reflect.has(target, key)) return Reflect.get(target, key, receiver) as unknown;
      const close = closestNames(key, CONFIG_NAMES, { minContained: 4 });
      if (close.length === 0) return undefined;
      // A TypeError with its trace, which points at the line of eslint.config.js that reads it.
      throw new TypeError(
        `${PLUGIN_NAME}: there is no config "${key}"; did you mean ${close.map((name) => `'${name}'`).join(' or ')}? The configs are ${CONFIG_NAMES.map((name) => `'${name}'`).join(', ')}.`,
      );
    },
  });
}

function camelCase<Name extends ConfigName>(name: Name): CamelCase<Name> {
  return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as CamelCase<Name>;
}
