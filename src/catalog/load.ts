import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import schema from '../../catalogs/catalog.schema.json' with { type: 'json' };
import { Catalog } from './catalog.js';
import { CatalogError } from './catalog-error.js';
import type { CatalogData } from './types.js';
import { createValidator, type Validator } from './validate.js';

const validateCatalog: Validator<CatalogData> = createValidator(schema);

/**
 * Validates parsed catalog JSON against `catalogs/catalog.schema.json` and the cross-field
 * checks, and indexes it. `origin` names the file in error messages.
 */
export function catalogFromData(data: unknown, origin: string): Catalog {
  validateCatalog(data, origin);
  return new Catalog(data, origin);
}

/** Parses catalog JSON text; a syntax error names the line and column. */
export function catalogFromText(text: string, origin: string): Catalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(origin, '', `is not valid JSON: ${describeJsonError(error, text)}`);
  }
  return catalogFromData(data, origin);
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)$/, '')} (line ${line}, column ${column})`;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  catalog: Catalog;
}

// Catalog files are immutable data; a file is read again only when it changes on disk.
const fileCache = new Map<string, CachedFile>();

/**
 * Loads a user catalog file: an absolute path, a `file:` URL, or a path relative to `cwd`.
 * Error messages name it as given.
 */
export function catalogFromFile(file: string, cwd: string): Catalog {
  const absolute = catalogPath(file, cwd);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    const hint = file.startsWith('file:') || path.isAbsolute(file)
      ? ''
      : ` (a relative path is resolved from ESLint's working directory, ${cwd}; write path.join(import.meta.dirname, '${file}') in eslint.config.js to resolve it from the config's folder)`;
    throw new CatalogError(file, '', `cannot be read: no file at ${absolute}${hint}`);
  }
  const cached = fileCache.get(absolute);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.catalog;
  const catalog = catalogFromText(readFileSync(absolute, 'utf8'), file);
  fileCache.set(absolute, { mtimeMs: stats.mtimeMs, size: stats.size, catalog });
  return catalog;
}

function catalogPath(file: string, cwd: string): string {
  if (!file.startsWith('file:')) return path.resolve(cwd, file);
  try {
    return fileURLToPath(file);
  } catch (error) {
    throw new CatalogError(file, '', `is not a file URL of this system: ${(error as Error).message}`);
  }
}
