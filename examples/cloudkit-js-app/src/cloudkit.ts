// CloudKit JS set-up for the notes web app, plus the retry policy every call shares.
import * as CloudKit from 'tsl-apple-cloudkit';

export const ck = CloudKit.configure({
  containers: [
    {
      containerIdentifier: 'iCloud.com.example.notes',
      apiTokenAuth: { apiToken: 'YOUR_API_TOKEN', persist: true },
      environment: 'production',
    },
  ],
});

export const container = ck.getDefaultContainer();
export const db = container.privateCloudDatabase;

export function isCKError(value: unknown): value is CloudKit.CKError {
  return value instanceof CloudKit.CKError;
}

/** Codes that may succeed later; the server usually says how long to wait (`retryAfter`). */
export function isRetryable(err: CloudKit.CKError): boolean {
  return (
    err.ckErrorCode === CloudKit.CKError.THROTTLED ||
    err.ckErrorCode === CloudKit.CKError.TRY_AGAIN_LATER ||
    err.ckErrorCode === 'ZONE_BUSY' || // fine: a real code that the typings lack, so no constant exists
    err.ckErrorCode === CloudKit.CKError.NETWORK_ERROR ||
    err.ckErrorCode === CloudKit.CKError.SERVICE_UNAVAILABLE
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The server's delay when it sent one (`retryAfter`, seconds), else capped backoff with jitter. */
export function retryDelayMs(err: CloudKit.CKError, attempt: number): number {
  if (typeof err.retryAfter === 'number' && err.retryAfter > 0) return err.retryAfter * 1000;
  return Math.min(30_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

/** Runs a CloudKit request, retrying retryable failures a bounded number of times. */
export async function withCloudKitRetry<T>(request: () => CloudKit.Promise<T, CloudKit.CKError>, maxAttempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (err) {
      if (!isCKError(err) || !isRetryable(err) || attempt >= maxAttempts) throw err;
      await sleep(retryDelayMs(err, attempt));
    }
  }
}
