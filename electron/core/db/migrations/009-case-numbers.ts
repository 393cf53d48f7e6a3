import type { Migration } from '../migration';

/**
 * The last case number given in each year, so registering a case reads one
 * row instead of every reference of the year (and BH-2026-10000 follows
 * BH-2026-9999, which text order would not).
 */
export const migration009: Migration = {
  version: 9,
  name: 'case-numbers',
  up(db) {
    db.exec(`
      CREATE TABLE case_numbers (
        year  INTEGER PRIMARY KEY,
        last  INTEGER NOT NULL
      ) STRICT;
      INSERT INTO case_numbers (year, last)
        SELECT CAST(substr(reference, 4, 4) AS INTEGER), max(CAST(substr(reference, 9) AS INTEGER))
          FROM cases WHERE reference GLOB 'BH-[0-9][0-9][0-9][0-9]-*' GROUP BY 1;
    `);
  },
};
