/**
 * What every part of the binding needs to know about one file: its source, settings, program
 * and checker (when typed), and the names through which it reaches each SDK. Created once per
 * file; nothing in it outlives the file.
 */
import path from 'node:path';

import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { getSettings, type ResolvedSettings } from '../settings.js';
import { assertTypeInformation } from '../type-information.js';
import { type BenchCounts, benchCounts, countedChecker } from './bench-counters.js';
import { moduleExportsOf, resolveRelativeModule } from './reexports.js';
import { collectSdkNames, type ModuleExportsReader, resolveSdkIdentifier, type SdkName } from './sdk-names.js';

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface BindingContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly settings: ResolvedSettings;
  /** Whether the file has a TypeScript program. */
  readonly typed: boolean;
  readonly services: ParserServicesWithTypeInformation | undefined;
  readonly program: ts.Program | null;
  readonly checker: ts.TypeChecker | undefined;
  readonly counts: BenchCounts | undefined;
  /** The node's type; `any` when TypeScript fails on it; `undefined` without a program. */
  typeOf(node: TSESTree.Node): ts.Type | undefined;
  /** Imports, requires and used globals of the catalogs' SDKs, by local name (computed on first use). */
  sdkNames(): ReadonlyMap<string, SdkName>;
  /** The SDK a reference (`Parse`, `DrupalError`, `CloudKit`) resolves to, with shadowing checked. */
  resolveSdk(identifier: TSESTree.Identifier): SdkName | undefined;
}

export function createBindingContext(context: RuleContext): BindingContext {
  assertTypeInformation(context);
  const settings = getSettings(context.settings, context.cwd);
  const { sourceCode } = context;
  // Without @typescript-eslint/parser (plain JavaScript with espree) there are no services at all.
  const services = sourceCode.parserServices?.program ? (sourceCode.parserServices as ParserServicesWithTypeInformation) : undefined;
  const program = services?.program ?? null;
  const counts = benchCounts('analysis');
  const checker = program ? countedChecker(program.getTypeChecker(), counts) : undefined;
  let names: Map<string, SdkName> | undefined;
  // A file without a path (`<input>`, stdin) has no neighbours to read.
  const moduleExports: ModuleExportsReader | undefined = path.isAbsolute(context.filename)
    ? (specifier) => {
        const file = resolveRelativeModule(context.filename, specifier);
        return file === undefined ? undefined : moduleExportsOf(file, program);
      }
    : undefined;
  const sdkNames = (): Map<string, SdkName> => (names ??= collectSdkNames(sourceCode, settings.catalogs, moduleExports));

  return {
    sourceCode,
    filename: context.filename,
    settings,
    typed: program !== null,
    services,
    program,
    checker,
    counts,
    typeOf(node) {
      if (!services) return undefined;
      if (counts) counts.checkerCalls += 1;
      // Seen under fuzzing: TypeScript's node builder can throw a TypeError (getModuleSpecifiers
      // without an enclosing file) while typing invalid code such as `new DrupalError(100)` with
      // `import { type DrupalError }`. Such an expression is treated as `any`, never as a crash.
      return withoutCheckerFailure(
        () => services.getTypeAtLocation(node),
        () => checker!.getAnyType(),
      );
    },
    sdkNames,
    resolveSdk(identifier) {
      return resolveSdkIdentifier(sourceCode, sdkNames(), identifier);
    },
  };
}

let checkerFailures = 0;

/**
 * Runs a type query that TypeScript may fail with a TypeError from inside its checker (seen
 * under fuzzing, in getModuleSpecifiers, on invalid code). A failed query gives the fallback:
 * the rule reports less, never crashes. Other errors propagate. Each failure is counted, so that
 * a test run can tell that none happened (see `checkerFailureCount`).
 */
export function withoutCheckerFailure<T>(query: () => T, fallback: () => T): T {
  try {
    return query();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    checkerFailures += 1;
    return fallback();
  }
}

/** How many type queries TypeScript has failed in this process so far (each gave its fallback). */
export function checkerFailureCount(): number {
  return checkerFailures;
}
