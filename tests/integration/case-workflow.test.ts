import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { Client } from '../../shared/client';
import type { CaseDetail, LinkFields } from '../../shared/contract/case-records';
import type { Core } from '../../electron/core/core';
import { TestClock, databaseDigest, inProcessClient, insertUser, openTestCore, setUpCentre, signInWith } from '../support/core';
import { referral } from '../support/intake';
import { refusal } from '../support/refusal';

const PASSWORD = 'workflow test sentence long';
const HOUR = 3_600_000;
const T0 = '2026-11-22T09:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString();

const mother: LinkFields = { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false };

const signIn = (core: Core, username: string): Promise<Client> => signInWith(core, username, PASSWORD);

/**
 * A centre at T0 and one case, registered by `coord`, with the child's mother;
 * a child-protection worker, a doctor, an interviewer and a police officer on its team.
 */
async function centreWithCase(more: Parameters<typeof referral>[1] = {}) {
  const clock = new TestClock(new Date(T0));
  const { core } = openTestCore({ clock });
  const admin = await setUpCentre(inProcessClient(core));
  const db = core.store.db;
  const ids: Record<string, number> = {};
  for (const [name, role] of [
    ['coord', 'coordinator'],
    ['coord2', 'coordinator'],
    ['social', 'child_protection'],
    ['doctor', 'medical'],
    ['therapist', 'therapist'],
    ['interviewer', 'forensic_interviewer'],
    ['officer', 'police'],
    ['outsider', 'police'],
  ] as const) {
    ids[name] = await insertUser(db, name, PASSWORD, [role]);
  }
  const coord = await signIn(core, 'coord');
  let created = await coord.call(
    'cases.create',
    referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, { people: [{ person: { new: { firstName: 'Ioana', lastName: 'Pop' } }, link: mother }], ...more }, clock.now()),
  );
  for (const name of ['social', 'doctor', 'therapist', 'interviewer', 'officer']) created = await coord.call('cases.addMember', { caseId: created.id, userId: ids[name]! });
  /** Moves the clock; sessions lock after 15 idle minutes and end after 12 hours, so whoever acts next signs in again. */
  const later = async (ms: number, username = 'coord') => {
    clock.advance(ms);
    return signIn(core, username);
  };
  return { core, db, clock, admin, ids, coord, later, caseId: created.id, motherId: created.people[0]!.person.id, created };
}

const deadlineOf = (detail: CaseDetail, milestone: string) => detail.deadlines.find((d) => d.milestone === milestone);

