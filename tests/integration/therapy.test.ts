import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { Client } from '../../shared/client';
import type { TherapySessionFields, TreatmentPlan } from '../../shared/contract/followup-records';
import type { Role } from '../../shared/permissions';
import { databaseDigest } from '../support/core';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';
import { refusal, fieldRefusal } from '../support/refusal';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Sunday morning. */
const T0 = '2026-11-22T09:00:00.000Z';
const daysAgo = (n: number) => new Date(Date.parse(T0) - n * DAY).toISOString();

const people = {
  coord: 'coordinator',
  therapist: 'therapist',
  therapist2: 'therapist',
  prosecutor: 'prosecutor',
  officer: 'police',
  iv1: 'forensic_interviewer',
} as const satisfies Record<string, Role>;

/** What the child said in therapy: it must never reach anyone but the therapist. */
const NOTE = 'Spoke for the first time about the evenings at the uncle’s flat.';
const SCORE = 'T=68';
const GOAL = 'Sleep through the night without nightmares';

const field = (path: (string | number)[], message: string) => [{ path, code: 'custom', message }];

/** A case with the therapist, the prosecutor and interviewer 1 on its team; therapist 2 and the officer are not. */
async function centre() {
  const { clock, db, ids, as } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, {}, clock.now()));
  for (const name of ['therapist', 'prosecutor', 'iv1'] as const) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
  const caseId = created.id;
  // Therapy given needs the consent to it (tests/integration/child-safety.test.ts has the cases without one).
  await coord.call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'given', personId: null, at: daysAgo(20), note: '' });
  const therapist = await as('therapist');
  const session = (more: Partial<TherapySessionFields> & { id?: number | null; version?: number } = {}, who: Client = therapist) =>
    who.call('therapy.saveSession', {
      caseId,
      id: null,
      version: 0,
      startsAt: daysAgo(7),
      durationMinutes: 50,
      type: 'trauma_focused',
      attendance: 'attended',
      notes: '',
      ...more,
    });
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { db, clock, ids, as, coord, caseId, therapist, session, digest };
}

