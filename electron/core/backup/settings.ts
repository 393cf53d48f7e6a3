import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BackupSettings } from '../../../shared/contract/methods/backups';
import { checkMessages } from '../../../shared/contract/fields';
import { fieldError } from '../errors';
import type { RecoveryPublicKey } from './recovery-key';
import { readBackupSettingsRow } from './settings-row';
import type { Retention } from './types';

interface SettingsRow {
  destination: string | null;
  schedule_enabled: number;
  schedule_time: string;
  keep_daily: number;
  keep_weekly: number;
  keep_monthly: number;
  recovery_public_key: string | null;
  recovery_fingerprint: string | null;
  recovery_created_at: string | null;
  recovery_created_by_name: string | null;
  version: number;
}

export interface StoredBackupSettings {
  settings: BackupSettings;
  retention: Retention;
  recoveryPublicKey: RecoveryPublicKey | null;
}

export function readBackupSettings(db: Database): StoredBackupSettings {
  const row = db
    .prepare(
      `SELECT s.*, u.display_name AS recovery_created_by_name
         FROM backup_settings s LEFT JOIN users u ON u.id = s.recovery_created_by WHERE s.id = 1`,
    )
    .get() as SettingsRow;
  const retention = { daily: row.keep_daily, weekly: row.keep_weekly, monthly: row.keep_monthly };
  const recoveryPublicKey = row.recovery_public_key && row.recovery_fingerprint ? { publicKey: row.recovery_public_key, fingerprint: row.recovery_fingerprint } : null;
  return {
    settings: {
      destination: row.destination,
      scheduleEnabled: row.schedule_enabled === 1,
      scheduleTime: row.schedule_time,
      retention,
      recoveryKey:
        recoveryPublicKey && row.recovery_created_at
          ? { fingerprint: recoveryPublicKey.fingerprint, createdAt: row.recovery_created_at, createdBy: row.recovery_created_by_name }
          : null,
      version: row.version,
    },
    retention,
    recoveryPublicKey,
  };
}

/**
 * What a host about to migrate needs from a database the app has not
 * migrated yet: backup_settings may not exist (an older schema), so its
 * absence means "no destination", not an error.
 */
export function readUpgradeDestination(db: Database): { destination: string; recoveryPublicKey: RecoveryPublicKey | null } | null {
  const row = readBackupSettingsRow(db);
  return row.destination ? { destination: row.destination, recoveryPublicKey: row.recovery } : null;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * A destination is a folder that already exists (a drive that is not
 * mounted must not silently become a folder on the host's own disk), that
 * the host can write to, and that is not inside the data it protects.
 * Symbolic links are resolved on both sides before comparing.
 */
export function checkDestination(destination: string, dataFolders: readonly string[]): string {
  if (!path.isAbsolute(destination)) throw fieldError(['destination'], checkMessages.backupDestinationAbsolute);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(destination);
  } catch {
    throw fieldError(['destination'], checkMessages.backupDestinationMissing);
  }
  if (!stats.isDirectory()) throw fieldError(['destination'], checkMessages.backupDestinationMissing);
  const real = realOrSelf(destination);
  if (dataFolders.some((folder) => isInside(real, realOrSelf(folder)))) throw fieldError(['destination'], checkMessages.backupDestinationInsideData);
  try {
    fs.accessSync(real, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw fieldError(['destination'], checkMessages.backupDestinationNotWritable);
  }
  return path.normalize(destination);
}

export function updateBackupSettings(
  db: Database,
  input: { destination: string; scheduleEnabled: boolean; scheduleTime: string; retention: Retention; version: number },
): boolean {
  const { changes } = db
    .prepare(
      `UPDATE backup_settings SET destination = ?, schedule_enabled = ?, schedule_time = ?, keep_daily = ?, keep_weekly = ?, keep_monthly = ?,
         version = version + 1 WHERE id = 1 AND version = ?`,
    )
    .run(input.destination, input.scheduleEnabled ? 1 : 0, input.scheduleTime, input.retention.daily, input.retention.weekly, input.retention.monthly, input.version);
  return changes === 1;
}

export function storeRecoveryKey(db: Database, publicKey: RecoveryPublicKey, at: string, by: number): void {
  db.prepare(
    `UPDATE backup_settings SET recovery_public_key = ?, recovery_fingerprint = ?, recovery_created_at = ?, recovery_created_by = ?, version = version + 1 WHERE id = 1`,
  ).run(publicKey.publicKey, publicKey.fingerprint, at, by);
}
