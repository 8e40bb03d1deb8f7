import path from 'node:path';

import { type TypeOrValueSpecifier, typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';

import { BUILTIN_CATALOGS } from './catalog/builtin.js';
import type { Catalog } from './catalog/catalog.js';
import { CatalogError, joinPointer } from './catalog/catalog-error.js';
import { catalogFromFile } from './catalog/load.js';
import { createValidator, type Validator } from './catalog/validate.js';
import { closestNames } from './closest-names.js';
import { ConfigurationError } from './configuration-error.js';

/** `settings['error-codes']` as users write it (plain JSON). */
export interface ErrorCodesSettings {
  /**
   * Extra catalog files (same schema as the built-in ones): absolute paths, `file:` URLs, or
   * paths relative to ESLint's working directory.
   */
  catalogs?: string[];
  /** The user's own types bound to a catalog. */
  bindings?: BindingSetting[];
  /**
   * Every linted file must have a TypeScript program. Set by the type-checked configs, unset by
   * `disable-type-checked`.
   */
  requireTypeInformation?: boolean;
  /** Test assertions whose expected value meets a code: `expect(err.code).toBe(209)`, `assert.equal(err.code, 209)`. */
  assertions?: AssertionSettings;
}

/** Names of the test assertions read as code sites; each list replaces its default. */
export interface AssertionSettings {
  /** Functions that start an expectation on their first argument: `expect(actual)`. */
  expect?: string[];
  /** Matchers that compare the expectation with one value or object: `toBe(209)`, `toEqual({ code: 209 })`, chai `equal(209)`. */
  matchers?: string[];
  /** Matchers that take a property path and a value: `toHaveProperty('code', 209)`, chai `property('code', 209)`. */
  propertyMatchers?: string[];
  /** Assertion functions with the actual and expected values as arguments: `assert.equal(err.code, 209)`, `strictEqual(…)`. */
  functions?: string[];
  /** Functions that define tests, suites and hooks (`describe`, `it`, `beforeEach`): a file that calls one at its top level is a test file. */
  tests?: string[];
}

/** The assertion names in force. */
export interface ResolvedAssertions {
  readonly expect: ReadonlySet<string>;
  readonly matchers: ReadonlySet<string>;
  readonly propertyMatchers: ReadonlySet<string>;
  /** Dotted names split into segments: `assert.equal` → ['assert', 'equal']. */
  readonly functions: readonly (readonly string[])[];
  readonly tests: ReadonlySet<string>;
}

const DEFAULT_ASSERTIONS: Readonly<Required<AssertionSettings>> = {
  expect: ['expect'],
  matchers: ['toBe', 'toEqual', 'toStrictEqual', 'toMatchObject', 'equal', 'equals', 'eq', 'eql', 'eqls'],
  propertyMatchers: ['toHaveProperty', 'property', 'ownProperty', 'haveOwnProperty'],
  functions: [
    'assert.equal',
    'assert.strictEqual',
    'assert.deepEqual',
    'assert.deepStrictEqual',
    'assert.notEqual',
    'assert.notStrictEqual',
    'assert.notDeepEqual',
    'assert.notDeepStrictEqual',
    'equal',
    'strictEqual',
    'notEqual',
    'notStrictEqual',
    'deepEqual',
    'deepStrictEqual',
  ],
  tests: ['describe', 'fdescribe', 'xdescribe', 'suite', 'it', 'fit', 'xit', 'test', 'specify', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'before', 'after'],
};

export interface BindingSetting {
  catalog: string;
  /** The error (or body) type whose `accessor` holds a code of `catalog`. */
  type: TypeOrValueSpecifier;
  /** Property path (`code`, `error.code`) or method call (`getErrorCode()`). */
  accessor: string;
  /** An object whose properties are the catalog's codes: read as codes where they are used, and written by fixes for this binding. */
  constants?: TypeOrValueSpecifier;
}

export const SETTINGS_KEY = 'error-codes';
const WHERE = `settings['${SETTINGS_KEY}']`;

const specifierSchema = typeOrValueSpecifiersSchema.items;

const namesSchema = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' }, uniqueItems: true } as const;

const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    catalogs: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    bindings: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['catalog', 'type', 'accessor'],
        properties: {
          catalog: { type: 'string', minLength: 1 },
          type: specifierSchema,
          accessor: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*(\\(\\))?(\\.[A-Za-z_$][A-Za-z0-9_$]*(\\(\\))?)*$' },
          constants: specifierSchema,
        },
      },
    },
    requireTypeInformation: { type: 'boolean' },
    assertions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        expect: namesSchema,
        matchers: namesSchema,
        propertyMatchers: namesSchema,
        functions: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$' }, uniqueItems: true },
        tests: namesSchema,
      },
    },
  },
} as const;

const validateSettings: Validator<ErrorCodesSettings> = createValidator(settingsSchema);