describe('status', () => {
  it('moves along; leaving the initial assessment meets its deadline, leaving planning meets the plan’s', async () => {
    const { caseId, created, later } = await centreWithCase();
    expect(created.status).toBe('referral');
    let coord = await later(HOUR);
    let detail = await coord.call('cases.changeStatus', { caseId, version: created.version, status: 'initial_assessment' });
    expect(detail.status).toBe('initial_assessment');
    expect(detail.version).toBe(created.version + 1);
    expect(deadlineOf(detail, 'initial_assessment')).toMatchObject({ doneAt: null, state: 'open' });

    coord = await later(HOUR);
    detail = await coord.call('cases.changeStatus', { caseId, version: detail.version, status: 'planning' });
    expect(deadlineOf(detail, 'initial_assessment')).toEqual({ milestone: 'initial_assessment', dueAt: at(72), doneAt: at(2), state: 'met' });
    expect(deadlineOf(detail, 'intervention_plan')).toMatchObject({ doneAt: null, state: 'open' });

    // The plan took longer than its 30 days.
    coord = await later(31 * 24 * HOUR);
    detail = await coord.call('cases.changeStatus', { caseId, version: detail.version, status: 'interview' });
    expect(deadlineOf(detail, 'intervention_plan')).toEqual({ milestone: 'intervention_plan', dueAt: at(30 * 24), doneAt: at(2 + 31 * 24), state: 'met_late' });
    expect(deadlineOf(detail, 'initial_assessment')?.doneAt).toBe(at(2)); // not moved by later steps
    expect(deadlineOf(detail, 'interview')?.state).toBe('overdue');
    detail = await coord.call('cases.markInterviewDone', { caseId });
    expect(deadlineOf(detail, 'interview')).toMatchObject({ doneAt: at(2 + 31 * 24), state: 'met_late' });
    await coord.call('cases.changeStatus', { caseId, version: detail.version, status: 'follow_up', reason: 'Therapy started.' });

    const timeline = await coord.call('cases.timeline', { caseId, groups: ['status'] });
    expect(timeline.entries.map((e) => e.data)).toEqual([
      { from: 'interview', to: 'follow_up', reason: 'Therapy started.' },
      { from: 'planning', to: 'interview', reason: '' },
      { from: 'initial_assessment', to: 'planning', reason: '' },
      { from: 'referral', to: 'initial_assessment', reason: '' },
    ]);
  });

  it('an assessment made after its 72 hours is met late', async () => {
    const { caseId, created, later } = await centreWithCase();
    const coord = await later(80 * HOUR);
    const moved = await coord.call('cases.changeStatus', { caseId, version: created.version, status: 'initial_assessment' });
    const done = await coord.call('cases.changeStatus', { caseId, version: moved.version, status: 'planning' });
    expect(deadlineOf(done, 'initial_assessment')).toMatchObject({ doneAt: at(80), state: 'met_late' });
  });

  it('refuses the status the case already has, and a stale version, changing nothing', async () => {
    const { caseId, created, coord, db } = await centreWithCase();
    const before = databaseDigest(db, { exceptAudit: true });
    const same = await refusal(coord.call('cases.changeStatus', { caseId, version: created.version, status: 'referral' }));
    expect(same.status).toBe(400);
    expect(same.issues).toEqual([{ path: ['status'], code: 'custom', message: checkMessages.sameStatus }]);
    const stale = await refusal(coord.call('cases.changeStatus', { caseId, version: created.version - 1, status: 'planning' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: CaseDetail }).current.version).toBe(created.version);
    expect(databaseDigest(db, { exceptAudit: true })).toBe(before);
  });

  it('closing needs the legal outcome and its date (400 otherwise, changing nothing); deadlines not met stop', async () => {
    const { caseId, created, coord, db } = await centreWithCase();
    const version = created.version;
    const before = databaseDigest(db, { exceptAudit: true });
    const noOutcome = await refusal(coord.call('cases.changeStatus', { caseId, version, status: 'closed', outcomeDate: '2026-11-20' }));
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.issues).toEqual([{ path: ['outcome'], code: 'custom', message: checkMessages.outcomeRequired }]);
    const noDate = await refusal(coord.call('cases.changeStatus', { caseId, version, status: 'closed', outcome: 'conviction' }));
    expect(noDate.issues).toEqual([{ path: ['outcomeDate'], code: 'custom', message: checkMessages.outcomeDateRequired }]);
    const future = await refusal(coord.call('cases.changeStatus', { caseId, version, status: 'closed', outcome: 'conviction', outcomeDate: '2026-11-23' }));
    expect(future.issues).toEqual([{ path: ['outcomeDate'], code: 'custom', message: checkMessages.dateFuture }]);
    expect(databaseDigest(db, { exceptAudit: true })).toBe(before);

    const closed = await coord.call('cases.changeStatus', { caseId, version, status: 'closed', outcome: 'no_prosecution', outcomeDate: '2026-11-20' });
    expect(closed.status).toBe('closed');
    expect(closed.closure).toEqual({ closedAt: T0, outcome: 'no_prosecution', outcomeDate: '2026-11-20' });
    expect(closed.deadlines.map((d) => d.state)).toEqual(['stopped', 'stopped', 'stopped']);
    expect((await coord.call('cases.list', { statuses: ['closed'] })).items).toEqual([expect.objectContaining({ id: caseId, nextDueAt: null, overdue: false })]);
  });

  it('reopening needs a reason, and restarts the deadlines not yet met from now; met ones stay met', async () => {
    const { caseId, created, coord, db, later } = await centreWithCase();
    const assessed = await coord.call('cases.changeStatus', { caseId, version: created.version, status: 'planning' });
    const closed = await coord.call('cases.changeStatus', { caseId, version: assessed.version, status: 'closed', outcome: 'acquittal', outcomeDate: '2026-11-21' });

    const coordLater = await later(60 * 24 * HOUR);
    const before = databaseDigest(db, { exceptAudit: true });
    const noReason = await refusal(coordLater.call('cases.changeStatus', { caseId, version: closed.version, status: 'follow_up', reason: '   ' }));
    expect(noReason.status).toBe(400);
    expect(noReason.issues).toEqual([{ path: ['reason'], code: 'custom', message: checkMessages.reasonRequired }]);
    expect(databaseDigest(db, { exceptAudit: true })).toBe(before);

    const reopened = await coordLater.call('cases.changeStatus', { caseId, version: closed.version, status: 'follow_up', reason: 'The prosecutor appealed.' });
    expect(reopened.status).toBe('follow_up');
    expect(reopened.closure).toBeNull();
    expect(reopened.deadlines).toEqual([
      { milestone: 'initial_assessment', dueAt: at(72), doneAt: T0, state: 'met' },
      { milestone: 'interview', dueAt: at(60 * 24 + 14 * 24), doneAt: null, state: 'open' },
      { milestone: 'intervention_plan', dueAt: at(60 * 24 + 30 * 24), doneAt: null, state: 'open' },
    ]);
    expect((await coordLater.call('cases.list', { query: 'pop' })).items[0]).toMatchObject({ nextDueAt: at(60 * 24 + 14 * 24), overdue: false });
    const timeline = await coordLater.call('cases.timeline', { caseId, groups: ['status'] });
    expect(timeline.entries[0]).toMatchObject({ kind: 'reopened', at: at(60 * 24), by: 'coord', data: { to: 'follow_up', reason: 'The prosecutor appealed.', outcome: 'acquittal' } });
    expect(timeline.entries[1]).toMatchObject({ kind: 'closed', data: { from: 'planning', outcome: 'acquittal', outcomeDate: '2026-11-21' } });
  });
});

