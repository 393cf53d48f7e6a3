import { BackupError } from './backup-error';

/** The recovery key's public half, kept in backup_settings: sets wrap the database key to it. */
export interface RecoveryPublicKey {
  /** X25519 public key, base64. */
  publicKey: string;
  /** A short fingerprint printed on the recovery sheet and shown on the Backups page ("1234-5678"). */
  fingerprint: string;
}

/** A new recovery key: the words to show once (groups of digits), and its public half to keep. */
export function newRecoveryKey(): { recoveryKey: string; publicKey: RecoveryPublicKey } {
  throw new BackupError('no_recovery_key', 'not built yet');
}

/** The database key a set was made with, unwrapped with the recovery key typed by a person. */
export function keyFromRecoveryKey(setDir: string, recoveryKey: string): Buffer {
  void setDir;
  void recoveryKey;
  throw new BackupError('wrong_recovery_key', 'not built yet');
}
