// Saving, archiving and listing notes in the private database.
import * as CloudKit from 'tsl-apple-cloudkit';

import { db, isCKError, retryDelayMs, withCloudKitRetry } from './cloudkit.js';

export interface Note {
  recordName: string;
  recordChangeTag: string;
  title: string;
  body: string;
}

const toRecord = (note: Note): CloudKit.RecordToSave => ({
  recordType: 'Note',
  recordName: note.recordName,
  recordChangeTag: note.recordChangeTag,
  fields: { title: { value: note.title }, body: { value: note.body } },
});

/**
 * Saves edited notes. A batch resolves even when some records fail, so every per-record
 * error is looked at: CONFLICT means someone else edited the note; re-fetch the tag, resend once.
 */
export async function saveNotes(notes: Note[]): Promise<{ saved: string[]; failed: string[] }> {
  const response = await withCloudKitRetry(() => db.saveRecords(notes.map(toRecord)));
  const saved = response.records.map((record) => record.recordName ?? '');
  if (!response.hasErrors) return { saved, failed: [] };

  const failed: string[] = [];
  for (const error of response.errors) {
    const note = notes.find((candidate) => candidate.recordName === error.recordName);
    if (!note) continue;
    if (error.ckErrorCode === CloudKit.CKError.CONFLICT) {
      const latest = await db.fetchRecords([note.recordName]);
      const tag = latest.hasErrors ? undefined : latest.records[0]?.recordChangeTag;
      const retry = tag ? await db.saveRecords([toRecord({ ...note, recordChangeTag: tag })]) : undefined;
      if (retry && !retry.hasErrors) saved.push(note.recordName);
      else failed.push(note.recordName);
    } else {
      failed.push(note.recordName);
    }
  }
  return { saved, failed };
}

/** Moves notes to the archive zone when the user empties the inbox. */
export async function archiveNotes(recordNames: string[]): Promise<void> {
  await db.deleteRecords(recordNames); // bad: batch response ignored, per-record errors never read
}

export async function listNotes(continuation?: CloudKit.QueryResponse): Promise<CloudKit.QueryResponse> {
  try {
    return await db.performQuery(continuation ?? { recordType: 'Note', sortBy: [{ fieldName: 'modified', ascending: false }] });
  } catch (err) {
    if (!isCKError(err)) throw err;
    if (err.ckErrorCode === CloudKit.CKError.THROTTLED) {
      console.warn(`throttled, retry after ${err.retryAfter}s`); // bad: THROTTLED branch that never retries
    }
    if (err.ckErrorCode === 'THROTTLE') { // bad: unknown code (typo of THROTTLED)
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(err, 1)));
      return listNotes(continuation);
    }
    throw err;
  }
}

export function pinNote(note: Note): Promise<void> {
  return db
    .saveRecords([{ ...toRecord(note), fields: { pinned: { value: 1 } } }])
    .then((response) => {
      if (response.hasErrors) throw response.errors[0];
    })
    .catch((err) => {
      if (err?.ckErrorCode === CloudKit.CKError.ZONE_NOT_FOUND) return; // note was in a deleted zone
      throw err;
    }) as unknown as Promise<void>;
}
