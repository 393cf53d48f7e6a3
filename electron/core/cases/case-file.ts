import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ageAt } from '../../../shared/cases/age';
import type { CaseStatus, LegalOutcome, Relationship } from '../../../shared/cases/categories';
import { deadlinesOf, nextDueAt, type MilestoneFacts } from '../../../shared/cases/deadlines';
import type { CaseDetail, CaseFields, CasePerson, CaseTask, Consent } from '../../../shared/contract/case-records';
import { agencies, type Agency } from '../../../shared/permissions';
import type { CaseRow, CaseView } from '../access';
import { rolesOf } from '../users';
import { legalHoldOf } from './legal-hold';
import { personRow, personView, type PersonRow } from './persons';

const fieldColumns: Record<keyof CaseFields, string> = {
  receivedAt: 'received_at',
  source: 'referral_source',
  referrerName: 'referrer_name',
  referrerContact: 'referrer_contact',
  reported: 'summary',
  violenceTypes: 'violence_types',
  place: 'place',
  perpetrator: 'perpetrator',
  urgency: 'urgency',
  policeFile: 'police_file',
  prosecutorFile: 'prosecutor_file',
  courtFile: 'court_file',
  childProtectionFile: 'child_protection_file',
  trafficking: 'trafficking_indicators',
};

export const caseFieldDefaults: Omit<CaseFields, 'receivedAt' | 'source' | 'urgency'> = {
  referrerName: '',
  referrerContact: '',
  reported: '',
  violenceTypes: [],
  place: null,
  perpetrator: null,
  policeFile: '',
  prosecutorFile: '',
  courtFile: '',
  childProtectionFile: '',
  trafficking: [],
};

function stored(value: unknown): string | number | null {
  return Array.isArray(value) ? JSON.stringify(value) : (value as string | null);
}

/** SQL SET list and values for some of a case's fields. */
export function caseFieldAssignments(changes: Partial<CaseFields>): { sql: string; values: (string | number | null)[] } {
  const names = Object.keys(changes) as (keyof CaseFields)[];
  return { sql: names.map((f) => `${fieldColumns[f]} = ?`).join(', '), values: names.map((f) => stored(changes[f])) };
}

export function caseFields(row: CaseRow): CaseFields {
  return {
    receivedAt: row.received_at ?? row.created_at,
    source: row.referral_source as CaseFields['source'],
    referrerName: row.referrer_name,
    referrerContact: row.referrer_contact,
    reported: row.summary,
    violenceTypes: JSON.parse(row.violence_types) as CaseFields['violenceTypes'],
    place: row.place as CaseFields['place'],
    perpetrator: row.perpetrator as CaseFields['perpetrator'],
    urgency: row.urgency as CaseFields['urgency'],
    policeFile: row.police_file,
    prosecutorFile: row.prosecutor_file,
    courtFile: row.court_file,
    childProtectionFile: row.child_protection_file,
    trafficking: JSON.parse(row.trafficking_indicators) as CaseFields['trafficking'],
  };
}

export function milestoneFacts(row: CaseRow): MilestoneFacts {
  return {
    dueAt: { initial_assessment: row.assessment_due_at, interview: row.interview_due_at, intervention_plan: row.plan_due_at },
    doneAt: { initial_assessment: row.assessment_done_at, interview: row.interview_done_at, intervention_plan: row.plan_done_at },
    closed: row.status === 'closed',
  };
}

export function caseRow(db: Database, caseId: number): CaseRow {
  return db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow;
}

/** Keeps the column the case list sorts and filters "overdue" on in step with the milestones. */
export function refreshNextDue(db: Database, caseId: number): void {
  db.prepare('UPDATE cases SET next_due_at = ? WHERE id = ?').run(nextDueAt(milestoneFacts(caseRow(db, caseId))), caseId);
}

type LinkRow = PersonRow & {
  relationship: Relationship;
  legal_guardian: number;
  carer: number;
  may_be_informed: number;
  inform_note: string;
  alleged_perpetrator: number;
  inform_override: number;
  link_version: number;
};

export function casePeople(db: Database, caseId: number, view: CaseView, now: Date, personId?: number): CasePerson[] {
  const rows = db
    .prepare(
      `SELECT p.*, l.relationship, l.legal_guardian, l.carer, l.may_be_informed, l.inform_note, l.alleged_perpetrator, l.inform_override, l.version AS link_version
         FROM case_people l JOIN persons p ON p.id = l.person_id
        WHERE l.case_id = ? ${personId === undefined ? '' : 'AND l.person_id = ?'} ORDER BY l.added_at, p.id`,
    )
    .all(...(personId === undefined ? [caseId] : [caseId, personId])) as LinkRow[];
  return rows.map((r) => ({
    person: personView(r, now),
    relationship: r.relationship,
    legalGuardian: r.legal_guardian === 1,
    carer: r.carer === 1,
    mayBeInformed: r.may_be_informed === 1,
    // Why someone may not be told often names the suspect: part of the allegation a blind interviewer is not given.
    informNote: view === 'blind' ? '' : r.inform_note,
    allegedPerpetrator: view === 'blind' ? null : r.alleged_perpetrator === 1,
    // Only an alleged perpetrator is ever overridden: a blind interviewer must not learn it from this either.
    informOverride: view !== 'blind' && r.inform_override === 1,
    version: r.link_version,
  }));
}

