import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TimelineEntry, TimelineGroup } from '../../../shared/contract/methods/case-workflow';
import { iso } from '../clock';

type Data = TimelineEntry['data'];

/** Which filter of the timeline each kind of entry falls under. */
const groupOf: Record<string, TimelineGroup> = {
  created: 'referral',
  updated: 'referral',
  status: 'status',
  reopened: 'status',
  closed: 'status',
  person_added: 'people',
  person_updated: 'people',
  link_updated: 'people',
  person_removed: 'people',
  consent_recorded: 'consents',
  consent_withdrawn: 'consents',
  task_created: 'tasks',
  task_resolved: 'tasks',
  member_added: 'team',
  member_removed: 'team',
  coordinator: 'team',
  restricted: 'team',
  note_added: 'notes',
  interview_done: 'interview',
  interview_scheduled: 'interview',
  interview_rescheduled: 'interview',
  interview_updated: 'interview',
  interview_cancelled: 'interview',
  interview_held: 'interview',
  interview_record_updated: 'interview',
  supplementary_requested: 'interview',
  supplementary_decided: 'interview',
  recording_registered: 'interview',
  recording_copied: 'interview',
  recording_returned: 'interview',
  recording_deleted: 'interview',
  recording_removal_requested: 'interview',
  recording_removal_refused: 'interview',
  recording_withdrawn: 'interview',
  legal_hold_set: 'status',
  legal_hold_lifted: 'status',
  recording_integrity_failed: 'interview',
  // Never findings, notes, scores or goals: the timeline is read by the whole team.
  medical_exam_scheduled: 'medical',
  medical_exam_rescheduled: 'medical',
  medical_exam_cancelled: 'medical',
  medical_exam_held: 'medical',
  medical_followup_added: 'medical',
  medical_followup_done: 'medical',
  therapy_session_logged: 'therapy',
  therapy_session_updated: 'therapy',
  therapy_assessment: 'therapy',
  therapy_plan_saved: 'therapy',
  therapy_closed: 'therapy',
  meeting_scheduled: 'meetings',
  meeting_held: 'meetings',
  meeting_cancelled: 'meetings',
  action_item_created: 'meetings',
  action_item_done: 'meetings',
  action_item_reopened: 'meetings',
  referral_sent: 'referrals',
  referral_updated: 'referrals',
  referral_status: 'referrals',
  document_issued: 'documents',
  document_withdrawn: 'documents',
};
export type TimelineKind = keyof typeof groupOf;

/** One line of the case's timeline, written in the same transaction as what it records. */
export function recordEvent(db: Database, caseId: number, userId: number | null, now: Date, kind: TimelineKind, data: Data = {}): void {
  db.prepare('INSERT INTO case_events (case_id, at, user_id, kind, grp, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    caseId,
    iso(now),
    userId,
    kind,
    groupOf[kind] ?? 'referral',
    JSON.stringify(data),
  );
}

export function readTimeline(db: Database, caseId: number, groups: readonly TimelineGroup[]): TimelineEntry[] {
  const filter = groups.length ? `AND e.grp IN (${groups.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(
      `SELECT e.id, e.at, e.kind, e.grp, e.data, coalesce(u.display_name, '') AS by FROM case_events e LEFT JOIN users u ON u.id = e.user_id
        WHERE e.case_id = ? ${filter} ORDER BY e.id DESC LIMIT 1000`,
    )
    .all(caseId, ...groups) as { id: number; at: string; kind: string; grp: TimelineGroup; data: string; by: string }[];
  return rows.map((r) => ({ id: r.id, at: r.at, by: r.by, kind: r.kind, group: r.grp, data: JSON.parse(r.data) as Data }));
}
