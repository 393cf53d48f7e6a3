import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadOrCreateHostIdentity } from '../../electron/host/identity';
import { probeHost } from '../../electron/main/remote-host';
import { startHost } from '../../electron/host/host';
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

async function token(h: TestHost, username: string, password: string): Promise<string> {
  const answer = await rawPost(h.host.url, 'auth.login', JSON.stringify({ username, password }));
  return (answer.body as { token: string }).token;
}

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('https:', 'wss:')}/api/events`, { rejectUnauthorized: false, headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Every message the socket receives, after a ready. */
async function signedInSocket(url: string, sessionToken: string): Promise<unknown[]> {
  const socket = await openSocket(url);
  const heard: unknown[] = [];
  const ready = new Promise<void>((resolve) =>
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString('utf8')) as { type: string };
      if (message.type === 'ready') resolve();
      else heard.push(message);
    }),
  );
  socket.send(JSON.stringify({ type: 'auth', token: sessionToken }));
  await ready;
  return heard;
}

describe('the change-event socket', () => {
  it('tells a session that must first change its password nothing, until it has', async () => {
    const h = await host();
    await initialise(h);
    const admin = await token(h, ADMIN.username, ADMIN.password);
    const created = await rawPost(
      h.host.url,
      'users.create',
      JSON.stringify({ username: 'm.ionescu', password: 'first day at the centre', displayName: 'Maria Ionescu', agency: 'barnahus_staff', roles: ['coordinator'] }),
      { authorization: `Bearer ${admin}` },
    );
    expect(created.status).toBe(200);
    const restricted = await token(h, 'm.ionescu', 'first day at the centre');
    expect((await rawPost(h.host.url, 'cases.list', '{}', { authorization: `Bearer ${restricted}` })).status).toBe(403);

    const restrictedHeard = await signedInSocket(h.host.url, restricted);
    const adminHeard = await signedInSocket(h.host.url, admin);
    const rename = async (name: string, version: number) => {
      const update = await rawPost(h.host.url, 'centre.update', JSON.stringify({ name, version }), { authorization: `Bearer ${admin}` });
      expect(update.status).toBe(200);
      await expect.poll(() => adminHeard.filter((m) => (m as { entity: string }).entity === 'centre').length).toBe(version + 1);
      // Events go out to every socket in one pass: had it been sent, it would be here by now.
      await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await rename('Barnahus Plovdiv', 0);
    expect(restrictedHeard).toEqual([]);

    const changed = await rawPost(
      h.host.url,
      'account.changePassword',
      JSON.stringify({ currentPassword: 'first day at the centre', newPassword: 'a long walk along the Danube at dusk' }),
      { authorization: `Bearer ${restricted}` },
    );
    expect(changed.status).toBe(200);
    await rename('Barnahus Sofia', 1);
    expect(restrictedHeard).toContainEqual({ type: 'change', entity: 'centre', action: 'updated', id: 1 });
  });

  it('refuses a browser page from another origin, and lets in its own pages and clients without an Origin', async () => {
    const h = await host();
    await expect(openSocket(h.host.url, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(openSocket(h.host.url, { origin: 'null' })).rejects.toThrow(/403/);
    const own = await openSocket(h.host.url, { origin: h.host.url });
    own.close();
    const script = await openSocket(h.host.url);
    script.close();
  });
});

/** Every folder and file under dir, with its permission bits. */
function modes(dir: string): Record<string, string> {
  const entries = [dir, ...(fs.readdirSync(dir, { recursive: true }) as string[]).map((entry) => path.join(dir, entry))];
  return Object.fromEntries(entries.map((entry) => [path.relative(dir, entry) || '.', (fs.statSync(entry).mode & 0o777).toString(8)]));
}

describe('file modes', () => {
  it('creates the data folder 0700 and every file in it for the owner only (database, WAL, shared memory, recordings)', async () => {
    // The usual umask: left alone, SQLite would create the database 0644.
    const previous = process.umask(0o022);
    try {
      const h = await host();
      await initialise(h);
      await login(h, ADMIN.password, 'ws');
      const evidence = h.host.core.evidence;
      const stored = await evidence.receive('upload-1', Readable.from([Buffer.from('a recording')]), 1024);
      evidence.commit('upload-1', stored.sha256);
      const found = modes(h.dataDir);
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['barnahus.db', 'barnahus.db-wal', 'barnahus.db-shm']));
      expect(Object.keys(found).filter((entry) => entry.startsWith(path.join('evidence', 'objects', ''))), JSON.stringify(found)).toHaveLength(3);
      for (const [entry, mode] of Object.entries(found)) {
        const isDir = fs.statSync(path.join(h.dataDir, entry)).isDirectory();
        if (isDir) expect(mode, entry).toBe('700');
        else expect(['600', '400'], `${entry} is ${mode}`).toContain(mode);
      }
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a data folder left 0755 and database files left 0644 at start, and says so', async () => {
    const first = await host();
    await initialise(first);
    await first.host.close();
    running = [];
    fs.chmodSync(first.dataDir, 0o755);
    fs.chmodSync(path.join(first.dataDir, 'evidence'), 0o755);
    for (const file of ['barnahus.db', 'barnahus.db-wal', 'barnahus.db-shm']) {
      if (fs.existsSync(path.join(first.dataDir, file))) fs.chmodSync(path.join(first.dataDir, file), 0o644);
    }
    const said: string[] = [];
    const again = await startHost({ dataDir: first.dataDir, keyFile: first.keyFile, listen: '127.0.0.1', port: 0, warn: () => undefined, log: (m) => said.push(m) });
    try {
      expect(said).toContain(`tightened ${first.dataDir} from 0755 to 0700`);
      expect(said).toContain(`tightened ${path.join(first.dataDir, 'barnahus.db')} from 0644 to 0600`);
      for (const [entry, mode] of Object.entries(modes(first.dataDir))) {
        expect(Number.parseInt(mode, 8) & 0o077, `${entry} is ${mode}`).toBe(0);
      }
    } finally {
      await again.close();
    }
  });
});
