import type { Database } from 'better-sqlite3-multiple-ciphers';

/** The centre's name, or '' before first run: set-up screens, password checks and printed documents use it. */
export function centreName(db: Database): string {
  return (db.prepare('SELECT name FROM centre WHERE id = 1').get() as { name: string } | undefined)?.name ?? '';
}
