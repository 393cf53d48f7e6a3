import { Agent } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interview, SlotConflict } from '../../shared/contract/interview-records';
import { ADMIN } from '../support/core';
import { rawPost, startTestHost, type TestHost } from '../support/host';
import { referral } from '../support/intake';
import { STAFF_PASSWORD, addStaff } from '../support/staff';

const WORKSTATIONS = 50;

let running: TestHost | undefined;
let agents: Agent[] = [];
afterEach(async () => {
  for (const agent of agents) agent.destroy();
  agents = [];
  await running?.close();
  running = undefined;
});

describe('booking the same slot from many workstations at once', () => {
  it(`${WORKSTATIONS} coordinators asking for one room at the same moment get exactly one booking; everyone else a 409 naming it`, async () => {
    running = await startTestHost();
    const { url, core } = running.host;
    const db = core.store.db;
    await rawPost(url, 'setup.initialize', JSON.stringify({ centreName: 'Barnahus Sofia', admin: ADMIN }));

    // Fifty coordinators and fifty interviewers, so that only the room is shared.
    const indexes = [...Array(WORKSTATIONS).keys()];
    const ids = await addStaff(
      db,
      Object.fromEntries([
        ...indexes.map((i) => [`interviewer${i}`, 'forensic_interviewer'] as const),
        ...indexes.map((i) => [`coord${i}`, 'coordinator'] as const),
      ]),
      { createdAt: new Date().toISOString(), displayName: (name) => name },
    );
    const interviewers = indexes.map((i) => ids[`interviewer${i}`]);

    // Each coordinator signs in from their own workstation (own TLS connection), all at once.
    agents = indexes.map(() => new Agent({ rejectUnauthorized: false, keepAlive: true }));
    const logins = await Promise.all(
      indexes.map((i) => rawPost(url, 'auth.login', JSON.stringify({ username: `coord${i}`, password: STAFF_PASSWORD }), { 'x-barnahus-workstation': `ws-${i}` }, agents[i])),
    );
    const tokens = logins.map((login) => {
      expect(login.status).toBe(200);
      return (login.body as { token: string }).token;
    });
    expect(new Set(tokens).size).toBe(WORKSTATIONS);
    const call = async (i: number, method: string, input: unknown) => {
      const answer = await rawPost(url, method, JSON.stringify(input), { authorization: `Bearer ${tokens[i]!}`, 'x-barnahus-workstation': `ws-${i}` }, agents[i]);
      return answer;
    };
    const ok = async <T>(i: number, method: string, input: unknown): Promise<T> => {
      const answer = await call(i, method, input);
      expect(answer.status, `${method}: ${answer.text}`).toBe(200);
      return answer.body as T;
    };

    const { rules } = await ok<{ rules: { version: number } }>(0, 'resources.list', {});
    const allDay = { open: true, start: '00:00', end: '23:59' };
    await ok(0, 'resources.saveRules', {
      version: rules.version,
      timeZone: 'UTC',
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      bufferMinutes: 30,
      dailyLimit: 2,
    });
    const room = await ok<{ id: number }>(0, 'resources.saveRoom', { id: null, version: 0, name: 'Interview room', kind: 'interview', equipment: '', active: true });
    // Fifty children, one case each, each registered by its own coordinator.
    const cases = await Promise.all(
      indexes.map((i) => ok<{ id: number }>(i, 'cases.create', referral({ firstName: `Child${String.fromCharCode(65 + (i % 26))}`, lastName: `Family${i}` }, {}, new Date()))),
    );

    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    tomorrow.setUTCHours(10, 0, 0, 0);
    const slot = { startsAt: tomorrow.toISOString(), durationMinutes: 60, roomId: room.id, observationRoomId: null, interpreterId: null, interpreterLanguage: '', supportPerson: '', invitees: [], planning: null };

    const answers = await Promise.all(
      indexes.map((i) => call(i, 'interviews.schedule', { caseId: cases[i]!.id, supplementaryId: null, interviewerId: interviewers[i], ...slot })),
    );

    const booked = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(WORKSTATIONS - 1);
    const winner = booked[0]!.body as Interview;
    expect(winner).toMatchObject({ roomId: room.id, startsAt: slot.startsAt, status: 'scheduled' });
    for (const answer of refused) {
      const { error } = answer.body as { error: { code: string; details: { conflicts: SlotConflict[] } } };
      expect(error.code).toBe('conflict');
      // Coordinators see every unrestricted case: the booking in the way is named.
      expect(error.details.conflicts).toEqual([{ kind: 'room', interviewId: winner.id, examId: null, startsAt: winner.startsAt, endsAt: winner.endsAt }]);
    }

    expect(db.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM interview_attendance').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM case_events WHERE kind = 'interview_scheduled'").get()).toEqual({ n: 1 });
    // Every refusal is in the audit log.
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'interviews.schedule' AND outcome = 'conflict'").get()).toEqual({ n: WORKSTATIONS - 1 });
  });
});
