import type { Migration } from '../migration';

/** Account profiles, forced password change, two-factor secrets, sign-in lock-out, idle-locked sessions. */
export const migration003: Migration = {
  version: 3,
  name: 'account-security',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN agency TEXT NOT NULL DEFAULT 'barnahus_staff';
      ALTER TABLE users ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN password_changed_at TEXT;
      ALTER TABLE users ADD COLUMN totp_secret TEXT;
      ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
      -- the last time step accepted: a code is good once, so an overheard one cannot be replayed
      ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

      -- Keyed by the folded username, known or not, so the lock-out reveals nothing about which accounts exist.
      CREATE TABLE login_throttle (
        username_key      TEXT PRIMARY KEY,
        failures          INTEGER NOT NULL,
        first_failure_at  TEXT NOT NULL,
        locked_until      TEXT
      ) STRICT;

      ALTER TABLE sessions ADD COLUMN locked_at TEXT;
    `);
  },
};
