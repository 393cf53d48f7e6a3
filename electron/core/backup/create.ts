import type { Clock } from '../clock';
import type { RecoveryPublicKey } from './recovery-key';
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
}

/**
 * Writes one set: the snapshot (taken on its own connection, off the event
 * loop), the evidence objects the destination lacks, the manifest last, then
 * renames it into place. Does not verify: call verifyBackupSet next.
 */
export async function createBackupSet(options: CreateBackupOptions): Promise<BackupSetSummary> {
  void options;
  throw new Error('not built yet');
}
