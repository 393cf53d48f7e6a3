import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RecoveryPublicKey } from './recovery-key';
import { defaultRetention, type Retention } from './types';

/**
 * What a backup needs from the backup_settings row, readable from any
 * connection (the CLI's beside a running host, or a database not yet
 * migrated to have the table: then nothing is configured).
 */
export interface BackupSettingsRow {
  destination: string | null;
  retention: Retention;
  recovery: RecoveryPublicKey | null;
}

export function readBackupSettingsRow(db: Database): BackupSettingsRow {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backup_settings'").get();
  if (!exists) return { destination: null, retention: defaultRetention, recovery: null };
  const row = db.prepare('SELECT destination, keep_daily, keep_weekly, keep_monthly, recovery_public_key, recovery_fingerprint FROM backup_settings WHERE id = 1').get() as
    | { destination: string | null; keep_daily: number; keep_weekly: number; keep_monthly: number; recovery_public_key: string | null; recovery_fingerprint: string | null }
    | undefined;
  if (!row) return { destination: null, retention: defaultRetention, recovery: null };
  return {
    destination: row.destination,
    retention: { daily: row.keep_daily, weekly: row.keep_weekly, monthly: row.keep_monthly },
    recovery: row.recovery_public_key && row.recovery_fingerprint ? { publicKey: row.recovery_public_key, fingerprint: row.recovery_fingerprint } : null,
  };
}

/** The centre's time zone (the schedule rules'), for rotating by the centre's days; UTC before one is set. */
export function readCentreZone(db: Database): string {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schedule_rules'").get();
  const row = exists ? (db.prepare('SELECT time_zone FROM schedule_rules WHERE id = 1').get() as { time_zone: string } | undefined) : undefined;
  return row?.time_zone ?? 'UTC';
}
