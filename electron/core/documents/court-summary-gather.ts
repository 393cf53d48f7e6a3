import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ageAt } from '../../../shared/cases/age';
import type { Interview } from '../../../shared/contract/interview-records';
import { initialsOf, profileRules, type DocumentLanguage, type ProfileRules, type RedactionProfile } from '../../../shared/documents/profiles';
import type { MeetingStatus, MeetingType } from '../../../shared/followup/categories';
import { requireCase, type CaseView, type Viewer } from '../access';
import { caseDetail, consentsOf } from '../cases/case-file';
import { custodyEntries, recordingsOf } from '../evidence/recording-file';
import { currentConsent, examsOfCase } from '../followup/medical-file';
import { referralsOf } from '../followup/referral-file';
import { readPlan, sessionsWhere } from '../followup/therapy-file';
import { centreName } from '../centre';
import { childInterviewCount, interviewsWhere, supplementaryRequests } from '../interviews/interview-file';
import { certificationOn } from '../interviews/certifications';
import { readRules } from '../interviews/resources';
import { wallClock } from '../interviews/slots';
import type { CourtSummaryData, SummaryFollowUp, SummaryInterview, SummaryRecording, SummarySupplementary } from './court-summary-data';

/**
 * What a court summary prints, read from the database and cut down to the
 * redaction profile and to what the issuer may see. The readers are asked
 * for their non-clinical view (no findings, therapy notes, scores, goals,
 * closure note, interviewer remarks or allegation), so that text is not in
 * the data at all and no renderer's mistake can print it. Reads only; the
 * same database, number and moment give the same data, so the same bytes.
 */

export interface SummaryRequest {
  profile: RedactionProfile;
  language: DocumentLanguage;
  recipient: string;
  purpose: string;
  number: string;
  generatedAt: Date;
}

export function gatherCourtSummary(db: Database, viewer: Viewer, caseId: number, request: SummaryRequest): CourtSummaryData {
  const rules = profileRules[request.profile];
  const { row, view } = requireCase(db, viewer, caseId);
  // The blind view of the file: the child, the file numbers and the coordinator, without the allegation.
  const detail = caseDetail(db, row, 'blind', request.generatedAt);
  const child = detail.child;
  const issuer = db.prepare('SELECT display_name, job_title FROM users WHERE id = ?').get(viewer.userId) as { display_name: string; job_title: string };
  const all = interviewsWhere(db, 'i.case_id = ?', [caseId], false);
  const held = all.filter((i) => i.status !== 'cancelled');
  const timeZone = readRules(db).timeZone;
  const interviews = held.map((i) => summaryInterview(db, i, child.birthDate, rules, view, timeZone));
  return {
    language: request.language,
    profile: request.profile,
    documentNumber: request.number,
    generatedAt: request.generatedAt,
    generatedBy: { name: issuer.display_name, jobTitle: issuer.job_title },
    timeZone,
    centreName: centreName(db),
    recipient: request.recipient,
    purpose: request.purpose,
    caseReference: row.reference,
    fileNumbers: detail.fileNumbers,
    child: {
      name: rules.childName === 'full' ? fullName(child.firstName, child.lastName) : initialsOf(child.firstName, child.lastName),
      birth: child.birthDate === null ? null : rules.birth === 'date' ? child.birthDate : child.birthDate.slice(0, 4),
      languages: child.languages,
      interpreterNeeded: child.interpreterNeeded,
      interpreterLanguage: child.interpreterLanguage,
    },
    interviews,
    oneInterview: {
      count: childInterviewCount(db, row.child_id),
      supplementary: supplementaryOf(db, caseId, held),
      cancelled: all.filter((i) => i.status === 'cancelled').map((i) => ({ scheduledStart: i.startsAt, reason: i.cancelReason ?? '' })),
    },
    followUp: followUpOf(db, caseId, rules, view, request.generatedAt),
    consents: rules.consents ? consentsFor(db, caseId, fullName(child.firstName, child.lastName)) : null,
    signatures: { coordinator: detail.coordinator?.displayName ?? null, interviewer: signingInterviewer(held) },
  };
}

const fullName = (first: string, last: string) => `${first} ${last}`.trim();

