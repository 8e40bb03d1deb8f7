import { ESLintUtils } from '@typescript-eslint/utils';

/** `meta.docs` of every rule; configs are derived from it. */
export interface ErrorCodesRuleDocs {
  description: string;
  /** The lowest config that enables the rule; absent: only in `all`. */
  recommended?: 'recommended' | 'strict';
  /** The rule needs type information and is left out of the untyped `recommended` config. */
  requiresTypeChecking?: boolean;
  /** Options the `strict` config sets, stricter than the defaults (`all` keeps the defaults). */
  strictOptions?: Readonly<Record<string, boolean>>;
}

export const DOCS_BASE_URL = 'https://github.com/eslint-plugin-error-codes/eslint-plugin-error-codes/blob/main/docs/rules';

export const createRule = ESLintUtils.RuleCreator<ErrorCodesRuleDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);
