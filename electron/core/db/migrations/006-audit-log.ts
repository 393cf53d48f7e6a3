import type { Migration } from '../migration';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained (each entry's hash covers the previous one's). audit_head
 * holds the last entry and the count, so removing the newest entries is
 * caught too; electron/core/audit.ts verifies all three.
 */
export const migration006: Migration = {
  version: 6,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        at           TEXT    NOT NULL,
        user_id      INTEGER,
        username     TEXT,
        workstation  TEXT    NOT NULL,
        transport    TEXT    NOT NULL,
        method       TEXT    NOT NULL,
        case_id      INTEGER,
        record       TEXT,
        outcome      TEXT    NOT NULL,
        detail       TEXT,
        prev_hash    TEXT    NOT NULL,
        hash         TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_case ON audit_log(case_id, id);
      CREATE INDEX audit_log_user ON audit_log(user_id, id);
      CREATE INDEX audit_log_at ON audit_log(at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE audit_head (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        last_id    INTEGER NOT NULL,
        last_hash  TEXT    NOT NULL,
        entries    INTEGER NOT NULL
      ) STRICT;
      INSERT INTO audit_head (id, last_id, last_hash, entries) VALUES (1, 0, '${'0'.repeat(64)}', 0);
    `);
  },
};
