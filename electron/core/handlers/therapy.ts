import { checkMessages } from '../../../shared/contract';
import { requireCase, type CaseView } from '../access';
import { rejectFuture } from '../cases/checks';
import { recordEvent } from '../cases/timeline';
import { iso, utc } from '../clock';
import { AppError, fieldError } from '../errors';
import { requireCareConsent, withoutConsent, type CareConsent } from '../followup/care-consent';
import { centreToday } from '../followup/due';
import { assessmentsWhere, mayReadTherapy, planRow, readPlan, sessionsWhere, therapyOverview } from '../followup/therapy-file';
import { touchCase, viewer } from './cases';
import { defineHandler, type RunContext } from './types';

/** A workstation's clock may run a little ahead of the host's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The case, if the caller may see it, and whether they may read therapy's clinical side. */
function therapyCase(ctx: RunContext, caseId: number): { caseId: number; view: CaseView; clinical: boolean } {
  const me = viewer(ctx);
  const { row, view } = requireCase(ctx.db, me, caseId);
  return { caseId: row.id, view, clinical: mayReadTherapy(me, view) };
}

function stale(what: string, current: unknown): AppError {
  return new AppError('conflict', `Someone else changed this ${what} since you opened it.`, { current });
}

export const therapyHandlers = {
  'therapy.get': defineHandler('therapy.get', {
    run(input, ctx) {
      const { caseId, view } = therapyCase(ctx, input.caseId);
      const overview = therapyOverview(ctx.db, viewer(ctx), caseId, view, ctx.now);
      ctx.note({ detail: `${overview.sessions.length} sessions${overview.clinicalHidden ? ', clinical hidden' : ''}` });
      return overview;
    },
  }),

  'therapy.saveSession': defineHandler('therapy.saveSession', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { caseId, clinical } = therapyCase(ctx, input.caseId);
      const startsAt = utc(input.startsAt);
      // Attended or missed is known only once the session's time has come.
      if (input.attendance !== 'planned' && Date.parse(startsAt) > ctx.now.getTime() + CLOCK_SKEW_MS) throw fieldError(['attendance'], checkMessages.notYetHeld);
      const values = [startsAt, input.durationMinutes, input.type, input.attendance, input.notes];
      let id = input.id;
      // Therapy given is what needs the consent: planning a session or noting a missed one does not.
      const consentFor = (wasAttended: boolean) => (input.attendance === 'attended' && !wasAttended ? requireCareConsent(ctx.db, caseId, 'therapy', ['attendance']) : null);
      let care: CareConsent | null;
      if (id === null) {
        if (planRow(ctx.db, caseId)?.closed_on != null) throw fieldError(['startsAt'], checkMessages.therapyClosed);
        care = consentFor(false);
        const { lastInsertRowid } = ctx.db
          .prepare('INSERT INTO therapy_sessions (starts_at, duration_minutes, type, attendance, notes, case_id, therapist_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(...values, caseId, me.userId, iso(ctx.now));
        id = Number(lastInsertRowid);
        recordEvent(ctx.db, caseId, me.userId, ctx.now, 'therapy_session_logged', { at: startsAt, type: input.type, attendance: input.attendance, ...(care ? withoutConsent(care) : {}) });
      } else {
        const current = sessionsWhere(ctx.db, 's.id = ? AND s.case_id = ?', [id, caseId], clinical)[0];
        if (!current) throw new AppError('not_found', 'There is no such session on this case.');
        if (current.version !== input.version) throw stale('session', current);
        care = consentFor(current.attendance === 'attended');
        ctx.db.prepare('UPDATE therapy_sessions SET starts_at = ?, duration_minutes = ?, type = ?, attendance = ?, notes = ?, version = version + 1 WHERE id = ?').run(...values, id);
        recordEvent(ctx.db, caseId, me.userId, ctx.now, 'therapy_session_updated', { at: startsAt, attendance: input.attendance, ...(care ? withoutConsent(care) : {}) });
      }
      ctx.note({ record: `therapy-session:${id}`, detail: `${input.attendance}${care?.missing ? ' without a current therapy consent' : ''}` });
      touchCase(ctx, caseId);
      return sessionsWhere(ctx.db, 's.id = ?', [id], clinical)[0]!;
    },
  }),

  'therapy.saveAssessment': defineHandler('therapy.saveAssessment', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { caseId, clinical } = therapyCase(ctx, input.caseId);
      rejectFuture(ctx.now, [{ path: ['assessedOn'], value: input.assessedOn, kind: 'date' }]);
      const values = [input.instrument, input.score, input.assessedOn, input.notes];
      let id = input.id;
      if (id === null) {
        const care = requireCareConsent(ctx.db, caseId, 'therapy', ['assessedOn']);
        if (care.missing) ctx.note({ detail: 'without a current therapy consent' });
        const { lastInsertRowid } = ctx.db
          .prepare('INSERT INTO therapy_assessments (instrument, score, assessed_on, notes, case_id, therapist_id) VALUES (?, ?, ?, ?, ?, ?)')
          .run(...values, caseId, me.userId);
        id = Number(lastInsertRowid);
      } else {
        const current = assessmentsWhere(ctx.db, 'a.id = ? AND a.case_id = ?', [id, caseId], clinical)[0];
        if (!current) throw new AppError('not_found', 'There is no such assessment on this case.');
        if (current.version !== input.version) throw stale('assessment', current);
        ctx.db.prepare('UPDATE therapy_assessments SET instrument = ?, score = ?, assessed_on = ?, notes = ?, version = version + 1 WHERE id = ?').run(...values, id);
      }
      // The instrument says what was assessed; the score is the therapist's.
      recordEvent(ctx.db, caseId, me.userId, ctx.now, 'therapy_assessment', { instrument: input.instrument, on: input.assessedOn });
      ctx.note({ record: `therapy-assessment:${id}` });
      touchCase(ctx, caseId);
      return assessmentsWhere(ctx.db, 'a.id = ?', [id], clinical)[0]!;
    },
  }),

  'therapy.savePlan': defineHandler('therapy.savePlan', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { caseId, clinical } = therapyCase(ctx, input.caseId);
      const current = planRow(ctx.db, caseId);
      // Version 0 means "start the plan": a plan starts at version 1, so two therapists starting one at once get one plan and a 409.
      if ((current?.version ?? 0) !== input.version) throw stale('treatment plan', readPlan(ctx.db, caseId, clinical));
      const values = [JSON.stringify(input.goals), input.reviewOn, input.sharedSummary, iso(ctx.now), me.userId];
      if (current === undefined) {
        ctx.db
          .prepare('INSERT INTO therapy_plans (goals, review_on, shared_summary, updated_at, updated_by, case_id, started_on, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)')
          .run(...values, caseId, centreToday(ctx.db, ctx.now));
      } else {
        // Saving the plan of a closed therapy reopens it: the child came back.
        ctx.db
          .prepare(
            `UPDATE therapy_plans SET goals = ?, review_on = ?, shared_summary = ?, updated_at = ?, updated_by = ?,
               closed_on = NULL, closure_reason = NULL, closure_note = '', closed_by = NULL, version = version + 1 WHERE case_id = ?`,
          )
          .run(...values, caseId);
      }
      recordEvent(ctx.db, caseId, me.userId, ctx.now, 'therapy_plan_saved', { reviewOn: input.reviewOn });
      ctx.note({ record: `therapy-plan:${caseId}`, detail: current === undefined ? 'started' : current.closed_on === null ? 'revised' : 'reopened' });
      touchCase(ctx, caseId);
      return readPlan(ctx.db, caseId, clinical)!;
    },
  }),

  'therapy.close': defineHandler('therapy.close', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { caseId, clinical } = therapyCase(ctx, input.caseId);
      const current = planRow(ctx.db, caseId);
      if (!current) throw new AppError('conflict', 'This case has no treatment plan yet: there is no therapy to close.', { current: null });
      if (current.version !== input.version) throw stale('treatment plan', readPlan(ctx.db, caseId, clinical));
      if (current.closed_on !== null) throw new AppError('conflict', 'Therapy on this case is already closed.', { current: readPlan(ctx.db, caseId, clinical) });
      rejectFuture(ctx.now, [{ path: ['closedOn'], value: input.closedOn, kind: 'date' }]);
      if (input.closedOn < current.started_on) throw fieldError(['closedOn'], checkMessages.endBeforeStart);
      ctx.db
        .prepare('UPDATE therapy_plans SET closed_on = ?, closure_reason = ?, closure_note = ?, closed_by = ?, version = version + 1 WHERE case_id = ?')
        .run(input.closedOn, input.reason, input.note, me.userId, caseId);
      recordEvent(ctx.db, caseId, me.userId, ctx.now, 'therapy_closed', { reason: input.reason });
      ctx.note({ record: `therapy-plan:${caseId}`, detail: `closed: ${input.reason}` });
      touchCase(ctx, caseId);
      return readPlan(ctx.db, caseId, clinical)!;
    },
  }),
};
