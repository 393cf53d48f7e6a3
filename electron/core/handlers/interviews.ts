import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import type { BookingFields, CalendarEntry, Invitee } from '../../../shared/contract/interview-records';
import type { InvitedAgency, SessionRole } from '../../../shared/interviews/categories';
import { isGranted } from '../../../shared/permissions';
import { requireCase, viewOf, type CaseRow, type Viewer } from '../access';
import { refreshNextDue } from '../cases/case-file';
import { rejectFuture } from '../cases/checks';
import { recordEvent } from '../cases/timeline';
import { iso, utc } from '../clock';
import { AppError, fieldError } from '../errors';
import { medicalSight, readExam, type ExamRow } from '../followup/medical-file';
import {
  NO_INTERVIEW,
  childInterviewCount,
  interviewRow,
  interviewsWhere,
  readInterview,
  requireCaseOf,
  supplementaryRequests,
  type InterviewRow,
} from '../interviews/interview-file';
import { checkAttendanceTimes } from '../interviews/attendance';
import { readInterpreter, readInterviewers, readRoom, readRules } from '../interviews/resources';
import { refuseSlot, slotConflicts } from '../interviews/slots';
import { touchCase, viewer } from './cases';
import { defineHandler, type RunContext } from './types';

const MINUTE = 60_000;
/** A booking may start a little in the past: the form was opened a minute ago. */
const PAST_GRACE_MS = 5 * MINUTE;
const MAX_CALENDAR_DAYS = 62;

const mayReadRemarks = (who: Viewer) => isGranted('interviews.remarks', who.roles);

/** The interview and its case, if the caller may see the case; 404 otherwise, as for cases. */
function requireInterview(ctx: RunContext, interviewId: number): { interview: InterviewRow; caseRow: CaseRow } {
  const interview = interviewRow(ctx.db, interviewId);
  if (!interview) throw new AppError('not_found', NO_INTERVIEW);
  const { row } = requireCaseOf(ctx.db, viewer(ctx), interview.case_id, NO_INTERVIEW);
  ctx.note({ caseId: row.id, record: `interview:${interview.id}` });
  return { interview, caseRow: row };
}

function requireVersion(ctx: RunContext, interview: InterviewRow, version: number): void {
  if (interview.version !== version) {
    throw new AppError('conflict', 'Someone else changed this interview since you opened it.', {
      current: readInterview(ctx.db, interview.id, mayReadRemarks(viewer(ctx))),
    });
  }
}

/** Rooms, interviewer and interpreter must exist, be active and be of the right kind. */
function checkResources(db: Database, booking: BookingFields, childId: number): void {
  const room = readRoom(db, booking.roomId);
  if (!room || !room.active || room.kind !== 'interview') throw fieldError(['roomId'], checkMessages.roomKind);
  if (booking.observationRoomId !== null) {
    const observation = readRoom(db, booking.observationRoomId);
    if (!observation || !observation.active || observation.kind !== 'observation') throw fieldError(['observationRoomId'], checkMessages.roomKind);
  }
  const interviewer = readInterviewers(db, booking.interviewerId)[0];
  if (!interviewer || !interviewer.active) throw fieldError(['interviewerId'], checkMessages.activeInterviewer);
  if (booking.interpreterId !== null) {
    const interpreter = readInterpreter(db, booking.interpreterId);
    if (!interpreter || !interpreter.active) throw fieldError(['interpreterId'], checkMessages.activeInterpreter);
  }
  const child = db.prepare('SELECT interpreter_needed FROM persons WHERE id = ?').get(childId) as { interpreter_needed: number };
  if (child.interpreter_needed === 1 && booking.interpreterId === null) throw fieldError(['interpreterId'], checkMessages.interpreterRequired);
}

function endOf(booking: BookingFields): string {
  return new Date(Date.parse(booking.startsAt) + booking.durationMinutes * MINUTE).toISOString();
}

