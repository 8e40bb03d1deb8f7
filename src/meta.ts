/** The package's name and version; a test keeps them equal to package.json. */
export const PLUGIN_NAME = 'eslint-plugin-error-codes';
export const PLUGIN_VERSION = '0.1.0';
/** The prefix of rule ids in configs: `error-codes/no-magic-error-codes`. */
export const PLUGIN_NAMESPACE = 'error-codes';
