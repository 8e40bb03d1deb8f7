import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog, CodeEntry } from '../src/catalog/catalog.js';
import type { CodeCategory, CodeValue } from '../src/catalog/types.js';
import { codeListSchema, createCallMatcher, DEFAULT_LOGGERS, LOGGERS_SCHEMA } from '../src/analysis/callees.js';
import { byUrgency, codeLabel, listText, valueText } from '../src/analysis/describe.js';
import { type Dispatch, type Fallback, isJump } from '../src/analysis/dispatch.js';
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
/** Statuses that are no errors (HTTP 1xx, 2xx, 3xx): a dispatch need not handle them. */
const NOT_ERRORS: ReadonlySet<CodeCategory> = new Set<CodeCategory>(['informational', 'success', 'redirect']);

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
            description:
              'Regular expression (case-insensitive): a comment that matches it after the last case or branch, or inside an empty fallback, marks the missing fallback as deliberate.',
          },
          ignore: codeListSchema('Codes that need no branch of their own, as the catalog writes them (numbers for Parse, strings for CloudKit JS).'),
          loggers: LOGGERS_SCHEMA,
        },
      },
    ],
    messages: {
      dropsCodes: 'This {{what}} drops {{dropped}}: handle {{them}}, or end it in a fallback that rethrows.',
      emptyFallback: '{{where}} does nothing, so it drops {{dropped}}: rethrow or handle {{them}}.',
      logOnlyFallback: '{{where}} only logs, so it drops {{dropped}}: rethrow or handle {{them}}.',
      missingFallback: 'This {{what}} has a branch for every {{codes}} but no fallback: add one that rethrows, for codes the {{source}} does not list.',
      addMissingCases: 'Add {{cases}}.',
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
    // Without types, a file that reaches no catalog has nothing to report.
    if (!analysis.reachesCatalog()) return {};

    /**
     * The codes the dispatched expression can hold: its literal-union type, else the catalog's
     * error codes for the accessor (no deprecated codes; no HTTP 1xx, 2xx or 3xx statuses).
     */
    function universe(dispatch: Dispatch): { entries: CodeEntry[]; fromType: boolean } {
      const { catalog } = dispatch.binding;
      const typed = binder.typed ? literalValues(binder.context.typeOf(dispatch.code)!) : undefined;
      if (typed) {
        const values = new Set<CodeValue>(typed);
        return { entries: catalog.codes.filter((entry) => values.has(entry.value) && binder.entryFor(dispatch.binding, entry.value) === entry), fromType: true };
      }
      const entries = catalog.codes.filter(
        (entry) => binder.entryFor(dispatch.binding, entry.value) === entry && !entry.flags.includes('deprecated') && !NOT_ERRORS.has(entry.category),
      );
      return { entries, fromType: false };
    }

    /** The codes that can arrive at a dispatch: its universe, narrowed by the branch of an outer dispatch over the same code. */
    function reachable(dispatch: Dispatch): CodeEntry[] {
      const own = universe(dispatch).entries;
      const { enclosing } = dispatch;
      if (!enclosing) return own;
      const outer = reachable(enclosing.dispatch);
      const covered = coveredBy(enclosing.dispatch);
      const arriving = new Set(
        outer.filter((entry) => (enclosing.codes === 'rest' ? !covered.has(entry.value) : enclosing.codes.has(entry.value))).map((entry) => entry.value),
      );
      return own.filter((entry) => arriving.has(entry.value));
    }

    function coveredBy(dispatch: Dispatch): Set<CodeValue> {
      return new Set(dispatch.branches.flatMap((branch) => [...branch.codes]));
    }

    /** The catch or handler parameter the code was read from, when the fallback can rethrow it. */
    function errorBinding(binding: CodeBinding): TSESTree.Identifier | undefined {
      const subject = binding.subject;
      if (subject.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(subject), subject);
      const def = variable?.defs[0];
      return def?.type === TSESLint.Scope.DefinitionType.CatchClause || def?.type === TSESLint.Scope.DefinitionType.Parameter ? subject : undefined;
    }

    function matchesPattern(comment: TSESTree.Comment | undefined): boolean {
      return comment !== undefined && commentPattern.test(comment.value.trim());
    }

    /** A deliberate-fallback comment after the last case or branch, standing in for a missing fallback. */
    function hasDeliberateComment(dispatch: Dispatch): boolean {
      const last = dispatch.node.type === AST_NODE_TYPES.SwitchStatement ? dispatch.node.cases.at(-1) : dispatch.branches.at(-1)?.body.at(-1);
      if (!last) return false;
      return matchesPattern(sourceCode.getCommentsAfter(last).at(-1) ?? (last.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getCommentsInside(last).at(-1) : undefined));
    }

    /** A deliberate-fallback comment inside a fallback or right after it: `default: // no default`. */
    function hasCommentInFallback(fallback: Fallback): boolean {
      const first = fallback.body[0] ?? fallback.node;
      const last = fallback.body.at(-1) ?? fallback.node;
      const end = sourceCode.getTokenAfter(last, { includeComments: false })?.range[0] ?? sourceCode.text.length;
      return sourceCode.getAllComments().some((comment) => comment.range[0] >= first.range[0] && comment.range[1] <= end && matchesPattern(comment));
    }

    /** What runs for the codes the fallback takes: its statements, then those after the dispatch when it runs on into them. */
    function fallbackPath(fallback: Fallback): readonly TSESTree.Node[] {
      const statements = fallback.body.flatMap(blockStatements);
      if (fallback.continuation.length === 0) return fallback.body;
      const last = statements.at(-1);
      // `default: …; break;` leaves the switch for the code after it; a labelled `break` goes elsewhere.
      if (fallback.kind === 'default' && last?.type === AST_NODE_TYPES.BreakStatement && last.label === null) return [...statements.slice(0, -1), ...fallback.continuation];
      return last && isJump(last) ? fallback.body : [...statements, ...fallback.continuation];
    }

    function indentOf(node: TSESTree.Node | TSESTree.Token): string {
      return /^\s*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
    }

    function lineStartOf(node: TSESTree.Node | TSESTree.Token): number {
      return node.range[0] - node.loc.start.column;
    }

    function startsLine(node: TSESTree.Node | TSESTree.Token): boolean {
      return sourceCode.text.slice(lineStartOf(node), node.range[0]).trim() === '';
    }

    /** The indentation of a switch's `case` lines: the first case's, else the switch's plus two spaces. */
    function caseIndent(node: TSESTree.SwitchStatement): string {
      const first = node.cases[0];
      return first && startsLine(first) ? indentOf(first) : `${indentOf(node)}  `;
    }

    /** Whole lines (each ending in a newline) above `target` when it starts its line; otherwise on lines of their own before it. */
    function insertLinesBefore(fixer: TSESLint.RuleFixer, target: TSESTree.Node | TSESTree.Token, lines: string, indentAfter: string): TSESLint.RuleFix {
      if (startsLine(target)) return fixer.insertTextBeforeRange([lineStartOf(target), lineStartOf(target)], lines);
      return fixer.insertTextBefore(target, `\n${lines}${indentAfter}`);
    }

    function caseText(dispatch: Dispatch, entry: CodeEntry, at: TSESTree.Node): string {
      const constant = binder.constantText(dispatch.binding, entry, at);
      return constant.kind === 'in-scope' ? constant.text : valueText(entry.value);
    }

    /** Suggestion: one `case X: { throw … }` per missing code, before `default` or at the end. */
    function addMissingCases(dispatch: Dispatch, missing: readonly CodeEntry[]): TSESLint.ReportSuggestionArray<MessageIds> {
      const node = dispatch.node;
      if (node.type !== AST_NODE_TYPES.SwitchStatement || missing.length > MAX_SUGGESTED_CASES) return [];
      const before = node.cases.find((switchCase) => switchCase.test === null) ?? sourceCode.getLastToken(node)!;
      const indent = caseIndent(node);
      const lines = missing
        .map((entry) => {
          const label = caseText(dispatch, entry, node);
          const text = label.startsWith("'") ? entry.name : label;
          return `${indent}case ${label}: {\n${indent}  throw new Error('Not implemented yet: ${text.replaceAll("'", "\\'")} case');\n${indent}}\n`;
        })
        .join('');
      const cases = missing.length === 1 ? 'a case for the missing code' : `cases for the ${missing.length} missing codes`;
      const indentAfter = before.type === AST_NODE_TYPES.SwitchCase ? indent : indentOf(node);
      return [{ messageId: 'addMissingCases', data: { cases }, fix: (fixer) => insertLinesBefore(fixer, before, lines, indentAfter) }];
    }

    /**
     * A fix that ends a list of statements with `throw error;`: a trailing `break` or `return;`
     * becomes the throw (code after them would be unreachable); otherwise the throw follows the
     * last statement. `after` is where to insert when the list is empty.
     */
    function throwAtEnd(fixer: TSESLint.RuleFixer, statements: readonly TSESTree.Node[], error: string, after: TSESTree.Node | TSESTree.Token, indent: string): TSESLint.RuleFix {
      const last = statements.at(-1);
      if (!last) return fixer.insertTextAfter(after, `\n${indent}throw ${error};`);
      if (last.type === AST_NODE_TYPES.BlockStatement) {
        const closing = sourceCode.getLastToken(last)!;
        return last.body.length === 0 ? fixer.insertTextBefore(closing, `  throw ${error};\n${indentOf(closing)}`) : throwAtEnd(fixer, last.body, error, last, indent);
      }
      if (isNoOpExit(last)) return fixer.replaceText(last, `throw ${error};`);
      return fixer.insertTextAfter(last, `\n${startsLine(last) ? indentOf(last) : indent}throw ${error};`);
    }

    /** Suggestion: rethrow the caught error where the rest of the codes end up. */
    function addRethrow(dispatch: Dispatch): TSESLint.ReportSuggestionArray<MessageIds> {
      const error = errorBinding(dispatch.binding)?.name;
      if (error === undefined) return [];
      const suggest = (fix: TSESLint.ReportFixFunction): TSESLint.ReportSuggestionArray<MessageIds> => [{ messageId: 'addRethrow', data: { error }, fix }];
      const { fallback, node } = dispatch;
      const indent = indentOf(node);
      if (!fallback || (fallback.kind === 'after' && dispatch.kind !== 'early-return')) {
        // After a switch or chain without fallback the statements run for every code: the new fallback goes into the dispatch.
        if (node.type === AST_NODE_TYPES.SwitchStatement) {
          const ci = caseIndent(node);
          return suggest((fixer) => insertLinesBefore(fixer, sourceCode.getLastToken(node)!, `${ci}default:\n${ci}  throw ${error};\n`, indent));
        }
        const last = dispatch.branches.at(-1)!.body.at(-1)!;
        const elseText = `else {\n${indent}  throw ${error};\n${indent}}`;
        return suggest((fixer) => fixer.insertTextAfter(last, last.type === AST_NODE_TYPES.BlockStatement ? ` ${elseText}` : `\n${indent}${elseText}`));
      }
      if (fallback.kind === 'else' && fallback.node.type !== AST_NODE_TYPES.BlockStatement && !isNoOpExit(fallback.node)) {
        const statement = fallback.node;
        return suggest((fixer) => fixer.replaceText(statement, `{\n${indent}  ${sourceCode.getText(statement)}\n${indent}  throw ${error};\n${indent}}`));
      }
      // An empty `default:` gets the throw after its colon.
      const anchor = fallback.node.type === AST_NODE_TYPES.SwitchCase ? sourceCode.getTokenAfter(sourceCode.getFirstToken(fallback.node)!, ASTUtils.isColonToken)! : fallback.node;
      return suggest((fixer) => throwAtEnd(fixer, fallback.body, error, anchor, `${indentOf(fallback.node)}  `));
    }

    function headLoc(dispatch: Dispatch): TSESTree.SourceLocation {
      const node = dispatch.node;
      const end = node.type === AST_NODE_TYPES.SwitchStatement ? sourceCode.getTokenAfter(node.discriminant, ASTUtils.isClosingParenToken) : sourceCode.getTokenAfter(node.test, ASTUtils.isClosingParenToken);
      return { start: node.loc.start, end: end?.loc.end ?? node.loc.end };
    }

    /** `85 Parse codes`, `1 Parse code`, `38 HTTP status codes`. */
    function countText(catalog: Catalog, count: number): string {
      return `${count} ${codeNoun(catalog)}${count === 1 ? '' : 's'}`;
    }

    /** The dropped codes for a message: the count and the two most urgent. */
    function droppedData(catalog: Catalog, missing: readonly CodeEntry[]): { dropped: string; them: string } {
      const labels = listText(missing.slice(0, 2).map((entry) => codeLabel(catalog, entry)));
      const count = countText(catalog, missing.length);
      return { dropped: missing.length > 2 ? `${count}, including ${labels}` : `${count}, ${labels}`, them: missing.length === 1 ? 'it' : 'them' };
    }

    function check(dispatch: Dispatch): void {
      if (!dispatch.complete) return;
      const { catalog } = dispatch.binding;
      const covered = coveredBy(dispatch);
      // `switch (res.status) { case 200: … case 204: … }` dispatches over successes, not errors.
      if ([...covered].every((value) => NOT_ERRORS.has(catalog.byValue(value)?.category ?? 'other'))) return;
      const missing = byUrgency(reachable(dispatch).filter((entry) => !covered.has(entry.value) && !ignore.has(entry.value)));
      const what = dispatch.node.type === AST_NODE_TYPES.SwitchStatement ? 'switch' : 'if-chain';
      const { fallback } = dispatch;
      if (missing.length === 0) {
        if (options.requireDefault && !fallback && !hasDeliberateComment(dispatch)) {
          const fromType = universe(dispatch).fromType;
          const codes = fromType ? 'code its type allows' : codeNoun(catalog);
          context.report({ loc: headLoc(dispatch), messageId: 'missingFallback', data: { what, codes, source: fromType ? 'type' : 'catalog' }, suggest: addRethrow(dispatch) });
        }
        return;
      }
      const data = { what, ...droppedData(catalog, missing) };
      if (!fallback) {
        if (hasDeliberateComment(dispatch)) return;
        context.report({ loc: headLoc(dispatch), messageId: 'dropsCodes', data, suggest: [...addMissingCases(dispatch, missing), ...addRethrow(dispatch)] });
        return;
      }
      if (options.considerDefaultExhaustive) return;
      const error = errorBinding(dispatch.binding);
      const outcome = outcomeOf(fallbackPath(fallback), {
        errorNames: new Set(error ? [error.name] : []),
        isLogger,
        isCodeName: (name) => binder.isAccessorName(name),
      });
      const where =
        fallback.kind === 'default'
          ? `The \`default\` case of this ${what}`
          : fallback.kind === 'else'
            ? `The \`else\` branch of this ${what}`
            : dispatch.kind === 'early-return'
              ? 'The code after these `if`s'
              : `The code after this ${what}`;
      // The `default` or `else` keyword, or the dispatch's head for the code after it.
      const loc =
        fallback.kind === 'default' ? sourceCode.getFirstToken(fallback.node)!.loc : fallback.kind === 'else' ? sourceCode.getTokenBefore(fallback.node)!.loc : headLoc(dispatch);
      const suggest = [...addMissingCases(dispatch, missing), ...addRethrow(dispatch)];
      if (outcome.empty && !hasCommentInFallback(fallback)) {
        context.report({ loc, messageId: 'emptyFallback', data: { where, dropped: data.dropped, them: data.them }, suggest });
      } else if (outcome.logOnly && !options.allowLogOnlyDefault) {
        context.report({ loc, messageId: 'logOnlyFallback', data: { where, dropped: data.dropped, them: data.them }, suggest });
      }
    }

    return {
      'Program:exit'() {
        for (const dispatch of analysis.dispatches()) check(dispatch);
      },
    };
  },
});

/** `Parse code`, `HTTP status code`: a catalog already named for its codes keeps its name. */
function codeNoun(catalog: Catalog): string {
  return `${catalog.name.replace(/ codes?$/iu, '')} code`;
}

function blockStatements(node: TSESTree.Node): readonly TSESTree.Node[] {
  return node.type === AST_NODE_TYPES.BlockStatement ? node.body : [node];
}

/** `break;`, `break label;` or `return;`: leaving without doing anything. */
function isNoOpExit(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.BreakStatement || (node.type === AST_NODE_TYPES.ReturnStatement && node.argument === null);
}
