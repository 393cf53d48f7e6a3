import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AttendancePattern } from '../../../shared/contract/followup-records';
import { iso } from '../clock';

/**
 * What the case team may know of therapy: how many sessions were planned,
 * attended, cancelled and missed, and how many of the latest sessions that
 * were due were missed in a row (the needs-attention list's trigger).
 * Sessions still "planned" after their time are not yet logged, so they
 * neither break nor extend a run of no-shows.
 */
export function attendancePattern(db: Database, caseId: number, now: Date): AttendancePattern {
  const counts = db
    .prepare(
      `SELECT sum(attendance = 'planned') AS planned, sum(attendance = 'attended') AS attended,
              sum(attendance = 'cancelled') AS cancelled, sum(attendance = 'no_show') AS noShow
         FROM therapy_sessions WHERE case_id = ?`,
    )
    .get(caseId) as Record<'planned' | 'attended' | 'cancelled' | 'noShow', number | null>;
  return {
    planned: counts.planned ?? 0,
    attended: counts.attended ?? 0,
    cancelled: counts.cancelled ?? 0,
    noShow: counts.noShow ?? 0,
    consecutiveNoShows: consecutiveNoShows(db, caseId, now),
  };
}

export function consecutiveNoShows(db: Database, caseId: number, now: Date): number {
  const latest = db
    .prepare(`SELECT attendance FROM therapy_sessions WHERE case_id = ? AND attendance != 'planned' AND starts_at <= ? ORDER BY starts_at DESC, id DESC LIMIT 50`)
    .all(caseId, iso(now)) as { attendance: string }[];
  const run = latest.findIndex((s) => s.attendance !== 'no_show');
  return run === -1 ? latest.length : run;
}
