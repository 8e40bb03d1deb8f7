import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { CodeEntry } from '../src/catalog/catalog.js';
import type { CodeValue } from '../src/catalog/types.js';
import { createCallMatcher, DEFAULT_LOGGERS, specifierListSchema } from '../src/analysis/callees.js';
import { byUrgency, codeLabel, listText, valueText } from '../src/analysis/describe.js';
import type { Dispatch } from '../src/analysis/dispatch.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import { outcomeOf } from '../src/analysis/outcome.js';
import type { CodeBinding } from '../src/binding/binder.js';
import { literalValues } from '../src/binding/type-match.js';
import { createRule } from '../src/create-rule.js';

import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';

export type Options = [
  {
    /** Report a dispatch without a fallback even when it covers every code. */
    requireDefault?: boolean;
    /** Any fallback, even an empty or log-only one, makes a dispatch exhaustive. */
    considerDefaultExhaustive?: boolean;
    /** A fallback that only logs handles the rest. */
    allowLogOnlyDefault?: boolean;
    /** A comment after the last case (or branch) matching this pattern stands for a deliberate fallback. */
    defaultCaseCommentPattern?: string;
    /** Codes that need no branch. */
    ignore?: (number | string)[];
    /** Calls that only log (typescript-eslint `TypeOrValueSpecifier`s). */
    loggers?: TypeOrValueSpecifier[];
  },
];

export type MessageIds = 'dropsCodes' | 'emptyFallback' | 'logOnlyFallback' | 'missingFallback' | 'addMissingCases' | 'addRethrow';

const DEFAULT_COMMENT_PATTERN = '^no default$';
/** Missing cases are offered as a suggestion only for a remainder this small. */
const MAX_SUGGESTED_CASES = 10;

const defaultOption: Options[0] = {
  requireDefault: false,
  considerDefaultExhaustive: false,
  allowLogOnlyDefault: false,
  defaultCaseCommentPattern: DEFAULT_COMMENT_PATTERN,
  ignore: [],
  loggers: [...DEFAULT_LOGGERS],
};

