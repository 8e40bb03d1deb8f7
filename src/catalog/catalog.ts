import { closestNames } from '../closest-names.js';
import { CatalogError, joinPointer } from './catalog-error.js';
import type {
  AliasData,
  BindingsData,
  CatalogData,
  CodeCategory,
  CodeData,
  CodeFlag,
  CodeKind,
  CodeValue,
  CustomRangeData,
  RetryClass,
  SourceData,
} from './types.js';

/** One code of a catalog, as rules see it. Immutable. */
export interface CodeEntry {
  readonly catalogId: string;
  readonly name: string;
  readonly value: CodeValue;
  /** The SDK's declarations have this constant, so the catalog's constant expression compiles for it. */
  readonly constant: boolean;
  readonly aliases: readonly AliasData[];
  readonly meaning: string;
  /** Second meanings the documentation gives the same value under other names. */
  readonly otherMeanings: readonly AliasData[];
  readonly category: CodeCategory;
  readonly httpStatus: readonly number[];
  readonly retry: RetryClass;
  readonly flags: readonly CodeFlag[];
  readonly groups: readonly string[];
  readonly sources: readonly string[];
  readonly notes: string | undefined;
}

/** A validated, indexed catalog. Lookups by value and by name (or alias) are constant time. */
export class Catalog {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly codeKind: CodeKind;
  readonly sources: Readonly<Record<string, SourceData>>;
  readonly customRanges: readonly CustomRangeData[];
  readonly bindings: Readonly<BindingsData>;
  readonly notes: readonly string[];
  readonly codes: readonly CodeEntry[];
  /** Where the catalog was loaded from (a path, or `built-in`). */
  readonly origin: string;

  readonly #byValue = new Map<CodeValue, CodeEntry>();
  readonly #byName = new Map<string, CodeEntry>();

  constructor(data: CatalogData, origin: string) {
    this.id = data.id;
    this.name = data.name;
    this.description = data.description;
    this.codeKind = data.codeKind;
    this.sources = data.sources;
    this.customRanges = data.customRanges ?? [];
    this.bindings = data.bindings;
    this.notes = data.notes ?? [];
    this.origin = origin;
    checkCatalog(data, origin);
    this.codes = data.codes.map((code) => freezeEntry(data.id, code));
    data.codes.forEach((code, index) => this.#index(this.codes[index]!, code, index, origin));
    deepFreeze(data);
    Object.freeze(this);
  }

  #index(entry: CodeEntry, code: CodeData, index: number, origin: string): void {
    const previous = this.#byValue.get(entry.value);
    if (previous) {
      throw new CatalogError(
        origin,
        joinPointer('codes', index, 'value'),
        `value ${JSON.stringify(entry.value)} is already used by ${previous.name}; a value appears once per catalog, so give "${entry.name}" as an alias of ${previous.name} (with its own "meaning" if it means something else)`,
      );
    }
    this.#byValue.set(entry.value, entry);
    const names: [string, string][] = [[entry.name, joinPointer('codes', index, 'name')]];
    (code.aliases ?? []).forEach((alias, aliasIndex) =>
      names.push([alias.name, joinPointer('codes', index, 'aliases', aliasIndex, 'name')]),
    );
    for (const [name, pointer] of names) {
      const owner = this.#byName.get(name);
      if (owner) {
        throw new CatalogError(origin, pointer, `the name "${name}" is already used by the code ${owner.name} (${String(owner.value)})`);
      }
      this.#byName.set(name, entry);
    }
  }

  /** The entry with this run-time value. */
  byValue(value: CodeValue): CodeEntry | undefined {
    return this.#byValue.get(value);
  }

  /** The entry with this name or alias. */
  byName(name: string): CodeEntry | undefined {
    return this.#byName.get(name);
  }

  /** The custom range (application-defined codes) that holds this value, if any. */
  customRange(value: CodeValue): CustomRangeData | undefined {
    if (typeof value !== 'number') return undefined;
    return this.customRanges.find((range) => value >= range.from && value <= range.to);
  }

  /** The source code that names this entry with the SDK's constant, e.g. `Parse.Error.INVALID_SESSION_TOKEN`. */
  constantExpression(entry: CodeEntry): string | undefined {
    const constants = this.bindings.constants;
    if (!constants || !entry.constant) return undefined;
    return constants.expression.replace('{NAME}', entry.name);
  }

  /** Up to `max` names or aliases close to `name`: the answer to "did you mean …?" (see {@link closestNames}). */
  closestNames(name: string, max = 3): string[] {
    return closestNames(name, this.#byName.keys(), { max });
  }
}

function freezeEntry(catalogId: string, code: CodeData): CodeEntry {
  const aliases = code.aliases ?? [];
  return Object.freeze({
    catalogId,
    name: code.name,
    value: code.value,
    constant: code.constant,
    aliases,
    meaning: code.meaning,
    otherMeanings: aliases.filter((alias) => alias.meaning !== undefined),
    category: code.category,
    httpStatus: code.httpStatus === undefined ? [] : [code.httpStatus].flat(),
    retry: code.retry,
    flags: code.flags ?? [],
    groups: code.groups ?? [],
    sources: code.sources,
    notes: code.notes,
  });
}

/** Checks the schema cannot express: cross references between fields. */
function checkCatalog(data: CatalogData, origin: string): void {
  const groups = new Set<string>();
  data.codes.forEach((code, index) => {
    if (typeof code.value !== data.codeKind) {
      throw new CatalogError(
        origin,
        joinPointer('codes', index, 'value'),
        `must be a ${data.codeKind} because "codeKind" is "${data.codeKind}" (found ${JSON.stringify(code.value)})`,
      );
    }
    code.sources.forEach((source, sourceIndex) => checkSource(data, origin, source, joinPointer('codes', index, 'sources', sourceIndex)));
    (code.aliases ?? []).forEach((alias, aliasIndex) =>
      checkSource(data, origin, alias.source, joinPointer('codes', index, 'aliases', aliasIndex, 'source')),
    );
    if (code.constant && !data.bindings.constants) {
      throw new CatalogError(
        origin,
        joinPointer('codes', index, 'constant'),
        'is true, but the catalog declares no "bindings.constants" expression to write the constant with',
      );
    }
    for (const group of code.groups ?? []) groups.add(group);
  });
  data.bindings.accessors.forEach((accessor, index) => {
    if (accessor.group !== undefined && !groups.has(accessor.group)) {
      throw new CatalogError(
        origin,
        joinPointer('bindings', 'accessors', index, 'group'),
        `no code belongs to the group "${accessor.group}"`,
      );
    }
  });
  (data.customRanges ?? []).forEach((range, index) => {
    if (range.from > range.to) {
      throw new CatalogError(origin, joinPointer('customRanges', index), `"from" (${range.from}) is greater than "to" (${range.to})`);
    }
  });
}

function checkSource(data: CatalogData, origin: string, source: string, pointer: string): void {
  if (!Object.hasOwn(data.sources, source)) {
    throw new CatalogError(
      origin,
      pointer,
      `unknown source "${source}"; the catalog's "sources" declares ${Object.keys(data.sources).map((key) => `"${key}"`).join(', ')}`,
    );
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
