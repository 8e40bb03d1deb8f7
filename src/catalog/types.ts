/** The shapes of catalog JSON, as `catalogs/catalog.schema.json` defines them. */

export type CodeKind = 'number' | 'string';
export type CodeValue = number | string;

export type RetryClass = 'never' | 'backoff' | 'after-delay' | 'after-refresh' | 'reauthenticate';
export const RETRY_CLASSES: readonly RetryClass[] = ['never', 'backoff', 'after-delay', 'after-refresh', 'reauthenticate'];

/**
 * - `aggregate`: the error wraps per-item errors (Parse 600, CKError partialFailure);
 * - `siblingFailed`: this item failed only because another item of an atomic batch failed; the
 *   code to act on is the other item's (CloudKit JS ATOMIC_ERROR, CKError batchRequestFailed);
 * - `clientOnly`: produced by the client or SDK, never sent by the server;
 * - `deprecated`: no longer returned, or marked deprecated by the system;
 * - `runtimeOnly`: exists at run time but not in the SDK's type declarations.
 */
export type CodeFlag = 'aggregate' | 'siblingFailed' | 'clientOnly' | 'deprecated' | 'runtimeOnly';
export const CODE_FLAGS: readonly CodeFlag[] = ['aggregate', 'siblingFailed', 'clientOnly', 'deprecated', 'runtimeOnly'];

export type CodeCategory =
  | 'auth'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'rate-limit'
  | 'network'
  | 'server'
  | 'config'
  | 'client'
  | 'batch'
  | 'other'
  | 'informational'
  | 'success'
  | 'redirect';

export interface SourceData {
  title: string;
  version?: string;
  location?: string;
}

export interface AliasData {
  name: string;
  source: string;
  /** Present only when the documentation gives the value a second, different meaning under this name. */
  meaning?: string;
}

export interface CodeData {
  name: string;
  value: CodeValue;
  constant: boolean;
  aliases?: AliasData[];
  meaning: string;
  category: CodeCategory;
  httpStatus?: number | number[];
  retry: RetryClass;
  flags?: CodeFlag[];
  groups?: string[];
  sources: string[];
  notes?: string;
}

export interface AccessorData {
  /** `code`, `error.code`, `getErrorCode()`. */
  path: string;
  group?: string;
  description?: string;
}

export interface ConstantsData {
  /** `Parse.Error.{NAME}` */
  expression: string;
  import: {
    module: string;
    kind: 'default' | 'named' | 'namespace' | 'require';
    name: string;
  };
}

export interface BindingsData {
  modules: string[];
  globals?: string[];
  baseUrls?: string[];
  errorTypes: { name: string; packages: string[] }[];
  accessors: AccessorData[];
  constructors?: string[];
  constants?: ConstantsData;
}

export interface CustomRangeData {
  from: number;
  to: number;
  meaning: string;
}

export interface CatalogData {
  $schema?: string;
  id: string;
  name: string;
  description: string;
  codeKind: CodeKind;
  sources: Record<string, SourceData>;
  customRanges?: CustomRangeData[];
  bindings: BindingsData;
  notes?: string[];
  codes: CodeData[];
}
