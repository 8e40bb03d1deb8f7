import path from 'node:path';

import { valueMatchesSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { Catalog, CodeEntry } from '../catalog/catalog.js';
import type { CodeKind, CodeValue } from '../catalog/types.js';
import { getSettings, type ResolvedSettings } from '../settings.js';
import { type AccessorMatch, type AccessorRef, accessorIndex, matchAccessors, memberName, numericConversionOf, skipWrappers } from './accessors.js';
import { benchCounts, countedChecker } from './bench-counters.js';
import { packageOfSpecifier } from './packages.js';
import { collectSdkNames, resolveSdkIdentifier, type SdkName } from './sdk-names.js';
import { calleePackages, constituents, isAnyOrUnknown, literalValues, typeIsCatalogError, typeMatchesBinding } from './type-match.js';

/**
 * How a code expression was bound to its catalog:
 * - `type`: the error's declared type (or the code's literal-union type) belongs to the catalog;
 * - `setting`: the type matches a user binding in `settings['error-codes'].bindings`;
 * - `inferred`: an `any` / `unknown` error whose guarded code calls into the catalog's modules;
 * - `syntax`: no type information; imports, requires or globals of the catalog's SDK show it.
 */
export type BindingVia = 'type' | 'setting' | 'inferred' | 'syntax';

export interface CodeBinding {
  readonly catalog: Catalog;
  readonly accessor: AccessorRef;
  /** The error (or body) expression the code is read from. */
  readonly subject: TSESTree.Expression;
  readonly via: BindingVia;
}

/** How to write a catalog entry as a constant at a given place in the file. */
export type ConstantText =
  /** The constant's base identifier is in scope and is the SDK: safe to write `text` there. */
  | { kind: 'in-scope'; text: string }
  /** Nothing of that name is in scope: `text` needs `importText` added at the top of the file. */
  | { kind: 'needs-import'; text: string; importText: string }
  /** No safe way: the base name is shadowed, the entry has no constant, or the file cannot import. */
  | { kind: 'unavailable'; text: string | undefined };

export interface Binder {
  readonly settings: ResolvedSettings;
  /** Whether the file has type information. */
  readonly typed: boolean;
  /**
   * The catalog a code expression (`err.code`, `e.getErrorCode()`, `body.error.code`, a `const`
   * holding one) belongs to. With `kind`, only catalogs of that code kind are considered: a
   * string compared with `user.status` never asks the checker about the HTTP catalog.
   */
  bindCode(node: TSESTree.Node, kind?: CodeKind): CodeBinding | undefined;
  /** The catalog entry for a value read through a binding's accessor (`undefined` for unknown values). */
  entryFor(binding: CodeBinding, value: CodeValue): CodeEntry | undefined;
  /** Syntax only: whether an expression reads a code through some catalog's accessor (`x.code`, `parseInt(x.code)`). */
  hasAccessorShape(node: TSESTree.Node): boolean;
  /** Syntax only: whether a property name is the last segment of some accessor (`code`, `status`, `error`). */
  isAccessorName(name: string): boolean;
  /** The SDK a reference (`Parse`, `DrupalError`, `CloudKit`) resolves to, with shadowing checked. */
  resolveSdk(identifier: TSESTree.Identifier): SdkName | undefined;
  /** How to write `entry` as a constant at `at`. */
  constantText(binding: CodeBinding, entry: CodeEntry, at: TSESTree.Node): ConstantText;
  /** Typed mode: whether the node's type is (or contains) the catalog's error type. */
  isCatalogError(node: TSESTree.Node, catalog: Catalog): boolean;
  /** The catalog whose constant a member expression such as `Parse.Error.X` names, and the name X. */
  constantReference(node: TSESTree.MemberExpression): { catalog: Catalog; name: string } | undefined;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const { DefinitionType, ScopeType } = TSESLint.Scope;

/**
 * Creates the per-file binder. Everything it memoises lives in the returned object, so nothing
 * outlives the file; only the immutable catalogs and settings are shared.
 */
export function createBinder(context: Context): Binder {
  const settings = getSettings(context.settings, context.cwd);
  const index = accessorIndex(settings);
  const { sourceCode } = context;
  // Without @typescript-eslint/parser (plain JavaScript with espree) there are no services at all.
  const services = sourceCode.parserServices?.program ? (sourceCode.parserServices as ParserServicesWithTypeInformation) : undefined;
  const program = services?.program ?? null;
  const typed = program !== null;
  const counts = benchCounts(context.id);
  const checker = program ? countedChecker(program.getTypeChecker(), counts) : undefined;

  let sdkNames: Map<string, SdkName> | undefined;
  const names = (): Map<string, SdkName> => (sdkNames ??= collectSdkNames(sourceCode, settings.catalogs));
  const guardEvidence = new Map<TSESTree.Node, Map<Catalog, BindingVia>>();
  const fileCallsApi = new Map<Catalog, boolean>();
  const initCatalogs = new Map<TSESLint.Scope.Variable, Catalog | undefined>();
  const bindings = { number: new Map<TSESTree.Node, CodeBinding | undefined>(), string: new Map<TSESTree.Node, CodeBinding | undefined>(), any: new Map<TSESTree.Node, CodeBinding | undefined>() };

  function typeOf(node: TSESTree.Node): ts.Type | undefined {
    if (!services) return undefined;
    if (counts) counts.checkerCalls += 1;
    // Seen under fuzzing: TypeScript's node builder can throw a TypeError (getModuleSpecifiers
    // without an enclosing file) while typing invalid code such as `new DrupalError(100)` with
    // `import { type DrupalError }`. Such an expression is treated as `any`, never as a crash.
    return withoutCheckerFailure(() => services.getTypeAtLocation(node), checker!.getAnyType());
  }

  function bindCode(node: TSESTree.Node, kind?: CodeKind): CodeBinding | undefined {
    if (counts) counts.candidates += 1;
    const target = skipWrappers(node);
    const memo = bindings[kind ?? 'any'];
    if (memo.has(target)) return memo.get(target);
    memo.set(target, undefined);
    const unwrapped = numericConversionOf(target);
    const result = unwrapped
      ? bindCode(unwrapped, kind)
      : target.type === AST_NODE_TYPES.Identifier
        ? bindVariable(target, kind)
        : bindAccessor(
            matchAccessors(index, target).filter((match) => kind === undefined || match.accessor.catalog.codeKind === kind),
            target,
          );
    memo.set(target, result);
    return result;
  }

  /** `const code = err.code` and `const { code } = err`, then `code === 209`. */
  function bindVariable(identifier: TSESTree.Identifier, kind: CodeKind | undefined): CodeBinding | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return bindCode(def.node.init, kind);
    if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    const property = def.node.id.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name,
    );
    const key = property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (key === undefined) return undefined;
    const matches = (index.get(key) ?? [])
      .filter((accessor) => accessor.segments.length === 1 && !accessor.segments[0]!.call && (kind === undefined || accessor.catalog.codeKind === kind))
      .map((accessor) => ({ accessor, subject: def.node.init! }));
    return bindAccessor(matches, identifier);
  }

  function bindAccessor(matches: readonly AccessorMatch[], codeNode: TSESTree.Node): CodeBinding | undefined {
    if (matches.length === 0) return undefined;
    if (typed) {
      const subjectType = typeOf(matches[0]!.subject)!;
      const found = new Map<Catalog, CodeBinding>();
      for (const match of matches) {
        const type = match.subject === matches[0]!.subject ? subjectType : typeOf(match.subject)!;
        if (match.accessor.binding) {
          if (withoutCheckerFailure(() => typeMatchesBinding(type, match.accessor.binding!.type, program), false)) {
            found.set(match.accessor.catalog, { ...match, catalog: match.accessor.catalog, via: 'setting' });
          }
        } else if (!found.has(match.accessor.catalog) && withoutCheckerFailure(() => typeIsCatalogError(type, match.accessor.catalog, checker!), false)) {
          found.set(match.accessor.catalog, { ...match, catalog: match.accessor.catalog, via: 'type' });
        }
      }
      if (found.size === 0) {
        const byLiterals = bindByLiteralUnion(matches, codeNode);
        if (byLiterals) return byLiterals;
      }
      if (found.size > 0) return found.size === 1 ? [...found.values()][0] : undefined;
      if (!constituents(subjectType).every(isAnyOrUnknown)) return undefined;
    }
    return bindByEvidence(matches);
  }

  /** A code whose own type is a union of string literals that all belong to one catalog. */
  function bindByLiteralUnion(matches: readonly AccessorMatch[], codeNode: TSESTree.Node): CodeBinding | undefined {
    const values = literalValues(typeOf(codeNode)!);
    if (!values || values.length < 2 || values.some((value) => typeof value !== 'string')) return undefined;
    const fitting = matches.filter((match) => values.every((value) => match.accessor.catalog.byValue(value)));
    const catalogs = new Set(fitting.map((match) => match.accessor.catalog));
    return catalogs.size === 1 ? { ...fitting[0]!, catalog: fitting[0]!.accessor.catalog, via: 'type' } : undefined;
  }

  /** Inference for untyped values: what the guarded code calls, `instanceof` tests, API URLs. */
  function bindByEvidence(matches: readonly AccessorMatch[]): CodeBinding | undefined {
    const found = new Map<Catalog, CodeBinding>();
    for (const match of matches) {
      const { catalog } = match.accessor;
      if (match.accessor.binding || found.has(catalog)) continue;
      const via = evidenceFor(match.subject, catalog);
      if (via) found.set(catalog, { ...match, catalog, via });
    }
    return found.size === 1 ? [...found.values()][0] : undefined;
  }

  function evidenceFor(subject: TSESTree.Expression, catalog: Catalog): BindingVia | undefined {
    const via = typed ? 'inferred' : 'syntax';
    if ((catalog.bindings.baseUrls ?? []).length > 0) return apiBodyOf(subject, catalog) ? via : undefined;
    const root = skipWrappers(subject);
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (narrowedByInstanceof(root, catalog)) return 'syntax';
    if (!typed && annotatedAs(root, catalog)) return 'syntax';
    return guardedCode(root)
      .map((guarded) => evidenceIn(guarded).get(catalog))
      .find((via) => via !== undefined);
  }

  /**
   * Whether an untyped body comes from the catalog's HTTP API: the `fetch` it was read from
   * (`const body = await res.json()`, `const res = await fetch(url)`) when that URL is known,
   * otherwise whether the file calls the API at all.
   */
  function apiBodyOf(subject: TSESTree.Expression, catalog: Catalog): boolean {
    const hosts = (catalog.bindings.baseUrls ?? []).map((url) => url.replace(/^https?:\/\//, ''));
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
          const type = typeOf(specifier.local)!;
          return type.isStringLiteral() && hosts.some((host) => type.value.includes(host));
        }),
    );
  }

  /** The start of the URL a body was fetched from, when it can be read statically. */
  function fetchedUrl(node: TSESTree.Node, depth = 0): string | undefined {
    if (depth > 4) return undefined;
    let target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const init = constInit(target);
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
        const type = typed ? typeOf(target) : undefined;
        if (type?.isStringLiteral()) return type.value;
        const init = constInit(target);
        return init ? staticPrefix(init, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  function constInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return def?.type === DefinitionType.Variable && def.parent.kind === 'const' && def.node.id.type === AST_NODE_TYPES.Identifier ? (def.node.init ?? undefined) : undefined;
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
    return base !== undefined && resolveSdk(base)?.catalog === catalog;
  }

  /**
   * The code an error parameter guards: the `try` block of a catch parameter, or the promise
   * chain of a rejection handler, inline (`.catch((e) => …)`) or named (`.catch(onFailure)`,
   * where `onFailure` is a function declared in the file).
   */
  function guardedCode(identifier: TSESTree.Identifier): TSESTree.Node[] {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const def = variable?.defs[0];
    if (!def) return [];
    if (def.type === DefinitionType.CatchClause) {
      const tryStatement = def.node.parent;
      return tryStatement.type === AST_NODE_TYPES.TryStatement ? [tryStatement.block] : [];
    }
    if (def.type !== DefinitionType.Parameter) return [];
    const handler = def.node;
    const first = handler.params[0];
    if (!first || (first !== def.name && !(first.type === AST_NODE_TYPES.AssignmentPattern && first.left === def.name))) return [];
    const chain = rejectionChain(handler);
    if (chain) return [chain];
    // A named handler: every place the file passes it to .catch() or .then(_, handler).
    const name =
      handler.type === AST_NODE_TYPES.FunctionDeclaration
        ? handler.id
        : handler.parent?.type === AST_NODE_TYPES.VariableDeclarator && handler.parent.id.type === AST_NODE_TYPES.Identifier
          ? handler.parent.id
          : null;
    const handlerVariable = name ? ASTUtils.findVariable(sourceCode.getScope(name), name) : undefined;
    return (handlerVariable?.references ?? []).flatMap((reference) => {
      const chained = rejectionChain(reference.identifier);
      return chained ? [chained] : [];
    });
  }

  /** For a handler passed as `p.catch(handler)` or `p.then(ok, handler)`: the promise expression `p`. */
  function rejectionChain(handler: TSESTree.Node): TSESTree.Node | undefined {
    const call = handler.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    const position = call.arguments.indexOf(handler as TSESTree.CallExpressionArgument);
    return (method === 'catch' && position === 0) || (method === 'then' && position === 1) ? callee.object : undefined;
  }

  /** Catalogs whose SDK the guarded code calls: by declaration (typed), or by the names it references. */
  function evidenceIn(guarded: TSESTree.Node): Map<Catalog, BindingVia> {
    let evidence = guardEvidence.get(guarded);
    if (evidence) return evidence;
    evidence = new Map();
    const found = evidence;
    walk(guarded, (node) => {
      if (typed && (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)) {
        const callee = skipWrappers(node.callee);
        const named = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
        const packages = withoutCheckerFailure(() => calleePackages(services!.esTreeNodeToTSNodeMap.get(named), checker!), []);
        for (const catalog of settings.catalogs) {
          if (!found.has(catalog) && catalog.bindings.modules.some((module) => packages.includes(packageOfSpecifier(module)))) {
            found.set(catalog, 'inferred');
          }
        }
      } else if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
        const catalog = names().get(node.name) ? resolveSdk(node)?.catalog : initialisedFromSdk(node);
        if (catalog && !found.has(catalog)) found.set(catalog, typed ? 'inferred' : 'syntax');
      }
    });
    guardEvidence.set(guarded, found);
    return found;
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
    if (def?.type === DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      walk(def.node.init, (node) => {
        if (!catalog && node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node) && names().has(node.name)) catalog = resolveSdk(node)?.catalog;
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
    return members.some((member) => {
      if (member.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const text = sourceCode.getText(member.typeName);
      const dot = text.indexOf('.');
      const base = dot === -1 ? text : text.slice(0, dot);
      const rest = dot === -1 ? '' : text.slice(dot);
      const sdk = names().get(base);
      if (sdk?.catalog !== catalog) return false;
      const typeNames = [...catalog.bindings.errorTypes.map((type) => type.name.slice(type.name.lastIndexOf('.') + 1)), ...(catalog.bindings.constructors ?? [])];
      return typeNames.some((typeName) => {
        const typeDot = typeName.indexOf('.');
        if (typeDot !== -1) return rest === typeName.slice(typeDot);
        return rest === '' ? (sdk.imported ?? base) === typeName : rest === `.${typeName}`;
      });
    });
  }

  function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
    visit(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) walk(item as TSESTree.Node, visit);
      } else if (child && typeof child === 'object' && 'type' in child) {
        walk(child as TSESTree.Node, visit);
      }
    }
  }

  function resolveSdk(identifier: TSESTree.Identifier): SdkName | undefined {
    return resolveSdkIdentifier(sourceCode, names(), identifier);
  }

  function entryFor(binding: CodeBinding, value: CodeValue): CodeEntry | undefined {
    const entry = binding.catalog.byValue(value);
    if (!entry || binding.accessor.group === undefined) return entry;
    return entry.groups.includes(binding.accessor.group) ? entry : undefined;
  }

  function constantText(binding: CodeBinding, entry: CodeEntry, at: TSESTree.Node): ConstantText {
    if (binding.accessor.binding) return userConstantText(binding, entry, at);
    const constants = binding.catalog.bindings.constants;
    const expression = binding.catalog.constantExpression(entry);
    if (!constants || expression === undefined) return { kind: 'unavailable', text: undefined };
    const base = expression.slice(0, expression.indexOf('.'));
    const rest = expression.slice(base.length);
    // A compatible import of the SDK under any local name: `import ParseSDK from 'parse'`.
    for (const [local, sdk] of names()) {
      if (sdk.catalog !== binding.catalog || !compatibleImport(sdk, constants.import.kind, base)) continue;
      const variable = ASTUtils.findVariable(sourceCode.getScope(at), local);
      const text = `${local}${rest}`;
      if (sdk.kind === 'global') {
        if (!variable || variable.defs.length === 0) return typed ? { kind: 'unavailable', text } : { kind: 'in-scope', text };
        continue;
      }
      if (variable && (variable.scope.type === ScopeType.module || variable.scope.block.type === AST_NODE_TYPES.Program)) {
        return { kind: 'in-scope', text };
      }
    }
    const taken = ASTUtils.findVariable(sourceCode.getScope(at), base) ?? sourceCode.scopeManager?.globalScope?.through.find((ref) => ref.identifier.name === base);
    if (taken || sourceCode.ast.sourceType !== 'module') return { kind: 'unavailable', text: expression };
    return { kind: 'needs-import', text: expression, importText: importStatement(constants.import) };
  }

  /**
   * A user binding's constants object (`CKErrorCode.zoneBusy`): in scope when the file has it;
   * otherwise read from its declaring file or package, with the import the file would need.
   */
  function userConstantText(binding: CodeBinding, entry: CodeEntry, at: TSESTree.Node): ConstantText {
    const specifier = binding.accessor.binding?.constants;
    if (specifier === undefined || !typed) return { kind: 'unavailable', text: undefined };
    const wanted = typeof specifier === 'string' ? [specifier] : [specifier.name].flat();
    for (const name of wanted) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
      const def = variable?.defs[0];
      if (!def) continue;
      const type = typeOf(def.name)!;
      if (!withoutCheckerFailure(() => valueMatchesSpecifier(def.name, specifier, program, type), false)) return { kind: 'unavailable', text: undefined };
      const property = propertyWithValue(type, entry.value);
      if (property !== undefined) return { kind: 'in-scope', text: `${name}.${property}` };
    }
    if (typeof specifier === 'string' || specifier.from === 'lib') return { kind: 'unavailable', text: undefined };
    const source = specifier.from === 'package' ? specifier.package : specifier.path;
    if (source === undefined) return { kind: 'unavailable', text: undefined };
    for (const name of wanted) {
      const declared = withoutCheckerFailure(() => exportedConstant(specifier.from === 'package' ? { module: source } : { file: source }, name), undefined);
      const property = declared && propertyWithValue(declared.type, entry.value);
      if (!declared || property === undefined) continue;
      const text = `${name}.${property}`;
      const taken = ASTUtils.findVariable(sourceCode.getScope(at), name) ?? sourceCode.scopeManager?.globalScope?.through.find((ref) => ref.identifier.name === name);
      if (taken || sourceCode.ast.sourceType !== 'module') return { kind: 'unavailable', text };
      return { kind: 'needs-import', text, importText: `import { ${name} } from '${declared.specifier}';` };
    }
    return { kind: 'unavailable', text: undefined };
  }

  /** The property of a constants object whose literal type is `value`. */
  function propertyWithValue(type: ts.Type, value: CodeValue): string | undefined {
    for (const property of type.getProperties()) {
      const values = literalValues(checker!.getTypeOfSymbol(property));
      if (values?.length === 1 && values[0] === value) return property.getName();
    }
    return undefined;
  }

  /** An exported value of a file (relative to the program's directory) or a package, and how this file imports it. */
  function exportedConstant(from: { file: string } | { module: string }, name: string): { type: ts.Type; specifier: string } | undefined {
    let sourceFile: ts.SourceFile | undefined;
    let specifier: string;
    if ('file' in from) {
      const target = path.resolve(program!.getCurrentDirectory(), from.file);
      sourceFile = program!.getSourceFile(target);
      const relative = path.relative(path.dirname(context.filename), target).replaceAll('\\', '/').replace(/\.(c|m)?tsx?$/, '');
      specifier = `${relative.startsWith('.') ? '' : './'}${relative}${relativeImportExtension()}`;
    } else {
      specifier = from.module;
      const resolved = ts.resolveModuleName(from.module, context.filename, program!.getCompilerOptions(), ts.sys).resolvedModule;
      sourceFile = resolved ? program!.getSourceFile(resolved.resolvedFileName) : undefined;
    }
    const moduleSymbol = sourceFile && checker!.getSymbolAtLocation(sourceFile);
    const exported = moduleSymbol && checker!.getExportsOfModule(moduleSymbol).find((symbol) => symbol.getName() === name);
    return exported ? { type: checker!.getTypeOfSymbol(exported), specifier } : undefined;
  }

  /** `.js` when the file's relative imports use it (or NodeNext resolution requires it), else none. */
  function relativeImportExtension(): string {
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !statement.source.value.startsWith('.')) continue;
      return /\.(c|m)?js$/.test(statement.source.value) ? '.js' : '';
    }
    const resolution = program!.getCompilerOptions().moduleResolution;
    return resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext ? '.js' : '';
  }

  function constantReference(node: TSESTree.MemberExpression): { catalog: Catalog; name: string } | undefined {
    const name = memberName(node);
    const base = baseIdentifier(node.object);
    if (name === undefined || !base || !names().has(base.name)) return undefined;
    const sdk = resolveSdk(base);
    if (!sdk?.catalog.bindings.constants) return undefined;
    const expression = sdk.catalog.bindings.constants.expression;
    const expectedPrefix = `${base.name}${expression.slice(expression.indexOf('.'), expression.lastIndexOf('.'))}`;
    return sourceCode.getText(node.object).replaceAll(/\s/g, '') === expectedPrefix ? { catalog: sdk.catalog, name } : undefined;
  }

  function isCatalogError(node: TSESTree.Node, catalog: Catalog): boolean {
    return typed && withoutCheckerFailure(() => typeIsCatalogError(typeOf(node)!, catalog, checker!), false);
  }

  function hasAccessorShape(node: TSESTree.Node): boolean {
    let target = skipWrappers(node);
    for (let converted = numericConversionOf(target); converted; converted = numericConversionOf(target)) target = skipWrappers(converted);
    return matchAccessors(index, target).length > 0;
  }

  function isAccessorName(name: string): boolean {
    return index.has(name);
  }

  return { settings, typed, bindCode, entryFor, hasAccessorShape, isAccessorName, resolveSdk, constantText, constantReference, isCatalogError };
}

