import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { BUILTIN_CATALOGS, builtinCatalog } from '../../src/catalog/builtin.js';
import { CatalogError } from '../../src/catalog/catalog-error.js';
import { catalogFromData, catalogFromFile, catalogFromText } from '../../src/catalog/load.js';
import schema from '../../catalogs/catalog.schema.json' with { type: 'json' };
import { CODE_FLAGS, type CatalogData, RETRY_CLASSES } from '../../src/catalog/types.js';
import { getSettings } from '../../src/settings.js';

function minimalCatalog(): CatalogData {
  return {
    id: 'my-api',
    name: 'My API',
    description: 'Errors of my API.',
    codeKind: 'number',
    sources: { docs: { title: 'My API reference' } },
    bindings: {
      modules: ['my-api'],
      errorTypes: [{ name: 'MyApiError', packages: ['my-api'] }],
      accessors: [{ path: 'code' }],
      constants: { expression: 'MyApiError.{NAME}', import: { module: 'my-api', kind: 'named', name: 'MyApiError' } },
    },
    codes: [
      { name: 'NOT_FOUND', value: 1, constant: true, meaning: 'Nothing there', category: 'not-found', retry: 'never', sources: ['docs'] },
      { name: 'BUSY', value: 2, constant: true, meaning: 'Try later', category: 'server', retry: 'backoff', sources: ['docs'] },
    ],
  };
}

/** The message of the CatalogError that `run` throws. */
function catalogErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as Error).message;
  }
  throw new Error('expected a CatalogError, nothing was thrown');
}

describe('built-in catalogs', () => {
  it('are the six systems, each passing the schema and the cross-field checks', () => {
    expect(BUILTIN_CATALOGS.map((catalog) => catalog.id)).toEqual(['parse', 'drupal', 'cloudkit-js', 'cloudkit', 'bkend', 'http']);
  });

  it.each(BUILTIN_CATALOGS.map((catalog) => [catalog.id, catalog] as const))('%s has notes and sources for every code', (_id, catalog) => {
    expect(catalog.notes.length).toBeGreaterThan(0);
    for (const entry of catalog.codes) expect(entry.sources.length).toBeGreaterThan(0);
  });

  it('the schema allows exactly the flags and retry classes the types name', () => {
    expect(schema.$defs.code.properties.flags.items.enum).toEqual(CODE_FLAGS);
    expect(schema.$defs.code.properties.retry.enum).toEqual(RETRY_CLASSES);
  });

  it('flag atomic-batch markers siblingFailed, not aggregate', () => {
    expect(builtinCatalog('cloudkit-js').byName('ATOMIC_ERROR')?.flags).toEqual(['siblingFailed']);
    expect(builtinCatalog('cloudkit').byName('batchRequestFailed')?.flags).toEqual(['siblingFailed']);
    expect(builtinCatalog('cloudkit').byName('partialFailure')?.flags).toEqual(['aggregate']);
  });

  it('are frozen', () => {
    const parse = builtinCatalog('parse');
    expect(Object.isFrozen(parse.codes[0])).toBe(true);
    expect(() => {
      (parse.bindings.modules as string[]).push('x');
    }).toThrow(TypeError);
  });
});

describe('lookups', () => {
  const parse = builtinCatalog('parse');

  it('finds codes by value, constant name and documentation alias', () => {
    expect(parse.byValue(209)?.name).toBe('INVALID_SESSION_TOKEN');
    expect(parse.byName('INVALID_SESSION_TOKEN')?.value).toBe(209);
    expect(parse.byName('InvalidSessionToken')?.name).toBe('INVALID_SESSION_TOKEN');
    expect(parse.byName('InvalidFieldName')?.name).toBe('INVALID_KEY_NAME');
    expect(parse.byValue(212)).toBeUndefined();
    expect(parse.byName('INVALID_PASSWORD')).toBeUndefined();
  });

  it('keeps second documented meanings of one number apart from the constant', () => {
    const entry = parse.byValue(101);
    expect(entry?.name).toBe('OBJECT_NOT_FOUND');
    expect(entry?.otherMeanings.map((alias) => alias.name)).toEqual(['UserInvalidLoginParams']);
    expect(parse.byValue(141)?.otherMeanings.length).toBeGreaterThanOrEqual(4);
  });

  it('writes constant expressions only for codes the SDK declares', () => {
    expect(parse.constantExpression(parse.byValue(209)!)).toBe('Parse.Error.INVALID_SESSION_TOKEN');
    expect(parse.constantExpression(parse.byValue(150)!)).toBeUndefined();
    const cloudkitJs = builtinCatalog('cloudkit-js');
    expect(cloudkitJs.constantExpression(cloudkitJs.byValue('THROTTLED')!)).toBe('CloudKit.CKError.THROTTLED');
    expect(cloudkitJs.constantExpression(cloudkitJs.byValue('ZONE_BUSY')!)).toBeUndefined();
  });

  it('suggests close names', () => {
    expect(builtinCatalog('cloudkit-js').closestNames('THROTTLE')[0]).toBe('THROTTLED');
    expect(parse.closestNames('INVALID_SESION_TOKEN')[0]).toBe('INVALID_SESSION_TOKEN');
    expect(builtinCatalog('bkend').closestNames('data/not-fund')[0]).toBe('data/not-found');
    expect(parse.closestNames('COMPLETELY_DIFFERENT_THING')).toEqual([]);
  });

  it('knows application-defined ranges', () => {
    expect(parse.customRange(9001)).toBeDefined();
    expect(parse.customRange(4000)).toBeUndefined();
  });
});

