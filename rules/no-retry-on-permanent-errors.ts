import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { CodeEntry } from '../src/catalog/catalog.js';
import { createCallMatcher, DEFAULT_LOGGERS, LOGGERS_SCHEMA, specifierListSchema } from '../src/analysis/callees.js';
import type { CodeBranch } from '../src/analysis/code-branches.js';
import { codeLabel, codesText, meaningText } from '../src/analysis/describe.js';
import { type Dispatch, siteValue } from '../src/analysis/dispatch.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import { createRetryAnalysis, DEFAULT_SLEEPERS, type HelperCall, propertyOf } from '../src/analysis/retry.js';
import { isFunction } from '../src/binding/ast.js';
import { createRule } from '../src/create-rule.js';

export type Options = [
  {
    /** Functions of your own that run an operation with retries (typescript-eslint `TypeOrValueSpecifier`s). */
    retryHelpers?: TypeOrValueSpecifier[];
    /** Calls that only log (typescript-eslint `TypeOrValueSpecifier`s). */
    loggers?: TypeOrValueSpecifier[];
    /** Also check the status lists and predicates of retry policies (`retryOn: [400, 503]`, `retryCondition`). */
    policies?: boolean;
  },
];

export type MessageIds = 'retriesPermanent' | 'permanentInPolicy';

/** Option keys that list the HTTP statuses a retry policy retries (fetch-retry, ky, got, custom clients). */
const STATUS_LISTS = new Set(['retryOn', 'statusCodes', 'retryStatusCodes', 'retryableStatusCodes', 'statusCodesToRetry']);
/** Option keys whose function decides whether a failure is retried (axios-retry, exponential-backoff, p-retry). */
const PREDICATES = new Set(['retryCondition', 'shouldRetry', 'retryIf', 'retry']);

