/**
 * The backup engine (plain Node; no window, no network). The CLI, the host's
 * scheduler and the Backups page's handlers all go through these functions.
 */
export type { BackupKind, BackupProgress, BackupSetSummary, BackupSource, Retention, VerificationResult } from './types';
export { defaultRetention } from './types';
export { BackupError, type BackupErrorCode } from './backup-error';
export { newRecoveryKey, parseRecoveryKey, publicKeyOfRecoveryKey, type RecoveryPublicKey } from './recovery-key';
export { keyFromRecoveryKey } from './manifest';
export { createBackupSet, type CreateBackupOptions } from './create';
export { verifyBackupSet } from './verify';
export { restoreBackupSet, type RestoreOutcome } from './restore';
export { listBackupSets, cleanDebris } from './destination';
export { rotateBackups, type RotationOutcome } from './rotation';
