import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import type { CaseDetail } from '../../shared/contract/case-records';
import { roles, type Role } from '../../shared/permissions';
import { openCore } from '../../electron/core/core';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { ADMIN, TestClock, insertUser } from '../support/core';
import { referral } from '../support/intake';
import { tempDir } from '../support/temp';

/**
 * The policy, written out by hand from the issue, independently of
 * shared/permissions.ts: for each method, who may call it. 'case' marks a
 * method about one case, where need to know applies on top of the role.
 */
type Rule = { roles: 'everyone' | readonly Role[]; caseScoped: boolean };
const READERS: Role[] = ['coordinator', 'forensic_interviewer', 'police', 'prosecutor', 'child_protection', 'medical', 'therapist'];
/** Consents are recorded by whoever meets the child and family about them: coordination, child protection, doctors, therapists. */
const CONSENT_TAKERS: Role[] = ['coordinator', 'child_protection', 'medical', 'therapist'];
const SCHEDULE_MANAGERS: Role[] = ['administrator', 'coordinator'];
/** Who may watch the interview recordings of the cases they may see. */
const RECORDING_VIEWERS: Role[] = ['coordinator', 'forensic_interviewer', 'police', 'prosecutor'];
const policy: Record<MethodName, Rule> = {
  'setup.status': { roles: 'everyone', caseScoped: false },
  'setup.initialize': { roles: 'everyone', caseScoped: false },
  'auth.login': { roles: 'everyone', caseScoped: false },
  'auth.logout': { roles: 'everyone', caseScoped: false },
  'auth.session': { roles: 'everyone', caseScoped: false },
  'auth.lock': { roles: 'everyone', caseScoped: false },
  'auth.unlock': { roles: 'everyone', caseScoped: false },
  'account.get': { roles: 'everyone', caseScoped: false },
  'account.changePassword': { roles: 'everyone', caseScoped: false },
  'account.beginTotp': { roles: 'everyone', caseScoped: false },
  'account.confirmTotp': { roles: 'everyone', caseScoped: false },
  'account.disableTotp': { roles: 'everyone', caseScoped: false },
  'centre.get': { roles: 'everyone', caseScoped: false },
  'centre.update': { roles: ['administrator'], caseScoped: false },
  'centre.storage': { roles: ['administrator'], caseScoped: false },
  'backups.status': { roles: ['administrator'], caseScoped: false },
  'backups.configure': { roles: ['administrator'], caseScoped: false },
  'backups.run': { roles: ['administrator'], caseScoped: false },
  'backups.verify': { roles: ['administrator'], caseScoped: false },
  'backups.createRecoveryKey': { roles: ['administrator'], caseScoped: false },
  'security.getPolicy': { roles: ['administrator'], caseScoped: false },
  'security.updatePolicy': { roles: ['administrator'], caseScoped: false },
  'users.list': { roles: ['administrator'], caseScoped: false },
  'users.create': { roles: ['administrator'], caseScoped: false },
  'users.update': { roles: ['administrator'], caseScoped: false },
  'users.setDisabled': { roles: ['administrator'], caseScoped: false },
  'users.resetPassword': { roles: ['administrator'], caseScoped: false },
  'users.resetTotp': { roles: ['administrator'], caseScoped: false },
  'users.signOutEverywhere': { roles: ['administrator'], caseScoped: false },
  'users.directory': { roles: ['coordinator'], caseScoped: false },
  'cases.list': { roles: READERS, caseScoped: false },
  'cases.create': { roles: ['coordinator'], caseScoped: false },
  'cases.get': { roles: READERS, caseScoped: true },
  'cases.update': { roles: ['coordinator'], caseScoped: true },
  'cases.changeStatus': { roles: ['coordinator'], caseScoped: true },
  'cases.setRestricted': { roles: ['coordinator'], caseScoped: true },
  'cases.setLegalHold': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  'cases.setCoordinator': { roles: ['coordinator'], caseScoped: true },
  'cases.addMember': { roles: ['coordinator'], caseScoped: true },
  'cases.removeMember': { roles: ['coordinator'], caseScoped: true },
  'cases.markInterviewDone': { roles: ['coordinator', 'forensic_interviewer'], caseScoped: true },
  'cases.listNotes': { roles: READERS, caseScoped: true },
  'cases.addNote': { roles: READERS, caseScoped: true },
  // Across the caller's own cases only; not about one case.
  'cases.attention': { roles: READERS, caseScoped: false },
  // The intake's duplicate check: only those who open cases.
  'people.search': { roles: ['coordinator'], caseScoped: false },
  'cases.addPerson': { roles: ['coordinator'], caseScoped: true },
  'cases.updatePerson': { roles: ['coordinator'], caseScoped: true },
  'cases.updateLink': { roles: ['coordinator'], caseScoped: true },
  'cases.removePerson': { roles: ['coordinator'], caseScoped: true },
  'cases.recordConsent': { roles: CONSENT_TAKERS, caseScoped: true },
  'cases.withdrawConsent': { roles: CONSENT_TAKERS, caseScoped: true },
  // The anti-trafficking referral and other tasks: coordination and child protection.
  'cases.resolveTask': { roles: ['coordinator', 'child_protection'], caseScoped: true },
  'cases.timeline': { roles: READERS, caseScoped: true },
  'audit.list': { roles: ['administrator'], caseScoped: false },
  'audit.verify': { roles: ['administrator'], caseScoped: false },
  'audit.export': { roles: ['administrator'], caseScoped: false },
  // Administrators read the whole log; coordinators may ask about a case they can see.
  'audit.caseAccess': { roles: ['administrator', 'coordinator'], caseScoped: true },
  // The centre's scheduling resources: everyone signed in reads them (the calendar needs them);
  // the administrator and the coordinators manage them.
  'resources.list': { roles: 'everyone', caseScoped: false },
  'resources.saveRoom': { roles: SCHEDULE_MANAGERS, caseScoped: false },
  'resources.saveInterpreter': { roles: SCHEDULE_MANAGERS, caseScoped: false },
  'resources.saveInterviewer': { roles: SCHEDULE_MANAGERS, caseScoped: false },
  'resources.saveRules': { roles: SCHEDULE_MANAGERS, caseScoped: false },
  'resources.setClosedDay': { roles: SCHEDULE_MANAGERS, caseScoped: false },
  // The calendar shows every booking, only as "busy" where the case is not the caller's: not about one case.
  'interviews.calendar': { roles: READERS, caseScoped: false },
  'interviews.forCase': { roles: READERS, caseScoped: true },
  'interviews.get': { roles: READERS, caseScoped: true },
  // Booking, moving, cancelling, attendance and asking for a supplementary interview: coordination.
  'interviews.schedule': { roles: ['coordinator'], caseScoped: true },
  'interviews.update': { roles: ['coordinator'], caseScoped: true },
  'interviews.cancel': { roles: ['coordinator'], caseScoped: true },
  'interviews.saveAttendee': { roles: ['coordinator'], caseScoped: true },
  'interviews.requestSupplementary': { roles: ['coordinator'], caseScoped: true },
  // The interview record: whoever may record that the interview took place.
  'interviews.recordOutcome': { roles: ['coordinator', 'forensic_interviewer'], caseScoped: true },
  // The prosecutor's decision is recorded by the prosecutor, or by the coordinator on their word.
  'interviews.decideSupplementary': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  // Recordings: the coordination registers them and keeps their custody; the criminal-justice side and
  // the interviewer view them; the list of files (not their content) is for the whole team.
  'recordings.startUpload': { roles: ['coordinator'], caseScoped: true },
  'recordings.register': { roles: ['coordinator'], caseScoped: true },
  'recordings.list': { roles: READERS, caseScoped: true },
  'recordings.custody': { roles: RECORDING_VIEWERS, caseScoped: true },
  'recordings.play': { roles: RECORDING_VIEWERS, caseScoped: true },
  'recordings.verify': { roles: RECORDING_VIEWERS, caseScoped: true },
  'recordings.recordCopy': { roles: ['coordinator'], caseScoped: true },
  'recordings.recordReturn': { roles: ['coordinator'], caseScoped: true },
  'recordings.requestRemoval': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  'recordings.decideRemoval': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  'recordings.withdraw': { roles: ['coordinator'], caseScoped: true },
  'evidence.checkStore': { roles: ['administrator'], caseScoped: false },
  // Medical examinations: booked by coordination or the doctors; recorded by the doctors only.
  'medical.list': { roles: READERS, caseScoped: true },
  'medical.schedule': { roles: ['coordinator', 'medical'], caseScoped: true },
  'medical.update': { roles: ['coordinator', 'medical'], caseScoped: true },
  'medical.cancel': { roles: ['coordinator', 'medical'], caseScoped: true },
  'medical.record': { roles: ['medical'], caseScoped: true },
  'medical.saveFollowup': { roles: ['medical'], caseScoped: true },
  // Therapy: the team reads the pattern; only therapists write.
  'therapy.get': { roles: READERS, caseScoped: true },
  'therapy.saveSession': { roles: ['therapist'], caseScoped: true },
  'therapy.saveAssessment': { roles: ['therapist'], caseScoped: true },
  'therapy.savePlan': { roles: ['therapist'], caseScoped: true },
  'therapy.close': { roles: ['therapist'], caseScoped: true },
  // Case review meetings: planned and minuted by coordination; read by whoever sees one of their cases.
  'meetings.list': { roles: READERS, caseScoped: false },
  'meetings.get': { roles: READERS, caseScoped: true },
  'meetings.save': { roles: ['coordinator'], caseScoped: true },
  'meetings.recordHeld': { roles: ['coordinator'], caseScoped: true },
  'meetings.cancel': { roles: ['coordinator'], caseScoped: true },
  'meetings.addAction': { roles: ['coordinator'], caseScoped: true },
  'meetings.minutes': { roles: READERS, caseScoped: true },
  // The centre's count of meetings by type: what coordination reports.
  'meetings.statistics': { roles: ['coordinator'], caseScoped: false },
  'actions.mine': { roles: READERS, caseScoped: false },
  'actions.ofCase': { roles: READERS, caseScoped: true },
  // Its owner (the fixture's items belong to the coordinator) or a coordinator; see expected().
  'actions.setState': { roles: READERS, caseScoped: true },
  // Referrals to outside services: whoever works with the child and family.
  'referrals.list': { roles: READERS, caseScoped: true },
  'referrals.save': { roles: CONSENT_TAKERS, caseScoped: true },
  'referrals.setStatus': { roles: CONSENT_TAKERS, caseScoped: true },
  // Court-ready summaries: issued (and handed out again) by coordination and the prosecutor; the team sees
  // which were issued. Anyone who reads cases may check a file brought back: it is not about a case they name.
  'documents.courtSummary': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  'documents.list': { roles: READERS, caseScoped: true },
  'documents.download': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  // Its issuer (the fixture's document is the coordinator's) or a coordinator; see expected().
  'documents.withdraw': { roles: ['coordinator', 'prosecutor'], caseScoped: true },
  'documents.verify': { roles: READERS, caseScoped: false },
};

