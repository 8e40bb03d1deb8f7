import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default defineConfig(
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    extends: [errorCodes.configs['recommended-type-checked']],
  },
  {
    // Cloud Code is plain JavaScript run by parse-server, with `Parse` as a global.
    files: ['cloud/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { Parse: 'readonly' } },
    extends: [errorCodes.configs.recommended],
  },
);
