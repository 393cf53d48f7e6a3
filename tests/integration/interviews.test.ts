import { describe, expect, it } from 'vitest';
import { ApiError, checkMessages } from '../../shared/contract';
import type { BookingFields, Interview, Room, SlotConflict } from '../../shared/contract/interview-records';
import type { NewPerson } from '../../shared/contract/case-records';
import type { Role } from '../../shared/permissions';
import { databaseDigest } from '../support/core';
import { MINUTE, HOUR, T0, MON, TUE, SAT, local, HOURS } from '../support/bucharest';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';
import { refusal, fieldRefusal } from '../support/refusal';

/** A wall-clock time in Bucharest, as the UTC moment the contract carries. */

const people = {
  coord: 'coordinator',
  coord2: 'coordinator',
  iv1: 'forensic_interviewer',
  iv2: 'forensic_interviewer',
  officer: 'police',
  outsider: 'police',
  social: 'child_protection',
  prosecutor: 'prosecutor',
} as const satisfies Record<string, Role>;
type Person = keyof typeof people;

/** The conflicts of a 409 slot refusal. */
async function conflictsOf(promise: Promise<unknown>): Promise<SlotConflict[]> {
  const error = await refusal(promise);
  expect(error.status, error.message).toBe(409);
  expect(error.code).toBe('conflict');
  return (error.details as { conflicts: SlotConflict[] }).conflicts;
}

/**
 * A centre in Bucharest on a Sunday morning: two interview rooms, two
 * observation rooms, an interpreter, two forensic interviewers, and case A
 * (child Ana Pop) with interviewer 1, a police officer, a child-protection
 * worker and a prosecutor on its team.
 */
