import fs from 'node:fs';
import pkg from '../../package.json';
import { createBackupSet } from '../core/backup/create';
import { readUpgradeDestination } from '../core/backup/settings';
import { verifyBackupSet } from '../core/backup/verify';
import { systemClock, type Clock } from '../core/clock';
import { databaseExists, openStore } from '../core/db/store';
import { StoreError } from '../core/db/store-error';
import { migrations } from '../core/db/migrations';

export interface UpgradeBackupOptions {
  file: string;
  key: Buffer;
  evidenceDir: string;
  anchorFile: string | null;
  log: (message: string) => void;
  clock?: Clock;
}

/**
 * Before migrations run on an upgrade, a set of the database as the old
 * version left it: a failed upgrade is undone by restoring it. The settings
 * are read with no migrations applied (the table may not exist yet in an old
 * schema: then there is no destination). A backup that fails refuses the
 * start, with nothing migrated: upgrading without the way back is the one
 * thing this exists to prevent. Answers the set's folder, or null when none
 * was needed.
 */
export async function backupBeforeUpgrade(options: UpgradeBackupOptions): Promise<string | null> {
  if (!databaseExists(options.file)) return null;
  const target = migrations.at(-1)!.version;
  const store = openStore({ file: options.file, key: options.key, migrations: [], log: options.log });
  let from: number;
  let found: ReturnType<typeof readUpgradeDestination>;
  try {
    from = store.db.pragma('user_version', { simple: true }) as number;
    found = from > 0 && from < target ? readUpgradeDestination(store.db) : null;
  } finally {
    store.close();
  }
  if (!found) return null;
  const refuse = (reason: string) =>
    new StoreError(
      'upgrade_backup_failed',
      `The backup before upgrading from schema ${from} to ${target} failed: ${reason}. Nothing was migrated. Make the backup destination ${found.destination} available (mount the drive) and start again.`,
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
