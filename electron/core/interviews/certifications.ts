import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificationRecord } from '../../../shared/contract/interview-records';

export interface HeldCertification {
  certification: string;
  /** 'YYYY-MM-DD', or null when open-ended. */
  certifiedUntil: string | null;
  recordedAt: string;
}

/** Keeps a certification as recorded now, unless it is the one already on record. */
export function recordCertification(db: Database, userId: number, record: HeldCertification, recordedBy: number): void {
  const latest = certificationOn(db, userId, record.recordedAt);
  if (latest && !latest.recordedLater && latest.certification === record.certification && latest.certifiedUntil === record.certifiedUntil) return;
  if (!latest && record.certification === '' && record.certifiedUntil === null) return;
  db.prepare('INSERT INTO interviewer_certifications (user_id, certification, certified_until, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)').run(
    userId,
    record.certification,
    record.certifiedUntil,
    record.recordedAt,
    recordedBy,
  );
}

/**
 * The certification an interviewer held at a moment: the last one recorded by
 * then. When everything on record is later (a profile entered after the
 * interview), the earliest record is given, marked `recordedLater`, so the
 * document can say so instead of passing it off as what held on the day.
 */
export function certificationOn(db: Database, userId: number, moment: string): (HeldCertification & { recordedLater: boolean }) | null {
  const row = (db
    .prepare(
      `SELECT certification, certified_until, recorded_at FROM interviewer_certifications
        WHERE user_id = ? AND recorded_at <= ? ORDER BY recorded_at DESC, id DESC LIMIT 1`,
    )
    .get(userId, moment) ??
    db
      .prepare(
        `SELECT certification, certified_until, recorded_at FROM interviewer_certifications
          WHERE user_id = ? ORDER BY recorded_at, id LIMIT 1`,
      )
      .get(userId)) as { certification: string; certified_until: string | null; recorded_at: string } | undefined;
  if (!row) return null;
  return { certification: row.certification, certifiedUntil: row.certified_until, recordedAt: row.recorded_at, recordedLater: row.recorded_at > moment };
}

/** Every certification recorded for an interviewer, newest first, with who recorded it. */
export function certificationHistory(db: Database, userId: number): CertificationRecord[] {
  const rows = db
    .prepare(
      `SELECT c.certification, c.certified_until, c.recorded_at, u.display_name
         FROM interviewer_certifications c LEFT JOIN users u ON u.id = c.recorded_by
        WHERE c.user_id = ? ORDER BY c.recorded_at DESC, c.id DESC`,
    )
    .all(userId) as { certification: string; certified_until: string | null; recorded_at: string; display_name: string | null }[];
  return rows.map((r) => ({ certification: r.certification, certifiedUntil: r.certified_until, recordedAt: r.recorded_at, recordedBy: r.display_name }));
}
