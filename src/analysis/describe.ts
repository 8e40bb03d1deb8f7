import type { Catalog, CodeEntry } from '../catalog/catalog.js';
import type { CodeValue } from '../catalog/types.js';

/** A code value as it is written in source: `209`, `'THROTTLED'`. */
export function valueText(value: CodeValue): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** `Parse.Error.INVALID_SESSION_TOKEN (209)`; `ServiceUnavailable (2)` for codes with no constant. */
export function codeLabel(catalog: Catalog, entry: CodeEntry, constant?: string): string {
  const name = constant ?? catalog.constantExpression(entry) ?? entry.name;
  // bkend's 'auth/unauthorized' is its own name: say it once.
  return name === entry.value ? valueText(entry.value) : `${name} (${valueText(entry.value)})`;
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

const RETRY_PRIORITY: Readonly<Record<CodeEntry['retry'], number>> = { reauthenticate: 0, 'after-refresh': 1, 'after-delay': 2, backoff: 3, never: 4 };

/** Entries ordered by how much they demand action: reauthenticate, after-refresh, after-delay, backoff, never. */
export function byUrgency(entries: readonly CodeEntry[]): CodeEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => RETRY_PRIORITY[a.entry.retry] - RETRY_PRIORITY[b.entry.retry] || a.index - b.index)
    .map(({ entry }) => entry);
}

/** "A (1)", "A (1) and B (2)", "A (1), B (2) and C (3)". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** Up to three codes by constant and value, then how many more: "A (1), B (2), C (3) and 4 more". */
export function codesText(catalog: Catalog, entries: readonly CodeEntry[]): string {
  const shown = entries.slice(0, 3).map((entry) => codeLabel(catalog, entry));
  return entries.length > 3 ? `${shown.join(', ')} and ${entries.length - 3} more` : listText(shown);
}

/** What to do about a code of a retry class, as a clause: "sign the user in again". */
export function adviceText(entry: CodeEntry): string {
  switch (entry.retry) {
    case 'reauthenticate':
      return 'sign the user in again';
    case 'after-refresh':
      return 'refresh what is stale and retry once';
    case 'after-delay':
      return "retry after the server's delay";
    case 'backoff':
      return 'retry with backoff';
    case 'never':
      return 'report it to the user';
  }
}

/**
 * "a Parse", "an Acme billing API", "an HTTP": the indefinite article for a catalog name, by sound.
 * Acronyms spelled letter by letter take "an" before A, E, F, H, I, L, M, N, O, R, S and X.
 */
export function withArticle(name: string): string {
  const word = /^[A-Za-z]+/u.exec(name)?.[0] ?? name;
  const acronym = word.length > 1 && word === word.toUpperCase();
  const vowelSound = acronym ? /^[AEFHILMNORSX]/u.test(word) : /^[aeiou]/iu.test(word);
  return `${vowelSound ? 'an' : 'a'} ${name}`;
}
