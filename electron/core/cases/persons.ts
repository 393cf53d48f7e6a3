import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ageAt } from '../../../shared/cases/age';
import type { Gender } from '../../../shared/cases/categories';
import { nameKeys } from '../../../shared/cases/names';
import { unknownPersonDetails, type NewPerson, type Person, type PersonFields } from '../../../shared/contract/case-records';
import { iso } from '../clock';

export interface PersonRow {
  id: number;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  gender: string;
  languages: string;
  interpreter_needed: number;
  interpreter_language: string;
  needs: string;
  school: string;
  address: string;
  phone: string;
  email: string;
  version: number;
}


const columns: Record<keyof PersonFields, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  gender: 'gender',
  languages: 'languages',
  interpreterNeeded: 'interpreter_needed',
  interpreterLanguage: 'interpreter_language',
  needs: 'needs',
  school: 'school',
  address: 'address',
  phone: 'phone',
  email: 'email',
};

function stored(field: keyof PersonFields, value: PersonFields[keyof PersonFields]): string | number | null {
  if (field === 'languages') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as string | null;
}

export function personFields(row: PersonRow): PersonFields {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    gender: row.gender as Gender,
    languages: JSON.parse(row.languages) as string[],
    interpreterNeeded: row.interpreter_needed === 1,
    interpreterLanguage: row.interpreter_language,
    needs: row.needs,
    school: row.school,
    address: row.address,
    phone: row.phone,
    email: row.email,
  };
}

export function personView(row: PersonRow, now: Date): Person {
  return { id: row.id, ...personFields(row), age: ageAt(row.birth_date, now), version: row.version };
}

export function personRow(db: Database, personId: number): PersonRow | undefined {
  return db.prepare('SELECT * FROM persons WHERE id = ?').get(personId) as PersonRow | undefined;
}

/** The name-key words a person is found by. */
function indexPerson(db: Database, personId: number, fields: Pick<PersonFields, 'firstName' | 'lastName'>): void {
  db.prepare('DELETE FROM person_terms WHERE person_id = ?').run(personId);
  const insert = db.prepare('INSERT OR IGNORE INTO person_terms (term, person_id) VALUES (?, ?)');
  for (const term of nameKeys(`${fields.firstName} ${fields.lastName}`)) insert.run(term, personId);
}

export function insertPerson(db: Database, person: NewPerson, userId: number, now: Date): number {
  const fields: PersonFields = { ...unknownPersonDetails, ...person };
  const names = Object.keys(columns) as (keyof PersonFields)[];
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO persons (${names.map((f) => columns[f]).join(', ')}, created_at, created_by, updated_at)
       VALUES (${names.map(() => '?').join(', ')}, ?, ?, ?)`,
    )
    .run(...names.map((f) => stored(f, fields[f])), iso(now), userId, iso(now));
  const id = Number(lastInsertRowid);
  indexPerson(db, id, fields);
  return id;
}

/** Writes the given fields and bumps the version; the caller has checked the version it was read at. */
export function updatePerson(db: Database, personId: number, changes: Partial<PersonFields>, now: Date): void {
  const names = Object.keys(changes) as (keyof PersonFields)[];
  db.prepare(`UPDATE persons SET ${names.map((f) => `${columns[f]} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`).run(
    ...names.map((f) => stored(f, changes[f] as PersonFields[keyof PersonFields])),
    iso(now),
    personId,
  );
  if (changes.firstName !== undefined || changes.lastName !== undefined) {
    const row = personRow(db, personId)!;
    indexPerson(db, personId, { firstName: row.first_name, lastName: row.last_name });
  }
}

/** The cases a person appears in, as the child or an adult. */
export function casesOfPerson(db: Database, personId: number): number[] {
  return (
    db
      .prepare('SELECT id FROM cases WHERE child_id = ? UNION SELECT case_id FROM case_people WHERE person_id = ?')
      .all(personId, personId) as { id: number }[]
  ).map((r) => r.id);
}
