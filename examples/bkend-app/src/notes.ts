// Notes table, plus the map preview that shows where a note was written.
import { BKEND_URL, bkendFetch } from './api.js';

export interface Note {
  id: string;
  title: string;
  body: string;
  lat?: number;
  lng?: number;
}

export function listNotes(): Promise<Note[]> {
  return bkendFetch<Note[]>('/data/notes?sort=-updatedAt&limit=50');
}

/** Opening a shared link goes to the public endpoint; the note may have been deleted since. */
export async function openSharedNote(id: string, token: string): Promise<Note | undefined> {
  const url = `https://api-client.bkend.ai/v1/public/notes/${encodeURIComponent(id)}`;
  const res = await fetch(url, { headers: { 'X-Share-Token': token } });
  const body = await res.json();
  if (res.ok) return body.data as Note;
  if (body.error?.code === 'data/not-fond') return undefined; // bad: unknown code (typo of data/not-found)
  if (body.error?.code === 'data/not-found' || body.error === 'RECORD_NOT_FOUND') return undefined;
  throw new Error(body.error?.message ?? body.message ?? `HTTP ${res.status}`);
}

/** Autosave while typing; a rate-limited autosave just waits for the next keystroke. */
export async function autosave(note: Note, token: string): Promise<'saved' | 'skipped'> {
  const res = await fetch(`${BKEND_URL}/data/notes/${note.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: note.title, body: note.body }),
  });
  if (res.ok) return 'saved';
  const body = await res.json();
  if (body.error === 'RATE_LIMIT_EXCEEDED' || res.status === 429) {
    return 'skipped'; // bad: rate-limit branch that never retries (the last edit is lost if typing stops)
  }
  if (body.error?.code === 'data/validation-error') {
    return autosave(note, token); // bad: retries a permanent error (validation fails the same way again)
  }
  throw new Error(body.error?.message ?? body.message);
}

/** Reverse-geocodes the note's position with the maps provider (not bkend). */
export async function placeName(note: Note, mapsKey: string): Promise<string> {
  if (note.lat === undefined || note.lng === undefined) return '';
  const res = await fetch(`https://maps.example.com/geocode?latlng=${note.lat},${note.lng}&key=${mapsKey}`);
  const geo = await res.json();
  if (geo.error === 'OVER_QUERY_LIMIT') return ''; // fine: the maps API's own code, not a bkend body
  return String(geo.results?.[0]?.formatted_address ?? '');
}
