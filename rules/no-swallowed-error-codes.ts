import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog, CodeEntry } from '../src/catalog/catalog.js';
import { RETRY_CLASSES, type CodeValue, type RetryClass } from '../src/catalog/types.js';
import { createCallMatcher, DEFAULT_LOGGERS, specifierListSchema } from '../src/analysis/callees.js';
import { adviceText, byUrgency, codeLabel, listText } from '../src/analysis/describe.js';
import { siteValue } from '../src/analysis/dispatch.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import type { Handler } from '../src/analysis/handlers.js';
import { endsInReturn, type Outcome, outcomeOf } from '../src/analysis/outcome.js';
import { createRule } from '../src/create-rule.js';

export type Options = [
  {
    /**
     * Retry classes whose codes a handler must handle or let through, per catalog id; `*` for
     * every catalog not listed.
     */
    mustHandle?: Record<string, RetryClass[]>;
    /** Calls that only log (typescript-eslint `TypeOrValueSpecifier`s). */
    loggers?: TypeOrValueSpecifier[];
  },
];

export type MessageIds = 'swallowed';

/**
 * By default every catalog's `reauthenticate` and `after-refresh` codes must be handled. HTTP
 * statuses are exempt: a caught HTTP client error is the transport's, and most apps let a
 * status through on purpose.
 */
const DEFAULT_MUST_HANDLE: Record<string, RetryClass[]> = { '*': ['reauthenticate', 'after-refresh'], http: [] };

const defaultOption: Options[0] = { mustHandle: DEFAULT_MUST_HANDLE, loggers: [...DEFAULT_LOGGERS] };

export default createRule<Options, MessageIds>({
  name: 'no-swallowed-error-codes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error handlers around SDK calls that swallow the codes which demand action',
      recommended: 'recommended',
    },
    defaultOptions: [defaultOption],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          mustHandle: {
            type: 'object',
            description:
              'Retry classes whose codes a handler must handle or let through, by catalog id (`parse`, `cloudkit-js`, …); `*` applies to catalogs not listed. Default: `reauthenticate` and `after-refresh` for every catalog but `http`.',
            additionalProperties: { type: 'array', items: { type: 'string', enum: [...RETRY_CLASSES] }, uniqueItems: true },
          },
          loggers: specifierListSchema('Calls that only log or report an error (typescript-eslint `TypeOrValueSpecifier`s: names such as `console`, or `{ from, name, package }`).'),
        },
      },
    ],
    messages: {
      swallowed: 'This handler swallows {{codes}}: {{advice}}, or rethrow.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const { sourceCode } = context;
    const mustHandle = { ...DEFAULT_MUST_HANDLE, ...options.mustHandle };
    const isLogger = createCallMatcher(binder.context, options.loggers ?? DEFAULT_LOGGERS);

    function demanded(catalog: Catalog): CodeEntry[] {
      const classes = mustHandle[catalog.id] ?? mustHandle['*'] ?? [];
      return classes.length === 0 ? [] : catalog.codes.filter((entry) => classes.includes(entry.retry) && !entry.flags.includes('deprecated'));
    }

    /** The names the error is bound to: `e`, or the destructured `code` of `catch ({ code })`. */
    function errorNames(handler: Handler): Set<string> {
      const param = handler.param;
      if (param?.type === AST_NODE_TYPES.Identifier) return new Set([param.name]);
      if (param?.type !== AST_NODE_TYPES.ObjectPattern) return new Set();
      return new Set(
        param.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value.name] : [])),
      );
    }

    function outcome(body: TSESTree.Node | readonly TSESTree.Node[], names: ReadonlySet<string>): Outcome {
      return outcomeOf(body, { errorNames: names, isLogger, isCodeName: (name) => binder.isAccessorName(name) });
    }

    /** A handler passed by reference: a logger swallows; any other function is trusted with the error. */
    function referenceSwallows(reference: TSESTree.Expression): boolean {
      const call = { type: AST_NODE_TYPES.CallExpression, callee: reference, arguments: [], optional: false } as unknown as TSESTree.CallExpression;
      return isLogger(call);
    }

    /**
     * Codes of `catalog` the handler deals with explicitly: those tested for in a branch that
     * does something (not empty, not only logging), and the rest when a dispatch's fallback lets
     * them through.
     */
    function handledCodes(body: TSESTree.Node, catalog: Catalog, names: ReadonlySet<string>): { codes: Set<CodeValue>; rest: boolean } {
      const codes = new Set<CodeValue>();
      let rest = false;
      // A branch for a code acts unless it is `{}` or only logs: `return;` there is a decision.
      const acts = (branch: readonly TSESTree.Node[]): boolean => {
        const result = outcome(branch, names);
        return !result.logOnly && (!result.empty || branch.some(containsExit));
      };
      for (const dispatch of analysis.dispatches()) {
        if (dispatch.binding.catalog !== catalog || !within(dispatch.node, body)) continue;
        for (const branch of dispatch.branches) if (acts(branch.body)) for (const code of branch.codes) codes.add(code);
        if (dispatch.fallback && outcome(dispatch.fallback.body, names).propagates) rest = true;
      }
      for (const site of analysis.sitesWithin(body)) {
        if (site.binding.catalog !== catalog || !site.test) continue;
        const value = siteValue(site);
        const paths = controlledPaths(site.test.node, site.test.positive);
        if (!paths) continue;
        if (value !== undefined && paths.taken && acts(paths.taken)) codes.add(value);
        // `if (code !== X) throw e;`, `if (code === X) return; throw e;`: every other code is let through.
        if (paths.others && outcome(paths.others, names).propagates) rest = true;
      }
      return { codes, rest };
    }

    function check(handler: Handler): void {
      const catalogs = [...analysis.guardedCatalogs(handler).keys()];
      if (catalogs.length === 0) return;
      if (!handler.body) {
        if (!handler.reference || !referenceSwallows(handler.reference)) return;
      }
      const names = errorNames(handler);
      if (handler.body && outcome(handler.body, names).propagates && !finallyReturns(handler)) return;
      const swallowed: { catalog: Catalog; entry: CodeEntry }[] = [];
      for (const catalog of catalogs) {
        const needed = demanded(catalog);
        if (needed.length === 0) continue;
        const handled = handler.body ? handledCodes(handler.body, catalog, names) : { codes: new Set<CodeValue>(), rest: false };
        if (handled.rest) continue;
        for (const entry of byUrgency(needed)) if (!handled.codes.has(entry.value)) swallowed.push({ catalog, entry });
      }
      if (swallowed.length === 0) return;
      const shown = swallowed.slice(0, 2).map(({ catalog, entry }) => codeLabel(catalog, entry));
      const more = swallowed.length - shown.length;
      context.report({
        loc: reportLoc(handler),
        messageId: 'swallowed',
        data: {
          codes: more > 0 ? `${shown.join(', ')} and ${more === 1 ? '1 more code that needs' : `${more} more codes that need`} action` : listText(shown),
          advice: adviceText(swallowed[0]!.entry),
        },
      });
    }

    function reportLoc(handler: Handler): TSESTree.SourceLocation {
      if (handler.kind === 'catch') {
        const node = handler.node as TSESTree.CatchClause;
        return { start: node.loc.start, end: (node.param ?? sourceCode.getFirstToken(node)!).loc.end };
      }
      if (handler.fn && handler.node === handler.fn) {
        const arrow = sourceCode.getTokenBefore(handler.fn.body);
        return { start: handler.fn.loc.start, end: arrow?.loc.end ?? handler.fn.loc.end };
      }
      return handler.node.loc;
    }

    return {
      Program() {
        for (const handler of analysis.handlers()) check(handler);
      },
    };
  },
});