export function consentsOf(db: Database, caseId: number, consentId?: number): Consent[] {
  const rows = db
    .prepare(
      `SELECT k.*, coalesce(p.first_name || ' ' || p.last_name, '') AS by_name, u.display_name AS recorder
         FROM case_consents k LEFT JOIN persons p ON p.id = k.person_id JOIN users u ON u.id = k.recorded_by
        WHERE k.case_id = ? ${consentId === undefined ? '' : 'AND k.id = ?'} ORDER BY k.at DESC, k.id DESC`,
    )
    .all(...(consentId === undefined ? [caseId] : [caseId, consentId])) as {
    id: number;
    scope: Consent['scope'];
    decision: Consent['decision'];
    person_id: number | null;
    by_name: string;
    at: string;
    note: string;
    recorder: string;
    withdrawn_at: string | null;
    withdrawn_note: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope,
    decision: r.decision,
    personId: r.person_id,
    byName: r.by_name,
    at: r.at,
    note: r.note,
    recordedBy: r.recorder,
    withdrawnAt: r.withdrawn_at,
    withdrawnNote: r.withdrawn_note,
  }));
}

export function tasksOf(db: Database, caseId: number, taskId?: number): CaseTask[] {
  const rows = db
    .prepare(
      `SELECT k.*, u.display_name AS resolver FROM case_tasks k LEFT JOIN users u ON u.id = k.resolved_by
        WHERE k.case_id = ? ${taskId === undefined ? '' : 'AND k.id = ?'} ORDER BY k.state = 'open' DESC, k.due_at`,
    )
    .all(...(taskId === undefined ? [caseId] : [caseId, taskId])) as {
    id: number;
    kind: CaseTask['kind'];
    due_at: string;
    created_at: string;
    state: CaseTask['state'];
    resolved_at: string | null;
    resolver: string | null;
    note: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    dueAt: r.due_at,
    createdAt: r.created_at,
    state: r.state,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolver,
    note: r.note,
  }));
}

function team(db: Database, caseId: number): CaseDetail['team'] {
  const rows = db
    .prepare(
      `SELECT u.id, u.display_name, u.agency, u.job_title, t.added_at FROM case_team t JOIN users u ON u.id = t.user_id
        WHERE t.case_id = ? ORDER BY u.display_name COLLATE NOCASE`,
    )
    .all(caseId) as { id: number; display_name: string; agency: string; job_title: string; added_at: string }[];
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    agency: (agencies as readonly string[]).includes(r.agency) ? (r.agency as Agency) : 'other',
    jobTitle: r.job_title,
    roles: rolesOf(db, r.id),
    addedAt: r.added_at,
  }));
}

/** The case file as this viewer may see it. A blind interviewer gets the child and the practicalities, not the allegation. */
export function caseDetail(db: Database, row: CaseRow, view: CaseView, now: Date): CaseDetail {
  const fields = caseFields(row);
  const child = personRow(db, row.child_id)!;
  const coordinator = row.coordinator_id
    ? (db.prepare('SELECT id, display_name FROM users WHERE id = ?').get(row.coordinator_id) as { id: number; display_name: string })
    : null;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as CaseStatus,
    restricted: row.restricted === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
    version: row.version,
    view,
    fields: view === 'blind' ? null : fields,
    fileNumbers: { policeFile: fields.policeFile, prosecutorFile: fields.prosecutorFile, courtFile: fields.courtFile, childProtectionFile: fields.childProtectionFile },
    child: personView(child, now),
    ageAtReferral: ageAt(child.birth_date, fields.receivedAt),
    people: casePeople(db, row.id, view, now),
    // Consent notes are free text and may repeat the allegation.
    consents: consentsOf(db, row.id).map((c) => (view === 'blind' ? { ...c, note: '', withdrawnNote: '' } : c)),
    // A referral to the anti-trafficking mechanism tells what was alleged.
    tasks: view === 'blind' ? [] : tasksOf(db, row.id),
    deadlines: deadlinesOf(milestoneFacts(row), now),
    interviewDoneAt: row.interview_done_at,
    closure:
      row.status === 'closed' && row.closed_at && row.legal_outcome && row.outcome_date
        ? { closedAt: row.closed_at, outcome: row.legal_outcome as LegalOutcome, outcomeDate: row.outcome_date }
        : null,
    coordinator: coordinator ? { userId: coordinator.id, displayName: coordinator.display_name } : null,
    team: team(db, row.id),
    legalHold: legalHoldOf(db, row),
  };
}