describe('needs attention', () => {
  it('lists deadlines overdue or due within a day and open tasks, soonest first, only of cases the caller may see', async () => {
    const { core, caseId, coord, later, ids } = await centreWithCase({
      fields: { receivedAt: at(-1), source: 'police', urgency: 'urgent', trafficking: ['controlled_by_others'] },
    });
    const restricted = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Rus' }, { restricted: true }));
    const other = await coord.call('cases.create', referral({ firstName: 'Eva', lastName: 'Lup' }));
    await coord.call('cases.addMember', { caseId: other.id, userId: ids.officer! });

    // Now: only the anti-trafficking referral, due in 24 hours; every deadline is days away.
    expect(await coord.call('cases.attention', {})).toEqual([
      { caseId, reference: 'BH-2026-0001', childName: 'Ana Pop', kind: 'task', what: 'anti_trafficking_referral', dueAt: at(24), overdue: false, recordId: null, meetingId: null, owner: null },
    ]);

    // 49 hours on: the task is late and every initial assessment is due within the day.
    const coordLater = await later(49 * HOUR);
    const seen = await coordLater.call('cases.attention', {});
    expect(seen.map((a) => [a.caseId, a.kind, a.what, a.dueAt, a.overdue])).toEqual([
      [caseId, 'task', 'anti_trafficking_referral', at(24), true],
      [caseId, 'deadline', 'initial_assessment', at(72), false],
      [restricted.id, 'deadline', 'initial_assessment', at(72), false],
      [other.id, 'deadline', 'initial_assessment', at(72), false],
    ]);
    // Another coordinator does not see the restricted case; the officer sees only the cases they are on.
    const coord2 = await signIn(core, 'coord2');
    // On none of the teams: nothing of their own, the centre's unrestricted cases when asked.
    expect(await coord2.call('cases.attention', {})).toEqual([]);
    expect((await coord2.call('cases.attention', { scope: 'centre' })).map((a) => a.caseId)).toEqual([caseId, caseId, other.id]);
    const officer = await signIn(core, 'officer');
    expect((await officer.call('cases.attention', {})).map((a) => [a.caseId, a.kind])).toEqual([
      [caseId, 'task'],
      [caseId, 'deadline'],
      [other.id, 'deadline'],
    ]);
    const outsider = await signIn(core, 'outsider');
    expect(await outsider.call('cases.attention', {})).toEqual([]);

    // Done work leaves the list: the task resolved, an assessment made, a case closed.
    const task = (await coordLater.call('cases.get', { caseId })).tasks[0]!;
    await coordLater.call('cases.resolveTask', { caseId, taskId: task.id, resolution: 'done', note: '' });
    const r = await coordLater.call('cases.get', { caseId: restricted.id });
    await coordLater.call('cases.changeStatus', { caseId: restricted.id, version: r.version, status: 'planning' });
    const o = await coordLater.call('cases.get', { caseId: other.id });
    await coordLater.call('cases.changeStatus', { caseId: other.id, version: o.version, status: 'closed', outcome: 'no_prosecution', outcomeDate: '2026-11-22' });
    expect((await coordLater.call('cases.attention', {})).map((a) => [a.caseId, a.what])).toEqual([[caseId, 'initial_assessment']]);

    // Past due, the deadline says so.
    const coordLate = await later(24 * HOUR);
    expect(await coordLate.call('cases.attention', {})).toEqual([expect.objectContaining({ caseId, kind: 'deadline', what: 'initial_assessment', overdue: true })]);
  });
});

