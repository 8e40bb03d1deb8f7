import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  ...errorCodes.configs['recommended-type-checked'],
];
