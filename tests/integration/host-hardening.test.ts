import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateHostIdentity } from '../../electron/host/identity';
import { probeHost } from '../../electron/main/remote-host';
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

function handshake(url: string, options: tls.ConnectionOptions): Promise<{ ok: true; cipher: string; version: string } | { ok: false; error: string }> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = tls.connect({ host: target.hostname, port: Number(target.port), rejectUnauthorized: false, ...options });
    socket.once('secureConnect', () => {
      const answer = { ok: true as const, cipher: socket.getCipher().standardName, version: socket.getProtocol() ?? '' };
      socket.end();
      resolve(answer);
    });
    socket.once('error', (error: Error) => resolve({ ok: false, error: error.message }));
  });
}

describe('the TLS suites', () => {
  it('refuses CBC, CCM8 and ARIA suites on TLS 1.2 and accepts ECDHE with AES-GCM or ChaCha20-Poly1305, and TLS 1.3', async () => {
    const h = await host();
    for (const refused of ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA384', 'ECDHE-ECDSA-AES128-CCM8', 'ECDHE-ECDSA-ARIA128-GCM-SHA256']) {
      const answer = await handshake(h.host.url, { ciphers: refused, maxVersion: 'TLSv1.2' });
      expect(answer.ok, refused).toBe(false);
    }
    for (const allowed of ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305']) {
      const answer = await handshake(h.host.url, { ciphers: allowed, maxVersion: 'TLSv1.2' });
      expect(answer, allowed).toMatchObject({ ok: true, version: 'TLSv1.2' });
    }
    expect(await handshake(h.host.url, {})).toMatchObject({ ok: true, version: 'TLSv1.3' });
  });

  it('a workstation will not talk to a host that offers only a CBC suite', async () => {
    const h = await host();
    const identity = await loadOrCreateHostIdentity(h.host.core.store.db, new Date(), '127.0.0.1');
    const weak = tls.createServer({ key: identity.keyPem, cert: identity.certPem, ciphers: 'ECDHE-ECDSA-AES128-SHA', maxVersion: 'TLSv1.2' });
    await new Promise<void>((resolve) => weak.listen(0, '127.0.0.1', resolve));
    try {
      const port = (weak.address() as { port: number }).port;
      await expect(probeHost(`https://127.0.0.1:${port}`, 3000)).rejects.toThrow();
    } finally {
      weak.close();
    }
  });
});
