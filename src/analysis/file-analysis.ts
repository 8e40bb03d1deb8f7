/**
 * One analysis per file, shared by every rule: the binder, the code sites, the handlers, the
 * dispatches and the branches taken for codes, and the CloudKit JS batch responses. Cached by the file's `SourceCode` in a WeakMap, each part computed on first use, so
 * turning on more rules adds no binding work and nothing outlives the file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../catalog/catalog.js';
import { type Binder, createFileBinder } from '../binding/binder.js';
import { fileNodes } from '../binding/ast.js';
import { createBindingContext, type RuleContext } from '../binding/context.js';
import { type BindingVia, mentionsApiHost } from '../binding/evidence.js';
import { mentionsGlobal } from '../binding/sdk-names.js';
import { type ParseBatchMethod, parseBatchMethodsIn } from './batch-calls.js';
import { type CodeBranch, findCodeBranches } from './code-branches.js';
import { type CodeSite, collectCodeSites } from './code-sites.js';
import { type Dispatch, findDispatches } from './dispatch.js';
import { findHandlers, type Handler } from './handlers.js';
import { findResponses, type Responses } from './responses.js';

export interface FileAnalysis {
  readonly binder: Binder;
  /**
   * Whether anything in the file can be bound to a catalog: always with type information; without
   * it, only when the file reaches an SDK (import, require, project module, global, also as
   * `window.CloudKit`) or names an API's host. A rule may skip a file for which this is false.
   */
  reachesCatalog(): boolean;
  /** The file's nodes in pre-order (source order), walked once for every part that looks at the whole file. */
  nodes(): readonly TSESTree.Node[];
  /** Every place a literal or constant meets a bound code, in source order. */
  codeSites(): readonly CodeSite[];
  /** Every catch clause and rejection handler, in source order. */
  handlers(): readonly Handler[];
  /** Every switch / if-chain over a bound code, in source order. */
  dispatches(): readonly Dispatch[];
  /** The catalogs whose SDK a handler's guarded code calls, and how that was decided. */
  guardedCatalogs(handler: Handler): ReadonlyMap<Catalog, BindingVia>;
  /** The code sites inside a node (a handler's body, a branch). */
  sitesWithin(node: TSESTree.Node): readonly CodeSite[];
  /** Every branch taken for particular codes (dispatch branches and lone `if`s), in source order. */
  codeBranches(): readonly CodeBranch[];
  /** CloudKit JS batch responses: where each request's response goes and what is read from it. */
  responses(): Responses;
  /** The Parse batch methods (`saveAll`, `destroyAll`) a handler's guarded code calls. */
  parseBatchMethods(handler: Handler): ReadonlySet<ParseBatchMethod>;
}

const analyses = new WeakMap<Readonly<TSESLint.SourceCode>, FileAnalysis>();

export function getFileAnalysis(context: RuleContext): FileAnalysis {
  const { sourceCode } = context;
  let analysis = analyses.get(sourceCode);
  if (!analysis) {
    analysis = createFileAnalysis(createFileBinder(createBindingContext(context)));
    analyses.set(sourceCode, analysis);
  }
  return analysis;
}

function createFileAnalysis(binder: Binder): FileAnalysis {
  const { sourceCode } = binder.context;
  let sites: CodeSite[] | undefined;
  let handlers: Handler[] | undefined;
  let dispatches: Dispatch[] | undefined;
  let branches: CodeBranch[] | undefined;
  let responses: Responses | undefined;
  let nodes: TSESTree.Node[] | undefined;
  const batchMethods = new Map<TSESTree.Node, ReadonlySet<ParseBatchMethod>>();
  // The file's nodes in pre-order, walked once for every part that looks at the whole file.
  const allNodes = (): TSESTree.Node[] => (nodes ??= fileNodes(sourceCode));
  // Without types, only an SDK name or an API's host in the file can bind anything: a file with
  // neither has no code sites, handlers or responses, and none of its nodes needs a look.
  let reaches: boolean | undefined;
  const reachesCatalog = (): boolean => (reaches ??= binder.typed || mentionsCatalog(binder));
  const analysed = (): readonly TSESTree.Node[] => (reachesCatalog() ? allNodes() : []);
  const codeSites = (): CodeSite[] => (sites ??= collectCodeSites(sourceCode, binder, analysed()));
  const allDispatches = (): Dispatch[] => (dispatches ??= findDispatches(sourceCode, codeSites()));
  return {
    binder,
    reachesCatalog,
    nodes: allNodes,
    codeSites,
    handlers: () => (handlers ??= findHandlers(sourceCode, analysed())),
    dispatches: allDispatches,
    guardedCatalogs: (handler) => binder.evidence.callsInto(handler.guarded),
    sitesWithin: (node) => codeSites().filter((site) => site.node.range[0] >= node.range[0] && site.node.range[1] <= node.range[1]),
    codeBranches: () => (branches ??= findCodeBranches(codeSites(), allDispatches())),
    responses: () => (responses ??= findResponses(binder.context, analysed())),
    parseBatchMethods(handler) {
      let methods = batchMethods.get(handler.guarded);
      if (!methods) {
        methods = parseBatchMethodsIn(binder.context, handler.guarded);
        batchMethods.set(handler.guarded, methods);
      }
      return methods;
    },
  };
}

/**
 * Untyped: whether the file reaches a catalog's SDK (an import, require or project module of it),
 * names one of its globals (also as `window.CloudKit`), or names an API's host.
 */
function mentionsCatalog(binder: Binder): boolean {
  const { text } = binder.context.sourceCode;
  const { catalogs } = binder.context.settings;
  return binder.context.sdkNames().size > 0 || mentionsGlobal(text, catalogs) || catalogs.some((catalog) => mentionsApiHost(text, catalog));
}
