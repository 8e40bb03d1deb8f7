/** Writes docs/catalogs/<id>.md for every built-in catalog. `--check` fails when a page is stale. */
import { readFileSync, writeFileSync } from 'node:fs';

import { BUILTIN_CATALOGS } from '../src/catalog/builtin.js';
import { renderCatalogMarkdown } from '../src/catalog/markdown.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const catalog of BUILTIN_CATALOGS) {
  const file = new URL(`../docs/catalogs/${catalog.id}.md`, import.meta.url);
  const expected = renderCatalogMarkdown(catalog);
  let actual: string | undefined;
  try {
    actual = readFileSync(file, 'utf8');
  } catch {
    actual = undefined;
  }
  if (actual === expected) continue;
  if (check) {
    stale += 1;
    console.error(`docs/catalogs/${catalog.id}.md is stale: run npm run docs`);
  } else {
    writeFileSync(file, expected);
    console.log(`wrote docs/catalogs/${catalog.id}.md`);
  }
}
process.exitCode = stale === 0 ? 0 : 1;
