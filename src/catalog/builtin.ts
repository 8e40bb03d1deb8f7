import bkend from '../../catalogs/bkend.json' with { type: 'json' };
import cloudkitJs from '../../catalogs/cloudkit-js.json' with { type: 'json' };
import cloudkit from '../../catalogs/cloudkit.json' with { type: 'json' };
import drupal from '../../catalogs/drupal.json' with { type: 'json' };
import http from '../../catalogs/http.json' with { type: 'json' };
import parse from '../../catalogs/parse.json' with { type: 'json' };
import type { Catalog } from './catalog.js';
import { catalogFromData } from './load.js';

/** The catalogs that ship with the plugin, validated and indexed once per process. */
export const BUILTIN_CATALOGS: readonly Catalog[] = Object.freeze(
  [parse, drupal, cloudkitJs, cloudkit, bkend, http].map((data) => catalogFromData(data, `built-in catalog "${data.id}"`)),
);

export const BUILTIN_CATALOG_IDS: readonly string[] = BUILTIN_CATALOGS.map((catalog) => catalog.id);

export function builtinCatalog(id: string): Catalog {
  const catalog = BUILTIN_CATALOGS.find((candidate) => candidate.id === id);
  if (!catalog) throw new Error(`no built-in catalog "${id}"`);
  return catalog;
}
