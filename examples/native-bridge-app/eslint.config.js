import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default defineConfig(
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    settings: {
      'error-codes': {
        bindings: [
          {
            catalog: 'cloudkit',
            type: { from: 'file', name: 'NativeCloudKitError', path: 'src/bridge.ts' },
            accessor: 'code',
            constants: { from: 'file', name: 'CKErrorCode', path: 'src/bridge.ts' },
          },
        ],
      },
    },
  },
  errorCodes.configs['recommended-type-checked'],
  // This file is plain JavaScript, without a TypeScript program.
  { files: ['**/*.js'], extends: [errorCodes.configs['disable-type-checked']] },
);
