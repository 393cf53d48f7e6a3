import type { BackupProgress } from './types';

export interface RestoreOutcome {
  setName: string;
  files: number;
  bytes: number;
  /** Where an existing anchor file was moved aside (its later checkpoints name entries the restored log lacks). */
  movedAnchorFile: string | null;
}

/**
 * Writes a set into an empty data folder (refuses one that is not), after
 * checking every file against the manifest: a damaged set is refused naming
 * the first file that does not match.
 */
export async function restoreBackupSet(options: { setDir: string; dataDir: string; key: Buffer; anchorFile: string | null; onProgress?: (progress: BackupProgress) => void }): Promise<RestoreOutcome> {
  void options;
  throw new Error('not built yet');
}
