import { randomBytes } from 'node:crypto';
import { storedRecordingHashes } from '../evidence/stored-recordings';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { parseAnchors } from '../audit-anchor/anchor-file';
import { verifyAgainstCheckpointsInSteps } from '../audit-anchor/compare';
import { evidenceKeys, objectNameFor, openEncryptedObject } from '../evidence/evidence-store';
import { ensurePrivateDir } from '../private-files';
import { BackupError } from './backup-error';
import { destinationOfSet, objectFile, SCRATCH_PREFIX, writeVerification } from './destination';
import { copyAndHash, hashFile } from './files';
import { ANCHORS_COPY, checkKey, DATABASE_COPY, readManifest, sealHolds, type ReadManifest } from './manifest';
import { integrityCheck, openReadOnly } from './snapshot';
import type { BackupProgress, VerificationResult } from './types';

type Checks = VerificationResult['checks'];

/**
 * Restores the set's database into a scratch folder and checks everything:
 * the manifest's own hash and seal, every file's SHA-256 and size, PRAGMA
 * integrity_check, the audit chain against the set's own checkpoints, and
 * every recording's content hash after decryption. Writes the result to
 * verification.json in the set and returns it; a failed check is a result
 * with ok: false and the problem in words, not an exception. A key that
 * does not open the set is an exception (the set may be fine).
 */
export async function verifyBackupSet(
  setDir: string,
  key: Buffer,
  options: { onProgress?: (progress: BackupProgress) => void; now?: () => Date; nativeBinding?: string; record?: boolean } = {},
): Promise<VerificationResult> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const checks: Checks = { manifest: false, files: false, integrity: false, audit: false, evidence: false };
  const finish = (problem: string | null, firstMismatch: string | null = null): VerificationResult => {
    const result: VerificationResult = { ok: problem === null, at: now().toISOString(), durationMs: Date.now() - started, problem, firstMismatch, checks };
    if (options.record !== false) writeVerification(setDir, result);
    return result;
  };

  let manifest: ReadManifest;
  try {
    manifest = readManifest(setDir);
  } catch (error) {
    if (error instanceof BackupError && error.code === 'damaged') return finish(error.message, error.file);
    throw error;
  }
  checkKey(setDir, manifest, key);
  if (!manifest.hashOk) return finish('The manifest does not match its own hash: it was changed after the set was made.', 'manifest.json');
  if (!sealHolds(manifest, key)) return finish('The manifest is not sealed by this centre\'s key: it was changed after the set was made.', 'manifest.json');
  checks.manifest = true;

  const { body } = manifest;
  const destination = destinationOfSet(setDir);
  const progress: BackupProgress = { phase: 'verify', files: 0, filesTotal: 2 + body.objects.length, bytes: 0, bytesTotal: body.database.size + (body.anchors?.size ?? 0) + 2 * body.objects.reduce((s, o) => s + o.size, 0) };
  const count = (n: number) => {
    progress.bytes += n;
  };
  const scratch = path.join(destination, `${SCRATCH_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    // The database goes into the scratch folder as a restore would put it, hashed on the way.
    ensurePrivateDir(scratch);
    const restored = path.join(scratch, DATABASE_COPY);
    const copied = await copyAndHash(path.join(setDir, DATABASE_COPY), restored, count).catch(() => null);
    const databaseName = path.join('sets', body.name, DATABASE_COPY);
    if (!copied || copied.size !== body.database.size || copied.sha256 !== body.database.sha256) return finish(`${databaseName} does not match the manifest.`, databaseName);
    progress.files++;
    let anchorsText = '';
    if (body.anchors) {
      const anchorsName = path.join('sets', body.name, ANCHORS_COPY);
      const file = path.join(setDir, ANCHORS_COPY);
      const hashed = fs.existsSync(file) ? await hashFile(file, count) : null;
      if (!hashed || hashed.size !== body.anchors.size || hashed.sha256 !== body.anchors.sha256) return finish(`${anchorsName} does not match the manifest.`, anchorsName);
      anchorsText = fs.readFileSync(file, 'utf8');
    }
    progress.files++;
    options.onProgress?.({ ...progress });
    for (const object of body.objects) {
      const file = objectFile(destination, object.name);
      const relative = path.join('objects', object.name.slice(0, 2), object.name);
      const hashed = fs.existsSync(file) ? await hashFile(file, count) : null;
      if (!hashed) return finish(`${relative} is missing from the destination.`, relative);
      if (hashed.size !== object.size || hashed.sha256 !== object.sha256) return finish(`${relative} does not match the manifest.`, relative);
      progress.files++;
      options.onProgress?.({ ...progress });
    }
    checks.files = true;

    // Both checks read the whole database: integrity_check in a worker, the audit walk in pages, so a host keeps answering.
    const integrity = await integrityCheck({ file: restored, key, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    if (integrity.length !== 1 || integrity[0] !== 'ok') return finish(`The database copy fails PRAGMA integrity_check: ${integrity[0] ?? 'no answer'}.`, databaseName);
    checks.integrity = true;
    const db = openReadOnly(restored, key, options.nativeBinding);
    let recordings: string[];
    try {
      const verdict = await verifyAgainstCheckpointsInSteps(db, parseAnchors(anchorsText));
      if (!verdict.ok) {
        const where = verdict.firstBroken !== undefined ? `entry ${verdict.firstBroken} does not follow the one before it` : `${verdict.checkpoints.disagreeing} checkpoint(s) disagree with the log`;
        return finish(`The audit log in the set does not verify: ${where}.`, databaseName);
      }
      if (verdict.entries !== body.audit.entries) return finish(`The audit log in the set has ${verdict.entries} entries; the manifest says ${body.audit.entries}.`, databaseName);
      checks.audit = true;
      recordings = storedRecordingHashes(db);
    } finally {
      db.close();
    }

    const { encryptionKey, nameKey } = evidenceKeys(key);
    const listed = new Set(body.objects.map((o) => o.name));
    for (const sha256 of recordings) {
      const name = objectNameFor(nameKey, sha256);
      const relative = path.join('objects', name.slice(0, 2), name);
      if (!listed.has(name)) return finish(`A recording the database names is not in the manifest (${relative}).`, relative);
      const hash = createHash('sha256');
      try {
        const plain = openEncryptedObject(objectFile(destination, name), encryptionKey);
        plain.on('data', (chunk: Buffer) => count(chunk.length));
        await pipeline(plain, hash);
      } catch {
        return finish(`${relative} cannot be decrypted with this key.`, relative);
      }
      if (hash.digest('hex') !== sha256) return finish(`${relative} decrypts to other content than the recording it stands for.`, relative);
      options.onProgress?.({ ...progress });
    }
    checks.evidence = true;
    return finish(null);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
