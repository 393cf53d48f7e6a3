import { foldText, nameKeys } from '../../../../shared/cases/names';
import type { Migration } from '../migration';

/**
 * Intake and the case file: the people known to the centre (each entered
 * once, linked to every case they appear in), the referral's fields, the
 * agencies' file numbers, trafficking indicators, status and deadlines, and a
 * search index of folded terms so a name is found in any script or spelling.
 * The child's name moves from the case to its person.
 */
export const migration007: Migration = {
  version: 7,
  name: 'case-intake',
  up(db) {
    db.exec(`
      CREATE TABLE persons (
        id                    INTEGER PRIMARY KEY,
        first_name            TEXT    NOT NULL,
        last_name             TEXT    NOT NULL,
        birth_date            TEXT,
        gender                TEXT    NOT NULL DEFAULT 'unknown',
        languages             TEXT    NOT NULL DEFAULT '[]',
        interpreter_needed    INTEGER NOT NULL DEFAULT 0,
        interpreter_language  TEXT    NOT NULL DEFAULT '',
        needs                 TEXT    NOT NULL DEFAULT '',
        school                TEXT    NOT NULL DEFAULT '',
        address               TEXT    NOT NULL DEFAULT '',
        phone                 TEXT    NOT NULL DEFAULT '',
        email                 TEXT    NOT NULL DEFAULT '',
        created_at            TEXT    NOT NULL,
        created_by            INTEGER NOT NULL REFERENCES users(id),
        updated_at            TEXT    NOT NULL,
        version               INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- One row per word of a person's names, as a name key (shared/cases/names.ts).
      CREATE TABLE person_terms (
        term       TEXT    NOT NULL,
        person_id  INTEGER NOT NULL REFERENCES persons(id),
        PRIMARY KEY (term, person_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX person_terms_person ON person_terms(person_id);

      CREATE TABLE case_people (
        case_id             INTEGER NOT NULL REFERENCES cases(id),
        person_id           INTEGER NOT NULL REFERENCES persons(id),
        relationship        TEXT    NOT NULL,
        legal_guardian      INTEGER NOT NULL DEFAULT 0,
        carer               INTEGER NOT NULL DEFAULT 0,
        may_be_informed     INTEGER NOT NULL DEFAULT 1,
        inform_note         TEXT    NOT NULL DEFAULT '',
        alleged_perpetrator INTEGER NOT NULL DEFAULT 0,
        added_at            TEXT    NOT NULL,
        version             INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, person_id)
      ) STRICT;
      CREATE INDEX case_people_person ON case_people(person_id);

      ALTER TABLE cases ADD COLUMN child_id INTEGER REFERENCES persons(id);
      ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'referral';
      ALTER TABLE cases ADD COLUMN received_at TEXT;
      ALTER TABLE cases ADD COLUMN referral_source TEXT NOT NULL DEFAULT 'other';
      ALTER TABLE cases ADD COLUMN referrer_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN referrer_contact TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN violence_types TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cases ADD COLUMN place TEXT;
      ALTER TABLE cases ADD COLUMN perpetrator TEXT;
      ALTER TABLE cases ADD COLUMN urgency TEXT NOT NULL DEFAULT 'routine';
      ALTER TABLE cases ADD COLUMN police_file TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN prosecutor_file TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN court_file TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN child_protection_file TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN trafficking_indicators TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cases ADD COLUMN coordinator_id INTEGER REFERENCES users(id);
      ALTER TABLE cases ADD COLUMN assessment_due_at TEXT;
      ALTER TABLE cases ADD COLUMN interview_due_at TEXT;
      ALTER TABLE cases ADD COLUMN plan_due_at TEXT;
      ALTER TABLE cases ADD COLUMN assessment_done_at TEXT;
      ALTER TABLE cases ADD COLUMN plan_done_at TEXT;
      ALTER TABLE cases ADD COLUMN next_due_at TEXT;
      ALTER TABLE cases ADD COLUMN closed_at TEXT;
      ALTER TABLE cases ADD COLUMN legal_outcome TEXT;
      ALTER TABLE cases ADD COLUMN outcome_date TEXT;
      ALTER TABLE cases ADD COLUMN updated_at TEXT;

      -- Cases opened before intake existed: their child becomes a person; deadlines count from opening.
      INSERT INTO persons (first_name, last_name, created_at, created_by, updated_at)
        SELECT child_first_name, child_last_name, created_at, created_by, created_at FROM cases ORDER BY id;
      UPDATE cases SET
        child_id = (SELECT p.id FROM persons p WHERE p.rowid = (SELECT count(*) FROM cases c2 WHERE c2.id <= cases.id)),
        received_at = created_at,
        updated_at = created_at,
        assessment_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+72 hours'),
        interview_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+14 days'),
        plan_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+30 days');
      UPDATE cases SET next_due_at = assessment_due_at;
      ALTER TABLE cases DROP COLUMN child_first_name;
      ALTER TABLE cases DROP COLUMN child_last_name;

      CREATE INDEX cases_received ON cases(received_at);
      CREATE INDEX cases_status ON cases(status, received_at);
      CREATE INDEX cases_next_due ON cases(next_due_at);
      CREATE INDEX cases_child ON cases(child_id);

      -- One row per searchable word of a case: names of its people (name keys), its reference and file numbers (folded).
      CREATE TABLE case_terms (
        term     TEXT    NOT NULL,
        case_id  INTEGER NOT NULL REFERENCES cases(id),
        PRIMARY KEY (term, case_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_terms_case ON case_terms(case_id);

      ALTER TABLE centre ADD COLUMN interview_deadline_days INTEGER NOT NULL DEFAULT 14;
    `);

    // The cases moved over above are found like new ones: their child's names and their reference.
    // (What electron/core/cases/case-index.ts and persons.ts write; inline, so this migration stays as it ran.)
    const addPersonTerm = db.prepare('INSERT OR IGNORE INTO person_terms (term, person_id) VALUES (?, ?)');
    const addCaseTerm = db.prepare('INSERT OR IGNORE INTO case_terms (term, case_id) VALUES (?, ?)');
    const moved = db
      .prepare('SELECT c.id, c.reference, p.id AS person_id, p.first_name, p.last_name FROM cases c JOIN persons p ON p.id = c.child_id')
      .all() as { id: number; reference: string; person_id: number; first_name: string; last_name: string }[];
    for (const c of moved) {
      for (const key of nameKeys(`${c.first_name} ${c.last_name}`)) {
        addPersonTerm.run(key, c.person_id);
        addCaseTerm.run(key, c.id);
      }
      const words = foldText(c.reference).split(' ').filter(Boolean);
      for (const word of words) addCaseTerm.run(word, c.id);
      if (words.length > 1) addCaseTerm.run(words.join(''), c.id);
    }
  },
};
