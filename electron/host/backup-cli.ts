import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { AuditAnchor } from '../core/audit-anchor/audit-anchor';
import { systemClock } from '../core/clock';
import { BackupError, createBackupSet, keyFromRecoveryKey, restoreBackupSet, rotateBackups, verifyBackupSet, type BackupProgress } from '../core/backup';
import { rekeyDataFolder } from '../core/backup/rekey';
import { readBackupSettingsRow, readCentreZone } from '../core/backup/settings-row';
import { openWithKey } from '../core/backup/snapshot';
import { DATABASE_FILE, databaseExists } from '../core/db/store';
import { StoreError } from '../core/db/store-error';
import { defaultAnchorFile } from './host';
import { readKeyFile, writeNewKeyFile } from './keyfile';
import { askSecret, formatBytes, progressLine } from './terminal';

/**
 * The operations subcommands: backup, restore, verify-backup, rekey. Their
 * names and options are part of the operations interface (docs/operations.md);
 * scripts call them. Each prints progress and exits 0, or 1 with one line
 * saying what failed, or 2 for a mistake in the command line.
 */
export const backupUsage = `Backups and keys:
  npm run host -- backup --data DIR --key-file PATH --to DEST [--audit-anchors PATH] [--no-verify]
      a set of the database and every recording at DEST (also while a host runs on DIR), verified
  npm run host -- restore --from SET_DIR --data NEW_DIR (--key-file PATH | --recovery-key [--new-key-file PATH]) [--audit-anchors PATH]
      writes a set into an empty folder; --recovery-key asks for the key on the terminal
  npm run host -- verify-backup --from SET_DIR (--key-file PATH | --recovery-key)
  npm run host -- rekey --data DIR --key-file PATH --new-key-file NEW_PATH
      replaces the database key (stop the host first); the old key no longer opens the data`;

export const backupCommands = ['backup', 'restore', 'verify-backup', 'rekey'] as const;
export type BackupCommand = (typeof backupCommands)[number];

class UsageError extends Error {}

const phaseLabel: Record<BackupProgress['phase'], string> = {
  snapshot: 'Snapshot of the database',
  evidence: 'Copying recordings',
  manifest: 'Writing the manifest',
  verify: 'Verifying',
  restore: 'Restoring',
};

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where a recovery key is typed (the terminal; a pipe in scripts and tests). */
  input: NodeJS.ReadStream;
}

const processIo: CommandIo = { out: console.log, err: console.error, input: process.stdin };

