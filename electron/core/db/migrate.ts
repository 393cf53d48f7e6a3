import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration';
import { StoreError } from './store-error';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date, one transaction per migration so a failure
 * leaves the database at the last good version. A database written by a
 * newer app is refused: this app cannot know what its tables mean.
 */
export function migrate(db: Database, list: readonly Migration[]): { from: number; to: number } {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = list.length;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new StoreError(
      'too_new',
      `This database has schema version ${from}, but this version of Barnahus Desk knows only up to ${latest}. ` +
        'Install the newer version of Barnahus Desk that wrote it; the database was not changed.',
    );
  }
  for (const m of list.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
