import type { Database } from 'better-sqlite3-multiple-ciphers';
import { changedFields } from '../../../shared/merge';
import { caseStatuses, type CaseStatus } from '../../../shared/cases/categories';
import { dueDates } from '../../../shared/cases/deadlines';
import { checkMessages } from '../../../shared/contract';
import type { CaseDetail, CaseFields } from '../../../shared/contract/case-records';
import { mayReadNote, mayWriteNote, noteDisciplines, type NoteDiscipline } from '../../../shared/permissions';
import { requireCase, viewOf, type CaseRow, type Viewer } from '../access';
import { reindexCase } from '../cases/case-index';
import { caseDetail, caseFieldAssignments, caseFields, caseRow, refreshNextDue } from '../cases/case-file';
import { listCases, visibleCase } from '../cases/case-list';
import { rejectFuture } from '../cases/checks';
import { setLegalHold } from '../cases/legal-hold';
import { interviewDeadlineDays, registerCase } from '../cases/intake';
import { recordEvent } from '../cases/timeline';
import { ensureTraffickingTask } from '../cases/tasks';
import { iso, utc } from '../clock';
import { attentionItems } from '../followup/attention';
import { AppError } from '../errors';
import { rolesOf } from '../users';
import { callerOf, defineHandler, type PrepareContext, type RunContext } from './types';

export function viewer(ctx: PrepareContext): Viewer {
  const caller = callerOf(ctx);
  return { userId: caller.userId, roles: caller.roles };
}

/** Whether the caller could find this person: known from a case they may see, or from none at all. */
export function mayLinkPerson(db: Database, who: Viewer, personId: number): boolean {
  const visible = visibleCase(who);
  const cases = db
    .prepare(
      `SELECT ${visible.sql} AS visible FROM cases c WHERE c.child_id = ?
       UNION ALL SELECT ${visible.sql} FROM case_people l JOIN cases c ON c.id = l.case_id WHERE l.person_id = ?`,
    )
    .all(...visible.params, personId, ...visible.params, personId) as { visible: number }[];
  return cases.length === 0 || cases.some((c) => c.visible === 1);
}

/** Marks the case changed (version, time) and tells the workstations that may see it. */
export function touchCase(ctx: RunContext, caseId: number): void {
  ctx.db.prepare('UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?').run(iso(ctx.now), caseId);
  ctx.emit({ entity: 'case', action: 'updated', id: caseId });
}

/** The case as it now is, after a change by this caller (who could see it before the change). */
export function changed(ctx: RunContext, caseId: number): CaseDetail {
  const row = caseRow(ctx.db, caseId);
  // A coordinator who restricts a case they are not on still gets its answer; the next read is refused.
  return caseDetail(ctx.db, row, viewOf(ctx.db, viewer(ctx), row) ?? 'full', ctx.now);
}

export function requireVersion(ctx: RunContext, row: CaseRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('conflict', 'Someone else changed this case since you opened it.', { current: caseDetail(ctx.db, row, 'full', ctx.now) });
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError('invalid_input', `The input is not valid (${path}: ${message})`, { issues: [{ path: [path], code: 'custom', message }] });
}

function activeColleague(db: Database, userId: number): { id: number; display_name: string } | undefined {
  return db.prepare('SELECT id, display_name FROM users WHERE id = ? AND disabled_at IS NULL').get(userId) as { id: number; display_name: string } | undefined;
}

const rank = (status: CaseStatus) => caseStatuses.indexOf(status);

