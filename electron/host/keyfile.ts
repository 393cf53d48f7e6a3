import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_BYTES } from '../core/db/store';
import { StoreError } from '../core/db/store-error';

/**
 * The headless host's database key lives in a file of its own (64 hex digits),
 * created with mode 0600 on first run. Keep it off the data volume: a stolen
 * backup of the data folder alone must not open the database.
 */
export function loadOrCreateKeyFile(file: string, options: { databaseExists: boolean }): { key: Buffer; created: boolean } {
  if (fs.existsSync(file)) return { key: readKeyFile(file), created: false };
  if (options.databaseExists) {
    throw new StoreError(
      'missing',
      `The key file ${file} does not exist, but the data folder already holds a database. ` +
        'Point --key-file at the key created with that database; a new key could not open it.',
    );
  }
  const key = randomBytes(KEY_BYTES);
  writeNewKeyFile(file, key);
  return { key, created: true };
}

/** Writes a key file that must not exist yet (mode 0600, flushed): a rekey's new key, or one recovered from a set. */
export function writeNewKeyFile(file: string, key: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a key that appeared meanwhile; losing a key loses the database.
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${key.toString('hex')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readKeyFile(file: string): Buffer {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new StoreError('bad_key_file', `${file} is not a file.`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new StoreError(
      'bad_key_file',
      `The key file ${file} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}). Run: chmod 600 ${file}`,
    );
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new StoreError('bad_key_file', `The key file ${file} does not hold a key (expected 64 hexadecimal digits).`);
  }
  return Buffer.from(text, 'hex');
}

/** True when the key file sits inside the data folder, which the docs advise against. */
export function keyFileInsideDataDir(keyFile: string, dataDir: string): boolean {
  const relative = path.relative(path.resolve(dataDir), path.resolve(keyFile));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
