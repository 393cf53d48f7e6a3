import type { Database } from 'better-sqlite3-multiple-ciphers';
import { WITHDRAW_WINDOW_MS, type RemovalReason } from '../../../shared/interviews/categories';
import { refuseUnderHold } from '../cases/legal-hold';
import { iso } from '../clock';
import { AppError } from '../errors';
import type { Evidence } from '../handlers/types';
import type { RecordingRow } from './recording-file';

/**
 * Evidence that one person cannot make disappear. A recording's file goes
 * only when one person asks and a second decides, or when its uploader
 * withdraws an upload registered by mistake before anyone saw or copied it.
 * Never while copies are out, never while the case is under legal hold.
 * These functions hold the rules; the handlers log custody and timeline.
 */

export interface RemovalRow {
  id: number;
  recording_id: number;
  reason: RemovalReason;
  words: string;
  requested_by: number;
  decision: 'approved' | 'refused' | null;
}

export function removalRow(db: Database, requestId: number): RemovalRow | undefined {
  return db.prepare('SELECT id, recording_id, reason, words, requested_by, decision FROM recording_removals WHERE id = ?').get(requestId) as RemovalRow | undefined;
}

function refuseStoredless(row: RecordingRow): void {
  if (row.deleted_at !== null) throw new AppError('conflict', 'This recording’s file was already removed; its record and custody log remain.', { reason: 'deleted' });
}

function refuseCopiesOut(row: RecordingRow): void {
  if (row.copies_out > 0) {
    throw new AppError('conflict', `${row.copies_out} cop${row.copies_out === 1 ? 'y is' : 'ies are'} still out: log their return first.`, { reason: 'copies_out' });
  }
}

/** What must hold for a recording's file to go, checked when it is asked for and again when it is decided. */
function refuseUnremovable(db: Database, row: RecordingRow): void {
  refuseStoredless(row);
  refuseUnderHold(db, row.case_id);
  refuseCopiesOut(row);
}

export function requestRemoval(db: Database, row: RecordingRow, reason: RemovalReason, words: string, userId: number, now: Date): number {
  refuseUnremovable(db, row);
  if (row.removal_id !== null) throw new AppError('conflict', 'A request to remove this recording is already waiting for a decision.', { reason: 'pending' });
  const { lastInsertRowid } = db
    .prepare('INSERT INTO recording_removals (recording_id, reason, words, requested_at, requested_by) VALUES (?, ?, ?, ?, ?)')
    .run(row.id, reason, words, iso(now), userId);
  return Number(lastInsertRowid);
}

/** The second person's decision. The requester cannot be it, whatever their roles. */
export function decideRemoval(db: Database, request: RemovalRow, row: RecordingRow, decision: 'approved' | 'refused', note: string, userId: number, now: Date): void {
  if (request.decision !== null) throw new AppError('conflict', 'This request was already decided.', { reason: 'decided' });
  if (request.requested_by === userId) {
    throw new AppError('forbidden', 'You asked for this removal: a second person must decide it (another coordinator or the case’s prosecutor).', { reason: 'own_request' });
  }
  if (decision === 'approved') refuseUnremovable(db, row);
  db.prepare('UPDATE recording_removals SET decision = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?').run(decision, iso(now), userId, note, request.id);
}

/** An upload registered by mistake: its uploader alone, soon after, before anyone played or copied it. */
export function requireWithdrawable(db: Database, row: RecordingRow, userId: number, now: Date): void {
  if (row.registered_by !== userId) throw new AppError('forbidden', 'Only the person who registered this recording may withdraw it; ask for its removal instead.', { reason: 'not_uploader' });
  refuseStoredless(row);
  refuseUnderHold(db, row.case_id);
  if (now.getTime() - Date.parse(row.registered_at) > WITHDRAW_WINDOW_MS) {
    throw new AppError('conflict', 'More than 15 minutes have passed since it was registered: ask for its removal instead (a second person decides).', { reason: 'window_passed' });
  }
  if (row.accessed === 1) throw new AppError('conflict', 'Someone has already played or copied this recording: ask for its removal instead (a second person decides).', { reason: 'accessed' });
  refuseCopiesOut(row);
  if (row.removal_id !== null) throw new AppError('conflict', 'A request to remove this recording is waiting for a second person’s decision.', { reason: 'pending' });
}

/** Removes the file (not the record, hash or custody log) and ends open viewings. */
export function removeFile(db: Database, evidence: Evidence, row: RecordingRow, how: 'two_person' | 'withdrawn', now: Date): void {
  db.prepare('UPDATE recordings SET deleted_at = ?, deleted_how = ? WHERE id = ?').run(iso(now), how, row.id);
  evidence.transfers.revoke(row.id);
  // The same bytes registered for another interview stay until that recording goes too.
  const shared = db.prepare('SELECT 1 FROM recordings WHERE sha256 = ? AND deleted_at IS NULL').get(row.sha256);
  if (!shared) evidence.store.remove(row.sha256);
}
