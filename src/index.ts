import exhaustiveErrorCodes from '../rules/exhaustive-error-codes.js';
import noMagicErrorCodes from '../rules/no-magic-error-codes.js';
import noRetryOnPermanentErrors from '../rules/no-retry-on-permanent-errors.js';
import noSwallowedErrorCodes from '../rules/no-swallowed-error-codes.js';
import noUnknownErrorCodes from '../rules/no-unknown-error-codes.js';
import requirePartialFailureCheck from '../rules/require-partial-failure-check.js';
import requireRetry from '../rules/require-retry.js';

import { createConfigs, type ErrorCodesConfigs } from './configs.js';
import { PLUGIN_NAME, PLUGIN_NAMESPACE, PLUGIN_VERSION } from './meta.js';

export type { ConfigAlias, ConfigName, ErrorCodesConfig, ErrorCodesConfigs } from './configs.js';
export type { BindingSetting, ErrorCodesSettings } from './settings.js';

export const rules = {
  'exhaustive-error-codes': exhaustiveErrorCodes,
  'no-magic-error-codes': noMagicErrorCodes,
  'no-retry-on-permanent-errors': noRetryOnPermanentErrors,
  'no-swallowed-error-codes': noSwallowedErrorCodes,
  'no-unknown-error-codes': noUnknownErrorCodes,
  'require-partial-failure-check': requirePartialFailureCheck,
  'require-retry': requireRetry,
};

/** A listener of any node type; declared as a method, so that listeners of specific nodes fit it. */
type PluginRuleListener = { listener(node: unknown): void }['listener'];

/**
 * A rule as the plugin object shows it. Plain object types, loose where ESLint's and
 * typescript-eslint's rule types disagree (the context type), so that the plugin fits
 * `plugins: { 'error-codes': errorCodes }` under both `defineConfig` and `tseslint.config`.
 * The named export `rules` keeps each rule's full type.
 */
export type PluginRule = {
  meta: { type: 'problem' | 'suggestion' | 'layout'; docs?: { description: string; url?: string } };
  create(context: unknown): { [selector: string]: PluginRuleListener | undefined };
};

export type ErrorCodesPlugin = {
  meta: { name: string; version: string; namespace: string };
  rules: { [Name in keyof typeof rules]: PluginRule };
  configs: ErrorCodesConfigs;
};

const plugin: ErrorCodesPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as ErrorCodesConfigs,
};
// The configs refer to the plugin object itself, so that `plugins: { 'error-codes': plugin }` is one object.
plugin.configs = createConfigs(rules, plugin);

export default plugin;