/**
 * Family members and the support person identify the child as surely as the
 * child's own name. The support person is free text ("Maria Pop (aunt)"): the
 * words outside brackets become initials; a bracketed note (how they stand to
 * the child, which the court weighs) is kept as written.
 */
function familyName(name: string, rules: ProfileRules): string {
  if (rules.familyNames === 'full') return name;
  const bracket = name.indexOf('(');
  const who = bracket === -1 ? name : name.slice(0, bracket);
  const note = bracket === -1 ? '' : name.slice(bracket).trim();
  return [initialsOf(who.replace(/[^\p{L}\p{M}\s-]/gu, ' ')), note].filter((part) => part !== '').join(' ');
}

function summaryInterview(db: Database, interview: Interview, birthDate: string | null, rules: ProfileRules, view: CaseView, timeZone: string): SummaryInterview {
  const record = interview.record;
  const moment = record?.actualStart ?? interview.startsAt;
  const held = certificationOn(db, interview.interviewerId, moment);
  const day = wallClock(moment, timeZone).date;
  return {
    sequence: interview.sequence,
    status: interview.status === 'held' ? 'held' : 'scheduled',
    scheduledStart: interview.startsAt,
    scheduledEnd: interview.endsAt,
    actualStart: record?.actualStart ?? null,
    actualEnd: record?.actualEnd ?? null,
    breaks: record?.breaks ?? [],
    room: interview.roomName,
    observationRoom: interview.observationRoomName,
    interviewer: {
      name: interview.interviewerName,
      certification: held?.certification ?? '',
      certifiedUntil: held?.certifiedUntil ?? null,
      lapsed: held?.certifiedUntil != null && held.certifiedUntil < day,
      recordedAfter: held?.recordedLater ? held.recordedAt : null,
    },
    protocol: record?.protocol ?? null,
    questionsRelayed: record?.questionsRelayed ?? null,
    interpreter: interview.interpreterName === null ? null : { name: interview.interpreterName, language: interview.interpreterLanguage },
    supportPerson: interview.supportPerson === '' ? '' : familyName(interview.supportPerson, rules),
    childAge: ageAt(birthDate, record?.actualStart ?? interview.startsAt),
    attendance: interview.attendance.map((a) => ({
      name: a.agency === 'family' || a.role === 'support_person' ? familyName(a.name, rules) : a.name,
      agency: a.agency,
      role: a.role,
      location: a.location,
      arrivedAt: a.arrivedAt,
      leftAt: a.leftAt,
      absent: a.absent,
      invited: a.invited,
    })),
    // A blind interviewer is not told what recordings exist (recordings.list).
    recordings: view === 'blind' ? [] : recordingsOf(db, interview.id).map((r, index, all) => summaryRecording(db, r, rules, `#${index + 1}/${all.length}`)),
  };
}

/**
 * Takes a file name out of text logged with a recording (the registration
 * logs it; people may repeat it in notes), whole or without its extension,
 * in any letter case, leaving the recording's number in its place.
 */
function withoutFileName(text: string, fileName: string, mark: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  let out = text;
  for (const name of [fileName, stem].filter((n) => n.trim().length >= 3)) {
    out = out.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), mark);
  }
  return out;
}

function summaryRecording(db: Database, recording: ReturnType<typeof recordingsOf>[number], rules: ProfileRules, mark: string): SummaryRecording {
  const custody = custodyEntries(db, recording.id);
  const text = rules.fileNames === 'original' ? (value: string) => value : (value: string) => withoutFileName(value, recording.fileName, mark);
  return {
    kind: recording.kind,
    fileName: rules.fileNames === 'original' ? recording.fileName : null,
    format: recording.format,
    size: recording.size,
    durationSeconds: recording.durationSeconds,
    sha256: recording.sha256,
    registeredAt: recording.registeredAt,
    registeredBy: recording.registeredBy,
    deletedAt: recording.deletedAt,
    lastCheck: recording.lastCheck,
    custody:
      rules.custodyLog === 'count'
        ? null
        : custody.map((k) => ({
            at: k.at,
            by: k.by,
            action: k.action,
            recipient: text(k.recipient),
            recipientAgency: k.recipientAgency,
            medium: k.medium,
            purpose: text(k.purpose),
            // The registration's note is the file name as uploaded: nothing else.
            note: k.action === 'registered' && rules.fileNames === 'numbered' ? '' : text(k.note),
          })),
    custodyCount: custody.length,
  };
}

