import { describe, expect, it } from 'vitest';
import type { ExamBookingFields } from '../../shared/contract/followup-records';
import type { CalendarEntry, Room } from '../../shared/contract/interview-records';
import type { NewPerson } from '../../shared/contract/case-records';
import type { Role } from '../../shared/permissions';
import { MINUTE, HOUR, T0, MON, local, HOURS } from '../support/bucharest';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';

const WEEK = { from: '2026-11-22T22:00:00.000Z', to: '2026-11-29T22:00:00.000Z' };

const people = {
  coord: ['coordinator'],
  coord2: ['coordinator'],
  iv1: ['forensic_interviewer'],
  doc1: ['medical'],
  doc2: ['medical'],
  officer: ['police'],
  outsider: ['police'],
} as const satisfies Record<string, readonly Role[]>;
type Person = keyof typeof people;

const FINDINGS = 'Healing abrasion on the left forearm, about two weeks old.';
const SUMMARY = 'Examined; blood tests ordered, results in a week.';
const FOLLOWUP = 'Full blood count at the county hospital.';
const PURPOSE = 'Forensic examination agreed at the planning meeting.';

/**
 * A centre in Bucharest: a medical room, an interview room with its observation room;
 * case A (child Ana Pop) with interviewer 1, doctor 1 and a police officer on its team,
 * an exam of Ana on Monday at 10:00 that doctor 1 has since recorded, and an interview at 13:00.
 */
