import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Attendee, Interview, InterviewRecordFields, Invitee, Planning, SupplementaryRequest } from '../../../shared/contract/interview-records';
import type { InterviewStatus } from '../../../shared/interviews/categories';
import { viewOf, type CaseRow, type CaseView, type Viewer } from '../access';
import { AppError } from '../errors';

export interface InterviewRow {
  id: number;
  case_id: number;
  child_id: number;
  supplementary_id: number | null;
  status: InterviewStatus;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  room_id: number;
  observation_room_id: number | null;
  interviewer_id: number;
  interpreter_id: number | null;
  interpreter_language: string;
  support_person: string;
  invitees: string;
  planning: string | null;
  record: string | null;
  cancel_reason: string | null;
  version: number;
}

interface Names {
  reference: string;
  child_name: string;
  room_name: string;
  observation_room_name: string | null;
  interviewer_name: string;
  interpreter_name: string | null;
  sequence: number;
}

interface AttendeeRow {
  id: number;
  name: string;
  user_id: number | null;
  agency: Attendee['agency'];
  role: Attendee['role'];
  location: Attendee['location'];
  arrived_at: string | null;
  left_at: string | null;
  absent: number;
  invited: number;
  version: number;
}

/** A child's forensic interviews that count: booked or held, across every case they are the child of. */
export const COUNTED = "status != 'cancelled'";

const SELECT_INTERVIEW = `
  SELECT i.*, c.reference, trim(p.first_name || ' ' || p.last_name) AS child_name,
         r.name AS room_name, o.name AS observation_room_name, u.display_name AS interviewer_name, t.name AS interpreter_name,
         (SELECT count(*) FROM interviews s WHERE s.child_id = i.child_id AND s.${COUNTED}
            AND (s.starts_at < i.starts_at OR (s.starts_at = i.starts_at AND s.id <= i.id))) AS sequence
    FROM interviews i
    JOIN cases c ON c.id = i.case_id
    JOIN persons p ON p.id = i.child_id
    JOIN rooms r ON r.id = i.room_id
    LEFT JOIN rooms o ON o.id = i.observation_room_id
    JOIN users u ON u.id = i.interviewer_id
    LEFT JOIN interpreters t ON t.id = i.interpreter_id`;

function attendanceOf(db: Database, interviewId: number): Attendee[] {
  const rows = db.prepare('SELECT * FROM interview_attendance WHERE interview_id = ? ORDER BY invited DESC, id').all(interviewId) as AttendeeRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    agency: r.agency,
    role: r.role,
    location: r.location,
    arrivedAt: r.arrived_at,
    leftAt: r.left_at,
    absent: r.absent === 1,
    invited: r.invited === 1,
    version: r.version,
  }));
}

function toInterview(db: Database, row: InterviewRow & Names, mayReadRemarks: boolean): Interview {
  const record = row.record ? (JSON.parse(row.record) as InterviewRecordFields) : null;
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.reference,
    childId: row.child_id,
    childName: row.child_name,
    sequence: Math.max(1, row.sequence),
    supplementaryId: row.supplementary_id,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: row.duration_minutes,
    roomId: row.room_id,
    roomName: row.room_name,
    observationRoomId: row.observation_room_id,
    observationRoomName: row.observation_room_name,
    interviewerId: row.interviewer_id,
    interviewerName: row.interviewer_name,
    interpreterId: row.interpreter_id,
    interpreterName: row.interpreter_name,
    interpreterLanguage: row.interpreter_language,
    supportPerson: row.support_person,
    invitees: JSON.parse(row.invitees) as Invitee[],
    planning: row.planning ? (JSON.parse(row.planning) as Planning) : null,
    record: record
      ? { ...record, remarks: mayReadRemarks ? record.remarks : '', remarksHidden: !mayReadRemarks && record.remarks !== '' }
      : null,
    cancelReason: row.cancel_reason,
    attendance: attendanceOf(db, row.id),
    version: row.version,
  };
}

export function interviewsWhere(db: Database, where: string, params: unknown[], mayReadRemarks: boolean): Interview[] {
  const rows = db.prepare(`${SELECT_INTERVIEW} WHERE ${where} ORDER BY i.starts_at, i.id`).all(...params) as (InterviewRow & Names)[];
  return rows.map((row) => toInterview(db, row, mayReadRemarks));
}

export function readInterview(db: Database, id: number, mayReadRemarks: boolean): Interview {
  const found = interviewsWhere(db, 'i.id = ?', [id], mayReadRemarks)[0];
  if (!found) throw new AppError('not_found', NO_INTERVIEW);
  return found;
}

/**
 * The case a record (an interview, a request, a recording) belongs to, if the
 * caller may see it. Otherwise 404 in the record's own words, whether the
 * record is missing or only its case is not the caller's: guessing ids tells nothing.
 */
export function requireCaseOf(db: Database, who: Viewer, caseId: number, notFound: string): { row: CaseRow; view: CaseView } {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  const view = row ? viewOf(db, who, row) : null;
  if (!row || !view) throw new AppError('not_found', notFound);
  return { row, view };
}

export const NO_INTERVIEW = 'There is no such interview, or it is not yours to see.';

export function interviewRow(db: Database, id: number): InterviewRow | undefined {
  return db.prepare('SELECT * FROM interviews WHERE id = ?').get(id) as InterviewRow | undefined;
}

export function childInterviewCount(db: Database, childId: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM interviews WHERE child_id = ? AND ${COUNTED}`).get(childId) as { n: number }).n;
}

interface RequestRow {
  id: number;
  case_id: number;
  child_id: number;
  reason: SupplementaryRequest['reason'];
  details: string;
  requested_at: string;
  requested_by_name: string;
  state: SupplementaryRequest['state'];
  decider_role: NonNullable<SupplementaryRequest['decision']>['deciderRole'] | null;
  decider_name: string | null;
  decided_at: string | null;
  same_interviewer: number | null;
  decision_note: string;
  interview_id: number | null;
}

export function supplementaryRequests(db: Database, where: string, params: unknown[]): SupplementaryRequest[] {
  const rows = db
    .prepare(
      `SELECT s.*, u.display_name AS requested_by_name FROM supplementary_requests s JOIN users u ON u.id = s.requested_by
        WHERE ${where} ORDER BY s.requested_at, s.id`,
    )
    .all(...params) as RequestRow[];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    childId: r.child_id,
    reason: r.reason,
    details: r.details,
    state: r.state,
    requestedAt: r.requested_at,
    requestedBy: r.requested_by_name,
    decision:
      r.decided_at && r.decider_role && r.decider_name
        ? { deciderRole: r.decider_role, deciderName: r.decider_name, decidedAt: r.decided_at, sameInterviewer: r.same_interviewer === 1, note: r.decision_note }
        : null,
    interviewId: r.interview_id,
  }));
}
