import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openReadOnly, snapshotDatabase } from '../../electron/core/backup/snapshot';
import { applyKey } from '../../electron/core/db/store';
import { tempDir } from '../support/temp';

/**
 * The snapshot is taken while a writer keeps committing: the copy must be one
 * committed state (every row of a transaction or none), sound, and the writer
 * must carry on after it.
 */
describe('the database snapshot', () => {
  it('copies one committed state while another connection writes in WAL mode, and the writer carries on', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.db');
    const key = randomBytes(32);
    const db = new Database(file);
    applyKey(db, key);
    db.pragma('journal_mode = WAL');
    // Keep the WAL from being checkpointed away, so the snapshot must carry it.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE pairs (batch INTEGER, half INTEGER, filler TEXT)');
    const insert = db.prepare('INSERT INTO pairs VALUES (?, ?, ?)');
    const writeBatch = db.transaction((batch: number) => {
      insert.run(batch, 1, randomBytes(2000).toString('hex'));
      insert.run(batch, 2, randomBytes(2000).toString('hex'));
    });
    for (let batch = 0; batch < 2000; batch++) writeBatch(batch);
    let batch = 2000;
    const writer = setInterval(() => writeBatch(batch++), 1);
    const target = path.join(dir, 'snapshot.db');
    try {
      await snapshotDatabase({ file, key, target });
    } finally {
      clearInterval(writer);
    }
    const written = batch;
    writeBatch(batch++);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);

    const copy = openReadOnly(target, key);
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const rows = copy.prepare('SELECT count(*) AS n, count(DISTINCT batch) AS batches FROM pairs').get() as { n: number; batches: number };
      // Whole transactions only, and at least everything committed before the snapshot began.
      expect(rows.n).toBe(rows.batches * 2);
      expect(rows.batches).toBeGreaterThanOrEqual(2000);
      expect(rows.batches).toBeLessThanOrEqual(written);
    } finally {
      copy.close();
    }
    expect((db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n).toBe(batch * 2);
    db.close();
  });
});
