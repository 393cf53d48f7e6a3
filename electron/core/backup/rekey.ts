import { randomBytes } from 'node:crypto';
import { storedRecordingHashes } from '../evidence/stored-recordings';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { evidenceKeys, objectNameFor, openEncryptedObject, writeEncryptedObject } from '../evidence/evidence-store';
import { ensurePrivateDir } from '../private-files';
import { BackupError } from './backup-error';
import { fsyncDir } from './destination';
import { openWithKey } from './snapshot';

export interface RekeyOutcome {
  objects: number;
  bytes: number;
  durationMs: number;
  /** True when this run finished one a crash had interrupted. */
  resumed: boolean;
}

/**
 * Replaces the database key. Every evidence object is decrypted with the old
 * key, checked against its recording's SHA-256 and encrypted under the new one
 * into a side folder; then SQLCipher rewrites every database page under the
 * new key in one transaction (rollback journal: rekey does not run in WAL);
 * then the folders swap. The new key file is written before the database
 * changes, so a crash at any step leaves a state this function finishes when
 * run again with the same two paths. The host must be stopped: leaving WAL
 * needs the only connection, which is how a running host is detected.
 */
export async function rekeyDataFolder(options: {
  databaseFile: string;
  evidenceDir: string;
  oldKey: Buffer;
  newKeyFile: string;
  writeKeyFile: (file: string, key: Buffer) => void;
  readKeyFile: (file: string) => Buffer;
  onProgress?: (done: { files: number; filesTotal: number; bytes: number; bytesTotal: number }) => void;
}): Promise<RekeyOutcome> {
  const started = Date.now();
  const resumed = fs.existsSync(options.newKeyFile);
  const newKey = resumed ? options.readKeyFile(options.newKeyFile) : randomBytes(32);
  if (newKey.equals(options.oldKey)) throw new BackupError('wrong_key', 'The new key file holds the same key as the old one.');

  const opensWith = (key: Buffer) => {
    try {
      openWithKey(options.databaseFile, key, { readonly: true }).close();
      return true;
    } catch {
      return false;
    }
  };
  const databaseRekeyed = resumed && opensWith(newKey);
  if (!databaseRekeyed && !opensWith(options.oldKey)) {
    throw new BackupError('wrong_key', `Neither the key file nor ${options.newKeyFile} opens ${options.databaseFile}.`);
  }
  const current = databaseRekeyed ? newKey : options.oldKey;
  const db = openWithKey(options.databaseFile, current, { readonly: false });
  try {
    try {
      db.pragma('busy_timeout = 0');
      if ((db.pragma('journal_mode = DELETE', { simple: true }) as string).toLowerCase() !== 'delete') throw new Error('still in WAL');
    } catch {
      throw new BackupError('busy', `${options.databaseFile} is open in another process. Stop the host (and any backup) first; nothing was changed.`);
    }
    const objectsDir = path.join(options.evidenceDir, 'objects');
    const sideDir = path.join(options.evidenceDir, 'objects.rekey');
    let objects = 0;
    let bytes = 0;
    if (!databaseRekeyed) {
      const recordings = storedRecordingHashes(db);
      const oldKeys = evidenceKeys(options.oldKey);
      const newKeys = evidenceKeys(newKey);
      const present = recordings.filter((sha) => fs.existsSync(objectPath(objectsDir, objectNameFor(oldKeys.nameKey, sha))));
      const bytesTotal = present.reduce((sum, sha) => sum + fs.statSync(objectPath(objectsDir, objectNameFor(oldKeys.nameKey, sha))).size, 0);
      fs.rmSync(sideDir, { recursive: true, force: true });
      ensurePrivateDir(sideDir);
      for (const sha256 of present) {
        const source = objectPath(objectsDir, objectNameFor(oldKeys.nameKey, sha256));
        const target = objectPath(sideDir, objectNameFor(newKeys.nameKey, sha256));
        ensurePrivateDir(path.dirname(target));
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done(null, chunk);
          },
        });
        const plain = openEncryptedObject(source, oldKeys.encryptionKey);
        const written = await writeEncryptedObject(plain.pipe(counter), target, newKeys.encryptionKey);
        if (written.sha256 !== sha256) throw new BackupError('damaged', `A recording's file does not match its SHA-256 (${path.relative(options.evidenceDir, source)}); nothing was changed. Check the evidence store first.`);
        const fd = fs.openSync(target, 'r');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fs.chmodSync(target, 0o400);
        objects++;
        options.onProgress?.({ files: objects, filesTotal: present.length, bytes, bytesTotal });
      }
      if (!resumed) options.writeKeyFile(options.newKeyFile, newKey);
      db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    }
    if (fs.existsSync(sideDir)) {
      const oldDir = path.join(options.evidenceDir, 'objects.old-key');
      if (fs.existsSync(objectsDir)) fs.renameSync(objectsDir, oldDir);
      fs.renameSync(sideDir, objectsDir);
      fsyncDir(options.evidenceDir);
      removeReadOnlyTree(oldDir);
    }
    db.pragma('journal_mode = WAL');
    return { objects, bytes, durationMs: Date.now() - started, resumed };
  } finally {
    db.close();
  }
}

function objectPath(root: string, name: string): string {
  return path.join(root, name.slice(0, 2), name);
}

/** Objects are stored read-only; some platforms refuse to delete those. */
function removeReadOnlyTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o600);
  fs.rmSync(dir, { recursive: true, force: true });
}
