import type { Migration } from '../migration';

/**
 * The LAN host's TLS certificate and private key. Kept in the encrypted
 * database rather than as PEM files, so the key is never on disk in clear.
 */
export const migration002: Migration = {
  version: 2,
  name: 'host-identity',
  up(db) {
    db.exec(`
      CREATE TABLE host_identity (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        cert_pem    TEXT NOT NULL,
        key_pem     TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