async function centre() {
  const { clock, core, db, ids, as, later } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { version: rules.version, timeZone: 'Europe/Bucharest', hours: HOURS, bufferMinutes: 30, dailyLimit: 2 });
  const room = async (name: string, kind: Room['kind']) => (await coord.call('resources.saveRoom', { id: null, version: 0, name, kind, equipment: '', active: true })).id;
  const rooms = {
    room1: await room('Interview room 1', 'interview'),
    room2: await room('Interview room 2', 'interview'),
    obs1: await room('Observation 1', 'observation'),
    obs2: await room('Observation 2', 'observation'),
  };
  const interpreter = await coord.call('resources.saveInterpreter', {
    id: null,
    version: 0,
    name: 'Elena Dimitrova',
    languages: ['Romani'],
    phone: '',
    notes: '',
    active: true,
  });

  /** A new case registered by the coordinator, with these colleagues on its team. */
  const newCase = async (child: NewPerson | { personId: number }, team: Person[] = [], restricted = false) => {
    const intake = 'personId' in child ? { ...referral({ firstName: 'x', lastName: 'x' }, { restricted }, clock.now()), child } : referral(child, { restricted }, clock.now());
    const created = await coord.call('cases.create', intake);
    for (const name of team) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
    return { caseId: created.id, childId: created.child.id };
  };
  const caseA = await newCase({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, ['iv1', 'officer', 'social', 'prosecutor']);

  /** Monday 10:00–11:00 in room 1 with observation room 1 and interviewer 1, unless told otherwise. */
  const booking = (more: Partial<BookingFields> = {}): BookingFields => ({
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
  const schedule = async (caseId: number, more: Partial<BookingFields> = {}, supplementaryId: number | null = null, who: Person = 'coord') =>
    (await as(who)).call('interviews.schedule', { caseId, supplementaryId, ...booking(more) });
  /** An approved supplementary request for the case's child. */
  const approved = async (caseId: number, sameInterviewer = false) => {
    const request = await coord.call('interviews.requestSupplementary', { caseId, reason: 'new_disclosure', details: 'Told the therapist about a second person.' });
    return coord.call('interviews.decideSupplementary', {
      requestId: request.id,
      decision: 'approved',
      deciderRole: 'prosecutor',
      deciderName: 'Prosecutor Ana Rusu',
      decidedAt: clock.now().toISOString(),
      sameInterviewer,
      note: '',
    });
  };
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { core, db, clock, ids, as, later, coord, rooms, interpreterId: interpreter.id, newCase, caseA, booking, schedule, approved, digest };
}

const kindsOf = (conflicts: SlotConflict[]) => conflicts.map((c) => c.kind).sort();

describe('resources', () => {
  it('rooms: added with version 0, changed with the version read; a stale version answers 409 with the current room and changes nothing', async () => {
    const { coord, rooms, as, digest } = await centre();
    const list = await coord.call('resources.list', {});
    expect(list.rooms.map((r) => [r.name, r.kind, r.version])).toEqual([
      ['Interview room 1', 'interview', 0],
      ['Interview room 2', 'interview', 0],
      ['Observation 1', 'observation', 0],
      ['Observation 2', 'observation', 0],
    ]);
    const changed = await coord.call('resources.saveRoom', { id: rooms.room1, version: 0, name: 'Blue room', kind: 'interview', equipment: 'Two cameras', active: true });
    expect(changed).toEqual({ id: rooms.room1, version: 1, name: 'Blue room', kind: 'interview', equipment: 'Two cameras', active: true });

    const officer = await as('officer');
    const before = digest();
    const stale = await refusal(coord.call('resources.saveRoom', { id: rooms.room1, version: 0, name: 'Red room', kind: 'interview', equipment: '', active: true }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: Room }).current).toEqual(changed);
    const missing = await refusal(coord.call('resources.saveRoom', { id: 9_999, version: 0, name: 'Nowhere', kind: 'interview', equipment: '', active: true }));
    expect(missing.status).toBe(404);
    const forbidden = await refusal(officer.call('resources.saveRoom', { id: null, version: 0, name: 'Mine', kind: 'interview', equipment: '', active: true }));
    expect(forbidden.status).toBe(403);
    expect(digest()).toBe(before);
    // Everyone signed in may read the resources (the calendar needs them).
    expect((await (await as('officer')).call('resources.list', {})).rooms.find((r) => r.id === rooms.room1)?.name).toBe('Blue room');
  });

  it('interpreters and interviewer profiles: versions checked; a profile only for a forensic interviewer', async () => {
    const { coord, interpreterId, ids, digest } = await centre();
    const saved = await coord.call('resources.saveInterpreter', {
      id: interpreterId,
      version: 0,
      name: 'Elena Dimitrova',
      languages: ['Romani', 'Bulgarian'],
      phone: '+359 88 123 4567',
      notes: '',
      active: true,
    });
    expect(saved).toMatchObject({ version: 1, languages: ['Romani', 'Bulgarian'] });
    const profile = await coord.call('resources.saveInterviewer', { userId: ids.iv1, version: 0, certification: 'NICHD', certifiedUntil: '2027-06-30', protocols: ['nichd'] });
    expect(profile).toEqual({
      userId: ids.iv1,
      name: 'iv1 display',
      active: true,
      version: 1,
      certification: 'NICHD',
      certifiedUntil: '2027-06-30',
      protocols: ['nichd'],
      certificationHistory: [{ certification: 'NICHD', certifiedUntil: '2027-06-30', recordedAt: '2026-11-22T09:00:00.000Z', recordedBy: 'coord display' }],
    });

    const before = digest();
    const staleInterpreter = await refusal(
      coord.call('resources.saveInterpreter', { id: interpreterId, version: 0, name: 'E. D.', languages: ['Romani'], phone: '', notes: '', active: true }),
    );
    expect(staleInterpreter.status).toBe(409);
    expect(staleInterpreter.details).toEqual({ current: saved });
    const staleProfile = await refusal(coord.call('resources.saveInterviewer', { userId: ids.iv1, version: 0, certification: '', certifiedUntil: null, protocols: [] }));
    expect(staleProfile.status).toBe(409);
    expect(await fieldRefusal(coord.call('resources.saveInterviewer', { userId: ids.officer, version: 0, certification: '', certifiedUntil: null, protocols: [] }))).toEqual([
      { path: ['userId'], code: 'custom', message: checkMessages.activeInterviewer },
    ]);
    expect(digest()).toBe(before);
    const list = await coord.call('resources.list', {});
    expect(list.interviewers.map((i) => [i.name, i.version])).toEqual([
      ['iv1 display', 1],
      ['iv2 display', 0],
    ]);
  });

  it('rules: an unknown time zone and an open day ending before it starts are refused with their paths; a stale version answers 409', async () => {
    const { coord, digest } = await centre();
    const { rules } = await coord.call('resources.list', {});
    expect(rules).toMatchObject({ timeZone: 'Europe/Bucharest', version: 1, bufferMinutes: 30, dailyLimit: 2 });
    const before = digest();
    const input = { version: rules.version, timeZone: 'Europe/Bucharest', hours: HOURS, bufferMinutes: 15, dailyLimit: 3 };
    expect(await fieldRefusal(coord.call('resources.saveRules', { ...input, timeZone: 'Europe/Atlantis' }))).toEqual([
      { path: ['timeZone'], code: 'custom', message: checkMessages.timeZone },
    ]);
    expect(await fieldRefusal(coord.call('resources.saveRules', { ...input, hours: { ...HOURS, tue: { open: true, start: '12:00', end: '09:00' } } }))).toEqual([
      { path: ['hours', 'tue', 'end'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
    expect(await fieldRefusal(coord.call('resources.saveRules', { ...input, hours: { ...HOURS, wed: { open: true, start: '10:00', end: '10:00' } } }))).toEqual([
      { path: ['hours', 'wed', 'end'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
    const stale = await refusal(coord.call('resources.saveRules', { ...input, version: 0 }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: typeof rules }).current).toEqual(rules);
    expect(digest()).toBe(before);

    // A closed day's hours are not checked: it is closed.
    const saved = await coord.call('resources.saveRules', { ...input, hours: { ...HOURS, sat: { open: false, start: '13:00', end: '09:00' } } });
    expect(saved).toMatchObject({ version: 2, bufferMinutes: 15, dailyLimit: 3 });
  });

  it('closed days are added, listed in date order, and opened again', async () => {
    const { coord, as } = await centre();
    await coord.call('resources.setClosedDay', { date: '2026-12-25', closed: true, reason: 'Christmas' });
    const { closedDays } = await coord.call('resources.setClosedDay', { date: '2026-12-01', closed: true, reason: 'National day' });
    expect(closedDays).toEqual([
      { date: '2026-12-01', reason: 'National day' },
      { date: '2026-12-25', reason: 'Christmas' },
    ]);
    expect((await coord.call('resources.setClosedDay', { date: '2026-12-01', closed: false })).closedDays).toEqual([{ date: '2026-12-25', reason: 'Christmas' }]);
    expect((await refusal((await as('officer')).call('resources.setClosedDay', { date: '2026-12-02', closed: true }))).status).toBe(403);
  });
});

describe('booking an interview', () => {
  it('books with an interpreter, a support person and invitees; the attendance list starts from them', async () => {
    const { schedule, caseA, ids, rooms, interpreterId, coord, as } = await centre();
    const interview = await schedule(caseA.caseId, {
      interpreterId,
      interpreterLanguage: 'Romani',
      supportPerson: 'Maria Pop (aunt)',
      invitees: [
        { agency: 'police', userId: ids.officer, name: 'Inspector Dan Pop' },
        { agency: 'judge', userId: null, name: 'Judge Ion Rusu' },
        { agency: 'defence', userId: null, name: 'Av. Mihai Stan' },
      ],
      planning: { at: local(MON, '09:00'), agenda: 'Timeline of the summer.', briefing: '', interpreterBriefed: true },
    });
    expect(interview).toMatchObject({
      caseId: caseA.caseId,
      childId: caseA.childId,
      childName: 'Ana Pop',
      sequence: 1,
      supplementaryId: null,
      status: 'scheduled',
      startsAt: '2026-11-23T08:00:00.000Z',
      endsAt: '2026-11-23T09:00:00.000Z',
      roomId: rooms.room1,
      roomName: 'Interview room 1',
      observationRoomName: 'Observation 1',
      interviewerName: 'iv1 display',
      interpreterName: 'Elena Dimitrova',
      record: null,
      cancelReason: null,
      version: 0,
    });
    expect(interview.attendance.map(({ name, userId, agency, role, location, invited, arrivedAt, absent }) => ({ name, userId, agency, role, location, invited, arrivedAt, absent }))).toEqual([
      { name: 'iv1 display', userId: ids.iv1, agency: 'barnahus', role: 'interviewer', location: 'interview_room', invited: true, arrivedAt: null, absent: false },
      { name: 'Elena Dimitrova', userId: null, agency: 'interpreter_service', role: 'interpreter', location: 'interview_room', invited: true, arrivedAt: null, absent: false },
      { name: 'Maria Pop (aunt)', userId: null, agency: 'family', role: 'support_person', location: 'interview_room', invited: true, arrivedAt: null, absent: false },
      { name: 'Inspector Dan Pop', userId: ids.officer, agency: 'police', role: 'observer', location: 'observation_room', invited: true, arrivedAt: null, absent: false },
      { name: 'Judge Ion Rusu', userId: null, agency: 'judge', role: 'judge', location: 'observation_room', invited: true, arrivedAt: null, absent: false },
      { name: 'Av. Mihai Stan', userId: null, agency: 'defence', role: 'defence', location: 'observation_room', invited: true, arrivedAt: null, absent: false },
    ]);

    const forCase = await coord.call('interviews.forCase', { caseId: caseA.caseId });
    expect(forCase.childInterviewCount).toBe(1);
    expect(forCase.interviews).toEqual([interview]);
    expect(await (await as('officer')).call('interviews.get', { interviewId: interview.id })).toEqual(interview);
    const timeline = await coord.call('cases.timeline', { caseId: caseA.caseId, groups: ['interview'] });
    expect(timeline.entries).toEqual([
      expect.objectContaining({
        kind: 'interview_scheduled',
        group: 'interview',
        data: { at: '2026-11-23T08:00:00.000Z', room: 'Interview room 1', interviewer: 'iv1 display', sequence: '1' },
      }),
    ]);
  });

  it('refuses a taken room (409, kind room, naming the booking in the way), changing nothing', async () => {
    const { schedule, caseA, newCase, ids, digest } = await centre();
    const first = await schedule(caseA.caseId);
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const before = digest();
    const conflicts = await conflictsOf(schedule(b.caseId, { startsAt: local(MON, '10:30'), observationRoomId: null, interviewerId: ids.iv2 }));
    expect(conflicts).toEqual([{ kind: 'room', interviewId: first.id, examId: null, startsAt: first.startsAt, endsAt: first.endsAt }]);
    expect(digest()).toBe(before);
  });

  it('refuses a taken observation room, interviewer or interpreter, each with its own kind', async () => {
    const { schedule, caseA, newCase, ids, rooms, interpreterId, digest } = await centre();
    await schedule(caseA.caseId, { interpreterId, interpreterLanguage: 'Romani' });
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const before = digest();
    const elsewhere = { roomId: rooms.room2, observationRoomId: rooms.obs2, interviewerId: ids.iv2 };
    expect(kindsOf(await conflictsOf(schedule(b.caseId, { ...elsewhere, observationRoomId: rooms.obs1 })))).toEqual(['observation_room']);
    expect(kindsOf(await conflictsOf(schedule(b.caseId, { ...elsewhere, interviewerId: ids.iv1 })))).toEqual(['interviewer']);
    expect(kindsOf(await conflictsOf(schedule(b.caseId, { ...elsewhere, interpreterId, interpreterLanguage: 'Romani' })))).toEqual(['interpreter']);
    // All of them at once.
    expect(kindsOf(await conflictsOf(schedule(b.caseId, { interpreterId })))).toEqual(['interpreter', 'interviewer', 'observation_room', 'room']);
    expect(digest()).toBe(before);
    expect((await schedule(b.caseId, elsewhere)).status).toBe('scheduled');
  });

  it('refuses the same child twice at once (kind child), even with an approved supplementary request', async () => {
    const { schedule, caseA, ids, rooms, approved, digest } = await centre();
    const first = await schedule(caseA.caseId);
    const request = await approved(caseA.caseId);
    const before = digest();
    const conflicts = await conflictsOf(schedule(caseA.caseId, { startsAt: local(MON, '10:30'), roomId: rooms.room2, observationRoomId: rooms.obs2, interviewerId: ids.iv2 }, request.id));
    expect(conflicts).toEqual([{ kind: 'child', interviewId: first.id, examId: null, startsAt: first.startsAt, endsAt: first.endsAt }]);
    expect(digest()).toBe(before);
  });

  it('refuses a closed day', async () => {
    const { schedule, caseA, coord, digest } = await centre();
    await coord.call('resources.setClosedDay', { date: MON, closed: true, reason: 'Staff training' });
    const before = digest();
    expect(await conflictsOf(schedule(caseA.caseId))).toEqual([{ kind: 'closed_day', interviewId: null, examId: null, startsAt: null, endsAt: null }]);
    expect(digest()).toBe(before);
    expect((await schedule(caseA.caseId, { startsAt: local(TUE, '10:00') })).startsAt).toBe(local(TUE, '10:00'));
  });

  it('working hours are the centre’s wall clock: 07:30 in Bucharest is refused, 08:00 is fine', async () => {
    const { schedule, caseA, digest } = await centre();
    const before = digest();
    const outside = [{ kind: 'outside_hours', interviewId: null, examId: null, startsAt: null, endsAt: null }];
    expect(await conflictsOf(schedule(caseA.caseId, { startsAt: local(MON, '07:30') }))).toEqual(outside);
    // 16:30 UTC is within 08:00–18:00 in UTC, but it is 18:30 in Bucharest.
    expect(await conflictsOf(schedule(caseA.caseId, { startsAt: '2026-11-23T16:30:00.000Z' }))).toEqual(outside);
    // Ends after closing time.
    expect(await conflictsOf(schedule(caseA.caseId, { startsAt: local(MON, '17:30') }))).toEqual(outside);
    // Saturday is closed; Friday closes at 16:00.
    expect(await conflictsOf(schedule(caseA.caseId, { startsAt: local(SAT, '10:00') }))).toEqual(outside);
    expect(await conflictsOf(schedule(caseA.caseId, { startsAt: local('2026-11-27', '15:30') }))).toEqual(outside);
    expect(digest()).toBe(before);
    const booked = await schedule(caseA.caseId, { startsAt: local(MON, '08:00') });
    expect(booked.startsAt).toBe('2026-11-23T06:00:00.000Z');
  });

  it('keeps the room’s buffer between interviews, before and after', async () => {
    const { schedule, caseA, newCase, ids, rooms, digest } = await centre();
    const first = await schedule(caseA.caseId);
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const before = digest();
    const other = { observationRoomId: rooms.obs2, interviewerId: ids.iv2 };
    const buffer = [{ kind: 'buffer', interviewId: first.id, examId: null, startsAt: first.startsAt, endsAt: first.endsAt }];
    expect(await conflictsOf(schedule(b.caseId, { ...other, startsAt: local(MON, '11:15') }))).toEqual(buffer);
    expect(await conflictsOf(schedule(b.caseId, { ...other, startsAt: local(MON, '08:30'), durationMinutes: 75 }))).toEqual(buffer);
    expect(digest()).toBe(before);
    // Another room needs no buffer; the same room after exactly the buffer is fine.
    await schedule(b.caseId, { ...other, roomId: rooms.room2, startsAt: local(MON, '11:00') });
    const c = await newCase({ firstName: 'Ioana', lastName: 'Marin' });
    expect((await schedule(c.caseId, { observationRoomId: null, startsAt: local(MON, '11:30'), durationMinutes: 30 })).status).toBe('scheduled');
  });

  it('refuses a third interview the same day for one interviewer (daily limit 2)', async () => {
    const { schedule, caseA, newCase, rooms, digest } = await centre();
    await schedule(caseA.caseId);
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const c = await newCase({ firstName: 'Ioana', lastName: 'Marin' });
    await schedule(b.caseId, { roomId: rooms.room2, observationRoomId: rooms.obs2, startsAt: local(MON, '13:00') });
    const before = digest();
    expect(await conflictsOf(schedule(c.caseId, { startsAt: local(MON, '15:00') }))).toEqual([{ kind: 'daily_limit', interviewId: null, examId: null, startsAt: null, endsAt: null }]);
    expect(digest()).toBe(before);
    // The next day counts afresh.
    expect((await schedule(c.caseId, { startsAt: local(TUE, '09:00') })).status).toBe('scheduled');
  });

  it('does not name a booking on a case the caller may not see: a restricted case’s slot is only "busy"', async () => {
    const { schedule, newCase, ids, as } = await centre();
    const secret = await newCase({ firstName: 'Radu', lastName: 'Secret' }, [], true);
    const taken = await schedule(secret.caseId, { observationRoomId: null });
    const other = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const conflicts = await conflictsOf(schedule(other.caseId, { observationRoomId: null, interviewerId: ids.iv2 }, null, 'coord2'));
    expect(conflicts).toEqual([{ kind: 'room', interviewId: null, examId: null, startsAt: taken.startsAt, endsAt: taken.endsAt }]);
    const calendar = await (await as('coord2')).call('interviews.calendar', { from: `${MON}T00:00:00.000Z`, to: `${TUE}T00:00:00.000Z` });
    expect(calendar.entries).toEqual([expect.objectContaining({ id: taken.id, booking: null })]);
  });

  it('a child who needs an interpreter cannot be booked without one (400), nor into rooms of the wrong kind or with a non-interviewer', async () => {
    const { schedule, newCase, caseA, ids, rooms, interpreterId, coord, digest } = await centre();
    const child = await newCase({ firstName: 'Florin', lastName: 'Stoica', interpreterNeeded: true, interpreterLanguage: 'Romani' });
    const before = digest();
    expect(await fieldRefusal(schedule(child.caseId))).toEqual([{ path: ['interpreterId'], code: 'custom', message: checkMessages.interpreterRequired }]);
    expect(await fieldRefusal(schedule(caseA.caseId, { roomId: rooms.obs1 }))).toEqual([{ path: ['roomId'], code: 'custom', message: checkMessages.roomKind }]);
    expect(await fieldRefusal(schedule(caseA.caseId, { observationRoomId: rooms.room2 }))).toEqual([
      { path: ['observationRoomId'], code: 'custom', message: checkMessages.roomKind },
    ]);
    expect(await fieldRefusal(schedule(caseA.caseId, { interviewerId: ids.officer }))).toEqual([
      { path: ['interviewerId'], code: 'custom', message: checkMessages.activeInterviewer },
    ]);
    expect(await fieldRefusal(schedule(caseA.caseId, { startsAt: '2026-11-22T08:00:00.000Z' }))).toEqual([
      { path: ['startsAt'], code: 'custom', message: checkMessages.datePast },
    ]);
    expect(await fieldRefusal(schedule(caseA.caseId, { invitees: [{ agency: 'police', userId: 9_999, name: 'Nobody' }] }))).toEqual([
      { path: ['invitees', 0, 'userId'], code: 'custom', message: checkMessages.invalidChoice },
    ]);
    await coord.call('resources.saveRoom', { id: rooms.room2, version: 0, name: 'Interview room 2', kind: 'interview', equipment: '', active: false });
    const inactive = digest();
    expect(await fieldRefusal(schedule(caseA.caseId, { roomId: rooms.room2 }))).toEqual([{ path: ['roomId'], code: 'custom', message: checkMessages.roomKind }]);
    expect(digest()).toBe(inactive);
    expect(before).not.toBe(inactive);
    const booked = await schedule(child.caseId, { interpreterId, interpreterLanguage: 'Romani' });
    expect(booked.interpreterName).toBe('Elena Dimitrova');
  });

  it('only those who schedule may book; a police officer is refused (403)', async () => {
    const { schedule, caseA } = await centre();
    expect((await refusal(schedule(caseA.caseId, {}, null, 'officer'))).status).toBe(403);
  });
});

describe('the one-interview rule', () => {
  it('refuses a second interview of the same child, on the same case or on another case of the child (400 supplementaryId)', async () => {
    const { schedule, caseA, newCase, ids, rooms, coord, digest } = await centre();
    await schedule(caseA.caseId);
    const secondCase = await newCase({ personId: caseA.childId });
    expect(secondCase.childId).toBe(caseA.childId);
    const before = digest();
    const later = { startsAt: local(TUE, '10:00') };
    const required = [{ path: ['supplementaryId'], code: 'custom', message: checkMessages.supplementaryRequired }];
    expect(await fieldRefusal(schedule(caseA.caseId, later))).toEqual(required);
    expect(await fieldRefusal(schedule(secondCase.caseId, { ...later, roomId: rooms.room2, interviewerId: ids.iv2 }))).toEqual(required);
    expect(digest()).toBe(before);
    expect((await coord.call('interviews.forCase', { caseId: secondCase.caseId })).childInterviewCount).toBe(1);
  });

  it('a request is pending until approved; approved, it books the supplementary interview once and is marked used', async () => {
    const { schedule, caseA, newCase, coord, as, clock, digest } = await centre();
    const first = await schedule(caseA.caseId);
    const secondCase = await newCase({ personId: caseA.childId });
    const request = await coord.call('interviews.requestSupplementary', { caseId: secondCase.caseId, reason: 'defence_request', details: 'The defence asks about the second evening.' });
    expect(request).toMatchObject({ state: 'pending', caseId: secondCase.caseId, childId: caseA.childId, decision: null, interviewId: null, requestedBy: 'coord display' });

    const tuesday = { startsAt: local(TUE, '10:00') };
    const before = digest();
    expect(await fieldRefusal(schedule(secondCase.caseId, tuesday, request.id))).toEqual([
      { path: ['supplementaryId'], code: 'custom', message: checkMessages.notApproved },
    ]);
    expect(digest()).toBe(before);

    // The prosecutor on the team records the decision.
    const prosecutor = await as('prosecutor');
    expect((await prosecutor.call('interviews.get', { interviewId: first.id })).id).toBe(first.id);
    const decided = await prosecutor.call('interviews.decideSupplementary', {
      requestId: request.id,
      decision: 'approved',
      deciderRole: 'prosecutor',
      deciderName: 'Prosecutor Ana Rusu',
      decidedAt: clock.now().toISOString(),
      sameInterviewer: false,
      note: 'Limited to the second evening.',
    }).catch((e: unknown) => e);
    // The prosecutor is not on the second case's team: need to know applies to decisions too.
    expect(decided).toBeInstanceOf(ApiError);
    expect((decided as ApiError).status).toBe(404);
    const approved = await coord.call('interviews.decideSupplementary', {
      requestId: request.id,
      decision: 'approved',
      deciderRole: 'prosecutor',
      deciderName: 'Prosecutor Ana Rusu',
      decidedAt: clock.now().toISOString(),
      sameInterviewer: false,
      note: 'Limited to the second evening.',
    });
    expect(approved).toMatchObject({
      state: 'approved',
      decision: { deciderRole: 'prosecutor', deciderName: 'Prosecutor Ana Rusu', decidedAt: T0, sameInterviewer: false, note: 'Limited to the second evening.' },
    });
    const again = await refusal(coord.call('interviews.decideSupplementary', { requestId: request.id, decision: 'refused', deciderRole: 'judge', deciderName: 'X', decidedAt: T0, sameInterviewer: false, note: '' }));
    expect(again.status).toBe(409);

    const second = await schedule(secondCase.caseId, tuesday, request.id);
    expect(second).toMatchObject({ sequence: 2, supplementaryId: request.id, caseId: secondCase.caseId });
    const forCase = await coord.call('interviews.forCase', { caseId: secondCase.caseId });
    expect(forCase.childInterviewCount).toBe(2);
    expect(forCase.requests).toEqual([expect.objectContaining({ id: request.id, state: 'approved', interviewId: second.id })]);

    const used = digest();
    expect(await fieldRefusal(schedule(secondCase.caseId, { startsAt: local('2026-11-25', '10:00') }, request.id))).toEqual([
      { path: ['supplementaryId'], code: 'custom', message: checkMessages.requestUsed },
    ]);
    expect(digest()).toBe(used);
    const timeline = await coord.call('cases.timeline', { caseId: secondCase.caseId, groups: ['interview'] });
    expect(timeline.entries.map((e) => e.kind)).toEqual(['interview_scheduled', 'supplementary_decided', 'supplementary_requested']);
  });

  it('a refused request books nothing; a request for another child, or one where none is needed, is refused', async () => {
    const { schedule, caseA, newCase, coord, approved } = await centre();
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    // No interview yet: no request is needed, and none may be given.
    expect((await refusal(coord.call('interviews.requestSupplementary', { caseId: caseA.caseId, reason: 'other', details: 'x' }))).status).toBe(409);
    await schedule(caseA.caseId);
    await schedule(b.caseId, { startsAt: local(TUE, '10:00') });
    const forB = await approved(b.caseId);
    expect(await fieldRefusal(schedule(caseA.caseId, { startsAt: local(TUE, '14:00') }, forB.id))).toEqual([
      { path: ['supplementaryId'], code: 'custom', message: checkMessages.wrongChild },
    ]);
    const c = await newCase({ firstName: 'Ioana', lastName: 'Marin' });
    expect(await fieldRefusal(schedule(c.caseId, { startsAt: local(TUE, '14:00') }, forB.id))).toEqual([
      { path: ['supplementaryId'], code: 'custom', message: checkMessages.noSupplementaryNeeded },
    ]);
    const request = await coord.call('interviews.requestSupplementary', { caseId: caseA.caseId, reason: 'incomplete_first', details: 'The child was tired.' });
    const refused = await coord.call('interviews.decideSupplementary', {
      requestId: request.id,
      decision: 'refused',
      deciderRole: 'judge',
      deciderName: 'Judge Ion Rusu',
      decidedAt: T0,
      sameInterviewer: false,
      note: 'The recording suffices.',
    });
    expect(refused.state).toBe('refused');
    expect(await fieldRefusal(schedule(caseA.caseId, { startsAt: local(TUE, '14:00') }, request.id))).toEqual([
      { path: ['supplementaryId'], code: 'custom', message: checkMessages.notApproved },
    ]);
    // A decision cannot predate the request nor lie in the future.
    const pending = await coord.call('interviews.requestSupplementary', { caseId: caseA.caseId, reason: 'other', details: 'x' });
    const decide = (decidedAt: string) =>
      coord.call('interviews.decideSupplementary', { requestId: pending.id, decision: 'approved', deciderRole: 'prosecutor', deciderName: 'P', decidedAt, sameInterviewer: false, note: '' });
    expect(await fieldRefusal(decide('2026-11-22T08:00:00.000Z'))).toEqual([{ path: ['decidedAt'], code: 'custom', message: checkMessages.endBeforeStart }]);
    expect(await fieldRefusal(decide('2026-11-22T10:00:00.000Z'))).toEqual([{ path: ['decidedAt'], code: 'custom', message: checkMessages.dateFuture }]);
  });

  it('"same interviewer" in the decision is enforced, when booking and when changing the booking', async () => {
    const { schedule, caseA, ids, approved, coord } = await centre();
    await schedule(caseA.caseId);
    const request = await approved(caseA.caseId, true);
    const tuesday = { startsAt: local(TUE, '10:00') };
    expect(await fieldRefusal(schedule(caseA.caseId, { ...tuesday, interviewerId: ids.iv2 }, request.id))).toEqual([
      { path: ['interviewerId'], code: 'custom', message: checkMessages.sameInterviewerRequired },
    ]);
    const second = await schedule(caseA.caseId, tuesday, request.id);
    expect(second.interviewerId).toBe(ids.iv1);
    expect(
      await fieldRefusal(coord.call('interviews.update', { interviewId: second.id, version: second.version, reason: 'Interviewer ill.', ...fieldsOf(second), interviewerId: ids.iv2 })),
    ).toEqual([{ path: ['interviewerId'], code: 'custom', message: checkMessages.sameInterviewerRequired }]);
  });

  it('a cancelled interview does not count: the child may be booked again without a request', async () => {
    const { schedule, caseA, coord } = await centre();
    const first = await schedule(caseA.caseId);
    const cancelled = await coord.call('interviews.cancel', { interviewId: first.id, version: first.version, reason: 'The child is ill.' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'The child is ill.', version: first.version + 1 });
    expect((await coord.call('interviews.forCase', { caseId: caseA.caseId })).childInterviewCount).toBe(0);
    // Same slot, freed.
    const again = await schedule(caseA.caseId);
    expect(again).toMatchObject({ sequence: 1, supplementaryId: null, status: 'scheduled' });
    expect((await coord.call('interviews.forCase', { caseId: caseA.caseId })).childInterviewCount).toBe(1);
  });
});

/** The booking fields of an interview, to send back changed. */
function fieldsOf(interview: Interview): BookingFields {
  const { startsAt, durationMinutes, roomId, observationRoomId, interviewerId, interpreterId, interpreterLanguage, supportPerson, invitees, planning } = interview;
  return { startsAt, durationMinutes, roomId, observationRoomId, interviewerId, interpreterId, interpreterLanguage, supportPerson, invitees, planning };
}

describe('changing a booking', () => {
  it('moving it needs a reason; it is checked like a new booking; a stale version answers 409 with the current booking', async () => {
    const { schedule, caseA, newCase, ids, rooms, coord, digest } = await centre();
    const first = await schedule(caseA.caseId);
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const other = await schedule(b.caseId, { roomId: rooms.room2, observationRoomId: rooms.obs2, interviewerId: ids.iv2, startsAt: local(MON, '14:00') });
    const update = (fields: Partial<BookingFields>, reason = '', version = first.version) =>
      coord.call('interviews.update', { interviewId: first.id, version, reason, ...fieldsOf(first), ...fields });

    const before = digest();
    expect(await fieldRefusal(update({ startsAt: local(MON, '12:00') }))).toEqual([{ path: ['reason'], code: 'custom', message: checkMessages.reasonRequired }]);
    expect(await fieldRefusal(update({ roomId: rooms.room2 }))).toEqual([{ path: ['reason'], code: 'custom', message: checkMessages.reasonRequired }]);
    expect(await conflictsOf(update({ startsAt: local(MON, '14:30'), roomId: rooms.room2, observationRoomId: rooms.obs1 }, 'Room 1 flooded.'))).toEqual([
      { kind: 'room', interviewId: other.id, examId: null, startsAt: other.startsAt, endsAt: other.endsAt },
    ]);
    const stale = await refusal(update({ startsAt: local(MON, '12:00') }, 'Court.', first.version + 1));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: Interview }).current).toEqual(first);
    expect(digest()).toBe(before);

    // Moving by half an hour within its own buffer does not clash with itself.
    const moved = await update({ startsAt: local(MON, '10:30') }, 'The prosecutor is in court that morning.');
    expect(moved).toMatchObject({ startsAt: local(MON, '10:30'), endsAt: local(MON, '11:30'), version: first.version + 1 });
    const timeline = await coord.call('cases.timeline', { caseId: caseA.caseId, groups: ['interview'] });
    expect(timeline.entries[0]).toMatchObject({
      kind: 'interview_rescheduled',
      data: { from: first.startsAt, at: moved.startsAt, room: 'Interview room 1', interviewer: 'iv1 display', reason: 'The prosecutor is in court that morning.' },
    });
    // The old version is now stale.
    expect((await refusal(update({ supportPerson: 'Aunt' }))).status).toBe(409);
  });

  it('changing only the invitations needs no reason; the attendance list follows, keeping what was recorded', async () => {
    const { schedule, caseA, ids, coord } = await centre();
    const first = await schedule(caseA.caseId, {
      invitees: [
        { agency: 'police', userId: ids.officer, name: 'Inspector Dan Pop' },
        { agency: 'judge', userId: null, name: 'Judge Ion Rusu' },
      ],
    });
    // The judge sent word they cannot come: recorded before the invitation is withdrawn.
    const judge = first.attendance.find((a) => a.name === 'Judge Ion Rusu')!;
    await coord.call('interviews.saveAttendee', {
      interviewId: first.id,
      attendeeId: judge.id,
      version: judge.version,
      name: judge.name,
      userId: null,
      agency: 'judge',
      role: 'judge',
      location: 'observation_room',
      arrivedAt: null,
      leftAt: null,
      absent: true,
    });
    const updated = await coord.call('interviews.update', {
      interviewId: first.id,
      version: first.version,
      reason: '',
      ...fieldsOf(first),
      invitees: [
        { agency: 'police', userId: ids.officer, name: 'Inspector Dan Pop' },
        { agency: 'child_lawyer', userId: null, name: 'Av. Irina Voicu' },
      ],
    });
    expect(updated.version).toBe(first.version + 1);
    expect(updated.attendance.map((a) => [a.name, a.role, a.absent])).toEqual([
      ['iv1 display', 'interviewer', false],
      ['Inspector Dan Pop', 'observer', false],
      ['Judge Ion Rusu', 'judge', true],
      ['Av. Irina Voicu', 'observer', false],
    ]);
    // Withdrawn before anything was recorded about them, an invitee leaves the list.
    const again = await coord.call('interviews.update', { interviewId: first.id, version: updated.version, reason: '', ...fieldsOf(updated), invitees: [] });
    expect(again.attendance.map((a) => a.name)).toEqual(['iv1 display', 'Judge Ion Rusu']);
    const timeline = await coord.call('cases.timeline', { caseId: caseA.caseId, groups: ['interview'] });
    expect(timeline.entries.map((e) => e.kind)).toEqual(['interview_updated', 'interview_updated', 'interview_scheduled']);
  });

  it('an interview under way can still get its invitations and planning changed; only moving it into the past is refused', async () => {
    const { schedule, caseA, later, as } = await centre();
    const first = await schedule(caseA.caseId);
    later(23 * HOUR + 20 * MINUTE); // Monday 08:20 UTC: it began twenty minutes ago.
    const coord = await as('coord');
    const changed = await coord.call('interviews.update', {
      interviewId: first.id,
      version: first.version,
      reason: '',
      ...fieldsOf(first),
      invitees: [{ agency: 'child_lawyer', userId: null, name: 'Av. Irina Voicu' }],
    });
    expect(changed.invitees).toEqual([{ agency: 'child_lawyer', userId: null, name: 'Av. Irina Voicu' }]);
    expect(
      await fieldRefusal(coord.call('interviews.update', { interviewId: first.id, version: changed.version, reason: 'Late start.', ...fieldsOf(changed), startsAt: local(MON, '10:05') })),
    ).toEqual([{ path: ['startsAt'], code: 'custom', message: checkMessages.datePast }]);
    const moved = await coord.call('interviews.update', { interviewId: first.id, version: changed.version, reason: 'Late start.', ...fieldsOf(changed), startsAt: local(MON, '10:30') });
    expect(moved.startsAt).toBe(local(MON, '10:30'));
  });

  it('cancelling needs a reason and the current version; a cancelled interview can be neither changed nor cancelled again', async () => {
    const { schedule, caseA, coord, digest } = await centre();
    const first = await schedule(caseA.caseId);
    const before = digest();
    expect((await refusal(coord.call('interviews.cancel', { interviewId: first.id, version: first.version, reason: '  ' }))).status).toBe(400);
    expect((await refusal(coord.call('interviews.cancel', { interviewId: first.id, version: first.version + 3, reason: 'Ill.' }))).status).toBe(409);
    expect(digest()).toBe(before);
    const cancelled = await coord.call('interviews.cancel', { interviewId: first.id, version: first.version, reason: 'The child is ill.' });
    expect(cancelled.status).toBe('cancelled');
    const stillCancelled = digest();
    expect((await refusal(coord.call('interviews.cancel', { interviewId: first.id, version: cancelled.version, reason: 'Again.' }))).status).toBe(409);
    expect(
      (await refusal(coord.call('interviews.update', { interviewId: first.id, version: cancelled.version, reason: 'x', ...fieldsOf(first), startsAt: local(TUE, '10:00') }))).status,
    ).toBe(409);
    expect(digest()).toBe(stillCancelled);
    const timeline = await coord.call('cases.timeline', { caseId: caseA.caseId, groups: ['interview'] });
    expect(timeline.entries[0]).toMatchObject({ kind: 'interview_cancelled', data: { at: first.startsAt, reason: 'The child is ill.' } });
  });
});

describe('attendance', () => {
  it('arrival and departure; absent with an arrival, leaving before arriving, the future and a stale version are refused; someone not invited is added', async () => {
    const { schedule, caseA, ids, later, as, digest } = await centre();
    const interview = await schedule(caseA.caseId, { invitees: [{ agency: 'police', userId: ids.officer, name: 'Inspector Dan Pop' }] });
    later(23 * HOUR + 30 * MINUTE); // Monday 08:30 UTC, 10:30 in Bucharest: the interview is under way.
    const coord = await as('coord');
    const [interviewer, officer] = interview.attendance;
    const base = { interviewId: interview.id, name: interviewer!.name, userId: ids.iv1, agency: 'barnahus' as const, role: 'interviewer' as const, location: 'interview_room' as const };
    const arrived = await coord.call('interviews.saveAttendee', { ...base, attendeeId: interviewer!.id, version: 0, arrivedAt: '2026-11-23T07:50:00.000Z', leftAt: null, absent: false });
    const entry = arrived.attendance.find((a) => a.id === interviewer!.id);
    expect(entry).toMatchObject({ arrivedAt: '2026-11-23T07:50:00.000Z', leftAt: null, version: 1, invited: true });

    const before = digest();
    const save = (more: { attendeeId?: number; version?: number; arrivedAt: string | null; leftAt: string | null; absent: boolean }) =>
      coord.call('interviews.saveAttendee', { ...base, attendeeId: interviewer!.id, version: 1, ...more });
    expect(await fieldRefusal(save({ arrivedAt: '2026-11-23T07:50:00.000Z', leftAt: null, absent: true }))).toEqual([
      { path: ['absent'], code: 'custom', message: checkMessages.absentArrived },
    ]);
    expect(await fieldRefusal(save({ arrivedAt: '2026-11-23T07:50:00.000Z', leftAt: '2026-11-23T07:40:00.000Z', absent: false }))).toEqual([
      { path: ['leftAt'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
    expect(await fieldRefusal(save({ arrivedAt: null, leftAt: '2026-11-23T08:00:00.000Z', absent: false }))).toEqual([
      { path: ['leftAt'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
    expect(await fieldRefusal(save({ arrivedAt: '2026-11-23T08:45:00.000Z', leftAt: null, absent: false }))).toEqual([
      { path: ['arrivedAt'], code: 'custom', message: checkMessages.dateFuture },
    ]);
    const stale = await refusal(save({ version: 0, arrivedAt: '2026-11-23T07:55:00.000Z', leftAt: null, absent: false }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: Interview }).current.attendance.find((a) => a.id === interviewer!.id)?.version).toBe(1);
    expect((await refusal(save({ attendeeId: 9_999, arrivedAt: null, leftAt: null, absent: false }))).status).toBe(404);
    expect(digest()).toBe(before);

    const left = await save({ arrivedAt: '2026-11-23T07:50:00.000Z', leftAt: '2026-11-23T08:25:00.000Z', absent: false });
    expect(left.attendance.find((a) => a.id === interviewer!.id)).toMatchObject({ leftAt: '2026-11-23T08:25:00.000Z', version: 2 });
    const absent = await coord.call('interviews.saveAttendee', {
      interviewId: interview.id,
      attendeeId: officer!.id,
      version: 0,
      name: officer!.name,
      userId: ids.officer,
      agency: 'police',
      role: 'observer',
      location: 'observation_room',
      arrivedAt: null,
      leftAt: null,
      absent: true,
    });
    expect(absent.attendance.find((a) => a.id === officer!.id)).toMatchObject({ absent: true, version: 1 });
    const added = await coord.call('interviews.saveAttendee', {
      interviewId: interview.id,
      attendeeId: null,
      version: 0,
      name: 'Ion Vasile',
      userId: null,
      agency: 'barnahus',
      role: 'technician',
      location: 'observation_room',
      arrivedAt: '2026-11-23T07:45:00.000Z',
      leftAt: null,
      absent: false,
    });
    expect(added.attendance.map((a) => [a.name, a.invited])).toEqual([
      ['iv1 display', true],
      ['Inspector Dan Pop', true],
      ['Ion Vasile', false],
    ]);
    // Only those who schedule record attendance.
    expect((await refusal((await as('officer')).call('interviews.saveAttendee', { ...base, attendeeId: null, version: 0, arrivedAt: null, leftAt: null, absent: false }))).status).toBe(403);
  });
});

describe('attendance lies on the interview’s day', () => {
  it('"arrived now" the day before, an arrival before the setup window, a departure after the centre’s midnight: 400 with the field, the database unchanged', async () => {
    const { schedule, caseA, ids, clock, later, as, digest } = await centre();
    // Monday 10:00–11:00 in Bucharest; it is Sunday 11:00 there.
    const interview = await schedule(caseA.caseId);
    let coord = await as('coord');
    const [interviewer] = interview.attendance;
    const base = { interviewId: interview.id, attendeeId: interviewer!.id, name: interviewer!.name, userId: ids.iv1, agency: 'barnahus' as const, role: 'interviewer' as const, location: 'interview_room' as const, absent: false };
    const save = (arrivedAt: string | null, leftAt: string | null, version = 0) => coord.call('interviews.saveAttendee', { ...base, version, arrivedAt, leftAt });
    const outside = (path: string) => [{ path: [path], code: 'custom', message: checkMessages.outsideInterviewDay }];

    const before = digest();
    expect(await fieldRefusal(save(clock.now().toISOString(), null))).toEqual(outside('arrivedAt'));
    expect(digest()).toBe(before);

    later(38 * HOUR); // Tuesday 01:00 in Bucharest, Monday 23:00 UTC: Monday is over at the centre, not in UTC.
    coord = await as('coord');
    const again = digest();
    expect(await fieldRefusal(save(local(MON, '07:59'), null))).toEqual(outside('arrivedAt'));
    expect(await fieldRefusal(save(local(MON, '08:00'), local(TUE, '00:30')))).toEqual(outside('leftAt'));
    expect(digest()).toBe(again);

    // From two hours before the start to the end of the centre's day.
    const saved = await save(local(MON, '08:00'), local(MON, '23:59'));
    expect(saved.attendance.find((a) => a.id === interviewer!.id)).toMatchObject({ arrivedAt: local(MON, '08:00'), leftAt: local(MON, '23:59'), version: 1 });
  });
});

describe('the interview record', () => {
  it('records the interview as held, meets the case’s interview deadline, and hides the remarks from roles that may not read them', async () => {
    const { schedule, caseA, later, as, digest } = await centre();
    const interview = await schedule(caseA.caseId);
    later(25 * HOUR); // Monday 10:00 UTC, noon in Bucharest: the interview is over.
    const interviewer = await as('iv1');
    const record = {
      interviewId: interview.id,
      version: interview.version,
      actualStart: '2026-11-23T08:05:00.000Z',
      actualEnd: '2026-11-23T08:58:00.000Z',
      breaks: [{ start: '2026-11-23T08:30:00.000Z', end: '2026-11-23T08:40:00.000Z' }],
      protocol: 'nichd' as const,
      questionsRelayed: true,
      disclosure: 'partial' as const,
      remarks: 'The child grew tired after the break.',
    };
    const before = digest();
    expect(await fieldRefusal(interviewer.call('interviews.recordOutcome', { ...record, breaks: [{ start: '2026-11-23T07:55:00.000Z', end: '2026-11-23T08:10:00.000Z' }] }))).toEqual([
      { path: ['breaks', 0, 'start'], code: 'custom', message: checkMessages.breakOutside },
    ]);
    expect(await fieldRefusal(interviewer.call('interviews.recordOutcome', { ...record, breaks: [{ start: '2026-11-23T08:50:00.000Z', end: '2026-11-23T09:05:00.000Z' }] }))).toEqual([
      { path: ['breaks', 0, 'start'], code: 'custom', message: checkMessages.breakOutside },
    ]);
    expect(await fieldRefusal(interviewer.call('interviews.recordOutcome', { ...record, actualEnd: '2026-11-23T08:00:00.000Z', breaks: [] }))).toEqual([
      { path: ['actualEnd'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
    expect(await fieldRefusal(interviewer.call('interviews.recordOutcome', { ...record, actualEnd: '2026-11-23T11:00:00.000Z' }))).toEqual([
      { path: ['actualEnd'], code: 'custom', message: checkMessages.dateFuture },
    ]);
    expect((await refusal(interviewer.call('interviews.recordOutcome', { ...record, version: interview.version + 1 }))).status).toBe(409);
    expect(digest()).toBe(before);

    const held = await interviewer.call('interviews.recordOutcome', record);
    expect(held).toMatchObject({ status: 'held', version: interview.version + 1 });
    expect(held.record).toEqual({
      actualStart: record.actualStart,
      actualEnd: record.actualEnd,
      breaks: record.breaks,
      protocol: 'nichd',
      questionsRelayed: true,
      disclosure: 'partial',
      remarks: 'The child grew tired after the break.',
      remarksHidden: false,
    });
    const detail = await (await as('coord')).call('cases.get', { caseId: caseA.caseId });
    expect(detail.interviewDoneAt).toBe(record.actualEnd);
    expect(detail.deadlines.find((d) => d.milestone === 'interview')).toMatchObject({ doneAt: record.actualEnd, state: 'met' });

    // Child protection on the team sees the record, not the remarks; the police may read them.
    const social = await (await as('social')).call('interviews.get', { interviewId: interview.id });
    expect(social.record).toMatchObject({ remarks: '', remarksHidden: true, disclosure: 'partial' });
    const forCase = await (await as('social')).call('interviews.forCase', { caseId: caseA.caseId });
    expect(forCase.interviews[0]?.record).toMatchObject({ remarks: '', remarksHidden: true });
    const calendar = await (await as('social')).call('interviews.calendar', { from: `${MON}T00:00:00.000Z`, to: `${TUE}T00:00:00.000Z` });
    expect(calendar.entries[0]?.booking?.record).toMatchObject({ remarks: '', remarksHidden: true });
    expect((await (await as('officer')).call('interviews.get', { interviewId: interview.id })).record).toMatchObject({ remarks: record.remarks, remarksHidden: false });

    // A held interview is no longer moved; its record may be corrected, without touching the deadline.
    expect((await refusal((await as('coord')).call('interviews.update', { interviewId: interview.id, version: held.version, reason: 'x', ...fieldsOf(held) }))).status).toBe(409);
    const corrected = await interviewer.call('interviews.recordOutcome', { ...record, version: held.version, actualEnd: '2026-11-23T09:00:00.000Z', remarks: '' });
    expect(corrected.record?.actualEnd).toBe('2026-11-23T09:00:00.000Z');
    expect((await (await as('social')).call('interviews.get', { interviewId: interview.id })).record).toMatchObject({ remarks: '', remarksHidden: false });
    expect((await (await as('coord')).call('cases.get', { caseId: caseA.caseId })).interviewDoneAt).toBe(record.actualEnd);
    const timeline = await (await as('coord')).call('cases.timeline', { caseId: caseA.caseId, groups: ['interview'] });
    expect(timeline.entries.map((e) => e.kind)).toEqual(['interview_record_updated', 'interview_held', 'interview_scheduled']);
    // Recording the outcome needs cases.interview: not the police.
    expect((await refusal((await as('officer')).call('interviews.recordOutcome', { ...record, version: corrected.version }))).status).toBe(403);
  });
});

describe('the calendar and need to know', () => {
  it('a police officer sees their own case’s booking in full and any other only as busy', async () => {
    const { schedule, caseA, newCase, ids, rooms, as } = await centre();
    const mine = await schedule(caseA.caseId);
    const b = await newCase({ firstName: 'Mihai', lastName: 'Ionescu' });
    const theirs = await schedule(b.caseId, { roomId: rooms.room2, observationRoomId: rooms.obs2, interviewerId: ids.iv2, startsAt: local(MON, '12:00') });
    const range = { from: `${MON}T00:00:00.000Z`, to: `${TUE}T00:00:00.000Z` };
    const calendar = await (await as('officer')).call('interviews.calendar', range);
    expect(calendar.entries).toEqual([
      {
        kind: 'interview',
        id: mine.id,
        status: 'scheduled',
        startsAt: mine.startsAt,
        endsAt: mine.endsAt,
        roomId: rooms.room1,
        observationRoomId: rooms.obs1,
        interviewerId: ids.iv1,
        interpreterId: null,
        booking: mine,
        exam: null,
      },
      {
        kind: 'interview',
        id: theirs.id,
        status: 'scheduled',
        startsAt: theirs.startsAt,
        endsAt: theirs.endsAt,
        roomId: rooms.room2,
        observationRoomId: rooms.obs2,
        interviewerId: ids.iv2,
        interpreterId: null,
        booking: null,
        exam: null,
      },
    ]);
    const outsider = await (await as('outsider')).call('interviews.calendar', range);
    expect(outsider.entries.map((e) => e.booking)).toEqual([null, null]);
    const coord = await (await as('coord')).call('interviews.calendar', range);
    expect(coord.entries.map((e) => e.booking?.id)).toEqual([mine.id, theirs.id]);
    // Outside the range: nothing.
    expect((await (await as('coord')).call('interviews.calendar', { from: `${TUE}T00:00:00.000Z`, to: '2026-11-25T00:00:00.000Z' })).entries).toEqual([]);
    expect(await fieldRefusal((await as('coord')).call('interviews.calendar', { from: range.to, to: range.from }))).toEqual([
      { path: ['to'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
    expect(await fieldRefusal((await as('coord')).call('interviews.calendar', { from: range.from, to: '2027-03-01T00:00:00.000Z' }))).toEqual([
      { path: ['to'], code: 'custom', message: checkMessages.periodTooLong },
    ]);
  });

  it('a police officer not on the team gets 404 for the case’s interviews, exactly as for an interview that does not exist', async () => {
    const { schedule, caseA, as } = await centre();
    const interview = await schedule(caseA.caseId);
    const outsider = await as('outsider');
    const forCase = await refusal(outsider.call('interviews.forCase', { caseId: caseA.caseId }));
    expect(forCase.status).toBe(404);
    expect(forCase.message).toBe((await refusal(outsider.call('interviews.forCase', { caseId: 9_999 }))).message);
    const get = await refusal(outsider.call('interviews.get', { interviewId: interview.id }));
    expect(get.status).toBe(404);
    expect(get.message).toBe((await refusal(outsider.call('interviews.get', { interviewId: 9_999 }))).message);
    // On the team, the same officer may read them.
    expect((await (await as('officer')).call('interviews.get', { interviewId: interview.id })).id).toBe(interview.id);
  });

  it('a coordinator off a restricted case cannot change, cancel or record on its interview (404)', async () => {
    const { schedule, newCase, as } = await centre();
    const secret = await newCase({ firstName: 'Radu', lastName: 'Secret' }, [], true);
    const interview = await schedule(secret.caseId);
    const coord2 = await as('coord2');
    expect((await refusal(coord2.call('interviews.get', { interviewId: interview.id }))).status).toBe(404);
    expect((await refusal(coord2.call('interviews.cancel', { interviewId: interview.id, version: interview.version, reason: 'x' }))).status).toBe(404);
    expect((await refusal(coord2.call('interviews.update', { interviewId: interview.id, version: interview.version, reason: 'x', ...fieldsOf(interview) }))).status).toBe(404);
    expect((await refusal(coord2.call('interviews.forCase', { caseId: secret.caseId }))).status).toBe(404);
    expect((await refusal(coord2.call('interviews.requestSupplementary', { caseId: secret.caseId, reason: 'other', details: 'x' }))).status).toBe(404);
  });
});
