export type StoreErrorCode = 'wrong_key' | 'too_new' | 'not_encrypted' | 'bad_key_file' | 'missing' | 'anchor_unwritable' | 'upgrade_backup_failed';

/** Why the store cannot be opened. Shown to the operator as-is; never a stack trace. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
