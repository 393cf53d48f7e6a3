import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BackupKind } from './types';

/** backup_runs: every attempt, so a failure is reported even when it left no set at the destination. */

export function startRun(db: Database, run: { kind: BackupKind; destination: string; startedAt: string; startedBy: number | null }): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO backup_runs (kind, destination, started_at, started_by) VALUES (?, ?, ?, ?)')
    .run(run.kind, run.destination, run.startedAt, run.startedBy);
  return Number(lastInsertRowid);
}

export function finishRun(
  db: Database,
  id: number,
  outcome: { finishedAt: string; ok: boolean; setName: string | null; sizeBytes: number | null; newBytes: number | null; verifiedOk: boolean | null; verifiedAt: string | null; error: string },
): void {
  db.prepare(
    `UPDATE backup_runs SET finished_at = ?, outcome = ?, set_name = ?, size_bytes = ?, new_bytes = ?, verified_ok = ?, verified_at = ?, error = ? WHERE id = ?`,
  ).run(
    outcome.finishedAt,
    outcome.ok ? 'ok' : 'failed',
    outcome.setName,
    outcome.sizeBytes,
    outcome.newBytes,
    outcome.verifiedOk === null ? null : outcome.verifiedOk ? 1 : 0,
    outcome.verifiedAt,
    outcome.error,
    id,
  );
}

export interface RunRow {
  kind: BackupKind;
  started_at: string;
  finished_at: string | null;
  outcome: 'ok' | 'failed' | null;
  set_name: string | null;
  error: string;
}

export function lastRun(db: Database): RunRow | null {
  return (db.prepare('SELECT kind, started_at, finished_at, outcome, set_name, error FROM backup_runs ORDER BY started_at DESC, id DESC LIMIT 1').get() as RunRow | undefined) ?? null;
}

/** When the newest attempt of any kind started: the scheduler makes one attempt per scheduled time, failed or not. */
export function lastAttemptAt(db: Database): string | null {
  return (db.prepare('SELECT max(started_at) AS at FROM backup_runs').get() as { at: string | null }).at;
}

/** The snapshot time of the newest set the host verified, from its own records (readable when the destination is not). */
export function lastVerifiedRunAt(db: Database): string | null {
  return (db.prepare('SELECT max(started_at) AS at FROM backup_runs WHERE verified_ok = 1').get() as { at: string | null }).at;
}

export function lastGoodRunAt(db: Database): string | null {
  return (db.prepare("SELECT max(started_at) AS at FROM backup_runs WHERE outcome = 'ok'").get() as { at: string | null }).at;
}
