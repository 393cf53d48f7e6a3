import type { Migration } from '../migration';

/**
 * An issued document can be withdrawn (a wrong recipient, a fact corrected
 * since): it stays in the register byte for byte, and checking the file says
 * it was withdrawn, when, by whom and why, so nobody relies on it unknowingly.
 */
export const migration017: Migration = {
  version: 17,
  name: 'document-withdrawals',
  up(db) {
    db.exec(`
      ALTER TABLE issued_documents ADD COLUMN withdrawn_at TEXT;
      ALTER TABLE issued_documents ADD COLUMN withdrawn_by INTEGER REFERENCES users(id);
      ALTER TABLE issued_documents ADD COLUMN withdrawal_reason TEXT;
    `);
  },
};
