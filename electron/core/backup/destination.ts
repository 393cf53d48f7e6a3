import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir } from '../private-files';
import { BackupError } from './backup-error';
import { readManifest, VERIFICATION_FILE, type ManifestBody } from './manifest';
import type { BackupSetSummary, VerificationResult } from './types';

/** What marks a folder as a Barnahus backup destination; the rest of the layout is in types.ts. */
export const DESTINATION_MARKER = 'barnahus-backups.json';
export const PARTIAL_PREFIX = '.partial-';
const LOCK_FILE = '.lock';

export const setsDir = (destination: string) => path.join(destination, 'sets');
export const objectsDir = (destination: string) => path.join(destination, 'objects');
export const incomingObjectsDir = (destination: string) => path.join(destination, 'objects', '.incoming');
export const objectFile = (destination: string, name: string) => path.join(destination, 'objects', name.slice(0, 2), name);
/** The destination a set lives in (DEST/sets/<name>). */
export const destinationOfSet = (setDir: string) => path.dirname(path.dirname(path.resolve(setDir)));

/** Makes a folder a destination (or checks it is one), private to this user. */
export function prepareDestination(destination: string, now: Date): void {
  if (!path.isAbsolute(destination)) throw new BackupError('destination_unusable', `The backup destination must be an absolute path, not "${destination}".`);
  try {
    ensurePrivateDir(destination);
    ensurePrivateDir(setsDir(destination));
    ensurePrivateDir(objectsDir(destination));
    ensurePrivateDir(incomingObjectsDir(destination));
    const marker = path.join(destination, DESTINATION_MARKER);
    if (!fs.existsSync(marker)) fs.writeFileSync(marker, `${JSON.stringify({ format: 'barnahus-backups/1', createdAt: now.toISOString() })}\n`, { mode: 0o600 });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('destination_unusable', `The backup destination ${destination} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

/**
 * One writer per destination: a second backup (the CLI while the host's
 * scheduled one runs) is refused, not interleaved. A lock left by a killed
 * process is taken over once its process is gone.
 */
export function lockDestination(destination: string): () => void {
  const file = path.join(destination, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
        throw new BackupError('busy', `Another backup is writing to ${destination} (process ${pid}). Wait for it to finish.`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new BackupError('busy', `Another backup is writing to ${destination}.`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what killed backups left (.partial sets, half-copied objects, verify scratch folders); call under the lock. */
export function cleanDebris(destination: string): number {
  let removed = 0;
  const remove = (target: string) => {
    fs.rmSync(target, { recursive: true, force: true });
    removed++;
  };
  if (fs.existsSync(setsDir(destination))) {
    for (const entry of fs.readdirSync(setsDir(destination))) if (entry.startsWith(PARTIAL_PREFIX)) remove(path.join(setsDir(destination), entry));
  }
  if (fs.existsSync(incomingObjectsDir(destination))) for (const entry of fs.readdirSync(incomingObjectsDir(destination))) remove(path.join(incomingObjectsDir(destination), entry));
  // A verification in progress (this process or another) keeps its scratch folder; a killed one's goes.
  removed += removeLeftByDeadProcesses(destination, SCRATCH_PREFIX);
  return removed;
}

export const SCRATCH_PREFIX = '.verify-';

const verificationSchema = z.object({
  ok: z.boolean(),
  at: z.string(),
  durationMs: z.number(),
  problem: z.string().nullable(),
  firstMismatch: z.string().nullable(),
  checks: z.object({ manifest: z.boolean(), files: z.boolean(), integrity: z.boolean(), audit: z.boolean(), evidence: z.boolean() }),
});

export function readVerification(setDir: string): VerificationResult | null {
  try {
    const parsed = verificationSchema.safeParse(JSON.parse(fs.readFileSync(path.join(setDir, VERIFICATION_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeVerification(setDir: string, result: VerificationResult): void {
  const file = path.join(setDir, VERIFICATION_FILE);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(result, null, 1)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** Every complete set at a destination, newest first; a folder without a readable manifest is not a set and is skipped. */
export function listBackupSets(destination: string): BackupSetSummary[] {
  if (!fs.existsSync(setsDir(destination))) return [];
  const sets: BackupSetSummary[] = [];
  for (const name of fs.readdirSync(setsDir(destination))) {
    if (name.startsWith('.')) continue;
    const dir = path.join(setsDir(destination), name);
    let manifest;
    try {
      manifest = readManifest(dir);
    } catch {
      continue;
    }
    sets.push(summaryOf(dir, manifest.body, readVerification(dir)));
  }
  return sets.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** What the page, the CLI and rotation need of a set, from its manifest. */
export function summaryOf(dir: string, body: ManifestBody, verification: VerificationResult | null): BackupSetSummary {
  return {
    name: body.name,
    dir,
    kind: body.kind,
    createdAt: body.createdAt,
    durationMs: body.stats.durationMs,
    sizeBytes: body.stats.sizeBytes,
    newBytes: body.stats.newBytes,
    objects: body.objects.length,
    newObjects: body.stats.newObjects,
    schemaVersion: body.schemaVersion,
    appVersion: body.appVersion,
    audit: body.audit,
    recoveryKey: body.recovery ? { fingerprint: body.recovery.fingerprint } : null,
    verification,
  };
}

/** Removes the entries of a folder that start with `prefix` followed by the pid of a process that is gone (what a killed run left). */
export function removeLeftByDeadProcesses(dir: string, prefix: string): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Flushes a folder's entries (a rename into it) to the disk; a no-op where folders cannot be opened (Windows). */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
