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
 * The entry's meaning, with the other meanings the documentation gives the same value: with
 * one, its name and meaning ("…; also documented as UserInvalidLoginParams: …"); with several,
 * their names, so the message stays one readable line.
 */
export function meaningText(entry: CodeEntry): string {
  const first = lowerFirst(entry.meaning);
  const [only, ...more] = entry.otherMeanings;
  if (!only) return first;
  const others =
    more.length === 0 ? `${only.name}: ${lowerFirst(only.meaning ?? '')}` : entry.otherMeanings.map((alias) => alias.name).join(', ');
  return `${first} (the documentation also uses ${valueText(entry.value)} for ${others})`;
}

function lowerFirst(text: string): string {
  // "Session token …" and "A request …" start a sentence; "API key …" and "HTTP …" keep their case.
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}