/** `bookedStart`: when the booking being changed starts now; only a new start time must not lie in the past. */
function checkSlot(ctx: RunContext, booking: BookingFields, childId: number, interviewId: number | null, bookedStart: string | null = null): void {
  const newStart = utc(booking.startsAt) !== bookedStart;
  if (newStart && Date.parse(booking.startsAt) < ctx.now.getTime() - PAST_GRACE_MS) throw fieldError(['startsAt'], checkMessages.datePast);
  const conflicts = slotConflicts(
    ctx.db,
    viewer(ctx),
    {
      kind: 'interview',
      id: interviewId,
      childId,
      startsAt: utc(booking.startsAt),
      endsAt: endOf(booking),
      roomId: booking.roomId,
      observationRoomId: booking.observationRoomId,
      staffId: booking.interviewerId,
      interpreterId: booking.interpreterId,
    },
    readRules(ctx.db),
  );
  if (conflicts.length > 0) refuseSlot(conflicts);
}

const inviteeRole: Partial<Record<InvitedAgency, SessionRole>> = { judge: 'judge', defence: 'defence' };

interface Expected {
  name: string;
  userId: number | null;
  agency: string;
  role: SessionRole;
  location: string;
}

/** Who the booking expects on the day: the attendance list starts from it, one click per arrival. */
function expectedAttendees(db: Database, booking: BookingFields): Expected[] {
  const interviewer = readInterviewers(db, booking.interviewerId)[0]!;
  const expected: Expected[] = [
    { name: interviewer.name, userId: interviewer.userId, agency: 'barnahus', role: 'interviewer', location: 'interview_room' },
  ];
  if (booking.interpreterId !== null) {
    expected.push({ name: readInterpreter(db, booking.interpreterId)!.name, userId: null, agency: 'interpreter_service', role: 'interpreter', location: 'interview_room' });
  }
  if (booking.supportPerson !== '') expected.push({ name: booking.supportPerson, userId: null, agency: 'family', role: 'support_person', location: 'interview_room' });
  for (const invitee of booking.invitees) {
    expected.push({ name: invitee.name, userId: invitee.userId, agency: invitee.agency, role: inviteeRole[invitee.agency] ?? 'observer', location: 'observation_room' });
  }
  return expected;
}

/** Adds newly expected people and drops invitations withdrawn before anything was recorded about them. */
function syncAttendance(db: Database, interviewId: number, booking: BookingFields): void {
  const expected = expectedAttendees(db, booking);
  const key = (a: { name: string; agency: string; role: string }) => `${a.role}|${a.agency}|${a.name}`;
  const current = db.prepare('SELECT id, name, agency, role, arrived_at, left_at, absent FROM interview_attendance WHERE interview_id = ? AND invited = 1').all(interviewId) as {
    id: number;
    name: string;
    agency: string;
    role: string;
    arrived_at: string | null;
    left_at: string | null;
    absent: number;
  }[];
  const wanted = new Set(expected.map(key));
  for (const row of current) {
    if (!wanted.has(key(row)) && row.arrived_at === null && row.left_at === null && row.absent === 0) db.prepare('DELETE FROM interview_attendance WHERE id = ?').run(row.id);
  }
  const have = new Set(current.map(key));
  const insert = db.prepare('INSERT INTO interview_attendance (interview_id, name, user_id, agency, role, location, invited) VALUES (?, ?, ?, ?, ?, ?, 1)');
  for (const person of expected) if (!have.has(key(person))) insert.run(interviewId, person.name, person.userId, person.agency, person.role, person.location);
}

function checkInvitees(db: Database, invitees: readonly Invitee[]): void {
  invitees.forEach((invitee, i) => {
    if (invitee.userId !== null && !db.prepare('SELECT 1 FROM users WHERE id = ? AND disabled_at IS NULL').get(invitee.userId)) {
      throw fieldError(['invitees', i, 'userId'], checkMessages.invalidChoice);
    }
  });
}

function bookingValues(booking: BookingFields) {
  return [
    utc(booking.startsAt),
    endOf(booking),
    booking.durationMinutes,
    booking.roomId,
    booking.observationRoomId,
    booking.interviewerId,
    booking.interpreterId,
    booking.interpreterLanguage,
    booking.supportPerson,
    JSON.stringify(booking.invitees),
    booking.planning ? JSON.stringify({ ...booking.planning, at: booking.planning.at ? utc(booking.planning.at) : null }) : null,
  ];
}

function announce(ctx: RunContext, caseId: number, interviewId: number, action: 'created' | 'updated'): void {
  touchCase(ctx, caseId);
  ctx.emit({ entity: 'schedule', action, id: interviewId });
}

