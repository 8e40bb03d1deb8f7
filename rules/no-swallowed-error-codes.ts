import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { Catalog, CodeEntry } from '../src/catalog/catalog.js';
import { RETRY_CLASSES, type CodeValue, type RetryClass } from '../src/catalog/types.js';
import { checkCatalogIds, createCalleeMatcher, DEFAULT_LOGGERS, LOGGERS_SCHEMA, perCatalogSchema } from '../src/analysis/callees.js';
import { adviceText, byUrgency, codeLabel, listText } from '../src/analysis/describe.js';
import { leaves, siteValue } from '../src/analysis/dispatch.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import { type Handler, waitedOn } from '../src/analysis/handlers.js';
import { endsInReturn, type Outcome, outcomeOf } from '../src/analysis/outcome.js';
import { hasNoCurrentUser, mayCarryUser, usesMasterKey } from '../src/analysis/sessions.js';
import { memberName, skipWrappers } from '../src/binding/accessors.js';
import { callsAnAssertion, definesTests } from '../src/binding/assertions.js';
import { baseIdentifier, constInitOf, type FunctionNode, functionOf, isFunction, walk } from '../src/binding/ast.js';
import type { SdkName } from '../src/binding/sdk-names.js';
import { constituents } from '../src/binding/type-match.js';
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
    /**
     * The files never have a signed-in Parse user (an admin tool on the master key, a page that
     * never signs in): a request carries a user only when given a `sessionToken`.
     */
    noCurrentUser?: boolean;
  },
];

export type MessageIds = 'swallowed';

/**
 * By default every catalog's `reauthenticate` and `after-refresh` codes must be handled. HTTP
 * statuses are exempt: a caught HTTP client error is the transport's, and most apps let a
 * status through on purpose.
 */
const DEFAULT_MUST_HANDLE: Record<string, RetryClass[]> = { '*': ['reauthenticate', 'after-refresh'], http: [] };

const defaultOption: Options[0] = { mustHandle: DEFAULT_MUST_HANDLE, loggers: [...DEFAULT_LOGGERS], noCurrentUser: false };

