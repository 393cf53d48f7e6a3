import type { Database } from 'better-sqlite3-multiple-ciphers';
import { foldText, nameKeys } from '../../../shared/cases/names';

/**
 * The words a case is found by: every word of its people's names as a name
 * key (so "Иван", "Ivan" and "Iwan" meet), its reference and the agencies'
 * file numbers folded to Latin letters and digits, each word and the whole
 * number run together ("P-1234/2026" → "p", "1234", "2026", "p12342026").
 */
export function caseTerms(db: Database, caseId: number): Set<string> {
  const row = db
    .prepare('SELECT reference, police_file, prosecutor_file, court_file, child_protection_file FROM cases WHERE id = ?')
    .get(caseId) as Record<string, string>;
  const names = db
    .prepare(
      `SELECT first_name, last_name FROM persons WHERE id = (SELECT child_id FROM cases WHERE id = ?)
       UNION ALL SELECT p.first_name, p.last_name FROM case_people l JOIN persons p ON p.id = l.person_id WHERE l.case_id = ?`,
    )
    .all(caseId, caseId) as { first_name: string; last_name: string }[];
  const terms = new Set<string>();
  for (const { first_name, last_name } of names) for (const key of nameKeys(`${first_name} ${last_name}`)) terms.add(key);
  for (const number of Object.values(row)) {
    const words = foldText(number).split(' ').filter(Boolean);
    for (const word of words) terms.add(word);
    if (words.length > 1) terms.add(words.join(''));
  }
  return terms;
}

export function reindexCase(db: Database, caseId: number): void {
  db.prepare('DELETE FROM case_terms WHERE case_id = ?').run(caseId);
  const insert = db.prepare('INSERT OR IGNORE INTO case_terms (term, case_id) VALUES (?, ?)');
  for (const term of caseTerms(db, caseId)) insert.run(term, caseId);
}

/** The forms a typed word is looked up by: as a name key and as folded text (file numbers keep their letters). */
export function queryWords(query: string): string[][] {
  const folded = foldText(query).split(' ').filter(Boolean);
  const keys = nameKeys(query);
  return folded.map((word, i) => [...new Set([keys[i] ?? word, word])]);
}

/** SQL matching case ids with a term starting with any of these forms, and its parameters. */
export function termPrefixClause(column: string, table: string, forms: string[]): { sql: string; params: string[] } {
  const ors = forms.map(() => '(term >= ? AND term < ?)').join(' OR ');
  return { sql: `SELECT ${column} FROM ${table} WHERE ${ors}`, params: forms.flatMap((f) => [f, `${f}\u007f`]) };
}