export async function runBackupCommand(command: BackupCommand, argv: string[], io: CommandIo = processIo): Promise<number> {
  try {
    switch (command) {
      case 'backup':
        return await backup(argv, io.out);
      case 'restore':
        return await restore(argv, io.out, io.input);
      case 'verify-backup':
        return await verify(argv, io.out, io.input);
      case 'rekey':
        return await rekey(argv, io.out);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`barnahus-host ${command}: ${error.message}\n\n${backupUsage}`);
      return 2;
    }
    if (error instanceof BackupError || error instanceof StoreError) {
      io.err(`barnahus-host ${command}: ${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOSPC') {
      io.err(`barnahus-host ${command}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

function options(argv: string[], spec: Record<string, { type: 'string' | 'boolean' }>): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options: spec, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** The key of a set: from the key file, or unwrapped with the recovery key typed on the terminal. */
async function keyForSet(values: Record<string, string | boolean | undefined>, setDir: string, input: NodeJS.ReadStream): Promise<Buffer> {
  const keyFile = values['key-file'];
  if (typeof keyFile === 'string' && values['recovery-key']) throw new UsageError('give --key-file or --recovery-key, not both');
  if (typeof keyFile === 'string') return readKeyFile(keyFile);
  if (!values['recovery-key']) throw new UsageError('--key-file PATH or --recovery-key is required');
  const typed = await askSecret('Recovery key (nine groups of five digits): ', input);
  return keyFromRecoveryKey(setDir, typed);
}

function reporter() {
  const line = progressLine();
  return {
    onProgress: (p: BackupProgress) => line.update({ label: phaseLabel[p.phase], ...p }),
    done: () => line.done(),
  };
}

async function backup(argv: string[], out: (line: string) => void): Promise<number> {
  const values = options(argv, { data: { type: 'string' }, 'key-file': { type: 'string' }, to: { type: 'string' }, 'audit-anchors': { type: 'string' }, 'no-verify': { type: 'boolean' } });
  const dataDir = required(values, 'data');
  const keyFile = required(values, 'key-file');
  const destination = path.resolve(required(values, 'to'));
  const file = path.join(dataDir, DATABASE_FILE);
  if (!databaseExists(file)) throw new BackupError('not_a_set', `${dataDir} holds no database to back up.`);
  const key = readKeyFile(keyFile);
  const db = openWithKey(file, key, { readonly: false });
  const clock = systemClock;
  const settings = readBackupSettingsRow(db);
  const anchorFile = typeof values['audit-anchors'] === 'string' ? values['audit-anchors'] : defaultAnchorFile(dataDir);
  const run = startRun(db, destination, clock.now());
  const progress = reporter();
  try {
    if (!settings.recovery) out('Note: no recovery key has been created (Backups page): only the key file will open this set.');
    const anchor = new AuditAnchor(db, clock, anchorFile);
    const set = await createBackupSet({
      source: { file, key, evidenceDir: path.join(dataDir, 'evidence'), anchorFile },
      destination,
      kind: 'cli',
      appVersion: pkg.version,
      clock,
      recoveryPublicKey: settings.recovery,
      beforeSnapshot: () => anchor.writeCheckpoint('backup'),
      onProgress: progress.onProgress,
    });
    progress.done();
    out(`Set ${set.name}: ${formatBytes(set.sizeBytes)} (${formatBytes(set.newBytes)} new, ${set.newObjects} of ${set.objects} recordings copied) in ${(set.durationMs / 1000).toFixed(1)} s.`);
    let verifiedOk: boolean | null = null;
    if (!values['no-verify']) {
      const result = await verifyBackupSet(set.dir, key, { onProgress: progress.onProgress });
      progress.done();
      verifiedOk = result.ok;
      if (!result.ok) {
        finishRun(db, run, clock.now(), { ok: false, setName: set.name, sizeBytes: set.sizeBytes, newBytes: set.newBytes, verifiedOk, error: `verification failed: ${result.problem}` });
        throw new BackupError('damaged', `The new set ${set.name} failed its verification: ${result.problem}`);
      }
      out(`Verified in ${(result.durationMs / 1000).toFixed(1)} s: manifest, files, integrity_check, audit log and every recording.`);
    }
    const rotated = rotateBackups(destination, settings.retention, readCentreZone(db));
    if (rotated.removedSets.length > 0) out(`Removed ${rotated.removedSets.length} older set(s) and ${rotated.removedObjects} recording file(s) no kept set needs (${formatBytes(rotated.freedBytes)}).`);
    finishRun(db, run, clock.now(), { ok: true, setName: set.name, sizeBytes: set.sizeBytes, newBytes: set.newBytes, verifiedOk, error: '' });
    out(set.dir);
    return 0;
  } catch (error) {
    progress.done();
    finishRun(db, run, clock.now(), { ok: false, setName: null, sizeBytes: null, newBytes: null, verifiedOk: null, error: (error as Error).message });
    throw error;
  } finally {
    db.close();
  }
}

/** The run goes into backup_runs (when the database has the table), so the Backups page reports CLI backups and their failures too. */
function startRun(db: ReturnType<typeof openWithKey>, destination: string, at: Date): number | null {
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backup_runs'").get()) return null;
  return Number(db.prepare("INSERT INTO backup_runs (kind, destination, started_at) VALUES ('cli', ?, ?)").run(destination, at.toISOString()).lastInsertRowid);
}

function finishRun(
  db: ReturnType<typeof openWithKey>,
  run: number | null,
  at: Date,
  outcome: { ok: boolean; setName: string | null; sizeBytes: number | null; newBytes: number | null; verifiedOk: boolean | null; error: string },
): void {
  if (run === null) return;
  const current = db.prepare('SELECT outcome FROM backup_runs WHERE id = ?').get(run) as { outcome: string | null };
  if (current.outcome !== null) return;
  db.prepare('UPDATE backup_runs SET finished_at = ?, outcome = ?, set_name = ?, size_bytes = ?, new_bytes = ?, verified_ok = ?, verified_at = ?, error = ? WHERE id = ?').run(
    at.toISOString(),
    outcome.ok ? 'ok' : 'failed',
    outcome.setName,
    outcome.sizeBytes,
    outcome.newBytes,
    outcome.verifiedOk === null ? null : outcome.verifiedOk ? 1 : 0,
    outcome.verifiedOk === null ? null : at.toISOString(),
    outcome.error.slice(0, 500),
    run,
  );
}

async function restore(argv: string[], out: (line: string) => void, input: NodeJS.ReadStream): Promise<number> {
  const values = options(argv, {
    from: { type: 'string' },
    data: { type: 'string' },
    'key-file': { type: 'string' },
    'recovery-key': { type: 'boolean' },
    'new-key-file': { type: 'string' },
    'audit-anchors': { type: 'string' },
  });
  const setDir = path.resolve(required(values, 'from'));
  const dataDir = path.resolve(required(values, 'data'));
  if (values['new-key-file'] && !values['recovery-key']) throw new UsageError('--new-key-file goes with --recovery-key (with --key-file, that file stays the key)');
  const newKeyFile = values['recovery-key'] ? (typeof values['new-key-file'] === 'string' ? values['new-key-file'] : path.join(path.dirname(dataDir), `${path.basename(dataDir)}.key`)) : null;
  if (newKeyFile && fs.existsSync(newKeyFile)) throw new BackupError('data_not_empty', `${newKeyFile} already exists; choose another --new-key-file. Nothing was changed.`);
  const key = await keyForSet(values, setDir, input);
  const anchorFile = typeof values['audit-anchors'] === 'string' ? values['audit-anchors'] : defaultAnchorFile(dataDir);
  const progress = reporter();
  const outcome = await restoreBackupSet({ setDir, dataDir, key, anchorFile, onProgress: progress.onProgress });
  progress.done();
  out(`Restored ${outcome.setName} into ${dataDir}: ${outcome.files} files, ${formatBytes(outcome.bytes)}.`);
  if (outcome.movedAnchorFile) out(`The audit checkpoint file from before the restore was kept as ${outcome.movedAnchorFile}: its checkpoints after the set's time name entries the restored log does not have. Keep it with your records.`);
  if (newKeyFile) {
    writeNewKeyFile(newKeyFile, key);
    out(`The database key recovered with the recovery key is in ${newKeyFile} (mode 0600). Move it off the data volume, then start the host with --key-file pointing at it.`);
  }
  out(`Start the host: npm run host -- --data ${dataDir} --key-file ${newKeyFile ?? String(values['key-file'])}`);
  return 0;
}

async function verify(argv: string[], out: (line: string) => void, input: NodeJS.ReadStream): Promise<number> {
  const values = options(argv, { from: { type: 'string' }, 'key-file': { type: 'string' }, 'recovery-key': { type: 'boolean' } });
  const setDir = path.resolve(required(values, 'from'));
  const key = await keyForSet(values, setDir, input);
  const progress = reporter();
  const result = await verifyBackupSet(setDir, key, { onProgress: progress.onProgress });
  progress.done();
  if (!result.ok) throw new BackupError('damaged', `${path.basename(setDir)} is damaged: ${result.problem}`, result.firstMismatch);
  out(`${path.basename(setDir)} verified in ${(result.durationMs / 1000).toFixed(1)} s: manifest, every file's SHA-256, integrity_check, the audit log and every recording are as they were.`);
  return 0;
}

async function rekey(argv: string[], out: (line: string) => void): Promise<number> {
  const values = options(argv, { data: { type: 'string' }, 'key-file': { type: 'string' }, 'new-key-file': { type: 'string' } });
  const dataDir = required(values, 'data');
  const oldKeyFile = required(values, 'key-file');
  const newKeyFile = required(values, 'new-key-file');
  if (path.resolve(oldKeyFile) === path.resolve(newKeyFile)) throw new UsageError('--new-key-file must be another file than --key-file');
  const file = path.join(dataDir, DATABASE_FILE);
  if (!databaseExists(file)) throw new BackupError('not_a_set', `${dataDir} holds no database.`);
  const line = progressLine();
  const outcome = await rekeyDataFolder({
    databaseFile: file,
    evidenceDir: path.join(dataDir, 'evidence'),
    oldKey: readKeyFile(oldKeyFile),
    newKeyFile,
    writeKeyFile: writeNewKeyFile,
    readKeyFile,
    onProgress: (p) => line.update({ label: 'Re-encrypting recordings', ...p }),
  });
  line.done();
  out(
    `${outcome.resumed ? 'Finished an interrupted rekey' : 'Rekeyed'}: the database and ${outcome.objects} recording file(s) (${formatBytes(outcome.bytes)}) are now under the key in ${newKeyFile}, in ${(outcome.durationMs / 1000).toFixed(1)} s.`,
  );
  out(`The old key file no longer opens the data: start the host with --key-file ${newKeyFile}, then destroy ${oldKeyFile}. Backup sets made before now still need the old key file or the recovery key; make a new backup now.`);
  return 0;
}
