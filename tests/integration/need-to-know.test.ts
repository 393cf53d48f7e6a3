import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiError } from '../../shared/contract';
import type { Client } from '../../shared/client';
import type { Core } from '../../electron/core/core';
import { inProcessClient, insertUser, openTestCore, setUpCentre, signInWith } from '../support/core';
import { rawPost, startTestHost, type TestHost } from '../support/host';
import { referral } from '../support/intake';

const PASSWORD = 'need to know sentence';

const signIn = (core: Core, username: string): Promise<Client> => signInWith(core, username, PASSWORD);

async function team() {
  const { core } = openTestCore();
  const admin = await setUpCentre(inProcessClient(core));
  const ids: Record<string, number> = {};
  for (const [name, role] of [
    ['coord', 'coordinator'],
    ['coord2', 'coordinator'],
    ['interviewer', 'forensic_interviewer'],
    ['therapist', 'therapist'],
    ['doctor', 'medical'],
    ['prosecutor', 'prosecutor'],
  ] as const) {
    ids[name] = await insertUser(core.store.db, name, PASSWORD, [role]);
  }
  const coord = await signIn(core, 'coord');
  const open = await coord.call('cases.create', referral({ firstName: 'Иван', lastName: 'Петров' }, { reported: 'Disclosed to a teacher.' }, new Date()));
  for (const name of ['interviewer', 'therapist', 'doctor', 'prosecutor']) await coord.call('cases.addMember', { caseId: open.id, userId: ids[name] ?? 0 });
  return { core, admin, coord, ids, caseId: open.id };
}

describe('restricted cases', () => {
  it('show "Restricted" instead of the name to coordinators off the team, and open only for the team', async () => {
    const { core, coord, caseId } = await team();
    const detail = await coord.call('cases.get', { caseId });
    await coord.call('cases.setRestricted', { caseId, restricted: true, version: detail.version });
    const other = await signIn(core, 'coord2');
    expect(await other.call('cases.list', {})).toEqual({
      items: [expect.objectContaining({ id: caseId, childName: null, restricted: true, accessible: false })],
      total: 1,
    });
    expect(((await other.call('cases.get', { caseId }).catch((e: unknown) => e)) as ApiError).status).toBe(404);
    expect((await coord.call('cases.list', {})).items[0]).toMatchObject({ childName: 'Иван Петров', accessible: true });
  });
});

describe('the blind interviewer', () => {
  it('sees the child and the team but not the allegation or notes until the interview is recorded', async () => {
    const { core, admin, coord, caseId } = await team();
    await coord.call('cases.addNote', { caseId, discipline: 'general', text: 'Father is the alleged perpetrator.' });
    const policy = await admin.call('security.getPolicy', {});
    await admin.call('security.updatePolicy', { ...policy, blindInterviewer: true });
    const interviewer = await signIn(core, 'interviewer');
    const blind = await interviewer.call('cases.get', { caseId });
    expect(blind).toMatchObject({ view: 'blind', fields: null, child: { firstName: 'Иван', lastName: 'Петров' } });
    expect(blind.team.length).toBeGreaterThan(1);
    expect(await interviewer.call('cases.listNotes', { caseId })).toEqual({ notes: [], hiddenUntilInterview: true });
    await interviewer.call('cases.markInterviewDone', { caseId });
    expect((await interviewer.call('cases.get', { caseId })).fields?.reported).toBe('Disclosed to a teacher.');
    expect((await interviewer.call('cases.listNotes', { caseId })).notes[0]?.text).toBe('Father is the alleged perpetrator.');
  });

  it('does not apply when the centre has not chosen it', async () => {
    const { core, caseId } = await team();
    expect((await (await signIn(core, 'interviewer')).call('cases.get', { caseId })).view).toBe('full');
  });
});

describe('therapy and medical notes', () => {
  it('are read only by their own discipline; the rest of the team sees that they exist', async () => {
    const { core, coord, caseId } = await team();
    const therapist = await signIn(core, 'therapist');
    const doctor = await signIn(core, 'doctor');
    const prosecutor = await signIn(core, 'prosecutor');
    await therapist.call('cases.addNote', { caseId, discipline: 'therapy', text: 'Session 1: the child spoke about nightmares.' });
    await doctor.call('cases.addNote', { caseId, discipline: 'medical', text: 'Examination: bruising on the left arm.' });
    const text = async (client: Client) =>
      Object.fromEntries((await client.call('cases.listNotes', { caseId })).notes.map((n) => [n.discipline, n.text]));
    expect(await text(therapist)).toEqual({ therapy: 'Session 1: the child spoke about nightmares.', medical: null });
    expect(await text(doctor)).toEqual({ therapy: null, medical: 'Examination: bruising on the left arm.' });
    expect(await text(prosecutor)).toEqual({ therapy: null, medical: null });
    expect(await text(coord)).toEqual({ therapy: null, medical: null });
    const notes = (await prosecutor.call('cases.listNotes', { caseId })).notes;
    expect(notes.map((n) => n.author).sort()).toEqual(['doctor', 'therapist']);
  });

  it('are written only by their own discipline', async () => {
    const { core, caseId } = await team();
    const prosecutor = await signIn(core, 'prosecutor');
    const refused = (await prosecutor.call('cases.addNote', { caseId, discipline: 'therapy', text: 'x' }).catch((e: unknown) => e)) as ApiError;
    expect(refused.status).toBe(403);
  });
});

describe('change events respect need to know', () => {
  let running: TestHost | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('a police officer off the team hears nothing of a case; on the team, they do', async () => {
    running = await startTestHost();
    const { host } = running;
    const admin = await setUpCentre(inProcessClient(host.core));
    const db = host.core.store.db;
    await insertUser(db, 'coord', PASSWORD, ['coordinator']);
    const officerId = await insertUser(db, 'officer', PASSWORD, ['police']);
    const login = async (username: string) => ((await rawPost(host.url, 'auth.login', JSON.stringify({ username, password: PASSWORD }))).body as { token: string }).token;
    const coordToken = await login('coord');
    const officerToken = await login('officer');
    const call = async (method: string, input: unknown) => (await rawPost(host.url, method, JSON.stringify(input), { authorization: `Bearer ${coordToken}` })).body as { id: number; version: number };

    const heard: unknown[] = [];
    const socket = new WebSocket(`${host.url.replace('https:', 'wss:')}/api/events`, { rejectUnauthorized: false });
    await new Promise((resolve) => socket.once('open', resolve));
    const ready = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'auth', token: officerToken }));
    await ready;
    socket.on('message', (raw: Buffer) => heard.push(JSON.parse(raw.toString('utf8'))));

    const created = await call('cases.create', referral({ firstName: 'Ana', lastName: 'Ionescu' }, {}, new Date()));
    expect((await call('cases.update', { caseId: created.id, version: 0, changes: { reported: 'more' } })).version).toBe(1);
    await call('cases.addMember', { caseId: created.id, userId: officerId });
    await call('cases.addNote', { caseId: created.id, discipline: 'general', text: 'x' });
    // A marker everyone hears: one socket delivers in order, so once it is here everything before it is too.
    await admin.call('centre.update', { name: 'Marker', version: 0 });
    const marker = { type: 'change', entity: 'centre', action: 'updated', id: 1 };
    await expect.poll(() => heard.at(-1), { timeout: 5000 }).toEqual(marker);
    socket.close();
    // Only what happened after the officer joined the team (the join itself included).
    expect(heard).toEqual([
      { type: 'change', entity: 'case', action: 'updated', id: created.id },
      { type: 'change', entity: 'case', action: 'updated', id: created.id },
      marker,
    ]);
  });
});
