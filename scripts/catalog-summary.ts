/** Prints one line per built-in catalog: codes, constants, retry classes. */
import { BUILTIN_CATALOGS } from '../src/catalog/builtin.js';
import { RETRY_CLASSES } from '../src/catalog/types.js';

const rows = BUILTIN_CATALOGS.map((catalog) => {
  const retry = RETRY_CLASSES.map((retryClass) => `${retryClass} ${catalog.codes.filter((entry) => entry.retry === retryClass).length}`);
  const constants = catalog.codes.filter((entry) => entry.constant).length;
  return `${catalog.id.padEnd(12)} ${String(catalog.codes.length).padStart(4)} codes  ${String(constants).padStart(3)} SDK constants  ${retry.join(', ')}`;
});
console.log(['catalog         codes', ...rows].join('\n'));
