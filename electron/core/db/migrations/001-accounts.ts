import type { Migration } from '../migration';

/** The centre, its user accounts with roles, and sign-in sessions. */
export const migration001: Migration = {
  version: 1,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE centre (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        name        TEXT    NOT NULL,
        created_at  TEXT    NOT NULL,
        version     INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE users (
        id             INTEGER PRIMARY KEY,
        username       TEXT    NOT NULL,
        -- case-, width- and space-folded, so "Admin", "admin " and "ＡＤＭＩＮ" are one account
        username_key   TEXT    NOT NULL UNIQUE,
        display_name   TEXT    NOT NULL,
        password_hash  TEXT    NOT NULL,
        created_at     TEXT    NOT NULL,
        disabled_at    TEXT,
        version        INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE user_roles (
        user_id  INTEGER NOT NULL REFERENCES users(id),
        role     TEXT    NOT NULL,
        PRIMARY KEY (user_id, role)
      ) STRICT;

      CREATE TABLE sessions (
        id            TEXT    PRIMARY KEY,
        -- SHA-256 of the bearer token: a copy of the database does not yield usable tokens
        token_hash    BLOB    NOT NULL UNIQUE,
        user_id       INTEGER NOT NULL REFERENCES users(id),
        workstation   TEXT    NOT NULL,
        created_at    TEXT    NOT NULL,
        last_seen_at  TEXT    NOT NULL,
        expires_at    TEXT    NOT NULL,
        ended_at      TEXT
      ) STRICT;
      CREATE INDEX sessions_user ON sessions(user_id);
    `);
  },
};
