import type { Migration } from '../migration';

/**
 * Evidence that one person cannot make disappear. Removing a recording is
 * asked for by one person and decided by another (`recording_removals`: at
 * most one request open per recording); a case under legal hold keeps all of
 * its recordings whatever is asked. The hold says who set it, when and why;
 * the retention rules to come read it. `deleted_how` tells a removal decided
 * by two people from an upload its uploader withdrew (older deletions: null).
 */
export const migration019: Migration = {
  version: 19,
  name: 'evidence-removal',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN legal_hold_at TEXT;
      ALTER TABLE cases ADD COLUMN legal_hold_by INTEGER REFERENCES users(id);
      ALTER TABLE cases ADD COLUMN legal_hold_reason TEXT;

      ALTER TABLE recordings ADD COLUMN deleted_how TEXT CHECK (deleted_how IN ('two_person', 'withdrawn'));

      CREATE TABLE recording_removals (
        id            INTEGER PRIMARY KEY,
        recording_id  INTEGER NOT NULL REFERENCES recordings(id),
        reason        TEXT    NOT NULL CHECK (reason IN ('registered_by_mistake', 'wrong_case', 'retention_ended')),
        words         TEXT    NOT NULL,
        requested_at  TEXT    NOT NULL,
        requested_by  INTEGER NOT NULL REFERENCES users(id),
        decision      TEXT    CHECK (decision IN ('approved', 'refused')),
        decided_at    TEXT,
        decided_by    INTEGER REFERENCES users(id),
        decision_note TEXT    NOT NULL DEFAULT ''
      ) STRICT;
      CREATE UNIQUE INDEX recording_removals_open ON recording_removals(recording_id) WHERE decision IS NULL;
      CREATE INDEX recording_removals_recording ON recording_removals(recording_id, id);
    `);
  },
};
