import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import type { Migration } from '../../electron/core/db/migration';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { StoreError } from '../../electron/core/db/store-error';
import { tempDir } from '../support/temp';

const MARKER = 'Plaintext-Marker-Ștefan-Иван';

function filesOf(file: string): string[] {
  return ['', '-wal', '-shm'].map((suffix) => file + suffix).filter((f) => fs.existsSync(f));
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function newFile(): string {
  return path.join(tempDir(), DATABASE_FILE);
}

describe('the encrypted store', () => {
  it('writes nothing readable: no SQLite header and no marker in the database, WAL or shared memory', () => {
    const file = newFile();
    const store = openStore({ file, key: randomBytes(32) });
    store.db.prepare('INSERT INTO centre (id, name, created_at) VALUES (1, ?, ?)').run(MARKER, new Date().toISOString());
    // Still open: the row may be only in the WAL, which must be encrypted too.
    const walBytes = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
    expect(walBytes).toBeGreaterThan(0);
    for (const f of filesOf(file)) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(MARKER, 'utf8')), f).toBe(false);
      expect(bytes.includes(Buffer.from('CREATE TABLE', 'utf8')), f).toBe(false);
    }
    store.close();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
  });

  it('reopens with the same key and finds the data', () => {
    const file = newFile();
    const key = randomBytes(32);
    const first = openStore({ file, key });
    expect(first.created).toBe(true);
    first.db.prepare('INSERT INTO centre (id, name, created_at) VALUES (1, ?, ?)').run(MARKER, 'now');
    first.close();
    const second = openStore({ file, key });
    expect(second.created).toBe(false);
    expect(second.db.prepare('SELECT name FROM centre').get()).toEqual({ name: MARKER });
    second.close();
  });

  it('turns on WAL, foreign keys, a busy timeout, and keeps temporary data in memory', () => {
    const store = openStore({ file: newFile(), key: randomBytes(32) });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('temp_store', { simple: true })).toBe(2);
    expect(() => store.db.prepare("INSERT INTO user_roles (user_id, role) VALUES (999, 'police')").run()).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('refuses a wrong key with a clear error and leaves the file untouched', () => {
    const file = newFile();
    openStore({ file, key: randomBytes(32) }).close();
    const before = sha256(file);
    let error: unknown;
    try {
      openStore({ file, key: randomBytes(32) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('wrong_key');
    expect((error as StoreError).message).toMatch(/does not open/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a key of the wrong length before touching the disk', () => {
    const file = newFile();
    expect(() => openStore({ file, key: randomBytes(16) })).toThrow(StoreError);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses to open an unencrypted SQLite file', () => {
    const file = newFile();
    const plain = new Database(file);
    plain.exec('CREATE TABLE t (a)');
    plain.close();
    expect(() => openStore({ file, key: randomBytes(32) })).toThrow(expect.objectContaining({ code: 'not_encrypted' }));
  });

  it('refuses a database written by a newer version, unchanged', () => {
    const file = newFile();
    const key = randomBytes(32);
    const store = openStore({ file, key });
    store.db.pragma(`user_version = ${migrations.length + 3}`);
    store.close();
    const before = sha256(file);
    let error: StoreError | undefined;
    try {
      openStore({ file, key });
    } catch (e) {
      error = e as StoreError;
    }
    expect(error?.code).toBe('too_new');
    expect(error?.message).toMatch(/newer version/);
    expect(sha256(file)).toBe(before);
  });

  it('runs migrations in order, one transaction each, and stops at a failing one', () => {
    const file = newFile();
    const key = randomBytes(32);
    const failing: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (a)');
        throw new Error('broken migration');
      },
    };
    openStore({ file, key }).close();
    expect(() => openStore({ file, key, migrations: [...migrations, failing] })).toThrow('broken migration');
    const store = openStore({ file, key });
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(store.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    store.close();
  });

  it('refuses a migration list with a gap', () => {
    const gap: Migration = { version: migrations.length + 2, name: 'gap', up: () => undefined };
    expect(() => openStore({ file: newFile(), key: randomBytes(32), migrations: [...migrations, gap] })).toThrow(/expected/);
  });
});
