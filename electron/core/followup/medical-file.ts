import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MedicalExam, MedicalFollowup } from '../../../shared/contract/followup-records';
import type { ConsentScope } from '../../../shared/cases/categories';
import type { ExamKind, ExamStatus, MedicalFollowupKind } from '../../../shared/followup/categories';
import { isGranted } from '../../../shared/permissions';
import type { CaseView, Viewer } from '../access';
import { AppError } from '../errors';

export interface ExamRow {
  id: number;
  case_id: number;
  child_id: number;
  kind: ExamKind;
  status: ExamStatus;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  room_id: number;
  examiner_id: number;
  interpreter_id: number | null;
  interpreter_language: string;
  support_person: string;
  purpose: string;
  cancel_reason: string | null;
  performed_at: string | null;
  findings: string | null;
  team_summary: string;
  recorded_at: string | null;
  recorded_by: number | null;
  version: number;
}

interface Names {
  reference: string;
  child_name: string;
  room_name: string;
  examiner_name: string;
  interpreter_name: string | null;
  recorder_name: string | null;
}

interface FollowupRow {
  id: number;
  exam_id: number;
  kind: MedicalFollowupKind;
  description: string;
  due_date: string;
  result: string;
  done_on: string | null;
  version: number;
}

export const NO_EXAM = 'There is no such examination, or it is not yours to see.';

/** What of the medical record this caller may read on this case. */
export interface MedicalSight {
  /** Findings and the follow-up needs themselves: the examining discipline only. */
  clinical: boolean;
  /** The summary written for the case team. */
  summary: boolean;
}

/**
 * A consent as it stands now: the latest decision of its scope on the case,
 * and whether it was since withdrawn. A decision by someone now named as the
 * alleged perpetrator does not count, even if recorded before they were named.
 */
export function currentConsent(db: Database, caseId: number, scope: ConsentScope): MedicalExam['consent'] {
  const row = db
    .prepare(
      `SELECT k.decision, k.at, k.withdrawn_at, coalesce(trim(p.first_name || ' ' || p.last_name), trim(c.first_name || ' ' || c.last_name), '') AS by_name
         FROM case_consents k JOIN cases x ON x.id = k.case_id JOIN persons c ON c.id = x.child_id LEFT JOIN persons p ON p.id = k.person_id
        WHERE k.case_id = ? AND k.scope = ?
          AND NOT EXISTS (SELECT 1 FROM case_people l WHERE l.case_id = k.case_id AND l.person_id = k.person_id AND l.alleged_perpetrator = 1)
        ORDER BY k.at DESC, k.id DESC LIMIT 1`,
    )
    .get(caseId, scope) as { decision: 'given' | 'refused'; at: string; withdrawn_at: string | null; by_name: string } | undefined;
  if (!row) return { state: 'none', at: null, byName: '' };
  if (row.withdrawn_at !== null) return { state: 'withdrawn', at: row.withdrawn_at, byName: row.by_name };
  return { state: row.decision, at: row.at, byName: row.by_name };
}

/**
 * Findings are for the examining discipline. The team's summary is shared
 * with the rest of the team only while the family's consent to share
 * information between agencies stands; a blind interviewer sees neither.
 */
export function medicalSight(db: Database, who: Viewer, caseId: number, view: CaseView): MedicalSight {
  if (view === 'blind') return { clinical: false, summary: false };
  const clinical = isGranted('notes.medical', who.roles);
  return { clinical, summary: clinical || currentConsent(db, caseId, 'information_sharing').state === 'given' };
}

const SELECT_EXAM = `
  SELECT e.*, c.reference, trim(p.first_name || ' ' || p.last_name) AS child_name, r.name AS room_name,
         u.display_name AS examiner_name, t.name AS interpreter_name, w.display_name AS recorder_name
    FROM medical_exams e
    JOIN cases c ON c.id = e.case_id
    JOIN persons p ON p.id = e.child_id
    JOIN rooms r ON r.id = e.room_id
    JOIN users u ON u.id = e.examiner_id
    LEFT JOIN interpreters t ON t.id = e.interpreter_id
    LEFT JOIN users w ON w.id = e.recorded_by`;

function followupOf(row: FollowupRow): MedicalFollowup {
  return {
    id: row.id,
    examId: row.exam_id,
    kind: row.kind,
    description: row.description,
    dueDate: row.due_date,
    result: row.result,
    doneOn: row.done_on,
    version: row.version,
  };
}

export function followupsWhere(db: Database, where: string, params: unknown[]): MedicalFollowup[] {
  const rows = db.prepare(`SELECT * FROM medical_followups WHERE ${where} ORDER BY (done_on IS NOT NULL), due_date, id`).all(...params) as FollowupRow[];
  return rows.map(followupOf);
}

function toExam(db: Database, row: ExamRow & Names, sight: MedicalSight, consent: MedicalExam['consent']): MedicalExam {
  const followups = followupsWhere(db, 'exam_id = ?', [row.id]);
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.reference,
    childName: row.child_name,
    kind: row.kind,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: row.duration_minutes,
    roomId: row.room_id,
    roomName: row.room_name,
    examinerId: row.examiner_id,
    examinerName: row.examiner_name,
    interpreterId: row.interpreter_id,
    interpreterName: row.interpreter_name,
    interpreterLanguage: row.interpreter_language,
    supportPerson: row.support_person,
    purpose: row.purpose,
    cancelReason: row.cancel_reason,
    consent,
    record:
      row.performed_at === null
        ? null
        : {
            performedAt: row.performed_at,
            recordedBy: row.recorder_name ?? '',
            findings: sight.clinical ? (row.findings ?? '') : '',
            findingsHidden: !sight.clinical,
            teamSummary: sight.summary ? row.team_summary : '',
            summaryWithheld: !sight.summary,
          },
    followups: sight.clinical ? followups : [],
    followupsPending: followups.filter((f) => f.doneOn === null).length,
    version: row.version,
  };
}

/** The case's examinations as this caller may read them, soonest first. */
export function examsOfCase(db: Database, caseId: number, sight: MedicalSight): MedicalExam[] {
  const rows = db.prepare(`${SELECT_EXAM} WHERE e.case_id = ? ORDER BY e.starts_at, e.id`).all(caseId) as (ExamRow & Names)[];
  const consent = currentConsent(db, caseId, 'medical_exam');
  return rows.map((row) => toExam(db, row, sight, consent));
}

export function readExam(db: Database, id: number, sight: MedicalSight): MedicalExam {
  const row = db.prepare(`${SELECT_EXAM} WHERE e.id = ?`).get(id) as (ExamRow & Names) | undefined;
  if (!row) throw new AppError('not_found', NO_EXAM);
  return toExam(db, row, sight, currentConsent(db, row.case_id, 'medical_exam'));
}

export function examRow(db: Database, id: number): ExamRow | undefined {
  return db.prepare('SELECT * FROM medical_exams WHERE id = ?').get(id) as ExamRow | undefined;
}
