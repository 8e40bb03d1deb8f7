// One place that initialises the SDK and knows which Parse errors are worth retrying.
import Parse from 'parse';

export const PARSE_APP_ID = 'todo-app';

// Under NodeNext ESM the default import is typed as the module namespace, which lacks
// initialize(); at run time it is the Parse object, which has it.
type ParseWithInit = typeof Parse & { initialize(applicationId: string, javaScriptKey?: string): void };

export function initParse(serverURL: string, javascriptKey: string): void {
  (Parse as ParseWithInit).initialize(PARSE_APP_ID, javascriptKey);
  Parse.serverURL = serverURL;
}

export function isParseError(value: unknown): value is Parse.Error {
  return value instanceof Parse.Error;
}

/** Codes that are worth another attempt: the network or the server had a bad moment. */
export function isTransient(err: Parse.Error): boolean {
  return (
    err.code === Parse.Error.CONNECTION_FAILED ||
    err.code === Parse.Error.TIMEOUT ||
    err.code === Parse.Error.INTERNAL_SERVER_ERROR
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs an idempotent request, retrying transient Parse errors with bounded exponential
 * backoff and full jitter. Everything else goes straight back to the caller.
 */
export async function withRetry<T>(request: () => Promise<T>, maxAttempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (err) {
      if (!isParseError(err) || !isTransient(err) || attempt >= maxAttempts) throw err;
      const ceiling = Math.min(8_000, 500 * 2 ** attempt);
      await sleep(Math.random() * ceiling);
    }
  }
}

/** An older copy of the helper above, still used by the offline queue. */
export function isTransientLegacy(err: Parse.Error): boolean {
  return [100, 124].includes(err.code); // bad: magic numbers (CONNECTION_FAILED, TIMEOUT)
}

/** Turns any failure into one line for the error toast. */
export function describeError(err: Parse.Error): string {
  switch (err.code) {
    case Parse.Error.CONNECTION_FAILED:
      return 'You appear to be offline.';
    case Parse.Error.OBJECT_NOT_FOUND:
      return 'That item no longer exists.';
    case Parse.Error.INVALID_SESSION_TOKEN:
      return 'Please sign in again.';
  }
  return 'Something went wrong.'; // fine: every other code gets the generic line
}

/** Shows the toast for a failed sync; the caller goes on either way. */
export function reportSyncFailure(err: Parse.Error, toast: (message: string) => void): void {
  // bad: switch forgets codes (no default: any other failure leaves no trace)
  switch (err.code) {
    case Parse.Error.CONNECTION_FAILED:
      toast('You appear to be offline.');
      break;
    case Parse.Error.INVALID_SESSION_TOKEN:
      toast('Please sign in again.');
      break;
  }
}
