import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/core';
import { rawPost, startTestHost, type TestHost } from '../support/host';

let running: TestHost[] = [];
afterEach(async () => {
  for (const host of running) await host.close();
  running = [];
});

async function host(): Promise<TestHost> {
  const started = await startTestHost();
  running.push(started);
  return started;
}

async function initialise(h: TestHost): Promise<void> {
  await rawPost(h.host.url, 'setup.initialize', JSON.stringify({ centreName: 'Barnahus Sofia', admin: ADMIN }));
}

const login = (h: TestHost, password: string, workstation: string) =>
  rawPost(h.host.url, 'auth.login', JSON.stringify({ username: ADMIN.username, password }), { 'x-barnahus-workstation': workstation });

describe('the sign-in limit', () => {
  it('counts against the peer address, whatever workstation name each request gives', async () => {
    const h = await host();
    await initialise(h);
    const statuses: number[] = [];
    // Five wrong passwords would lock the account itself (423); other usernames keep the count on the address alone.
    for (let i = 0; i < 25; i++) {
      const answer = await rawPost(h.host.url, 'auth.login', JSON.stringify({ username: `guess${i}`, password: 'not it' }), {
        'x-barnahus-workstation': `ws-${i}`,
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    // Even the right password, from a name never seen before, waits: the address is what is blocked.
    const right = await login(h, ADMIN.password, 'a-fresh-name');
    expect(right.status).toBe(429);
    expect((right.body as { error: { code: string } }).error.code).toBe('too_many_attempts');
  });
});
