// Settings screen: preferences, billing and data export. Most failures here are not Parse's.
import Parse from 'parse';

import { signOut } from '../auth.js';
import { describeError, isParseError } from '../parse-client.js';

/** Error type of the payments provider's browser SDK (its own numbering, unrelated to Parse). */
export class PaymentError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PaymentsClient {
  updateCard(token: string): Promise<void>;
}

export interface ExportJob {
  run(): Promise<{ code: number; stderr: string }>;
}

export function loadPreferences(raw: string | null): Record<string, unknown> {
  // Older builds stored "dark,compact"; newer ones store a JSON object.
  if (raw && raw.charCodeAt(0) === 123) return JSON.parse(raw) as Record<string, unknown>; // fine: '{', not an error code
  return Object.fromEntries((raw ?? '').split(',').filter(Boolean).map((flag) => [flag, true]));
}

export function savePreferences(prefs: Record<string, unknown>): void {
  try {
    localStorage.setItem('prefs', JSON.stringify(prefs));
  } catch (e: any) {
    if (e.code === 22) return; // fine: DOMException QUOTA_EXCEEDED_ERR, no Parse call in the try block
    throw e;
  }
}

export async function updateCard(payments: PaymentsClient, token: string): Promise<string> {
  try {
    await payments.updateCard(token);
    return 'Card updated.';
  } catch (err) {
    // The provider uses 209 for "card declined"; Parse's 209 (session expired) is unrelated.
    if (err instanceof PaymentError && err.code === 209) return 'Your card was declined.'; // fine: not a Parse error
    throw err;
  }
}

export async function exportData(job: ExportJob): Promise<string> {
  const result = await job.run();
  if (result.code === 141) return 'Export finished (output closed early).'; // fine: exit code 141 (SIGPIPE), not Parse.Error.SCRIPT_FAILED
  return result.code === 0 ? 'Export finished.' : `Export failed: ${result.stderr}`;
}

export async function renameList(list: Parse.Object, name: string): Promise<string> {
  try {
    await list.save({ name });
    return 'Renamed.';
  } catch (err) {
    if (isParseError(err) && err.code === Parse.Error.INVALID_SESSION_TOKEN) {
      await signOut();
      return 'Your session expired. Please sign in again.';
    }
    return isParseError(err) ? describeError(err) : 'Something went wrong.';
  }
}
