import type { Database } from 'better-sqlite3-multiple-ciphers';
import { deadlinesOf, DUE_SOON_MS } from '../../../shared/cases/deadlines';
import type { AttentionItem } from '../../../shared/contract/followup-records';
import { closedReferralStatuses, NO_SHOW_ALERT } from '../../../shared/followup/categories';
import { isGranted } from '../../../shared/permissions';
import { viewOf, type CaseRow, type Viewer } from '../access';
import { milestoneFacts } from '../cases/case-file';
import { visibleCase } from '../cases/case-list';
import { iso } from '../clock';
import { centreToday, dueDateClock } from './due';
import { consecutiveNoShows } from './therapy-pattern';

/**
 * What needs attention: running deadlines, open tasks and action items,
 * referrals to chase, children missing therapy, plans to review, medical
 * results and exams not yet written up. 'mine' is the caller's own cases (on
 * the team or coordinating) and the action items they own; 'centre' is every
 * case they may see. Clinical kinds go only to their discipline.
 */

export type AttentionScope = 'mine' | 'centre';

const LIMIT = 500;
/** Follow-up dates and medical results show this long before they are due. */
const AHEAD_MS = 48 * 3_600_000;

type CaseColumns = Pick<CaseRow, 'id' | 'reference' | 'restricted' | 'interview_done_at'> & { child: string };

const caseColumns = `c.id, c.reference, c.restricted, c.interview_done_at, p.first_name || ' ' || p.last_name AS child`;

interface Scope {
  sql: string;
  params: unknown[];
}

/** Cases (alias c) the viewer may see; for 'mine', only those they are on or coordinate. `alsoMine`: another way an item is theirs. */
function caseScope(who: Viewer, scope: AttentionScope, alsoMine?: Scope): Scope {
  const visible = visibleCase(who);
  if (scope === 'centre') return visible;
  const extra = alsoMine ? ` OR ${alsoMine.sql}` : '';
  return {
    sql: `${visible.sql} AND (EXISTS (SELECT 1 FROM case_team m WHERE m.case_id = c.id AND m.user_id = ?) OR c.coordinator_id = ?${extra})`,
    params: [...visible.params, who.userId, who.userId, ...(alsoMine?.params ?? [])],
  };
}

/**
 * Where a query starts. Someone who is not a coordinator sees only their
 * teams' cases, a few hundred at most: start from those rather than from the
 * centre's open items (tens of thousands at 100,000 cases). The scope stays in
 * each WHERE, so the rows are the same either way; only the order of work differs.
 */
interface Start {
  /** `table`, or the caller's team joined to it. */
  from: (table: string, on: string) => string;
  /** Comes first: its placeholder precedes the WHERE's. */
  params: unknown[];
}

const itemsFirst: Start = { from: (table) => table, params: [] };

function startFrom(who: Viewer): Start {
  if (who.roles.includes('coordinator')) return itemsFirst;
  return { from: (table, on) => `case_team tm CROSS JOIN ${table} ON ${on} AND tm.user_id = ?`, params: [who.userId] };
}

/** A referral still open, written as migration 013's partial index referrals_open is, so the planner can use it (it cannot for bound values). */
const openReferral = `r.status NOT IN (${closedReferralStatuses.map((s) => `'${s}'`).join(', ')})`;

/** The latest NO_SHOW_ALERT sessions that were due, each a no-show: the run therapy-pattern.ts counts, tested in SQL so the limit counts alerts, not candidates. */
const noShowRun = Array.from(
  { length: NO_SHOW_ALERT },
  (_, i) =>
    `(SELECT s.attendance FROM therapy_sessions s WHERE s.case_id = c.id AND s.attendance != 'planned' AND s.starts_at <= ? ORDER BY s.starts_at DESC, s.id DESC LIMIT 1 OFFSET ${i}) = 'no_show'`,
).join(' AND ');

/** Each due date's end computed once per call: a list of hundreds of items shares a few dozen dates. */
function memo(endOf: (date: string) => string): (date: string) => string {
  const known = new Map<string, string>();
  return (date) => {
    let end = known.get(date);
    if (end === undefined) known.set(date, (end = endOf(date)));
    return end;
  };
}

function item(c: CaseColumns, fields: Pick<AttentionItem, 'kind' | 'what' | 'dueAt' | 'overdue'> & Partial<Pick<AttentionItem, 'recordId' | 'meetingId' | 'owner'>>): AttentionItem {
  return { caseId: c.id, reference: c.reference, childName: c.child, recordId: null, meetingId: null, owner: null, ...fields };
}

