import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog, CodeEntry } from '../src/catalog/catalog.js';
import { isArrayValue, isCloudKitResponseType } from '../src/analysis/batch-calls.js';
import { checkCatalogIds, createCallMatcher, DEFAULT_LOGGERS, LOGGERS_SCHEMA, perCatalogSchema } from '../src/analysis/callees.js';
import type { CodeBranch } from '../src/analysis/code-branches.js';
import { codeLabel } from '../src/analysis/describe.js';
import { siteValue } from '../src/analysis/dispatch.js';
import { getFileAnalysis } from '../src/analysis/file-analysis.js';
import type { Handler } from '../src/analysis/handlers.js';
import { outcomeOf } from '../src/analysis/outcome.js';
import type { ResponseFlow } from '../src/analysis/responses.js';
import { createRetryAnalysis, DEFAULT_SLEEPERS } from '../src/analysis/retry.js';
import { memberName, skipWrappers } from '../src/binding/accessors.js';
import { baseIdentifier, isFunction, walk } from '../src/binding/ast.js';
import { createRule } from '../src/create-rule.js';

export type Options = [
  {
    /** Where each catalog's errors keep their per-item errors (property or method names), by catalog id; `*` for the rest. */
    itemErrors?: Record<string, string[]>;
    /** Calls that only log (typescript-eslint `TypeOrValueSpecifier`s). */
    loggers?: TypeOrValueSpecifier[];
  },
];

export type MessageIds =
  | 'uncheckedItems'
  | 'droppedResponse'
  | 'unreadResponse'
  | 'aggregateUnread'
  | 'siblingActedOn'
  | 'saveAllAggregate'
  | 'saveAllArray'
  | 'forInErrors'
  | 'useForOf';

/**
 * Parse and Drupal keep per-item errors in `errors`; native CloudKit in `partialErrorsByItemID`
 * (userInfo `CKPartialErrorsByItemIDKey`), or as a bridge forwards them; an HTTP 207 body lists
 * a status per resource.
 */
const DEFAULT_ITEM_ERRORS: Record<string, string[]> = {
  '*': ['errors'],
  cloudkit: ['partialErrorsByItemID', 'CKPartialErrorsByItemIDKey', 'errors'],
  http: ['json', 'text', 'data', 'body'],
};

const defaultOption: Options[0] = { itemErrors: DEFAULT_ITEM_ERRORS, loggers: [...DEFAULT_LOGGERS] };

/**
 * Parse codes worth a new sign-in that parse-server raises while it writes one object: a `_User`
 * that the request's session may not change or delete. Inside `saveAll()`'s batch they are that
 * item's own error, not a failed request's.
 */
const ITEM_WRITE_CODES: ReadonlySet<string> = new Set(['SESSION_MISSING']);

/** Effects that hand the error itself on: whoever receives it can read the per-item errors. */
const HANDS_ON = ['rethrow', 'return-error', 'pass-on'] as const;

