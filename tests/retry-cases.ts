/** Cases both retry rules must leave alone, and the declarations their typed cases share. */

/** The start of typed CloudKit JS cases: the SDK and a database. */
export const CK = `import * as CloudKit from 'tsl-apple-cloudkit';
declare const db: CloudKit.Database;
`;

export const SLEEP = `declare function sleep(ms: number): Promise<void>;
`;

/** Traps: retries that are right, of codes that are not permanent. */
export const RETRY_TRAPS: readonly string[] = [
  // HTTP 401 refreshed and retried once: the same call again.
  `declare function refreshToken(): Promise<string>;
export async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: token } });
  if (response.status === 401) {
    const fresh = await refreshToken();
    return (await fetch(url, { headers: { authorization: fresh } })).json();
  }
  return response.json();
}`,
  // CloudKit JS CONFLICT: the server's change tag fetched, then saved again once.
  `${CK}export async function rename(record: CloudKit.RecordToSave & { recordName: string }): Promise<void> {
  try {
    await db.saveRecords([record]);
  } catch (err) {
    if (err instanceof CloudKit.CKError && err.ckErrorCode === 'CONFLICT') {
      const { records } = await db.fetchRecords([record.recordName]);
      await db.saveRecords([{ ...record, recordChangeTag: records[0]?.recordChangeTag }]);
      return;
    }
    throw err;
  }
}`,
];