const PASSWORD = 'matrix password long and odd';
const origin = { transport: 'in-process' as const, workstation: 'matrix' };

/** What a case of the fixture holds, so each case-scoped method gets input that works on it. */
interface CaseFacts {
  version: number;
  /** The child's guardian, on the case as an adult. */
  adultId: number;
  consentId: number;
  taskId: number;
  /** The child's forensic interview, booked, and what it was booked with. */
  interviewId: number;
  interviewVersion: number;
  booking: Record<string, unknown>;
  /** An approved supplementary request not yet used, and one still pending. */
  approvedRequestId: number;
  pendingRequestId: number;
  /** Two recordings of the interview: one with a copy out (copyId), one with none. */
  recordingWithCopyId: number;
  copyId: number;
  recordingId: number;
  /** A third recording whose removal another coordinator asked for, awaiting a decision. */
  removalRequestId: number;
  /** The follow-up: a booked medical exam, a treatment plan, a meeting with an action item, a referral. */
  examId: number;
  examVersion: number;
  exam: Record<string, unknown>;
  planVersion: number;
  meetingId: number;
  meetingVersion: number;
  meeting: Record<string, unknown>;
  actionId: number;
  referralId: number;
  /** A court summary issued under the court profile, and its SHA-256. */
  documentId: number;
  documentSha256: string;
  documentNumber: string;
}