/** Settings after validation: every catalog (built-in first, then the user's), and the bindings. */
export interface ResolvedSettings {
  readonly catalogs: readonly Catalog[];
  readonly catalogById: ReadonlyMap<string, Catalog>;
  readonly bindings: readonly BindingSetting[];
  readonly requireTypeInformation: boolean;
  readonly assertions: ResolvedAssertions;
}

const DEFAULT_SETTINGS: ResolvedSettings = resolve({}, process.cwd());

// ESLint hands every file of a run the same settings object; resolve it once per object.
const resolved = new WeakMap<object, ResolvedSettings>();
const namespaceChecked = new WeakSet<object>();

/**
 * Reads `settings['error-codes']` from ESLint's shared settings. Invalid settings and
 * malformed user catalogs throw a {@link CatalogError} that names the setting or file; a
 * misspelt `settings['error-codes']` (`errorCodes`, `error_codes`) throws too, since ESLint
 * would ignore it without a word.
 */
export function getSettings(settings: Readonly<Record<string, unknown>>, cwd: string): ResolvedSettings {
  assertNamespaceSpelling(settings);
  const raw = settings[SETTINGS_KEY];
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || raw === null) {
    validateSettings(raw, WHERE);
    return DEFAULT_SETTINGS;
  }
  let result = resolved.get(raw);
  if (!result) {
    result = resolve(raw, cwd);
    resolved.set(raw, result);
  }
  return result;
}

function assertNamespaceSpelling(settings: object): void {
  if (namespaceChecked.has(settings)) return;
  for (const key of Object.keys(settings)) {
    if (key === SETTINGS_KEY) continue;
    if (closestNames(key.replace(/^eslint-plugin-/, ''), [SETTINGS_KEY], { minContained: Infinity }).length > 0) {
      throw new ConfigurationError(`unknown settings key "${key}"; did you mean '${SETTINGS_KEY}'? The plugin reads its settings from settings['${SETTINGS_KEY}'].`);
    }
  }
  namespaceChecked.add(settings);
}

function resolve(raw: unknown, cwd: string): ResolvedSettings {
  rejectUrlObjects(raw);
  validateSettings(raw, WHERE);
  const catalogById = new Map(BUILTIN_CATALOGS.map((catalog) => [catalog.id, catalog]));
  (raw.catalogs ?? []).forEach((file, index) => {
    const catalog = catalogFromFile(file, cwd);
    const existing = catalogById.get(catalog.id);
    if (existing) {
      throw new CatalogError(
        WHERE,
        joinPointer('catalogs', index),
        `the catalog in "${file}" has the id "${catalog.id}", which ${existing.origin.startsWith('built-in') ? 'a built-in catalog' : `"${existing.origin}"`} already uses`,
      );
    }
    catalogById.set(catalog.id, catalog);
  });
  (raw.bindings ?? []).forEach((binding, index) => {
    if (!catalogById.has(binding.catalog)) {
      throw new CatalogError(
        WHERE,
        joinPointer('bindings', index, 'catalog'),
        `unknown catalog "${binding.catalog}"; known catalogs: ${[...catalogById.keys()].join(', ')}`,
      );
    }
    for (const field of ['type', 'constants'] as const) {
      const specifier = binding[field];
      if (typeof specifier === 'object' && specifier.from === 'file' && specifier.path !== undefined && path.isAbsolute(specifier.path)) {
        throw new CatalogError(
          WHERE,
          joinPointer('bindings', index, field, 'path'),
          `must be relative to the folder of the tsconfig.json that includes the linted file, as typescript-eslint reads it (found the absolute path "${specifier.path}")`,
        );
      }
    }
  });
  return Object.freeze({
    catalogs: Object.freeze([...catalogById.values()]),
    catalogById,
    bindings: Object.freeze(raw.bindings ?? []),
    requireTypeInformation: raw.requireTypeInformation ?? false,
    assertions: resolveAssertions(raw.assertions ?? {}),
  });
}

/**
 * `new URL('./errors/my-api.json', import.meta.url)` is no plain JSON (ESLint's cache would hash
 * it as `{}`): catalogs take a path or the URL's `href`.
 */
function rejectUrlObjects(raw: unknown): void {
  const catalogs = (raw as ErrorCodesSettings | undefined)?.catalogs;
  if (!Array.isArray(catalogs)) return;
  catalogs.forEach((file: unknown, index) => {
    if (file instanceof URL) {
      throw new CatalogError(WHERE, joinPointer('catalogs', index), `must be a string, not a URL object: write path.join(import.meta.dirname, …) or the URL's href (found the URL ${file.href})`);
    }
  });
}

function resolveAssertions(raw: AssertionSettings): ResolvedAssertions {
  const names = { ...DEFAULT_ASSERTIONS, ...raw };
  return Object.freeze({
    expect: new Set(names.expect),
    matchers: new Set(names.matchers),
    propertyMatchers: new Set(names.propertyMatchers),
    functions: Object.freeze(names.functions.map((name) => Object.freeze(name.split('.')))),
    tests: new Set(names.tests),
  });
}
