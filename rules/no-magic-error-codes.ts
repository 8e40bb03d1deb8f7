import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

import type { CodeSite } from '../src/analysis/code-sites.js';
import { codeLabel, meaningText, valueText } from '../src/analysis/describe.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import { createRule } from '../src/create-rule.js';

export type Options = [
  {
    /** Values that may stay literal. */
    allow?: (number | string)[];
    /** Also report string codes (`'THROTTLED'`); off by default because they are readable. */
    checkStrings?: boolean;
  },
];

export type MessageIds = 'magicCode' | 'useConstant' | 'useConstantWithImport';

const defaultOption: Options[0] = { allow: [], checkStrings: false };

export default createRule<Options, MessageIds>({
  name: 'no-magic-error-codes',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require SDK error-code constants instead of literal codes',
      recommended: 'recommended',
    },
    fixable: 'code',
    defaultOptions: [defaultOption],
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            description: 'Code values that may stay literal.',
            items: { type: ['number', 'string'] },
            uniqueItems: true,
          },
          checkStrings: {
            type: 'boolean',
            description: "Also report string codes such as 'THROTTLED'.",
          },
        },
      },
    ],
    messages: {
      magicCode: 'Use {{label}} instead of the literal {{value}}: {{meaning}}.',
      useConstant: 'Replace {{value}} with {{constant}}.',
      useConstantWithImport: 'Replace {{value}} with {{constant}} and add `{{importText}}`.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const allow = new Set(options.allow ?? []);
    const checkStrings = options.checkStrings ?? false;
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const { sourceCode } = context;

    function replace(site: CodeSite, text: string) {
      // An object key becomes a computed key: { 209: … } → { [Parse.Error.INVALID_SESSION_TOKEN]: … }.
      const replacement = site.kind === 'key' ? `[${text}]` : text;
      return (fixer: TSESLint.RuleFixer) => fixer.replaceText(site.node, replacement);
    }

    /** After the last import; else at the top, below a `#!` line, which must stay first. */
    function insertImport(importText: string) {
      const imports = sourceCode.ast.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
      const last = imports.at(-1);
      if (last) return (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(last, `\n${importText}`);
      const hashbang = /^#![^\n]*\n?/.exec(sourceCode.text)?.[0];
      if (hashbang === undefined) return (fixer: TSESLint.RuleFixer) => fixer.insertTextBeforeRange([0, 0], `${importText}\n`);
      const at = hashbang.length;
      return (fixer: TSESLint.RuleFixer) => fixer.insertTextAfterRange([0, at], `${hashbang.endsWith('\n') ? '' : '\n'}${importText}\n`);
    }

    function check(site: CodeSite): void {
      const { value } = site;
      if (value === undefined || allow.has(value)) return;
      if (typeof value === 'string' && !checkStrings) return;
      const entry = binder.entryFor(site.binding, value);
      if (!entry) return;
      const constant = binder.constantText(site.binding, entry, site.node);
      if (constant.text === undefined) return;
      const data = { label: codeLabel(site.binding.catalog, entry, constant.text), value: valueText(value), meaning: meaningText(entry) };
      const node = site.node;
      // A computed key changes the object's type; that and imports are suggestions, not fixes.
      if (constant.kind === 'in-scope' && site.kind !== 'key') {
        context.report({ node, messageId: 'magicCode', data, fix: replace(site, constant.text) });
      } else if (constant.kind === 'in-scope') {
        context.report({
          node,
          messageId: 'magicCode',
          data,
          suggest: [{ messageId: 'useConstant', data: { value: data.value, constant: constant.text }, fix: replace(site, constant.text) }],
        });
      } else if (constant.kind === 'needs-import') {
        const { importText } = constant;
        context.report({
          node,
          messageId: 'magicCode',
          data,
          suggest: [
            {
              messageId: 'useConstantWithImport',
              data: { value: data.value, constant: constant.text, importText },
              fix: (fixer) => [replace(site, constant.text)(fixer), insertImport(importText)(fixer)],
            },
          ],
        });
      } else {
        context.report({ node, messageId: 'magicCode', data });
      }
    }

    return {
      Program() {
        for (const site of analysis.codeSites()) check(site);
      },
    };
  },
});
