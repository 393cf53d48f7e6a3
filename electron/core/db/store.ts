import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migration';
import { StoreError } from './store-error';
import { createPrivateFile, ensurePrivateDir, tightenFile } from '../private-files';

export const KEY_BYTES = 32;
export const DATABASE_FILE = 'barnahus.db';

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface StoreOptions {
  file: string;
  /** 32 random bytes, used as a raw SQLCipher key (no passphrase derivation needed). */
  key: Buffer;
  /** Path to a better-sqlite3 binding built for Electron's ABI; plain Node uses the default. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Where notices go (a folder or file whose mode was tightened); stderr by default. */
  log?: (message: string) => void;
}

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  /** Whether this open created the database (first run). */
  readonly created: boolean;
  close(): void;
}

export function databaseExists(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).size > 0;
}

/**
 * Opens the one database, always encrypted (SQLCipher 4 format). The key is
 * applied before any other statement, so there is no moment at which SQLite
 * could write a page in clear; temp tables stay in memory for the same reason.
 */
export function openStore(options: StoreOptions): Store {
  const { file, key } = options;
  if (key.length !== KEY_BYTES) {
    throw new StoreError('bad_key_file', `The database key must be ${KEY_BYTES} bytes; got ${key.length}.`);
  }
  const log = options.log ?? console.error;
  // The folder first: nothing in it is to be read by anyone but this process's user.
  ensurePrivateDir(path.dirname(file), log);
  const existed = databaseExists(file);
  if (existed && readHeader(file).equals(PLAINTEXT_HEADER)) {
    throw new StoreError('not_encrypted', `${file} is an unencrypted SQLite file. Barnahus Desk opens only encrypted databases.`);
  }

  // Created 0600 before SQLite opens it (it would use 0644 less the umask); -wal and -shm copy its mode.
  createPrivateFile(file);
  for (const suffix of ['', '-wal', '-shm']) tightenFile(file + suffix, log);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyKey(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new StoreError(
          'wrong_key',
          `The key does not open ${file}: it belongs to another database, or the file is damaged. Nothing was changed.`,
        );
      }
      throw error;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    db.pragma('secure_delete = ON');
    // 64 MiB of decrypted pages: searches over 100,000 cases read thousands of scattered rows.
    db.pragma('cache_size = -65536');
    migrate(db, options.migrations ?? allMigrations);
  } catch (error) {
    db.close();
    if (!existed) removeDatabaseFiles(file);
    throw error;
  }
  return { db, file, created: !existed, close: () => db.close() };
}

/** The cipher settings and key, before any other statement: the only way this app opens a database file. */
export function applyKey(db: Database.Database, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(PLAINTEXT_HEADER.length);
    fs.readSync(fd, buf, 0, buf.length, 0);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
