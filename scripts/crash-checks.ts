// What the crash test checks after each restart: acknowledged writes read back,
// the database file's own integrity, and the audit chain.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Client } from '../shared/client';
import { applyKey } from '../electron/core/db/store';
import type { AckedUpdate, Ledger } from './crash-write-load';

/** Opens the host's database beside the running host (WAL lets a second reader in), with the key file's key. */
export function openDatabase(file: string, key: Buffer): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  applyKey(db, key);
  db.pragma('busy_timeout = 10000');
  return db;
}

/** The newest acknowledged edit of each case: earlier ones were overwritten by later acknowledged ones. */
function latestUpdates(updates: AckedUpdate[]): Map<number, AckedUpdate> {
  const latest = new Map<number, AckedUpdate>();
  for (const update of updates) if ((latest.get(update.caseId)?.version ?? -1) < update.version) latest.set(update.caseId, update);
  return latest;
}

/**
 * Every write ever acknowledged, read straight from the file: cheap enough to
 * repeat over the whole history each cycle, so a later crash that lost an
 * earlier write is caught too. Returns the problems found.
 */
export function checkLedgerInDatabase(db: Database.Database, ledger: Ledger): string[] {
  const problems: string[] = [];
  const cases = new Map(
    (db.prepare('SELECT id, reference, version, referrer_name FROM cases').all() as { id: number; reference: string; version: number; referrer_name: string }[]).map((row) => [row.id, row]),
  );
  const notes = new Map((db.prepare('SELECT id, case_id, text FROM case_notes').all() as { id: number; case_id: number; text: string }[]).map((row) => [row.id, row]));
  for (const acked of ledger.cases) {
    const row = cases.get(acked.caseId);
    if (!row || row.reference !== acked.reference) problems.push(`case ${acked.caseId} (${acked.reference}) acknowledged but ${row ? `now ${row.reference}` : 'missing'}`);
  }
  for (const acked of ledger.notes) {
    const row = notes.get(acked.noteId);
    if (!row || row.case_id !== acked.caseId || row.text !== acked.text) problems.push(`note ${acked.noteId} on case ${acked.caseId} acknowledged but ${row ? 'changed' : 'missing'}`);
  }
  for (const acked of latestUpdates(ledger.updates).values()) {
    const row = cases.get(acked.caseId);
    if (!row || row.version < acked.version) problems.push(`edit of case ${acked.caseId} to version ${acked.version} acknowledged but the case is at ${row?.version ?? 'nothing'}`);
    // A later edit that got no answer may have committed on top; at the acknowledged version the text must be the acknowledged one.
    else if (row.version === acked.version && row.referrer_name !== acked.referrerName) problems.push(`case ${acked.caseId} at version ${acked.version} has "${row.referrer_name}", not "${acked.referrerName}"`);
  }
  return problems;
}

/** This cycle's acknowledged writes, read back through the LAN API as the client that made them. */
export async function checkLedgerThroughApi(client: Client, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  const caseIds = new Set([...ledger.cases.map((c) => c.caseId), ...ledger.updates.map((u) => u.caseId)]);
  const latest = latestUpdates(ledger.updates);
  for (const caseId of caseIds) {
    let detail;
    try {
      detail = await client.call('cases.get', { caseId });
    } catch (error) {
      problems.push(`cases.get ${caseId}: ${(error as Error).message}`);
      continue;
    }
    const created = ledger.cases.find((c) => c.caseId === caseId);
    if (created && (detail.reference !== created.reference || detail.child.firstName !== created.childFirstName)) problems.push(`case ${caseId} reads back as ${detail.reference} / ${detail.child.firstName}`);
    const update = latest.get(caseId);
    if (update && (detail.version < update.version || (detail.version === update.version && detail.fields?.referrerName !== update.referrerName))) {
      problems.push(`case ${caseId} reads back at version ${detail.version} with "${detail.fields?.referrerName}", acknowledged ${update.version} "${update.referrerName}"`);
    }
  }
  const byCase = new Map<number, typeof ledger.notes>();
  for (const note of ledger.notes) byCase.set(note.caseId, [...(byCase.get(note.caseId) ?? []), note]);
  for (const [caseId, acked] of byCase) {
    let notes;
    try {
      ({ notes } = await client.call('cases.listNotes', { caseId }));
    } catch (error) {
      problems.push(`cases.listNotes ${caseId}: ${(error as Error).message} (${acked.length} acknowledged notes)`);
      continue;
    }
    for (const note of acked) if (!notes.some((n) => n.id === note.noteId && n.text === note.text)) problems.push(`note ${note.noteId} on case ${caseId} not read back`);
  }
  return problems;
}
