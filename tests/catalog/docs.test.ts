import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { BUILTIN_CATALOGS, builtinCatalog } from '../../src/catalog/builtin.js';
import { renderCatalogMarkdown } from '../../src/catalog/markdown.js';

describe('generated catalog pages', () => {
  it.each(BUILTIN_CATALOGS.map((catalog) => [catalog.id, catalog] as const))('docs/catalogs/%s.md is up to date (npm run docs)', (id, catalog) => {
    const page = readFileSync(new URL(`../../docs/catalogs/${id}.md`, import.meta.url), 'utf8');
    expect(page).toBe(renderCatalogMarkdown(catalog));
  });

  it('lists every code with its constant expression where the SDK has one', () => {
    const page = renderCatalogMarkdown(BUILTIN_CATALOGS[0]!);
    expect(page).toContain('| `Parse.Error.INVALID_SESSION_TOKEN` | `209` |');
    expect(page).toContain('Also documented as UserInvalidLoginParams');
  });

  it('explains the flags a catalog uses and lists their codes', () => {
    const page = renderCatalogMarkdown(builtinCatalog('cloudkit-js'));
    expect(page).toContain(
      "- `siblingFailed`: this item failed only because another item of an atomic batch failed; the code to act on is the other item's: `ATOMIC_ERROR`.",
    );
    expect(page).not.toContain('- `aggregate`:');
    expect(renderCatalogMarkdown(builtinCatalog('cloudkit'))).toContain('- `aggregate`: the error wraps per-item errors; act on those, not on this code: `partialFailure` (2).\n');
  });
});
