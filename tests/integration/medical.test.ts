import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { ExamBookingFields, MedicalExam } from '../../shared/contract/followup-records';
import type { BookingFields, Room, SlotConflict } from '../../shared/contract/interview-records';
import type { NewPerson } from '../../shared/contract/case-records';
import type { Role } from '../../shared/permissions';
import { databaseDigest } from '../support/core';
import { MINUTE, HOUR, T0, MON, TUE, SAT, local, HOURS } from '../support/bucharest';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';
import { refusal, fieldRefusal } from '../support/refusal';

/** `both` is a doctor who also interviews children: one person, two kinds of booking. */
const people = {
  coord: ['coordinator'],
  coord2: ['coordinator'],
  iv1: ['forensic_interviewer'],
  doc1: ['medical'],
  doc2: ['medical'],
  both: ['medical', 'forensic_interviewer'],
  officer: ['police'],
  outsider: ['police'],
  prosecutor: ['prosecutor'],
} as const satisfies Record<string, readonly Role[]>;
type Person = keyof typeof people;

const FINDINGS = 'Healing abrasion on the left forearm, about two weeks old.';
const SUMMARY = 'Examined; blood tests ordered, results in a week.';

async function conflictsOf(promise: Promise<unknown>): Promise<SlotConflict[]> {
  const error = await refusal(promise);
  expect(error.status, error.message).toBe(409);
  return (error.details as { conflicts: SlotConflict[] }).conflicts;
}

const field = (path: (string | number)[], message: string) => [{ path, code: 'custom', message }];

/**
 * A centre in Bucharest on a Sunday morning: two medical rooms, an interview
 * room with its observation room, an interpreter, and case A (child Ana Pop)
 * with interviewer 1, doctor 1, a police officer and a prosecutor on its team.
 */
async function centre() {
  const { clock, db, ids, as, later } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { version: rules.version, timeZone: 'Europe/Bucharest', hours: HOURS, bufferMinutes: 30, dailyLimit: 2 });
  const room = async (name: string, kind: Room['kind']) => (await coord.call('resources.saveRoom', { id: null, version: 0, name, kind, equipment: '', active: true })).id;
  const rooms = {
    med1: await room('Medical room 1', 'medical'),
    med2: await room('Medical room 2', 'medical'),
    room1: await room('Interview room 1', 'interview'),
    obs1: await room('Observation 1', 'observation'),
  };
  const interpreter = await coord.call('resources.saveInterpreter', { id: null, version: 0, name: 'Elena Dimitrova', languages: ['Romani'], phone: '', notes: '', active: true });

  const newCase = async (child: NewPerson, team: Person[] = [], restricted = false) => {
    const created = await coord.call('cases.create', referral(child, { restricted }, clock.now()));
    for (const name of team) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
    return { caseId: created.id, childId: created.child.id };
  };
  const caseA = await newCase({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, ['iv1', 'doc1', 'officer', 'prosecutor']);

  /** Monday 10:00–11:00 in medical room 1 with doctor 1, unless told otherwise. */
  const exam = (more: Partial<ExamBookingFields> = {}): ExamBookingFields => ({
    kind: 'forensic',
    startsAt: local(MON, '10:00'),
    durationMinutes: 60,
    roomId: rooms.med1,
    examinerId: ids.doc1,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    purpose: 'Forensic examination agreed at the planning meeting.',
    ...more,
  });
  const schedule = async (caseId: number, more: Partial<ExamBookingFields> = {}, who: Person = 'coord') => (await as(who)).call('medical.schedule', { caseId, ...exam(more) });
  /** An interview, Monday 10:00–11:00 in interview room 1, unless told otherwise. */
  const interview = (caseId: number, more: Partial<BookingFields> = {}) =>
    coord.call('interviews.schedule', {
      caseId,
      supplementaryId: null,
      startsAt: local(MON, '10:00'),
      durationMinutes: 60,
      roomId: rooms.room1,
      observationRoomId: rooms.obs1,
      interviewerId: ids.iv1,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      invitees: [],
      planning: null,
      ...more,
    });
  const consent = async (caseId: number, scope: 'medical_exam' | 'information_sharing', decision: 'given' | 'refused' = 'given') =>
    (await as('coord')).call('cases.recordConsent', { caseId, scope, decision, personId: null, at: new Date(clock.now().getTime() - MINUTE).toISOString(), note: '' });
  const withdraw = async (caseId: number, consentId: number) => (await as('coord')).call('cases.withdrawConsent', { caseId, consentId, at: clock.now().toISOString(), note: 'The mother changed her mind.' });
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { db, clock, ids, as, later, coord, rooms, interpreterId: interpreter.id, newCase, caseA, exam, schedule, interview, consent, withdraw, digest };
}

