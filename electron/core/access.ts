import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ChangeEvent } from '../../shared/events';
import { isGranted, type Role } from '../../shared/permissions';
import { AppError } from './errors';
import { readPolicy } from './policy';

export type CaseView = 'full' | 'blind';

export interface CaseRow {
  id: number;
  reference: string;
  child_id: number;
  status: string;
  summary: string;
  restricted: number;
  interview_done_at: string | null;
  created_at: string;
  updated_at: string | null;
  received_at: string | null;
  referral_source: string;
  referrer_name: string;
  referrer_contact: string;
  violence_types: string;
  place: string | null;
  perpetrator: string | null;
  urgency: string;
  police_file: string;
  prosecutor_file: string;
  court_file: string;
  child_protection_file: string;
  trafficking_indicators: string;
  coordinator_id: number | null;
  assessment_due_at: string;
  interview_due_at: string;
  plan_due_at: string;
  assessment_done_at: string | null;
  plan_done_at: string | null;
  next_due_at: string | null;
  closed_at: string | null;
  legal_outcome: string | null;
  outcome_date: string | null;
  legal_hold_at: string | null;
  legal_hold_by: number | null;
  legal_hold_reason: string | null;
  version: number;
}

export interface Viewer {
  userId: number;
  roles: readonly Role[];
}

function onTeam(db: Database, caseId: number, userId: number): boolean {
  return db.prepare('SELECT 1 FROM case_team WHERE case_id = ? AND user_id = ?').get(caseId, userId) !== undefined;
}

/**
 * Need to know. A case is visible to its team; coordinators also see every
 * case that is not restricted. A forensic interviewer on the team sees it
 * "blind" (no summary, no notes) while the centre keeps interviewers blind
 * and the interview has not happened. Null: the caller may not know of it.
 */
export function viewOf(db: Database, viewer: Viewer, row: Pick<CaseRow, 'id' | 'restricted' | 'interview_done_at'>): CaseView | null {
  const coordinator = viewer.roles.includes('coordinator');
  if (!onTeam(db, row.id, viewer.userId) && !(coordinator && row.restricted === 0)) return null;
  if (!isGranted('cases.read', viewer.roles)) return null;
  const blind = !coordinator && viewer.roles.includes('forensic_interviewer') && row.interview_done_at === null && readPolicy(db).blindInterviewer;
  return blind ? 'blind' : 'full';
}

/** viewOf for a case known only by its id; null also when there is no such case. */
export function viewOfCase(db: Database, viewer: Viewer, caseId: number): CaseView | null {
  const row = db.prepare('SELECT id, restricted, interview_done_at FROM cases WHERE id = ?').get(caseId) as Pick<CaseRow, 'id' | 'restricted' | 'interview_done_at'> | undefined;
  return row ? viewOf(db, viewer, row) : null;
}

/**
 * The case, if the caller may see it. Otherwise 404 whether or not it exists,
 * so guessing ids tells nothing.
 */
export function requireCase(db: Database, viewer: Viewer, caseId: number): { row: CaseRow; view: CaseView } {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  const view = row ? viewOf(db, viewer, row) : null;
  if (!row || !view) throw new AppError('not_found', 'There is no such case, or it is not yours to see.');
  return { row, view };
}

/** Whether a change event may be told to this session: it must not reveal a case it may not see. */
export function mayReceive(db: Database, viewer: Viewer, change: ChangeEvent): boolean {
  switch (change.entity) {
    case 'centre':
      return true;
    case 'user':
      return isGranted('users.manage', viewer.roles) || change.id === viewer.userId;
    case 'policy':
    case 'resources':
      return true;
    case 'backup':
      return isGranted('backups.manage', viewer.roles);
    // The calendar shows every booking, as "busy" where the case is not the caller's: knowing a slot changed reveals nothing more.
    case 'schedule':
      return isGranted('cases.read', viewer.roles) || isGranted('schedule.manage', viewer.roles);
    // A meeting is news to someone who plans meetings or sees one of the cases on its agenda.
    case 'meeting': {
      if (isGranted('meetings.manage', viewer.roles)) return true;
      if (typeof change.id !== 'number') return false;
      const rows = db
        .prepare('SELECT c.id, c.restricted, c.interview_done_at FROM meeting_cases m JOIN cases c ON c.id = m.case_id WHERE m.meeting_id = ?')
        .all(change.id) as CaseRow[];
      return rows.some((row) => viewOf(db, viewer, row) !== null);
    }
    case 'case': {
      if (typeof change.id !== 'number') return false;
      return viewOfCase(db, viewer, change.id) !== null;
    }
  }
}
