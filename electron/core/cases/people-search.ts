import type { Database } from 'better-sqlite3-multiple-ciphers';
import { distance } from 'fastest-levenshtein';
import type { Relationship } from '../../../shared/cases/categories';
import { nameKeys } from '../../../shared/cases/names';
import type { ParsedInput } from '../../../shared/contract';
import type { PersonMatch } from '../../../shared/contract/methods/case-people';
import type { Viewer } from '../access';
import { termPrefixClause } from './case-index';
import { visibleCase } from './case-list';

/** How far two name keys are apart, 0–1: 1 is the same key. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Each typed word against its best-matching word of the person's names; the mean. */
function wordsScore(typed: string[], known: string[]): number {
  if (typed.length === 0) return 1;
  const best = typed.map((word) => Math.max(0, ...known.map((k) => similarity(word, k))));
  return best.reduce((a, b) => a + b, 0) / best.length;
}

const PREFIX = 3;
const CANDIDATES = 2_000;
const SHOWN = 10;
const MIN_NAME_SCORE = 0.8;

/**
 * Intake's duplicate check. Candidates share the first letters of a name
 * word (as name keys, so scripts and spellings meet); they are ranked by
 * edit distance on each name and by the birth date. People who appear only
 * in cases the caller may not see are left out: the lookup must not reveal
 * a restricted case.
 */
export function searchPeople(db: Database, viewer: Viewer, input: ParsedInput<'people.search'>): PersonMatch[] {
  const last = nameKeys(input.lastName);
  const first = nameKeys(input.firstName);
  const words = [...new Set([...last, ...first])].filter((k) => k.length > 0);
  if (words.length === 0) return [];
  const range = (word: string) => {
    const prefix = word.slice(0, PREFIX);
    return { sql: 'SELECT person_id FROM person_terms WHERE term >= ? AND term < ?', params: [prefix, `${prefix}\u007f`] };
  };
  // People sharing the first letters of every typed word; if a typo in those letters leaves none, of any word.
  const every = words.map(range);
  // One word: the people whose name is that word come first, before the limit cuts the rest.
  const sql =
    every.length === 1
      ? `${every[0]!.sql} ORDER BY term <> ?, term LIMIT ${CANDIDATES}`
      : `${every.map((r) => r.sql).join(' INTERSECT ')} LIMIT ${CANDIDATES}`;
  const params = every.length === 1 ? [...every[0]!.params, words[0]!] : every.flatMap((r) => r.params);
  let ids = [...new Set((db.prepare(sql).all(...params) as { person_id: number }[]).map((r) => r.person_id))];
  if (ids.length === 0) {
    const any = termPrefixClause('DISTINCT person_id', 'person_terms', [...new Set(words.map((w) => w.slice(0, PREFIX)))]);
    ids = (db.prepare(`${any.sql} LIMIT ${CANDIDATES}`).all(...any.params) as { person_id: number }[]).map((r) => r.person_id);
  }
  if (ids.length === 0) return [];

  const people = db
    .prepare(`SELECT id, first_name, last_name, birth_date FROM persons WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; first_name: string; last_name: string; birth_date: string | null }[];
  const scored = people
    .map((p) => {
      const lastScore = wordsScore(last, nameKeys(p.last_name));
      const firstScore = wordsScore(first, nameKeys(p.first_name));
      // Names are often given in the other order, or swapped by a registry.
      const swapped = (wordsScore(last, nameKeys(p.first_name)) + wordsScore(first, nameKeys(p.last_name))) / 2 - 0.05;
      const nameScore = Math.max(first.length ? lastScore * 0.6 + firstScore * 0.4 : lastScore, first.length ? swapped : 0);
      const sameBirth = input.birthDate !== null && p.birth_date === input.birthDate;
      const otherBirth = input.birthDate !== null && p.birth_date !== null && p.birth_date !== input.birthDate;
      const score = sameBirth ? 0.7 * nameScore + 0.3 : otherBirth ? 0.5 * nameScore : 0.8 * nameScore;
      const strength: PersonMatch['strength'] = nameScore === 1 && sameBirth ? 'exact' : score >= 0.75 ? 'likely' : 'possible';
      return { p, nameScore, score, strength };
    })
    .filter((m) => m.nameScore >= MIN_NAME_SCORE)
    .sort((a, b) => b.score - a.score || a.p.last_name.localeCompare(b.p.last_name));

  const visible = visibleCase(viewer);
  const casesOf = db.prepare(
    `SELECT c.id, c.reference, 'child' AS role, c.restricted, ${visible.sql} AS visible FROM cases c WHERE c.child_id = ?
     UNION ALL
     SELECT c.id, c.reference, l.relationship AS role, c.restricted, ${visible.sql} AS visible
       FROM case_people l JOIN cases c ON c.id = l.case_id WHERE l.person_id = ?`,
  );
  const matches: PersonMatch[] = [];
  for (const m of scored) {
    const cases = casesOf.all(...visible.params, m.p.id, ...visible.params, m.p.id) as { id: number; reference: string; role: string; visible: number }[];
    const seen = cases.filter((c) => c.visible === 1);
    if (cases.length > 0 && seen.length === 0) continue;
    matches.push({
      personId: m.p.id,
      firstName: m.p.first_name,
      lastName: m.p.last_name,
      birthDate: m.p.birth_date,
      score: Math.round(m.score * 100) / 100,
      strength: m.strength,
      cases: seen.map((c) => ({ caseId: c.id, reference: c.reference, role: c.role as 'child' | Relationship })),
    });
    if (matches.length === SHOWN) break;
  }
  return matches;
}
