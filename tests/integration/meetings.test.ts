import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import { claimedDocumentNumber } from '../../shared/documents/profiles';
import type { ActionItem, Meeting, MeetingFields } from '../../shared/contract/followup-records';
import type { NewPerson } from '../../shared/contract/case-records';
import type { Role } from '../../shared/permissions';
import { databaseDigest } from '../support/core';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';
import { tempDir } from '../support/temp';
import { refusal, fieldRefusal } from '../support/refusal';

const HOUR = 3_600_000;
/** A Sunday morning; the centre is in Bucharest (UTC+2 in November). */
const T0 = '2026-11-22T09:00:00.000Z';
const TUE = '2026-11-24';
const local = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`).toISOString();

const people = {
  coord: 'coordinator',
  coord2: 'coordinator',
  officer: 'police',
  outsider: 'police',
  social: 'child_protection',
  therapist: 'therapist',
} as const satisfies Record<string, Role>;
type Person = keyof typeof people;

/**
 * A centre in Bucharest on a Sunday morning. Case A (Ana Pop) has the police
 * officer and the social worker on its team; case B (Ștefan Țăranu) only the
 * social worker; case C (Иван Петров) is restricted to the coordinator.
 */
async function centre() {
  const { clock, core, db, ids, as, later } = await staffedCentre({ at: T0, people, centreName: 'Barnahus Iași' });
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { ...rules, timeZone: 'Europe/Bucharest' });
  const newCase = async (child: NewPerson, team: Person[], restricted = false) => {
    const created = await coord.call('cases.create', referral(child, { restricted }, clock.now()));
    for (const name of team) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
    return created.id;
  };
  const caseA = await newCase({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, ['officer', 'social']);
  const caseB = await newCase({ firstName: 'Ștefan', lastName: 'Țăranu', birthDate: '2014-05-02' }, ['social']);
  const caseC = await newCase({ firstName: 'Иван', lastName: 'Петров', birthDate: '2015-03-03' }, [], true);

  const fields = (more: Partial<MeetingFields> = {}): MeetingFields => ({
    type: 'initial_signal',
    startsAt: local(TUE, '10:00'),
    durationMinutes: 60,
    place: 'Meeting room',
    chairId: ids.coord,
    members: [
      { userId: ids.coord, name: 'coord display', agency: 'barnahus_staff', present: false },
      { userId: null, name: 'Ioana Mureșan', agency: 'education', present: false },
    ],
    cases: [
      { caseId: caseA, agenda: 'Protection and the interview plan', decisions: '' },
      { caseId: caseB, agenda: 'School support', decisions: '' },
    ],
    ...more,
  });
  const plan = async (more: Partial<MeetingFields> = {}, who: Person = 'coord') => (await as(who)).call('meetings.save', { id: null, version: 0, ...fields(more) });
  const change = async (meeting: Meeting, more: Partial<MeetingFields> = {}, who: Person = 'coord') => {
    const { id, version, type, startsAt, durationMinutes, place, chairId, members, cases } = meeting;
    const current: MeetingFields = { type, startsAt, durationMinutes, place, chairId, members, cases: cases.map((c) => ({ caseId: c.caseId, agenda: c.agenda, decisions: c.decisions })) };
    return (await as(who)).call('meetings.save', { id, version, ...current, ...more });
  };
  const timeline = async (caseId: number, who: Person = 'coord') => (await (await as(who)).call('cases.timeline', { caseId, groups: ['meetings'] })).entries;
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { core, db, clock, ids, as, later, coord, caseA, caseB, caseC, fields, plan, change, timeline, digest };
}

const present = (meeting: Meeting) => meeting.members.map((m) => ({ ...m, present: true }));

describe('case review meetings', () => {
  it('are planned with several cases; each reader sees only their cases, and the rest as a count', async () => {
    const { as, plan, caseA, caseB, caseC, ids, timeline } = await centre();
    const meeting = await plan();
    expect(meeting).toMatchObject({
      type: 'initial_signal',
      status: 'planned',
      startsAt: local(TUE, '10:00'),
      chairId: ids.coord,
      chairName: 'coord display',
      hiddenCases: 0,
      actions: [],
      heldAt: null,
      version: 0,
    });
    expect(meeting.cases.map((c) => [c.caseId, c.reference, c.childName])).toEqual([
      [caseA, 'BH-2026-0001', 'Ana Pop'],
      [caseB, 'BH-2026-0002', 'Ștefan Țăranu'],
    ]);
    // Each case's team learns it is on the agenda.
    expect((await timeline(caseA))[0]).toMatchObject({ kind: 'meeting_scheduled', group: 'meetings', data: { type: 'initial_signal', at: local(TUE, '10:00') } });
    expect((await timeline(caseB))[0]).toMatchObject({ kind: 'meeting_scheduled' });

    // The officer is on case A only.
    const officer = await as('officer');
    const seen = await officer.call('meetings.get', { meetingId: meeting.id });
    expect(seen.cases.map((c) => c.caseId)).toEqual([caseA]);
    expect(seen.hiddenCases).toBe(1);
    expect(JSON.stringify(seen)).not.toContain('Țăranu');
    expect((await officer.call('meetings.list', { from: TUE, to: TUE, caseId: null })).map((m) => [m.id, m.hiddenCases])).toEqual([[meeting.id, 1]]);
    expect(await officer.call('meetings.list', { from: '2026-11-25', to: null, caseId: null })).toEqual([]);
    expect((await refusal(officer.call('meetings.list', { from: null, to: null, caseId: caseB }))).status).toBe(404);
    // Someone on none of its cases is not told it exists.
    const outsider = await as('outsider');
    expect(await outsider.call('meetings.list', { from: null, to: null, caseId: null })).toEqual([]);
    expect((await refusal(outsider.call('meetings.get', { meetingId: meeting.id }))).status).toBe(404);
    expect((await refusal(outsider.call('meetings.minutes', { meetingId: meeting.id, language: 'en' }))).status).toBe(404);

    // Another coordinator sees unrestricted cases, not the restricted one.
    const restricted = await plan({ cases: [{ caseId: caseC, agenda: '', decisions: '' }] });
    const coord2 = await as('coord2');
    expect((await coord2.call('meetings.get', { meetingId: meeting.id })).hiddenCases).toBe(0);
    expect((await refusal(coord2.call('meetings.get', { meetingId: restricted.id }))).status).toBe(404);
    expect((await coord2.call('meetings.list', { from: null, to: null, caseId: null })).map((m) => m.id)).toEqual([meeting.id]);
    expect((await (await as('coord')).call('meetings.list', { from: null, to: null, caseId: caseC })).map((m) => m.id)).toEqual([restricted.id]);

    // The officer's minutes print their case only.
    const minutes = await officer.call('meetings.minutes', { meetingId: meeting.id, language: 'ro' });
    expect(minutes.fileName).toBe(`minutes-${TUE}-${minutes.document.number}-ro.pdf`);
    expect(minutes.document).toMatchObject({ kind: 'meeting_minutes', meetingId: meeting.id, caseId: null, caseReference: null, profile: null, language: 'ro' });
    expect(minutes.document.pages).toBeGreaterThan(0);
    const file = path.join(tempDir(), minutes.fileName);
    writeFileSync(file, Buffer.from(minutes.pdf, 'base64'));
    const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(words).toContain('Barnahus Iași');
    expect(words).toContain('BH-2026-0001 — Ana Pop');
    expect(words).not.toContain('Țăranu');
    expect(words).toContain('la care nu aveți acces: 1.');
    expect(words).toContain(`· ${minutes.document.number} · Întâlnirea nr. ${meeting.id} ·`);
    // The audit log's checkpoint at the print, at the foot of the last page.
    expect(words).toMatch(/Punct de control al jurnalului de audit: intrarea \d+ · \d\d\.\d\d\.2026, \d\d:\d\d hash( [0-9a-f]{8}){8}/);
    if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, Buffer.from(minutes.pdf, 'base64'));
    // Printing the minutes is not an event of the cases: nothing lands in their timelines.
    expect((await timeline(caseA)).map((e) => e.kind)).toEqual(['meeting_scheduled']);
  });

  it('are issued documents: each print has its own number and SHA-256, so documents.verify recognises a copy and an altered one', async () => {
    const { db, as, plan, caseA, caseC } = await centre();
    const meeting = await plan();
    const officer = await as('officer');
    const first = await officer.call('meetings.minutes', { meetingId: meeting.id, language: 'bg' });
    const second = await officer.call('meetings.minutes', { meetingId: meeting.id, language: 'bg' });
    const bytes = Buffer.from(first.pdf, 'base64');

    expect(first.document.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(first.document.size).toBe(bytes.length);
    expect(second.document.number).not.toBe(first.document.number);
    expect(second.document.sha256).not.toBe(first.document.sha256);
    expect(claimedDocumentNumber(bytes)).toBe(first.document.number);
    expect(first.document).toMatchObject({ kind: 'meeting_minutes', meetingId: meeting.id, caseId: null, profile: null, recipient: '', purpose: '' });
    const kept = db.prepare('SELECT kind, meeting_id, case_id, profile, sha256, pdf FROM issued_documents WHERE number = ?').get(first.document.number) as {
      kind: string;
      meeting_id: number;
      case_id: number | null;
      profile: string | null;
      sha256: string;
      pdf: Buffer;
    };
    expect(kept).toMatchObject({ kind: 'meeting_minutes', meeting_id: meeting.id, case_id: null, profile: null, sha256: first.document.sha256 });
    expect(kept.pdf.equals(bytes)).toBe(true);
    // Minutes are the meeting's, not a case's: a case's list of issued documents keeps to its court summaries.
    expect((await (await as('coord')).call('documents.list', { caseId: caseA })).documents).toEqual([]);

    const verify = (who: Awaited<ReturnType<typeof as>>, file: Buffer) =>
      who.call('documents.verify', { sha256: createHash('sha256').update(file).digest('hex'), claimedNumber: claimedDocumentNumber(file) });
    expect(await verify(officer, bytes)).toEqual({
      verdict: 'issued',
      document: { number: first.document.number, generatedAt: first.document.generatedAt, withdrawnAt: null },
      details: first.document,
    });
    const altered = Buffer.from(bytes);
    // One byte of the content stream, well away from the metadata that names the number.
    altered[Math.floor(altered.length / 3)]! ^= 1;
    expect(claimedDocumentNumber(altered)).toBe(first.document.number);
    expect(await verify(officer, altered)).toMatchObject({ verdict: 'altered', document: { number: first.document.number }, details: first.document });
    // A colleague on none of the meeting's cases learns the number is the centre's, nothing of the meeting.
    expect(await verify(await as('outsider'), altered)).toEqual({
      verdict: 'altered',
      document: { number: first.document.number, generatedAt: first.document.generatedAt, withdrawnAt: null },
      details: null,
    });

    // A copy is handed out again only to whom it could not tell of a case not theirs.
    const coord = await as('coord');
    const coord2 = await as('coord2');
    const downloaded = await coord.call('documents.download', { documentId: first.document.id });
    expect(Buffer.from(downloaded.pdf, 'base64').equals(bytes)).toBe(true);
    expect(downloaded.fileName).toBe(first.fileName);
    const withRestricted = await plan({ cases: [{ caseId: caseA, agenda: '', decisions: '' }, { caseId: caseC, agenda: '', decisions: '' }] });
    const full = await coord.call('meetings.minutes', { meetingId: withRestricted.id, language: 'en' });
    expect((await refusal(coord2.call('documents.download', { documentId: full.document.id }))).status).toBe(404);
    const own = await coord2.call('meetings.minutes', { meetingId: withRestricted.id, language: 'en' });
    expect((await coord2.call('documents.download', { documentId: own.document.id })).document).toEqual(own.document);
  });

  it('refuses duplicate or unseen cases, inactive chairs and members, stale versions; refusals change nothing', async () => {
    const { db, as, plan, change, fields, caseA, caseB, caseC, ids, digest } = await centre();
    const meeting = await plan();
    const changed = await change(meeting, { place: 'Room 2' });
    expect(changed).toMatchObject({ place: 'Room 2', version: 1 });
    db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(T0, ids.therapist);
    const coord = await as('coord');
    const coord2 = await as('coord2');
    const officer = await as('officer');

    const before = digest();
    expect(
      await fieldRefusal(
        coord.call('meetings.save', {
          id: null,
          version: 0,
          ...fields({ cases: [{ caseId: caseA, agenda: '', decisions: '' }, { caseId: caseA, agenda: 'again', decisions: '' }] }),
        }),
      ),
    ).toEqual([{ path: ['cases', 1, 'caseId'], code: 'custom', message: checkMessages.eachOnce }]);
    expect((await refusal(coord2.call('meetings.save', { id: null, version: 0, ...fields({ cases: [{ caseId: caseC, agenda: '', decisions: '' }] }) }))).status).toBe(404);
    expect(await fieldRefusal(coord.call('meetings.save', { id: null, version: 0, ...fields({ chairId: ids.therapist }) }))).toEqual([
      { path: ['chairId'], code: 'custom', message: checkMessages.activeColleague },
    ]);
    expect(
      await fieldRefusal(coord.call('meetings.save', { id: null, version: 0, ...fields({ members: [{ userId: 9_999, name: 'Nobody', agency: 'other', present: true }] }) })),
    ).toEqual([{ path: ['members', 0, 'userId'], code: 'custom', message: checkMessages.activeColleague }]);
    const stale = await refusal(change(meeting, { place: 'Room 3' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: Meeting }).current).toEqual(changed);
    // Not a planner: 403, whatever the meeting.
    expect((await refusal(officer.call('meetings.save', { id: null, version: 0, ...fields() }))).status).toBe(403);
    expect(digest()).toBe(before);

    // A coordinator who cannot see one of the cases changes the rest; that case stays on the agenda as it was.
    const mixed = await plan({
      cases: [
        { caseId: caseA, agenda: 'A', decisions: '' },
        { caseId: caseC, agenda: 'Restricted', decisions: 'Kept' },
      ],
    });
    const seenBy2 = await coord2.call('meetings.get', { meetingId: mixed.id });
    expect(seenBy2.cases.map((c) => c.caseId)).toEqual([caseA]);
    expect(seenBy2.hiddenCases).toBe(1);
    await change(seenBy2, { cases: [{ caseId: caseB, agenda: 'B instead', decisions: '' }] }, 'coord2');
    const after = await coord.call('meetings.get', { meetingId: mixed.id });
    expect(after.cases.map((c) => [c.caseId, c.agenda, c.decisions])).toEqual([
      [caseB, 'B instead', ''],
      [caseC, 'Restricted', 'Kept'],
    ]);
  });

  it('is recorded as held only with someone present; it lands in each case’s timeline and is then final', async () => {
    const { as, plan, change, caseA, caseB, timeline, digest } = await centre();
    const meeting = await plan();
    const coord = await as('coord');
    const social = await as('social');
    const before = digest();
    expect(await fieldRefusal(coord.call('meetings.recordHeld', { meetingId: meeting.id, version: meeting.version }))).toEqual([
      { path: ['members'], code: 'custom', message: checkMessages.presentRequired },
    ]);
    expect((await refusal(social.call('meetings.recordHeld', { meetingId: meeting.id, version: meeting.version }))).status).toBe(403);
    expect(digest()).toBe(before);

    const ready = await change(meeting, {
      members: present(meeting),
      cases: [
        { caseId: caseA, agenda: 'Protection', decisions: 'Refer to the school psychologist.' },
        { caseId: caseB, agenda: 'School', decisions: '' },
      ],
    });
    const held = await coord.call('meetings.recordHeld', { meetingId: meeting.id, version: ready.version });
    expect(held).toMatchObject({ status: 'held', heldAt: T0, version: ready.version + 1 });
    expect((await timeline(caseA))[0]).toMatchObject({ kind: 'meeting_held', data: { type: 'initial_signal', at: local(TUE, '10:00'), decisions: 'yes' } });
    expect((await timeline(caseB))[0]).toMatchObject({ kind: 'meeting_held', data: { decisions: '' } });
    // The timeline tells that decisions were made, not what they were.
    expect(JSON.stringify(await timeline(caseA))).not.toContain('psychologist');

    const final = digest();
    expect((await refusal(change(held, { place: 'Elsewhere' }))).status).toBe(409);
    expect((await refusal(coord.call('meetings.recordHeld', { meetingId: held.id, version: held.version }))).status).toBe(409);
    expect((await refusal(coord.call('meetings.cancel', { meetingId: held.id, version: held.version, reason: 'Too late' }))).status).toBe(409);
    expect(digest()).toBe(final);

    const other = await plan({ type: 'follow_up' });
    const cancelled = await coord.call('meetings.cancel', { meetingId: other.id, version: other.version, reason: 'Police could not attend.' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Police could not attend.' });
    expect((await timeline(caseB))[0]).toMatchObject({ kind: 'meeting_cancelled', data: { type: 'follow_up', reason: 'Police could not attend.' } });
  });
});

describe('action items', () => {
  it('go to an owner who can see the case, onto their task list and the case timeline; only the owner or a coordinator marks them', async () => {
    const { as, later, plan, change, caseA, caseB, caseC, ids, timeline, digest } = await centre();
    const meeting = await plan();
    const coord = await as('coord');
    const action = { meetingId: meeting.id, caseId: caseA, what: 'Arrange school support', ownerId: ids.officer, agency: 'police' as const, dueDate: '2026-11-23' };

    const before = digest();
    expect(await fieldRefusal(coord.call('meetings.addAction', { ...action, caseId: caseC }))).toEqual([
      { path: ['caseId'], code: 'custom', message: checkMessages.caseNotOnAgenda },
    ]);
    // The officer is not on case B; the outsider on no case.
    expect(await fieldRefusal(coord.call('meetings.addAction', { ...action, caseId: caseB }))).toEqual([
      { path: ['ownerId'], code: 'custom', message: checkMessages.ownerCannotSee },
    ]);
    expect(await fieldRefusal(coord.call('meetings.addAction', { ...action, ownerId: ids.outsider }))).toEqual([
      { path: ['ownerId'], code: 'custom', message: checkMessages.ownerCannotSee },
    ]);
    expect(await fieldRefusal(coord.call('meetings.addAction', { ...action, dueDate: '2026-11-21' }))).toEqual([
      { path: ['dueDate'], code: 'custom', message: checkMessages.datePast },
    ]);
    expect(digest()).toBe(before);

    const item = await coord.call('meetings.addAction', action);
    expect(item).toMatchObject({
      meetingId: meeting.id,
      meetingType: 'initial_signal',
      caseId: caseA,
      caseReference: 'BH-2026-0001',
      childName: 'Ana Pop',
      ownerName: 'officer display',
      state: 'open',
      overdue: false,
      version: 0,
    });
    const second = await coord.call('meetings.addAction', { ...action, what: 'Tell the GP', ownerId: ids.social, dueDate: '2026-11-30' });
    const third = await coord.call('meetings.addAction', { ...action, what: 'Call the school', dueDate: '2026-11-22' });
    expect((await timeline(caseA))[0]).toMatchObject({ kind: 'action_item_created', data: { what: 'Call the school', owner: 'officer display', due: '2026-11-22' } });

    // A case with action items from the meeting stays on its agenda.
    const kept = digest();
    const removal = await refusal(change(meeting, { cases: [{ caseId: caseB, agenda: '', decisions: '' }] }));
    expect(removal.status).toBe(409);
    expect(digest()).toBe(kept);

    const officer = await as('officer');
    expect((await officer.call('actions.mine', {})).map((a) => a.what)).toEqual(['Call the school', 'Arrange school support']);
    expect((await (await as('social')).call('actions.mine', {})).map((a) => a.id)).toEqual([second.id]);
    expect((await officer.call('actions.ofCase', { caseId: caseA })).map((a) => a.id)).toEqual([third.id, item.id, second.id]);
    expect((await officer.call('meetings.get', { meetingId: meeting.id })).actions.map((a) => a.id)).toEqual([third.id, item.id, second.id]);

    // Neither the owner nor a coordinator: 403. A stale version: 409 with the item as it is.
    const social = await as('social');
    const outsider = await as('outsider');
    const refused = digest();
    expect((await refusal(social.call('actions.setState', { actionId: item.id, version: 0, state: 'done', note: '' }))).status).toBe(403);
    expect((await refusal(outsider.call('actions.setState', { actionId: item.id, version: 0, state: 'done', note: '' }))).status).toBe(404);
    expect(digest()).toBe(refused);
    const done = await officer.call('actions.setState', { actionId: item.id, version: 0, state: 'done', note: 'School psychologist assigned.' });
    expect(done).toMatchObject({ state: 'done', doneAt: T0, doneBy: 'officer display', note: 'School psychologist assigned.', version: 1 });
    expect((await timeline(caseA))[0]).toMatchObject({ kind: 'action_item_done', data: { what: 'Arrange school support', by: 'officer display' } });
    const stale = await refusal(officer.call('actions.setState', { actionId: item.id, version: 0, state: 'open', note: '' }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: ActionItem }).current).toEqual(done);
    // The coordinator may reopen it.
    expect(await coord.call('actions.setState', { actionId: item.id, version: 1, state: 'open', note: 'Not yet in place.' })).toMatchObject({ state: 'open', doneAt: null, version: 2 });
    expect((await timeline(caseA))[0]).toMatchObject({ kind: 'action_item_reopened', data: { by: 'coord display' } });
    await officer.call('actions.setState', { actionId: third.id, version: 0, state: 'done', note: '' });

    // Open items first by due date, then those done: an item due on Monday is overdue once Monday ends in Bucharest.
    later(37 * HOUR); // Monday 22:00 UTC = Tuesday 00:00 in Bucharest
    const mine = await (await as('officer')).call('actions.mine', {});
    expect(mine.map((a) => [a.what, a.state, a.overdue])).toEqual([
      ['Arrange school support', 'open', false],
      ['Call the school', 'done', false],
    ]);
    later(HOUR);
    expect((await (await as('officer')).call('actions.mine', {}))[0]).toMatchObject({ what: 'Arrange school support', overdue: true });
    // Done items leave the list after 30 days.
    later(31 * 24 * HOUR);
    expect((await (await as('officer')).call('actions.mine', {})).map((a) => a.what)).toEqual(['Arrange school support']);
    // Taken off the case, the owner no longer sees its items.
    await (await as('coord')).call('cases.removeMember', { caseId: caseA, userId: ids.officer });
    expect(await (await as('officer')).call('actions.mine', {})).toEqual([]);
  });

  it('are not added to a cancelled meeting', async () => {
    const { as, plan, caseA, ids } = await centre();
    const meeting = await plan();
    const coord = await as('coord');
    await coord.call('meetings.cancel', { meetingId: meeting.id, version: 0, reason: 'Moved' });
    const refused = await refusal(coord.call('meetings.addAction', { meetingId: meeting.id, caseId: caseA, what: 'x', ownerId: ids.officer, agency: 'police', dueDate: '2026-12-01' }));
    expect(refused.status).toBe(409);
  });
});

describe('meeting statistics', () => {
  it('count held meetings by type, cancelled ones and the cases discussed, in the period, whoever may see the cases', async () => {
    const { as, plan, change, caseA, caseB, caseC } = await centre();
    const coord = await as('coord');
    const hold = async (meeting: Meeting) => coord.call('meetings.recordHeld', { meetingId: meeting.id, version: (await change(meeting, { members: present(meeting) })).version });
    await hold(await plan());
    await hold(await plan({ cases: [{ caseId: caseC, agenda: '', decisions: '' }] }));
    await hold(await plan({ type: 'follow_up', startsAt: local('2026-11-30', '23:30'), cases: [{ caseId: caseB, agenda: '', decisions: '' }] }));
    await plan({ type: 'crisis_intervention' });
    const cancelled = await plan({ type: 'crisis_intervention' });
    await coord.call('meetings.cancel', { meetingId: cancelled.id, version: 0, reason: 'No quorum' });
    // 1 December 00:30 in Bucharest is still 30 November in UTC: outside a November report on the centre's clock.
    await hold(await plan({ type: 'follow_up', startsAt: local('2026-12-01', '00:30'), cases: [{ caseId: caseA, agenda: '', decisions: '' }] }));

    // The second coordinator cannot see case C, but the centre's report counts it.
    const stats = await (await as('coord2')).call('meetings.statistics', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      byType: { initial_signal: 2, follow_up: 1, crisis_intervention: 0 },
      held: 3,
      cancelled: 1,
      casesDiscussed: 3,
    });
    expect((await coord.call('meetings.statistics', { from: '2026-12-01', to: '2026-12-31' })).byType).toEqual({ initial_signal: 0, follow_up: 1, crisis_intervention: 0 });
    expect((await refusal((await as('officer')).call('meetings.statistics', { from: '2026-11-01', to: '2026-11-30' }))).status).toBe(403);
    expect(await fieldRefusal(coord.call('meetings.statistics', { from: '2026-11-30', to: '2026-11-01' }))).toEqual([
      { path: ['to'], code: 'custom', message: checkMessages.endBeforeStart },
    ]);
  });
});
