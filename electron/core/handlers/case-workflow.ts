import { checkMessages } from '../../../shared/contract';
import { requireCase } from '../access';
import { consentsOf, tasksOf } from '../cases/case-file';
import { rejectFuture } from '../cases/checks';
import { refusePerpetratorConsent } from '../cases/child-safety';
import { readTimeline, recordEvent } from '../cases/timeline';
import { iso, utc } from '../clock';
import { AppError } from '../errors';
import { touchCase, viewer } from './cases';
import { defineHandler } from './types';

export const caseWorkflowHandlers = {
  'cases.recordConsent': defineHandler('cases.recordConsent', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      rejectFuture(ctx.now, [{ path: ['at'], value: input.at, kind: 'moment' }]);
      if (input.personId !== null && !ctx.db.prepare('SELECT 1 FROM case_people WHERE case_id = ? AND person_id = ?').get(row.id, input.personId)) {
        throw new AppError('not_found', 'That person is not one of the adults of this case.');
      }
      refusePerpetratorConsent(ctx.db, row.id, input.personId, ['personId']);
      const { lastInsertRowid } = ctx.db
        .prepare('INSERT INTO case_consents (case_id, scope, decision, person_id, at, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, input.scope, input.decision, input.personId, utc(input.at), input.note, iso(ctx.now), me.userId);
      const consent = consentsOf(ctx.db, row.id, Number(lastInsertRowid))[0]!;
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'consent_recorded', { scope: input.scope, decision: input.decision, by: consent.byName || null });
      ctx.note({ record: `consent:${consent.id}`, detail: `${input.scope} ${input.decision}` });
      touchCase(ctx, row.id);
      return consent;
    },
  }),

  'cases.withdrawConsent': defineHandler('cases.withdrawConsent', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      const consent = consentsOf(ctx.db, row.id, input.consentId)[0];
      if (!consent) throw new AppError('not_found', 'There is no such consent on this case.');
      if (consent.decision !== 'given') throw new AppError('conflict', 'Only a consent that was given can be withdrawn.', { current: consent });
      if (consent.withdrawnAt) throw new AppError('conflict', 'This consent was already withdrawn.', { current: consent });
      rejectFuture(ctx.now, [{ path: ['at'], value: input.at, kind: 'moment' }]);
      const withdrawnAt = utc(input.at);
      if (withdrawnAt < consent.at) {
        throw new AppError('invalid_input', `The input is not valid (at: ${checkMessages.beforeConsent})`, {
          issues: [{ path: ['at'], code: 'custom', message: checkMessages.beforeConsent }],
        });
      }
      ctx.db.prepare('UPDATE case_consents SET withdrawn_at = ?, withdrawn_note = ?, withdrawn_by = ? WHERE id = ?').run(withdrawnAt, input.note, me.userId, consent.id);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'consent_withdrawn', { scope: consent.scope, by: consent.byName || null });
      ctx.note({ record: `consent:${consent.id}`, detail: 'withdrawn' });
      touchCase(ctx, row.id);
      return consentsOf(ctx.db, row.id, consent.id)[0]!;
    },
  }),

  'cases.resolveTask': defineHandler('cases.resolveTask', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      const task = tasksOf(ctx.db, row.id, input.taskId)[0];
      if (!task) throw new AppError('not_found', 'There is no such task on this case.');
      if (task.state !== 'open') throw new AppError('conflict', 'This task was already resolved.', { current: task });
      if (input.resolution === 'dismissed' && input.note === '') {
        throw new AppError('invalid_input', `The input is not valid (note: ${checkMessages.reasonRequired})`, {
          issues: [{ path: ['note'], code: 'custom', message: checkMessages.reasonRequired }],
        });
      }
      ctx.db.prepare('UPDATE case_tasks SET state = ?, resolved_at = ?, resolved_by = ?, note = ? WHERE id = ?').run(input.resolution, iso(ctx.now), me.userId, input.note, task.id);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'task_resolved', { task: task.kind, resolution: input.resolution });
      ctx.note({ record: `task:${task.id}`, detail: input.resolution });
      touchCase(ctx, row.id);
      return tasksOf(ctx.db, row.id, task.id)[0]!;
    },
  }),

  'cases.timeline': defineHandler('cases.timeline', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      if (view === 'blind') return { entries: [], hiddenUntilInterview: true };
      return { entries: readTimeline(ctx.db, row.id, input.groups), hiddenUntilInterview: false };
    },
  }),
};