export default createRule<Options, MessageIds>({
  name: 'require-partial-failure-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require batch responses and aggregate errors to be checked item by item',
      recommended: 'recommended',
    },
    defaultOptions: [defaultOption],
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          itemErrors: perCatalogSchema(
            { type: 'string', minLength: 1 },
            'Property or method names that hold the per-item errors of an aggregate error, by catalog id (`parse`, `cloudkit`, …); `*` applies to catalogs not listed, and an empty list turns the check off for a catalog. Reading one of them in a branch for an aggregate code counts as looking at the items.',
          ),
          loggers: LOGGERS_SCHEMA,
        },
      },
    ],
    messages: {
      uncheckedItems: '`{{member}}` holds only what succeeded: read `hasErrors` / `errors` of this `{{method}}()` response too, or its failed items go unnoticed.',
      droppedResponse: 'The `{{method}}()` response is dropped, so its failed items go unnoticed: read `hasErrors` / `errors`, or return the response.',
      unreadResponse: '`hasErrors` / `errors` of this `{{method}}()` response are never read, so its failed items go unnoticed: check them, or return the response.',
      aggregateUnread: 'This branch for {{code}} never reads the per-item errors (`{{items}}`): decide per item, or pass the error on.',
      siblingActedOn: "This branch {{action}} {{code}}, which only says that another item of the atomic batch failed: find that item's error and act on it.",
      saveAllAggregate:
        "`saveAll()` never rejects with {{code}}: it rejects with the failed item's own error, or with an array of errors when the request fails; test `Array.isArray({{error}})`.",
      saveAllArray: '`saveAll()` rejects with an array of errors when the request itself fails, so {{code}} never reaches `{{error}}.code`: test `Array.isArray({{error}})` first.',
      forInErrors: '`for…in` walks the indexes of `{{errors}}`, not its errors: use `for…of`.',
      useForOf: 'Iterate with `for…of`.',
    },
  },
  defaultOptions: [defaultOption],
  create(context, [options]) {
    const analysis = getFileAnalysis(context);
    const { binder } = analysis;
    const bc = binder.context;
    const { sourceCode } = context;
    checkCatalogIds('require-partial-failure-check', 'itemErrors', options.itemErrors ?? {}, binder.settings);
    // Without types, a file that reaches no catalog has nothing to report.
    if (!analysis.reachesCatalog()) return {};
    const isLogger = createCallMatcher(bc, options.loggers ?? DEFAULT_LOGGERS);
    const retryAnalysis = createRetryAnalysis(bc, { allowRethrow: false, helpers: [], sleepers: DEFAULT_SLEEPERS, isLogger });
    const itemErrors = { ...DEFAULT_ITEM_ERRORS, ...options.itemErrors };
    const aggregateCatalogs = binder.settings.catalogs.filter((catalog) => catalog.codes.some((entry) => entry.flags.includes('aggregate')));

    const namesFor = (catalog: Catalog): readonly string[] => itemErrors[catalog.id] ?? itemErrors['*'] ?? [];

    /** The name of the error a binding reads its code from: `err` in `err.code`. */
    const errorName = (branch: CodeBranch): string | undefined => baseIdentifier(branch.binding.subject)?.name;

    function checkResponse(flow: ResponseFlow, reported: Set<TSESTree.Node>): void {
      const handled = flow.uses.some((use) => use.kind === 'check' || (use.kind === 'passed' && !(use.call && isLogger(use.call))));
      if (handled) return;
      const success = flow.uses.find((use) => use.kind === 'success');
      const node = success?.node ?? calleeName(flow.call);
      if (reported.has(node)) return;
      reported.add(node);
      if (success) {
        context.report({ node, messageId: 'uncheckedItems', data: { member: success.member, method: flow.method } });
      } else {
        context.report({ node, messageId: flow.uses.every((use) => use.kind === 'dropped') ? 'droppedResponse' : 'unreadResponse', data: { method: flow.method } });
      }
    }

    /** Whether a branch reads one of the names that hold per-item errors: `err.errors`, `userInfo[CKPartialErrorsByItemIDKey]`, `{ errors }`. */
    function readsItemErrors(body: readonly TSESTree.Node[], names: readonly string[]): boolean {
      let found = false;
      for (const node of body) {
        walk(sourceCode, node, (child) => {
          if (found) return false;
          if (child.type === AST_NODE_TYPES.MemberExpression) {
            const name = memberName(child) ?? (child.computed && child.property.type === AST_NODE_TYPES.Identifier ? child.property.name : undefined);
            found = name !== undefined && names.includes(name);
          } else if (child.type === AST_NODE_TYPES.Property && child.parent.type === AST_NODE_TYPES.ObjectPattern) {
            const name = ASTUtils.getPropertyName(child);
            found = name !== null && names.includes(name);
          }
          return undefined;
        });
      }
      return found;
    }

    function outcome(branch: CodeBranch) {
      const name = errorName(branch);
      return outcomeOf(branch.body, { errorNames: new Set(name ? [name] : []), isLogger, isCodeName: () => false });
    }

    /** A branch for an aggregate code that neither reads the items nor hands the error on. */
    function checkAggregate(branch: CodeBranch, entry: CodeEntry): void {
      const names = namesFor(branch.binding.catalog);
      if (names.length === 0 || readsItemErrors(branch.body, names)) return;
      if (HANDS_ON.some((effect) => outcome(branch).effects.has(effect))) return;
      const error = errorName(branch) ?? 'error';
      context.report({
        node: branch.test,
        messageId: 'aggregateUnread',
        data: { code: codeLabel(branch.binding.catalog, entry), items: `${error}.${names[0]!}` },
      });
    }

    /** A branch for a sibling-failed code that retries, or only reports it. */
    function checkSibling(branch: CodeBranch, entry: CodeEntry): void {
      if (readsItemErrors(branch.body, namesFor(branch.binding.catalog))) return;
      let action: string | undefined;
      // Per-item errors of a response are judged wherever they are read, not only in handlers.
      const where = retryAnalysis.contextOf(branch, analysis.handlers()) ?? { operations: [], errorNames: new Set<string>() };
      if (retryAnalysis.retryOf(branch, where)) {
        action = 'retries on';
      } else {
        const result = outcome(branch);
        if (HANDS_ON.some((effect) => result.effects.has(effect))) return;
        if (result.logOnly || result.effects.has('throw-new') || showsMessage(sourceCode, branch.body, errorName(branch))) action = 'reports';
      }
      if (action) context.report({ node: branch.test, messageId: 'siblingActedOn', data: { action, code: codeLabel(branch.binding.catalog, entry) } });
    }

    /**
     * Handlers around `saveAll()`: it never builds AGGREGATE_ERROR (only `destroyAll` does), and
     * when the request itself fails it rejects with an array of errors, so the codes of a failed
     * request (those worth a retry or a new sign-in, but for an object's own `SESSION_MISSING`)
     * never reach `err.code`. Returns the
     * AGGREGATE_ERROR site it reported, so that its branch is not reported twice.
     */
    function checkSaveAll(handler: Handler): TSESTree.Node | undefined {
      if (!handler.body || handler.param?.type !== AST_NODE_TYPES.Identifier) return undefined;
      const error = handler.param.name;
      const sites = analysis.sitesWithin(handler.body).filter((site) => site.binding.catalog.id === 'parse' && baseIdentifier(site.binding.subject)?.name === error);
      if (sites.length === 0) return undefined;
      const methods = analysis.parseBatchMethods(handler);
      if (!methods.has('saveAll')) return undefined;
      const aggregate = methods.has('destroyAll')
        ? undefined
        : sites.find((site) => {
            const value = siteValue(site);
            return value !== undefined && binder.entryFor(site.binding, value)?.flags.includes('aggregate');
          });
      if (aggregate) {
        const entry = binder.entryFor(aggregate.binding, siteValue(aggregate)!)!;
        context.report({ node: aggregate.node, messageId: 'saveAllAggregate', data: { code: codeLabel(aggregate.binding.catalog, entry), error } });
        return aggregate.node;
      }
      if (testsIsArray(handler.body, error)) return undefined;
      for (const site of sites) {
        const value = siteValue(site);
        const entry = value === undefined ? undefined : binder.entryFor(site.binding, value);
        if (entry && entry.retry !== 'never' && !ITEM_WRITE_CODES.has(entry.name)) {
          context.report({ node: site.node, messageId: 'saveAllArray', data: { code: codeLabel(site.binding.catalog, entry), error } });
          break;
        }
      }
      return undefined;
    }

    /** `Array.isArray(err)` or `err instanceof Array` somewhere in the handler. */
    function testsIsArray(body: TSESTree.Node, error: string): boolean {
      let found = false;
      walk(sourceCode, body, (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const callee = skipWrappers(node.callee);
          const argument = node.arguments[0];
          found =
            callee.type === AST_NODE_TYPES.MemberExpression &&
            memberName(callee) === 'isArray' &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            callee.object.name === 'Array' &&
            argument?.type === AST_NODE_TYPES.Identifier &&
            argument.name === error;
        } else if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'instanceof') {
          found = node.left.type === AST_NODE_TYPES.Identifier && node.left.name === error && node.right.type === AST_NODE_TYPES.Identifier && node.right.name === 'Array';
        }
        return undefined;
      });
      return found;
    }

    /** Whether an `x.errors` iterated with `for…in` is an array of SDK errors: a response's, or an aggregate error's. */
    function isSdkErrorsArray(member: TSESTree.MemberExpression): boolean {
      const owner = member.object;
      if (bc.typed) {
        if (!isArrayValue(bc, member)) return false;
        return analysis.responses().isResponse(owner) || isCloudKitResponseType(bc.typeOf(owner)!) || binder.errorCatalogOf(owner, aggregateCatalogs) !== undefined || untypedErrorOf(owner);
      }
      return memberName(member) === 'errors' && (analysis.responses().isResponse(owner) || untypedErrorOf(owner));
    }

    /** An `any` / untyped error that evidence ties to a catalog with aggregate codes (a catch parameter around Parse calls). */
    function untypedErrorOf(owner: TSESTree.Expression): boolean {
      return aggregateCatalogs.some((catalog) => binder.evidence.evidenceFor(owner, catalog) !== undefined);
    }

    function checkForIn(node: TSESTree.ForInStatement): void {
      const right = skipWrappers(node.right);
      if (right.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(right);
      if (name === undefined || !Object.values(itemErrors).some((names) => names.includes(name))) return;
      if (!isSdkErrorsArray(right) || indexesOnly(node, right)) return;
      const inToken = sourceCode.getTokenAfter(node.left, (token) => token.value === 'in')!;
      context.report({
        node: right,
        messageId: 'forInErrors',
        data: { errors: sourceCode.getText(right) },
        suggest: [{ messageId: 'useForOf', fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(inToken, 'of') }],
      });
    }

    /** `for (const i in res.errors) use(res.errors[i])`: every use of the key indexes the same array. */
    function indexesOnly(node: TSESTree.ForInStatement, array: TSESTree.MemberExpression): boolean {
      const declared = node.left.type === AST_NODE_TYPES.VariableDeclaration ? node.left.declarations[0]?.id : node.left;
      if (declared?.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(declared), declared);
      const reads = (variable?.references ?? []).filter((reference) => reference.identifier !== declared);
      const arrayText = sourceCode.getText(array).replaceAll(/\s/g, '');
      return (
        reads.length > 0 &&
        reads.every((reference) => {
          const parent = reference.identifier.parent;
          return parent.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.property === reference.identifier && sourceCode.getText(parent.object).replaceAll(/\s/g, '') === arrayText;
        })
      );
    }

    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const flow of analysis.responses().flows) checkResponse(flow, reported);
        const saveAllSites = analysis.handlers().flatMap((handler) => checkSaveAll(handler) ?? []);
        for (const branch of analysis.codeBranches()) {
          const entries = [...branch.codes].flatMap((value) => binder.entryFor(branch.binding, value) ?? []);
          const aggregate = entries.find((entry) => entry.flags.includes('aggregate'));
          const alreadyReported = saveAllSites.some((site) => site.range[0] >= branch.test.range[0] && site.range[1] <= branch.test.range[1]);
          if (aggregate && !alreadyReported) checkAggregate(branch, aggregate);
          const sibling = entries.find((entry) => entry.flags.includes('siblingFailed'));
          if (sibling) checkSibling(branch, sibling);
        }
      },
      ForInStatement: checkForIn,
    };
  },
});