describe('consents', () => {
  it('records a decision by an adult of the case or by the child, and a withdrawal', async () => {
    const { core, caseId, motherId } = await centreWithCase();
    const doctor = await signIn(core, 'doctor');
    const given = await doctor.call('cases.recordConsent', { caseId, scope: 'medical_exam', decision: 'given', personId: motherId, at: at(-2), note: 'Signed form.' });
    expect(given).toEqual({
      id: given.id,
      scope: 'medical_exam',
      decision: 'given',
      personId: motherId,
      byName: 'Ioana Pop',
      at: at(-2),
      note: 'Signed form.',
      recordedBy: 'doctor',
      withdrawnAt: null,
      withdrawnNote: '',
    });
    // Given with a UTC offset: kept as the same instant in UTC, like every other moment.
    const child = await doctor.call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'refused', personId: null, at: '2026-11-22T10:00:00+02:00' });
    expect(child).toMatchObject({ personId: null, byName: '', decision: 'refused', note: '', at: at(-1) });

    const withdrawn = await doctor.call('cases.withdrawConsent', { caseId, consentId: given.id, at: at(-0.5), note: 'Called to withdraw.' });
    expect(withdrawn).toEqual({ ...given, withdrawnAt: at(-0.5), withdrawnNote: 'Called to withdraw.' });
    const detail = await doctor.call('cases.get', { caseId });
    expect(detail.consents).toEqual([child, withdrawn]); // newest decision first
    const timeline = await doctor.call('cases.timeline', { caseId, groups: ['consents'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['consent_withdrawn', { scope: 'medical_exam', by: 'Ioana Pop' }],
      ['consent_recorded', { scope: 'therapy', decision: 'refused', by: null }],
      ['consent_recorded', { scope: 'medical_exam', decision: 'given', by: 'Ioana Pop' }],
    ]);
  });

  it('refuses a second withdrawal (409), withdrawing a refusal (409), a withdrawal before the consent (400), changing nothing', async () => {
    const { core, caseId, motherId, coord } = await centreWithCase();
    const given = await coord.call('cases.recordConsent', { caseId, scope: 'information_sharing', decision: 'given', personId: motherId, at: at(-2) });
    const refused = await coord.call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'refused', personId: motherId, at: at(-2) });

    const early = databaseDigest(core.store.db, { exceptAudit: true });
    const before = await refusal(coord.call('cases.withdrawConsent', { caseId, consentId: given.id, at: at(-3) }));
    expect(before.status).toBe(400);
    expect(before.issues).toEqual([{ path: ['at'], code: 'custom', message: checkMessages.beforeConsent }]);
    // The same moment written with another UTC offset is still before it.
    const offset = await refusal(coord.call('cases.withdrawConsent', { caseId, consentId: given.id, at: '2026-11-22T08:30:00+02:00' }));
    expect(offset.status).toBe(400);
    const ofRefusal = await refusal(coord.call('cases.withdrawConsent', { caseId, consentId: refused.id, at: at(-1) }));
    expect(ofRefusal.status).toBe(409);
    const future = await refusal(coord.call('cases.withdrawConsent', { caseId, consentId: given.id, at: at(1) }));
    expect(future.issues).toEqual([{ path: ['at'], code: 'custom', message: checkMessages.dateFuture }]);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(early);

    const withdrawn = await coord.call('cases.withdrawConsent', { caseId, consentId: given.id, at: at(-1) });
    const once = databaseDigest(core.store.db, { exceptAudit: true });
    const twice = await refusal(coord.call('cases.withdrawConsent', { caseId, consentId: given.id, at: at(-0.5) }));
    expect(twice.status).toBe(409);
    expect((twice.details as { current: unknown }).current).toEqual(withdrawn);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(once);
  });

  it('refuses a consent by someone who is not an adult of the case, or given in the future', async () => {
    const { caseId, coord, core } = await centreWithCase();
    const other = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Rus' }, { people: [{ person: { new: { firstName: 'Olga', lastName: 'Rus' } }, link: mother }] }));
    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const stranger = await refusal(coord.call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'given', personId: other.people[0]!.person.id, at: at(-1) }));
    expect(stranger.status).toBe(404);
    const future = await refusal(coord.call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'given', personId: null, at: at(2) }));
    expect(future.issues.map((i) => i.path)).toEqual([['at']]);
    const elsewhere = await refusal(coord.call('cases.withdrawConsent', { caseId: other.id, consentId: 1, at: at(-1) }));
    expect(elsewhere.status).toBe(404);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);
  });
});

