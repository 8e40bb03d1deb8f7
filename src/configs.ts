import type { TSESLint } from '@typescript-eslint/utils';

import type { ErrorCodesRuleDocs } from './create-rule.js';
import { PLUGIN_NAMESPACE } from './meta.js';

type Rule = TSESLint.RuleModule<string, readonly unknown[], ErrorCodesRuleDocs>;

export type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict' | 'all';

/** Which rules each config enables, read from every rule's `meta.docs`. */
const membership: Record<ConfigName, (docs: ErrorCodesRuleDocs) => boolean> = {
  // Works without type information: rules that need a program are left out.
  recommended: (docs) => docs.recommended === 'recommended' && docs.requiresTypeChecking !== true,
  'recommended-type-checked': (docs) => docs.recommended === 'recommended',
  strict: (docs) => docs.recommended === 'recommended' || docs.recommended === 'strict',
  all: () => true,
};

/**
 * Flat configs derived from rule meta. Each is an array of one config object that carries the
 * plugin, so one line enables it, with or without a spread: `...errorCodes.configs.recommended`.
 */
export function createConfigs(plugin: { rules: Record<string, Rule> }): Record<ConfigName, TSESLint.FlatConfig.ConfigArray> {
  const configs = {} as Record<ConfigName, TSESLint.FlatConfig.ConfigArray>;
  for (const [name, includes] of Object.entries(membership) as [ConfigName, (docs: ErrorCodesRuleDocs) => boolean][]) {
    const rules: TSESLint.FlatConfig.Rules = {};
    for (const [ruleName, rule] of Object.entries(plugin.rules)) {
      if (rule.meta.docs && includes(rule.meta.docs)) rules[`${PLUGIN_NAMESPACE}/${ruleName}`] = 'error';
    }
    configs[name] = [{ name: `${PLUGIN_NAMESPACE}/${name}`, plugins: { [PLUGIN_NAMESPACE]: plugin }, rules }];
  }
  return configs;
}
