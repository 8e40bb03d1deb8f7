import { ConfigurationError } from '../configuration-error.js';

/**
 * A configuration error: a malformed catalog file or a bad `settings['error-codes']` entry.
 * The message names the file (or setting), the JSON pointer of the field and what was expected,
 * so that ESLint's output alone tells the user what to change.
 */
export class CatalogError extends ConfigurationError {
  override readonly name = 'CatalogError';

  constructor(
    /** The file or setting at fault, e.g. `errors/my-api.json` or `settings['error-codes']`. */
    readonly where: string,
    /** JSON pointer of the field at fault; `''` for the whole document. */
    readonly pointer: string,
    /** What is wrong and what was expected. */
    readonly problem: string,
  ) {
    super(`${where}${pointer === '' ? '' : ` at ${pointer}`}: ${problem}`);
  }
}

/** RFC 6901 escaping of one reference token. */
export function pointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function joinPointer(...tokens: (string | number)[]): string {
  return tokens.map((token) => `/${pointerToken(token)}`).join('');
}
