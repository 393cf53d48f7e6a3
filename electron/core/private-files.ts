import fs from 'node:fs';

/**
 * Everything the centre keeps on disk is for this process's user alone:
 * folders 0700, files 0600 (or stricter). Windows has no such modes; its
 * folders inherit the user profile's ACLs, so there is nothing to do there.
 */
const POSIX = process.platform !== 'win32';
const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** Creates the folder 0700, or tightens an existing one that group or others may enter, saying so. */
export function ensurePrivateDir(dir: string, log: (message: string) => void = () => undefined): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  const mode = fs.statSync(dir).mode;
  if ((mode & 0o077) === 0) return;
  fs.chmodSync(dir, 0o700);
  log(`tightened ${dir} from ${octal(mode)} to 0700`);
}

/** Tightens an existing file that group or others may read to 0600; a missing file is left missing. */
export function tightenFile(file: string, log: (message: string) => void = () => undefined): void {
  if (!POSIX) return;
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    return;
  }
  if ((mode & 0o077) === 0) return;
  fs.chmodSync(file, (mode & 0o700) | 0o600);
  log(`tightened ${file} from ${octal(mode)} to ${octal((mode & 0o700) | 0o600)}`);
}

/**
 * Creates an empty file 0600 unless one exists. SQLite then opens it as a new
 * database, and gives its -wal and -shm files the database file's own mode.
 */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