export function attentionItems(db: Database, who: Viewer, scope: AttentionScope, now: Date): AttentionItem[] {
  const at = iso(now);
  const endOf = memo(dueDateClock(db));
  const start = startFrom(who);
  const ahead = iso(new Date(now.getTime() + AHEAD_MS));
  // A due date whose day ends by `ahead` is at most that day on the centre's calendar.
  const lastDayAhead = centreToday(db, new Date(now.getTime() + AHEAD_MS));
  const views = new Map<number, boolean>();
  /** Not the follow-up of cases the caller sees blind: it tells what was alleged. */
  const seen = (c: CaseColumns) => {
    if (!views.has(c.id)) views.set(c.id, viewOf(db, who, c) === 'full');
    return views.get(c.id)!;
  };
  // For a row whose SQL already kept to the cases the caller may see, only blindness is left to ask, and
  // only a forensic interviewer who is not a coordinator sees a case blind, until its interview (viewOf):
  // ask viewOf just then, not once per case of a list of thousands.
  const mayBeBlind = who.roles.includes('forensic_interviewer') && !who.roles.includes('coordinator');
  const full = (c: CaseColumns) => (!mayBeBlind || c.interview_done_at !== null ? true : seen(c));
  const rows = <T>(sql: string, params: unknown[]) => db.prepare(`${sql} LIMIT ${LIMIT}`).all(...params) as (CaseColumns & T)[];
  const items: AttentionItem[] = [];
  const open = "c.status != 'closed'";

  const cases = caseScope(who, scope);
  const deadlineRows = rows<CaseRow>(
    `SELECT c.*, p.first_name || ' ' || p.last_name AS child FROM ${start.from('cases c', 'c.id = tm.case_id')} JOIN persons p ON p.id = c.child_id
      WHERE c.next_due_at < ? AND ${cases.sql} ORDER BY c.next_due_at`,
    [...start.params, iso(new Date(now.getTime() + DUE_SOON_MS)), ...cases.params],
  );
  for (const c of deadlineRows) {
    for (const d of deadlinesOf(milestoneFacts(c), now)) {
      if (d.state === 'overdue' || d.state === 'due_soon') items.push(item(c, { kind: 'deadline', what: d.milestone, dueAt: d.dueAt, overdue: d.dueAt < at }));
    }
  }

  for (const k of rows<{ kind: string; due_at: string }>(
    `SELECT ${caseColumns}, k.kind, k.due_at FROM ${start.from('case_tasks k', 'k.case_id = tm.case_id')} JOIN cases c ON c.id = k.case_id JOIN persons p ON p.id = c.child_id
      WHERE k.state = 'open' AND ${open} AND ${cases.sql} ORDER BY k.due_at`,
    [...start.params, ...cases.params],
  )) {
    if (full(k)) items.push(item(k, { kind: 'task', what: k.kind, dueAt: k.due_at, overdue: k.due_at < at }));
  }

  // Action items: 'mine' is what the caller owns, whichever case (their own index); 'centre' every open item on a case they may see.
  const actionScope = scope === 'mine' ? { sql: 'a.owner_id = ?', params: [who.userId] } : visibleCase(who);
  const actionStart = scope === 'mine' ? itemsFirst : start;
  for (const a of rows<{ action_id: number; meeting_id: number; what: string; due_date: string; owner: string }>(
    `SELECT ${caseColumns}, a.id AS action_id, a.meeting_id, a.what, a.due_date, o.display_name AS owner
       FROM ${actionStart.from('action_items a', 'a.case_id = tm.case_id')} JOIN cases c ON c.id = a.case_id JOIN persons p ON p.id = c.child_id JOIN users o ON o.id = a.owner_id
      WHERE a.state = 'open' AND ${open} AND ${actionScope.sql} ORDER BY a.due_date, a.id`,
    [...actionStart.params, ...actionScope.params],
  )) {
    // 'mine' is by owner, whether or not they still see the case.
    if (!(scope === 'mine' ? seen(a) : full(a))) continue;
    const dueAt = endOf(a.due_date);
    items.push(item(a, { kind: 'action_item', what: a.what, dueAt, overdue: at > dueAt, recordId: a.action_id, meetingId: a.meeting_id, owner: a.owner }));
  }

  for (const r of rows<{ referral_id: number; service_name: string; follow_up_on: string; sender: string }>(
    `SELECT ${caseColumns}, r.id AS referral_id, r.service_name, r.follow_up_on, u.display_name AS sender
       FROM ${start.from('referrals r', 'r.case_id = tm.case_id')} JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.child_id JOIN users u ON u.id = r.sent_by
      WHERE ${openReferral} AND r.follow_up_on <= ? AND ${open} AND ${cases.sql} ORDER BY r.follow_up_on, r.id`,
    [...start.params, lastDayAhead, ...cases.params],
  )) {
    const dueAt = endOf(r.follow_up_on);
    if (dueAt <= ahead && full(r)) items.push(item(r, { kind: 'referral', what: r.service_name, dueAt, overdue: at > dueAt, recordId: r.referral_id, owner: r.sender }));
  }

  // Attendance is not clinical: the whole team is told a child keeps missing therapy.
  // A coordinator's open cases are walked through migration 014's cases_open, a few columns of the open cases only.
  const latestNoShow = db.prepare(
    `SELECT s.starts_at, u.display_name AS therapist FROM therapy_sessions s JOIN users u ON u.id = s.therapist_id
      WHERE s.case_id = ? AND s.attendance = 'no_show' AND s.starts_at <= ? ORDER BY s.starts_at DESC LIMIT 1`,
  );
  for (const c of rows<object>(
    `SELECT ${caseColumns} FROM ${start.from('cases c', 'c.id = tm.case_id')} JOIN persons p ON p.id = c.child_id LEFT JOIN therapy_plans tp ON tp.case_id = c.id
      WHERE tp.closed_on IS NULL AND ${open} AND ${cases.sql} AND ${noShowRun}
      ORDER BY c.id`,
    [...start.params, ...cases.params, ...Array<string>(NO_SHOW_ALERT).fill(at)],
  )) {
    if (!full(c)) continue;
    const missed = consecutiveNoShows(db, c.id, now);
    if (missed < NO_SHOW_ALERT) continue;
    const latest = latestNoShow.get(c.id, at) as { starts_at: string; therapist: string };
    items.push(item(c, { kind: 'therapy_no_shows', what: String(missed), dueAt: latest.starts_at, overdue: true, owner: latest.therapist }));
  }

  if (isGranted('notes.therapy', who.roles)) {
    for (const t of rows<{ review_on: string; therapist: string }>(
      `SELECT ${caseColumns}, tp.review_on, u.display_name AS therapist FROM ${start.from('therapy_plans tp', 'tp.case_id = tm.case_id')} JOIN cases c ON c.id = tp.case_id
         JOIN persons p ON p.id = c.child_id JOIN users u ON u.id = tp.updated_by
        WHERE tp.closed_on IS NULL AND tp.review_on IS NOT NULL AND tp.review_on <= ? AND ${open} AND ${cases.sql} ORDER BY tp.review_on`,
      [...start.params, centreToday(db, now), ...cases.params],
    )) {
      const dueAt = endOf(t.review_on);
      if (at > dueAt && full(t)) items.push(item(t, { kind: 'therapy_review', what: t.review_on, dueAt, overdue: true, owner: t.therapist }));
    }
  }

  // The examiner's own exams are theirs even on a case they do not otherwise follow.
  const medicalCases = caseScope(who, scope, { sql: 'e.examiner_id = ?', params: [who.userId] });
  if (isGranted('notes.medical', who.roles)) {
    for (const f of rows<{ followup_id: number; description: string; due_date: string; examiner: string }>(
      `SELECT ${caseColumns}, f.id AS followup_id, f.description, f.due_date, u.display_name AS examiner
         FROM ${start.from('medical_exams e', 'e.case_id = tm.case_id')} JOIN medical_followups f ON f.exam_id = e.id JOIN cases c ON c.id = f.case_id
         JOIN persons p ON p.id = c.child_id JOIN users u ON u.id = e.examiner_id
        WHERE f.done_on IS NULL AND f.due_date <= ? AND ${open} AND ${medicalCases.sql} ORDER BY f.due_date, f.id`,
      [...start.params, lastDayAhead, ...medicalCases.params],
    )) {
      const dueAt = endOf(f.due_date);
      if (dueAt <= ahead && full(f)) {
        items.push(item(f, { kind: 'medical_followup', what: f.description, dueAt, overdue: at > dueAt, recordId: f.followup_id, owner: f.examiner }));
      }
    }
  }

  if (isGranted('notes.medical', who.roles) || isGranted('medical.schedule', who.roles)) {
    for (const e of rows<{ exam_id: number; kind: string; ends_at: string; examiner: string }>(
      `SELECT ${caseColumns}, e.id AS exam_id, e.kind, e.ends_at, u.display_name AS examiner
         FROM ${start.from('medical_exams e', 'e.case_id = tm.case_id')} JOIN cases c ON c.id = e.case_id JOIN persons p ON p.id = c.child_id JOIN users u ON u.id = e.examiner_id
        WHERE e.status = 'scheduled' AND e.ends_at < ? AND ${open} AND ${medicalCases.sql} ORDER BY e.ends_at, e.id`,
      [...start.params, at, ...medicalCases.params],
    )) {
      if (full(e)) items.push(item(e, { kind: 'medical_exam_unrecorded', what: e.kind, dueAt: e.ends_at, overdue: true, recordId: e.exam_id, owner: e.examiner }));
    }
  }

  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
