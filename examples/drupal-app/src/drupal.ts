// The site connection and the error helpers every screen uses.
import { DrupalError } from '@drupal-js-sdk/error';
import { Drupal, DrupalAuth, DrupalMenu } from 'drupal-js-sdk';

export const drupal = new Drupal({ baseURL: 'https://cms.example.org' });
export const auth = new DrupalAuth(drupal);
export const menus = new DrupalMenu(drupal);

/**
 * The SDK bundles its own copies of DrupalError, so `instanceof` fails for errors thrown by
 * the client. Checking for getErrorCode() works for every copy.
 */
export function isDrupalError(value: unknown): value is DrupalError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getErrorCode?: unknown }).getErrorCode === 'function'
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries an idempotent read while the site is unreachable. The SDK reports every failed
 * HTTP call as CONNECTION_FAILED, so keep the number of attempts small.
 */
export async function readWithBackoff<T>(read: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let attempt = 0;
  for (;;) {
    attempt += 1;
    try {
      return await read();
    } catch (err) {
      const transient =
        isDrupalError(err) &&
        (err.getErrorCode() === DrupalError.CONNECTION_FAILED || err.getErrorCode() === DrupalError.TIMEOUT);
      if (!transient || attempt >= maxAttempts) throw err;
      await sleep(2 ** attempt * 250 + Math.random() * 250);
    }
  }
}

/** Human-readable text for the error banner. */
export function bannerText(err: DrupalError): string {
  switch (err.getErrorCode()) {
    case DrupalError.CONNECTION_FAILED:
      return 'The site cannot be reached right now.';
    case DrupalError.SESSION_MISSING:
    case DrupalError.INVALID_SESSION_TOKEN:
      return 'Please log in again.';
    case DrupalError.OBJECT_NOT_FOUND:
      return 'That page does not exist.';
    default:
      return `Unexpected error (${err.getErrorCode()}): ${err.message}`;
  }
}