describe('tasks', () => {
  it('dismissing needs a note saying why; a resolved task cannot be resolved again', async () => {
    const { core, caseId, created } = await centreWithCase({ fields: { receivedAt: at(-1), source: 'ngo', urgency: 'urgent', trafficking: ['owes_debt'] } });
    const task = created.tasks[0]!;
    const social = await signIn(core, 'social');
    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const noNote = await refusal(social.call('cases.resolveTask', { caseId, taskId: task.id, resolution: 'dismissed', note: '  ' }));
    expect(noNote.status).toBe(400);
    expect(noNote.issues).toEqual([{ path: ['note'], code: 'custom', message: checkMessages.reasonRequired }]);
    const missing = await refusal(social.call('cases.resolveTask', { caseId, taskId: task.id + 1000, resolution: 'done', note: '' }));
    expect(missing.status).toBe(404);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);

    const dismissed = await social.call('cases.resolveTask', { caseId, taskId: task.id, resolution: 'dismissed', note: 'Debt is to a bank; no exploitation.' });
    expect(dismissed).toEqual({ ...task, state: 'dismissed', resolvedAt: T0, resolvedBy: 'social', note: 'Debt is to a bank; no exploitation.' });
    const resolved = databaseDigest(core.store.db, { exceptAudit: true });
    const again = await refusal(social.call('cases.resolveTask', { caseId, taskId: task.id, resolution: 'done', note: '' }));
    expect(again.status).toBe(409);
    expect((again.details as { current: unknown }).current).toEqual(dismissed);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(resolved);
    const timeline = await social.call('cases.timeline', { caseId, groups: ['tasks'] });
    expect(timeline.entries.map((e) => [e.kind, e.by, e.data])).toEqual([
      ['task_resolved', 'social', { task: 'anti_trafficking_referral', resolution: 'dismissed' }],
      ['task_created', 'coord', { task: 'anti_trafficking_referral', indicators: ['owes_debt'] }],
    ]);
  });

  it('a task of another case answers 404', async () => {
    const { caseId, coord } = await centreWithCase();
    const other = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Rus' }, { fields: { receivedAt: at(-1), source: 'ngo', urgency: 'urgent', trafficking: ['goes_missing'] } }));
    const refused = await refusal(coord.call('cases.resolveTask', { caseId, taskId: other.tasks[0]!.id, resolution: 'done', note: '' }));
    expect(refused.status).toBe(404);
  });
});