describe('therapy sessions', () => {
  it('the therapist logs sessions with notes; the prosecutor on the team sees the attendance pattern but not a word of the notes', async () => {
    const { as, caseId, therapist, session, ids } = await centre();
    const first = await session({ startsAt: daysAgo(14), type: 'crisis_intervention', notes: NOTE });
    expect(first).toEqual({
      id: first.id,
      caseId,
      therapistId: ids.therapist,
      therapistName: 'therapist display',
      startsAt: daysAgo(14),
      durationMinutes: 50,
      type: 'crisis_intervention',
      attendance: 'attended',
      notes: NOTE,
      notesHidden: false,
      version: 0,
    });
    await session({ startsAt: daysAgo(7), attendance: 'no_show' });
    await session({ startsAt: new Date(Date.parse(T0) + 7 * DAY).toISOString(), attendance: 'planned', notes: `Plan: continue with ${NOTE}` });

    const mine = await therapist.call('therapy.get', { caseId });
    expect(mine.clinicalHidden).toBe(false);
    expect(mine.sessions.map((s) => [s.attendance, s.notesHidden])).toEqual([
      ['planned', false],
      ['no_show', false],
      ['attended', false],
    ]);
    expect(mine.sessions[2]!.notes).toBe(NOTE);

    const theirs = await (await as('prosecutor')).call('therapy.get', { caseId });
    expect(theirs.clinicalHidden).toBe(true);
    expect(theirs.pattern).toEqual({ planned: 1, attended: 1, cancelled: 0, noShow: 1, consecutiveNoShows: 1 });
    expect(theirs.sessions.map((s) => [s.startsAt, s.attendance, s.notes, s.notesHidden])).toEqual([
      [new Date(Date.parse(T0) + 7 * DAY).toISOString(), 'planned', '', true],
      [daysAgo(7), 'no_show', '', true],
      [daysAgo(14), 'attended', '', true],
    ]);
    expect(JSON.stringify(theirs)).not.toContain('uncle');

    // The coordinator is not a therapist either; the timeline says that sessions happened, not what was said.
    const coordView = await (await as('coord')).call('therapy.get', { caseId });
    expect(JSON.stringify(coordView)).not.toContain('uncle');
    const timeline = await (await as('coord')).call('cases.timeline', { caseId, groups: ['therapy'] });
    expect(timeline.entries.map((e) => [e.kind, e.data]).at(-1)).toEqual(['therapy_session_logged', { at: daysAgo(14), type: 'crisis_intervention', attendance: 'attended' }]);
    expect(JSON.stringify(timeline)).not.toContain('uncle');
  });

  it('attended, cancelled or missed only once the session’s time has come; a future session may be planned', async () => {
    const { session, digest } = await centre();
    const tomorrow = new Date(Date.parse(T0) + DAY).toISOString();
    const before = digest();
    for (const attendance of ['no_show', 'attended', 'cancelled'] as const) {
      expect(await fieldRefusal(session({ startsAt: tomorrow, attendance }))).toEqual(field(['attendance'], checkMessages.notYetHeld));
    }
    expect(digest()).toBe(before);
    // A workstation clock a few minutes ahead is tolerated.
    expect((await session({ startsAt: new Date(Date.parse(T0) + 3 * MINUTE).toISOString(), attendance: 'no_show' })).attendance).toBe('no_show');
    const planned = await session({ startsAt: tomorrow, attendance: 'planned' });
    // Changing the planned session to "missed" before it happens is refused too.
    const beforeUpdate = digest();
    expect(await fieldRefusal(session({ id: planned.id, version: 0, startsAt: tomorrow, attendance: 'no_show' }))).toEqual(field(['attendance'], checkMessages.notYetHeld));
    expect(digest()).toBe(beforeUpdate);
  });

  it('counts no-shows in a row among the latest sessions due: two no-shows make two; an attended session after them resets the count', async () => {
    const { session, therapist, caseId, as } = await centre();
    await session({ startsAt: daysAgo(21), attendance: 'attended' });
    await session({ startsAt: daysAgo(14), attendance: 'no_show' });
    const missed = await session({ startsAt: daysAgo(7), attendance: 'no_show' });
    // A planned session not yet logged neither breaks nor extends the run.
    await session({ startsAt: daysAgo(1), attendance: 'planned' });
    const pattern = async () => (await (await as('prosecutor')).call('therapy.get', { caseId })).pattern;
    expect(await pattern()).toEqual({ planned: 1, attended: 1, cancelled: 0, noShow: 2, consecutiveNoShows: 2 });

    // The latest session was in fact attended: correcting it shortens the run to one.
    const corrected = await session({ id: missed.id, version: 0, startsAt: daysAgo(7), attendance: 'cancelled' });
    expect(corrected.version).toBe(1);
    expect(await pattern()).toMatchObject({ cancelled: 1, noShow: 1, consecutiveNoShows: 0 });
    await session({ id: missed.id, version: 1, startsAt: daysAgo(7), attendance: 'no_show' });
    expect((await pattern()).consecutiveNoShows).toBe(2);

    await session({ startsAt: daysAgo(0.5), attendance: 'attended' });
    expect(await pattern()).toEqual({ planned: 1, attended: 2, cancelled: 0, noShow: 2, consecutiveNoShows: 0 });

    // A stale version answers 409 with the session as it is now.
    const stale = await refusal(session({ id: missed.id, version: 0, startsAt: daysAgo(7), attendance: 'attended' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: { version: number; attendance: string } }).current).toMatchObject({ version: 2, attendance: 'no_show' });
    const timeline = await therapist.call('cases.timeline', { caseId, groups: ['therapy'] });
    expect(timeline.entries[1]).toMatchObject({ kind: 'therapy_session_updated', data: { at: daysAgo(7), attendance: 'no_show' } });
  });

  it('only therapists log sessions: the prosecutor gets 403; a therapist off the team gets 404, as for a case that does not exist', async () => {
    const { session, as, caseId, digest } = await centre();
    const prosecutor = await as('prosecutor');
    const therapist2 = await as('therapist2');
    const officer = await as('officer');
    const before = digest();
    expect((await refusal(session({ notes: NOTE }, prosecutor))).status).toBe(403);
    const hidden = await refusal(session({}, therapist2));
    expect(hidden.status).toBe(404);
    expect((await refusal(therapist2.call('therapy.get', { caseId }))).message).toBe(
      (await refusal(therapist2.call('therapy.get', { caseId: 9_999 }))).message,
    );
    expect((await refusal(officer.call('therapy.get', { caseId }))).status).toBe(404);
    expect(digest()).toBe(before);
  });

  it('a blind interviewer on the team sees an empty overview', async () => {
    const { session, as, caseId, db } = await centre();
    await session({ notes: NOTE });
    db.prepare('UPDATE security_policy SET blind_interviewer = 1').run();
    expect(await (await as('iv1')).call('therapy.get', { caseId })).toEqual({
      sessions: [],
      assessments: [],
      plan: null,
      pattern: { planned: 0, attended: 0, cancelled: 0, noShow: 0, consecutiveNoShows: 0 },
      clinicalHidden: true,
      consent: { state: 'none', at: null, byName: '' },
    });
  });
});

