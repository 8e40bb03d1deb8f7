/** Every code of the documentation pages the catalogs were built from is in its catalog. */
import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { builtinCatalog } from '../../src/catalog/builtin.js';

interface DocumentedCodes {
  catalog: string;
  document: string;
  codes: { name: string; value?: number | string; httpStatus?: number }[];
}

const folder = new URL('../fixtures/documented-codes/', import.meta.url);
const documents = readdirSync(folder).map(
  (file) => JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as DocumentedCodes,
);

describe('documented codes', () => {
  it('covers every catalog that has a source document', () => {
    expect(documents.map((document) => document.catalog).sort()).toEqual(['bkend', 'cloudkit', 'cloudkit-js', 'drupal', 'parse']);
  });

  for (const document of documents) {
    describe(document.catalog, () => {
      const catalog = builtinCatalog(document.catalog);
      it.each(document.codes.map((code) => [code.name, code] as const))('has %s', (_name, code) => {
        const entry = catalog.byName(code.name);
        expect(entry, `${code.name} is missing`).toBeDefined();
        if (code.value !== undefined) expect(entry?.value).toBe(code.value);
        if (code.httpStatus !== undefined) expect(entry?.httpStatus).toContain(code.httpStatus);
        expect(entry?.sources).toContain('seed');
      });
    });
  }
});