/** A case that does not exist, and nothing of it does either. */
const GUESSED = 99_999;

interface Fixture {
  file: string;
  key: Buffer;
  clock: TestClock;
  caseId: number;
  restrictedCaseId: number;
  facts: Map<number, CaseFacts>;
  targetUserId: number;
  coordinatorId: number;
  /** A forensic interviewer whose profile was never saved (version 0). */
  interviewerOutId: number;
  rulesVersion: number;
  /** role → on the case team or not → session token */
  tokens: Map<string, string>;
  /** Outside every copy's data folder; holds the set the fixture made. */
  backupDestination: string;
  backupSet: string;
}

let fx: Fixture;

const ALL_DAY = { open: true, start: '00:00', end: '23:59' };
const EVERY_DAY = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };

const guardian = { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false } as const;

function validInput(method: MethodName, caseId: number): unknown {
  const { targetUserId, coordinatorId, interviewerOutId, rulesVersion } = fx;
  // A guessed case id gets the open case's ids, but its interview, requests and recordings are guessed too.
  const known = fx.facts.get(caseId);
  const { version, adultId, consentId, taskId, interviewVersion, booking } = known ?? fx.facts.get(fx.caseId)!;
  const { examVersion, exam, planVersion, meetingVersion, meeting } = known ?? fx.facts.get(fx.caseId)!;
  const { interviewId, approvedRequestId, pendingRequestId, recordingWithCopyId, copyId, recordingId, removalRequestId, examId, meetingId, actionId, referralId, documentId } = known ?? {
    interviewId: GUESSED,
    approvedRequestId: GUESSED,
    pendingRequestId: GUESSED,
    recordingWithCopyId: GUESSED,
    copyId: GUESSED,
    recordingId: GUESSED,
    removalRequestId: GUESSED,
    examId: GUESSED,
    meetingId: GUESSED,
    actionId: GUESSED,
    referralId: GUESSED,
    documentId: GUESSED,
  };
  const { documentSha256, documentNumber } = fx.facts.get(fx.caseId)!;
  const now = fx.clock.now().toISOString();
  const inputs: Partial<Record<MethodName, unknown>> = {
    'setup.initialize': { centreName: 'Second', admin: { username: 'second', password: PASSWORD, displayName: 'Second' } },
    'auth.login': { username: 'police-in', password: PASSWORD },
    'auth.unlock': { password: PASSWORD },
    'account.changePassword': { currentPassword: PASSWORD, newPassword: 'another long and odd sentence' },
    'account.confirmTotp': { code: '123456' },
    'account.disableTotp': { password: PASSWORD },
    'centre.update': { name: 'Renamed', version: 0 },
    'security.updatePolicy': { idleLockSeconds: 600, totpRequiredRoles: [], blindInterviewer: false, version: 0 },
    'users.create': { username: 'newcomer', password: PASSWORD, displayName: 'New Comer', agency: 'police', roles: ['police'] },
    'users.update': { userId: targetUserId, version: 0, displayName: 'Renamed', agency: 'police', roles: ['police'] },
    'users.setDisabled': { userId: targetUserId, disabled: true, version: 0 },
    'users.resetPassword': { userId: targetUserId, password: 'a fresh temporary sentence' },
    'users.resetTotp': { userId: targetUserId },
    'users.signOutEverywhere': { userId: targetUserId },
    'cases.create': referral({ firstName: 'Ana', lastName: 'Ionescu' }, {}, fx.clock.now()),
    'cases.get': { caseId },
    'cases.update': { caseId, version, changes: { reported: 'x', policeFile: 'P-7/2026' } },
    'cases.changeStatus': { caseId, version, status: 'initial_assessment' },
    'cases.setRestricted': { caseId, restricted: true, version },
    'cases.setLegalHold': { caseId, hold: true, reason: 'Appeal pending.' },
    'cases.setCoordinator': { caseId, userId: coordinatorId },
    'cases.addMember': { caseId, userId: targetUserId },
    'cases.removeMember': { caseId, userId: targetUserId },
    'cases.markInterviewDone': { caseId },
    'cases.listNotes': { caseId },
    'cases.addNote': { caseId, discipline: 'general', text: 'A note.' },
    'cases.attention': {},
    'people.search': { firstName: 'Ivan', lastName: 'Petrov', birthDate: null },
    'cases.addPerson': { caseId, person: { new: { firstName: 'Radu', lastName: 'Petrov' } }, link: { ...guardian, relationship: 'grandparent' } },
    'cases.updatePerson': { caseId, personId: adultId, version: 0, changes: { phone: '+359 88 111 2222' } },
    'cases.updateLink': { caseId, personId: adultId, version: 0, changes: { mayBeInformed: false, informNote: 'Not yet.' } },
    'cases.removePerson': { caseId, personId: adultId },
    'cases.recordConsent': { caseId, scope: 'therapy', decision: 'given', personId: adultId, at: '2026-11-22T08:45:00.000Z', note: '' },
    'cases.withdrawConsent': { caseId, consentId, at: '2026-11-22T08:50:00.000Z', note: 'By phone.' },
    'cases.resolveTask': { caseId, taskId, resolution: 'done', note: 'Referred by phone.' },
    'cases.timeline': { caseId, groups: [] },
    'audit.caseAccess': { caseId },
    'audit.export': { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    'resources.saveInterviewer': { userId: interviewerOutId, version: 0, certification: 'NICHD', certifiedUntil: null, protocols: ['nichd'] },
    'resources.saveRules': { ...(contract['resources.saveRules'].example as object), version: rulesVersion },
    'interviews.forCase': { caseId },
    'interviews.get': { interviewId },
    // A supplementary interview, the day after the first, with the approval the fixture holds.
    'interviews.schedule': { caseId, supplementaryId: approvedRequestId, ...booking, startsAt: addDays(booking.startsAt as string, 1) },
    'interviews.update': { interviewId, version: interviewVersion, reason: '', ...booking, supportPerson: 'Maria (aunt)' },
    'interviews.cancel': { interviewId, version: interviewVersion, reason: 'The child is ill.' },
    'interviews.saveAttendee': {
      interviewId,
      attendeeId: null,
      version: 0,
      name: 'Ion Vasile',
      userId: null,
      agency: 'barnahus',
      role: 'technician',
      location: 'observation_room',
      // The interview is tomorrow: an arrival today would be refused as not on its day.
      arrivedAt: null,
      leftAt: null,
      absent: false,
    },
    'interviews.recordOutcome': {
      interviewId,
      version: interviewVersion,
      actualStart: '2026-11-22T08:00:00.000Z',
      actualEnd: '2026-11-22T08:50:00.000Z',
      breaks: [],
      protocol: 'nichd',
      questionsRelayed: false,
      disclosure: 'full',
      remarks: 'Calm.',
    },
    'interviews.requestSupplementary': { caseId, reason: 'new_disclosure', details: 'A second person.' },
    'interviews.decideSupplementary': {
      requestId: pendingRequestId,
      decision: 'approved',
      deciderRole: 'prosecutor',
      deciderName: 'Prosecutor Ana Rusu',
      decidedAt: fx.clock.now().toISOString(),
      sameInterviewer: false,
      note: '',
    },
    'recordings.startUpload': { interviewId, fileName: 'late.wav', size: LATE_UPLOAD.length },
    // uploadId is replaced by one the caller's own session sent (see statusOf).
    'recordings.register': { interviewId, uploadId: 'none', kind: 'audio' },
    'recordings.list': { interviewId },
    'recordings.custody': { recordingId },
    'recordings.play': { recordingId },
    'recordings.verify': { recordingId },
    'recordings.recordCopy': { recordingId, recipient: 'Inspector Dan Pop', recipientAgency: 'police', medium: 'dvd', purpose: 'File 1/P/2026' },
    'recordings.recordReturn': { recordingId: recordingWithCopyId, copyId, note: 'Returned sealed.' },
    'recordings.requestRemoval': { recordingId, reason: 'retention_ended', words: 'Retention period ended.' },
    'recordings.decideRemoval': { requestId: removalRequestId, decision: 'refused', note: '' },
    'recordings.withdraw': { recordingId, words: 'Registered by mistake.' },
    'evidence.checkStore': {},
    'backups.status': {},
    'backups.configure': { destination: fx.backupDestination, scheduleEnabled: true, scheduleTime: '02:00', retention: { daily: 7, weekly: 4, monthly: 12 }, version: 1 },
    'backups.run': {},
    'backups.verify': { set: fx.backupSet },
    'backups.createRecoveryKey': { language: 'en' },
    'medical.list': { caseId },
    // A second exam the day after the fixture's.
    'medical.schedule': { caseId, ...exam, startsAt: addDays(exam.startsAt as string, 1) },
    'medical.update': { examId, version: examVersion, reason: '', ...exam, purpose: 'Agreed at the meeting.' },
    'medical.cancel': { examId, version: examVersion, reason: 'The child is ill.' },
    'medical.record': { examId, version: examVersion, performedAt: now, findings: 'No acute injuries.', teamSummary: 'Examined.' },
    'medical.saveFollowup': { examId, id: null, version: 0, kind: 'laboratory_test', description: 'Blood count', dueDate: '2026-12-01', result: '', doneOn: null },
    'therapy.get': { caseId },
    'therapy.saveSession': { caseId, id: null, version: 0, startsAt: addDays(now, -1), durationMinutes: 50, type: 'crisis_intervention', attendance: 'attended', notes: 'Calm.' },
    'therapy.saveAssessment': { caseId, id: null, version: 0, instrument: 'CATS', score: '24', assessedOn: '2026-11-21', notes: '' },
    'therapy.savePlan': { caseId, version: planVersion, goals: [{ text: 'Sleep well', state: 'open' }], reviewOn: '2026-12-20', sharedSummary: 'Weekly.' },
    'therapy.close': { caseId, version: planVersion, closedOn: '2026-11-22', reason: 'goals_met', note: '' },
    'meetings.list': { from: null, to: null, caseId: null },
    'meetings.get': { meetingId },
    'meetings.save': { id: meetingId, version: meetingVersion, ...meeting, place: 'Room 2', cases: [{ caseId, agenda: 'Protection', decisions: '' }] },
    'meetings.recordHeld': { meetingId, version: meetingVersion },
    'meetings.cancel': { meetingId, version: meetingVersion, reason: 'Police could not come.' },
    'meetings.addAction': { meetingId, caseId, what: 'Arrange school support', ownerId: coordinatorId, agency: 'barnahus_staff', dueDate: '2026-12-10' },
    'meetings.minutes': { meetingId, language: 'bg' },
    'meetings.statistics': { from: '2026-01-01', to: '2026-12-31' },
    'actions.ofCase': { caseId },
    'actions.setState': { actionId, version: 0, state: 'done', note: '' },
    'referrals.list': { caseId },
    'referrals.save': {
      caseId,
      id: null,
      version: 0,
      subject: 'child',
      personId: null,
      serviceKind: 'mental_health',
      serviceName: 'Mental health centre',
      contact: '',
      sentAt: now,
      consentBasis: 'consent',
      followUpOn: '2026-11-29',
      notes: '',
    },
    'referrals.setStatus': { referralId, version: 0, status: 'accepted', note: '', followUpOn: null },
    'documents.courtSummary': { caseId, profile: 'court', language: 'bg', recipient: 'Софийски районен съд', purpose: 'Hearing of 12 January 2027' },
    'documents.list': { caseId },
    'documents.download': { documentId },
    'documents.withdraw': { documentId, reason: 'Sent to the wrong court.' },
    'documents.verify': { sha256: documentSha256, claimedNumber: documentNumber },
  };
  return inputs[method] ?? contract[method].example;
}

const LATE_UPLOAD = Buffer.from('a recording uploaded during the matrix');
const addDays = (moment: string, days: number) => new Date(Date.parse(moment) + days * 86_400_000).toISOString();

/** A fresh copy of the prepared database, with the recordings' folder beside it when asked. */
function copyOfFixture(withRecordings = true): ReturnType<typeof openCore> {
  const copy = path.join(tempDir(), DATABASE_FILE);
  fs.copyFileSync(fx.file, copy);
  if (withRecordings) fs.cpSync(path.join(path.dirname(fx.file), 'evidence'), path.join(path.dirname(copy), 'evidence'), { recursive: true });
  return openCore({ file: copy, key: fx.key, clock: fx.clock, log: () => undefined });
}

/** Runs one call against a fresh copy of the prepared database, so no call can affect another. */
async function statusOf(method: MethodName, who: string, caseId: number): Promise<number> {
  const core = copyOfFixture(method.startsWith('recordings.'));
  const token = fx.tokens.get(who) ?? null;
  try {
    let input = validInput(method, caseId);
    if (method === 'recordings.register') {
      // Registering needs an upload this very session sent, as the screen does: ask, send, register.
      const started = await core.dispatch({ method: 'recordings.startUpload', input: validInput('recordings.startUpload', caseId), token, origin });
      if (started.ok) {
        const { uploadId } = started.data as { uploadId: string };
        const sent = await core.receiveUpload(uploadId, token, Readable.from([LATE_UPLOAD]));
        expect(sent.ok).toBe(true);
        input = { ...(input as object), uploadId };
      }
    }
    const outcome = await core.dispatch({ method, input, token, origin });
    return outcome.status;
  } finally {
    core.close();
  }
}

function expected(method: MethodName, role: Role, onTeam: boolean, restricted: boolean): 'allowed' | 403 | 404 {
  const rule = policy[method];
  if (rule.roles !== 'everyone' && !rule.roles.includes(role)) return 403;
  if (!rule.caseScoped) return 'allowed';
  if (role === 'administrator' && method === 'audit.caseAccess') return 'allowed';
  // Only its owner (the coordinator on the team) or a coordinator marks an action item done; others who see the case get 403.
  if (method === 'actions.setState' && role !== 'coordinator') return onTeam ? 403 : 404;
  // Only the coordinator on the team registered the recordings: another coordinator may not withdraw one.
  if (method === 'recordings.withdraw' && role === 'coordinator' && !onTeam) return restricted ? 404 : 403;
  // Likewise only its issuer (the coordinator on the team) or a coordinator withdraws a document.
  if (method === 'documents.withdraw' && role !== 'coordinator') return onTeam ? 403 : 404;
  if (onTeam) return 'allowed';
  return role === 'coordinator' && !restricted ? 'allowed' : 404;
}

/**
 * A permitted call gets through the gate and does its work: 200, with the
 * fixture's input. Two cannot succeed in any fixture: the centre is already
 * set up, and no session here has begun two-factor enrolment.
 */
function answerWhenAllowed(method: MethodName): number {
  const refusedPastTheGate: Partial<Record<MethodName, number>> = { 'setup.initialize': 409, 'account.confirmTotp': 409 };
  return refusedPastTheGate[method] ?? 200;
}

afterAll(() => {
  fs.rmSync(path.dirname(fx.file), { recursive: true, force: true });
  fs.rmSync(fx.backupDestination, { recursive: true, force: true });
});

beforeAll(async () => {
  // Not tempDir(): that folder is removed after each test, and this one serves them all.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-matrix-'));
  const file = path.join(dir, DATABASE_FILE);
  const key = randomBytes(32);
  const clock = new TestClock();
  const core = openCore({ file, key, clock, log: () => undefined });
  const call = async (method: string, input: unknown, token: string | null = null) => {
    const outcome = await core.dispatch({ method, input, token, origin });
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.data as Record<string, unknown>;
  };
  await call('setup.initialize', { centreName: 'Matrix', admin: ADMIN });
  const db = core.store.db;
  const ids = new Map<string, number>();
  for (const role of roles) {
    for (const side of ['in', 'out']) {
      const name = `${role}-${side}`.replaceAll('_', '-');
      ids.set(`${role}:${side}`, await insertUser(db, name, PASSWORD, [role]));
    }
  }
  const targetUserId = await insertUser(db, 'target', PASSWORD, ['police']);
  // Asks for a removal on each case, so the others have a request to decide that is not their own.
  const requesterId = await insertUser(db, 'requester', PASSWORD, ['coordinator']);
  const requester = (await call('auth.login', { username: 'requester', password: PASSWORD })).token as string;
  const tokens = new Map<string, string>();
  for (const role of roles) {
    for (const side of ['in', 'out']) {
      const login = await call('auth.login', { username: `${role}-${side}`.replaceAll('_', '-'), password: PASSWORD });
      tokens.set(`${role}:${side}`, login.token as string);
    }
  }
  const coordinator = tokens.get('coordinator:in') ?? '';
  // Each case has a guardian, a consent the guardian gave, and (a trafficking indicator being ticked) an open task.
  const intake = (firstName: string, lastName: string, restricted: boolean) =>
    referral(
      { firstName, lastName, birthDate: '2015-03-01' },
      {
        reported: 'Reported by the school.',
        fields: { receivedAt: '2026-11-22T08:00:00.000Z', source: 'school', urgency: 'urgent', trafficking: ['works_or_begs'] },
        people: [{ person: { new: { firstName: 'Elena', lastName: `${lastName}a` } }, link: guardian }],
        restricted,
      },
      clock.now(),
    );
  const open = await call('cases.create', intake('Ivan', 'Petrov', false), coordinator);
  const restricted = await call('cases.create', intake('Maria', 'Georgiev', true), coordinator);
  for (const role of roles) {
    const userId = ids.get(`${role}:in`) ?? 0;
    if (role === 'coordinator') continue; // already on both teams as their creator
    for (const caseId of [open.id, restricted.id]) await call('cases.addMember', { caseId, userId }, coordinator);
  }
  for (const caseId of [open.id, restricted.id]) await call('cases.addMember', { caseId, userId: requesterId }, coordinator);
  const facts = new Map<number, CaseFacts>();
  for (const caseId of [open.id as number, restricted.id as number]) {
    const before = (await call('cases.get', { caseId }, coordinator)) as unknown as CaseDetail;
    const adultId = before.people[0]!.person.id;
    const consent = await call(
      'cases.recordConsent',
      { caseId, scope: 'information_sharing', decision: 'given', personId: adultId, at: '2026-11-22T08:30:00.000Z', note: '' },
      coordinator,
    );
    const detail = (await call('cases.get', { caseId }, coordinator)) as unknown as CaseDetail;
    expect(detail.tasks.map((t) => [t.kind, t.state])).toEqual([['anti_trafficking_referral', 'open']]);
    facts.set(caseId, { version: detail.version, adultId, consentId: consent.id as number, taskId: detail.tasks[0]!.id } as CaseFacts);
  }

  // The interview work: working hours every day, a room, an interviewer on both teams; on each case an
  // interview, an approved and a pending supplementary request, and two recordings, one with a copy out.
  const saved = await call('resources.saveRules', { ...(contract['resources.saveRules'].example as object), timeZone: 'UTC', hours: EVERY_DAY, dailyLimit: 10 }, coordinator);
  const room = await call('resources.saveRoom', { id: null, version: 0, name: 'Interview room', kind: 'interview', equipment: '', active: true }, coordinator);
  const interviewerId = ids.get('forensic_interviewer:in') ?? 0;
  const medicalRoom = await call('resources.saveRoom', { id: null, version: 0, name: 'Medical room', kind: 'medical', equipment: '', active: true }, coordinator);
  const therapist = tokens.get('therapist:in') ?? '';
  let hour = 8;
  for (const caseId of [open.id as number, restricted.id as number]) {
    const booking = {
      startsAt: `2026-11-23T${String(hour).padStart(2, '0')}:00:00.000Z`,
      durationMinutes: 60,
      roomId: room.id,
      observationRoomId: null,
      interviewerId,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      invitees: [],
      planning: null,
    };
    hour += 3;
    const interview = await call('interviews.schedule', { caseId, supplementaryId: null, ...booking }, coordinator);
    const decide = { decision: 'approved', deciderRole: 'prosecutor', deciderName: 'P', decidedAt: clock.now().toISOString(), sameInterviewer: false, note: '' };
    const approved = await call('interviews.requestSupplementary', { caseId, reason: 'other', details: 'x' }, coordinator);
    await call('interviews.decideSupplementary', { requestId: approved.id, ...decide }, coordinator);
    const pending = await call('interviews.requestSupplementary', { caseId, reason: 'other', details: 'y' }, coordinator);
    const record = async (content: string) => {
      const bytes = Buffer.from(content);
      const started = await call('recordings.startUpload', { interviewId: interview.id, fileName: 'cam.mp4', size: bytes.length }, coordinator);
      const sent = await core.receiveUpload(started.uploadId as string, coordinator, Readable.from([bytes]));
      if (!sent.ok) throw new Error(JSON.stringify(sent.error));
      return call('recordings.register', { interviewId: interview.id, uploadId: started.uploadId, kind: 'main_video' }, coordinator);
    };
    const withCopy = await record(`copied recording of case ${String(caseId)}`);
    const copy = await call(
      'recordings.recordCopy',
      { recordingId: withCopy.id, recipient: 'Inspector Dan Pop', recipientAgency: 'police', medium: 'dvd', purpose: 'File 1/P/2026' },
      coordinator,
    );
    const plain = await record(`recording of case ${String(caseId)}`);
    const toRemove = await record(`recording to remove of case ${String(caseId)}`);
    const asked = await call('recordings.requestRemoval', { recordingId: toRemove.id, reason: 'registered_by_mistake', words: 'Duplicate.' }, requester);
    // The follow-up: an exam and therapy the child consented to, a treatment plan, a meeting with an item for the coordinator, a referral.
    const examBooking = {
      kind: 'forensic',
      startsAt: `2026-11-24T${String(hour).padStart(2, '0')}:00:00.000Z`,
      durationMinutes: 60,
      roomId: medicalRoom.id,
      examinerId: ids.get('medical:in') ?? 0,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      purpose: '',
    };
    const exam = await call('medical.schedule', { caseId, ...examBooking }, coordinator);
    await call('cases.recordConsent', { caseId, scope: 'medical_exam', decision: 'given', personId: null, at: '2026-11-22T08:40:00.000Z', note: '' }, coordinator);
    await call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'given', personId: null, at: '2026-11-22T08:40:00.000Z', note: '' }, coordinator);
    const plan = await call('therapy.savePlan', { caseId, version: 0, goals: [], reviewOn: null, sharedSummary: '' }, therapist);
    const meetingFields = {
      type: 'initial_signal',
      startsAt: '2026-11-22T12:00:00.000Z',
      durationMinutes: 60,
      place: '',
      chairId: ids.get('coordinator:in') ?? 0,
      members: [{ userId: ids.get('coordinator:in') ?? 0, name: 'Coordinator', agency: 'barnahus_staff', present: true }],
    };
    const meeting = await call('meetings.save', { id: null, version: 0, ...meetingFields, cases: [{ caseId, agenda: 'Plan', decisions: '' }] }, coordinator);
    const action = await call(
      'meetings.addAction',
      { meetingId: meeting.id, caseId, what: 'Call the school', ownerId: ids.get('coordinator:in') ?? 0, agency: 'barnahus_staff', dueDate: '2026-12-01' },
      coordinator,
    );
    const sent = await call(
      'referrals.save',
      { ...(contract['referrals.save'].example as object), caseId, sentAt: clock.now().toISOString(), followUpOn: '2026-11-29' },
      coordinator,
    );
    const issued = await call('documents.courtSummary', { caseId, profile: 'court', language: 'ro', recipient: 'Tribunalul Cluj', purpose: 'Dosar 1/P/2026' }, coordinator);
    const document = issued.document as { id: number; sha256: string; number: string };
    const current = await call('interviews.get', { interviewId: interview.id }, coordinator);
    const detail = (await call('cases.get', { caseId }, coordinator)) as unknown as CaseDetail;
    Object.assign(facts.get(caseId)!, {
      version: detail.version,
      interviewId: interview.id,
      interviewVersion: current.version,
      booking,
      approvedRequestId: approved.id,
      pendingRequestId: pending.id,
      recordingWithCopyId: withCopy.id,
      copyId: (copy.entry as { id: number }).id,
      recordingId: plain.id,
      removalRequestId: (asked.removal as { id: number }).id,
      examId: exam.id,
      examVersion: exam.version,
      exam: examBooking,
      planVersion: plan.version,
      meetingId: meeting.id,
      meetingVersion: meeting.version,
      meeting: meetingFields,
      actionId: action.id,
      referralId: sent.id,
      documentId: document.id,
      documentSha256: document.sha256,
      documentNumber: document.number,
    });
  }
  // A destination and one set at it, so configure, run and verify have something real to work on.
  const backupDestination = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-matrix-backups-'));
  const admin = (await call('auth.login', { username: ADMIN.username, password: ADMIN.password })).token as string;
  await call('backups.configure', { destination: backupDestination, scheduleEnabled: true, scheduleTime: '02:00', retention: { daily: 7, weekly: 4, monthly: 12 }, version: 0 }, admin);
  await call('backups.run', {}, admin);
  await core.backups.idle();
  const backupSet = core.backups.status(clock.now()).sets[0]?.name ?? 'no-set-was-made';
  core.close();
  fx = {
    backupDestination,
    backupSet,
    file,
    key,
    clock,
    caseId: open.id as number,
    restrictedCaseId: restricted.id as number,
    facts,
    targetUserId,
    coordinatorId: ids.get('coordinator:in') ?? 0,
    interviewerOutId: ids.get('forensic_interviewer:out') ?? 0,
    rulesVersion: saved.version as number,
    tokens,
  };
}, 120_000);

