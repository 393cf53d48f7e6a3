/** What went wrong with a backup, restore or verify, in words a centre's IT person acts on. */
export type BackupErrorCode =
  | 'destination_unusable'
  | 'not_a_set'
  | 'damaged'
  | 'wrong_key'
  | 'wrong_recovery_key'
  | 'no_recovery_key'
  | 'data_not_empty'
  | 'no_space'
  | 'evidence_missing'
  | 'busy';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    /** The first file that does not match its manifest, relative to the set or destination. */
    readonly file: string | null = null,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}
