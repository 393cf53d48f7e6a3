import { randomBytes } from 'node:crypto';
import { storedRecordingHashes } from '../evidence/stored-recordings';
import fs from 'node:fs';
import path from 'node:path';
import { auditHead } from '../audit';
import type { Clock } from '../clock';
import { schemaVersion } from '../db/migrate';
import { evidenceKeys, objectNameFor } from '../evidence/evidence-store';
import { ensurePrivateDir } from '../private-files';
import { BackupError } from './backup-error';
import { cleanDebris, fsyncDir, lockDestination, removeLeftByDeadProcesses, summaryOf, objectFile, incomingObjectsDir, PARTIAL_PREFIX, prepareDestination, setsDir } from './destination';
import { asBackupError, copyAndHash, fsyncFile, hashFile } from './files';
import { ANCHORS_COPY, DATABASE_COPY, FORMAT, keyCheckOf, MANIFEST_FILE, manifestText, readManifest, type ManifestBody } from './manifest';
import { wrapForRecovery, type RecoveryPublicKey } from './recovery-key';
import { openReadOnly, snapshotDatabase } from './snapshot';
import type { BackupKind, BackupProgress, BackupSetSummary, BackupSource } from './types';

export interface CreateBackupOptions {
  source: BackupSource;
  /** The destination folder (created if missing). */
  destination: string;
  kind: BackupKind;
  appVersion: string;
  clock: Clock;
  /** The recovery key's public half; null makes a set only the key file opens (the summary says so). */
  recoveryPublicKey: RecoveryPublicKey | null;
  /** Called just before the snapshot: the host appends a 'backup' audit checkpoint, so the set carries it. */
  beforeSnapshot?: () => void;
  onProgress?: (progress: BackupProgress) => void;
  /** A better-sqlite3 binding built for Electron's ABI (the desktop app); plain Node uses the default. */
  nativeBinding?: string;
}

/**
 * Writes one set: the snapshot (taken on its own connection, off the event
 * loop), the evidence objects the destination lacks, the manifest last, then
 * renames it into place. Until that rename the set is a ".partial-" folder,
 * which nothing treats as a set and the next backup removes. Does not
 * verify: call verifyBackupSet next.
 */