/** `x` in `a.x` and `{ x: 1 }`: a name, not a reference. */
function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && parent.value !== node)
  );
}

/**
 * Runs a type query that TypeScript may fail with a TypeError from inside its checker (seen
 * under fuzzing, in getModuleSpecifiers, on invalid code). A failed query gives `fallback`:
 * the rule reports less, never crashes. Other errors propagate.
 */
function withoutCheckerFailure<T>(query: () => T, fallback: T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof TypeError) return fallback;
    throw error;
  }
}

function baseIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

function compatibleImport(sdk: SdkName, kind: 'default' | 'named' | 'namespace' | 'require', base: string): boolean {
  switch (kind) {
    case 'named':
      return sdk.kind === 'named' && sdk.imported === base;
    case 'default':
      return sdk.kind === 'default' || sdk.kind === 'require' || sdk.kind === 'global';
    case 'namespace':
    case 'require':
      return sdk.kind === 'default' || sdk.kind === 'namespace' || sdk.kind === 'require' || sdk.kind === 'global';
  }
}

function importStatement(source: { module: string; kind: string; name: string }): string {
  switch (source.kind) {
    case 'default':
      return `import ${source.name} from '${source.module}';`;
    case 'named':
      return `import { ${source.name} } from '${source.module}';`;
    case 'namespace':
      return `import * as ${source.name} from '${source.module}';`;
    default:
      return `import ${source.name} = require('${source.module}');`;
  }
}
