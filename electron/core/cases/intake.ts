import type { Database } from 'better-sqlite3-multiple-ciphers';
import { dueDates } from '../../../shared/cases/deadlines';
import type { ParsedInput } from '../../../shared/contract';
import type { CaseFields, LinkFields, NewPerson } from '../../../shared/contract/case-records';
import { iso, utc } from '../clock';
import { AppError } from '../errors';
import { reindexCase } from './case-index';
import { checkInformRule, storedOverride } from './child-safety';
import { caseFieldAssignments, caseFieldDefaults } from './case-file';
import { insertPerson, personRow } from './persons';
import { recordEvent } from './timeline';
import { ensureTraffickingTask } from './tasks';

export type PersonChoice = { personId: number } | { new: NewPerson };

/** BH-2026-0007: the year the case was opened and its number in that year. */
export function nextReference(db: Database, now: Date): string {
  const year = now.getUTCFullYear();
  const { last } = db
    .prepare('INSERT INTO case_numbers (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
    .get(year) as { last: number };
  return `BH-${year}-${String(last).padStart(4, '0')}`;
}

export function interviewDeadlineDays(db: Database): number {
  return (db.prepare('SELECT interview_deadline_days AS d FROM centre WHERE id = 1').get() as { d: number } | undefined)?.d ?? 14;
}

/** The person chosen on the intake form: an existing one (whom the caller was allowed to find) or a new one. */
export function resolvePerson(db: Database, choice: PersonChoice, userId: number, now: Date, mayLink: (personId: number) => boolean): number {
  if ('new' in choice) return insertPerson(db, choice.new, userId, now);
  if (!personRow(db, choice.personId) || !mayLink(choice.personId)) {
    throw new AppError('not_found', 'There is no such person, or they are known only from a case that is not yours to see.');
  }
  return choice.personId;
}

/** `path`: where the link sits in the caller's input, for the field a refusal names. */
export function linkPerson(db: Database, caseId: number, personId: number, link: LinkFields, now: Date, path: (string | number)[]): void {
  const facts = { ...link, informOverride: link.informOverride ?? false };
  checkInformRule(facts, path);
  const exists = db.prepare('SELECT 1 FROM case_people WHERE case_id = ? AND person_id = ?').get(caseId, personId);
  const isChild = db.prepare('SELECT 1 FROM cases WHERE id = ? AND child_id = ?').get(caseId, personId);
  if (exists || isChild) throw new AppError('conflict', 'This person is already on the case.');
  db.prepare(
    `INSERT INTO case_people (case_id, person_id, relationship, legal_guardian, carer, may_be_informed, inform_note, alleged_perpetrator, inform_override, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(caseId, personId, link.relationship, +link.legalGuardian, +link.carer, +link.mayBeInformed, link.informNote, +link.allegedPerpetrator, storedOverride(facts), iso(now));
}

export interface IntakeContext {
  userId: number;
  /** Whether the creator becomes the case coordinator. */
  coordinates: boolean;
  now: Date;
  mayLink: (personId: number) => boolean;
}

/**
 * Registers a referral in one go: the case with its deadlines, the child and
 * adults (linked when already known), the search index and the first
 * timeline entries. The handler and the demo-data generator both use it.
 */
export function registerCase(db: Database, intake: ParsedInput<'cases.create'>, ctx: IntakeContext): number {
  const { userId, now } = ctx;
  const fields: CaseFields = { ...caseFieldDefaults, ...intake.fields, receivedAt: utc(intake.fields.receivedAt) };
  const childId = resolvePerson(db, intake.child, userId, now, ctx.mayLink);
  const due = dueDates(now, interviewDeadlineDays(db));
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO cases (reference, child_id, restricted, created_at, updated_at, created_by, coordinator_id,
                          assessment_due_at, interview_due_at, plan_due_at, next_due_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      nextReference(db, now),
      childId,
      intake.restricted ? 1 : 0,
      iso(now),
      iso(now),
      userId,
      ctx.coordinates ? userId : null,
      due.initial_assessment,
      due.interview,
      due.intervention_plan,
      due.initial_assessment,
    );
  const caseId = Number(lastInsertRowid);
  const set = caseFieldAssignments(fields);
  db.prepare(`UPDATE cases SET ${set.sql} WHERE id = ?`).run(...set.values, caseId);
  db.prepare('INSERT INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)').run(caseId, userId, iso(now), userId);
  recordEvent(db, caseId, userId, now, 'created', { reference: referenceOf(db, caseId) });
  for (const [i, { person, link }] of intake.people.entries()) {
    const personId = resolvePerson(db, person, userId, now, ctx.mayLink);
    if (personId === childId) throw new AppError('conflict', 'The child cannot also be one of the adults of the case.');
    linkPerson(db, caseId, personId, link, now, ['people', i, 'link']);
    const row = personRow(db, personId)!;
    recordEvent(db, caseId, userId, now, 'person_added', { name: `${row.first_name} ${row.last_name}`, relationship: link.relationship });
  }
  ensureTraffickingTask(db, caseId, fields.trafficking, userId, now);
  reindexCase(db, caseId);
  return caseId;
}

function referenceOf(db: Database, caseId: number): string {
  return (db.prepare('SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string }).reference;
}
