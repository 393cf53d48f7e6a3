import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseDetail, CaseListItem } from '../../../shared/contract/methods/cases';
import { agencies, mayReadNote, mayWriteNote, noteDisciplines, type Agency, type NoteDiscipline } from '../../../shared/permissions';
import { requireCase, viewOf, type CaseRow, type CaseView, type Viewer } from '../access';
import { iso } from '../clock';
import { AppError } from '../errors';
import { rolesOf } from '../users';
import { callerOf, defineHandler, type PrepareContext, type RunContext } from './types';

function viewer(ctx: PrepareContext): Viewer {
  const caller = callerOf(ctx);
  return { userId: caller.userId, roles: caller.roles };
}

function team(db: Database, caseId: number): CaseDetail['team'] {
  const rows = db
    .prepare(
      `SELECT u.id, u.display_name, u.agency, u.job_title, t.added_at FROM case_team t JOIN users u ON u.id = t.user_id
        WHERE t.case_id = ? ORDER BY u.display_name COLLATE NOCASE`,
    )
    .all(caseId) as { id: number; display_name: string; agency: string; job_title: string; added_at: string }[];
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    agency: (agencies as readonly string[]).includes(r.agency) ? (r.agency as Agency) : 'other',
    jobTitle: r.job_title,
    roles: rolesOf(db, r.id),
    addedAt: r.added_at,
  }));
}

function detail(db: Database, row: CaseRow, view: CaseView): CaseDetail {
  return {
    id: row.id,
    reference: row.reference,
    childFirstName: row.child_first_name,
    childLastName: row.child_last_name,
    summary: view === 'blind' ? null : row.summary,
    restricted: row.restricted === 1,
    interviewDoneAt: row.interview_done_at,
    createdAt: row.created_at,
    team: team(db, row.id),
    view,
    version: row.version,
  };
}

/** The case as it now is, after a change by this caller (who could see it before the change). */
function changed(ctx: RunContext, caseId: number): CaseDetail {
  ctx.emit({ entity: 'case', action: 'updated', id: caseId });
  const row = ctx.db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow;
  // A coordinator who restricts a case they are not on still gets its answer; the next read is refused.
  return detail(ctx.db, row, viewOf(ctx.db, viewer(ctx), row) ?? 'full');
}

function requireVersion(ctx: RunContext, row: CaseRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('conflict', 'Someone else changed this case since you opened it.', { current: detail(ctx.db, row, 'full') });
  }
}

/** BH-2026-0007: the year the case was opened and its number in that year. */
function nextReference(db: Database, now: Date): string {
  const prefix = `BH-${now.getUTCFullYear()}-`;
  const last = db.prepare('SELECT reference FROM cases WHERE reference LIKE ? ORDER BY reference DESC LIMIT 1').get(`${prefix}%`) as { reference: string } | undefined;
  const next = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}

export const casesHandlers = {
  'cases.list': defineHandler('cases.list', {
    run(_input, ctx) {
      const me = viewer(ctx);
      const coordinator = me.roles.includes('coordinator');
      const rows = (
        coordinator
          ? ctx.db.prepare('SELECT * FROM cases ORDER BY created_at DESC, id DESC').all()
          : ctx.db.prepare('SELECT c.* FROM cases c JOIN case_team t ON t.case_id = c.id WHERE t.user_id = ? ORDER BY c.created_at DESC, c.id DESC').all(me.userId)
      ) as CaseRow[];
      return rows.map((row): CaseListItem => {
        const view = viewOf(ctx.db, me, row);
        return {
          id: row.id,
          reference: row.reference,
          childName: view ? `${row.child_first_name} ${row.child_last_name}` : null,
          restricted: row.restricted === 1,
          accessible: view !== null,
          createdAt: row.created_at,
        };
      });
    },
  }),

  'cases.create': defineHandler('cases.create', {
    run(input, ctx) {
      const caller = callerOf(ctx);
      const { lastInsertRowid } = ctx.db
        .prepare('INSERT INTO cases (reference, child_first_name, child_last_name, summary, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(nextReference(ctx.db, ctx.now), input.childFirstName, input.childLastName, input.summary, iso(ctx.now), caller.userId);
      const caseId = Number(lastInsertRowid);
      ctx.db.prepare('INSERT INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)').run(caseId, caller.userId, iso(ctx.now), caller.userId);
      ctx.note({ caseId });
      ctx.emit({ entity: 'case', action: 'created', id: caseId });
      const { row, view } = requireCase(ctx.db, viewer(ctx), caseId);
      return detail(ctx.db, row, view);
    },
  }),

  'cases.get': defineHandler('cases.get', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      return detail(ctx.db, row, view);
    },
  }),

  'cases.update': defineHandler('cases.update', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      requireVersion(ctx, row, input.version);
      ctx.db
        .prepare('UPDATE cases SET child_first_name = ?, child_last_name = ?, summary = ?, version = version + 1 WHERE id = ?')
        .run(input.childFirstName, input.childLastName, input.summary, row.id);
      return changed(ctx, row.id);
    },
  }),

  'cases.setRestricted': defineHandler('cases.setRestricted', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      requireVersion(ctx, row, input.version);
      ctx.db.prepare('UPDATE cases SET restricted = ?, version = version + 1 WHERE id = ?').run(input.restricted ? 1 : 0, row.id);
      ctx.note({ detail: input.restricted ? 'restricted' : 'restriction lifted' });
      return changed(ctx, row.id);
    },
  }),

  'cases.addMember': defineHandler('cases.addMember', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      const member = ctx.db.prepare('SELECT id FROM users WHERE id = ? AND disabled_at IS NULL').get(input.userId);
      if (!member) throw new AppError('not_found', 'There is no such colleague, or their account is disabled.');
      ctx.db
        .prepare('INSERT OR IGNORE INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)')
        .run(row.id, input.userId, iso(ctx.now), callerOf(ctx).userId);
      ctx.note({ record: `user:${input.userId}`, detail: 'added to the team' });
      return changed(ctx, row.id);
    },
  }),

  'cases.removeMember': defineHandler('cases.removeMember', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      ctx.db.prepare('DELETE FROM case_team WHERE case_id = ? AND user_id = ?').run(row.id, input.userId);
      ctx.note({ record: `user:${input.userId}`, detail: 'removed from the team' });
      return changed(ctx, row.id);
    },
  }),

  'cases.markInterviewDone': defineHandler('cases.markInterviewDone', {
    run(input, ctx) {
      const { row } = requireCase(ctx.db, viewer(ctx), input.caseId);
      ctx.db.prepare('UPDATE cases SET interview_done_at = coalesce(interview_done_at, ?), version = version + 1 WHERE id = ?').run(iso(ctx.now), row.id);
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
      ctx.note({ record: `note:${Number(lastInsertRowid)}` });
      ctx.emit({ entity: 'case', action: 'updated', id: row.id });
      const author = ctx.db.prepare('SELECT display_name FROM users WHERE id = ?').get(me.userId) as { display_name: string };
      return { id: Number(lastInsertRowid), discipline: input.discipline, author: author.display_name, createdAt: iso(ctx.now), text: input.text };
    },
  }),
};