describe('loader errors', () => {
  it('accepts the minimal catalog', () => {
    expect(catalogFromData(minimalCatalog(), 'my-api.json').byValue(2)?.name).toBe('BUSY');
  });

  it('names line and column of a JSON syntax error', () => {
    expect(catalogErrorOf(() => catalogFromText('{\n  "id": "x",\n  oops\n}', 'errors/my-api.json'))).toMatch(
      /^eslint-plugin-error-codes: errors\/my-api\.json: is not valid JSON: .*\(line 3, column 3\)$/,
    );
  });

  it('names the field and the allowed values of a schema violation', () => {
    const data = minimalCatalog() as unknown as { codes: { retry: string }[] };
    data.codes[1]!.retry = 'sometimes';
    expect(catalogErrorOf(() => catalogFromData(data, 'errors/my-api.json'))).toBe(
      'eslint-plugin-error-codes: errors/my-api.json at /codes/1/retry: must be one of "never", "backoff", "after-delay", "after-refresh", "reauthenticate" (found "sometimes")',
    );
  });

  it('names a missing required property', () => {
    const data = minimalCatalog() as Partial<CatalogData>;
    delete data.codeKind;
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json: missing required property "codeKind"',
    );
  });

  it('names an unexpected property', () => {
    const data = { ...minimalCatalog(), extra: true };
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe('eslint-plugin-error-codes: a.json: unexpected property "extra"');
  });

  it('rejects a duplicate value that is not written as an alias', () => {
    const data = minimalCatalog();
    data.codes[1]!.value = 1;
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json at /codes/1/value: value 1 is already used by NOT_FOUND; a value appears once per catalog, so give "BUSY" as an alias of NOT_FOUND (with its own "meaning" if it means something else)',
    );
  });

  it('rejects a name that another code already uses as an alias', () => {
    const data = minimalCatalog();
    data.codes[0]!.aliases = [{ name: 'BUSY', source: 'docs' }];
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json at /codes/1/name: the name "BUSY" is already used by the code NOT_FOUND (1)',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the prototype key %s', (key) => {
    const text = `{"id":"x","sources":{"${key}":{"title":"t"}}}`;
    expect(catalogErrorOf(() => catalogFromText(text, 'a.json'))).toBe(
      `eslint-plugin-error-codes: a.json at /sources/${key}: the key "${key}" is not allowed`,
    );
  });

  it('does not let a __proto__ key change any prototype', () => {
    expect(() => catalogFromText('{"__proto__":{"polluted":true}}', 'a.json')).toThrow(CatalogError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects a value of the wrong kind', () => {
    const data = minimalCatalog() as unknown as { codes: { value: unknown }[] };
    data.codes[0]!.value = 'NOT_FOUND';
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json at /codes/0/value: must be a number because "codeKind" is "number" (found "NOT_FOUND")',
    );
  });

  it('rejects an unknown source id', () => {
    const data = minimalCatalog();
    data.codes[0]!.sources = ['docs', 'blog'];
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json at /codes/0/sources/1: unknown source "blog"; the catalog\'s "sources" declares "docs"',
    );
  });

  it('rejects constants without a constant expression', () => {
    const data = minimalCatalog();
    delete data.bindings.constants;
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toMatch(/at \/codes\/0\/constant: is true, but the catalog declares no "bindings.constants"/);
  });

  it('rejects an accessor group no code belongs to', () => {
    const data = minimalCatalog();
    data.bindings.accessors.push({ path: 'error.code', group: 'domain' });
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json at /bindings/accessors/1/group: no code belongs to the group "domain"',
    );
  });

  it('rejects a custom range that ends before it starts', () => {
    const data = { ...minimalCatalog(), customRanges: [{ from: 10, to: 5, meaning: 'app' }] };
    expect(catalogErrorOf(() => catalogFromData(data, 'a.json'))).toBe(
      'eslint-plugin-error-codes: a.json at /customRanges/0: "from" (10) is greater than "to" (5)',
    );
  });

  it('names a file that does not exist', () => {
    expect(catalogErrorOf(() => catalogFromFile('errors/missing.json', '/nonexistent'))).toMatch(
      /^eslint-plugin-error-codes: errors\/missing\.json: cannot be read: no file at /,
    );
  });
});