export default createRule<Options, MessageIds>({
  name: 'no-swallowed-error-codes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error handlers around SDK calls that swallow the codes which demand action',
      recommended: 'strict',
    },
    defaultOptions: [defaultOption],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          mustHandle: perCatalogSchema(
            { type: 'string', enum: [...RETRY_CLASSES] },
            'Retry classes whose codes a handler must handle or let through, by catalog id (`parse`, `cloudkit-js`, …); `*` applies to catalogs not listed. Default: `reauthenticate` and `after-refresh` for every catalog but `http`.',
          ),
          loggers: LOGGERS_SCHEMA,
          noCurrentUser: {
            type: 'boolean',
            description:
              'The files never have a signed-in Parse user (an admin tool on the master key, a page that never signs in): a request carries a user only when given a `sessionToken`, and Parse\'s sign-in codes arrive only from those.',
          },
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
    checkCatalogIds('no-swallowed-error-codes', 'mustHandle', mustHandle, binder.settings);
    // Without types, a file that reaches no catalog has nothing to report.
    if (!analysis.reachesCatalog()) return {};
    const isLoggerCallee = createCalleeMatcher(binder.context, options.loggers ?? DEFAULT_LOGGERS);
    const quietFunctions = new Map<FunctionNode, boolean>();
    let fileHasNoCurrentUser: boolean | undefined;
    const userCarried = new Map<Handler, boolean>();

    /** The codes of `catalog` that demand action; Parse's sign-in codes only where a request of the handler can carry a user. */
    function demanded(catalog: Catalog, handler: Handler): CodeEntry[] {
      const carried = (): boolean => {
        if (!userCarried.has(handler)) userCarried.set(handler, carriesUser(handler, catalog));
        return userCarried.get(handler)!;
      };
      const classes = (mustHandle[catalog.id] ?? mustHandle['*'] ?? []).filter((retry) => retry !== 'reauthenticate' || catalog.id !== 'parse' || carried());
      return classes.length === 0 ? [] : catalog.codes.filter((entry) => classes.includes(entry.retry) && !entry.flags.includes('deprecated'));
    }

    /**
     * Whether a Parse request of the handler can carry a user, and so fail with a code that asks
     * to sign the user in again. Not when every call into the SDK that it waits on is made with
     * the master key, nor, in a file whose SDK keeps no current user (Node, Cloud Code), when none
     * is given a session token or signs a user in. A handler that only tests its error for Parse
     * codes (around a function of the app) may meet any request.
     */
    function carriesUser(handler: Handler, catalog: Catalog): boolean {
      const waited = (exempt: (call: TSESTree.CallExpression) => boolean): TSESTree.Node[] =>
        waitedOn(sourceCode, handler, exempt).filter((node) => binder.evidence.callsInto(node).has(catalog));
      if (waited(isExempt).length === 0) return true;
      const withoutMasterKey = waited((call) => isExempt(call) || usesMasterKey(call));
      if (withoutMasterKey.length === 0) return false;
      fileHasNoCurrentUser ??= options.noCurrentUser === true || hasNoCurrentUser(analysis.nodes(), resolveParse);
      return !fileHasNoCurrentUser || withoutMasterKey.some((node) => mayCarryUser(sourceCode, node));
    }

    function resolveParse(identifier: TSESTree.Identifier): SdkName | undefined {
      const sdk = binder.resolveSdk(identifier);
      return sdk?.catalog.id === 'parse' ? sdk : undefined;
    }

    /**
     * A logger's call, or a call of a function of this file that does nothing with what it is
     * given but log it (`function logError(e) { console.error(e) }`).
     */
    function isLogger(call: TSESTree.CallExpression): boolean {
      if (isLoggerCallee(call.callee)) return true;
      const callee = skipWrappers(call.callee);
      const fn = callee.type === AST_NODE_TYPES.Identifier ? functionOf(sourceCode, callee) : undefined;
      if (!fn) return false;
      if (!quietFunctions.has(fn)) {
        // A function that calls itself is not quiet while it is being judged.
        quietFunctions.set(fn, false);
        const result = outcome(fn.body, new Set(fn.params.flatMap((param) => [...errorNames(param)])));
        quietFunctions.set(fn, result.empty || result.logOnly);
      }
      return quietFunctions.get(fn)!;
    }

    /** A call that turns the error into text: `String(e)`, `JSON.stringify(e)`, or, with types, any call whose result is a string. */
    function isFormatter(call: TSESTree.CallExpression): boolean {
      const callee = skipWrappers(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') return true;
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'stringify' && baseIdentifier(callee)?.name === 'JSON') return true;
      return binder.typed && constituents(binder.context.typeOf(call)!).every((type) => (type.flags & ts.TypeFlags.StringLike) !== 0);
    }

    function outcome(body: TSESTree.Node | readonly TSESTree.Node[], names: ReadonlySet<string>): Outcome {
      return outcomeOf(body, { errorNames: names, isLogger, isFormatter, isCodeName: (name) => binder.isAccessorName(name) });
    }

    /** The names the error is bound to: `e`, or the codes (and the rest) of `catch ({ code, ...rest })`. */
    function errorNames(param: TSESTree.Node | undefined): Set<string> {
      const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (target?.type === AST_NODE_TYPES.Identifier) return new Set([target.name]);
      if (target?.type !== AST_NODE_TYPES.ObjectPattern) return new Set();
      return new Set(
        target.properties.flatMap((property) => {
          if (property.type === AST_NODE_TYPES.RestElement) return property.argument.type === AST_NODE_TYPES.Identifier ? [property.argument.name] : [];
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
          return key !== undefined && binder.isAccessorName(key) && value.type === AST_NODE_TYPES.Identifier ? [value.name] : [];
        }),
      );
    }

    /**
     * The catalogs a handler deals with: those whose SDK it waits on, and those whose codes it
     * tests its own error for (a type of the SDK, or of a binding in the settings: a native
     * bridge's error, an API client's error class).
     */
    function handledCatalogs(handler: Handler): Catalog[] {
      const found = new Set<Catalog>();
      for (const node of waitedOn(sourceCode, handler, isExempt)) {
        for (const catalog of binder.evidence.callsInto(node).keys()) found.add(catalog);
      }
      for (const site of handler.body ? analysis.sitesWithin(handler.body) : []) {
        if (isHandlersError(site.binding.subject, handler)) found.add(site.binding.catalog);
      }
      return [...found];
    }

    /** A handler passed by reference: a logger (`console.error`, `console.error.bind(console)`) swallows; any other function is trusted with the error. */
    function referenceSwallows(reference: TSESTree.Expression): boolean {
      const target = skipWrappers(reference);
      const callee = target.type === AST_NODE_TYPES.CallExpression ? skipWrappers(target.callee) : undefined;
      const bound = callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind' ? callee.object : target;
      return isLoggerCallee(bound);
    }

    /** Whether a code's subject is the handler's error: `e`, `e.cause`, or a `const err = e as …`. */
    function isHandlersError(subject: TSESTree.Node, handler: Handler): boolean {
      const param = handler.param;
      if (!param) return false;
      let base = baseIdentifier(subject);
      for (let depth = 0; base && depth < 4; depth += 1) {
        const name = ASTUtils.findVariable(sourceCode.getScope(base), base)?.defs[0]?.name;
        if (name && name.range[0] >= param.range[0] && name.range[1] <= param.range[1]) return true;
        const init = constInitOf(sourceCode, base);
        base = init ? baseIdentifier(init) : undefined;
      }
      return false;
    }

    /**
     * Codes of `catalog` the handler deals with explicitly: those tested for in a branch that
     * does something (not nothing, not only logging). `rest`: every code not tested for is let
     * through (a fallback, an `else`, or the statements after `if (code === X) …` or `if (code !==
     * X) throw e`, propagate), so the codes tested for are deliberate choices.
     */
    function handledCodes(handler: Handler, body: TSESTree.Node, catalog: Catalog, names: ReadonlySet<string>): { codes: Set<CodeValue>; rest: boolean } {
      const codes = new Set<CodeValue>();
      let rest = false;
      // A branch for a code acts unless it is `{}` or only logs: `return;` there is a decision.
      const acts = (branch: readonly TSESTree.Node[]): boolean => {
        const result = outcome(branch, names);
        return !result.logOnly && (!result.empty || branch.some(leaves));
      };
      // A `finally` that returns cancels every propagation; a throw in a nested function is not the handler's.
      const letsThrough = (branch: readonly TSESTree.Node[], at: TSESTree.Node): boolean =>
        !finallyReturns(handler) && onHandlersPath(at, body) && outcome(branch, names).propagates;
      const ours = (binding: { catalog: Catalog; subject: TSESTree.Node }, node: TSESTree.Node): boolean =>
        binding.catalog === catalog && within(node, body) && isHandlersError(binding.subject, handler);
      for (const dispatch of analysis.dispatches()) {
        if (!ours(dispatch.binding, dispatch.node)) continue;
        for (const branch of dispatch.branches) if (acts(branch.body)) for (const code of branch.codes) codes.add(code);
        if (dispatch.fallback && letsThrough(dispatch.fallback.body, dispatch.node)) rest = true;
      }
      for (const site of analysis.sitesWithin(body)) {
        if (!site.test || !ours(site.binding, site.node)) continue;
        const test = testedBy(sourceCode, site.test.node);
        if (!test) continue;
        const [taken, others] = site.test.positive !== test.negated ? [whenTrue(test.branch), whenFalse(test.branch)] : [whenFalse(test.branch), whenTrue(test.branch)];
        const value = siteValue(site);
        if (value !== undefined && taken && acts(taken)) codes.add(value);
        if (others && letsThrough(others, site.node)) rest = true;
      }
      return { codes, rest };
    }

    /**
     * The names that stand for the error in a handler's body: its parameter's, and the variables
     * it derives from them (`const error = resolveError(e)`, `const err = e as Parse.Error`), but
     * not text made from it (`String(e)`, with types any call that returns a string).
     */
    function handlerErrorNames(handler: Handler): Set<string> {
      const names = errorNames(handler.param);
      const declarators: TSESTree.VariableDeclarator[] = [];
      if (handler.body) {
        walk(sourceCode, handler.body, (node) => {
          if (node !== handler.body && isFunction(node)) return false;
          if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) declarators.push(node);
          return undefined;
        });
      }
      for (let grew = names.size > 0; grew; ) {
        grew = false;
        for (const declarator of declarators) {
          const name = (declarator.id as TSESTree.Identifier).name;
          if (names.has(name) || !derivesError(declarator.init!, names)) continue;
          names.add(name);
          grew = true;
        }
      }
      return names;
    }

    /** `e`, `await e`, `e as X`, or a call given `e` that does not turn it into text. */
    function derivesError(init: TSESTree.Expression, names: ReadonlySet<string>): boolean {
      let value = skipWrappers(init);
      if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappers(value.argument);
      if (value.type === AST_NODE_TYPES.Identifier) return names.has(value.name);
      if (value.type !== AST_NODE_TYPES.CallExpression || isFormatter(value)) return false;
      return value.arguments.some((argument) => {
        const target = skipWrappers(argument);
        return target.type === AST_NODE_TYPES.Identifier && names.has(target.name);
      });
    }

    function check(handler: Handler): void {
      const catalogs = handledCatalogs(handler).filter((catalog) => demanded(catalog, handler).length > 0);
      if (catalogs.length === 0) return;
      if (!handler.body && !(handler.reference && referenceSwallows(handler.reference))) return;
      const names = handlerErrorNames(handler);
      if (handler.body && !finallyReturns(handler) && outcome(handler.body, names).propagates) return;
      // A test that expects the failure observes it: `catch (e) { expect(e.code).toBe(209) }`.
      if (handler.body && callsAnAssertion(sourceCode, handler.body, binder.settings.assertions)) return;
      const swallowed: CodeEntry[] = [];
      for (const catalog of catalogs) {
        const handled = handler.body ? handledCodes(handler, handler.body, catalog, names) : { codes: new Set<CodeValue>(), rest: false };
        if (!handled.rest) swallowed.push(...demanded(catalog, handler).filter((entry) => !handled.codes.has(entry.value)));
      }
      if (swallowed.length === 0) return;
      // Most urgent first across catalogs: a sign-in code before another SDK's refresh code.
      const ordered = byUrgency(swallowed);
      const shown = ordered.slice(0, 2).map((entry) => codeLabel(binder.settings.catalogById.get(entry.catalogId)!, entry));
      const more = ordered.length - shown.length;
      context.report({
        loc: reportLoc(handler),
        messageId: 'swallowed',
        data: {
          codes: more > 0 ? `${shown.join(', ')} and ${more === 1 ? '1 more code that needs' : `${more} more codes that need`} action` : listText(shown),
          advice: adviceText(ordered[0]!),
        },
      });
    }

    function reportLoc(handler: Handler): TSESTree.SourceLocation {
      if (handler.kind === 'catch') {
        // `catch (e)` up to its closing parenthesis, or the `catch` keyword alone.
        const node = handler.node as TSESTree.CatchClause;
        return { start: node.loc.start, end: (node.param ? sourceCode.getTokenAfter(node.param)! : sourceCode.getFirstToken(node)!).loc.end };
      }
      if (handler.fn && handler.node === handler.fn) {
        const arrow = sourceCode.getTokenBefore(handler.fn.body);
        return { start: handler.fn.loc.start, end: arrow?.loc.end ?? handler.fn.loc.end };
      }
      return handler.node.loc;
    }

    return {
      'Program:exit'() {
        // A test has no user to sign in again: what its handlers let pass, the test itself meets.
        if (definesTests(sourceCode.ast, binder.settings.assertions)) return;
        for (const handler of analysis.handlers()) check(handler);
      },
    };
  },
});