const kindsOf = (conflicts: SlotConflict[]) => conflicts.map((c) => c.kind).sort();
const busy = { interviewId: null, examId: null, startsAt: null, endsAt: null };
const naming = (exam: MedicalExam) => ({ interviewId: null, examId: exam.id, startsAt: exam.startsAt, endsAt: exam.endsAt });

describe('booking a medical examination', () => {
  it('books an exam with the medical room and examiner; the timeline says when, where and who; the examiners are listed', async () => {
    const { schedule, caseA, rooms, ids, coord, as } = await centre();
    const booked = await schedule(caseA.caseId, { supportPerson: 'Maria Pop (aunt)' });
    expect(booked).toEqual({
      id: booked.id,
      caseId: caseA.caseId,
      caseReference: expect.any(String) as string,
      childName: 'Ana Pop',
      kind: 'forensic',
      status: 'scheduled',
      startsAt: '2026-11-23T08:00:00.000Z',
      endsAt: '2026-11-23T09:00:00.000Z',
      durationMinutes: 60,
      roomId: rooms.med1,
      roomName: 'Medical room 1',
      examinerId: ids.doc1,
      examinerName: 'doc1 display',
      interpreterId: null,
      interpreterName: null,
      interpreterLanguage: '',
      supportPerson: 'Maria Pop (aunt)',
      purpose: 'Forensic examination agreed at the planning meeting.',
      cancelReason: null,
      consent: { state: 'none', at: null, byName: '' },
      record: null,
      followups: [],
      followupsPending: 0,
      version: 0,
    });
    expect(await coord.call('medical.list', { caseId: caseA.caseId })).toEqual([booked]);
    // The doctor on the team may book too.
    const second = await schedule(caseA.caseId, { startsAt: local(TUE, '10:00'), kind: 'follow_up' }, 'doc1');
    expect((await (await as('officer')).call('medical.list', { caseId: caseA.caseId })).map((e) => e.id)).toEqual([booked.id, second.id]);
    const timeline = await coord.call('cases.timeline', { caseId: caseA.caseId, groups: ['medical'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['medical_exam_scheduled', { at: second.startsAt, room: 'Medical room 1', examiner: 'doc1 display' }],
      ['medical_exam_scheduled', { at: '2026-11-23T08:00:00.000Z', room: 'Medical room 1', examiner: 'doc1 display' }],
    ]);
    expect((await coord.call('resources.list', {})).examiners.map((e) => e.name)).toEqual(['both display', 'doc1 display', 'doc2 display']);
  });

  it('between exams: room, examiner, interpreter, child and buffer clashes name the exam in the way; closed days and hours are kept; nothing changes', async () => {
    const { schedule, caseA, newCase, ids, rooms, interpreterId, coord, digest } = await centre();
    const first = await schedule(caseA.caseId, { interpreterId, interpreterLanguage: 'Romani' });
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const elsewhere = { roomId: rooms.med2, examinerId: ids.doc2 };
    const before = digest();
    expect(await conflictsOf(schedule(b.caseId, { examinerId: ids.doc2, startsAt: local(MON, '10:30') }))).toEqual([{ kind: 'room', ...naming(first) }]);
    expect(await conflictsOf(schedule(b.caseId, { roomId: rooms.med2 }))).toEqual([{ kind: 'examiner', ...naming(first) }]);
    expect(await conflictsOf(schedule(b.caseId, { ...elsewhere, interpreterId }))).toEqual([{ kind: 'interpreter', ...naming(first) }]);
    expect(await conflictsOf(schedule(caseA.caseId, { ...elsewhere, startsAt: local(MON, '10:45') }))).toEqual([{ kind: 'child', ...naming(first) }]);
    expect(await conflictsOf(schedule(b.caseId, { examinerId: ids.doc2, startsAt: local(MON, '11:15') }))).toEqual([{ kind: 'buffer', ...naming(first) }]);
    expect(kindsOf(await conflictsOf(schedule(b.caseId, { interpreterId })))).toEqual(['examiner', 'interpreter', 'room']);
    expect(await conflictsOf(schedule(b.caseId, { ...elsewhere, startsAt: local(MON, '07:30') }))).toEqual([{ kind: 'outside_hours', ...busy }]);
    expect(await conflictsOf(schedule(b.caseId, { ...elsewhere, startsAt: local(SAT, '10:00') }))).toEqual([{ kind: 'outside_hours', ...busy }]);
    expect(digest()).toBe(before);
    await coord.call('resources.setClosedDay', { date: TUE, closed: true, reason: 'Staff training' });
    const closed = digest();
    expect(await conflictsOf(schedule(b.caseId, { ...elsewhere, startsAt: local(TUE, '10:00') }))).toEqual([{ kind: 'closed_day', ...busy }]);
    expect(digest()).toBe(closed);
    // Another room and doctor at the same time is fine; so is the same room after exactly the buffer.
    expect((await schedule(b.caseId, elsewhere)).status).toBe('scheduled');
    const c = await newCase({ firstName: 'Ioana', lastName: 'Marin' });
    expect((await schedule(c.caseId, { examinerId: ids.doc2, startsAt: local(MON, '11:30') })).status).toBe('scheduled');
  });

  it('between an exam and an interview: the child, the interpreter, a doctor who also interviews, and a shared room clash both ways', async () => {
    const { schedule, interview, caseA, newCase, ids, rooms, interpreterId, coord, digest } = await centre();
    const talk = await interview(caseA.caseId, { interpreterId, interpreterLanguage: 'Romani' });
    const fromInterview = { interviewId: talk.id, examId: null, startsAt: talk.startsAt, endsAt: talk.endsAt };
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const before = digest();
    expect(await conflictsOf(schedule(caseA.caseId, { startsAt: local(MON, '10:30') }))).toEqual([{ kind: 'child', ...fromInterview }]);
    expect(await conflictsOf(schedule(b.caseId, { interpreterId }))).toEqual([{ kind: 'interpreter', ...fromInterview }]);
    expect(digest()).toBe(before);

    // Doctor "both" has an exam at 13:00: booking them to interview then clashes, and the other way round.
    const c = await newCase({ firstName: 'Ioana', lastName: 'Marin' });
    const examOfBoth = await schedule(b.caseId, { examinerId: ids.both, startsAt: local(MON, '13:00') });
    const interviewOfBoth = await interview(c.caseId, { interviewerId: ids.both, startsAt: local(MON, '15:00') });
    const d = await newCase({ firstName: 'Dan', lastName: 'Stan' });
    const beforeBoth = digest();
    expect(await conflictsOf(interview(d.caseId, { interviewerId: ids.both, startsAt: local(MON, '13:30'), observationRoomId: null }))).toEqual([
      { kind: 'interviewer', ...naming(examOfBoth) },
    ]);
    expect(await conflictsOf(schedule(caseA.caseId, { examinerId: ids.both, roomId: rooms.med2, startsAt: local(MON, '15:00') }))).toEqual([
      { kind: 'examiner', interviewId: interviewOfBoth.id, examId: null, startsAt: interviewOfBoth.startsAt, endsAt: interviewOfBoth.endsAt },
    ]);
    expect(digest()).toBe(beforeBoth);
    // Exams do not count towards an interviewer's daily limit of two interviews.
    await schedule(caseA.caseId, { examinerId: ids.both, startsAt: local(MON, '16:00') });
    expect((await interview(d.caseId, { interviewerId: ids.both, startsAt: local(MON, '08:00'), observationRoomId: null })).status).toBe('scheduled');

    // A room turned from interview to medical keeps its interview booking: exams in it must keep clear, buffer included.
    const flexId = (await coord.call('resources.saveRoom', { id: null, version: 0, name: 'Flex room', kind: 'interview', equipment: '', active: true })).id;
    const e = await newCase({ firstName: 'Elena', lastName: 'Vasile' });
    const inFlex = await interview(e.caseId, { roomId: flexId, observationRoomId: null, startsAt: local(TUE, '10:00') });
    await coord.call('resources.saveRoom', { id: flexId, version: 0, name: 'Flex room', kind: 'medical', equipment: '', active: true });
    const fromFlex = { interviewId: inFlex.id, examId: null, startsAt: inFlex.startsAt, endsAt: inFlex.endsAt };
    const beforeFlex = digest();
    expect(await conflictsOf(schedule(b.caseId, { roomId: flexId, startsAt: local(TUE, '10:30') }))).toEqual([{ kind: 'room', ...fromFlex }]);
    expect(await conflictsOf(schedule(b.caseId, { roomId: flexId, startsAt: local(TUE, '11:10') }))).toEqual([{ kind: 'buffer', ...fromFlex }]);
    expect(digest()).toBe(beforeFlex);
  });

  it('names an exam in the way only to someone who may see its case: a restricted case’s exam is only "busy"', async () => {
    const { schedule, newCase, ids, as } = await centre();
    const secret = await newCase({ firstName: 'Radu', lastName: 'Secret' }, [], true);
    const taken = await schedule(secret.caseId);
    const other = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    expect(await conflictsOf(schedule(other.caseId, { examinerId: ids.doc2 }, 'coord2'))).toEqual([
      { kind: 'room', interviewId: null, examId: null, startsAt: taken.startsAt, endsAt: taken.endsAt },
    ]);
    // Whoever may not see the case cannot read the exam either.
    expect((await refusal((await as('coord2')).call('medical.list', { caseId: secret.caseId }))).status).toBe(404);
  });

  it('refuses a room that is not medical, an examiner without the medical role, a missing interpreter, the past, a closed case (each changing nothing); police may not book', async () => {
    const { schedule, newCase, caseA, ids, rooms, interpreterId, coord, db, as, digest } = await centre();
    const child = await newCase({ firstName: 'Florin', lastName: 'Stoica', interpreterNeeded: true, interpreterLanguage: 'Romani' });
    await as('officer');
    const before = digest();
    expect(await fieldRefusal(schedule(caseA.caseId, { roomId: rooms.room1 }))).toEqual(field(['roomId'], checkMessages.roomKind));
    expect(await fieldRefusal(schedule(caseA.caseId, { roomId: 9_999 }))).toEqual(field(['roomId'], checkMessages.roomKind));
    expect(await fieldRefusal(schedule(caseA.caseId, { examinerId: ids.iv1 }))).toEqual(field(['examinerId'], checkMessages.activeExaminer));
    expect(await fieldRefusal(schedule(caseA.caseId, { examinerId: ids.officer }))).toEqual(field(['examinerId'], checkMessages.activeExaminer));
    expect(await fieldRefusal(schedule(caseA.caseId, { interpreterId: 9_999 }))).toEqual(field(['interpreterId'], checkMessages.activeInterpreter));
    expect(await fieldRefusal(schedule(child.caseId))).toEqual(field(['interpreterId'], checkMessages.interpreterRequired));
    expect(await fieldRefusal(schedule(caseA.caseId, { startsAt: '2026-11-22T08:00:00.000Z' }))).toEqual(field(['startsAt'], checkMessages.datePast));
    expect((await refusal(schedule(caseA.caseId, {}, 'officer'))).status).toBe(403);
    expect(digest()).toBe(before);

    // A doctor whose account was disabled is no longer an examiner.
    db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(T0, ids.doc2);
    const disabledDoc = digest();
    expect(await fieldRefusal(schedule(caseA.caseId, { examinerId: ids.doc2 }))).toEqual(field(['examinerId'], checkMessages.activeExaminer));
    expect(digest()).toBe(disabledDoc);

    const { version } = await coord.call('cases.get', { caseId: child.caseId });
    await coord.call('cases.changeStatus', { caseId: child.caseId, version, status: 'closed', outcome: 'no_prosecution', outcomeDate: '2026-11-20' });
    const closed = digest();
    const refused = await refusal(schedule(child.caseId, { interpreterId }));
    expect(refused.status).toBe(409);
    expect(digest()).toBe(closed);
    expect((await schedule(caseA.caseId, { interpreterId })).interpreterName).toBe('Elena Dimitrova');
  });
});

describe('changing and cancelling an exam', () => {
  it('moving needs a reason and is checked like a new booking; a stale version answers 409 with the current exam; a cancelled exam frees its slot', async () => {
    const { schedule, caseA, newCase, ids, rooms, coord, digest } = await centre();
    const exam = await schedule(caseA.caseId);
    const other = await schedule((await newCase({ firstName: 'Mihai', lastName: 'Ionescu' })).caseId, { roomId: rooms.med2, examinerId: ids.doc2, startsAt: local(MON, '13:00') });
    const booking: ExamBookingFields = {
      kind: exam.kind,
      startsAt: exam.startsAt,
      durationMinutes: exam.durationMinutes,
      roomId: exam.roomId,
      examinerId: exam.examinerId,
      interpreterId: exam.interpreterId,
      interpreterLanguage: exam.interpreterLanguage,
      supportPerson: exam.supportPerson,
      purpose: exam.purpose,
    };
    const update = (more: Partial<ExamBookingFields> & { version?: number; reason?: string } = {}) =>
      coord.call('medical.update', { examId: exam.id, version: 0, reason: '', ...booking, ...more });
    const before = digest();
    expect(await fieldRefusal(update({ startsAt: local(MON, '12:00') }))).toEqual(field(['reason'], checkMessages.reasonRequired));
    expect(await conflictsOf(update({ startsAt: local(MON, '13:30'), roomId: rooms.med2, reason: 'Doctor on call' }))).toEqual([{ kind: 'room', ...naming(other) }]);
    expect(digest()).toBe(before);
    // Not moved: the purpose changes without a reason, and the exam does not clash with itself.
    const changed = await update({ purpose: 'Also check the old injury.' });
    expect(changed).toMatchObject({ version: 1, purpose: 'Also check the old injury.' });
    const moved = await update({ version: 1, startsAt: local(MON, '11:00'), reason: 'The child has school until 10:30' });
    expect(moved).toMatchObject({ version: 2, startsAt: local(MON, '11:00') });

    const staleBefore = digest();
    const stale = await refusal(update({ version: 1, purpose: 'Lost update' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: MedicalExam }).current).toEqual(moved);
    const staleCancel = await refusal(coord.call('medical.cancel', { examId: exam.id, version: 0, reason: 'Postponed' }));
    expect(staleCancel.status).toBe(409);
    expect(digest()).toBe(staleBefore);

    const cancelled = await coord.call('medical.cancel', { examId: exam.id, version: 2, reason: 'The family asked to postpone.' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'The family asked to postpone.', version: 3 });
    expect((await refusal(coord.call('medical.cancel', { examId: exam.id, version: 3, reason: 'Again' }))).status).toBe(409);
    expect((await schedule(caseA.caseId, { startsAt: local(MON, '11:00') })).status).toBe('scheduled');
    const timeline = await coord.call('cases.timeline', { caseId: caseA.caseId, groups: ['medical'] });
    expect(timeline.entries.map((e) => [e.kind, e.data]).slice(0, 3)).toEqual([
      ['medical_exam_scheduled', { at: local(MON, '11:00'), room: 'Medical room 1', examiner: 'doc1 display' }],
      ['medical_exam_cancelled', { reason: 'The family asked to postpone.' }],
      ['medical_exam_rescheduled', { at: local(MON, '11:00'), reason: 'The child has school until 10:30' }],
    ]);
  });
});

describe('recording an exam', () => {
  it('needs a consent to the exam that stands now: refused without one and after it is withdrawn, recorded once it is given again', async () => {
    const { schedule, caseA, later, as, consent, withdraw, digest } = await centre();
    const exam = await schedule(caseA.caseId);
    later(26 * HOUR); // Monday 11:00 UTC: the exam has happened.
    const doc = await as('doc1');
    const record = (version = 0, performedAt = '2026-11-23T08:05:00.000Z') =>
      doc.call('medical.record', { examId: exam.id, version, performedAt, findings: FINDINGS, teamSummary: SUMMARY });
    const refusedBefore = digest();
    expect(await fieldRefusal(record())).toEqual(field(['performedAt'], checkMessages.examConsentRequired));
    expect(digest()).toBe(refusedBefore);

    const given = await consent(caseA.caseId, 'medical_exam');
    expect((await doc.call('medical.list', { caseId: caseA.caseId }))[0]!.consent).toEqual({ state: 'given', at: given.at, byName: 'Ana Pop' });
    later(MINUTE);
    const withdrawn = await withdraw(caseA.caseId, given.id);
    const doc2 = await as('doc1');
    expect((await doc2.call('medical.list', { caseId: caseA.caseId }))[0]!.consent).toEqual({ state: 'withdrawn', at: withdrawn.withdrawnAt, byName: 'Ana Pop' });
    const afterWithdrawal = digest();
    expect(await fieldRefusal(doc2.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY }))).toEqual(
      field(['performedAt'], checkMessages.examConsentRequired),
    );
    // Refused is no better than none.
    later(MINUTE);
    await consent(caseA.caseId, 'medical_exam', 'refused');
    const doc3 = await as('doc1');
    const refusedConsent = digest();
    expect(await fieldRefusal(doc3.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY }))).toEqual(
      field(['performedAt'], checkMessages.examConsentRequired),
    );
    expect(digest()).toBe(refusedConsent);
    expect(afterWithdrawal).not.toBe(refusedConsent);

    later(MINUTE);
    await consent(caseA.caseId, 'medical_exam');
    const doc4 = await as('doc1');
    // Not in the future, and not by anyone outside the examining discipline.
    const coord = await as('coord');
    const beforeFuture = digest();
    expect(await fieldRefusal(doc4.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-24T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY }))).toEqual(
      field(['performedAt'], checkMessages.dateFuture),
    );
    expect((await refusal(coord.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY }))).status).toBe(403);
    expect(digest()).toBe(beforeFuture);

    const held = await doc4.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T10:05:00+02:00', findings: FINDINGS, teamSummary: SUMMARY });
    expect(held).toMatchObject({
      status: 'held',
      version: 1,
      record: { performedAt: '2026-11-23T08:05:00.000Z', recordedBy: 'doc1 display', findings: FINDINGS, findingsHidden: false, teamSummary: SUMMARY, summaryWithheld: false },
    });
    // Correcting the record: the same version rule, no second "held" on the timeline.
    const stale = await refusal(doc4.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T08:05:00.000Z', findings: 'x', teamSummary: '' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: MedicalExam }).current).toEqual(held);
    const corrected = await doc4.call('medical.record', { examId: exam.id, version: 1, performedAt: '2026-11-23T08:05:00.000Z', findings: `${FINDINGS} Corrected.`, teamSummary: SUMMARY });
    expect(corrected.version).toBe(2);
    const timeline = await doc4.call('cases.timeline', { caseId: caseA.caseId, groups: ['medical'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['medical_exam_held', { at: '2026-11-23T08:05:00.000Z' }],
      ['medical_exam_scheduled', { at: exam.startsAt, room: 'Medical room 1', examiner: 'doc1 display' }],
    ]);
    expect(JSON.stringify(timeline)).not.toContain('abrasion');
  });

  it('findings are for medical staff; the team reads the summary only while the information-sharing consent stands; a blind interviewer sees no exams', async () => {
    const { schedule, caseA, later, as, consent, withdraw, db } = await centre();
    const exam = await schedule(caseA.caseId);
    await consent(caseA.caseId, 'medical_exam');
    later(26 * HOUR);
    await (await as('doc1')).call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY });

    const prosecutorView = async () => (await (await as('prosecutor')).call('medical.list', { caseId: caseA.caseId }))[0]!;
    const withheld = await prosecutorView();
    expect(withheld.record).toEqual({ performedAt: '2026-11-23T08:05:00.000Z', recordedBy: 'doc1 display', findings: '', findingsHidden: true, teamSummary: '', summaryWithheld: true });
    expect(JSON.stringify(withheld)).not.toContain('abrasion');
    expect(JSON.stringify(withheld)).not.toContain('blood tests');
    // The doctor reads everything whatever the sharing consent says.
    expect((await (await as('doc1')).call('medical.list', { caseId: caseA.caseId }))[0]!.record).toMatchObject({ findings: FINDINGS, teamSummary: SUMMARY, summaryWithheld: false });

    const sharing = await consent(caseA.caseId, 'information_sharing');
    const shared = await prosecutorView();
    expect(shared.record).toMatchObject({ findings: '', findingsHidden: true, teamSummary: SUMMARY, summaryWithheld: false });
    expect(JSON.stringify(shared)).not.toContain('abrasion');
    // The coordinator is not medical staff either.
    expect((await (await as('coord')).call('medical.list', { caseId: caseA.caseId }))[0]!.record).toMatchObject({ findings: '', findingsHidden: true, teamSummary: SUMMARY });

    later(MINUTE);
    await withdraw(caseA.caseId, sharing.id);
    expect((await prosecutorView()).record).toMatchObject({ teamSummary: '', summaryWithheld: true });

    // Interviewer 1 is on the team; while the centre keeps interviewers blind until the interview, they see no exams at all.
    expect(await (await as('iv1')).call('medical.list', { caseId: caseA.caseId })).toHaveLength(1);
    db.prepare('UPDATE security_policy SET blind_interviewer = 1').run();
    expect(await (await as('iv1')).call('medical.list', { caseId: caseA.caseId })).toEqual([]);
  });

  it('follow-up needs: the doctor sees and tracks them; the rest of the team sees only how many are pending; the timeline has no descriptions or results', async () => {
    const { schedule, caseA, later, as, consent, digest } = await centre();
    const exam = await schedule(caseA.caseId);
    await consent(caseA.caseId, 'medical_exam');
    later(26 * HOUR);
    const doc = await as('doc1');
    await doc.call('medical.record', { examId: exam.id, version: 0, performedAt: '2026-11-23T08:05:00.000Z', findings: FINDINGS, teamSummary: SUMMARY });
    const need = { kind: 'laboratory_test', description: 'STI panel', dueDate: '2026-11-30', result: '', doneOn: null } as const;
    const added = await doc.call('medical.saveFollowup', { examId: exam.id, id: null, version: 0, ...need });
    expect(added).toEqual({ id: added.id, examId: exam.id, version: 0, ...need });
    await doc.call('medical.saveFollowup', { examId: exam.id, id: null, version: 0, kind: 'specialist_referral', description: 'Paediatric gynaecology', dueDate: '2026-12-10', result: '', doneOn: null });

    const forProsecutor = (await (await as('prosecutor')).call('medical.list', { caseId: caseA.caseId }))[0]!;
    expect(forProsecutor.followups).toEqual([]);
    expect(forProsecutor.followupsPending).toBe(2);
    expect(JSON.stringify(forProsecutor)).not.toContain('STI');
    const forDoctor = (await doc.call('medical.list', { caseId: caseA.caseId }))[0]!;
    expect(forDoctor.followups.map((f) => f.description)).toEqual(['STI panel', 'Paediatric gynaecology']);

    const coord = await as('coord');
    const before = digest();
    expect((await refusal(coord.call('medical.saveFollowup', { examId: exam.id, id: added.id, version: 0, ...need, result: 'x' }))).status).toBe(403);
    expect(await fieldRefusal(doc.call('medical.saveFollowup', { examId: exam.id, id: added.id, version: 0, ...need, doneOn: '2026-11-25' }))).toEqual(
      field(['doneOn'], checkMessages.dateFuture),
    );
    expect(digest()).toBe(before);
    const done = await doc.call('medical.saveFollowup', { examId: exam.id, id: added.id, version: 0, ...need, result: 'Negative', doneOn: '2026-11-23' });
    expect(done).toMatchObject({ version: 1, result: 'Negative', doneOn: '2026-11-23' });
    const stale = await refusal(doc.call('medical.saveFollowup', { examId: exam.id, id: added.id, version: 0, ...need, result: 'Positive' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: unknown }).current).toEqual(done);
    // Correcting a result already in does not say "done" again.
    await doc.call('medical.saveFollowup', { examId: exam.id, id: added.id, version: 1, ...need, result: 'Negative (confirmed)', doneOn: '2026-11-23' });
    expect((await (await as('prosecutor')).call('medical.list', { caseId: caseA.caseId }))[0]!.followupsPending).toBe(1);

    const timeline = await doc.call('cases.timeline', { caseId: caseA.caseId, groups: ['medical'] });
    expect(timeline.entries.map((e) => [e.kind, e.data]).slice(0, 3)).toEqual([
      ['medical_followup_done', { kind: 'laboratory_test' }],
      ['medical_followup_added', { kind: 'specialist_referral', due: '2026-12-10' }],
      ['medical_followup_added', { kind: 'laboratory_test', due: '2026-11-30' }],
    ]);
    const text = JSON.stringify(timeline);
    for (const secret of ['STI', 'gynaecology', 'Negative', 'abrasion']) expect(text).not.toContain(secret);
  });
});