describe('the timeline', () => {
  it('is newest first, filtered by group', async () => {
    const { caseId, coord, motherId, created, ids } = await centreWithCase();
    await coord.call('cases.updateLink', { caseId, personId: motherId, version: 0, changes: { mayBeInformed: false, informNote: 'Not yet.' } });
    await coord.call('cases.recordConsent', { caseId, scope: 'therapy', decision: 'given', personId: null, at: at(-1) });
    const detail = await coord.call('cases.get', { caseId });
    await coord.call('cases.changeStatus', { caseId, version: detail.version, status: 'initial_assessment' });
    await coord.call('cases.removeMember', { caseId, userId: ids.officer! });

    const all = await coord.call('cases.timeline', { caseId });
    expect(all.hiddenUntilInterview).toBe(false);
    expect(all.entries.map((e) => e.kind)).toEqual([
      'member_removed',
      'status',
      'consent_recorded',
      'link_updated',
      'member_added',
      'member_added',
      'member_added',
      'member_added',
      'member_added',
      'person_added',
      'created',
    ]);
    expect(all.entries.map((e) => e.id)).toEqual([...all.entries.map((e) => e.id)].sort((a, b) => b - a));
    expect(all.entries.at(-1)).toMatchObject({ at: created.createdAt, by: 'coord', group: 'referral', data: { reference: created.reference } });
    expect(all.entries[3]).toMatchObject({ group: 'people', data: { name: 'Ioana Pop', fields: ['mayBeInformed', 'informNote'] } });

    const some = await coord.call('cases.timeline', { caseId, groups: ['status', 'people'] });
    expect(some.entries.map((e) => e.kind)).toEqual(['status', 'link_updated', 'person_added']);
    expect((await coord.call('cases.timeline', { caseId, groups: ['team'] })).entries.map((e) => e.data.name)).toEqual([
      'officer',
      'officer',
      'interviewer',
      'therapist',
      'doctor',
      'social',
    ]);
  });

  it('is hidden from a blind interviewer until the interview; off the team it answers 404', async () => {
    const { core, admin, caseId } = await centreWithCase();
    const policy = await admin.call('security.getPolicy', {});
    await admin.call('security.updatePolicy', { ...policy, blindInterviewer: true });
    const interviewer = await signIn(core, 'interviewer');
    expect(await interviewer.call('cases.timeline', { caseId })).toEqual({ entries: [], hiddenUntilInterview: true });
    const blind = await interviewer.call('cases.get', { caseId });
    expect(blind.view).toBe('blind');
    expect(blind.fields).toBeNull();
    expect(blind.people.map((p) => p.allegedPerpetrator)).toEqual([null]);

    await interviewer.call('cases.markInterviewDone', { caseId });
    const after = await interviewer.call('cases.timeline', { caseId });
    expect(after.hiddenUntilInterview).toBe(false);
    expect(after.entries[0]).toMatchObject({ kind: 'interview_done', group: 'interview', by: 'interviewer' });

    const outsider = await signIn(core, 'outsider');
    expect((await refusal(outsider.call('cases.timeline', { caseId }))).status).toBe(404);
  });

  it('says that a note was added and of which discipline, never what it says', async () => {
    const { core, caseId, coord } = await centreWithCase();
    const texts = {
      general: 'Secret general remark about the father',
      medical: 'Secret medical finding: fracture',
      therapy: 'Secret therapy disclosure about the uncle',
    };
    await coord.call('cases.addNote', { caseId, discipline: 'general', text: texts.general });
    await (await signIn(core, 'doctor')).call('cases.addNote', { caseId, discipline: 'medical', text: texts.medical });
    await (await signIn(core, 'therapist')).call('cases.addNote', { caseId, discipline: 'therapy', text: texts.therapy });
    const notes = await coord.call('cases.timeline', { caseId, groups: ['notes'] });
    expect(notes.entries.map((e) => [e.kind, e.by, e.data])).toEqual([
      ['note_added', 'therapist', { discipline: 'therapy' }],
      ['note_added', 'doctor', { discipline: 'medical' }],
      ['note_added', 'coord', { discipline: 'general' }],
    ]);
    const stored = JSON.stringify(core.store.db.prepare('SELECT * FROM case_events').all());
    for (const text of Object.values(texts)) expect(stored).not.toContain(text);
    expect(stored).not.toContain('Secret');
    expect(stored).toContain('note_added');
  });
});