export default createRule<Options, MessageIds>({
  name: 'exhaustive-error-codes',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require switches and if-chains over an error code to handle every code or end in a fallback that does',
      recommended: 'recommended',
    },
    defaultOptions: [defaultOption],
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireDefault: {
            type: 'boolean',
            description: 'Also require a fallback (`default` / `else`) when every code has a branch, for codes the catalog does not know yet.',
          },
          considerDefaultExhaustive: {
            type: 'boolean',
            description: 'Accept any fallback, even an empty or log-only one, as handling the remaining codes.',
          },
          allowLogOnlyDefault: {
            type: 'boolean',
            description: 'Accept a fallback that only logs as handling the remaining codes.',
          },
          defaultCaseCommentPattern: {
            type: 'string',
            description: 'Regular expression (case-insensitive): a comment after the last case or branch that matches it marks the missing fallback as deliberate.',
          },
          ignore: {
            type: 'array',
            description: 'Codes that need no branch of their own.',
            items: { type: ['number', 'string'] },
            uniqueItems: true,
          },
          loggers: specifierListSchema('Calls that only log or report an error (typescript-eslint `TypeOrValueSpecifier`s: names such as `console`, or `{ from, name, package }`).'),
        },
      },
    ],
    messages: {
      dropsCodes: 'This {{what}} drops {{count}}, including {{examples}}: handle them, or end it in a fallback that rethrows.',
      emptyFallback: '{{where}} does nothing: {{count}} are dropped there, including {{examples}}. Rethrow or handle them.',
      logOnlyFallback: '{{where}} only logs: {{count}} are dropped there, including {{examples}}. Rethrow or handle them.',
      missingFallback: 'This {{what}} has a branch for every {{catalog}} code but no fallback: add one that rethrows, for codes the catalog does not list.',
      addMissingCases: 'Add cases for the {{count}} missing codes.',
      addRethrow: 'Rethrow `{{error}}` for the other codes.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const { sourceCode } = context;
    const ignore = new Set<CodeValue>(options.ignore ?? []);
    const commentPattern = new RegExp(options.defaultCaseCommentPattern ?? DEFAULT_COMMENT_PATTERN, 'iu');
    const isLogger = createCallMatcher(binder.context, options.loggers ?? DEFAULT_LOGGERS);

    /** The codes the dispatched expression can hold: its literal-union type, else the catalog's codes for the accessor. */
    function universe(dispatch: Dispatch): CodeEntry[] {
      const { catalog } = dispatch.binding;
      const typed = binder.typed ? literalValues(binder.context.typeOf(dispatch.code)!) : undefined;
      if (typed) return typed.flatMap((value) => binder.entryFor(dispatch.binding, value) ?? []);
      return catalog.codes.filter((entry) => binder.entryFor(dispatch.binding, entry.value) === entry && !entry.flags.includes('deprecated'));
    }

    /** The catch or handler parameter the code was read from, when the fallback can rethrow it. */
    function errorBinding(binding: CodeBinding): TSESTree.Identifier | undefined {
      const subject = binding.subject;
      if (subject.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(subject), subject);
      const def = variable?.defs[0];
      return def?.type === TSESLint.Scope.DefinitionType.CatchClause || def?.type === TSESLint.Scope.DefinitionType.Parameter ? subject : undefined;
    }

    function hasDeliberateComment(dispatch: Dispatch): boolean {
      const last = dispatch.node.type === AST_NODE_TYPES.SwitchStatement ? dispatch.node.cases.at(-1) : dispatch.branches.at(-1)?.body.at(-1);
      if (!last) return false;
      const comment = sourceCode.getCommentsAfter(last).at(-1) ?? (last.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getCommentsInside(last).at(-1) : undefined);
      return comment !== undefined && commentPattern.test(comment.value.trim());
    }

    function indentOf(node: TSESTree.Node): string {
      return /^\s*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
    }

    function caseText(dispatch: Dispatch, entry: CodeEntry, at: TSESTree.Node): string {
      const constant = binder.constantText(dispatch.binding, entry, at);
      return constant.kind === 'in-scope' ? constant.text : valueText(entry.value);
    }

    /** Suggestion: one `case X: { throw … }` per missing code, before `default` or at the end. */
    function addMissingCases(dispatch: Dispatch, missing: readonly CodeEntry[]): TSESLint.ReportSuggestionArray<MessageIds> {
      const node = dispatch.node;
      if (node.type !== AST_NODE_TYPES.SwitchStatement || missing.length > MAX_SUGGESTED_CASES) return [];
      const before = node.cases.find((switchCase) => switchCase.test === null);
      const closing = sourceCode.getLastToken(node)!;
      const indent = before ? indentOf(before) : `${indentOf(node)}  `;
      const text = missing
        .map((entry) => {
          const label = caseText(dispatch, entry, node);
          return `${indent}case ${label}: {\n${indent}  throw new Error('Not implemented yet: ${label.replaceAll("'", "\\'")} case');\n${indent}}\n`;
        })
        .join('');
      return [
        {
          messageId: 'addMissingCases',
          data: { count: missing.length },
          fix: (fixer) => {
            if (!before) return fixer.insertTextBefore(closing, `${text}${indentOf(node)}`);
            const lineStart = before.range[0] - before.loc.start.column;
            // `default` starts its line: insert whole lines above it; otherwise on a line of their own.
            return sourceCode.text.slice(lineStart, before.range[0]).trim() === ''
              ? fixer.insertTextBeforeRange([lineStart, lineStart], text)
              : fixer.insertTextBefore(before, `\n${text}${indent}`);
          },
        },
      ];
    }

    /** Suggestion: rethrow the caught error where the rest of the codes end up. */
    function addRethrow(dispatch: Dispatch): TSESLint.ReportSuggestionArray<MessageIds> {
      const error = errorBinding(dispatch.binding);
      if (!error) return [];
      const data = { error: error.name };
      const { fallback, node } = dispatch;
      if (node.type === AST_NODE_TYPES.SwitchStatement && !fallback) {
        const closing = sourceCode.getLastToken(node)!;
        return [{ messageId: 'addRethrow', data, fix: (fixer) => fixer.insertTextBefore(closing, `  default:\n${indentOf(node)}    throw ${error.name};\n${indentOf(node)}`) }];
      }
      if (dispatch.kind === 'if-chain' && !fallback) {
        const last = dispatch.branches.at(-1)!.body.at(-1)!;
        return [{ messageId: 'addRethrow', data, fix: (fixer) => fixer.insertTextAfter(last, ` else {\n${indentOf(node)}  throw ${error.name};\n${indentOf(node)}}`) }];
      }
      if (!fallback) return [];
      const lastStatement = fallback.body.at(-1);
      if (fallback.kind === 'default' && fallback.node.type === AST_NODE_TYPES.SwitchCase) {
        const after = lastStatement ?? sourceCode.getTokenAfter(fallback.node.test ?? sourceCode.getFirstToken(fallback.node)!, { filter: (token) => token.value === ':' })!;
        return [{ messageId: 'addRethrow', data, fix: (fixer) => fixer.insertTextAfter(after, `\n${indentOf(fallback.node)}  throw ${error.name};`) }];
      }
      if (fallback.kind === 'else' && lastStatement?.type === AST_NODE_TYPES.BlockStatement) {
        const closing = sourceCode.getLastToken(lastStatement)!;
        return [{ messageId: 'addRethrow', data, fix: (fixer) => fixer.insertTextBefore(closing, `  throw ${error.name};\n${indentOf(lastStatement)}`) }];
      }
      return [];
    }

    function headLoc(dispatch: Dispatch): TSESTree.SourceLocation {
      const node = dispatch.node;
      const end = node.type === AST_NODE_TYPES.SwitchStatement ? sourceCode.getTokenAfter(node.discriminant, ASTUtils.isClosingParenToken) : sourceCode.getTokenAfter(node.test, ASTUtils.isClosingParenToken);
      return { start: node.loc.start, end: end?.loc.end ?? node.loc.end };
    }

    function check(dispatch: Dispatch): void {
      if (!dispatch.complete) return;
      const { catalog } = dispatch.binding;
      const covered = new Set(dispatch.branches.flatMap((branch) => [...branch.codes]));
      const missing = byUrgency(universe(dispatch).filter((entry) => !covered.has(entry.value) && !ignore.has(entry.value)));
      const what = dispatch.node.type === AST_NODE_TYPES.SwitchStatement ? 'switch' : 'if-chain';
      const { fallback } = dispatch;
      if (missing.length === 0) {
        if (options.requireDefault && !fallback && !hasDeliberateComment(dispatch)) {
          context.report({ loc: headLoc(dispatch), messageId: 'missingFallback', data: { what, catalog: catalog.name }, suggest: addRethrow(dispatch) });
        }
        return;
      }
      const data = {
        what,
        count: `${missing.length} ${catalog.name} code${missing.length === 1 ? '' : 's'}`,
        examples: listText(missing.slice(0, 2).map((entry) => codeLabel(catalog, entry))),
      };
      if (!fallback) {
        if (hasDeliberateComment(dispatch)) return;
        context.report({ loc: headLoc(dispatch), messageId: 'dropsCodes', data, suggest: [...addMissingCases(dispatch, missing), ...addRethrow(dispatch)] });
        return;
      }
      if (options.considerDefaultExhaustive) return;
      const outcome = outcomeOf(fallback.body, {
        errorNames: new Set(errorBinding(dispatch.binding) ? [errorBinding(dispatch.binding)!.name] : []),
        isLogger,
        isCodeName: (name) => binder.isAccessorName(name),
      });
      const where = fallback.kind === 'default' ? `The \`default\` case of this ${what}` : fallback.kind === 'else' ? `The \`else\` branch of this ${what}` : `The code after this ${what}`;
      const loc = fallback.kind === 'default' ? sourceCode.getFirstToken(fallback.node)!.loc : fallback.kind === 'else' ? fallback.node.loc : headLoc(dispatch);
      if (outcome.empty && !commentsIn(fallback.body).some((comment) => commentPattern.test(comment.value.trim()))) {
        context.report({ loc, messageId: 'emptyFallback', data: { where, count: data.count, examples: data.examples }, suggest: addRethrow(dispatch) });
      } else if (outcome.logOnly && !options.allowLogOnlyDefault) {
        context.report({ loc, messageId: 'logOnlyFallback', data: { where, count: data.count, examples: data.examples }, suggest: addRethrow(dispatch) });
      }
    }

    function commentsIn(body: readonly TSESTree.Node[]): TSESTree.Comment[] {
      return body.flatMap((node) => (node.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getCommentsInside(node) : []));
    }

    return {
      Program() {
        for (const dispatch of analysis.dispatches()) check(dispatch);
      },
    };
  },
});
