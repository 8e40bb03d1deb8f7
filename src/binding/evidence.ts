/**
 * Evidence for errors and bodies without a useful type (`any` / `unknown`, or plain JavaScript):
 * what the guarded code calls, `instanceof` narrowing, SDK type annotations, and the API URL a
 * body was fetched from. Everything memoised lives in the object returned for one file.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Catalog } from '../catalog/catalog.js';
import { guardedCodeOf } from '../analysis/handlers.js';
import { memberName, skipWrappers } from './accessors.js';
import { baseIdentifier, constInitOf, isPropertyName, walk } from './ast.js';
import { type BindingContext, withoutCheckerFailure } from './context.js';
import { packageOfSpecifier } from './packages.js';
import { calleePackages } from './type-match.js';

/**
 * How a code expression was bound to its catalog:
 * - `type`: the error's declared type (or the code's literal-union type) belongs to the catalog;
 * - `setting`: the type matches a user binding in `settings['error-codes'].bindings`;
 * - `inferred`: an `any` / `unknown` error whose guarded code calls into the catalog's modules;
 * - `syntax`: no type information; imports, requires or globals of the catalog's SDK show it.
 */
export type BindingVia = 'type' | 'setting' | 'inferred' | 'syntax';

export interface Evidence {
  /** How an untyped error or body (`e` in `e.code`) belongs to `catalog`, if it does. */
  evidenceFor(subject: TSESTree.Expression, catalog: Catalog): BindingVia | undefined;
  /** Catalogs whose SDK a guarded block or promise chain calls, and how that was decided. */
  callsInto(guarded: TSESTree.Node): ReadonlyMap<Catalog, BindingVia>;
}

