// The sign-in banner and the "sync status" pill in the toolbar.
import * as CloudKit from 'tsl-apple-cloudkit';

import { container, isCKError } from './cloudkit.js';

export type SyncStatus = 'signed-out' | 'offline' | 'ok' | 'busy' | 'error';

export async function setUpSignIn(showSignIn: (redirectURL?: string) => void): Promise<string | undefined> {
  try {
    const identity = await container.setUpAuth();
    if (identity) return identity.userRecordName;
    showSignIn();
    return undefined;
  } catch (err) {
    if (isCKError(err) && err.ckErrorCode === CloudKit.CKError.AUTHENTICATION_REQUIRED) {
      showSignIn(err.redirectURL);
      return undefined;
    }
    throw err;
  }
}

export async function syncStatus(): Promise<SyncStatus> {
  try {
    await container.fetchCurrentUserIdentity();
    return 'ok';
  } catch (err) {
    if (!isCKError(err)) return 'error';
    if (err.serverErrorCode === 'NETWORK_ERROR') return 'offline'; // bad: local code, never in serverErrorCode
    if (err.ckErrorCode === 'NETWORK_UNAVAILABLE') return 'offline'; // bad: native CKError name, CloudKit JS says NETWORK_ERROR
    if (err.ckErrorCode === 'THROTTLED' || err.ckErrorCode === 'ZONE_BUSY') return 'busy'; // fine by default: readable string codes
    if (err.ckErrorCode === CloudKit.CKError.AUTHENTICATION_FAILED) return 'signed-out';
    return 'error';
  }
}

/** Refreshes the toolbar every minute; a failed refresh just keeps the old status. */
export function watchStatus(render: (status: SyncStatus) => void): () => void {
  const timer = setInterval(() => {
    syncStatus().then(render, () => undefined);
  }, 60_000);
  return () => clearInterval(timer);
}

/** "Notify me about shared notes" toggle. */
export async function enableNotifications(onChange: (notification: unknown) => void): Promise<boolean> {
  try {
    await container.registerForNotifications();
    container.addNotificationListener(onChange);
    return true;
  } catch (err) {
    console.info('notifications unavailable', err); // bad: swallows AUTHENTICATION_REQUIRED, the toggle just stays off
    return false;
  }
}

/** Keyboard shortcut handler: Cmd+{ opens the sign-in sheet. */
export function onKey(event: KeyboardEvent, open: () => void): void {
  if (event.metaKey && event.key.charCodeAt(0) === 123) open(); // fine: '{', not an error code
}

/** Restores the draft the user typed before signing in. */
export function restoreDraft(): string {
  try {
    return sessionStorage.getItem('draft') ?? '';
  } catch (e: any) {
    // Safari in private mode throws a SecurityError; it has nothing to do with CloudKit's THROTTLED.
    if (e.code === 'THROTTLED' || e.name === 'SecurityError') return ''; // fine: no CloudKit call in the try block
    throw e;
  }
}
