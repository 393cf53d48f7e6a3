import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One schema change. Versions are consecutive; `up` runs inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
