import tseslint from 'typescript-eslint';
import errorCodes from 'eslint-plugin-error-codes';

export default [
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
  ...errorCodes.configs['recommended-type-checked'],
];
