import type { Migration } from '../migration';

/**
 * Backups. One row of settings: where sets go (a mounted drive or share), when
 * the daily set is made (centre time), how many daily/weekly/monthly sets are
 * kept, and the recovery key's public half. The recovery key itself is shown
 * once and never stored: each set carries the database key wrapped to this
 * public key, so the host can make sets the recovery key opens without
 * knowing it. `backup_runs` remembers every attempt (the sets themselves live
 * at the destination, with their manifests and verification results), so a
 * failure is reported even when it left no set.
 */
export const migration020: Migration = {
  version: 20,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backup_settings (
        id                     INTEGER PRIMARY KEY CHECK (id = 1),
        destination            TEXT,
        schedule_enabled       INTEGER NOT NULL DEFAULT 1 CHECK (schedule_enabled IN (0, 1)),
        schedule_time          TEXT    NOT NULL DEFAULT '02:00',
        keep_daily             INTEGER NOT NULL DEFAULT 7,
        keep_weekly            INTEGER NOT NULL DEFAULT 4,
        keep_monthly           INTEGER NOT NULL DEFAULT 12,
        recovery_public_key    TEXT,
        recovery_fingerprint   TEXT,
        recovery_created_at    TEXT,
        recovery_created_by    INTEGER REFERENCES users(id),
        version                INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO backup_settings (id) VALUES (1);

      CREATE TABLE backup_runs (
        id            INTEGER PRIMARY KEY,
        kind          TEXT    NOT NULL CHECK (kind IN ('manual', 'scheduled', 'cli', 'upgrade')),
        destination   TEXT    NOT NULL,
        started_at    TEXT    NOT NULL,
        started_by    INTEGER REFERENCES users(id),
        finished_at   TEXT,
        outcome       TEXT    CHECK (outcome IN ('ok', 'failed')),
        set_name      TEXT,
        size_bytes    INTEGER,
        new_bytes     INTEGER,
        verified_ok   INTEGER CHECK (verified_ok IN (0, 1)),
        verified_at   TEXT,
        error         TEXT    NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX backup_runs_recent ON backup_runs(started_at);
    `);
  },
};
