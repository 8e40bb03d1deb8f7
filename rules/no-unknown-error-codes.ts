import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../src/catalog/catalog.js';
import type { CodeValue } from '../src/catalog/types.js';
import { codeListSchema } from '../src/analysis/callees.js';
import type { CodeSite } from '../src/analysis/code-sites.js';
import { codeLabel, valueText, withArticle } from '../src/analysis/describe.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import { createRule } from '../src/create-rule.js';

export type Options = [
  {
    /** Values that are not in the catalog but are fine (your own Cloud Code codes). */
    allow?: (number | string)[];
    /** Accept another catalog's constant when its value equals a code of the bound catalog. */
    allowEqualValuesAcrossCatalogs?: boolean;
  },
];

export type MessageIds = 'unknownCode' | 'wrongGroup' | 'unknownConstant' | 'otherCatalog' | 'didYouMean';

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

const defaultOption: Options[0] = { allow: [], allowEqualValuesAcrossCatalogs: false };

export default createRule<Options, MessageIds>({
  name: 'no-unknown-error-codes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error codes and constants that do not exist in the error code catalog',
      recommended: 'recommended',
    },
    defaultOptions: [defaultOption],
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: codeListSchema('Code values that are not in the catalog but are expected (for example codes your own Cloud Code throws).'),
          allowEqualValuesAcrossCatalogs: {
            type: 'boolean',
            description: "Accept another catalog's constant compared with a code when the two values are equal.",
          },
        },
      },
    ],
    messages: {
      unknownCode: '{{value}} is not {{catalog}} error code.{{hint}}',
      wrongGroup: '{{value}} never appears in `{{accessor}}`: {{label}} is not a code of group "{{group}}".{{hint}}',
      unknownConstant: '{{expression}} does not exist: {{catalog}} has no constant {{name}}.{{hint}}',
      otherCatalog: '{{expression}} is {{otherCatalog}} code, but this code is {{catalog}} code.',
      didYouMean: 'Replace with {{replacement}}.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const allow = new Set(options.allow ?? []);
    const allowEqualValues = options.allowEqualValuesAcrossCatalogs ?? false;
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const { sourceCode } = context;
    // Without types, a file that reaches no catalog has nothing to report.
    if (!analysis.reachesCatalog()) return {};

    /** " Did you mean 'THROTTLED'?" plus a note when another catalog has the name. */
    function hintFor(catalog: Catalog, name: string, candidates: readonly string[]): string {
      const parts: string[] = [];
      if (candidates.length > 0) parts.push(` Did you mean ${candidates.join(' or ')}?`);
      for (const other of binder.settings.catalogs) {
        if (other === catalog) continue;
        const entry = other.byName(name) ?? other.byName(other.closestNames(name, 1)[0] ?? '');
        if (entry && normalised(entry.name) === normalised(name)) {
          parts.push(` ${entry.name} is ${withArticle(other.name)} code, not ${withArticle(catalog.name)} code.`);
          break;
        }
      }
      return parts.join('');
    }

    /** " Application-defined codes belong in 9000–9999; list others in `allow`." */
    function rangeHint(catalog: Catalog): string {
      if (catalog.customRanges.length === 0) return '';
      const ranges = catalog.customRanges.map((range) => `${range.from}-${range.to}`).join(' or ');
      return ` ${catalog.name} reserves ${ranges} for application-defined codes; list other codes of your own in \`allow\`.`;
    }

    /** Close codes that the site's accessor can hold (`error` holds legacy bkend codes only). */
    function literalCandidates(site: CodeSite, value: CodeValue): string[] {
      if (typeof value !== 'string') return [];
      const { catalog } = site.binding;
      return catalog
        .closestNames(value, 6)
        .map((name) => catalog.byName(name)!)
        .filter((entry, index, all) => all.indexOf(entry) === index && binder.entryFor(site.binding, entry.value) === entry)
        .slice(0, 3)
        .map((entry) => valueText(entry.value));
    }

    function checkLiteral(site: CodeSite, value: CodeValue): void {
      const { catalog, accessor } = site.binding;
      if (allow.has(value) || catalog.customRange(value) || binder.entryFor(site.binding, value)) return;
      const quote = site.node.type === AST_NODE_TYPES.Literal ? sourceCode.getText(site.node)[0] : "'";
      const candidates = literalCandidates(site, value);
      const suggest = candidates.map((candidate) => {
        const replacement = quote === "'" ? candidate : `${quote}${candidate.slice(1, -1)}${quote}`;
        return { messageId: 'didYouMean' as const, data: { replacement }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(site.node, replacement) };
      });
      const entry = catalog.byValue(value);
      if (entry && accessor.group !== undefined) {
        const readers = catalog.bindings.accessors.filter((candidate) => candidate.group === undefined || entry.groups.includes(candidate.group));
        const readerHint = readers.length > 0 ? ` Read it from \`${readers.map((reader) => reader.path).join('` or `')}\`.` : '';
        context.report({
          node: site.node,
          messageId: 'wrongGroup',
          data: { value: valueText(value), accessor: accessor.path, label: codeLabel(catalog, entry), group: accessor.group, hint: readerHint },
        });
        return;
      }
      context.report({
        node: site.node,
        messageId: 'unknownCode',
        data: { value: valueText(value), catalog: withArticle(catalog.name), hint: typeof value === 'string' ? hintFor(catalog, value, candidates) : rangeHint(catalog) },
        suggest,
      });
    }

    function checkOtherCatalog(site: CodeSite, reference: NonNullable<CodeSite['reference']>): void {
      const { catalog } = site.binding;
      if (reference.catalog === catalog) return;
      const referenced = reference.catalog.byName(reference.name);
      if (!referenced) return;
      if (allowEqualValues && binder.entryFor(site.binding, referenced.value)) return;
      context.report({
        node: site.node,
        messageId: 'otherCatalog',
        data: { expression: sourceCode.getText(site.node), otherCatalog: withArticle(reference.catalog.name), catalog: withArticle(catalog.name) },
      });
    }

    return {
      'Program:exit'() {
        for (const site of analysis.codeSites()) {
          // `err.code ?? 'unknown'` is a placeholder for a missing code, not a code.
          if (site.kind === 'default') continue;
          if (site.value !== undefined) checkLiteral(site, site.value);
          else if (site.reference) checkOtherCatalog(site, site.reference);
        }
      },
      // A constant the SDK does not have, wherever it is used: `Parse.Error.INVALID_PASSWORD`.
      'MemberExpression:exit'(node: TSESTree.MemberExpression) {
        if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier || !CONSTANT_NAME.test(node.property.name)) return;
        if (node.object.type !== AST_NODE_TYPES.MemberExpression && node.object.type !== AST_NODE_TYPES.Identifier) return;
        const reference = binder.constantReference(node);
        if (!reference) return;
        const { catalog, name } = reference;
        const entry = catalog.byName(name);
        if (entry?.constant && entry.name === name) return;
        const prefix = sourceCode.getText(node.object);
        const candidates = (entry ? [entry.name] : catalog.closestNames(name))
          .map((candidate) => catalog.byName(candidate)!)
          .filter((candidate, index, all) => candidate.constant && all.indexOf(candidate) === index)
          .map((candidate) => `${prefix}.${candidate.name}`);
        context.report({
          node,
          messageId: 'unknownConstant',
          data: {
            expression: sourceCode.getText(node),
            catalog: catalog.name,
            name,
            hint: hintFor(catalog, name, candidates),
          },
          suggest: candidates.map((replacement) => ({
            messageId: 'didYouMean' as const,
            data: { replacement },
            fix: (fixer) => fixer.replaceText(node, replacement),
          })),
        });
      },
    };
  },
});

function normalised(name: string): string {
  return name.toLowerCase().replaceAll(/[_\-/]/g, '');
}
