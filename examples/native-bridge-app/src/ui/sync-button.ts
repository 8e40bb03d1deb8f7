// The "Sync now" button and the iCloud status line under it.
import { CloudKitBridge, isNativeCloudKitError, type NativeStoreKitError, StoreKitBridge } from '../bridge.js';
import { saveRecord } from '../sync.js';
import type { NativeRecord } from '../bridge.js';

export interface ButtonView {
  setBusy(busy: boolean): void;
  setStatus(text: string): void;
  showSignInHint(): void;
}

export async function onSyncPressed(view: ButtonView, pending: NativeRecord[]): Promise<void> {
  view.setBusy(true);
  try {
    for (const record of pending) await saveRecord(record);
    view.setStatus(`Synced ${pending.length} notes`);
  } catch (e) {
    if (isNativeCloudKitError(e) && e.code === 9) { // bad: magic number (notAuthenticated); CKErrorCode is not imported here
      view.showSignInHint();
      return;
    }
    view.setStatus('Sync failed');
    throw e;
  } finally {
    view.setBusy(false);
  }
}

export async function refreshStatus(view: ButtonView): Promise<void> {
  const status = await CloudKitBridge.accountStatus();
  // CKAccountStatus is its own enum (available = 1, noAccount = 3): not error codes.
  view.setStatus(status === 'available' ? 'iCloud on' : 'iCloud off');
}

/** "Unlock unlimited sync" in-app purchase. */
export async function onUnlockPressed(view: ButtonView): Promise<void> {
  try {
    await StoreKitBridge.purchase('com.example.notes.unlimited');
    view.setStatus('Unlimited sync unlocked');
  } catch (e) {
    const err = e as NativeStoreKitError;
    if (err.code === 2) return; // fine: SKError.paymentCancelled, not CKError partialFailure
    view.setStatus(`Purchase failed (${err.code})`);
  }
}

export function parseExitStatus(line: string): number {
  // The diagnostics helper prints "exit 23"; 23 is a process status, not zoneBusy.
  const status = Number(line.slice(5));
  return line.startsWith('exit ') && status === 23 ? -1 : status; // fine: not a CloudKit error
}
