import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import type { ExamBookingFields, MedicalFollowup } from '../../../shared/contract/followup-records';
import { requireCase, type CaseRow, type CaseView } from '../access';
import { rejectFuture } from '../cases/checks';
import { recordEvent } from '../cases/timeline';
import { iso, utc } from '../clock';
import { AppError, fieldError } from '../errors';
import { requireCareConsent, withoutConsent } from '../followup/care-consent';
import { NO_EXAM, examRow, examsOfCase, followupsWhere, medicalSight, readExam, type ExamRow } from '../followup/medical-file';
import { requireCaseOf } from '../interviews/interview-file';
import { readExaminers, readInterpreter, readRoom, readRules } from '../interviews/resources';
import { refuseSlot, slotConflicts } from '../interviews/slots';
import { touchCase, viewer } from './cases';
import { defineHandler, type RunContext } from './types';

const MINUTE = 60_000;
/** A booking may start a little in the past: the form was opened a minute ago. */
const PAST_GRACE_MS = 5 * MINUTE;

interface Found {
  exam: ExamRow;
  caseRow: CaseRow;
  view: CaseView;
}

/** The exam and its case, if the caller may see the case; 404 otherwise, whether the exam is missing or only hidden. */
function requireExam(ctx: RunContext, examId: number): Found {
  const exam = examRow(ctx.db, examId);
  if (!exam) throw new AppError('not_found', NO_EXAM);
  const { row, view } = requireCaseOf(ctx.db, viewer(ctx), exam.case_id, NO_EXAM);
  ctx.note({ caseId: row.id, record: `exam:${exam.id}` });
  return { exam, caseRow: row, view };
}

/** The exam as this caller may read it. */
function examFor(ctx: RunContext, found: Pick<Found, 'caseRow' | 'view'>, examId: number) {
  return readExam(ctx.db, examId, medicalSight(ctx.db, viewer(ctx), found.caseRow.id, found.view));
}

function requireVersion(ctx: RunContext, found: Found, version: number): void {
  if (found.exam.version !== version) {
    throw new AppError('conflict', 'Someone else changed this examination since you opened it.', { current: examFor(ctx, found, found.exam.id) });
  }
}

function refuseClosed(caseRow: CaseRow): void {
  if (caseRow.status === 'closed') throw new AppError('conflict', 'The case is closed: reopen it before booking an examination.');
}

/** A medical room, an examiner with the medical role, an active interpreter, and one at all if the child needs one. */
function checkResources(db: Database, booking: ExamBookingFields, childId: number): void {
  const room = readRoom(db, booking.roomId);
  if (!room || !room.active || room.kind !== 'medical') throw fieldError(['roomId'], checkMessages.roomKind);
  const examiner = readExaminers(db).find((e) => e.userId === booking.examinerId);
  if (!examiner || !examiner.active) throw fieldError(['examinerId'], checkMessages.activeExaminer);
  if (booking.interpreterId !== null) {
    const interpreter = readInterpreter(db, booking.interpreterId);
    if (!interpreter || !interpreter.active) throw fieldError(['interpreterId'], checkMessages.activeInterpreter);
  }
  const child = db.prepare('SELECT interpreter_needed FROM persons WHERE id = ?').get(childId) as { interpreter_needed: number };
  if (child.interpreter_needed === 1 && booking.interpreterId === null) throw fieldError(['interpreterId'], checkMessages.interpreterRequired);
}

function endOf(booking: ExamBookingFields): string {
  return new Date(Date.parse(booking.startsAt) + booking.durationMinutes * MINUTE).toISOString();
}