describe('need to know', () => {
  it('a police officer not on the case gets 404, and a doctor off the team gets 404 for its exam exactly as for one that does not exist', async () => {
    const { schedule, caseA, as, digest } = await centre();
    const exam = await schedule(caseA.caseId);
    const outsider = await as('outsider');
    const missingCase = await refusal(outsider.call('medical.list', { caseId: caseA.caseId }));
    expect(missingCase.status).toBe(404);
    expect((await refusal(outsider.call('medical.list', { caseId: 9_999 }))).message).toBe(missingCase.message);

    const doc2 = await as('doc2');
    const before = digest();
    const record = (examId: number) => doc2.call('medical.record', { examId, version: 0, performedAt: '2026-11-22T08:00:00.000Z', findings: FINDINGS, teamSummary: '' });
    const hidden = await refusal(record(exam.id));
    const missing = await refusal(record(9_999));
    expect(hidden.status).toBe(404);
    expect([hidden.code, hidden.message]).toEqual([missing.code, missing.message]);
    expect((await refusal(doc2.call('medical.cancel', { examId: exam.id, version: 0, reason: 'Not mine' }))).status).toBe(404);
    expect((await refusal(doc2.call('medical.list', { caseId: caseA.caseId }))).status).toBe(404);
    expect(digest()).toBe(before);
  });
});