describe('the permission matrix: every method × every role × on or off the case team', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(policy).sort()).toEqual([...methodNames].sort());
  });

  const cases = methodNames.flatMap((method) => roles.flatMap((role) => [true, false].map((onTeam) => ({ method, role, onTeam }))));

  it.each(cases)('$method as $role, on the team: $onTeam', async ({ method, role, onTeam }) => {
    const status = await statusOf(method, `${role}:${onTeam ? 'in' : 'out'}`, fx.caseId);
    const want = expected(method, role, onTeam, false);
    if (want === 'allowed') expect(status, `${method} as ${role}`).toBe(answerWhenAllowed(method));
    else expect(status, `${method} as ${role}`).toBe(want);
  });

  const scoped = methodNames.filter((m) => policy[m].caseScoped);
  it.each(scoped.flatMap((method) => roles.map((role) => ({ method, role }))))(
    'restricted case: $method as $role off the team is refused like a case that does not exist',
    async ({ method, role }) => {
      const status = await statusOf(method, `${role}:out`, fx.restrictedCaseId);
      const want = expected(method, role, false, true);
      if (want === 'allowed') expect(status).toBe(answerWhenAllowed(method));
      else expect(status).toBe(want);
    },
  );

  it('a guessed id answers exactly as an existing case one may not see', async () => {
    const core = copyOfFixture();
    const token = fx.tokens.get('police:out') ?? null;
    const asked = scoped.filter((m) => policy[m].roles === 'everyone' || policy[m].roles.includes('police'));
    // Cases, and the interviews and recordings of a case, by their own ids.
    expect(asked).toEqual(expect.arrayContaining(['interviews.get', 'interviews.forCase', 'recordings.list', 'recordings.custody', 'recordings.play']));
    for (const method of asked) {
      const existing = await core.dispatch({ method, input: validInput(method, fx.caseId), token, origin });
      const missing = await core.dispatch({ method, input: validInput(method, GUESSED), token, origin });
      expect(existing, method).toEqual(missing);
      expect(existing.status).toBe(404);
    }
    core.close();
  });
});
