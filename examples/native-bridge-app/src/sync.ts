// Pushes local edits to iCloud through the native module, with CloudKit's retry rules.
import {
  CKErrorCode,
  CloudKitBridge,
  isNativeCloudKitError,
  type NativeCloudKitError,
  type NativeRecord,
  partialErrors,
  retryAfterSeconds,
} from './bridge.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type PushResult = { saved: string[]; failed: Map<string, string> };

/** Saves one record, resolving a changed server copy once and honouring retry-after (bounded). */
export async function saveRecord(record: NativeRecord, maxAttempts = 4): Promise<NativeRecord> {
  let current = record;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [saved] = await CloudKitBridge.saveRecords([current], false);
      return saved ?? current;
    } catch (err) {
      if (!isNativeCloudKitError(err) || attempt >= maxAttempts) throw err;
      switch (err.code) {
        case CKErrorCode.serverRecordChanged: {
          const server = await CloudKitBridge.fetchRecord(current.recordName);
          current = { ...current, recordChangeTag: server.recordChangeTag };
          continue;
        }
        case CKErrorCode.requestRateLimited:
        case CKErrorCode.serviceUnavailable:
        case CKErrorCode.zoneBusy:
          await sleep((retryAfterSeconds(err) ?? 2 ** attempt) * 1000);
          continue;
        case CKErrorCode.networkUnavailable:
        case CKErrorCode.networkFailure:
          await sleep(2 ** attempt * 500 + Math.random() * 500);
          continue;
        default:
          throw err;
      }
    }
  }
}

/** Saves a batch; CloudKit reports per-record failures inside one partialFailure error. */
export async function pushBatch(records: NativeRecord[]): Promise<PushResult> {
  try {
    const saved = await CloudKitBridge.saveRecords(records, false);
    return { saved: saved.map((record) => record.recordName), failed: new Map() };
  } catch (err) {
    if (!isNativeCloudKitError(err) || err.code !== CKErrorCode.partialFailure) throw err;
    const failed = new Map<string, string>();
    for (const [recordName, itemError] of partialErrors(err)) {
      if (itemError.code === CKErrorCode.batchRequestFailed) continue; // only failed because a sibling failed
      failed.set(recordName, itemError.message);
    }
    const saved = records.map((record) => record.recordName).filter((name) => !failed.has(name));
    return { saved, failed };
  }
}

/** Background sync on app resume. */
export async function backgroundSync(records: NativeRecord[]): Promise<void> {
  try {
    await CloudKitBridge.saveRecords(records, true);
  } catch (err) {
    if (!isNativeCloudKitError(err)) throw err;
    if (err.code === 23) return backgroundSync(records); // bad: magic number (zoneBusy), and retried without waiting
    if (err.code === CKErrorCode.requestRateLimited) return; // bad: rate-limited branch that never retries
    if (err.code === CKErrorCode.partialFailure) {
      console.warn('some records did not sync'); // bad: partialFailure, per-item errors never read
      return;
    }
    if (err.code === 38) return; // bad: unknown code (CKError.Code stops at 37)
    throw err;
  }
}

export function describe(err: NativeCloudKitError): string {
  switch (err.code) {
    case 9: // bad: magic number (notAuthenticated)
      return 'Sign in to iCloud in Settings to sync.';
    case CKErrorCode.quotaExceeded:
      return 'Your iCloud storage is full.';
    default:
      return err.message;
  }
}
