// Typed surface of the app's native CloudKit module (Swift, exposed to JavaScript through the
// React Native bridge). The Swift side rejects with { code: CKError.Code.rawValue, userInfo }.

export interface NativeCloudKitError extends Error {
  code: number;
  userInfo?: Record<string, unknown>;
}

/** CKError.Code raw values (CloudKit/CKError.h, iOS 26 SDK). */
export const CKErrorCode = {
  internalError: 1,
  partialFailure: 2,
  networkUnavailable: 3,
  networkFailure: 4,
  badContainer: 5,
  serviceUnavailable: 6,
  requestRateLimited: 7,
  missingEntitlement: 8,
  notAuthenticated: 9,
  permissionFailure: 10,
  unknownItem: 11,
  invalidArguments: 12,
  resultsTruncated: 13,
  serverRecordChanged: 14,
  serverRejectedRequest: 15,
  assetFileNotFound: 16,
  assetFileModified: 17,
  incompatibleVersion: 18,
  constraintViolation: 19,
  operationCancelled: 20,
  changeTokenExpired: 21,
  batchRequestFailed: 22,
  zoneBusy: 23,
  badDatabase: 24,
  quotaExceeded: 25,
  zoneNotFound: 26,
  limitExceeded: 27,
  userDeletedZone: 28,
  tooManyParticipants: 29,
  alreadyShared: 30,
  referenceViolation: 31,
  managedAccountRestricted: 32,
  participantMayNeedVerification: 33,
  serverResponseLost: 34,
  assetNotAvailable: 35,
  accountTemporarilyUnavailable: 36,
  participantAlreadyInvited: 37,
} as const;

/** The StoreKit module rejects with its own SKError.Code numbers, unrelated to CloudKit. */
export interface NativeStoreKitError extends Error {
  code: number;
}

export interface NativeRecord {
  recordName: string;
  recordType: string;
  recordChangeTag?: string;
  fields: Record<string, string | number | boolean | null>;
}

export interface CloudKitBridgeModule {
  fetchRecord(recordName: string): Promise<NativeRecord>;
  saveRecords(records: NativeRecord[], atomically: boolean): Promise<NativeRecord[]>;
  accountStatus(): Promise<'available' | 'noAccount' | 'restricted' | 'temporarilyUnavailable'>;
}

export interface StoreKitBridgeModule {
  purchase(productId: string): Promise<{ transactionId: string }>;
}

declare function requireNativeModule<T>(name: string): T;

export const CloudKitBridge = requireNativeModule<CloudKitBridgeModule>('CloudKitBridge');
export const StoreKitBridge = requireNativeModule<StoreKitBridgeModule>('StoreKitBridge');

export function isNativeCloudKitError(value: unknown): value is NativeCloudKitError {
  return value instanceof Error && typeof (value as { code?: unknown }).code === 'number' && value.name === 'CKError';
}

/** CKErrorRetryAfterKey, forwarded by the Swift side as seconds. */
export function retryAfterSeconds(err: NativeCloudKitError): number | undefined {
  const value = err.userInfo?.['CKRetryAfter'];
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** CKPartialErrorsByItemIDKey, forwarded as { recordName: { code, message } }. */
export function partialErrors(err: NativeCloudKitError): Map<string, { code: number; message: string }> {
  const raw = (err.userInfo?.['CKPartialErrors'] ?? {}) as Record<string, { code: number; message: string }>;
  return new Map(Object.entries(raw));
}
