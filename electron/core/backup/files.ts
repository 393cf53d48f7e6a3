import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { BackupError } from './backup-error';

const CHUNK = 1024 * 1024;

/**
 * Copies a file, hashing what it writes and flushing it to the disk before
 * returning: a set renamed into place after this never names bytes still in
 * a cache. `onBytes` reports progress as it goes.
 */
export async function copyAndHash(source: string, target: string, onBytes: (n: number) => void = () => undefined): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const input = await fs.promises.open(source, 'r');
  let output: fs.promises.FileHandle | null = null;
  let size = 0;
  try {
    output = await fs.promises.open(target, 'wx', 0o600);
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await output.write(chunk);
      size += bytesRead;
      onBytes(bytesRead);
    }
    await output.sync();
  } catch (error) {
    throw asBackupError(error, target);
  } finally {
    await input.close();
    await output?.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** SHA-256 and size of a file, read in chunks (objects are gigabytes). */
export async function hashFile(file: string, onBytes: (n: number) => void = () => undefined): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const input = await fs.promises.open(file, 'r');
  let size = 0;
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
      onBytes(bytesRead);
    }
  } finally {
    await input.close();
  }
  return { size, sha256: hash.digest('hex') };
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A full disk and an unwritable folder, in words; anything else as it is. */
export function asBackupError(error: unknown, where: string): unknown {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new BackupError('no_space', `The backup destination is full (writing ${where}). Free space there or choose another destination.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new BackupError('destination_unusable', `The backup destination cannot be written (${code} on ${where}).`);
  return error;
}
