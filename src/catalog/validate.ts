import { Ajv2020, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

import { closestNames } from '../closest-names.js';
import { CatalogError, joinPointer } from './catalog-error.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Compiles a JSON Schema once and returns a function that throws a {@link CatalogError}
 * for the first problem in a document. Keys that could reach an object prototype
 * (`__proto__`, `constructor`, `prototype`) are rejected anywhere in the document.
 */
export type Validator<T> = (data: unknown, where: string) => asserts data is T;

export function createValidator<T>(schema: object): Validator<T> {
  let validate: ValidateFunction | undefined;
  return (data, where) => {
    rejectPrototypeKeys(data, where, '');
    validate ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(schema);
    if (validate(data)) return;
    const error = mostSpecificError(validate.errors ?? []);
    throw new CatalogError(where, error?.instancePath ?? '', error ? describeError(error) : 'does not match the schema');
  };
}

function rejectPrototypeKeys(value: unknown, where: string, pointer: string): void {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    const child = `${pointer}${joinPointer(key)}`;
    if (FORBIDDEN_KEYS.has(key)) {
      throw new CatalogError(where, child, `the key "${key}" is not allowed`);
    }
    rejectPrototypeKeys((value as Record<string, unknown>)[key], where, child);
  }
}

/** The deepest error, preferring concrete errors over the `oneOf` / `anyOf` summaries. */
function mostSpecificError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    if (!best || error.instancePath.length > best.instancePath.length) best = error;
  }
  return best ?? errors[0];
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties':
      return `unexpected property "${String(params['additionalProperty'])}"${didYouMean(String(params['additionalProperty']), error.parentSchema)}`;
    case 'required':
      return `missing required property "${String(params['missingProperty'])}"`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (found ${JSON.stringify(error.data)})`;
    case 'type':
      return `must be ${String(params['type']).replace(',', ' or ')} (found ${JSON.stringify(error.data)})`;
    case 'pattern':
      return `must match ${String(params['pattern'])} (found ${JSON.stringify(error.data)})`;
    default:
      return error.message ?? `fails "${error.keyword}"`;
  }
}

/** `; did you mean "catalogs"?` for a property name close to one the schema allows, else `''`. */
function didYouMean(property: string, schema: AnySchemaObject | undefined): string {
  const [closest] = closestNames(property, Object.keys((schema?.['properties'] as object | undefined) ?? {}), { max: 1 });
  return closest === undefined ? '' : `; did you mean "${closest}"?`;
}
