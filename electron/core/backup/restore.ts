import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../db/store';
import { ensurePrivateDir } from '../private-files';
import { BackupError } from './backup-error';
import { destinationOfSet, fsyncDir, objectFile } from './destination';
import { copyAndHash } from './files';
import { ANCHORS_COPY, checkKey, DATABASE_COPY, MANIFEST_FILE, readManifest, sealHolds } from './manifest';
import type { BackupProgress } from './types';

export interface RestoreOutcome {
  setName: string;
  files: number;
  bytes: number;
  /** Where an existing anchor file was moved aside (its later checkpoints name entries the restored log lacks). */
  movedAnchorFile: string | null;
}

/**
 * Writes a set into an empty data folder (refuses one that is not), checking
 * every file against the manifest as it copies: a damaged set is refused
 * naming the first file that does not match, and nothing is left behind.
 * The copy is built beside the target and renamed into place at the end, so
 * a killed restore never leaves a half data folder a host would start on.
 */
export async function restoreBackupSet(options: { setDir: string; dataDir: string; key: Buffer; anchorFile: string | null; onProgress?: (progress: BackupProgress) => void }): Promise<RestoreOutcome> {
  const { setDir, key } = options;
  const dataDir = path.resolve(options.dataDir);
  if (fs.existsSync(dataDir) && (!fs.statSync(dataDir).isDirectory() || fs.readdirSync(dataDir).length > 0)) {
    throw new BackupError('data_not_empty', `${dataDir} is not empty. Restore into a new or empty folder; nothing was changed.`);
  }
  const manifest = readManifest(setDir);
  checkKey(setDir, manifest, key);
  if (!manifest.hashOk || !sealHolds(manifest, key)) throw new BackupError('damaged', `${MANIFEST_FILE} of ${manifest.body.name} was changed after the set was made; it was not restored.`, MANIFEST_FILE);
  const { body } = manifest;
  const destination = destinationOfSet(setDir);

  const staging = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
  const progress: BackupProgress = { phase: 'restore', files: 0, filesTotal: 1 + body.objects.length + (body.anchors ? 1 : 0), bytes: 0, bytesTotal: body.database.size + (body.anchors?.size ?? 0) + body.objects.reduce((s, o) => s + o.size, 0) };
  const report = () => options.onProgress?.({ ...progress });
  const copyChecked = async (source: string, target: string, expected: { size: number; sha256: string }, name: string) => {
    if (!fs.existsSync(source)) throw new BackupError('damaged', `${name} is missing from the backup; nothing was restored.`, name);
    const copied = await copyAndHash(source, target, (n) => {
      progress.bytes += n;
    });
    if (copied.size !== expected.size || copied.sha256 !== expected.sha256) throw new BackupError('damaged', `${name} does not match the manifest; nothing was restored.`, name);
    progress.files++;
    report();
  };
  try {
    ensurePrivateDir(staging);
    report();
    await copyChecked(path.join(setDir, DATABASE_COPY), path.join(staging, DATABASE_FILE), body.database, path.join('sets', body.name, DATABASE_COPY));
    const objectsRoot = path.join(staging, 'evidence', 'objects');
    ensurePrivateDir(path.join(staging, 'evidence'));
    ensurePrivateDir(objectsRoot);
    for (const object of body.objects) {
      const target = path.join(objectsRoot, object.name.slice(0, 2), object.name);
      ensurePrivateDir(path.dirname(target));
      await copyChecked(objectFile(destination, object.name), target, object, path.join('objects', object.name.slice(0, 2), object.name));
      fs.chmodSync(target, 0o400);
    }
    if (body.anchors) {
      const anchorsName = path.join('sets', body.name, ANCHORS_COPY);
      await copyChecked(path.join(setDir, ANCHORS_COPY), path.join(staging, ANCHORS_COPY), body.anchors, anchorsName);
    }
    if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir);
    fs.renameSync(staging, dataDir);
    fsyncDir(path.dirname(dataDir));
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }

  // The checkpoints go beside the data folder, where the host looks for them; later ones from before the restore are kept aside.
  let movedAnchorFile: string | null = null;
  const restoredAnchors = path.join(dataDir, ANCHORS_COPY);
  if (options.anchorFile && fs.existsSync(restoredAnchors)) {
    if (fs.existsSync(options.anchorFile)) {
      movedAnchorFile = `${options.anchorFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(options.anchorFile, movedAnchorFile);
    }
    fs.mkdirSync(path.dirname(options.anchorFile), { recursive: true });
    // Copied, not renamed: the anchor file may live on another volume.
    fs.copyFileSync(restoredAnchors, options.anchorFile);
    fs.rmSync(restoredAnchors);
  } else {
    fs.rmSync(restoredAnchors, { force: true });
  }
  return { setName: body.name, files: progress.files, bytes: progress.bytes, movedAnchorFile };
}
