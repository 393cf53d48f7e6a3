import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { LinkFields, PersonFields } from '../../../shared/contract/case-records';
import { changedFields } from '../../../shared/merge';
import { requireCase } from '../access';
import { reindexCase } from '../cases/case-index';
import { casePeople } from '../cases/case-file';
import { rejectFuture } from '../cases/checks';
import { checkInformRule, storedOverride } from '../cases/child-safety';
import { linkPerson, resolvePerson } from '../cases/intake';
import { searchPeople } from '../cases/people-search';
import { casesOfPerson, personFields, personRow, personView, updatePerson } from '../cases/persons';
import { recordEvent } from '../cases/timeline';
import { AppError } from '../errors';
import { mayLinkPerson, touchCase, viewer } from './cases';
import { defineHandler } from './types';

const linkColumns: Record<keyof LinkFields, string> = {
  relationship: 'relationship',
  legalGuardian: 'legal_guardian',
  carer: 'carer',
  mayBeInformed: 'may_be_informed',
  informNote: 'inform_note',
  allegedPerpetrator: 'alleged_perpetrator',
  informOverride: 'inform_override',
};

/** 'child' or 'adult': how the person belongs to this case; 404 when they do not. */
function roleInCase(db: Database, caseId: number, personId: number): 'child' | 'adult' {
  if (db.prepare('SELECT 1 FROM cases WHERE id = ? AND child_id = ?').get(caseId, personId)) return 'child';
  if (db.prepare('SELECT 1 FROM case_people WHERE case_id = ? AND person_id = ?').get(caseId, personId)) return 'adult';
  throw new AppError('not_found', 'This person is not on the case.');
}

const fullName = (db: Database, personId: number) => {
  const row = personRow(db, personId)!;
  return `${row.first_name} ${row.last_name}`;
};

export const casePeopleHandlers = {
  'people.search': defineHandler('people.search', {
    run: (input, ctx) => searchPeople(ctx.db, viewer(ctx), input),
  }),

  'cases.addPerson': defineHandler('cases.addPerson', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row, view } = requireCase(ctx.db, me, input.caseId);
      rejectFuture(ctx.now, [{ path: ['person', 'new', 'birthDate'], value: 'new' in input.person ? input.person.new.birthDate : null, kind: 'date' }]);
      const personId = resolvePerson(ctx.db, input.person, me.userId, ctx.now, (id) => mayLinkPerson(ctx.db, me, id));
      linkPerson(ctx.db, row.id, personId, input.link, ctx.now, ['link']);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'person_added', { name: fullName(ctx.db, personId), relationship: input.link.relationship });
      ctx.note({ record: `person:${personId}`, detail: 'added to the case' });
      reindexCase(ctx.db, row.id);
      touchCase(ctx, row.id);
      return casePeople(ctx.db, row.id, view, ctx.now, personId)[0]!;
    },
  }),

  'cases.updatePerson': defineHandler('cases.updatePerson', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      roleInCase(ctx.db, row.id, input.personId);
      const person = personRow(ctx.db, input.personId)!;
      if (person.version !== input.version) {
        throw new AppError('conflict', 'Someone else changed this person since you opened them.', { current: personView(person, ctx.now) });
      }
      rejectFuture(ctx.now, [{ path: ['changes', 'birthDate'], value: input.changes.birthDate, kind: 'date' }]);
      const fields = changedFields(personFields(person), input.changes as Partial<PersonFields>);
      if (fields.length > 0) {
        updatePerson(ctx.db, person.id, Object.fromEntries(fields.map((f) => [f, input.changes[f]])), ctx.now);
        // The same person may be on several cases: each shows the change, and is found by the new name.
        for (const caseId of casesOfPerson(ctx.db, person.id)) {
          recordEvent(ctx.db, caseId, me.userId, ctx.now, 'person_updated', { name: fullName(ctx.db, person.id), fields });
          if (fields.includes('firstName') || fields.includes('lastName')) reindexCase(ctx.db, caseId);
          touchCase(ctx, caseId);
        }
        ctx.note({ record: `person:${person.id}`, detail: `changed ${fields.join(', ')}` });
      }
      return personView(personRow(ctx.db, person.id)!, ctx.now);
    },
  }),

  'cases.updateLink': defineHandler('cases.updateLink', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row, view } = requireCase(ctx.db, me, input.caseId);
      if (roleInCase(ctx.db, row.id, input.personId) === 'child') throw new AppError('not_found', 'The child has no relationship to edit.');
      const current = casePeople(ctx.db, row.id, 'full', ctx.now, input.personId)[0]!;
      if (current.version !== input.version) throw new AppError('conflict', 'Someone else changed this person’s place in the case since you opened it.', { current });
      const before = { ...current, allegedPerpetrator: current.allegedPerpetrator ?? false };
      const after = { ...before, ...input.changes };
      checkInformRule(after, ['changes']);
      const changes: Partial<LinkFields> = { ...input.changes, informOverride: storedOverride(after) === 1 };
      const fields = changedFields(before as LinkFields, changes);
      if (fields.length > 0) {
        const values = fields.map((f) => {
          const v = changes[f];
          return typeof v === 'boolean' ? +v : (v as string);
        });
        ctx.db
          .prepare(`UPDATE case_people SET ${fields.map((f) => `${linkColumns[f]} = ?`).join(', ')}, version = version + 1 WHERE case_id = ? AND person_id = ?`)
          .run(...values, row.id, input.personId);
        recordEvent(ctx.db, row.id, me.userId, ctx.now, 'link_updated', { name: fullName(ctx.db, input.personId), fields });
        ctx.note({ record: `person:${input.personId}`, detail: `changed ${fields.join(', ')}` });
        touchCase(ctx, row.id);
      }
      return casePeople(ctx.db, row.id, view, ctx.now, input.personId)[0]!;
    },
  }),

  'cases.removePerson': defineHandler('cases.removePerson', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      if (roleInCase(ctx.db, row.id, input.personId) === 'child') throw new AppError('conflict', 'The child of a case cannot be removed from it.');
      const name = fullName(ctx.db, input.personId);
      // Consents they gave stay on record, still naming them.
      ctx.db.prepare('DELETE FROM case_people WHERE case_id = ? AND person_id = ?').run(row.id, input.personId);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'person_removed', { name });
      ctx.note({ record: `person:${input.personId}`, detail: 'removed from the case' });
      reindexCase(ctx.db, row.id);
      touchCase(ctx, row.id);
      return { removed: true as const };
    },
  }),
};