export function createEvidence(bc: BindingContext): Evidence {
  const { sourceCode, typed } = bc;
  const guardEvidence = new Map<TSESTree.Node, Map<Catalog, BindingVia>>();
  const fileCallsApi = new Map<Catalog, boolean>();
  const initCatalogs = new Map<TSESLint.Scope.Variable, Catalog | undefined>();

  function evidenceFor(subject: TSESTree.Expression, catalog: Catalog): BindingVia | undefined {
    const via = typed ? 'inferred' : 'syntax';
    if ((catalog.bindings.baseUrls ?? []).length > 0) return apiBodyOf(subject, catalog) ? via : undefined;
    const root = skipWrappers(subject);
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (narrowedByInstanceof(root, catalog)) return 'syntax';
    if (!typed && annotatedAs(root, catalog)) return 'syntax';
    return guardedCodeOf(sourceCode, root)
      .map((guarded) => callsInto(guarded).get(catalog))
      .find((found) => found !== undefined);
  }

  /**
   * Whether an untyped body comes from the catalog's HTTP API: the `fetch` it was read from
   * (`const body = await res.json()`, `const res = await fetch(url)`) when that URL is known,
   * otherwise whether the file calls the API at all.
   */
  function apiBodyOf(subject: TSESTree.Expression, catalog: Catalog): boolean {
    const hosts = apiHosts(catalog);
    const url = fetchedUrl(subject);
    if (url !== undefined) return hosts.some((host) => url.includes(host));
    let calls = fileCallsApi.get(catalog);
    if (calls === undefined) {
      calls = hosts.some((host) => sourceCode.text.includes(host)) || importsApiUrl(hosts);
      fileCallsApi.set(catalog, calls);
    }
    return calls;
  }

  /** Typed: an imported constant whose literal type is the API's URL (`import { BKEND_URL } from './config'`). */
  function importsApiUrl(hosts: readonly string[]): boolean {
    if (!typed) return false;
    return sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.specifiers.some((specifier) => {
          const type = bc.typeOf(specifier.local)!;
          return type.isStringLiteral() && hosts.some((host) => type.value.includes(host));
        }),
    );
  }

  /** The start of the URL a body was fetched from, when it can be read statically. */
  function fetchedUrl(node: TSESTree.Node, depth = 0): string | undefined {
    if (depth > 4) return undefined;
    let target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const init = constInitOf(sourceCode, target);
      return init ? fetchedUrl(init, depth + 1) : undefined;
    }
    if (target.type === AST_NODE_TYPES.AwaitExpression) target = skipWrappers(target.argument);
    if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipWrappers(target.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === 'json' && callee.type === AST_NODE_TYPES.MemberExpression) return fetchedUrl(callee.object, depth + 1);
    if (name === 'fetch' && target.arguments[0]) return staticPrefix(target.arguments[0], 0);
    return undefined;
  }

  /** The static start of a string expression: a literal, a template's head, a `const`, `a + b`. */
  function staticPrefix(node: TSESTree.Node, depth: number): string | undefined {
    if (depth > 4) return undefined;
    const target = skipWrappers(node);
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        return typeof target.value === 'string' ? target.value : undefined;
      case AST_NODE_TYPES.TemplateLiteral: {
        const head = target.quasis[0]?.value.cooked ?? '';
        if (head !== '' || target.expressions.length === 0) return head;
        return staticPrefix(target.expressions[0]!, depth + 1);
      }
      case AST_NODE_TYPES.BinaryExpression:
        return target.operator === '+' ? staticPrefix(target.left, depth + 1) : undefined;
      case AST_NODE_TYPES.Identifier: {
        const type = typed ? bc.typeOf(target) : undefined;
        if (type?.isStringLiteral()) return type.value;
        const init = constInitOf(sourceCode, target);
        return init ? staticPrefix(init, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** `if (e instanceof Parse.Error) { … e.code … }` and `e instanceof DrupalError && e.code …`. */
  function narrowedByInstanceof(identifier: TSESTree.Identifier, catalog: Catalog): boolean {
    let child: TSESTree.Node = identifier;
    for (let parent = identifier.parent; parent; child = parent, parent = parent.parent) {
      const test =
        parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child
          ? parent.test
          : parent.type === AST_NODE_TYPES.ConditionalExpression && parent.consequent === child
            ? parent.test
            : parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child
              ? parent.left
              : undefined;
      if (test && testsInstanceof(test, identifier.name, catalog)) return true;
      if (parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.Program) return false;
    }
    return false;
  }

  function testsInstanceof(test: TSESTree.Expression, name: string, catalog: Catalog): boolean {
    if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
      return testsInstanceof(test.left, name, catalog) || testsInstanceof(test.right, name, catalog);
    }
    if (test.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== 'instanceof') return false;
    if (test.left.type !== AST_NODE_TYPES.Identifier || test.left.name !== name) return false;
    const base = baseIdentifier(test.right);
    return base !== undefined && bc.resolveSdk(base)?.catalog === catalog;
  }

  function callsInto(guarded: TSESTree.Node): Map<Catalog, BindingVia> {
    let found = guardEvidence.get(guarded);
    if (found) return found;
    const evidence = new Map<Catalog, BindingVia>();
    found = evidence;
    const names = bc.sdkNames();
    const apiCatalogs = bc.settings.catalogs.filter((catalog) => (catalog.bindings.baseUrls ?? []).length > 0);
    walk(sourceCode, guarded, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        if (apiCatalogs.length > 0 && node.type === AST_NODE_TYPES.CallExpression) fetchesApi(node, apiCatalogs, evidence);
        if (typed) calledPackages(node, evidence);
      } else if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
        const catalog = names.get(node.name) ? bc.resolveSdk(node)?.catalog : initialisedFromSdk(node);
        if (catalog && !evidence.has(catalog)) evidence.set(catalog, typed ? 'inferred' : 'syntax');
      }
    });
    guardEvidence.set(guarded, evidence);
    return evidence;
  }

  /** Typed: a call or `new` whose declaration lives in a catalog's packages. */
  function calledPackages(node: TSESTree.CallExpression | TSESTree.NewExpression, evidence: Map<Catalog, BindingVia>): void {
    const callee = skipWrappers(node.callee);
    const named = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const packages = withoutCheckerFailure(
      () => calleePackages(bc.services!.esTreeNodeToTSNodeMap.get(named), bc.checker!),
      () => [],
    );
    if (packages.length === 0) return;
    for (const catalog of bc.settings.catalogs) {
      if (!evidence.has(catalog) && catalog.bindings.modules.some((module) => packages.includes(packageOfSpecifier(module)))) {
        evidence.set(catalog, 'inferred');
      }
    }
  }

  /** `fetch(url)` whose URL starts with an API catalog's base URL. */
  function fetchesApi(node: TSESTree.CallExpression, apiCatalogs: readonly Catalog[], evidence: Map<Catalog, BindingVia>): void {
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'fetch' || !node.arguments[0]) return;
    const url = staticPrefix(node.arguments[0], 0);
    if (url === undefined) return;
    for (const catalog of apiCatalogs) {
      if (!evidence.has(catalog) && apiHosts(catalog).some((host) => url.includes(host))) evidence.set(catalog, typed ? 'inferred' : 'syntax');
    }
  }

  /**
   * One step of data flow for untyped code: a variable initialised from the SDK
   * (`const query = new Parse.Query('Post')`, `var user = new Parse.User()`).
   */
  function initialisedFromSdk(identifier: TSESTree.Identifier): Catalog | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable) return undefined;
    if (initCatalogs.has(variable)) return initCatalogs.get(variable);
    initCatalogs.set(variable, undefined);
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    let catalog: Catalog | undefined;
    if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      const names = bc.sdkNames();
      walk(sourceCode, def.node.init, (node) => {
        if (!catalog && node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node) && names.has(node.name)) catalog = bc.resolveSdk(node)?.catalog;
      });
    }
    initCatalogs.set(variable, catalog);
    return catalog;
  }

  /**
   * Untyped TypeScript: a parameter or variable annotated with the SDK's error type
   * (`error: Parse.Error`, `e: DrupalError | undefined`, `err: CloudKit.CKError`).
   */
  function annotatedAs(identifier: TSESTree.Identifier, catalog: Catalog): boolean {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const name = variable?.defs[0]?.name;
    const annotation = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
    const members = annotation?.type === AST_NODE_TYPES.TSUnionType ? annotation.types : annotation ? [annotation] : [];
    const names = bc.sdkNames();
    return members.some((member) => {
      if (member.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const text = sourceCode.getText(member.typeName);
      const dot = text.indexOf('.');
      const base = dot === -1 ? text : text.slice(0, dot);
      const rest = dot === -1 ? '' : text.slice(dot);
      const sdk = names.get(base);
      if (sdk?.catalog !== catalog) return false;
      const typeNames = [...catalog.bindings.errorTypes.map((type) => type.name.slice(type.name.lastIndexOf('.') + 1)), ...(catalog.bindings.constructors ?? [])];
      return typeNames.some((typeName) => {
        const typeDot = typeName.indexOf('.');
        if (typeDot !== -1) return rest === typeName.slice(typeDot);
        return rest === '' ? (sdk.imported ?? base) === typeName : rest === `.${typeName}`;
      });
    });
  }

  return { evidenceFor, callsInto };
}

/** `api.bkend.ai` for `https://api.bkend.ai`. */
function apiHosts(catalog: Catalog): string[] {
  return (catalog.bindings.baseUrls ?? []).map((url) => url.replace(/^https?:\/\//, ''));
}
