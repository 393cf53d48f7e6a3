import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { IssuedDocument } from '../../shared/contract/methods/documents';
import { claimedDocumentNumber, type RedactionProfile } from '../../shared/documents/profiles';
import type { Role } from '../../shared/permissions';
import { gatherCourtSummary } from '../../electron/core/documents/court-summary-gather';
import { groupedHead } from '../../electron/core/documents/checkpoint-stamp';
import { courtSummaryPdf } from '../../electron/core/documents/court-summary-pdf';
import { databaseDigest } from '../support/core';
import { HOURS, MON, TUE, T0, local } from '../support/bucharest';
import { referral } from '../support/intake';
import { fieldRefusal, refusal } from '../support/refusal';
import { staffedCentre } from '../support/staff';
import { tempDir } from '../support/temp';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const people = {
  coord: 'coordinator',
  prosecutor: 'prosecutor',
  prosecutor2: 'prosecutor',
  iv: 'forensic_interviewer',
  officer: 'police',
  outsider: 'police',
  medic: 'medical',
  therapist: 'therapist',
} as const satisfies Record<string, Role>;
type Person = keyof typeof people;

/** Real names, in the scripts the documents must print exactly. */
const NAMES: Record<Person, string> = {
  coord: 'Ana Rusu',
  prosecutor: 'Mihai Ionescu',
  prosecutor2: 'Dana Voicu',
  iv: 'Ștefan Țăranu',
  officer: 'Иван Петров',
  outsider: 'Георги Димитров',
  medic: 'Radu Cernea',
  therapist: 'Ilinca Săvescu',
};

/** Clinical and allegation text, each with a word found nowhere else, that no profile may print. */
const CLINICAL = {
  allegation: 'Vecinul a lovit-o cu cureaua în grădină',
  remarks: 'Copilul s-a ascuns sub masă la întrebarea despre vecin',
  findings: 'Echimoză de cinci centimetri pe antebrațul stâng',
  teamSummary: 'Examinare fără complicații deosebite',
  sessionNotes: 'Coșmaruri în fiecare noapte despre pivniță',
  goal: 'Să doarmă liniștită fără veioză',
  closureNote: 'Familia a refuzat continuarea din motive financiare',
};

const RECORDING = Buffer.from('a recording of the interview, as the camera wrote it');

/**
 * A centre in Cluj on the clock of Bucharest. Case of Ioana Mureșan (born
 * 12 April 2016): the prosecutor, the interviewer Ștefan Țăranu, the officer
 * Иван Петров, a doctor and a therapist on its team. Her interview on Monday
 * was held with her aunt as support person; a judge was invited and did not
 * come. One recording, copied to the police. An examination and a therapy
 * session on Tuesday (closed), a referral and a review meeting. The
 * information-sharing consent is not given yet.
 */