const defaultOption: Required<Options[0]> = { retryHelpers: [], loggers: [...DEFAULT_LOGGERS], policies: true };

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-permanent-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying error codes that retrying cannot fix',
      recommended: 'strict',
    },
    defaultOptions: [defaultOption],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          retryHelpers: specifierListSchema('Functions of your own that run an operation with retries (typescript-eslint `TypeOrValueSpecifier`s). p-retry, async-retry, exponential-backoff, promise-retry, retry and cockatiel are known by their import, whatever their local name.'),
          loggers: LOGGERS_SCHEMA,
          policies: { type: 'boolean', description: 'Whether to check the HTTP status lists (`retryOn`, `statusCodes`) and predicates (`retryCondition`, `shouldRetry`, `retryIf`, `retry`) of retry policies written in the call. Default: `true`.' },
        },
      },
    ],
    messages: {
      retriesPermanent: 'This branch retries {{codes}}: retrying cannot succeed ({{meaning}}) and only adds load. Report the failure instead.',
      permanentInPolicy: 'This retry policy retries {{code}}: retrying cannot succeed ({{meaning}}) and only adds load.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const settings = { ...defaultOption, ...options };
    const retries = createRetryAnalysis(binder.context, {
      allowRethrow: false,
      helpers: settings.retryHelpers,
      sleepers: [...DEFAULT_SLEEPERS],
      isLogger: createCallMatcher(binder.context, settings.loggers),
    });

    /**
     * The branch's entries, when every code it is taken for is permanent. Batch codes
     * (`aggregate`, `siblingFailed`) are left to require-partial-failure-check: what to retry
     * there is another item's code.
     */
    function permanentEntries(branch: CodeBranch): CodeEntry[] | undefined {
      const entries = [...branch.codes].map((value) => binder.entryFor(branch.binding, value));
      const permanent = (entry: CodeEntry | undefined): boolean => entry?.retry === 'never' && !entry.flags.some((flag) => flag === 'aggregate' || flag === 'siblingFailed');
      return entries.length > 0 && entries.every(permanent) ? (entries as CodeEntry[]) : undefined;
    }

    function check(branch: CodeBranch, at: TSESTree.Node): void {
      const entries = permanentEntries(branch);
      if (!entries) return;
      const where = retries.contextOf(branch, analysis.handlers());
      if (!where || retries.stopsHelper(branch)) return;
      const retry = retries.retryOf(branch, where);
      if (!retry || retry.kind === 'rethrow') return;
      if (retry.helper && retry.node.type === AST_NODE_TYPES.ThrowStatement && decidesItself(retry.helper)) return;
      const codes = codesText(branch.binding.catalog, entries);
      context.report({ node: at, messageId: 'retriesPermanent', data: { codes, meaning: meaningText(entries[0]!) } });
    }

    /** A fallback is taken for the codes no branch before it takes: when they are all permanent, it is checked as a branch. */
    function checkFallback(dispatch: Dispatch): void {
      const { fallback } = dispatch;
      if (!fallback || fallback.kind === 'after' || !dispatch.complete) return;
      const arriving = dispatch.enclosing && dispatch.enclosing.codes !== 'rest' ? [...dispatch.enclosing.codes] : dispatch.binding.catalog.codes.map((entry) => entry.value);
      const covered = new Set(dispatch.branches.flatMap((branch) => [...branch.codes]));
      // Deprecated codes no longer arrive; batch codes are another rule's.
      const rest = arriving.filter((value) => {
        const flags = dispatch.binding.catalog.byValue(value)?.flags ?? [];
        return !covered.has(value) && !flags.some((flag) => flag === 'deprecated' || flag === 'aggregate' || flag === 'siblingFailed');
      });
      if (rest.length === 0) return;
      const test = fallback.node;
      check({ binding: dispatch.binding, codes: new Set(rest), body: fallback.body, test }, fallback.kind === 'default' ? test : dispatch.node);
    }

    function checkPolicies(): void {
      const http = binder.settings.catalogById.get('http');
      for (const site of analysis.codeSites()) {
        if (!site.test?.positive || !isPredicateResult(site.test.node)) continue;
        const value = siteValue(site);
        const entry = value === undefined ? undefined : binder.entryFor(site.binding, value);
        if (entry?.retry === 'never') {
          context.report({ node: site.node, messageId: 'permanentInPolicy', data: { code: codeLabel(site.binding.catalog, entry), meaning: meaningText(entry) } });
        }
      }
      if (!http) return;
      for (const node of analysis.nodes()) {
        if (node.type !== AST_NODE_TYPES.Property || node.computed || node.key.type !== AST_NODE_TYPES.Identifier || !STATUS_LISTS.has(node.key.name)) continue;
        if (node.value.type !== AST_NODE_TYPES.ArrayExpression || !isPolicyOption(node)) continue;
        for (const element of node.value.elements) {
          if (element?.type !== AST_NODE_TYPES.Literal || typeof element.value !== 'number') continue;
          const value = element.value;
          const entry = http.byValue(value);
          if (entry?.retry === 'never' && value >= 400) {
            context.report({ node: element, messageId: 'permanentInPolicy', data: { code: codeLabel(http, entry), meaning: meaningText(entry) } });
          }
        }
      }
    }

    return {
      'Program:exit'() {
        for (const branch of analysis.codeBranches()) check(branch, branch.test);
        for (const dispatch of analysis.dispatches()) checkFallback(dispatch);
        if (settings.policies) checkPolicies();
      },
    };
  },
});

/** A helper whose options (or policy) decide which failures to retry: its operation's throws are not all retried. */
function decidesItself(helper: HelperCall): boolean {
  if (helper.options && [...PREDICATES, 'onFailedAttempt'].some((key) => propertyOf(helper.options!, key))) return true;
  // cockatiel: `retry(handleWhen(…), …)` retries only what its policy handles; `handleAll` retries everything.
  const policy = helper.maker?.arguments[0];
  return policy !== undefined && !(policy.type === AST_NODE_TYPES.Identifier && policy.name === 'handleAll');
}

/** Whether a test is what a retry predicate returns: `retryCondition: (e) => e.response?.status === 400 || …`. */
function isPredicateResult(test: TSESTree.Node): boolean {
  let current: TSESTree.Node = test;
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression && current.parent.operator === '||') current = current.parent;
  const parent = current.parent;
  const fn =
    parent && isFunction(parent) && parent.body === current
      ? parent
      : parent?.type === AST_NODE_TYPES.ReturnStatement
        ? enclosingFunction(parent)
        : undefined;
  const property = fn?.parent;
  return property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && PREDICATES.has(property.key.name);
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** A status list in an options object given to a call (`fetchRetry(fetch, { retryOn: […] })`, `ky(url, { retry: { statusCodes } })`). */
function isPolicyOption(property: TSESTree.Property): boolean {
  let current: TSESTree.Node = property.parent;
  while (current.type === AST_NODE_TYPES.ObjectExpression && current.parent?.type === AST_NODE_TYPES.Property) current = current.parent.parent;
  const parent = current.parent;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(current);
}

