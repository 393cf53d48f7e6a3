import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CustodyEntry, Recording, RemovalRequest } from '../../../shared/contract/interview-records';
import type { CustodyAction } from '../../../shared/interviews/categories';

/** Interview recordings and their chain of custody as stored (migration 012) and as the contract sends them. */

export interface RecordingRow {
  id: number;
  interview_id: number;
  case_id: number;
  kind: Recording['kind'];
  file_name: string;
  format: string;
  size: number;
  duration_seconds: number | null;
  sha256: string;
  registered_at: string;
  registered_by_name: string;
  deleted_at: string | null;
  last_check_at: string | null;
  last_check_ok: number | null;
  copies_out: number;
  registered_by: number;
  accessed: number;
  deleted_how: Recording['deletedHow'];
  removal_id: number | null;
  removal_reason: RemovalRequest['reason'] | null;
  removal_words: string | null;
  removal_at: string | null;
  removal_by_id: number | null;
  removal_by: string | null;
}

export const SELECT_RECORDING = `
  SELECT r.*, u.display_name AS registered_by_name,
         (SELECT count(*) FROM recording_custody k WHERE k.recording_id = r.id AND k.action = 'copied')
       - (SELECT count(*) FROM recording_custody k WHERE k.recording_id = r.id AND k.action = 'returned') AS copies_out,
         EXISTS (SELECT 1 FROM recording_custody k WHERE k.recording_id = r.id AND k.action IN ('viewed', 'copied')) AS accessed,
         q.id AS removal_id, q.reason AS removal_reason, q.words AS removal_words, q.requested_at AS removal_at,
         q.requested_by AS removal_by_id, qu.display_name AS removal_by
    FROM recordings r JOIN users u ON u.id = r.registered_by
    LEFT JOIN recording_removals q ON q.recording_id = r.id AND q.decision IS NULL
    LEFT JOIN users qu ON qu.id = q.requested_by`;

export function toRecording(row: RecordingRow): Recording {
  return {
    id: row.id,
    interviewId: row.interview_id,
    kind: row.kind,
    fileName: row.file_name,
    format: row.format,
    size: row.size,
    durationSeconds: row.duration_seconds,
    sha256: row.sha256,
    registeredAt: row.registered_at,
    registeredBy: row.registered_by_name,
    deletedAt: row.deleted_at,
    copiesOut: row.copies_out,
    lastCheck: row.last_check_at ? { at: row.last_check_at, ok: row.last_check_ok === 1 } : null,
    registeredById: row.registered_by,
    accessed: row.accessed === 1,
    deletedHow: row.deleted_how,
    removal:
      row.removal_id === null
        ? null
        : {
            id: row.removal_id,
            reason: row.removal_reason!,
            words: row.removal_words ?? '',
            requestedAt: row.removal_at!,
            requestedBy: row.removal_by ?? '',
            requestedById: row.removal_by_id!,
          },
  };
}

export function recordingRow(db: Database, id: number): RecordingRow | undefined {
  return db.prepare(`${SELECT_RECORDING} WHERE r.id = ?`).get(id) as RecordingRow | undefined;
}

/** An interview's recordings, in the order they were registered (deleted ones too: their record stays). */
export function recordingsOf(db: Database, interviewId: number): Recording[] {
  const rows = db.prepare(`${SELECT_RECORDING} WHERE r.interview_id = ? ORDER BY r.id`).all(interviewId) as RecordingRow[];
  return rows.map(toRecording);
}

/** A recording's custody log, oldest first (or the one entry asked for). */
export function custodyEntries(db: Database, recordingId: number, entryId?: number): CustodyEntry[] {
  const rows = db
    .prepare(
      `SELECT k.*, coalesce(u.display_name, '') AS by_name FROM recording_custody k LEFT JOIN users u ON u.id = k.user_id
        WHERE k.recording_id = ? ${entryId === undefined ? '' : 'AND k.id = ?'} ORDER BY k.id`,
    )
    .all(recordingId, ...(entryId === undefined ? [] : [entryId])) as {
    id: number;
    recording_id: number;
    at: string;
    by_name: string;
    action: CustodyAction;
    copy_id: number | null;
    recipient: string;
    recipient_agency: string;
    medium: string;
    purpose: string;
    note: string;
    sha256: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    recordingId: r.recording_id,
    at: r.at,
    by: r.by_name,
    action: r.action,
    copyId: r.copy_id,
    recipient: r.recipient,
    recipientAgency: r.recipient_agency,
    medium: r.medium,
    purpose: r.purpose,
    note: r.note,
    sha256: r.sha256,
  }));
}
