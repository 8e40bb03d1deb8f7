import type { Catalog, CodeEntry } from '../catalog/catalog.js';
import type { CodeValue } from '../catalog/types.js';

/** A code value as it is written in source: `209`, `'THROTTLED'`. */
export function valueText(value: CodeValue): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** `Parse.Error.INVALID_SESSION_TOKEN (209)`; `ServiceUnavailable (2)` for codes with no constant. */
export function codeLabel(catalog: Catalog, entry: CodeEntry, constant?: string): string {
  const name = constant ?? catalog.constantExpression(entry) ?? entry.name;
  return `${name} (${valueText(entry.value)})`;
}

/**
 * The entry's meaning, with every other meaning the documentation gives the same value:
 * "Object or session does not exist…; also documented as UserInvalidLoginParams: …".
 */
export function meaningText(entry: CodeEntry): string {
  const first = lowerFirst(entry.meaning);
  if (entry.otherMeanings.length === 0) return first;
  const others = entry.otherMeanings.map((alias) => `${alias.name}: ${lowerFirst(alias.meaning ?? '')}`).join('; ');
  return `${first} (the documentation also uses ${valueText(entry.value)} for ${others})`;
}

function lowerFirst(text: string): string {
  // "Session token …" and "A request …" start a sentence; "API key …" and "HTTP …" keep their case.
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}
