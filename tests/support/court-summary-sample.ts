import type { CourtSummaryData, SummaryInterview, SummaryRecording } from '../../electron/core/documents/court-summary-data';
import { initialsOf, profileRules, type RedactionProfile } from '../../shared/documents/profiles';

/**
 * A court summary's data as the gatherer would hand it over: a Romanian
 * child interviewed twice (the second time on an approved supplementary
 * request), a Bulgarian interpreter, recordings with custody logs, and
 * follow-up. `largeCourtSummary` stretches it to about twenty pages for the
 * benchmark.
 */

export const SAMPLE_GENERATED_AT = new Date('2026-11-24T15:30:00.000Z');

/** SHA-256-looking hex, fixed per seed: the PDF must print all 64 characters on one line. */
export function sampleSha(seed: number): string {
  let out = '';
  let x = (seed * 2654435761) >>> 0;
  while (out.length < 64) {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 3266489917) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

function recording(seed: number, kind: SummaryRecording['kind'], fileName: string, start: string, custodyEntries = 4): SummaryRecording {
  const base = Date.parse(start);
  const later = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  const custody: NonNullable<SummaryRecording['custody']> = [
    { at: later(75), by: 'Maria Ionescu', action: 'registered', recipient: '', recipientAgency: '', medium: '', purpose: '', note: '' },
    { at: later(60 * 24), by: 'Ștefan Țăranu', action: 'viewed', recipient: '', recipientAgency: '', medium: '', purpose: '', note: 'la stația de lucru IASI-02' },
    {
      at: later(60 * 24 * 3),
      by: 'Maria Ionescu',
      action: 'copied',
      recipient: 'Иван Петров',
      recipientAgency: 'Parchet',
      medium: 'Disc Blu-ray',
      purpose: 'Dosar penal nr. 1234/P/2026',
      note: 'copia nr. 1',
    },
    { at: later(60 * 24 * 10), by: 'Maria Ionescu', action: 'verified', recipient: '', recipientAgency: '', medium: '', purpose: '', note: '' },
  ];
  for (let i = custody.length; i < custodyEntries; i++)
    custody.push({ at: later(60 * 24 * (10 + i)), by: 'Elena Dumitrescu', action: i % 2 === 0 ? 'viewed' : 'verified', recipient: '', recipientAgency: '', medium: '', purpose: '', note: '' });
  return {
    kind,
    fileName,
    format: kind === 'audio' ? 'WAV (PCM 48 kHz)' : 'MP4 (H.264/AAC)',
    size: kind === 'audio' ? 331_776_044 : 4_213_876_502 + seed,
    durationSeconds: 3725 + seed,
    sha256: sampleSha(seed),
    registeredAt: later(75),
    registeredBy: 'Maria Ionescu',
    deletedAt: null,
    lastCheck: { at: later(60 * 24 * 10), ok: true },
    custody,
    custodyCount: custody.length,
  };
}

function interview(sequence: number, start: string, more: Partial<SummaryInterview> = {}): SummaryInterview {
  const base = Date.parse(start);
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  return {
    sequence,
    status: 'held',
    scheduledStart: at(0),
    scheduledEnd: at(90),
    actualStart: at(5),
    actualEnd: at(82),
    breaks: [{ start: at(40), end: at(50) }],
    room: 'Camera de audiere 1 (Căsuța)',
    observationRoom: 'Sala de observație',
    interviewer: { name: 'Ștefan Țăranu', certification: 'NICHD, Institutul de Criminologie', certifiedUntil: '2027-06-30', lapsed: false, recordedAfter: null },
    protocol: 'nichd_revised',
    questionsRelayed: true,
    interpreter: { name: 'Иван Петров', language: 'bulgară' },
    supportPerson: SUPPORT,
    childAge: 9,
    attendance: [
      { name: 'Ștefan Țăranu', agency: 'barnahus', role: 'interviewer', location: 'interview_room', arrivedAt: at(-10), leftAt: at(85), absent: false, invited: true },
      { name: 'Иван Петров', agency: 'interpreter_service', role: 'interpreter', location: 'interview_room', arrivedAt: at(-15), leftAt: at(85), absent: false, invited: true },
      { name: SUPPORT, agency: 'family', role: 'support_person', location: 'observation_room', arrivedAt: at(-20), leftAt: at(90), absent: false, invited: true },
      { name: 'Comisar Andrei Popa', agency: 'police', role: 'observer', location: 'observation_room', arrivedAt: at(-5), leftAt: at(84), absent: false, invited: true },
      { name: 'Procuror Elena Dumitrescu', agency: 'prosecutor', role: 'observer', location: 'observation_room', arrivedAt: at(0), leftAt: at(84), absent: false, invited: true },
      { name: 'Av. Георги Димитров', agency: 'defence', role: 'defence', location: 'video_link', arrivedAt: null, leftAt: null, absent: true, invited: true },
      { name: 'Radu Lungu', agency: 'barnahus', role: 'technician', location: 'observation_room', arrivedAt: at(-30), leftAt: at(95), absent: false, invited: false },
    ],
    recordings: [recording(sequence * 10 + 1, 'main_video', `BH-2026-0042_interviu${sequence}_camera1.mp4`, start), recording(sequence * 10 + 2, 'audio', `BH-2026-0042_interviu${sequence}_audio.wav`, start)],
    ...more,
  };
}

/**
 * The sample cut to a redaction profile the way the gatherer cuts it
 * (default: court, the profile a prosecutor prints for the court file).
 */
export function courtSummarySample(more: Partial<CourtSummaryData> = {}): CourtSummaryData {
  return redacted({ ...fullSample(), ...more });
}

const CHILD = 'Ana-Maria Călinescu';
const SUPPORT = 'Ioana Mureșan';

function redacted(data: CourtSummaryData): CourtSummaryData {
  const rules = profileRules[data.profile];
  const family = (name: string) => (rules.familyNames === 'initials' ? initialsOf(name) : name);
  const followUp = data.followUp;
  return {
    ...data,
    child: {
      ...data.child,
      name: data.child.name === CHILD && rules.childName === 'initials' ? initialsOf(CHILD) : data.child.name,
      birth: data.child.birth && rules.birth === 'year' ? data.child.birth.slice(0, 4) : data.child.birth,
    },
    interviews: data.interviews.map((i) => ({
      ...i,
      supportPerson: family(i.supportPerson),
      attendance: i.attendance.map((a) => (a.agency === 'family' ? { ...a, name: family(a.name) } : a)),
      recordings: i.recordings.map((r) => ({ ...r, custody: rules.custodyLog === 'entries' ? r.custody : null })),
    })),
    followUp: {
      ...followUp,
      medical: rules.followUp.medical ? followUp.medical : null,
      therapy: rules.followUp.therapy ? followUp.therapy : null,
      referrals: rules.followUp.referrals ? followUp.referrals : null,
      meetings: rules.followUp.meetings ? followUp.meetings : null,
    },
    consents: rules.consents ? data.consents : null,
  };
}

export function sampleFor(profile: RedactionProfile, more: Partial<CourtSummaryData> = {}): CourtSummaryData {
  return courtSummarySample({ profile, ...more });
}

function fullSample(): CourtSummaryData {
  return {
    language: 'ro',
    profile: 'court',
    documentNumber: 'DOC-2026-00017',
    generatedAt: SAMPLE_GENERATED_AT,
    generatedBy: { name: 'Ana Rusu', jobTitle: 'Coordonatoare de caz' },
    timeZone: 'Europe/Bucharest',
    centreName: 'Barnahus Iași',
    recipient: 'Judecătoria Iași, Secția penală',
    purpose: 'Dosarul penal nr. 1234/P/2026: audierea minorului',
    caseReference: 'BH-2026-0042',
    fileNumbers: { policeFile: 'IPJ-IS 5521/2026', prosecutorFile: '1234/P/2026', courtFile: '', childProtectionFile: 'DGASPC 778/2026' },
    child: { name: CHILD, birth: '2016-07-14', languages: ['română', 'bulgară'], interpreterNeeded: true, interpreterLanguage: 'bulgară' },
    interviews: [
      interview(1, '2026-03-12T08:00:00.000Z'),
      interview(2, '2026-05-20T07:30:00.000Z', { childAge: 10, questionsRelayed: false, breaks: [], recordings: [recording(21, 'main_video', 'BH-2026-0042_interviu2_camera1.mp4', '2026-05-20T07:30:00.000Z')] }),
    ],
    oneInterview: {
      count: 2,
      supplementary: [
        {
          reason: 'new_disclosure',
          details: 'După primul interviu, copilul a relatat consilierului școlar fapte noi, petrecute în vara lui 2025, la bunici.',
          requestedAt: '2026-04-02T09:12:00.000Z',
          requestedBy: 'Ana Rusu',
          state: 'approved',
          decision: { deciderRole: 'prosecutor', deciderName: 'Elena Dumitrescu', decidedAt: '2026-04-06T11:00:00.000Z', sameInterviewer: true, note: 'Aprobat; același intervievator.' },
          usedFor: 2,
        },
      ],
      cancelled: [{ scheduledStart: '2026-05-13T07:30:00.000Z', reason: 'Copilul era bolnav (gripă).' }],
    },
    followUp: {
      withheld: null,
      medical: [
        { kind: 'forensic', status: 'held', startsAt: '2026-03-12T11:00:00.000Z', performedAt: '2026-03-12T11:10:00.000Z', examiner: 'Dr. Mihaela Stan', pendingFollowups: 1 },
        { kind: 'follow_up', status: 'scheduled', startsAt: '2026-12-03T09:00:00.000Z', performedAt: null, examiner: 'Dr. Mihaela Stan', pendingFollowups: 0 },
      ],
      therapy: {
        sessions: Array.from({ length: 6 }, (_, i) => ({
          startsAt: new Date(Date.parse('2026-03-19T13:00:00.000Z') + i * 7 * 86_400_000).toISOString(),
          durationMinutes: i === 0 ? 90 : 50,
          type: i === 0 ? ('crisis_intervention' as const) : ('trauma_focused' as const),
          attendance: i === 3 ? ('no_show' as const) : ('attended' as const),
          therapist: 'Psih. Cristina Bălan',
        })),
        closed: null,
      },
      referrals: [{ service: 'school_support', serviceName: 'Școala Gimnazială nr. 7 Iași', sentAt: '2026-03-20T08:00:00.000Z', status: 'in_progress' }],
      meetings: [{ type: 'initial_signal', startsAt: '2026-03-13T10:00:00.000Z', status: 'held' }],
    },
    consents: [
      { scope: 'information_sharing', decision: 'given', byName: SUPPORT, at: '2026-03-11T09:00:00.000Z', withdrawnAt: null },
      { scope: 'medical_exam', decision: 'given', byName: SUPPORT, at: '2026-03-11T09:05:00.000Z', withdrawnAt: null },
      { scope: 'therapy', decision: 'given', byName: SUPPORT, at: '2026-03-11T09:06:00.000Z', withdrawnAt: null },
    ],
    signatures: { coordinator: 'Ana Rusu', interviewer: 'Ștefan Țăranu' },
  };
}

/** Twenty pages or so under the internal profile: many interviews, long custody logs, a year of therapy. */
export function largeCourtSummary(more: Partial<CourtSummaryData> = {}): CourtSummaryData {
  const base = fullSample();
  const interviews = Array.from({ length: 6 }, (_, i) => {
    const start = new Date(Date.parse('2026-02-10T08:00:00.000Z') + i * 21 * 86_400_000).toISOString();
    return interview(i + 1, start, {
      childAge: 9,
      recordings: [
        recording(i * 10 + 1, 'main_video', `BH-2026-0042_interviu${i + 1}_camera1.mp4`, start, 14),
        recording(i * 10 + 2, 'second_camera', `BH-2026-0042_interviu${i + 1}_camera2.mp4`, start, 10),
        recording(i * 10 + 3, 'audio', `BH-2026-0042_interviu${i + 1}_audio.wav`, start, 8),
      ],
    });
  });
  const sessions = Array.from({ length: 60 }, (_, i) => ({
    startsAt: new Date(Date.parse('2026-02-17T13:00:00.000Z') + i * 7 * 86_400_000).toISOString(),
    durationMinutes: 50,
    type: (['trauma_focused', 'family', 'play_therapy', 'psychoeducation'] as const)[i % 4]!,
    attendance: (['attended', 'attended', 'cancelled', 'attended', 'no_show'] as const)[i % 5]!,
    therapist: i % 3 === 0 ? 'Psih. Cristina Bălan' : 'Psih. Gheorghe Țurcanu',
  }));
  return redacted({
    ...base,
    profile: 'internal',
    interviews,
    oneInterview: {
      ...base.oneInterview,
      count: interviews.length,
      supplementary: Array.from({ length: 5 }, (_, i) => ({ ...base.oneInterview.supplementary[0]!, usedFor: i + 2 })),
    },
    followUp: {
      ...base.followUp,
      medical: Array.from({ length: 8 }, (_, i) => ({ ...base.followUp.medical![i % 2]!, startsAt: new Date(Date.parse('2026-02-10T11:00:00.000Z') + i * 30 * 86_400_000).toISOString() })),
      therapy: { sessions, closed: { at: '2027-01-20T10:00:00.000Z', reason: 'goals_met' } },
      referrals: Array.from({ length: 6 }, (_, i) => ({ ...base.followUp.referrals![0]!, status: (['sent', 'accepted', 'in_progress', 'done', 'declined', 'done'] as const)[i]! })),
      meetings: Array.from({ length: 8 }, (_, i) => ({
        type: i === 0 ? ('initial_signal' as const) : ('follow_up' as const),
        startsAt: new Date(Date.parse('2026-02-11T10:00:00.000Z') + i * 30 * 86_400_000).toISOString(),
        status: 'held' as const,
      })),
    },
    consents: [...base.consents!, { scope: 'therapy', decision: 'refused', byName: 'Mihai Călinescu', at: '2026-02-09T09:06:00.000Z', withdrawnAt: null }],
    ...more,
  });
}
