import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { contract, errorBodySchema, methodNames } from '../../shared/contract';
import { socketCloseCodes } from '../../shared/events';
import { probeHost } from '../../electron/main/remote-host';
import { ADMIN } from '../support/core';
import { rawPost, startTestHost, type TestHost } from '../support/host';
import { tempDir } from '../support/temp';

let running: TestHost[] = [];
afterEach(async () => {
  for (const host of running) await host.close();
  running = [];
});

async function host(options: { webRoot?: string } = {}): Promise<TestHost> {
  const started = await startTestHost(options);
  running.push(started);
  return started;
}

async function adminToken(h: TestHost): Promise<string> {
  await rawPost(h.host.url, 'setup.initialize', JSON.stringify({ centreName: 'Barnahus Sofia', admin: ADMIN }));
  const login = await rawPost(h.host.url, 'auth.login', JSON.stringify({ username: ADMIN.username, password: ADMIN.password }));
  return (login.body as { token: string }).token;
}

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('https:', 'wss:')}/api/events`, { rejectUnauthorized: false });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (raw: Buffer) => resolve(JSON.parse(raw.toString('utf8')))));
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code: number) => resolve(code)));
}

describe('the LAN host', () => {
  it('prints one ready line with the fingerprint of the certificate it presents', async () => {
    const h = await host();
    expect(h.host.readyLine).toMatch(/^listening https:\/\/127\.0\.0\.1:\d+ fingerprint SHA256:[0-9a-f]{64}$/);
    const probe = await probeHost(h.host.url);
    expect(h.host.readyLine.endsWith(probe.fingerprint)).toBe(true);
  });

  it('keeps the same certificate across restarts (workstations pin it)', async () => {
    const first = await host();
    const fingerprint = first.host.fingerprint;
    await first.host.close();
    running = [];
    const { startHost } = await import('../../electron/host/host');
    const again = await startHost({ dataDir: first.dataDir, keyFile: first.keyFile, listen: '127.0.0.1', port: 0, warn: () => undefined });
    expect(again.fingerprint).toBe(fingerprint);
    await again.close();
  });

  it('creates the key file with mode 0600, outside the data folder, and the database encrypted', async () => {
    const h = await host();
    await adminToken(h);
    expect(fs.statSync(h.keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(h.keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    // Every file under the data folder, the evidence store's included.
    const files = (fs.readdirSync(h.dataDir, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(h.dataDir, file)).isFile());
    expect(files).toContain('barnahus.db');
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(h.dataDir, file));
      expect(bytes.includes(Buffer.from('Barnahus Sofia')), file).toBe(false);
      expect(bytes.includes(Buffer.from('BEGIN PRIVATE KEY')), file).toBe(false);
    }
  });

  it('answers in the contract: 200 with the output, errors in one shape with their statuses', async () => {
    const h = await host();
    const token = await adminToken(h);
    const auth = { authorization: `Bearer ${token}` };
    const cases: [string, string | undefined, Record<string, string>, number, string][] = [
      ['centre.get', '{}', auth, 200, ''],
      ['centre.get', undefined, auth, 200, ''],
      ['centre.get', '{"extra":1}', auth, 400, 'invalid_input'],
      ['centre.get', '{not json', auth, 400, 'invalid_input'],
      ['centre.get', '{}', {}, 401, 'not_signed_in'],
      ['centre.get', '{}', { authorization: 'Bearer nonsense' }, 401, 'not_signed_in'],
      ['auth.login', '{"username":"admin","password":"wrong password"}', {}, 401, 'invalid_credentials'],
      ['centre.update', '{"name":"X","version":7}', auth, 409, 'conflict'],
      ['setup.initialize', JSON.stringify({ centreName: 'Again', admin: ADMIN }), {}, 409, 'already_initialized'],
      ['no.such', '{}', auth, 404, 'not_found'],
    ];
    for (const [method, body, headers, status, code] of cases) {
      const response = await rawPost(h.host.url, method, body, headers);
      expect(response.status, `${method} ${body}`).toBe(status);
      if (status === 200) continue;
      const parsed = errorBodySchema.safeParse(response.body);
      expect(parsed.success, response.text).toBe(true);
      expect(parsed.data?.error.code).toBe(code);
      expect(parsed.data?.error.message.length).toBeGreaterThan(5);
    }
  });

  it.each([
    ['a form body', 'centreName=x', { 'content-type': 'application/x-www-form-urlencoded' }, 'unsupported_media_type'],
    ['a __proto__ key', '{"a":{"__proto__":{"admin":true}}}', {}, 'invalid_json'],
    ['a constructor key', '{"constructor":{"prototype":{"x":1}}}', {}, 'invalid_json'],
    ['a body over 1 MiB', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }), {}, 'too_large'],
  ])('refuses %s with 400 and an issue, in the error shape', async (_label, body, headers, issue) => {
    const h = await host();
    const response = await rawPost(h.host.url, 'setup.status', body, headers);
    expect(response.status).toBe(400);
    const parsed = errorBodySchema.parse(response.body);
    expect(parsed.error.code).toBe('invalid_input');
    expect((parsed.error.details as { issues: { code: string }[] }).issues[0]?.code).toBe(issue);
  });

  it('returns 403 for a signed-in user without the permission', async () => {
    const h = await host();
    const token = await adminToken(h);
    const { insertUser } = await import('../support/core');
    await insertUser(h.host.core.store.db, 'therapist1', 'therapist password', ['therapist']);
    const login = await rawPost(h.host.url, 'auth.login', JSON.stringify({ username: 'therapist1', password: 'therapist password' }));
    const response = await rawPost(h.host.url, 'centre.update', '{"name":"X","version":0}', {
      authorization: `Bearer ${(login.body as { token: string }).token}`,
    });
    expect(response.status).toBe(403);
    expect(token).not.toBe((login.body as { token: string }).token);
  });

  it('serves an OpenAPI 3.1 document listing every method with its permission', async () => {
    const h = await host();
    const { request } = await import('node:https');
    const doc = await new Promise<{ openapi: string; paths: Record<string, { post: { 'x-permission': string } }> }>((resolve, reject) => {
      request(`${h.host.url}/api/openapi.json`, { rejectUnauthorized: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { openapi: string; paths: Record<string, { post: { 'x-permission': string } }> }));
      })
        .on('error', reject)
        .end();
    });
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toHaveLength(methodNames.length);
    for (const name of methodNames) expect(doc.paths[`/api/${name}`]?.post['x-permission']).toBe(contract[name].permission);
  });

  it('sends security headers, and no-store on the API', async () => {
    const h = await host();
    const response = await rawPost(h.host.url, 'setup.status', '{}');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('listens only on the address given', async () => {
    const h = await host();
    // 127.0.0.2 is loopback too, but not the address the host was told to use.
    const reached = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: h.host.port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(reached).toBe(false);
  });

  it('serves the renderer with a fresh style nonce in the page and its CSP', async () => {
    const webRoot = tempDir();
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<meta property="csp-nonce" nonce="BARNAHUS_CSP_NONCE"><p>app</p>');
    const h = await host({ webRoot });
    const { request } = await import('node:https');
    const get = () =>
      new Promise<{ csp: string; body: string }>((resolve, reject) => {
        request(`${h.host.url}/`, { rejectUnauthorized: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ csp: String(res.headers['content-security-policy']), body: Buffer.concat(chunks).toString('utf8') }));
        })
          .on('error', reject)
          .end();
      });
    const [a, b] = [await get(), await get()];
    const nonceA = /nonce="([^"]+)"/.exec(a.body)?.[1];
    expect(nonceA).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a.csp).toContain(`'nonce-${nonceA}'`);
    expect(a.body).not.toContain('BARNAHUS_CSP_NONCE');
    expect(b.body).not.toContain(`nonce="${nonceA}"`);
    expect(a.csp).not.toContain('unsafe-inline');
  });
});

describe('the change-event socket', () => {
  it('closes a socket that does not authenticate', async () => {
    const h = await host();
    const socket = await openSocket(h.host.url);
    socket.send(JSON.stringify({ type: 'auth', token: 'forged' }));
    expect(await closed(socket)).toBe(socketCloseCodes.notSignedIn);
  });

  it('pushes a change made by another workstation, then closes when the session ends', async () => {
    const h = await host();
    const token = await adminToken(h);
    const login = await rawPost(h.host.url, 'auth.login', JSON.stringify({ username: ADMIN.username, password: ADMIN.password }));
    const other = (login.body as { token: string }).token;

    const socket = await openSocket(h.host.url);
    const ready = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'auth', token }));
    expect(await ready).toEqual({ type: 'ready' });

    const change = nextMessage(socket);
    const update = await rawPost(h.host.url, 'centre.update', '{"name":"Barnahus Plovdiv","version":0}', { authorization: `Bearer ${other}` });
    expect(update.status).toBe(200);
    expect(await change).toEqual({ type: 'change', entity: 'centre', action: 'updated', id: 1 });

    const ended = closed(socket);
    await rawPost(h.host.url, 'auth.logout', '{}', { authorization: `Bearer ${token}` });
    expect(await ended).toBe(socketCloseCodes.sessionEnded);
  });
});