type CaseSight = Pick<CaseRow, 'restricted' | 'interview_done_at'> & { case_id: number };
const caseOf = (r: CaseSight) => ({ id: r.case_id, restricted: r.restricted, interview_done_at: r.interview_done_at });

/** The interviews in the period (cancelled ones too: the calendar shows them struck through). */
function calendarInterviews(db: Database, me: Viewer, from: string, to: string): CalendarEntry[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.status, i.starts_at, i.ends_at, i.room_id, i.observation_room_id, i.interviewer_id, i.interpreter_id, c.id AS case_id, c.restricted, c.interview_done_at
         FROM interviews i JOIN cases c ON c.id = i.case_id WHERE i.starts_at < ? AND i.ends_at > ?`,
    )
    .all(to, from) as (Pick<InterviewRow, 'id' | 'status' | 'starts_at' | 'ends_at' | 'room_id' | 'observation_room_id' | 'interviewer_id' | 'interpreter_id'> & CaseSight)[];
  return rows.map((r) => ({
    kind: 'interview',
    id: r.id,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    roomId: r.room_id,
    observationRoomId: r.observation_room_id,
    interviewerId: r.interviewer_id,
    interpreterId: r.interpreter_id,
    booking: viewOf(db, me, caseOf(r)) ? readInterview(db, r.id, mayReadRemarks(me)) : null,
    exam: null,
  }));
}

/**
 * The medical examinations in the period, likewise. An exam comes whole only
 * as medical.list would give it: never to a blind interviewer (an exam says
 * much of what the child went through), findings only to medical staff.
 */
function calendarExams(db: Database, me: Viewer, from: string, to: string): CalendarEntry[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.status, e.starts_at, e.ends_at, e.room_id, e.examiner_id, e.interpreter_id, c.id AS case_id, c.restricted, c.interview_done_at
         FROM medical_exams e JOIN cases c ON c.id = e.case_id WHERE e.starts_at < ? AND e.ends_at > ?`,
    )
    .all(to, from) as (Pick<ExamRow, 'id' | 'status' | 'starts_at' | 'ends_at' | 'room_id' | 'examiner_id' | 'interpreter_id'> & CaseSight)[];
  return rows.map((r) => {
    const view = viewOf(db, me, caseOf(r));
    return {
      kind: 'medical_exam',
      id: r.id,
      status: r.status,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      roomId: r.room_id,
      observationRoomId: null,
      interviewerId: r.examiner_id,
      interpreterId: r.interpreter_id,
      booking: null,
      exam: view === 'full' ? readExam(db, r.id, medicalSight(db, me, r.case_id, view)) : null,
    };
  });
}

