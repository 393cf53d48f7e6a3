import type { BackupProgress, VerificationResult } from './types';

/**
 * Restores the set into a temporary folder and checks it: the manifest's own
 * hash and seal, every file's SHA-256, PRAGMA integrity_check, the audit chain
 * against the set's checkpoints, and every evidence object's content hash.
 * Writes the result to verification.json in the set and returns it; a failed
 * check is a result with ok: false, not an exception.
 */
export async function verifyBackupSet(setDir: string, key: Buffer, options: { onProgress?: (progress: BackupProgress) => void; now?: () => Date } = {}): Promise<VerificationResult> {
  void setDir;
  void key;
  void options;
  throw new Error('not built yet');
}
