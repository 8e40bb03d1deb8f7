// hermes-eslint ships Flow types only; this is the entry point ESLint calls.
declare module 'hermes-eslint' {
  import type { Linter } from 'eslint';

  export const parseForESLint: Linter.NonESTreeParser['parseForESLint'];
}
