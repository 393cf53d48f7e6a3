import type { Migration } from '../migration';

/** The centre's security settings: idle lock, roles that must use two-factor, blind interviewer. */
export const migration004: Migration = {
  version: 4,
  name: 'security-policy',
  up(db) {
    db.exec(`
      CREATE TABLE security_policy (
        id                   INTEGER PRIMARY KEY CHECK (id = 1),
        idle_lock_seconds    INTEGER NOT NULL DEFAULT 900,
        totp_required_roles  TEXT    NOT NULL DEFAULT '[]',
        blind_interviewer    INTEGER NOT NULL DEFAULT 0,
        version              INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO security_policy (id) VALUES (1);
    `);
  },
};