describe('assessments and the treatment plan', () => {
  it('assessments: the instrument and date are for the team, the score and notes for the therapist', async () => {
    const { therapist, as, caseId, digest } = await centre();
    const input = { caseId, id: null, version: 0, instrument: 'CATS', score: SCORE, assessedOn: '2026-11-20', notes: NOTE };
    const saved = await therapist.call('therapy.saveAssessment', input);
    expect(saved).toMatchObject({ instrument: 'CATS', score: SCORE, notes: NOTE, clinicalHidden: false, therapistName: 'therapist display', version: 0 });
    const before = digest();
    expect(await fieldRefusal(therapist.call('therapy.saveAssessment', { ...input, assessedOn: '2026-11-30' }))).toEqual(field(['assessedOn'], checkMessages.dateFuture));
    const stale = await refusal(therapist.call('therapy.saveAssessment', { ...input, id: saved.id, version: 1 }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: unknown }).current).toEqual(saved);
    expect(digest()).toBe(before);
    await therapist.call('therapy.saveAssessment', { ...input, id: saved.id, version: 0, score: 'T=61' });

    const theirs = await (await as('prosecutor')).call('therapy.get', { caseId });
    expect(theirs.assessments).toEqual([
      { id: saved.id, caseId, therapistName: 'therapist display', instrument: 'CATS', score: '', assessedOn: '2026-11-20', notes: '', clinicalHidden: true, version: 1 },
    ]);
    const timeline = await (await as('prosecutor')).call('cases.timeline', { caseId, groups: ['therapy'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['therapy_assessment', { instrument: 'CATS', on: '2026-11-20' }],
      ['therapy_assessment', { instrument: 'CATS', on: '2026-11-20' }],
    ]);
    const text = JSON.stringify([theirs, timeline]);
    for (const secret of [SCORE, 'T=61', 'uncle']) expect(text).not.toContain(secret);
  });

  it('the plan: version 0 starts it (once), versions are checked, closing stops new sessions, saving it again reopens', async () => {
    const { therapist, as, caseId, session, digest } = await centre();
    const planInput = { caseId, goals: [{ text: GOAL, state: 'open' as const }], reviewOn: '2026-12-20', sharedSummary: 'Weekly sessions started.' };
    const started = await therapist.call('therapy.savePlan', { ...planInput, version: 0 });
    expect(started).toEqual({
      caseId,
      goals: [{ text: GOAL, state: 'open' }],
      goalsHidden: false,
      reviewOn: '2026-12-20',
      sharedSummary: 'Weekly sessions started.',
      startedOn: '2026-11-22',
      updatedAt: T0,
      updatedBy: 'therapist display',
      closure: null,
      version: 1,
    });
    const before = digest();
    // A second "start" (another therapist's form opened before the plan existed) is a stale version.
    const twice = await refusal(therapist.call('therapy.savePlan', { ...planInput, version: 0 }));
    expect(twice.status).toBe(409);
    expect((twice.details as { current: TreatmentPlan }).current).toEqual(started);
    expect((await refusal(therapist.call('therapy.close', { caseId, version: 0, closedOn: '2026-11-22', reason: 'goals_met', note: '' }))).status).toBe(409);
    expect(await fieldRefusal(therapist.call('therapy.close', { caseId, version: 1, closedOn: '2026-11-23', reason: 'goals_met', note: '' }))).toEqual(
      field(['closedOn'], checkMessages.dateFuture),
    );
    expect(digest()).toBe(before);

    const revised = await therapist.call('therapy.savePlan', { ...planInput, version: 1, goals: [{ text: GOAL, state: 'achieved' }] });
    expect(revised.version).toBe(2);
    const forTeam = await (await as('prosecutor')).call('therapy.get', { caseId });
    expect(forTeam.plan).toMatchObject({ goals: [], goalsHidden: true, sharedSummary: 'Weekly sessions started.', reviewOn: '2026-12-20' });
    expect(JSON.stringify(forTeam)).not.toContain('nightmares');

    const closed = await therapist.call('therapy.close', { caseId, version: 2, closedOn: '2026-11-22', reason: 'family_withdrew', note: 'Moving to Constanța.' });
    expect(closed).toMatchObject({ version: 3, closure: { closedOn: '2026-11-22', reason: 'family_withdrew', note: 'Moving to Constanța.', by: 'therapist display' } });
    // The team learns that therapy closed and why, not the therapist's note on it.
    const closedForTeam = await (await as('prosecutor')).call('therapy.get', { caseId });
    expect(closedForTeam.plan?.closure).toEqual({ closedOn: '2026-11-22', reason: 'family_withdrew', note: '', by: 'therapist display' });
    const closedDigest = digest();
    expect(await fieldRefusal(session())).toEqual(field(['startsAt'], checkMessages.therapyClosed));
    expect((await refusal(therapist.call('therapy.close', { caseId, version: 3, closedOn: '2026-11-22', reason: 'other', note: '' }))).status).toBe(409);
    expect(digest()).toBe(closedDigest);

    const reopened = await therapist.call('therapy.savePlan', { ...planInput, version: 3, reviewOn: null });
    expect(reopened).toMatchObject({ version: 4, closure: null, reviewOn: null });
    expect((await session()).attendance).toBe('attended');

    const timeline = await therapist.call('cases.timeline', { caseId, groups: ['therapy'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['therapy_session_logged', { at: expect.any(String) as string, type: 'trauma_focused', attendance: 'attended' }],
      ['therapy_plan_saved', { reviewOn: null }],
      ['therapy_closed', { reason: 'family_withdrew' }],
      ['therapy_plan_saved', { reviewOn: '2026-12-20' }],
      ['therapy_plan_saved', { reviewOn: '2026-12-20' }],
    ]);
    expect(JSON.stringify(timeline)).not.toContain('nightmares');
    expect((await refusal((await as('prosecutor')).call('therapy.savePlan', { ...planInput, version: 4 }))).status).toBe(403);
  });
});