/** The same slot checks as an interview, against interviews and exams alike. `bookedStart`: only a new start time must not lie in the past. */
function checkSlot(ctx: RunContext, booking: ExamBookingFields, childId: number, examId: number | null, bookedStart: string | null = null): void {
  if (utc(booking.startsAt) !== bookedStart && Date.parse(booking.startsAt) < ctx.now.getTime() - PAST_GRACE_MS) throw fieldError(['startsAt'], checkMessages.datePast);
  const conflicts = slotConflicts(
    ctx.db,
    viewer(ctx),
    {
      kind: 'medical_exam',
      id: examId,
      childId,
      startsAt: utc(booking.startsAt),
      endsAt: endOf(booking),
      roomId: booking.roomId,
      observationRoomId: null,
      staffId: booking.examinerId,
      interpreterId: booking.interpreterId,
    },
    readRules(ctx.db),
  );
  if (conflicts.length > 0) refuseSlot(conflicts);
}

function bookingValues(booking: ExamBookingFields) {
  return [
    booking.kind,
    utc(booking.startsAt),
    endOf(booking),
    booking.durationMinutes,
    booking.roomId,
    booking.examinerId,
    booking.interpreterId,
    booking.interpreterLanguage,
    booking.supportPerson,
    booking.purpose,
  ];
}

function announce(ctx: RunContext, caseId: number, examId: number, action: 'created' | 'updated'): void {
  touchCase(ctx, caseId);
  // The calendar shows exams among the bookings; its listeners refetch whatever the id.
  ctx.emit({ entity: 'schedule', action, id: `exam:${examId}` });
}

