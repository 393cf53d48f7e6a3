import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TraffickingIndicator } from '../../../shared/cases/categories';
import { iso } from '../clock';
import { recordEvent } from './timeline';

/** The national anti-trafficking mechanism should hear of a suspected victim the same day. */
export const TRAFFICKING_REFERRAL_HOURS = 24;

/**
 * Ticking any trafficking indicator suggests a referral to the national
 * anti-trafficking mechanism: an open task, unless one is already open or
 * was done. A dismissed suggestion comes back if indicators are ticked again
 * later, so it is never silently forgotten.
 */
export function ensureTraffickingTask(db: Database, caseId: number, indicators: readonly TraffickingIndicator[], userId: number, now: Date): void {
  if (indicators.length === 0) return;
  const existing = db
    .prepare(`SELECT 1 FROM case_tasks WHERE case_id = ? AND kind = 'anti_trafficking_referral' AND state IN ('open', 'done')`)
    .get(caseId);
  if (existing) return;
  const due = new Date(now.getTime() + TRAFFICKING_REFERRAL_HOURS * 3_600_000);
  db.prepare(`INSERT INTO case_tasks (case_id, kind, due_at, created_at) VALUES (?, 'anti_trafficking_referral', ?, ?)`).run(caseId, iso(due), iso(now));
  recordEvent(db, caseId, userId, now, 'task_created', { task: 'anti_trafficking_referral', indicators: [...indicators] });
}