/** Every catalog id in `mustHandle` must name a catalog (or be `*`): a typo would silently turn the rule off for it. */
/**
 * SDK calls whose failures leave a handler nothing to do:
 * - `Parse.Cloud.httpRequest(…)` calls another server; it fails with that server's HTTP
 *   response, never with a Parse error code;
 * - `Parse.User.logOut()` forgets the user before it asks the server to end the session, so a
 *   session error there (209 when the session had already expired) needs no new sign-in;
 * - `Parse.User.currentAsync()` reads the stored user and sends no request.
 */
function isExempt(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const owner = skipWrappers(callee.object);
  const ownerName = owner.type === AST_NODE_TYPES.MemberExpression ? memberName(owner) : undefined;
  const method = memberName(callee);
  return (method === 'httpRequest' && ownerName === 'Cloud') || ((method === 'logOut' || method === 'currentAsync') && ownerName === 'User');
}

/** `try { … } catch (e) { throw e; } finally { return x; }`: the return cancels the rethrow. */
function finallyReturns(handler: Handler): boolean {
  const tryStatement = handler.kind === 'catch' ? handler.node.parent : undefined;
  return tryStatement?.type === AST_NODE_TYPES.TryStatement && tryStatement.finalizer !== null && endsInReturn(tryStatement.finalizer);
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** Whether `node` runs as part of `body` itself, not inside a function nested in it. */
function onHandlersPath(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) if (isFunction(current)) return false;
  return true;
}