async function centre() {
  const { clock, db, ids, as, later } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { version: rules.version, timeZone: 'Europe/Bucharest', hours: HOURS, bufferMinutes: 30, dailyLimit: 2 });
  const room = async (name: string, kind: Room['kind']) => (await coord.call('resources.saveRoom', { id: null, version: 0, name, kind, equipment: '', active: true })).id;
  const rooms = { med1: await room('Medical room 1', 'medical'), room1: await room('Interview room 1', 'interview'), obs1: await room('Observation 1', 'observation') };

  const newCase = async (child: NewPerson, team: Person[] = [], restricted = false) => {
    // The clock moves below, which signs everyone out: ask for the coordinator each time.
    const coordinator = await as('coord');
    const created = await coordinator.call('cases.create', referral(child, { restricted }, clock.now()));
    for (const name of team) await coordinator.call('cases.addMember', { caseId: created.id, userId: ids[name] });
    return { caseId: created.id, reference: created.reference };
  };
  const examFields = (more: Partial<ExamBookingFields> = {}): ExamBookingFields => ({
    kind: 'forensic',
    startsAt: local(MON, '10:00'),
    durationMinutes: 60,
    roomId: rooms.med1,
    examinerId: ids.doc1,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    purpose: PURPOSE,
    ...more,
  });

  const caseA = await newCase({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, ['iv1', 'doc1', 'officer']);
  const exam = await coord.call('medical.schedule', { caseId: caseA.caseId, ...examFields() });
  const interview = await coord.call('interviews.schedule', {
    caseId: caseA.caseId,
    supplementaryId: null,
    startsAt: local(MON, '13:00'),
    durationMinutes: 60,
    roomId: rooms.room1,
    observationRoomId: rooms.obs1,
    interviewerId: ids.iv1,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    invitees: [],
    planning: null,
  });
  const at = new Date(clock.now().getTime() - MINUTE).toISOString();
  for (const scope of ['medical_exam', 'information_sharing'] as const) {
    await coord.call('cases.recordConsent', { caseId: caseA.caseId, scope, decision: 'given', personId: null, at, note: '' });
  }
  // Monday 11:00 in Bucharest: the exam is over and doctor 1 records it.
  later(26 * HOUR);
  const doc1 = await as('doc1');
  await doc1.call('medical.record', { examId: exam.id, version: exam.version, performedAt: '2026-11-23T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY });
  await doc1.call('medical.saveFollowup', {
    examId: exam.id,
    id: null,
    version: 0,
    kind: 'laboratory_test',
    description: FOLLOWUP,
    dueDate: '2026-11-30',
    result: '',
    doneOn: null,
  });
  return { db, ids, as, rooms, newCase, examFields, caseA, examId: exam.id, interview };
}

const examsOf = (entries: CalendarEntry[]) => entries.filter((e) => e.kind === 'medical_exam');

describe('medical examinations on the calendar', () => {
  it('a coordinator sees the exam whole, as medical.list gives it to them (no findings), among the interviews and in time order', async () => {
    const { as, caseA, examId, interview, rooms, ids } = await centre();
    const coord = await as('coord');
    const { entries } = await coord.call('interviews.calendar', WEEK);
    const [listed] = await coord.call('medical.list', { caseId: caseA.caseId });
    expect(entries.map((e) => [e.kind, e.id])).toEqual([
      ['medical_exam', examId],
      ['interview', interview.id],
    ]);
    expect(entries[0]).toEqual({
      kind: 'medical_exam',
      id: examId,
      status: 'held',
      startsAt: '2026-11-23T08:00:00.000Z',
      endsAt: '2026-11-23T09:00:00.000Z',
      roomId: rooms.med1,
      observationRoomId: null,
      interviewerId: ids.doc1,
      interpreterId: null,
      booking: null,
      exam: listed,
    });
    expect(listed).toMatchObject({ childName: 'Ana Pop', purpose: PURPOSE, followups: [], followupsPending: 1 });
    expect(listed?.record).toMatchObject({ findings: '', findingsHidden: true, teamSummary: SUMMARY });
    expect(entries[1]).toMatchObject({ kind: 'interview', exam: null, booking: { id: interview.id, childName: 'Ana Pop' } });
    const json = JSON.stringify(entries);
    expect(json).not.toContain('abrasion');
    expect(json).not.toContain(FOLLOWUP);
  });

  it('the examining doctor on the team sees the findings and follow-up needs; another doctor not on the case sees only "busy"', async () => {
    const { as, caseA, examId } = await centre();
    const doc1 = await as('doc1');
    const mine = examsOf((await doc1.call('interviews.calendar', WEEK)).entries);
    expect(mine.map((e) => e.exam)).toEqual(await doc1.call('medical.list', { caseId: caseA.caseId }));
    expect(mine[0]?.exam?.record).toMatchObject({ findings: FINDINGS, findingsHidden: false });
    expect(mine[0]?.exam?.followups.map((f) => f.description)).toEqual([FOLLOWUP]);

    const other = examsOf((await (await as('doc2')).call('interviews.calendar', WEEK)).entries);
    expect(other).toMatchObject([{ id: examId, exam: null, booking: null }]);
  });

  it('a police officer not on the case sees the exam only as busy: times, room and examiner, no child, purpose or findings anywhere', async () => {
    const { as, caseA, examId, rooms, ids } = await centre();
    const outsider = await (await as('outsider')).call('interviews.calendar', WEEK);
    expect(examsOf(outsider.entries)).toEqual([
      {
        kind: 'medical_exam',
        id: examId,
        status: 'held',
        startsAt: '2026-11-23T08:00:00.000Z',
        endsAt: '2026-11-23T09:00:00.000Z',
        roomId: rooms.med1,
        observationRoomId: null,
        interviewerId: ids.doc1,
        interpreterId: null,
        booking: null,
        exam: null,
      },
    ]);
    const json = JSON.stringify(outsider);
    for (const secret of ['Ana', 'Pop', caseA.reference, PURPOSE, 'abrasion', 'blood tests', FOLLOWUP]) expect(json).not.toContain(secret);
    // The officer on the team sees it whole, without the findings.
    const officer = examsOf((await (await as('officer')).call('interviews.calendar', WEEK)).entries);
    expect(officer[0]?.exam).toMatchObject({ childName: 'Ana Pop', record: { findings: '', findingsHidden: true } });
  });

  it('a blind interviewer on the team sees the exam only as busy, as medical.list gives them none', async () => {
    const { as, db, caseA } = await centre();
    db.prepare('UPDATE security_policy SET blind_interviewer = 1').run();
    const iv1 = await as('iv1');
    expect(await iv1.call('medical.list', { caseId: caseA.caseId })).toEqual([]);
    const { entries } = await iv1.call('interviews.calendar', WEEK);
    expect(examsOf(entries).map((e) => e.exam)).toEqual([null]);
    expect(JSON.stringify(examsOf(entries))).not.toContain('abrasion');
  });

  it('cancelled exams stay on the calendar like cancelled interviews; a restricted case’s exam is busy to a coordinator not on its team; the period bounds hold', async () => {
    const { as, newCase, examFields, ids } = await centre();
    const coord = await as('coord');
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const tuesday = await coord.call('medical.schedule', { caseId: b.caseId, ...examFields({ startsAt: local('2026-11-24', '10:00') }) });
    await coord.call('medical.cancel', { examId: tuesday.id, version: tuesday.version, reason: 'The child is ill.' });
    const hidden = await newCase({ firstName: 'Daria', lastName: 'Popa' }, [], true);
    const restricted = await coord.call('medical.schedule', { caseId: hidden.caseId, ...examFields({ startsAt: local('2026-11-25', '10:00'), examinerId: ids.doc2 }) });

    // Coordinator 2 is not on the restricted case's team (the one who opened it is).
    const { entries } = await (await as('coord2')).call('interviews.calendar', WEEK);
    const exams = examsOf(entries);
    expect(exams.map((e) => [e.status, e.exam?.childName ?? null])).toEqual([
      ['held', 'Ana Pop'],
      ['cancelled', 'Mihai Ionescu'],
      ['scheduled', null],
    ]);
    expect(exams[2]).toMatchObject({ id: restricted.id, interviewerId: ids.doc2 });
    expect(JSON.stringify(entries)).not.toContain('Daria');
    // Tuesday only: the cancelled exam, nothing of Monday or Wednesday.
    const tuesdayOnly = await (await as('coord')).call('interviews.calendar', { from: '2026-11-23T22:00:00.000Z', to: '2026-11-24T22:00:00.000Z' });
    expect(tuesdayOnly.entries.map((e) => [e.kind, e.id])).toEqual([['medical_exam', tuesday.id]]);
  });
});
