import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Assessment, Goal, TherapyOverview, TherapySession, TreatmentPlan } from '../../../shared/contract/followup-records';
import type { TherapyAttendance, TherapyClosureReason, TherapySessionType } from '../../../shared/followup/categories';
import { isGranted } from '../../../shared/permissions';
import type { CaseView, Viewer } from '../access';
import { careConsent } from './care-consent';
import { attendancePattern } from './therapy-pattern';

/** What a blind interviewer is told of the therapy consent: nothing. */
const NO_CONSENT: TherapyOverview['consent'] = { state: 'none', at: null, byName: '' };

interface SessionRow {
  id: number;
  case_id: number;
  therapist_id: number;
  therapist_name: string;
  starts_at: string;
  duration_minutes: number;
  type: TherapySessionType;
  attendance: TherapyAttendance;
  notes: string;
  version: number;
}

interface AssessmentRow {
  id: number;
  case_id: number;
  therapist_name: string;
  instrument: string;
  score: string;
  assessed_on: string;
  notes: string;
  version: number;
}

export interface PlanRow {
  case_id: number;
  goals: string;
  review_on: string | null;
  shared_summary: string;
  started_on: string;
  updated_at: string;
  updated_by_name: string;
  closed_on: string | null;
  closure_reason: TherapyClosureReason | null;
  closure_note: string;
  closed_by_name: string | null;
  version: number;
}

/**
 * Notes, scores and goals are the therapist's: the rest of the team sees
 * that therapy goes on (attendance, the summary written for them), not what
 * is said in it. A blind interviewer sees nothing of it.
 */
export function mayReadTherapy(who: Viewer, view: CaseView): boolean {
  return view === 'full' && isGranted('notes.therapy', who.roles);
}

export function sessionsWhere(db: Database, where: string, params: unknown[], clinical: boolean): TherapySession[] {
  const rows = db
    .prepare(
      `SELECT s.*, u.display_name AS therapist_name FROM therapy_sessions s JOIN users u ON u.id = s.therapist_id
        WHERE ${where} ORDER BY s.starts_at DESC, s.id DESC`,
    )
    .all(...params) as SessionRow[];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    therapistId: r.therapist_id,
    therapistName: r.therapist_name,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    type: r.type,
    attendance: r.attendance,
    notes: clinical ? r.notes : '',
    notesHidden: !clinical,
    version: r.version,
  }));
}

export function assessmentsWhere(db: Database, where: string, params: unknown[], clinical: boolean): Assessment[] {
  const rows = db
    .prepare(
      `SELECT a.*, u.display_name AS therapist_name FROM therapy_assessments a JOIN users u ON u.id = a.therapist_id
        WHERE ${where} ORDER BY a.assessed_on DESC, a.id DESC`,
    )
    .all(...params) as AssessmentRow[];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    therapistName: r.therapist_name,
    instrument: r.instrument,
    score: clinical ? r.score : '',
    assessedOn: r.assessed_on,
    notes: clinical ? r.notes : '',
    clinicalHidden: !clinical,
    version: r.version,
  }));
}

export function planRow(db: Database, caseId: number): PlanRow | undefined {
  return db
    .prepare(
      `SELECT t.*, u.display_name AS updated_by_name, c.display_name AS closed_by_name
         FROM therapy_plans t JOIN users u ON u.id = t.updated_by LEFT JOIN users c ON c.id = t.closed_by WHERE t.case_id = ?`,
    )
    .get(caseId) as PlanRow | undefined;
}

export function readPlan(db: Database, caseId: number, clinical: boolean): TreatmentPlan | null {
  const row = planRow(db, caseId);
  if (!row) return null;
  return {
    caseId: row.case_id,
    goals: clinical ? (JSON.parse(row.goals) as Goal[]) : [],
    goalsHidden: !clinical,
    reviewOn: row.review_on,
    sharedSummary: row.shared_summary,
    startedOn: row.started_on,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    closure:
      row.closed_on === null || row.closure_reason === null
        ? null
        : // The reason is for the team; the therapist's note on it is clinical.
          { closedOn: row.closed_on, reason: row.closure_reason, note: clinical ? row.closure_note : '', by: row.closed_by_name ?? '' },
    version: row.version,
  };
}

const EMPTY_PATTERN = { planned: 0, attended: 0, cancelled: 0, noShow: 0, consecutiveNoShows: 0 };

export function therapyOverview(db: Database, who: Viewer, caseId: number, view: CaseView, now: Date): TherapyOverview {
  if (view === 'blind') return { sessions: [], assessments: [], plan: null, pattern: EMPTY_PATTERN, clinicalHidden: true, consent: NO_CONSENT };
  const clinical = mayReadTherapy(who, view);
  return {
    sessions: sessionsWhere(db, 's.case_id = ?', [caseId], clinical),
    assessments: assessmentsWhere(db, 'a.case_id = ?', [caseId], clinical),
    plan: readPlan(db, caseId, clinical),
    pattern: attendancePattern(db, caseId, now),
    clinicalHidden: !clinical,
    consent: careConsent(db, caseId, 'therapy').consent,
  };
}