describe("settings['error-codes']", () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'error-codes-settings-'));
  writeFileSync(path.join(folder, 'my-api.json'), JSON.stringify(minimalCatalog()));
  writeFileSync(path.join(folder, 'broken.json'), '{ "id": ');
  writeFileSync(path.join(folder, 'parse-again.json'), JSON.stringify({ ...minimalCatalog(), id: 'parse' }));

  it('defaults to the built-in catalogs', () => {
    expect(getSettings({}, folder).catalogs).toEqual(BUILTIN_CATALOGS);
    expect(getSettings({ 'error-codes': {} }, folder).catalogs).toEqual(BUILTIN_CATALOGS);
  });

  it('loads user catalogs relative to the working directory', () => {
    const settings = getSettings({ 'error-codes': { catalogs: ['my-api.json'] } }, folder);
    expect(settings.catalogById.get('my-api')?.byValue(1)?.name).toBe('NOT_FOUND');
    expect(settings.catalogs).toHaveLength(7);
  });

  it('resolves one settings object once', () => {
    const shared = { 'error-codes': { catalogs: ['my-api.json'] } };
    expect(getSettings(shared, folder)).toBe(getSettings(shared, folder));
  });

  it('reports a broken user catalog with its file name', () => {
    expect(catalogErrorOf(() => getSettings({ 'error-codes': { catalogs: ['broken.json'] } }, folder))).toMatch(
      /^eslint-plugin-error-codes: broken\.json: is not valid JSON: /,
    );
  });

  it('rejects a user catalog that reuses a built-in id', () => {
    expect(catalogErrorOf(() => getSettings({ 'error-codes': { catalogs: ['parse-again.json'] } }, folder))).toBe(
      'eslint-plugin-error-codes: settings[\'error-codes\'] at /catalogs/0: the catalog in "parse-again.json" has the id "parse", which a built-in catalog already uses',
    );
  });

  it('rejects a binding to an unknown catalog', () => {
    const settings = { 'error-codes': { bindings: [{ catalog: 'cloudkt', type: 'NativeError', accessor: 'code' }] } };
    expect(catalogErrorOf(() => getSettings(settings, folder))).toBe(
      "eslint-plugin-error-codes: settings['error-codes'] at /bindings/0/catalog: unknown catalog \"cloudkt\"; known catalogs: parse, drupal, cloudkit-js, cloudkit, bkend, http",
    );
  });

  it('rejects a malformed binding', () => {
    const settings = { 'error-codes': { bindings: [{ catalog: 'cloudkit', type: 'NativeError', accessor: 'code.' }] } };
    expect(catalogErrorOf(() => getSettings(settings, folder))).toMatch(/at \/bindings\/0\/accessor: must match /);
    const missing = { 'error-codes': { bindings: [{ catalog: 'cloudkit', accessor: 'code' }] } };
    expect(catalogErrorOf(() => getSettings(missing, folder))).toBe(
      "eslint-plugin-error-codes: settings['error-codes'] at /bindings/0: missing required property \"type\"",
    );
  });

  it('rejects unknown settings and a non-object', () => {
    expect(catalogErrorOf(() => getSettings({ 'error-codes': { catalog: [] } }, folder))).toBe(
      "eslint-plugin-error-codes: settings['error-codes']: unexpected property \"catalog\"; did you mean \"catalogs\"?",
    );
    expect(catalogErrorOf(() => getSettings({ 'error-codes': 'parse' }, folder))).toMatch(/settings\['error-codes'\]: must be object/);
  });
});
