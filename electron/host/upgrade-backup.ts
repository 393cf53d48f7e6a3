import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import pkg from '../../package.json';
import { createBackupSet } from '../core/backup/create';
import { readUpgradeDestination } from '../core/backup/settings';
import { verifyBackupSet } from '../core/backup/verify';
import { systemClock, type Clock } from '../core/clock';
import { databaseExists, openStore } from '../core/db/store';
import { StoreError } from '../core/db/store-error';
import { migrations as allMigrations } from '../core/db/migrations';
import type { Migration } from '../core/db/migration';

class LookedOnly extends Error {}

export interface UpgradeBackupOptions {
  file: string;
  key: Buffer;
  evidenceDir: string;
  anchorFile: string | null;
  log: (message: string) => void;
  clock?: Clock;
  /** The migrations this app would run; all of them but in tests that pretend to be a newer version. */
  migrations?: readonly Migration[];
}

/**
 * Before migrations run on an upgrade, a set of the database as the old
 * version left it: a failed upgrade is undone by restoring it. The settings
 * are read before any migration is applied (the table may not exist yet in an
 * old schema: then there is no destination). A backup that fails refuses the
 * start, with nothing migrated: upgrading without the way back is the one
 * thing this exists to prevent. Answers the set's folder, or null when none
 * was needed.
 */
export async function backupBeforeUpgrade(options: UpgradeBackupOptions): Promise<string | null> {
  if (!databaseExists(options.file)) return null;
  const list = options.migrations ?? allMigrations;
  const target = list.at(-1)!.version;
  // openStore with "migrations" that only look: the first pending one reads the old schema and stops,
  // its transaction rolls back, so nothing is migrated. None pending: the schema is current.
  let seen: { from: number; found: ReturnType<typeof readUpgradeDestination> } | null = null;
  const lookOnly = list.map((m) => ({
    ...m,
    up(db: Database) {
      seen = { from: db.pragma('user_version', { simple: true }) as number, found: readUpgradeDestination(db) };
      throw new LookedOnly();
    },
  }));
  try {
    openStore({ file: options.file, key: options.key, migrations: lookOnly, log: options.log }).close();
  } catch (error) {
    if (!(error instanceof LookedOnly)) throw error;
  }
  if (!seen) return null;
  const { from, found } = seen as { from: number; found: ReturnType<typeof readUpgradeDestination> };
  // A database still being created (schema 0) has nothing to lose.
  if (from === 0) return null;
  if (!found) return null;
  const refuse = (reason: string) =>
    new StoreError(
      'upgrade_backup_failed',
      `The backup before upgrading from schema ${from} to ${target} failed: ${reason}. Nothing was migrated. Make the backup destination ${found.destination} available (mount the drive) and start again, or start with --skip-upgrade-backup and record why.`,
    );
  if (!fs.existsSync(found.destination)) throw refuse('the destination folder is not there');
  let setDir: string;
  try {
    const set = await createBackupSet({
      source: { file: options.file, key: options.key, evidenceDir: options.evidenceDir, anchorFile: options.anchorFile },
      destination: found.destination,
      kind: 'upgrade',
      appVersion: pkg.version,
      clock: options.clock ?? systemClock,
      recoveryPublicKey: found.recoveryPublicKey,
    });
    const verification = await verifyBackupSet(set.dir, options.key);
    if (!verification.ok) throw new Error(`the new set ${set.name} failed its verification (${verification.problem ?? 'unknown problem'})`);
    setDir = set.dir;
  } catch (error) {
    throw refuse((error as Error).message);
  }
  options.log(`backed up to ${setDir} before upgrading from schema ${from} to ${target}`);
  return setDir;
}
