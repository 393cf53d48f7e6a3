import type { Migration } from '../migration';

/**
 * Every certification an interviewer has had, with when it was recorded. A
 * court summary states the certification the interviewer held on the day of
 * the interview, not the one on file when the summary is printed months later.
 * The profiles on file are copied in as recorded now: for interviews before
 * today the document says the only record is later than the interview.
 */
export const migration016: Migration = {
  version: 16,
  name: 'certification-history',
  up(db) {
    db.exec(`
      CREATE TABLE interviewer_certifications (
        id              INTEGER PRIMARY KEY,
        user_id         INTEGER NOT NULL REFERENCES users(id),
        certification   TEXT    NOT NULL,
        certified_until TEXT,
        recorded_at     TEXT    NOT NULL,
        -- Null for the rows copied in by this migration: nobody is known to have recorded them.
        recorded_by     INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX interviewer_certifications_by_user ON interviewer_certifications (user_id, recorded_at);

      INSERT INTO interviewer_certifications (user_id, certification, certified_until, recorded_at, recorded_by)
        SELECT user_id, certification, certified_until, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL
          FROM interviewer_profiles
         WHERE certification <> '' OR certified_until IS NOT NULL;
    `);
  },
};
