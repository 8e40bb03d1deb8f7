// Lints the plugin's own sources: typescript-eslint's type-checked rules and
// eslint-plugin-eslint-plugin's rules for rule modules. The examples have configs of their own.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'examples/**', 'bench/**', 'tests/**', 'node_modules/**', '**/*.js', 'vitest.config.ts'] },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts', 'scripts/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
);