describe('the blind interviewer', () => {
  it('is not told the allegation through the people, the tasks or the attention list', async () => {
    const { core, admin, caseId, coord, motherId } = await centreWithCase({
      fields: { receivedAt: at(-1), source: 'police', urgency: 'urgent', trafficking: ['commercial_sexual_exploitation'] },
    });
    await coord.call('cases.updateLink', { caseId, personId: motherId, version: 0, changes: { mayBeInformed: false, informNote: 'Her partner is the one the child named.' } });
    const policy = await admin.call('security.getPolicy', {});
    await admin.call('security.updatePolicy', { ...policy, blindInterviewer: true });
    const interviewer = await signIn(core, 'interviewer');

    const blind = await interviewer.call('cases.get', { caseId });
    expect(blind.view).toBe('blind');
    // Whom not to tell stays visible (the interviewer arranges the interview); why, which names the suspect, does not.
    expect(blind.people).toMatchObject([{ mayBeInformed: false, informNote: '', allegedPerpetrator: null }]);
    // A referral to the anti-trafficking mechanism would tell what was alleged.
    expect(blind.tasks).toEqual([]);
    expect((await interviewer.call('cases.attention', {})).filter((a) => a.kind === 'task')).toEqual([]);
    expect(JSON.stringify(blind)).not.toContain('partner');
    expect(JSON.stringify(blind)).not.toContain('trafficking');

    // The rest of the team still sees all of it; so does the interviewer once the interview is recorded.
    expect((await coord.call('cases.get', { caseId })).tasks).toHaveLength(1);
    const after = await interviewer.call('cases.markInterviewDone', { caseId });
    expect(after.view).toBe('full');
    expect(after.people[0]).toMatchObject({ informNote: 'Her partner is the one the child named.', allegedPerpetrator: false });
    expect(after.tasks).toHaveLength(1);
    expect((await interviewer.call('cases.attention', {})).map((a) => a.kind)).toContain('task');
  });
});

describe('the blind interviewer and the case list', () => {
  it('is not told of an overdue task through the overdue flag or filter, nor shown consent notes; a closed case’s open task no longer counts', async () => {
    const { core, admin, caseId, coord, later } = await centreWithCase({
      fields: { receivedAt: at(-1), source: 'police', urgency: 'urgent', trafficking: ['owes_debt'] },
    });
    await coord.call('cases.recordConsent', { caseId, scope: 'medical_exam', decision: 'given', personId: null, at: at(-0.5), note: 'She says her uncle sells her.' });
    const policy = await admin.call('security.getPolicy', {});
    await admin.call('security.updatePolicy', { ...policy, blindInterviewer: true });
    // The task is due within a day; the assessment deadline (72 h) is not yet due.
    const interviewer = await later(25 * HOUR, 'interviewer');
    const coordinator = await signIn(core, 'coord');

    const seenBlind = (await interviewer.call('cases.list', {})).items[0]!;
    expect(seenBlind.overdue).toBe(false);
    expect((await interviewer.call('cases.list', { overdue: true })).total).toBe(0);
    expect((await interviewer.call('cases.get', { caseId })).consents.map((c) => c.note)).toEqual(['']);
    const seenByCoordinator = (await coordinator.call('cases.list', {})).items[0]!;
    expect(seenByCoordinator.overdue).toBe(true);
    expect((await coordinator.call('cases.list', { overdue: true })).total).toBe(1);

    const open = await coordinator.call('cases.get', { caseId });
    await coordinator.call('cases.changeStatus', { caseId, version: open.version, status: 'closed', outcome: 'no_prosecution', outcomeDate: '2026-11-23' });
    expect((await coordinator.call('cases.list', { overdue: true })).total).toBe(0);
    expect((await coordinator.call('cases.attention', {})).filter((a) => a.caseId === caseId)).toEqual([]);
  });
});

