// Notes list screen: loading, deleting and the sign-in redirect.
import { BKEND_URL, BkendError, bkendFetch } from '../api.js';
import { listNotes, type Note } from '../notes.js';

export interface Screen {
  show(notes: Note[]): void;
  toast(text: string): void;
  goToSignIn(): void;
}

export async function load(screen: Screen): Promise<void> {
  try {
    screen.show(await listNotes());
  } catch (err) {
    if (err instanceof BkendError && (err.code === 'auth/session-expired' || err.code === 'auth/invalid-refresh-token')) {
      screen.goToSignIn();
      return;
    }
    if (err instanceof BkendError && err.status === 403) {
      screen.toast('You do not have access to these notes.');
      return;
    }
    throw err;
  }
}

export async function remove(screen: Screen, note: Note): Promise<void> {
  try {
    await bkendFetch(`/data/notes/${note.id}`, { method: 'DELETE' });
    screen.toast('Note deleted.');
  } catch (err) {
    // Deleting twice is fine: 'data/not-found' means it is already gone.
    if (err instanceof BkendError && err.code === 'data/not-found') return;
    screen.toast('Could not delete the note.'); // bad: swallows auth/session-expired, the user is never sent to sign in
  }
}

/** Storage meter in the sidebar; read straight from the usage endpoint. */
export async function storageUsed(token: string): Promise<number | undefined> {
  const res = await fetch(`${BKEND_URL}/usage/storage`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await res.json();
  if (res.ok) return Number(body.data.bytes);
  if (body.error?.code === 'data/rate-limit-exeeded') return undefined; // bad: unknown code (typo of data/rate-limit-exceeded)
  throw new Error(body.error?.message ?? `HTTP ${res.status}`);
}

/** Support page: the status page's own JSON uses the same field names as bkend's errors. */
export async function serviceStatus(): Promise<string> {
  const res = await fetch('https://status.example.com/api/v2/status.json');
  const page = (await res.json()) as { error?: { code?: string } };
  if (page.error?.code === 'maintenance') return 'Scheduled maintenance'; // fine: status page body, typed, not bkend
  return `Service: ${BKEND_URL.replace('https://', '')} is up`;
}

export function isShortcut(event: KeyboardEvent): boolean {
  return event.key.length === 1 && event.key.charCodeAt(0) === 123; // fine: '{' opens the quick switcher
}
