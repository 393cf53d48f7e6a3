import type { Migration } from '../migration';

/**
 * What happens on a case over time: its timeline, consents (given, refused,
 * withdrawn), and tasks such as the referral to the national anti-trafficking
 * mechanism. Timeline rows are written by the action they describe, in its
 * transaction.
 */
export const migration008: Migration = {
  version: 8,
  name: 'case-workflow',
  up(db) {
    db.exec(`
      CREATE TABLE case_events (
        id       INTEGER PRIMARY KEY,
        case_id  INTEGER NOT NULL REFERENCES cases(id),
        at       TEXT    NOT NULL,
        user_id  INTEGER REFERENCES users(id),
        kind     TEXT    NOT NULL,
        grp      TEXT    NOT NULL,
        data     TEXT    NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX case_events_case ON case_events(case_id, id);

      CREATE TABLE case_consents (
        id                   INTEGER PRIMARY KEY,
        case_id              INTEGER NOT NULL REFERENCES cases(id),
        scope                TEXT    NOT NULL,
        decision             TEXT    NOT NULL CHECK (decision IN ('given', 'refused')),
        person_id            INTEGER REFERENCES persons(id),
        at                   TEXT    NOT NULL,
        note                 TEXT    NOT NULL DEFAULT '',
        recorded_at          TEXT    NOT NULL,
        recorded_by          INTEGER NOT NULL REFERENCES users(id),
        withdrawn_at         TEXT,
        withdrawn_note       TEXT    NOT NULL DEFAULT '',
        withdrawn_by         INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX case_consents_case ON case_consents(case_id);

      CREATE TABLE case_tasks (
        id           INTEGER PRIMARY KEY,
        case_id      INTEGER NOT NULL REFERENCES cases(id),
        kind         TEXT    NOT NULL,
        due_at       TEXT    NOT NULL,
        created_at   TEXT    NOT NULL,
        state        TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
        resolved_at  TEXT,
        resolved_by  INTEGER REFERENCES users(id),
        note         TEXT    NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX case_tasks_open ON case_tasks(state, due_at);
      CREATE INDEX case_tasks_case ON case_tasks(case_id);
    `);
  },
};
