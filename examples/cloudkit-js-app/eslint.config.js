import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default defineConfig(
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  errorCodes.configs['recommended-type-checked'],
  // This file is plain JavaScript, without a TypeScript program.
  { files: ['**/*.js'], extends: [errorCodes.configs['disable-type-checked']] },
);
