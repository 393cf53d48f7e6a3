import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { TZDate } from '@date-fns/tz';
import type { ActionItem, Meeting, MeetingMember } from '../../../shared/contract/followup-records';
import type { ActionItemState, MeetingAgency, MeetingStatus, MeetingType } from '../../../shared/followup/categories';
import { viewOf, type CaseRow, type Viewer } from '../access';
import { iso } from '../clock';
import { readRules } from '../interviews/resources';
import { endOfDueDate } from './due';

/** Case review meetings as stored (migration 013) and as the contract sends them. */

/**
 * Statements prepared once per database. meetings.list reads up to 500
 * meetings a query at a time, and preparing each query anew cost more than
 * running it (npm run bench:cases).
 */
const statements = new WeakMap<Database, Map<string, Statement>>();

/** For SQL with placeholders only: each text is kept for good. */
function prepared(db: Database, sql: string): Statement {
  let bySql = statements.get(db);
  if (!bySql) statements.set(db, (bySql = new Map<string, Statement>()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * The end of a due date on a zone's wall clock, remembered across calls: a
 * month of meetings asks for hundreds, and TZDate was the slowest part of
 * listing them. A zone's rules do not change while the host runs.
 */
const dueEnds = new Map<string, string>();

function dueEnd(timeZone: string, date: string): string {
  const key = `${timeZone} ${date}`;
  let end = dueEnds.get(key);
  if (end === undefined) {
    if (dueEnds.size >= 20_000) dueEnds.clear();
    dueEnds.set(key, (end = endOfDueDate(date, timeZone)));
  }
  return end;
}

export interface MeetingRow {
  id: number;
  type: MeetingType;
  status: MeetingStatus;
  starts_at: string;
  duration_minutes: number;
  place: string;
  chair_id: number;
  members: string;
  held_at: string | null;
  cancel_reason: string | null;
  created_at: string;
  created_by: number;
  version: number;
}

export interface AgendaRow {
  case_id: number;
  position: number;
  agenda: string;
  decisions: string;
  reference: string;
  child: string;
  restricted: number;
  interview_done_at: string | null;
}

export interface ActionRow {
  id: number;
  meeting_id: number;
  case_id: number;
  what: string;
  owner_id: number;
  agency: MeetingAgency;
  due_date: string;
  state: ActionItemState;
  done_at: string | null;
  note: string;
  version: number;
}

export const NO_MEETING = 'There is no such meeting, or none of its cases is yours to see.';
export const NO_ACTION = 'There is no such action item, or its case is not yours to see.';

export function meetingRow(db: Database, id: number): MeetingRow | undefined {
  return prepared(db, 'SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
}

export function actionRow(db: Database, id: number): ActionRow | undefined {
  return prepared(db, 'SELECT * FROM action_items WHERE id = ?').get(id) as ActionRow | undefined;
}

export function agendaOf(db: Database, meetingId: number): AgendaRow[] {
  return prepared(
    db,
    `SELECT m.case_id, m.position, m.agenda, m.decisions, c.reference, c.restricted, c.interview_done_at, p.first_name || ' ' || p.last_name AS child
       FROM meeting_cases m JOIN cases c ON c.id = m.case_id JOIN persons p ON p.id = c.child_id
      WHERE m.meeting_id = ? ORDER BY m.position`,
  ).all(meetingId) as AgendaRow[];
}

/** Whether the viewer sees this case in full: a blind interviewer is told nothing of its follow-up. */
export function seesInFull(db: Database, who: Viewer, row: Pick<CaseRow, 'id' | 'restricted' | 'interview_done_at'>): boolean {
  return viewOf(db, who, row) === 'full';
}

export function seesCaseInFull(db: Database, who: Viewer, caseId: number): boolean {
  const row = prepared(db, 'SELECT id, restricted, interview_done_at FROM cases WHERE id = ?').get(caseId) as Pick<CaseRow, 'id' | 'restricted' | 'interview_done_at'> | undefined;
  return row !== undefined && seesInFull(db, who, row);
}

/** The meeting's agenda split into the cases this viewer sees in full and those they do not. */
export function splitAgenda(db: Database, who: Viewer, meetingId: number): { visible: AgendaRow[]; hidden: AgendaRow[] } {
  const visible: AgendaRow[] = [];
  const hidden: AgendaRow[] = [];
  for (const row of agendaOf(db, meetingId)) (seesInFull(db, who, { id: row.case_id, restricted: row.restricted, interview_done_at: row.interview_done_at }) ? visible : hidden).push(row);
  return { visible, hidden };
}

export function membersOf(row: Pick<MeetingRow, 'members'>): MeetingMember[] {
  return JSON.parse(row.members) as MeetingMember[];
}

const actionSelect = `
  SELECT a.*, m.type AS meeting_type, m.starts_at AS meeting_at, c.reference, p.first_name || ' ' || p.last_name AS child,
         o.display_name AS owner_name, d.display_name AS done_by_name
    FROM action_items a JOIN meetings m ON m.id = a.meeting_id JOIN cases c ON c.id = a.case_id JOIN persons p ON p.id = c.child_id
    JOIN users o ON o.id = a.owner_id LEFT JOIN users d ON d.id = a.done_by`;

/** Action items matching `where` (over a: action_items, m: meetings, c: cases), as the contract sends them. */
export function actionItems(db: Database, where: string, params: unknown[], now: Date, orderBy = "a.state = 'open' DESC, a.due_date, a.id"): ActionItem[] {
  const { time_zone: timeZone } = prepared(db, 'SELECT time_zone FROM schedule_rules WHERE id = 1').get() as { time_zone: string };
  const endOf = (date: string) => dueEnd(timeZone, date);
  const rows = prepared(db, `${actionSelect} WHERE ${where} ORDER BY ${orderBy}`).all(...params) as (ActionRow & {
    meeting_type: MeetingType;
    meeting_at: string;
    reference: string;
    child: string;
    owner_name: string;
    done_by_name: string | null;
  })[];
  const at = iso(now);
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingType: r.meeting_type,
    meetingAt: r.meeting_at,
    caseId: r.case_id,
    caseReference: r.reference,
    childName: r.child,
    what: r.what,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    agency: r.agency,
    dueDate: r.due_date,
    state: r.state,
    doneAt: r.done_at,
    doneBy: r.done_by_name,
    note: r.note,
    overdue: r.state === 'open' && at > endOf(r.due_date),
    version: r.version,
  }));
}

export function readAction(db: Database, id: number, now: Date): ActionItem {
  return actionItems(db, 'a.id = ?', [id], now)[0]!;
}

/** The meeting as this viewer may see it: only their cases and those cases' action items; null when none of its cases is theirs. */
export function readMeeting(db: Database, row: MeetingRow, who: Viewer, now: Date): Meeting | null {
  const { visible, hidden } = splitAgenda(db, who, row.id);
  if (visible.length === 0) return null;
  const chair = prepared(db, 'SELECT display_name FROM users WHERE id = ?').get(row.chair_id) as { display_name: string };
  const caseIds = visible.map((c) => c.case_id);
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    place: row.place,
    chairId: row.chair_id,
    chairName: chair.display_name,
    members: membersOf(row),
    cases: visible.map((c) => ({ caseId: c.case_id, agenda: c.agenda, decisions: c.decisions, reference: c.reference, childName: c.child })),
    hiddenCases: hidden.length,
    actions: actionItems(db, `a.meeting_id = ? AND a.case_id IN (${caseIds.map(() => '?').join(', ')})`, [row.id, ...caseIds], now),
    heldAt: row.held_at,
    cancelReason: row.cancel_reason,
    version: row.version,
  };
}

/**
 * A period of calendar days on the centre's wall clock, as the UTC moments
 * meetings are stored in: from the start of `from` to the end of `to`.
 */
export function centrePeriod(db: Database, from: string | null, to: string | null): { start: string | null; end: string | null } {
  const { timeZone } = readRules(db);
  const startOf = (date: string, plusDays = 0) => {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(new TZDate(y!, m! - 1, d! + plusDays, timeZone).getTime()).toISOString();
  };
  return { start: from === null ? null : startOf(from), end: to === null ? null : startOf(to, 1) };
}