export const medicalHandlers = {
  'medical.list': defineHandler('medical.list', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row, view } = requireCase(ctx.db, me, input.caseId);
      // A blind interviewer is not told what the child went through, and an exam says much of it.
      if (view === 'blind') return [];
      const exams = examsOfCase(ctx.db, row.id, medicalSight(ctx.db, me, row.id, view));
      ctx.note({ detail: `${exams.length} examinations` });
      return exams;
    },
  }),

  'medical.schedule': defineHandler('medical.schedule', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row, view } = requireCase(ctx.db, me, input.caseId);
      refuseClosed(row);
      checkResources(ctx.db, input, row.child_id);
      checkSlot(ctx, input, row.child_id, null);
      const { lastInsertRowid } = ctx.db
        .prepare(
          `INSERT INTO medical_exams (case_id, child_id, kind, starts_at, ends_at, duration_minutes, room_id, examiner_id, interpreter_id,
             interpreter_language, support_person, purpose, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(row.id, row.child_id, ...bookingValues(input), iso(ctx.now), me.userId);
      const id = Number(lastInsertRowid);
      const exam = examFor(ctx, { caseRow: row, view }, id);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'medical_exam_scheduled', { at: exam.startsAt, room: exam.roomName, examiner: exam.examinerName });
      ctx.note({ record: `exam:${id}`, detail: `${exam.startsAt} room ${exam.roomId}` });
      announce(ctx, row.id, id, 'created');
      return exam;
    },
  }),

  'medical.update': defineHandler('medical.update', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = requireExam(ctx, input.examId);
      const { exam, caseRow } = found;
      requireVersion(ctx, found, input.version);
      if (exam.status !== 'scheduled') throw new AppError('conflict', 'Only an examination still to happen can be changed.');
      refuseClosed(caseRow);
      const moved =
        utc(input.startsAt) !== exam.starts_at ||
        input.durationMinutes !== exam.duration_minutes ||
        input.roomId !== exam.room_id ||
        input.examinerId !== exam.examiner_id;
      if (moved && input.reason === '') throw fieldError(['reason'], checkMessages.reasonRequired);
      checkResources(ctx.db, input, exam.child_id);
      checkSlot(ctx, input, exam.child_id, exam.id, exam.starts_at);
      ctx.db
        .prepare(
          `UPDATE medical_exams SET kind = ?, starts_at = ?, ends_at = ?, duration_minutes = ?, room_id = ?, examiner_id = ?, interpreter_id = ?,
             interpreter_language = ?, support_person = ?, purpose = ?, version = version + 1 WHERE id = ?`,
        )
        .run(...bookingValues(input), exam.id);
      const updated = examFor(ctx, found, exam.id);
      if (moved) recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'medical_exam_rescheduled', { at: updated.startsAt, reason: input.reason });
      announce(ctx, caseRow.id, exam.id, 'updated');
      return updated;
    },
  }),

  'medical.cancel': defineHandler('medical.cancel', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = requireExam(ctx, input.examId);
      const { exam, caseRow } = found;
      requireVersion(ctx, found, input.version);
      if (exam.status !== 'scheduled') throw new AppError('conflict', 'Only an examination still to happen can be cancelled.');
      ctx.db.prepare("UPDATE medical_exams SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ?").run(input.reason, exam.id);
      recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'medical_exam_cancelled', { reason: input.reason });
      announce(ctx, caseRow.id, exam.id, 'updated');
      return examFor(ctx, found, exam.id);
    },
  }),

  'medical.record': defineHandler('medical.record', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = requireExam(ctx, input.examId);
      const { exam, caseRow } = found;
      requireVersion(ctx, found, input.version);
      if (exam.status === 'cancelled') throw new AppError('conflict', 'The examination was cancelled.');
      rejectFuture(ctx.now, [{ path: ['performedAt'], value: input.performedAt, kind: 'moment' }]);
      const care = requireCareConsent(ctx.db, caseRow.id, 'medical', ['performedAt']);
      ctx.db
        .prepare(
          `UPDATE medical_exams SET status = 'held', performed_at = ?, findings = ?, team_summary = ?, recorded_at = ?, recorded_by = ?, version = version + 1
            WHERE id = ?`,
        )
        .run(utc(input.performedAt), input.findings, input.teamSummary, iso(ctx.now), me.userId, exam.id);
      // A correction of the record is not news to the team: the exam was held either way.
      if (exam.status === 'scheduled') recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'medical_exam_held', { at: utc(input.performedAt), ...withoutConsent(care) });
      ctx.note({ detail: `${exam.status === 'held' ? 'record corrected' : 'held'}${care.missing ? ' without a current medical_exam consent' : ''}` });
      announce(ctx, caseRow.id, exam.id, 'updated');
      return examFor(ctx, found, exam.id);
    },
  }),

  'medical.saveFollowup': defineHandler('medical.saveFollowup', {
    run(input, ctx) {
      const me = viewer(ctx);
      const found = requireExam(ctx, input.examId);
      const { exam, caseRow } = found;
      if (exam.status === 'cancelled') throw new AppError('conflict', 'The examination was cancelled.');
      rejectFuture(ctx.now, [{ path: ['doneOn'], value: input.doneOn, kind: 'date' }]);
      const values = [input.kind, input.description, input.dueDate, input.result, input.doneOn];
      let id = input.id;
      let wasDone = false;
      if (id === null) {
        const { lastInsertRowid } = ctx.db
          .prepare('INSERT INTO medical_followups (kind, description, due_date, result, done_on, exam_id, case_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(...values, exam.id, caseRow.id);
        id = Number(lastInsertRowid);
        recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'medical_followup_added', { kind: input.kind, due: input.dueDate });
      } else {
        const current: MedicalFollowup | undefined = followupsWhere(ctx.db, 'id = ? AND exam_id = ?', [id, exam.id])[0];
        if (!current) throw new AppError('not_found', 'There is no such follow-up on this examination.');
        if (current.version !== input.version) throw new AppError('conflict', 'Someone else changed this follow-up since you opened it.', { current });
        wasDone = current.doneOn !== null;
        ctx.db.prepare('UPDATE medical_followups SET kind = ?, description = ?, due_date = ?, result = ?, done_on = ?, version = version + 1 WHERE id = ?').run(...values, id);
      }
      if (!wasDone && input.doneOn !== null) recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'medical_followup_done', { kind: input.kind });
      ctx.note({ detail: `follow-up ${id}` });
      touchCase(ctx, caseRow.id);
      return followupsWhere(ctx.db, 'id = ?', [id])[0]!;
    },
  }),
};