/** `try { … } catch (e) { throw e; } finally { return x; }`: the return cancels the rethrow. */
function finallyReturns(handler: Handler): boolean {
  const tryStatement = handler.kind === 'catch' ? handler.node.parent : undefined;
  return tryStatement?.type === AST_NODE_TYPES.TryStatement && tryStatement.finalizer !== null && endsInReturn(tryStatement.finalizer);
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * The statements that run when a test holds for its code (`taken`) and those that run for the
 * other codes (`others`): for `if (code === X) A else B`, A and B; without `else`, when A leaves
 * the block, the statements after the `if`. `code !== X` swaps them.
 */
function controlledPaths(test: TSESTree.Node, positive: boolean): { taken?: readonly TSESTree.Node[]; others?: readonly TSESTree.Node[] } | undefined {
  let current: TSESTree.Node = test;
  // Groups (`a === X || a === Y`, `a !== X && a !== Y`) and guards beside a test (`!isParseError(e) || e.code !== X`).
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression && (current.parent.operator === '&&' || current.parent.operator === '||')) {
    current = current.parent;
  }
  const ifStatement = current.parent;
  if (ifStatement?.type !== AST_NODE_TYPES.IfStatement || ifStatement.test !== current) return undefined;
  const container = ifStatement.parent;
  const after =
    !ifStatement.alternate && leaves(ifStatement.consequent) && container?.type === AST_NODE_TYPES.BlockStatement
      ? container.body.slice(container.body.indexOf(ifStatement) + 1)
      : undefined;
  const consequent = [ifStatement.consequent];
  const alternate = ifStatement.alternate ? [ifStatement.alternate] : after;
  return positive ? { taken: consequent, others: alternate } : { taken: alternate, others: consequent };
}

/** Whether a statement is, or its block holds, a `return` / `throw` / `continue` / `break`. */
function containsExit(node: TSESTree.Node): boolean {
  const statements = node.type === AST_NODE_TYPES.BlockStatement ? node.body : [node];
  return statements.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ReturnStatement ||
      statement.type === AST_NODE_TYPES.ThrowStatement ||
      statement.type === AST_NODE_TYPES.ContinueStatement ||
      statement.type === AST_NODE_TYPES.BreakStatement,
  );
}

/** Whether a branch always leaves its block: it ends in `return`, `throw`, `continue` or `break`. */
function leaves(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.ContinueStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement
  );
}