/** `saveRecords` in `db.saveRecords(…)`: where a dropped or unread response is reported. */
function calleeName(call: TSESTree.CallExpression): TSESTree.Node {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : call;
}

/** Members that hold an error's text. */
const MESSAGE_MEMBERS: ReadonlySet<string> = new Set(['message', 'reason']);

/**
 * A message for the user: `return 'Could not save'` (or a template), or the error's own text
 * passed to a call (`show(error.reason)`).
 */
function showsMessage(sourceCode: Readonly<TSESLint.SourceCode>, body: readonly TSESTree.Node[], error: string | undefined): boolean {
  return ownNodes(sourceCode, body).some((node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) {
      const argument = skipWrappers(node.argument);
      return argument.type === AST_NODE_TYPES.TemplateLiteral || (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string');
    }
    if (node.type !== AST_NODE_TYPES.CallExpression || error === undefined) return false;
    return ownNodes(sourceCode, node.arguments).some((part) => {
      if (part.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = memberName(part);
      return name !== undefined && MESSAGE_MEMBERS.has(name) && baseIdentifier(part.object)?.name === error;
    });
  });
}

/** The nodes of a branch, not entering nested functions. */
function ownNodes(sourceCode: Readonly<TSESLint.SourceCode>, body: readonly TSESTree.Node[]): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  for (const part of body) {
    walk(sourceCode, part, (node) => {
      nodes.push(node);
      return !isFunction(node);
    });
  }
  return nodes;
}
