import path from 'node:path';

import type { RuleContext } from './binding/context.js';
import { ConfigurationError } from './configuration-error.js';
import { getSettings } from './settings.js';

/**
 * Stops the run when a type-checked config (`recommended-type-checked`, `strict`, `all`) applies
 * to a file without a TypeScript program: without one the rules would quietly fall back to
 * syntax and miss what only types show. The configs say so in
 * `settings['error-codes'].requireTypeInformation`; `disable-type-checked` takes it back.
 */
export function assertTypeInformation(context: RuleContext): void {
  if (!getSettings(context.settings, context.cwd).requireTypeInformation) return;
  if (context.sourceCode.parserServices?.program) return;
  const file = path.relative(context.cwd, context.filename) || context.filename;
  throw new ConfigurationError(
    `${file} has no TypeScript program, which the type-checked configs (recommended-type-checked, strict, all) need. ` +
      "Set languageOptions.parserOptions.projectService: true (with typescript-eslint's parser and tsconfigRootDir: import.meta.dirname) for it; " +
      "for plain JavaScript files, add the config { files: ['**/*.{js,mjs,cjs}'], extends: [errorCodes.configs['disable-type-checked']] } at the end.",
  );
}