/**
 * The `if` or conditional whose test holds `test`, alone or inside `&&` / `||`, and whether a
 * `!` turns it round on the way; through one `const` that holds the test and is used once
 * (`const transient = e.code === X || e.code === Y; if (!transient) throw e;`).
 */
function testedBy(
  sourceCode: Readonly<TSESLint.SourceCode>,
  test: TSESTree.Node,
): { branch: TSESTree.IfStatement | TSESTree.ConditionalExpression; negated: boolean } | undefined {
  let current: TSESTree.Node = test;
  let negated = false;
  for (let step = 0; step < 2; step += 1) {
    for (let parent = current.parent; ; parent = current.parent) {
      if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') negated = !negated;
      else if (parent?.type !== AST_NODE_TYPES.LogicalExpression || parent.operator === '??') break;
      current = parent;
    }
    const parent = current.parent;
    if ((parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === current) return { branch: parent, negated };
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier || parent.parent.kind !== 'const') return undefined;
    const uses = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id)?.references.filter((reference) => !reference.init) ?? [];
    if (uses.length !== 1) return undefined;
    current = uses[0]!.identifier;
  }
  return undefined;
}

/** What runs when the test holds. */
function whenTrue(test: TSESTree.IfStatement | TSESTree.ConditionalExpression): readonly TSESTree.Node[] {
  return [test.consequent];
}

/** What runs when the test fails: the `else`, or for an `if` without one, the statements after it. */
function whenFalse(test: TSESTree.IfStatement | TSESTree.ConditionalExpression): readonly TSESTree.Node[] | undefined {
  if (test.alternate) return [test.alternate];
  const container = test.parent;
  const siblings = container?.type === AST_NODE_TYPES.BlockStatement ? container.body : container?.type === AST_NODE_TYPES.SwitchCase ? container.consequent : undefined;
  return siblings?.slice(siblings.indexOf(test as TSESTree.IfStatement) + 1);
}
