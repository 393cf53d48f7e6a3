import type { Migration } from '../migration';

/**
 * The case file's core, its team (who may see it) and notes by discipline.
 * Intake (referral, child, guardians, deadlines) extends these tables later.
 */
export const migration005: Migration = {
  version: 5,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id                 INTEGER PRIMARY KEY,
        reference          TEXT    NOT NULL UNIQUE,
        child_first_name   TEXT    NOT NULL,
        child_last_name    TEXT    NOT NULL,
        summary            TEXT    NOT NULL DEFAULT '',
        restricted         INTEGER NOT NULL DEFAULT 0,
        interview_done_at  TEXT,
        created_at         TEXT    NOT NULL,
        created_by         INTEGER NOT NULL REFERENCES users(id),
        version            INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE case_team (
        case_id   INTEGER NOT NULL REFERENCES cases(id),
        user_id   INTEGER NOT NULL REFERENCES users(id),
        added_at  TEXT    NOT NULL,
        added_by  INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (case_id, user_id)
      ) STRICT;
      CREATE INDEX case_team_user ON case_team(user_id);

      CREATE TABLE case_notes (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES cases(id),
        discipline  TEXT    NOT NULL CHECK (discipline IN ('general', 'medical', 'therapy')),
        author_id   INTEGER NOT NULL REFERENCES users(id),
        created_at  TEXT    NOT NULL,
        text        TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX case_notes_case ON case_notes(case_id, created_at);
    `);
  },
};