export async function createBackupSet(options: CreateBackupOptions): Promise<BackupSetSummary> {
  const { source, destination } = options;
  const started = Date.now();
  const createdAt = options.clock.now();
  prepareDestination(destination, createdAt);
  const unlock = lockDestination(destination);
  const name = freeSetName(destination, createdAt, options.kind);
  const partial = path.join(setsDir(destination), `${PARTIAL_PREFIX}${name}`);
  try {
    cleanDebris(destination);
    ensurePrivateDir(partial);
    const progress: BackupProgress = { phase: 'snapshot', files: 0, filesTotal: 1, bytes: 0, bytesTotal: 0 };
    const report = () => options.onProgress?.({ ...progress });
    report();

    options.beforeSnapshot?.();
    // The checkpoints are copied before the snapshot, so every one names an entry the snapshot holds.
    let anchors: ManifestBody['anchors'] = null;
    if (source.anchorFile && fs.existsSync(source.anchorFile)) anchors = await copyAndHash(source.anchorFile, path.join(partial, ANCHORS_COPY));

    const databaseFile = path.join(partial, DATABASE_COPY);
    const staging = stagingFile(source.file);
    let database: { size: number; sha256: string };
    let contents: ReturnType<typeof readSnapshot>;
    try {
      await snapshotDatabase({ file: source.file, key: source.key, target: staging, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
      contents = readSnapshot(staging, source.key, options.nativeBinding);
      database = await copyAndHash(staging, databaseFile);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
    }

    const { nameKey } = evidenceKeys(source.key);
    const names = [...new Set(contents.recordings.map((sha) => objectNameFor(nameKey, sha)))].sort();
    const known = knownObjects(destination);
    const missing = names.filter((n) => !fs.existsSync(objectFile(destination, n)));
    const sourceFile = (n: string) => path.join(source.evidenceDir, 'objects', n.slice(0, 2), n);
    const absent = missing.filter((n) => !fs.existsSync(sourceFile(n)));
    if (absent.length > 0) {
      throw new BackupError('evidence_missing', `${absent.length} recording file(s) the database names are missing from the evidence store (run "Check the evidence store"); the backup was not made.`);
    }
    Object.assign(progress, { phase: 'evidence', files: 1, filesTotal: 1 + missing.length, bytes: database.size, bytesTotal: database.size + missing.reduce((sum, n) => sum + fs.statSync(sourceFile(n)).size, 0) });
    report();

    const objects: ManifestBody['objects'] = [];
    let newBytes = database.size + (anchors?.size ?? 0);
    let lastReport = 0;
    for (const objectName of names) {
      const target = objectFile(destination, objectName);
      if (fs.existsSync(target)) {
        objects.push({ name: objectName, ...(known.get(objectName) ?? (await hashFile(target))) });
        continue;
      }
      const temp = path.join(incomingObjectsDir(destination), `${objectName}.${process.pid}`);
      const copied = await copyAndHash(sourceFile(objectName), temp, (n) => {
        progress.bytes += n;
        if (Date.now() - lastReport > 250) {
          lastReport = Date.now();
          report();
        }
      });
      ensurePrivateDir(path.dirname(target));
      fs.renameSync(temp, target);
      fs.chmodSync(target, 0o400);
      fsyncDir(path.dirname(target));
      objects.push({ name: objectName, ...copied });
      newBytes += copied.size;
      progress.files++;
      report();
    }

    progress.phase = 'manifest';
    report();
    const sizeBytes = database.size + (anchors?.size ?? 0) + objects.reduce((sum, o) => sum + o.size, 0);
    const body: ManifestBody = {
      format: FORMAT,
      name,
      kind: options.kind,
      createdAt: createdAt.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: contents.schemaVersion,
      audit: contents.audit,
      database,
      anchors,
      objects,
      stats: { sizeBytes, newBytes, newObjects: missing.length, durationMs: Date.now() - started },
      keyCheck: keyCheckOf(source.key),
      recovery: options.recoveryPublicKey ? wrapForRecovery(source.key, options.recoveryPublicKey) : null,
    };
    const manifestFile = path.join(partial, MANIFEST_FILE);
    fs.writeFileSync(manifestFile, manifestText(body, source.key), { mode: 0o600 });
    fsyncFile(manifestFile);
    fsyncDir(partial);
    const final = path.join(setsDir(destination), name);
    fs.renameSync(partial, final);
    fsyncDir(setsDir(destination));
    return summaryOf(final, body, null);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw asBackupError(error, destination);
  } finally {
    unlock();
  }
}

/**
 * Beside the database, on its volume: the snapshot is copied there under the
 * write lock (fast, local), then to the destination. A killed backup's
 * staging file is removed by the next one (its process is gone).
 */
function stagingFile(databaseFile: string): string {
  const dir = path.dirname(databaseFile);
  const prefix = `${path.basename(databaseFile)}.snapshot-`;
  removeLeftByDeadProcesses(dir, prefix);
  return path.join(dir, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Schema version, audit head and the recordings the snapshot names (their objects go into the set). */
function readSnapshot(file: string, key: Buffer, nativeBinding?: string): { schemaVersion: number; audit: { entries: number; head: string }; recordings: string[] } {
  const db = openReadOnly(file, key, nativeBinding);
  try {
    const recordings = storedRecordingHashes(db);
    const head = auditHead(db);
    return { schemaVersion: schemaVersion(db), audit: { entries: head.entry, head: head.head }, recordings };
  } finally {
    db.close();
  }
}

/** The hashes earlier sets recorded for the objects at the destination, so an incremental set need not read them again. */
function knownObjects(destination: string): Map<string, { size: number; sha256: string }> {
  const known = new Map<string, { size: number; sha256: string }>();
  for (const name of fs.readdirSync(setsDir(destination))) {
    if (name.startsWith('.')) continue;
    let objects;
    try {
      ({ objects } = readManifest(path.join(setsDir(destination), name)).body);
    } catch {
      continue;
    }
    for (const object of objects) known.set(object.name, { size: object.size, sha256: object.sha256 });
  }
  return known;
}

function freeSetName(destination: string, at: Date, kind: BackupKind): string {
  const base = `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${kind}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!fs.existsSync(path.join(setsDir(destination), name))) return name;
  }
}
