import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

import { codeListSchema } from '../src/analysis/callees.js';
import type { CodeSite } from '../src/analysis/code-sites.js';
import { listText, valueText } from '../src/analysis/describe.js';
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

export type MessageIds = 'magicCode' | 'ambiguousCode' | 'useConstant' | 'useConstantWithImport';

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
          allow: codeListSchema('Code values that may stay literal.'),
          checkStrings: {
            type: 'boolean',
            description: "Also report string codes such as 'THROTTLED'.",
          },
        },
      },
    ],
    messages: {
      magicCode: 'Use {{constant}} instead of the literal {{value}}.',
      ambiguousCode: 'Use a constant instead of the literal {{value}}, which has {{count}} documented meanings; the SDK names it {{constant}}.',
      useConstant: 'Replace {{value}} with {{constant}}{{note}}.',
      useConstantWithImport: 'Replace {{value}} with {{constant}}{{note}} and add `{{importText}}`.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const allow = new Set(options.allow ?? []);
    const checkStrings = options.checkStrings ?? false;
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const { sourceCode } = context;
    // Without types, a file that reaches no catalog has nothing to report.
    if (!analysis.reachesCatalog()) return {};

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
      const node = site.node;
      // A value the documentation gives several meanings (Parse 143: INVALID_IMAGE_DATA, but
      // WebhookError in the docs) is never rewritten silently: the SDK's name may be the wrong one.
      const meanings = entry.otherMeanings.length + 1;
      const ambiguous = meanings > 1;
      const data = { constant: constant.text, value: valueText(value), count: String(meanings) };
      const note = ambiguous ? `, the SDK's name for it (also documented as ${listText(entry.otherMeanings.slice(0, 3).map((alias) => alias.name))}${meanings > 4 ? ', …' : ''})` : '';
      const messageId = ambiguous ? 'ambiguousCode' : 'magicCode';
      // A computed key changes the object's type; that, imports and ambiguous values are suggestions, not fixes.
      if (constant.kind === 'in-scope' && site.kind !== 'key' && !ambiguous) {
        context.report({ node, messageId, data, fix: replace(site, constant.text) });
      } else if (constant.kind === 'in-scope') {
        context.report({
          node,
          messageId,
          data,
          suggest: [{ messageId: 'useConstant', data: { value: data.value, constant: constant.text, note }, fix: replace(site, constant.text) }],
        });
      } else if (constant.kind === 'needs-import') {
        const { importText } = constant;
        context.report({
          node,
          messageId,
          data,
          suggest: [
            {
              messageId: 'useConstantWithImport',
              data: { value: data.value, constant: constant.text, note, importText },
              fix: (fixer) => [replace(site, constant.text)(fixer), insertImport(importText)(fixer)],
            },
          ],
        });
      } else {
        context.report({ node, messageId, data });
      }
    }

    return {
      'Program:exit'() {
        for (const site of analysis.codeSites()) check(site);
      },
    };
  },
});