async function centre(options: { certifiedUntil?: string | null } = {}) {
  const { clock, core, db, ids, as, later } = await staffedCentre({ at: T0, people, centreName: 'Barnahus Cluj-Napoca', displayName: (name) => NAMES[name] });
  db.prepare('UPDATE users SET job_title = ? WHERE id = ?').run('Procuror, Parchetul de pe lângă Tribunalul Cluj', ids.prosecutor);
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { version: rules.version, timeZone: 'Europe/Bucharest', hours: HOURS, bufferMinutes: 30, dailyLimit: 2 });
  const room = async (name: string, kind: 'interview' | 'observation' | 'medical') => (await coord.call('resources.saveRoom', { id: null, version: 0, name, kind, equipment: '', active: true })).id;
  const interviewRoom = await room('Camera albastră', 'interview');
  const observation = await room('Camera de observație', 'observation');
  const medicalRoom = await room('Cabinet medical', 'medical');
  // Recorded on Sunday, the day before the interview; `null` leaves it unrecorded until later.
  const certifiedUntil = options.certifiedUntil === undefined ? '2027-06-30' : options.certifiedUntil;
  if (certifiedUntil !== null) {
    await coord.call('resources.saveInterviewer', { userId: ids.iv, version: 0, certification: 'NICHD, certificat 2024', certifiedUntil, protocols: ['nichd'] });
  }

  const created = await coord.call(
    'cases.create',
    referral({ firstName: 'Ioana', lastName: 'Mureșan', birthDate: '2016-04-12' }, { reported: CLINICAL.allegation }, clock.now()),
  );
  const caseId = created.id;
  await coord.call('cases.update', { caseId, version: created.version, changes: { policeFile: 'P-1234/2026', prosecutorFile: '987/P/2026' } });
  for (const name of ['prosecutor', 'iv', 'officer', 'medic', 'therapist'] as const) await coord.call('cases.addMember', { caseId, userId: ids[name] });
  for (const scope of ['medical_exam', 'therapy'] as const) await coord.call('cases.recordConsent', { caseId, scope, decision: 'given', personId: null, at: clock.now().toISOString(), note: '' });

  const interview = await coord.call('interviews.schedule', {
    caseId,
    supplementaryId: null,
    startsAt: local(MON, '10:00'),
    durationMinutes: 60,
    roomId: interviewRoom,
    observationRoomId: observation,
    interviewerId: ids.iv,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: 'Maria Mureșan (mătușă)',
    invitees: [
      { agency: 'police', userId: ids.officer, name: NAMES.officer },
      { agency: 'judge', userId: null, name: 'Judecător Elena Stan' },
    ],
    planning: null,
  });
  const exam = await coord.call('medical.schedule', {
    caseId,
    kind: 'forensic',
    startsAt: local(TUE, '10:00'),
    durationMinutes: 60,
    roomId: medicalRoom,
    examinerId: ids.medic,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    purpose: 'Agreed at the planning meeting.',
  });

  // Tuesday afternoon: the interview and the examination took place.
  later(new Date(local(TUE, '15:00')).getTime() - clock.now().getTime());
  const coordNow = await as('coord');
  const held = await (await as('iv')).call('interviews.recordOutcome', {
    interviewId: interview.id,
    version: interview.version,
    actualStart: local(MON, '10:05'),
    actualEnd: local(MON, '10:55'),
    breaks: [{ start: local(MON, '10:30'), end: local(MON, '10:35') }],
    protocol: 'nichd',
    questionsRelayed: true,
    disclosure: 'full',
    remarks: CLINICAL.remarks,
  });
  for (const attendee of held.attendance) {
    const absent = attendee.role === 'judge';
    await coordNow.call('interviews.saveAttendee', {
      interviewId: interview.id,
      attendeeId: attendee.id,
      version: attendee.version,
      name: attendee.name,
      userId: attendee.userId,
      agency: attendee.agency,
      role: attendee.role,
      location: attendee.location,
      arrivedAt: absent ? null : local(MON, '09:50'),
      leftAt: absent ? null : local(MON, '11:00'),
      absent,
    });
  }
  const token = coordNow.token;
  const started = await coordNow.call('recordings.startUpload', { interviewId: interview.id, fileName: 'interviu-camera1.mp4', size: RECORDING.length });
  const sent = await core.receiveUpload(started.uploadId, token, Readable.from([RECORDING]));
  expect(sent.ok).toBe(true);
  const recording = await coordNow.call('recordings.register', { interviewId: interview.id, uploadId: started.uploadId, kind: 'main_video' });
  await coordNow.call('recordings.recordCopy', { recordingId: recording.id, recipient: NAMES.officer, recipientAgency: 'police', medium: 'dvd', purpose: 'Dosar P-1234/2026' });

  await (await as('medic')).call('medical.record', { examId: exam.id, version: exam.version, performedAt: local(TUE, '10:10'), findings: CLINICAL.findings, teamSummary: CLINICAL.teamSummary });
  const therapist = await as('therapist');
  await therapist.call('therapy.saveSession', { caseId, id: null, version: 0, startsAt: local(TUE, '12:00'), durationMinutes: 50, type: 'crisis_intervention', attendance: 'attended', notes: CLINICAL.sessionNotes });
  const plan = await therapist.call('therapy.savePlan', { caseId, version: 0, goals: [{ text: CLINICAL.goal, state: 'open' }], reviewOn: null, sharedSummary: '' });
  await therapist.call('therapy.close', { caseId, version: plan.version, closedOn: TUE, reason: 'family_withdrew', note: CLINICAL.closureNote });
  await coordNow.call('referrals.save', {
    caseId,
    id: null,
    version: 0,
    subject: 'child',
    personId: null,
    serviceKind: 'mental_health',
    serviceName: 'Centrul de Sănătate Mintală Cluj',
    contact: '',
    sentAt: local(TUE, '13:00'),
    consentBasis: 'legal_duty',
    followUpOn: '2026-12-01',
    notes: '',
  });
  await coordNow.call('meetings.save', {
    id: null,
    version: 0,
    type: 'follow_up',
    startsAt: local('2026-11-26', '10:00'),
    durationMinutes: 60,
    place: 'Sala de ședințe',
    chairId: ids.coord,
    members: [{ userId: ids.coord, name: NAMES.coord, agency: 'barnahus_staff', present: false }],
    cases: [{ caseId, agenda: 'Follow-up', decisions: '' }],
  });

  const giveSharingConsent = () =>
    coordNow.call('cases.recordConsent', { caseId, scope: 'information_sharing', decision: 'given', personId: null, at: clock.now().toISOString(), note: '' });
  const issue = async (who: Person, profile: RedactionProfile = 'court', language: 'en' | 'ro' | 'bg' = 'ro') =>
    (await as(who)).call('documents.courtSummary', { caseId, profile, language, recipient: 'Tribunalul Cluj, Secția penală', purpose: 'Dosarul nr. 987/P/2026, termen 12 ianuarie 2027' });
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { clock, core, db, ids, as, later, caseId, interviewId: interview.id, issue, giveSharingConsent, digest };
}