export const casesHandlers = {
  'cases.list': defineHandler('cases.list', {
    run: (input, ctx) => listCases(ctx.db, viewer(ctx), input, ctx.now),
  }),

  'cases.create': defineHandler('cases.create', {
    run(input, ctx) {
      const me = viewer(ctx);
      rejectFuture(ctx.now, [
        { path: ['fields', 'receivedAt'], value: input.fields.receivedAt, kind: 'moment' },
        { path: ['child', 'new', 'birthDate'], value: 'new' in input.child ? input.child.new.birthDate : null, kind: 'date' },
        ...input.people.map((p, i) => ({ path: ['people', i, 'person', 'new', 'birthDate'], value: 'new' in p.person ? p.person.new.birthDate : null, kind: 'date' as const })),
      ]);
      const caseId = registerCase(ctx.db, input, {
        userId: me.userId,
        coordinates: me.roles.includes('coordinator'),
        now: ctx.now,
        mayLink: (personId) => mayLinkPerson(ctx.db, me, personId),
      });
      ctx.note({ caseId });
      ctx.emit({ entity: 'case', action: 'created', id: caseId });
      const { row, view } = requireCase(ctx.db, me, caseId);
      return caseDetail(ctx.db, row, view, ctx.now);
    },
  }),

  'cases.get': defineHandler('cases.get', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      return caseDetail(ctx.db, row, view, ctx.now);
    },
  }),

  'cases.update': defineHandler('cases.update', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      requireVersion(ctx, row, input.version);
      rejectFuture(ctx.now, [{ path: ['changes', 'receivedAt'], value: input.changes.receivedAt, kind: 'moment' }]);
      const before = caseFields(row);
      const changes = input.changes.receivedAt ? { ...input.changes, receivedAt: utc(input.changes.receivedAt) } : input.changes;
      const fields = changedFields(before, changes as Partial<CaseFields>);
      if (fields.length === 0) return changed(ctx, row.id);
      const set = caseFieldAssignments(Object.fromEntries(fields.map((f) => [f, changes[f]])));
      ctx.db.prepare(`UPDATE cases SET ${set.sql} WHERE id = ?`).run(...set.values, row.id);
      recordEvent(ctx.db, row.id, viewer(ctx).userId, ctx.now, 'updated', { fields });
      if (changes.trafficking && before.trafficking.length === 0) ensureTraffickingTask(ctx.db, row.id, changes.trafficking, viewer(ctx).userId, ctx.now);
      if (fields.some((f) => f.endsWith('File'))) reindexCase(ctx.db, row.id);
      ctx.note({ detail: `changed ${fields.join(', ')}` });
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.changeStatus': defineHandler('cases.changeStatus', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      requireVersion(ctx, row, input.version);
      const from = row.status as CaseStatus;
      const to = input.status;
      if (from === to) throw invalid('status', checkMessages.sameStatus);
      const now = iso(ctx.now);
      if (to === 'closed') {
        if (!input.outcome) throw invalid('outcome', checkMessages.outcomeRequired);
        if (!input.outcomeDate) throw invalid('outcomeDate', checkMessages.outcomeDateRequired);
        rejectFuture(ctx.now, [{ path: ['outcomeDate'], value: input.outcomeDate, kind: 'date' }]);
        ctx.db.prepare('UPDATE cases SET status = ?, closed_at = ?, legal_outcome = ?, outcome_date = ? WHERE id = ?').run(to, now, input.outcome, input.outcomeDate, row.id);
        recordEvent(ctx.db, row.id, me.userId, ctx.now, 'closed', { from, outcome: input.outcome, outcomeDate: input.outcomeDate, reason: input.reason });
      } else if (from === 'closed') {
        if (!input.reason) throw invalid('reason', checkMessages.reasonRequired);
        // A reopened case gets fresh time for what it had not yet done; met deadlines stay met.
        const due = dueDates(ctx.now, interviewDeadlineDays(ctx.db));
        ctx.db
          .prepare(
            `UPDATE cases SET status = ?, closed_at = NULL, legal_outcome = NULL, outcome_date = NULL,
               assessment_due_at = CASE WHEN assessment_done_at IS NULL THEN ? ELSE assessment_due_at END,
               interview_due_at = CASE WHEN interview_done_at IS NULL THEN ? ELSE interview_due_at END,
               plan_due_at = CASE WHEN plan_done_at IS NULL THEN ? ELSE plan_due_at END
             WHERE id = ?`,
          )
          .run(to, due.initial_assessment, due.interview, due.intervention_plan, row.id);
        recordEvent(ctx.db, row.id, me.userId, ctx.now, 'reopened', { to, reason: input.reason, outcome: row.legal_outcome });
      } else {
        // Leaving assessment means it was made; leaving planning means the intervention plan exists.
        ctx.db
          .prepare(
            `UPDATE cases SET status = ?,
               assessment_done_at = CASE WHEN ? >= ? THEN coalesce(assessment_done_at, ?) ELSE assessment_done_at END,
               plan_done_at = CASE WHEN ? >= ? THEN coalesce(plan_done_at, ?) ELSE plan_done_at END
             WHERE id = ?`,
          )
          .run(to, rank(to), rank('planning'), now, rank(to), rank('interview'), now, row.id);
        recordEvent(ctx.db, row.id, me.userId, ctx.now, 'status', { from, to, reason: input.reason });
      }
      ctx.note({ detail: `${from} → ${to}` });
      refreshNextDue(ctx.db, row.id);
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.setRestricted': defineHandler('cases.setRestricted', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      requireVersion(ctx, row, input.version);
      ctx.db.prepare('UPDATE cases SET restricted = ? WHERE id = ?').run(input.restricted ? 1 : 0, row.id);
      recordEvent(ctx.db, row.id, viewer(ctx).userId, ctx.now, 'restricted', { restricted: input.restricted });
      ctx.note({ detail: input.restricted ? 'restricted' : 'restriction lifted' });
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.setLegalHold': defineHandler('cases.setLegalHold', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      setLegalHold(ctx.db, row, input.hold, input.reason, viewer(ctx).userId, ctx.now);
      ctx.note({ detail: input.hold ? 'legal hold set' : 'legal hold lifted' });
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.setCoordinator': defineHandler('cases.setCoordinator', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      const user = activeColleague(ctx.db, input.userId);
      if (!user || !rolesOf(ctx.db, user.id).includes('coordinator')) throw invalid('userId', checkMessages.coordinatorRole);
      ctx.db.prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?').run(user.id, row.id);
      ctx.db
        .prepare('INSERT OR IGNORE INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)')
        .run(row.id, user.id, iso(ctx.now), viewer(ctx).userId);
      recordEvent(ctx.db, row.id, viewer(ctx).userId, ctx.now, 'coordinator', { name: user.display_name });
      ctx.note({ record: `user:${user.id}`, detail: 'case coordinator' });
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.addMember': defineHandler('cases.addMember', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      const member = activeColleague(ctx.db, input.userId);
      if (!member) throw new AppError('not_found', 'There is no such colleague, or their account is disabled.');
      const { changes } = ctx.db
        .prepare('INSERT OR IGNORE INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)')
        .run(row.id, input.userId, iso(ctx.now), callerOf(ctx).userId);
      if (changes > 0) recordEvent(ctx.db, row.id, viewer(ctx).userId, ctx.now, 'member_added', { name: member.display_name });
      ctx.note({ record: `user:${input.userId}`, detail: 'added to the team' });
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.removeMember': defineHandler('cases.removeMember', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      const member = ctx.db.prepare('SELECT display_name FROM users WHERE id = ?').get(input.userId) as { display_name: string } | undefined;
      const { changes } = ctx.db.prepare('DELETE FROM case_team WHERE case_id = ? AND user_id = ?').run(row.id, input.userId);
      if (changes > 0) {
        if (row.coordinator_id === input.userId) ctx.db.prepare('UPDATE cases SET coordinator_id = NULL WHERE id = ?').run(row.id);
        recordEvent(ctx.db, row.id, viewer(ctx).userId, ctx.now, 'member_removed', { name: member?.display_name ?? '' });
      }
      ctx.note({ record: `user:${input.userId}`, detail: 'removed from the team' });
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.markInterviewDone': defineHandler('cases.markInterviewDone', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      if (row.interview_done_at === null) {
        ctx.db.prepare('UPDATE cases SET interview_done_at = ? WHERE id = ?').run(iso(ctx.now), row.id);
        recordEvent(ctx.db, row.id, viewer(ctx).userId, ctx.now, 'interview_done');
        refreshNextDue(ctx.db, row.id);
      }
      touchCase(ctx, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.listNotes': defineHandler('cases.listNotes', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row, view } = requireCase(ctx.db, me, input.caseId);
      if (view === 'blind') return { notes: [], hiddenUntilInterview: true };
      const notes = ctx.db
        .prepare(
          `SELECT n.id, n.discipline, n.created_at, n.text, u.display_name FROM case_notes n JOIN users u ON u.id = n.author_id
            WHERE n.case_id = ? ORDER BY n.created_at DESC, n.id DESC`,
        )
        .all(row.id) as { id: number; discipline: NoteDiscipline; created_at: string; text: string; display_name: string }[];
      return {
        hiddenUntilInterview: false,
        notes: notes.map((n) => ({
          id: n.id,
          discipline: (noteDisciplines as readonly string[]).includes(n.discipline) ? n.discipline : 'general',
          author: n.display_name,
          createdAt: n.created_at,
          text: mayReadNote(n.discipline, me.roles) ? n.text : null,
        })),
      };
    },
  }),

  'cases.addNote': defineHandler('cases.addNote', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      if (!mayWriteNote(input.discipline, me.roles)) {
        throw new AppError('forbidden', `Only the ${input.discipline} discipline writes ${input.discipline} notes.`);
      }
      const { lastInsertRowid } = ctx.db
        .prepare('INSERT INTO case_notes (case_id, discipline, author_id, created_at, text) VALUES (?, ?, ?, ?, ?)')
        .run(row.id, input.discipline, me.userId, iso(ctx.now), input.text);
      // The timeline says a note of this discipline was added, never what it says.
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'note_added', { discipline: input.discipline });
      ctx.note({ record: `note:${Number(lastInsertRowid)}` });
      ctx.emit({ entity: 'case', action: 'updated', id: row.id });
      const author = ctx.db.prepare('SELECT display_name FROM users WHERE id = ?').get(me.userId) as { display_name: string };
      return { id: Number(lastInsertRowid), discipline: input.discipline, author: author.display_name, createdAt: iso(ctx.now), text: input.text };
    },
  }),

  'cases.attention': defineHandler('cases.attention', {
    run: (input, ctx) => attentionItems(ctx.db, viewer(ctx), input.scope, ctx.now),
  }),
};
