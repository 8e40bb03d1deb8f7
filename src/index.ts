import type { TSESLint } from '@typescript-eslint/utils';

import exhaustiveErrorCodes from '../rules/exhaustive-error-codes.js';
import noMagicErrorCodes from '../rules/no-magic-error-codes.js';
import noSwallowedErrorCodes from '../rules/no-swallowed-error-codes.js';
import noUnknownErrorCodes from '../rules/no-unknown-error-codes.js';

import { type ConfigName, createConfigs } from './configs.js';
import { PLUGIN_NAME, PLUGIN_NAMESPACE, PLUGIN_VERSION } from './meta.js';

export const rules = {
  'exhaustive-error-codes': exhaustiveErrorCodes,
  'no-magic-error-codes': noMagicErrorCodes,
  'no-swallowed-error-codes': noSwallowedErrorCodes,
  'no-unknown-error-codes': noUnknownErrorCodes,
};

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.ConfigArray>,
};
// The configs refer to the plugin object itself, so that `plugins: { 'error-codes': plugin }` is one object.
Object.assign(plugin.configs, createConfigs(plugin));

export default plugin;