/** This case's requests only: another case of the same child may not be the issuer's to see. */
function supplementaryOf(db: Database, caseId: number, interviews: readonly Interview[]): SummarySupplementary[] {
  const sequenceOf = new Map(interviews.map((i) => [i.id, i.sequence]));
  return supplementaryRequests(db, 's.case_id = ?', [caseId]).map((s) => ({
    reason: s.reason,
    details: s.details,
    requestedAt: s.requestedAt,
    requestedBy: s.requestedBy,
    state: s.state,
    decision: s.decision,
    usedFor: s.interviewId === null ? null : (sequenceOf.get(s.interviewId) ?? null),
  }));
}

/** Who signs for the interview: the interviewer of the latest held one, else of the latest booked one. */
function signingInterviewer(interviews: readonly Interview[]): string | null {
  const latest = (status: Interview['status']) => interviews.filter((i) => i.status === status).at(-1);
  return (latest('held') ?? latest('scheduled'))?.interviewerName ?? null;
}

const NO_FOLLOW_UP = { medical: null, therapy: null, referrals: null, meetings: null };

/** What happened when, never what was found or said; the clinical readers are always asked for the non-clinical view. */
function followUpOf(db: Database, caseId: number, rules: ProfileRules, view: CaseView, now: Date): SummaryFollowUp {
  // A blind interviewer sees nothing of the follow-up on screen either.
  if (view === 'blind') return { withheld: null, ...NO_FOLLOW_UP };
  if (rules.followUpNeedsConsent && currentConsent(db, caseId, 'information_sharing').state !== 'given') return { withheld: 'no_sharing_consent', ...NO_FOLLOW_UP };
  const parts = rules.followUp;
  return {
    withheld: null,
    medical: parts.medical
      ? examsOfCase(db, caseId, { clinical: false, summary: false }).map((e) => ({
          kind: e.kind,
          status: e.status,
          startsAt: e.startsAt,
          performedAt: e.record?.performedAt ?? null,
          examiner: e.examinerName,
          pendingFollowups: e.followupsPending,
        }))
      : null,
    therapy: parts.therapy ? therapyOf(db, caseId) : null,
    referrals: parts.referrals
      ? referralsOf(db, caseId, now)
          .map((r) => ({ service: r.serviceKind, serviceName: r.serviceName, sentAt: r.sentAt, status: r.status }))
          .sort((a, b) => a.sentAt.localeCompare(b.sentAt))
      : null,
    meetings: parts.meetings ? meetingsOf(db, caseId) : null,
  };
}

function therapyOf(db: Database, caseId: number): SummaryFollowUp['therapy'] {
  const sessions = sessionsWhere(db, 's.case_id = ?', [caseId], false)
    .reverse()
    .map((s) => ({ startsAt: s.startsAt, durationMinutes: s.durationMinutes, type: s.type, attendance: s.attendance, therapist: s.therapistName }));
  const closure = readPlan(db, caseId, false)?.closure ?? null;
  return { sessions, closed: closure === null ? null : { at: closure.closedOn, reason: closure.reason } };
}

/** The review meetings the case was on the agenda of: type, when and whether held, not what was said. */
function meetingsOf(db: Database, caseId: number): SummaryFollowUp['meetings'] {
  const rows = db
    .prepare('SELECT m.type, m.starts_at, m.status FROM meeting_cases c JOIN meetings m ON m.id = c.meeting_id WHERE c.case_id = ? ORDER BY m.starts_at, m.id')
    .all(caseId) as { type: MeetingType; starts_at: string; status: MeetingStatus }[];
  return rows.map((m) => ({ type: m.type, startsAt: m.starts_at, status: m.status }));
}

/** Oldest first; a consent the child gave themselves names the child. */
function consentsFor(db: Database, caseId: number, childName: string): NonNullable<CourtSummaryData['consents']> {
  return consentsOf(db, caseId)
    .reverse()
    .map((c) => ({ scope: c.scope, decision: c.decision, byName: c.personId === null ? childName : c.byName, at: c.at, withdrawnAt: c.withdrawnAt }));
}