describe('the case coordinator', () => {
  it('must be an active colleague with the coordinator role; they join the team', async () => {
    const { admin, caseId, coord, ids, core } = await centreWithCase();
    const before = databaseDigest(core.store.db, { exceptAudit: true });
    for (const userId of [ids.officer!, ids.social!, 99_999]) {
      const refused = await refusal(coord.call('cases.setCoordinator', { caseId, userId }));
      expect(refused.status, String(userId)).toBe(400);
      expect(refused.issues).toEqual([{ path: ['userId'], code: 'custom', message: checkMessages.coordinatorRole }]);
    }
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);

    const set = await coord.call('cases.setCoordinator', { caseId, userId: ids.coord2! });
    expect(set.coordinator).toEqual({ userId: ids.coord2, displayName: 'coord2' });
    expect(set.team.map((m) => m.userId)).toContain(ids.coord2);
    const timeline = await coord.call('cases.timeline', { caseId, groups: ['team'] });
    expect(timeline.entries[0]).toMatchObject({ kind: 'coordinator', data: { name: 'coord2' } });

    // Taken off the team, they are no longer its coordinator.
    const removed = await coord.call('cases.removeMember', { caseId, userId: ids.coord2! });
    expect(removed.coordinator).toBeNull();

    // A disabled coordinator cannot be made responsible.
    const users = await admin.call('users.list', {});
    const coord2 = users.find((u) => u.id === ids.coord2)!;
    await admin.call('users.setDisabled', { userId: coord2.id, disabled: true, version: coord2.version });
    const disabled = await refusal(coord.call('cases.setCoordinator', { caseId, userId: ids.coord2! }));
    expect(disabled.issues.map((i) => i.path)).toEqual([['userId']]);
  });
});

describe('the people of a case', () => {
  it('edits how an adult stands to the child (stale → 409); takes an adult off but never the child', async () => {
    const { caseId, coord, motherId, created, core } = await centreWithCase();
    const link = await coord.call('cases.updateLink', { caseId, personId: motherId, version: 0, changes: { allegedPerpetrator: true, mayBeInformed: false } });
    expect(link).toMatchObject({ ...mother, allegedPerpetrator: true, mayBeInformed: false, version: 1, person: { id: motherId } });
    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const stale = await refusal(coord.call('cases.updateLink', { caseId, personId: motherId, version: 0, changes: { carer: false } }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: unknown }).current).toEqual(link);
    const childLink = await refusal(coord.call('cases.updateLink', { caseId, personId: created.child.id, version: 0, changes: { carer: false } }));
    expect(childLink.status).toBe(404);
    const child = await refusal(coord.call('cases.removePerson', { caseId, personId: created.child.id }));
    expect(child.status).toBe(409);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);

    // Added again later: found by the duplicate check, linked, and the case found by her name once more.
    expect(await coord.call('cases.removePerson', { caseId, personId: motherId })).toEqual({ removed: true });
    expect((await coord.call('cases.get', { caseId })).people).toEqual([]);
    expect((await coord.call('cases.list', { query: 'ioana' })).total).toBe(0);
    const readded = await coord.call('cases.addPerson', { caseId, person: { personId: motherId }, link: mother });
    expect(readded).toMatchObject({ ...mother, version: 0, person: { id: motherId, firstName: 'Ioana' } });
    expect((await coord.call('cases.list', { query: 'ioana' })).items.map((i) => i.id)).toEqual([caseId]);
    const twice = await refusal(coord.call('cases.addPerson', { caseId, person: { personId: motherId }, link: mother }));
    expect(twice.status).toBe(409);
  });
});
