import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../db/store';
import { BackupError } from './backup-error';

/**
 * The snapshot runs on its own connection in a worker thread: VACUUM INTO
 * reads one consistent state of the database (a read transaction, so writers
 * carry on in WAL mode) and writes it, encrypted with the same key, to a new
 * file. Off the event loop, a host keeps answering calls during the seconds
 * a large database takes. The worker is a plain script (no bundling needed):
 * it loads the same native module this process uses.
 */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, Object.assign({ fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma("key = \\"x'" + workerData.keyHex + "'\\"");
  db.pragma('busy_timeout = 30000');
  db.prepare('VACUUM INTO ?').run(workerData.target);
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message), code: error && error.code });
} finally {
  if (db) db.close();
}
`;

const moduleEntry = () => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export function snapshotDatabase(options: { file: string; key: Buffer; target: string; nativeBinding?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { module: moduleEntry(), file: options.file, keyHex: options.key.toString('hex'), target: options.target, nativeBinding: options.nativeBinding ?? null },
    });
    let settled = false;
    worker.once('message', (message: { ok: boolean; message?: string; code?: string }) => {
      settled = true;
      if (message.ok) return resolve();
      if (message.code === 'SQLITE_NOTADB') return reject(new BackupError('wrong_key', `The key does not open ${options.file}.`));
      if (message.code === 'SQLITE_FULL' || /disk is full|SQLITE_FULL/i.test(message.message ?? '')) {
        return reject(new BackupError('no_space', 'The backup destination is full: the database snapshot did not fit.'));
      }
      reject(new BackupError('destination_unusable', `The database snapshot failed: ${message.message ?? 'unknown error'}.`));
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The snapshot worker stopped (exit ${code}).`));
    });
  });
}

/** A snapshot opened with the key and nothing else: no migration, no journal change (it is read as it is). */
export function openReadOnly(file: string, key: Buffer, nativeBinding?: string): Database.Database {
  return openWithKey(file, key, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * A live database opened beside a host that may be running on it (the CLI's
 * backup and rekey): the key, a patient busy timeout, and no migration — a
 * tool never changes the schema behind the host's back.
 */
export function openWithKey(file: string, key: Buffer, options: { readonly: boolean; nativeBinding?: string }): Database.Database {
  const db = new Database(file, { readonly: options.readonly, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!options.readonly) db.pragma('busy_timeout = 10000');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new BackupError('wrong_key', `The key does not open ${file}, or the file is damaged.`);
    throw error;
  }
  return db;
}
