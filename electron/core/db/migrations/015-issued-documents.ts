import type { Migration } from '../migration';

/**
 * Documents the centre issues: a case's court summary, or the minutes of a
 * case review meeting (one row each time they are printed, as each reader's
 * copy holds the cases that reader may see). The file itself is kept (the
 * database is encrypted) so it can be handed out again byte for byte, and its
 * SHA-256 is unique and indexed so a file brought back can be recognised.
 */
export const migration015: Migration = {
  version: 15,
  name: 'issued-documents',
  up(db) {
    db.exec(`
      CREATE TABLE issued_documents (
        id           INTEGER PRIMARY KEY,
        number       TEXT    NOT NULL UNIQUE,
        kind         TEXT    NOT NULL CHECK (kind IN ('court_summary', 'meeting_minutes')),
        case_id      INTEGER REFERENCES cases(id),
        meeting_id   INTEGER REFERENCES meetings(id),
        -- Minutes have no redaction profile: they hold the cases their reader may see.
        profile      TEXT    CHECK (profile IN ('court', 'mdt', 'internal')),
        language     TEXT    NOT NULL CHECK (language IN ('en', 'ro', 'bg')),
        recipient    TEXT    NOT NULL,
        purpose      TEXT    NOT NULL,
        generated_at TEXT    NOT NULL,
        generated_by INTEGER NOT NULL REFERENCES users(id),
        sha256       TEXT    NOT NULL UNIQUE,
        size         INTEGER NOT NULL,
        pages        INTEGER NOT NULL,
        pdf          BLOB    NOT NULL,
        CHECK ((kind = 'court_summary' AND case_id IS NOT NULL AND profile IS NOT NULL) OR (kind = 'meeting_minutes' AND meeting_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX issued_documents_case ON issued_documents(case_id, generated_at) WHERE case_id IS NOT NULL;

      CREATE TABLE document_numbers (
        year  INTEGER PRIMARY KEY,
        last  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