/** The text as pdftotext reads it, every run of white space one space (table cells wrap). */
function textOf(pdf: Buffer): string {
  const file = path.join(tempDir(), 'summary.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const bytesOf = (issued: { pdf: string }) => Buffer.from(issued.pdf, 'base64');

function expectNoClinicalText(text: string): void {
  for (const [what, words] of Object.entries(CLINICAL)) expect(text, what).not.toContain(words);
  for (const word of ['cureaua', 'ascuns', 'Echimoză', 'complicații', 'pivniță', 'veioză', 'financiare']) expect(text).not.toContain(word);
}

describe('court summaries', () => {
  it('an assigned prosecutor issues one: stored with its SHA-256, numbered, on the timeline and in the audit log; redacted for the court', async () => {
    const { db, caseId, issue, as, giveSharingConsent } = await centre();
    await giveSharingConsent();
    const issued = await issue('prosecutor');
    const bytes = bytesOf(issued);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(issued.document).toMatchObject({
      number: 'DOC-2026-00001',
      kind: 'court_summary',
      caseId,
      caseReference: 'BH-2026-0001',
      meetingId: null,
      profile: 'court',
      language: 'ro',
      recipient: 'Tribunalul Cluj, Secția penală',
      generatedBy: NAMES.prosecutor,
      sha256: sha256(bytes),
      size: bytes.length,
    } satisfies Partial<IssuedDocument>);
    expect(issued.fileName).toBe('court-summary-BH-2026-0001-DOC-2026-00001.pdf');
    const stored = db.prepare('SELECT sha256, size, pages, pdf FROM issued_documents WHERE id = ?').get(issued.document.id) as { sha256: string; size: number; pages: number; pdf: Buffer };
    expect(stored.sha256).toBe(sha256(stored.pdf));
    expect(stored.pdf.equals(bytes)).toBe(true);
    expect(stored.size).toBe(bytes.length);
    const file = path.join(tempDir(), 'court.pdf');
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(stored.pages).toBe(pages);
    expect(issued.document.pages).toBe(pages);
    expect(claimedDocumentNumber(bytes)).toBe('DOC-2026-00001');

    const text = textOf(bytes);
    // The child by initials and birth year only; her aunt by initials too.
    expect(text).toContain('I. M.');
    // The aunt's relation to the child stays: the court weighs who sat with her.
    expect(text).toContain('M. M. (mătușă)');
    expect(text).not.toContain('Ioana');
    expect(text).not.toContain('Mureșan');
    expect(text).not.toContain('2016-04-12');
    expect(text).not.toContain('12.04.2016');
    // Everyone else exactly, in Romanian and Bulgarian script.
    for (const name of [NAMES.iv, NAMES.officer, NAMES.coord, NAMES.prosecutor, 'Judecător Elena Stan', 'Barnahus Cluj-Napoca', 'BH-2026-0001', 'DOC-2026-00001', 'P-1234/2026', '987/P/2026']) {
      expect(text, name).toContain(name);
    }
    expect(text).toContain(sha256(RECORDING));
    // File names are typed by people and may name the child: the court copy numbers the recordings instead.
    expect(text).not.toContain('interviu-camera1');
    expect(text).toContain('Înregistrarea 1 din 1');
    // Follow-up under the court profile: the exam and therapy took place, not the referrals or meetings.
    expect(text).toContain(NAMES.medic);
    expect(text).toContain(NAMES.therapist);
    expect(text).not.toContain('Centrul de Sănătate Mintală Cluj');
    expectNoClinicalText(text);

    // The number counts up through the year.
    const second = await issue('prosecutor', 'court', 'bg');
    expect(second.document.number).toBe('DOC-2026-00002');
    expect(second.document.sha256).not.toBe(issued.document.sha256);

    const timeline = await (await as('officer')).call('cases.timeline', { caseId, groups: ['documents'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['document_issued', { number: 'DOC-2026-00002', profile: 'court', language: 'bg', recipient: 'Tribunalul Cluj, Secția penală' }],
      ['document_issued', { number: 'DOC-2026-00001', profile: 'court', language: 'ro', recipient: 'Tribunalul Cluj, Secția penală' }],
    ]);
    const audit = db.prepare("SELECT username, case_id, record, outcome, detail FROM audit_log WHERE method = 'documents.courtSummary' ORDER BY id").all() as {
      username: string;
      case_id: number;
      record: string;
      outcome: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ username: 'prosecutor', case_id: caseId, record: `document:${issued.document.id}`, outcome: 'ok' });
    expect(audit[0]!.detail).toContain('DOC-2026-00001');
    expect(audit[0]!.detail).toContain(issued.document.sha256);

    // The team sees the list, newest first; issuing changed nothing in the case file itself.
    const list = await (await as('therapist')).call('documents.list', { caseId });
    expect(list.documents.map((d) => d.number)).toEqual(['DOC-2026-00002', 'DOC-2026-00001']);
    expect(list.documents[1]).toEqual(issued.document);
  });

  it('recording file names (which carry children’s names) are printed only under the internal profile: the others say "Recording 1 of 2" and the format', async () => {
    const { core, interviewId, as, issue, giveSharingConsent } = await centre();
    await giveSharingConsent();
    const coord = await as('coord');
    const canary = Buffer.from('the second camera, whose file a tired operator named after the child');
    const started = await coord.call('recordings.startUpload', { interviewId, fileName: 'CANARY-interview-Zoltan.wav', size: canary.length });
    expect((await core.receiveUpload(started.uploadId, coord.token, Readable.from([canary]))).ok).toBe(true);
    const second = await coord.call('recordings.register', { interviewId, uploadId: started.uploadId, kind: 'second_camera' });
    // People repeat the file name in what they log about it.
    const { entry } = await coord.call('recordings.recordCopy', { recordingId: second.id, recipient: 'Judge Elena Stan', recipientAgency: 'judge', medium: 'dvd', purpose: 'Copy of canary-interview-zoltan for the hearing' });
    await coord.call('recordings.recordReturn', { recordingId: second.id, copyId: entry.id, note: 'CANARY-interview-Zoltan.wav came back sealed' });

    for (const profile of ['court', 'mdt'] as const) {
      const text = textOf(bytesOf(await issue('coord', profile, 'en')));
      expect(text, profile).not.toMatch(/zoltan|canary|interviu-camera1/i);
      expect(text, profile).toContain('Recording 2 of 2: Second camera');
      expect(text, profile).toContain('Recording 2 of 2 (the file name is not printed under this profile)');
    }
    const court = textOf(bytesOf(await issue('coord', 'court', 'en')));
    // The custody rows keep what happened, with the recording's number where its name was.
    expect(court).toContain('Copy of #2/2 for the hearing');
    expect(court).toContain('#2/2 came back sealed');
    const internal = textOf(bytesOf(await issue('coord', 'internal', 'en')));
    expect(internal).toContain('CANARY-interview-Zoltan.wav');
    expect(internal).toContain('interviu-camera1.mp4');
  });

  it('the multidisciplinary team profile names the child and lists referrals and meetings; the internal one is for coordinators only', async () => {
    const { db, ids, caseId, as, issue, giveSharingConsent, digest } = await centre();
    await giveSharingConsent();
    const mdt = await issue('coord', 'mdt', 'en');
    const text = textOf(bytesOf(mdt));
    expect(text).toContain('Ioana Mureșan');
    expect(text).toContain('Maria Mureșan');
    expect(text).toContain('Centrul de Sănătate Mintală Cluj');
    expect(text).not.toContain('2016-04-12');
    expectNoClinicalText(text);
    const data = gatherCourtSummary(db, { userId: ids.coord, roles: ['coordinator'] }, caseId, { ...fields('mdt'), number: mdt.document.number, generatedAt: new Date(mdt.document.generatedAt) });
    expect(data.followUp.meetings).toEqual([{ type: 'follow_up', startsAt: local('2026-11-26', '10:00'), status: 'planned' }]);
    expect(data.interviews[0]!.recordings[0]).toMatchObject({ custody: null, custodyCount: 2 });
    expect(data.consents).toBeNull();

    // The prosecutor may not make the centre's internal file: refused on the field, and nothing is written (no number used).
    await as('prosecutor');
    const before = digest();
    const issues = await fieldRefusal(issue('prosecutor', 'internal'));
    expect(issues).toEqual([expect.objectContaining({ path: ['profile'], message: checkMessages.internalProfile })]);
    expect(digest()).toBe(before);

    const internal = await issue('coord', 'internal', 'ro');
    expect(internal.document.number).toBe('DOC-2026-00002');
    const full = textOf(bytesOf(internal));
    expect(full).toContain('Ioana Mureșan');
    expectNoClinicalText(full);
    const internalData = gatherCourtSummary(db, { userId: ids.coord, roles: ['coordinator'] }, caseId, { ...fields('internal'), number: 'DOC-2026-00002', generatedAt: new Date(internal.document.generatedAt) });
    expect(internalData.child.birth).toBe('2016-04-12');
    expect(internalData.consents?.map((c) => [c.scope, c.decision, c.byName])).toEqual([
      ['medical_exam', 'given', 'Ioana Mureșan'],
      ['therapy', 'given', 'Ioana Mureșan'],
      ['information_sharing', 'given', 'Ioana Mureșan'],
    ]);
  });

  it('without the information-sharing consent the follow-up is withheld; no profile ever prints clinical text', async () => {
    const { db, ids, caseId, issue, giveSharingConsent } = await centre();
    const withheld = await issue('prosecutor', 'court', 'en');
    const text = textOf(bytesOf(withheld));
    expect(text).not.toContain(NAMES.medic);
    expect(text).not.toContain(NAMES.therapist);
    expectNoClinicalText(text);
    const data = gatherCourtSummary(db, { userId: ids.prosecutor, roles: ['prosecutor'] }, caseId, { ...fields('court'), number: 'DOC-2026-00001', generatedAt: new Date() });
    expect(data.followUp).toEqual({ withheld: 'no_sharing_consent', medical: null, therapy: null, referrals: null, meetings: null });

    await giveSharingConsent();
    const coordinator = { userId: ids.coord, roles: ['coordinator'] as const };
    for (const profile of ['court', 'mdt', 'internal'] as const) {
      const gathered = gatherCourtSummary(db, coordinator, caseId, { ...fields(profile), number: 'DOC-2026-00009', generatedAt: new Date() });
      // The data itself holds none of it, whatever a renderer does with it.
      const json = JSON.stringify(gathered);
      for (const [what, words] of Object.entries(CLINICAL)) expect(json, `${profile}: ${what}`).not.toContain(words);
      expect(gathered.followUp.withheld).toBeNull();
      expect(gathered.followUp.medical).toEqual([{ kind: 'forensic', status: 'held', startsAt: local(TUE, '10:00'), performedAt: local(TUE, '10:10'), examiner: NAMES.medic, pendingFollowups: 0 }]);
      expect(gathered.followUp.therapy).toEqual({
        sessions: [{ startsAt: local(TUE, '12:00'), durationMinutes: 50, type: 'crisis_intervention', attendance: 'attended', therapist: NAMES.therapist }],
        closed: { at: TUE, reason: 'family_withdrew' },
      });
      expect(gathered.followUp.referrals === null).toBe(profile === 'court');
      const issued = await issue('coord', profile, 'bg');
      expectNoClinicalText(textOf(bytesOf(issued)));
    }
  });

  it('the interview as the court reads it: times, attendance with the absent judge, the recording and its custody oldest first', async () => {
    const { db, ids, caseId } = await centre();
    const data = gatherCourtSummary(db, { userId: ids.prosecutor, roles: ['prosecutor'] }, caseId, { ...fields('court'), number: 'DOC-2026-00001', generatedAt: new Date() });
    expect(data.child).toEqual({ name: 'I. M.', birth: '2016', languages: [], interpreterNeeded: false, interpreterLanguage: '' });
    expect(data.generatedBy).toEqual({ name: NAMES.prosecutor, jobTitle: 'Procuror, Parchetul de pe lângă Tribunalul Cluj' });
    expect(data.signatures).toEqual({ coordinator: NAMES.coord, interviewer: NAMES.iv });
    expect(data.oneInterview).toEqual({ count: 1, supplementary: [], cancelled: [] });
    const [interview] = data.interviews;
    expect(interview).toMatchObject({
      sequence: 1,
      status: 'held',
      actualStart: local(MON, '10:05'),
      actualEnd: local(MON, '10:55'),
      breaks: [{ start: local(MON, '10:30'), end: local(MON, '10:35') }],
      room: 'Camera albastră',
      observationRoom: 'Camera de observație',
      interviewer: { name: NAMES.iv, certification: 'NICHD, certificat 2024', certifiedUntil: '2027-06-30', lapsed: false, recordedAfter: null },
      protocol: 'nichd',
      questionsRelayed: true,
      supportPerson: 'M. M. (mătușă)',
      childAge: 10,
    });
    expect(interview!.attendance.map((a) => [a.name, a.role, a.absent, a.invited])).toEqual([
      [NAMES.iv, 'interviewer', false, true],
      ['M. M. (mătușă)', 'support_person', false, true],
      [NAMES.officer, 'observer', false, true],
      ['Judecător Elena Stan', 'judge', true, true],
    ]);
    expect(interview!.recordings[0]!.custody!.map((k) => k.action)).toEqual(['registered', 'copied']);
    expect(interview!.recordings[0]).toMatchObject({ fileName: null, sha256: sha256(RECORDING), size: RECORDING.length, custodyCount: 2 });
    // The registration logs the file name as uploaded: the court copy keeps the entry, not the name.
    expect(interview!.recordings[0]!.custody![0]!.note).toBe('');
  });

  it("prints the interviewer's certification as it stood on the interview day, not as it stands when printed", async () => {
    const { ids, as, issue } = await centre();
    const coord = await as('coord');
    // Tuesday: the certification is renewed, after Monday's interview.
    const before = (await coord.call('resources.list', {})).interviewers.find((i) => i.userId === ids.iv)!;
    const renewed = await coord.call('resources.saveInterviewer', {
      userId: ids.iv,
      version: before.version,
      certification: 'NICHD, recertificat 2026',
      certifiedUntil: '2029-11-30',
      protocols: ['nichd', 'peace'],
    });
    expect(renewed.certification).toBe('NICHD, recertificat 2026');
    expect(renewed.certificationHistory.map((r) => [r.certification, r.certifiedUntil, r.recordedBy])).toEqual([
      ['NICHD, recertificat 2026', '2029-11-30', NAMES.coord],
      ['NICHD, certificat 2024', '2027-06-30', NAMES.coord],
    ]);
    expect(renewed.certificationHistory[0]!.recordedAt > renewed.certificationHistory[1]!.recordedAt).toBe(true);
    // Saving it again with only the protocols changed adds no certification to the history.
    const { userId, version, certification, certifiedUntil } = renewed;
    const again = await coord.call('resources.saveInterviewer', { userId, version, certification, certifiedUntil, protocols: ['nichd'] });
    expect(again.certificationHistory).toHaveLength(2);

    const text = textOf(bytesOf(await issue('prosecutor')));
    expect(text).toContain('NICHD, certificat 2024, valabilă până la');
    expect(text).not.toContain('recertificat');
    expect(text).not.toContain('EXPIRATĂ');
  });

  it('says when the certification had expired before the interview, and when the only record of it is later than the interview', async () => {
    const lapsed = await centre({ certifiedUntil: '2026-11-20' });
    const lapsedText = textOf(bytesOf(await lapsed.issue('prosecutor', 'court', 'en')));
    expect(lapsedText).toMatch(/NICHD, certificat 2024, EXPIRED on [^,]+, before this interview/);

    const unrecorded = await centre({ certifiedUntil: null });
    const coord = await unrecorded.as('coord');
    const blank = (await coord.call('resources.list', {})).interviewers.find((i) => i.userId === unrecorded.ids.iv)!;
    expect(blank.certificationHistory).toEqual([]);
    await coord.call('resources.saveInterviewer', { userId: unrecorded.ids.iv, version: blank.version, certification: 'PEACE, 2025', certifiedUntil: null, protocols: ['peace'] });
    const text = textOf(bytesOf(await unrecorded.issue('prosecutor', 'court', 'en')));
    expect(text).toMatch(/PEACE, 2025, first recorded on [^,]+, after this interview/);
  });

  it('the one-interview record: the supplementary request with its decision and the interview it was used for; a cancelled interview counts apart', async () => {
    const { db, ids, caseId, as } = await centre();
    const coord = await as('coord');
    const request = await coord.call('interviews.requestSupplementary', { caseId, reason: 'new_disclosure', details: 'A doua persoană numită la terapie.' });
    await (await as('prosecutor')).call('interviews.decideSupplementary', {
      requestId: request.id,
      decision: 'approved',
      deciderRole: 'prosecutor',
      deciderName: NAMES.prosecutor,
      decidedAt: local(TUE, '15:00'),
      sameInterviewer: true,
      note: 'Aceeași intervievatoare.',
    });
    const booking = { startsAt: local('2026-11-26', '10:00'), durationMinutes: 60, roomId: 1, observationRoomId: null, interviewerId: ids.iv, interpreterId: null, interpreterLanguage: '', supportPerson: '', invitees: [], planning: null };
    const second = await coord.call('interviews.schedule', { caseId, supplementaryId: request.id, ...booking });
    const gather = () => gatherCourtSummary(db, { userId: ids.prosecutor, roles: ['prosecutor'] }, caseId, { ...fields('court'), number: 'DOC-2026-00001', generatedAt: new Date() });
    let data = gather();
    expect(data.interviews.map((i) => [i.sequence, i.status])).toEqual([
      [1, 'held'],
      [2, 'scheduled'],
    ]);
    expect(data.oneInterview.count).toBe(2);
    expect(data.oneInterview.supplementary).toEqual([
      {
        reason: 'new_disclosure',
        details: 'A doua persoană numită la terapie.',
        requestedAt: local(TUE, '15:00'),
        requestedBy: NAMES.coord,
        state: 'approved',
        decision: { deciderRole: 'prosecutor', deciderName: NAMES.prosecutor, decidedAt: local(TUE, '15:00'), sameInterviewer: true, note: 'Aceeași intervievatoare.' },
        usedFor: 2,
      },
    ]);
    // The held interview's interviewer signs, not the one of a later booking.
    expect(data.signatures.interviewer).toBe(NAMES.iv);

    await coord.call('interviews.cancel', { interviewId: second.id, version: second.version, reason: 'Copilul este bolnav.' });
    data = gather();
    expect(data.interviews.map((i) => i.sequence)).toEqual([1]);
    expect(data.oneInterview).toMatchObject({ count: 1, cancelled: [{ scheduledStart: local('2026-11-26', '10:00'), reason: 'Copilul este bolnav.' }] });
    expect(data.oneInterview.supplementary[0]!.usedFor).toBeNull();
  });

  it("numbers documents by the year on the centre's clock: New Year's night in Bucharest is already next year", async () => {
    const { clock, later, issue, giveSharingConsent } = await centre();
    await giveSharingConsent();
    expect((await issue('prosecutor')).document.number).toBe('DOC-2026-00001');
    // 22:30 UTC on 31 December is 00:30 on 1 January in Bucharest.
    later(Date.parse('2026-12-31T22:30:00.000Z') - clock.now().getTime());
    const first = await issue('prosecutor');
    expect(first.document).toMatchObject({ number: 'DOC-2027-00001', generatedAt: '2026-12-31T22:30:00.000Z' });
    expect(claimedDocumentNumber(bytesOf(first))).toBe('DOC-2027-00001');
    expect((await issue('coord')).document.number).toBe('DOC-2027-00002');
  });

  it('is refused to a prosecutor not on the team (404) and to roles without the permission (403), changing nothing', async () => {
    const { caseId, as, digest } = await centre();
    for (const name of ['prosecutor', 'prosecutor2', 'officer', 'therapist'] as const) await as(name);
    const before = digest();
    const body = { caseId, profile: 'court', language: 'ro', recipient: 'Tribunal', purpose: 'Hearing' } as const;
    expect((await refusal((await as('prosecutor2')).call('documents.courtSummary', body))).status).toBe(404);
    expect((await refusal((await as('prosecutor2')).call('documents.courtSummary', { ...body, caseId: 99_999 }))).status).toBe(404);
    expect((await refusal((await as('officer')).call('documents.courtSummary', body))).status).toBe(403);
    expect((await refusal((await as('therapist')).call('documents.courtSummary', body))).status).toBe(403);
    const issues = await fieldRefusal((await as('prosecutor')).call('documents.courtSummary', { ...body, recipient: '   ', profile: 'secret' as never }));
    expect(issues.map((i) => i.path[0]).sort()).toEqual(['profile', 'recipient']);
    expect(digest()).toBe(before);
  });

  it('is byte-for-byte reproducible from the database; downloads give the same bytes; verify tells issued, altered and unknown apart', async () => {
    const { core, db, ids, caseId, issue, as, giveSharingConsent } = await centre();
    await giveSharingConsent();
    const issued = await issue('prosecutor', 'court', 'ro');
    const bytes = bytesOf(issued);
    const { document } = issued;

    // The same data, moment and audit checkpoint (kept in the anchor file under the document's number) make the same file.
    const checkpoint = core.anchor.read().checkpoints.find((c) => c.document === document.number);
    expect(checkpoint).toMatchObject({ reason: 'document', at: document.generatedAt });
    const again = courtSummaryPdf(
      gatherCourtSummary(db, { userId: ids.prosecutor, roles: ['prosecutor'] }, caseId, {
        profile: document.profile!,
        language: document.language,
        recipient: document.recipient,
        purpose: document.purpose,
        number: document.number,
        generatedAt: new Date(document.generatedAt),
      }),
      checkpoint,
    );
    expect(again.sha256).toBe(document.sha256);
    expect(again.bytes.equals(bytes)).toBe(true);

    const prosecutor = await as('prosecutor');
    const downloaded = await prosecutor.call('documents.download', { documentId: document.id });
    expect(bytesOf(downloaded).equals(bytes)).toBe(true);
    expect(downloaded.document).toEqual(document);
    expect(downloaded.fileName).toBe(issued.fileName);
    expect((await refusal((await as('prosecutor2')).call('documents.download', { documentId: document.id }))).status).toBe(404);
    expect((await refusal((await as('prosecutor2')).call('documents.download', { documentId: 99_999 }))).status).toBe(404);
    const internal = await issue('coord', 'internal');
    expect((await refusal(prosecutor.call('documents.download', { documentId: internal.document.id }))).status).toBe(403);
    expect(bytesOf(await (await as('coord')).call('documents.download', { documentId: internal.document.id })).equals(bytesOf(internal))).toBe(true);

    // Unaltered: issued, and which.
    const verified = await prosecutor.call('documents.verify', { sha256: sha256(bytes), claimedNumber: claimedDocumentNumber(bytes) });
    expect(verified).toEqual({ verdict: 'issued', document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: null }, details: document });

    // One byte changed in the middle of the file: it still claims the number, and is told apart.
    const altered = Buffer.from(bytes);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = altered[middle]! ^ 0x01;
    expect(sha256(altered)).not.toBe(document.sha256);
    const claimed = claimedDocumentNumber(altered);
    expect(claimed).toBe(document.number);
    const rejected = await prosecutor.call('documents.verify', { sha256: sha256(altered), claimedNumber: claimed });
    expect(rejected).toEqual({ verdict: 'altered', document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: null }, details: document });
    // A colleague who may not see the case learns the number is real, nothing of the case.
    const outsider = await (await as('outsider')).call('documents.verify', { sha256: sha256(altered), claimedNumber: claimed });
    expect(outsider).toEqual({ verdict: 'altered', document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: null }, details: null });
    expect(JSON.stringify(outsider)).not.toContain('BH-2026');
    // The genuine file, in the hands of a colleague who may not see the case: issued, its number and date, nothing else.
    const outsiderGenuine = await (await as('outsider')).call('documents.verify', { sha256: sha256(bytes), claimedNumber: document.number });
    expect(outsiderGenuine).toEqual({ verdict: 'issued', document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: null }, details: null });
    for (const secret of ['BH-2026', document.recipient, document.purpose, document.generatedBy]) {
      expect(JSON.stringify(outsiderGenuine)).not.toContain(secret);
    }

    // Not the centre's.
    const stranger = randomBytes(32).toString('hex');
    expect(await prosecutor.call('documents.verify', { sha256: stranger, claimedNumber: null })).toEqual({ verdict: 'unknown', document: null, details: null });
    expect(await prosecutor.call('documents.verify', { sha256: stranger, claimedNumber: 'DOC-2026-99999' })).toEqual({ verdict: 'unknown', document: null, details: null });
    const verdicts = db.prepare("SELECT detail FROM audit_log WHERE method = 'documents.verify' ORDER BY id").all() as { detail: string }[];
    expect(verdicts.map((v) => v.detail.split(':')[0])).toEqual(['issued', 'altered', 'altered', 'issued', 'unknown', 'unknown']);
    expect(verdicts[1]!.detail).toContain(document.number);

    // Not a hash, not a number.
    expect((await fieldRefusal(prosecutor.call('documents.verify', { sha256: 'xyz', claimedNumber: null }))).map((i) => i.path)).toEqual([['sha256']]);
    expect(await fieldRefusal(prosecutor.call('documents.verify', { sha256: stranger, claimedNumber: 'DOC-26-1' }))).toEqual([
      expect.objectContaining({ path: ['claimedNumber'], message: checkMessages.documentNumber }),
    ]);
    expect((await refusal((await as('outsider')).call('documents.list', { caseId }))).status).toBe(404);
  });

  it('writes an audit checkpoint to the anchor file and prints it at the foot of the last page, on the centre’s clock', async () => {
    const { core, db, issue } = await centre();
    const issued = await issue('prosecutor', 'court', 'ro');
    const checkpoint = core.anchor.read().checkpoints.at(-1)!;
    // The entries committed before the issue: the issue's own entry is the next one.
    const issueEntry = db.prepare("SELECT id FROM audit_log WHERE method = 'documents.courtSummary' ORDER BY id DESC").pluck().get() as number;
    const before = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(issueEntry - 1) as string;
    expect(checkpoint).toEqual({ entry: issueEntry - 1, head: before, at: issued.document.generatedAt, reason: 'document', document: issued.document.number });

    const when = format(new TZDate(Date.parse(checkpoint.at), 'Europe/Bucharest'), 'dd.MM.yyyy, HH:mm');
    // SAVE_PDF=file.pdf keeps a copy to look at (pdftoppm).
    if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, bytesOf(issued));
    const text = textOf(bytesOf(issued));
    expect(text).toContain(`Punct de control al jurnalului de audit: intrarea ${checkpoint.entry} · ${when}`);
    expect(text).toContain(`hash ${groupedHead(checkpoint.head)}`);
    const english = textOf(bytesOf(await issue('prosecutor', 'court', 'en')));
    expect(english).toMatch(/Audit checkpoint: entry \d+ · \d{1,2} [A-Z][a-z]{2} 2026, \d\d:\d\d head( [0-9a-f]{8}){8}/);
  });

  it('is withdrawn by its issuer or a coordinator, with a reason: it stays in the register, and checking the file says it was withdrawn', async () => {
    const { db, caseId, as, issue, later, digest } = await centre();
    const issued = await issue('prosecutor');
    const { document } = issued;
    const bytes = bytesOf(issued);
    expect(document.withdrawal).toBeNull();
    const reason = 'Trimis instanței greșite; reemis ca DOC-2026-00002.';

    // Refused, changing nothing: another prosecutor on the team, the officer, someone off the case, a blank reason, no such document.
    await as('prosecutor2');
    const coordNow = await as('coord');
    await coordNow.call('cases.addMember', { caseId, userId: (db.prepare("SELECT id FROM users WHERE username = 'prosecutor2'").get() as { id: number }).id });
    const [other, officer, outsider, issuer] = [await as('prosecutor2'), await as('officer'), await as('outsider'), await as('prosecutor')];
    const before = digest();
    expect((await refusal(other.call('documents.withdraw', { documentId: document.id, reason }))).status).toBe(403);
    expect((await refusal(officer.call('documents.withdraw', { documentId: document.id, reason }))).status).toBe(403);
    expect((await refusal(outsider.call('documents.withdraw', { documentId: document.id, reason }))).status).toBe(403);
    expect((await refusal(other.call('documents.withdraw', { documentId: 99_999, reason }))).status).toBe(404);
    expect((await fieldRefusal(issuer.call('documents.withdraw', { documentId: document.id, reason: '  ' }))).map((i) => i.path)).toEqual([['reason']]);
    expect(digest()).toBe(before);

    later(10 * 60_000);
    const withdrawn = await issuer.call('documents.withdraw', { documentId: document.id, reason });
    expect(withdrawn).toEqual({ ...document, withdrawal: { at: withdrawn.withdrawal!.at, by: NAMES.prosecutor, reason } });
    expect(Date.parse(withdrawn.withdrawal!.at) - Date.parse(document.generatedAt)).toBe(10 * 60_000);
    // The file is kept, byte for byte, and is still handed out (the register must show what was sent).
    expect(bytesOf(await coordNow.call('documents.download', { documentId: document.id })).equals(bytes)).toBe(true);
    // Once only: a second withdrawal (here by a coordinator) is a conflict that keeps the first reason.
    const twice = await refusal(coordNow.call('documents.withdraw', { documentId: document.id, reason: 'Alt motiv.' }));
    expect(twice.status).toBe(409);
    expect((await coordNow.call('documents.list', { caseId })).documents[0]!.withdrawal).toEqual(withdrawn.withdrawal);

    // Checking the unaltered file: withdrawn, with when, by whom and why; an altered copy says its document was withdrawn.
    const checker = officer;
    const checked = await checker.call('documents.verify', { sha256: sha256(bytes), claimedNumber: document.number });
    expect(checked).toEqual({
      verdict: 'withdrawn',
      document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: withdrawn.withdrawal!.at },
      details: withdrawn,
    });
    const altered = Buffer.from(bytes);
    altered[100] = altered[100]! ^ 0x01;
    const foreign = await outsider.call('documents.verify', { sha256: sha256(altered), claimedNumber: document.number });
    expect(foreign).toEqual({ verdict: 'altered', document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: withdrawn.withdrawal!.at }, details: null });
    // The unaltered file from outside the case: withdrawn and when, not by whom or why.
    const foreignGenuine = await outsider.call('documents.verify', { sha256: sha256(bytes), claimedNumber: document.number });
    expect(foreignGenuine).toEqual({ verdict: 'withdrawn', document: { number: document.number, generatedAt: document.generatedAt, withdrawnAt: withdrawn.withdrawal!.at }, details: null });

    // A coordinator may withdraw a document someone else issued; both are on the timeline and in the audit log.
    const second = await issue('prosecutor', 'court', 'bg');
    await coordNow.call('documents.withdraw', { documentId: second.document.id, reason: 'Greșeală de traducere.' });
    const timeline = await checker.call('cases.timeline', { caseId, groups: ['documents'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['document_withdrawn', { number: second.document.number, reason: 'Greșeală de traducere.' }],
      ['document_issued', { number: second.document.number, profile: 'court', language: 'bg', recipient: 'Tribunalul Cluj, Secția penală' }],
      ['document_withdrawn', { number: document.number, reason }],
      ['document_issued', { number: document.number, profile: 'court', language: 'ro', recipient: 'Tribunalul Cluj, Secția penală' }],
    ]);
    const audit = db.prepare("SELECT username, case_id, record, outcome FROM audit_log WHERE method = 'documents.withdraw' ORDER BY id").all() as {
      username: string;
      case_id: number | null;
      record: string | null;
      outcome: string;
    }[];
    expect(audit.map((a) => [a.username, a.outcome])).toEqual([
      ['prosecutor2', 'forbidden'],
      ['officer', 'forbidden'],
      ['outsider', 'forbidden'],
      ['prosecutor2', 'not_found'],
      // The blank reason never passed validation, so it is not recorded.
      ['prosecutor', 'ok'],
      ['coord', 'conflict'],
      ['coord', 'ok'],
    ]);
    expect(audit[4]).toMatchObject({ case_id: caseId, record: `document:${document.id}` });
  });
});

function fields(profile: RedactionProfile) {
  return { profile, language: 'ro' as const, recipient: 'Tribunalul Cluj, Secția penală', purpose: 'Dosarul nr. 987/P/2026, termen 12 ianuarie 2027' };
}