export const interviewHandlers = {
  'interviews.calendar': defineHandler('interviews.calendar', {
    run(input, ctx) {
      const from = utc(input.from);
      const to = utc(input.to);
      if (to <= from) throw fieldError(['to'], checkMessages.endBeforeStart);
      if (Date.parse(to) - Date.parse(from) > MAX_CALENDAR_DAYS * 24 * 60 * MINUTE) throw fieldError(['to'], checkMessages.periodTooLong);
      const me = viewer(ctx);
      const entries = [...calendarInterviews(ctx.db, me, from, to), ...calendarExams(ctx.db, me, from, to)].sort(
        (a, b) => a.startsAt.localeCompare(b.startsAt) || a.kind.localeCompare(b.kind) || a.id - b.id,
      );
      const full = entries.filter((e) => e.booking ?? e.exam).length;
      ctx.note({ detail: `${full} of ${entries.length} shown in full (${entries.filter((e) => e.kind === 'medical_exam').length} examinations)` });
      return { entries };
    },
  }),

  'interviews.forCase': defineHandler('interviews.forCase', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      return {
        interviews: interviewsWhere(ctx.db, 'i.case_id = ?', [row.id], mayReadRemarks(me)),
        childInterviewCount: childInterviewCount(ctx.db, row.child_id),
        requests: supplementaryRequests(ctx.db, 's.case_id = ?', [row.id]),
      };
    },
  }),

  'interviews.get': defineHandler('interviews.get', {
    run(input, ctx) {
      const { interview } = requireInterview(ctx, input.interviewId);
      return readInterview(ctx.db, interview.id, mayReadRemarks(viewer(ctx)));
    },
  }),

  'interviews.schedule': defineHandler('interviews.schedule', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      if (row.status === 'closed') throw new AppError('conflict', 'The case is closed: reopen it before booking an interview.');
      checkResources(ctx.db, input, row.child_id);
      checkInvitees(ctx.db, input.invitees);
      const count = childInterviewCount(ctx.db, row.child_id);
      if (count === 0 && input.supplementaryId !== null) throw fieldError(['supplementaryId'], checkMessages.noSupplementaryNeeded);
      if (count > 0) {
        if (input.supplementaryId === null) throw fieldError(['supplementaryId'], checkMessages.supplementaryRequired);
        const request = supplementaryRequests(ctx.db, 's.id = ?', [input.supplementaryId])[0];
        if (!request || request.childId !== row.child_id) throw fieldError(['supplementaryId'], checkMessages.wrongChild);
        if (request.state !== 'approved') throw fieldError(['supplementaryId'], checkMessages.notApproved);
        if (request.interviewId !== null) throw fieldError(['supplementaryId'], checkMessages.requestUsed);
        if (request.decision?.sameInterviewer) {
          const previous = ctx.db
            .prepare(`SELECT interviewer_id FROM interviews WHERE child_id = ? AND status != 'cancelled' ORDER BY starts_at DESC LIMIT 1`)
            .get(row.child_id) as { interviewer_id: number };
          if (previous.interviewer_id !== input.interviewerId) throw fieldError(['interviewerId'], checkMessages.sameInterviewerRequired);
        }
      }
      checkSlot(ctx, input, row.child_id, null);
      const { lastInsertRowid } = ctx.db
        .prepare(
          `INSERT INTO interviews (case_id, child_id, supplementary_id, starts_at, ends_at, duration_minutes, room_id, observation_room_id, interviewer_id,
             interpreter_id, interpreter_language, support_person, invitees, planning, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(row.id, row.child_id, input.supplementaryId, ...bookingValues(input), iso(ctx.now), me.userId);
      const id = Number(lastInsertRowid);
      if (input.supplementaryId !== null) ctx.db.prepare('UPDATE supplementary_requests SET interview_id = ? WHERE id = ?').run(id, input.supplementaryId);
      syncAttendance(ctx.db, id, input);
      const interview = readInterview(ctx.db, id, mayReadRemarks(me));
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'interview_scheduled', {
        at: interview.startsAt,
        room: interview.roomName,
        interviewer: interview.interviewerName,
        sequence: String(interview.sequence),
      });
      ctx.note({ record: `interview:${id}`, detail: `${interview.startsAt} room ${interview.roomId}` });
      announce(ctx, row.id, id, 'created');
      return interview;
    },
  }),

  'interviews.update': defineHandler('interviews.update', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { interview, caseRow } = requireInterview(ctx, input.interviewId);
      requireVersion(ctx, interview, input.version);
      if (interview.status !== 'scheduled') throw new AppError('conflict', 'Only an interview still to happen can be changed.');
      const moved =
        utc(input.startsAt) !== interview.starts_at ||
        input.durationMinutes !== interview.duration_minutes ||
        input.roomId !== interview.room_id ||
        input.interviewerId !== interview.interviewer_id;
      if (moved && input.reason === '') throw fieldError(['reason'], checkMessages.reasonRequired);
      checkResources(ctx.db, input, interview.child_id);
      checkInvitees(ctx.db, input.invitees);
      if (interview.supplementary_id !== null && input.interviewerId !== interview.interviewer_id) {
        const request = supplementaryRequests(ctx.db, 's.id = ?', [interview.supplementary_id])[0];
        if (request?.decision?.sameInterviewer) throw fieldError(['interviewerId'], checkMessages.sameInterviewerRequired);
      }
      checkSlot(ctx, input, interview.child_id, interview.id, interview.starts_at);
      ctx.db
        .prepare(
          `UPDATE interviews SET starts_at = ?, ends_at = ?, duration_minutes = ?, room_id = ?, observation_room_id = ?, interviewer_id = ?, interpreter_id = ?,
             interpreter_language = ?, support_person = ?, invitees = ?, planning = ?, version = version + 1 WHERE id = ?`,
        )
        .run(...bookingValues(input), interview.id);
      syncAttendance(ctx.db, interview.id, input);
      const updated = readInterview(ctx.db, interview.id, mayReadRemarks(me));
      if (moved) {
        recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'interview_rescheduled', {
          from: interview.starts_at,
          at: updated.startsAt,
          room: updated.roomName,
          interviewer: updated.interviewerName,
          reason: input.reason,
        });
      } else {
        recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'interview_updated', { at: updated.startsAt });
      }
      announce(ctx, caseRow.id, interview.id, 'updated');
      return updated;
    },
  }),

  'interviews.cancel': defineHandler('interviews.cancel', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { interview, caseRow } = requireInterview(ctx, input.interviewId);
      requireVersion(ctx, interview, input.version);
      if (interview.status !== 'scheduled') throw new AppError('conflict', 'Only an interview still to happen can be cancelled.');
      ctx.db.prepare("UPDATE interviews SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ?").run(input.reason, interview.id);
      // An approval not used after all may serve the booking that replaces this one.
      ctx.db.prepare('UPDATE supplementary_requests SET interview_id = NULL WHERE interview_id = ?').run(interview.id);
      recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'interview_cancelled', { at: interview.starts_at, reason: input.reason });
      announce(ctx, caseRow.id, interview.id, 'updated');
      return readInterview(ctx.db, interview.id, mayReadRemarks(me));
    },
  }),

  'interviews.saveAttendee': defineHandler('interviews.saveAttendee', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { interview, caseRow } = requireInterview(ctx, input.interviewId);
      if (interview.status === 'cancelled') throw new AppError('conflict', 'The interview was cancelled.');
      rejectFuture(ctx.now, [
        { path: ['arrivedAt'], value: input.arrivedAt, kind: 'moment' },
        { path: ['leftAt'], value: input.leftAt, kind: 'moment' },
      ]);
      if (input.absent && (input.arrivedAt !== null || input.leftAt !== null)) throw fieldError(['absent'], checkMessages.absentArrived);
      if (input.leftAt !== null && (input.arrivedAt === null || utc(input.leftAt) < utc(input.arrivedAt))) throw fieldError(['leftAt'], checkMessages.endBeforeStart);
      checkAttendanceTimes(input, { startsAt: interview.starts_at, endsAt: interview.ends_at }, readRules(ctx.db).timeZone);
      const values = [
        input.name,
        input.userId,
        input.agency,
        input.role,
        input.location,
        input.arrivedAt === null ? null : utc(input.arrivedAt),
        input.leftAt === null ? null : utc(input.leftAt),
        input.absent ? 1 : 0,
      ];
      let attendeeId = input.attendeeId;
      if (attendeeId === null) {
        const { lastInsertRowid } = ctx.db
          .prepare('INSERT INTO interview_attendance (name, user_id, agency, role, location, arrived_at, left_at, absent, interview_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(...values, interview.id);
        attendeeId = Number(lastInsertRowid);
      } else {
        const current = ctx.db.prepare('SELECT version FROM interview_attendance WHERE id = ? AND interview_id = ?').get(attendeeId, interview.id) as
          | { version: number }
          | undefined;
        if (!current) throw new AppError('not_found', 'This person is not on the attendance list of this interview.');
        if (current.version !== input.version) {
          throw new AppError('conflict', 'Someone else changed this attendance entry since you opened it.', {
            current: readInterview(ctx.db, interview.id, mayReadRemarks(me)),
          });
        }
        ctx.db
          .prepare('UPDATE interview_attendance SET name = ?, user_id = ?, agency = ?, role = ?, location = ?, arrived_at = ?, left_at = ?, absent = ?, version = version + 1 WHERE id = ?')
          .run(...values, attendeeId);
      }
      ctx.note({ detail: `attendee ${attendeeId}` });
      announce(ctx, caseRow.id, interview.id, 'updated');
      return readInterview(ctx.db, interview.id, mayReadRemarks(me));
    },
  }),

  'interviews.recordOutcome': defineHandler('interviews.recordOutcome', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { interview, caseRow } = requireInterview(ctx, input.interviewId);
      requireVersion(ctx, interview, input.version);
      if (interview.status === 'cancelled') throw new AppError('conflict', 'The interview was cancelled.');
      rejectFuture(ctx.now, [
        { path: ['actualStart'], value: input.actualStart, kind: 'moment' },
        { path: ['actualEnd'], value: input.actualEnd, kind: 'moment' },
      ]);
      const start = utc(input.actualStart);
      const end = utc(input.actualEnd);
      if (end <= start) throw fieldError(['actualEnd'], checkMessages.endBeforeStart);
      const breaks = input.breaks.map((b) => ({ start: utc(b.start), end: utc(b.end) }));
      breaks.forEach((b, i) => {
        if (b.end <= b.start) throw fieldError(['breaks', i, 'end'], checkMessages.endBeforeStart);
        if (b.start < start || b.end > end) throw fieldError(['breaks', i, 'start'], checkMessages.breakOutside);
      });
      const record = { ...input, actualStart: start, actualEnd: end, breaks };
      const { interviewId: _id, version: _version, ...stored } = record;
      ctx.db.prepare("UPDATE interviews SET status = 'held', record = ?, version = version + 1 WHERE id = ?").run(JSON.stringify(stored), interview.id);
      recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, interview.status === 'held' ? 'interview_record_updated' : 'interview_held', { at: start });
      if (caseRow.interview_done_at === null) {
        ctx.db.prepare('UPDATE cases SET interview_done_at = ? WHERE id = ?').run(end, caseRow.id);
        refreshNextDue(ctx.db, caseRow.id);
      }
      announce(ctx, caseRow.id, interview.id, 'updated');
      return readInterview(ctx.db, interview.id, mayReadRemarks(me));
    },
  }),

  'interviews.requestSupplementary': defineHandler('interviews.requestSupplementary', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { row } = requireCase(ctx.db, me, input.caseId);
      if (childInterviewCount(ctx.db, row.child_id) === 0) {
        throw new AppError('conflict', 'This child has not had a forensic interview yet: book the first one; no request is needed.');
      }
      const { lastInsertRowid } = ctx.db
        .prepare('INSERT INTO supplementary_requests (case_id, child_id, reason, details, requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(row.id, row.child_id, input.reason, input.details, iso(ctx.now), me.userId);
      const id = Number(lastInsertRowid);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'supplementary_requested', { reason: input.reason });
      ctx.note({ record: `supplementary:${id}` });
      touchCase(ctx, row.id);
      return supplementaryRequests(ctx.db, 's.id = ?', [id])[0]!;
    },
  }),

  'interviews.decideSupplementary': defineHandler('interviews.decideSupplementary', {
    run(input, ctx) {
      const me = viewer(ctx);
      const request = supplementaryRequests(ctx.db, 's.id = ?', [input.requestId])[0];
      const noRequest = 'There is no such request, or it is not yours to see.';
      if (!request) throw new AppError('not_found', noRequest);
      const { row } = requireCaseOf(ctx.db, me, request.caseId, noRequest);
      if (request.state !== 'pending') throw new AppError('conflict', 'This request has already been decided.', { current: request });
      rejectFuture(ctx.now, [{ path: ['decidedAt'], value: input.decidedAt, kind: 'moment' }]);
      if (utc(input.decidedAt) < request.requestedAt) throw fieldError(['decidedAt'], checkMessages.endBeforeStart);
      ctx.db
        .prepare(
          `UPDATE supplementary_requests SET state = ?, decider_role = ?, decider_name = ?, decided_at = ?, same_interviewer = ?, decision_note = ?, recorded_by = ?
            WHERE id = ?`,
        )
        .run(input.decision, input.deciderRole, input.deciderName, utc(input.decidedAt), input.sameInterviewer ? 1 : 0, input.note, me.userId, request.id);
      recordEvent(ctx.db, row.id, me.userId, ctx.now, 'supplementary_decided', { decision: input.decision, by: input.deciderName });
      ctx.note({ caseId: row.id, record: `supplementary:${request.id}`, detail: input.decision });
      touchCase(ctx, row.id);
      return supplementaryRequests(ctx.db, 's.id = ?', [request.id])[0]!;
    },
  }),
};
