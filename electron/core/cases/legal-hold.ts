import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseDetail } from '../../../shared/contract/case-records';
import type { CaseRow } from '../access';
import { iso } from '../clock';
import { AppError } from '../errors';
import { recordEvent } from './timeline';

/**
 * A legal hold keeps a case's evidence whatever anyone asks: while it
 * holds, no recording of the case is removed or withdrawn. Set and lifted
 * by a coordinator or the case's prosecutor, always with a reason; the
 * timeline keeps every change, the case row only the hold now in force.
 */

type HoldFields = Pick<CaseRow, 'legal_hold_at' | 'legal_hold_by' | 'legal_hold_reason'>;

export function legalHoldOf(db: Database, row: HoldFields): CaseDetail['legalHold'] {
  if (row.legal_hold_at === null) return null;
  const by = row.legal_hold_by === null ? undefined : (db.prepare('SELECT display_name FROM users WHERE id = ?').get(row.legal_hold_by) as { display_name: string } | undefined);
  return { since: row.legal_hold_at, by: by?.display_name ?? '', reason: row.legal_hold_reason ?? '' };
}

export function isUnderHold(db: Database, caseId: number): boolean {
  return (db.prepare('SELECT legal_hold_at FROM cases WHERE id = ?').get(caseId) as { legal_hold_at: string | null } | undefined)?.legal_hold_at != null;
}

/** Refuses any removal of this case's evidence while the hold stands. */
export function refuseUnderHold(db: Database, caseId: number): void {
  if (isUnderHold(db, caseId)) {
    throw new AppError('conflict', 'The case is under legal hold: none of its recordings can be removed until the hold is lifted.', { reason: 'legal_hold' });
  }
}

export function setLegalHold(db: Database, row: CaseRow, hold: boolean, reason: string, userId: number, now: Date): void {
  const held = row.legal_hold_at !== null;
  if (hold && held) throw new AppError('conflict', 'The case is already under legal hold.', { reason: 'already_held' });
  if (!hold && !held) throw new AppError('conflict', 'The case is not under legal hold.', { reason: 'not_held' });
  if (hold) {
    db.prepare('UPDATE cases SET legal_hold_at = ?, legal_hold_by = ?, legal_hold_reason = ? WHERE id = ?').run(iso(now), userId, reason, row.id);
  } else {
    db.prepare('UPDATE cases SET legal_hold_at = NULL, legal_hold_by = NULL, legal_hold_reason = NULL WHERE id = ?').run(row.id);
  }
  recordEvent(db, row.id, userId, now, hold ? 'legal_hold_set' : 'legal_hold_lifted', { reason });
}
