import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/events';
import { CONFIG_FILE, Workstation } from '../../electron/main/workstation';
import { KEY_FILE, type SafeStorageLike } from '../../electron/main/keystore';
import { createRemoteTransport, probeHost } from '../../electron/main/remote-host';
import { createClient } from '../../shared/client';
import { ADMIN } from '../support/core';
import { startTestHost, type TestHost } from '../support/host';
import { tempDir } from '../support/temp';

let hosts: TestHost[] = [];
const closers: (() => void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  for (const h of hosts) await h.close();
  hosts = [];
});

async function host(): Promise<TestHost> {
  const h = await startTestHost();
  hosts.push(h);
  return h;
}

/** A stand-in for Electron's safeStorage: reversible, and reports the backend we choose. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: (text) => Promise.resolve(Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`)),
    decryptStringAsync: (sealed) =>
      Promise.resolve({ result: Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString() }),
  };
}

function waitFor<T>(predicate: () => T | undefined, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = predicate();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('client mode: calls forwarded over TLS pinned to the host certificate', () => {
  it('works with the confirmed certificate', async () => {
    const h = await host();
    const client = await h.client();
    await client.call('setup.initialize', { centreName: 'Barnahus Varna', admin: ADMIN });
    await client.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await client.call('centre.get', {})).name).toBe('Barnahus Varna');
  });

  it('refuses a host presenting another certificate, before sending anything', async () => {
    const real = await host();
    const impostor = await host();
    const probe = await probeHost(real.host.url);
    // The impostor answers at an address the workstation trusts, with its own certificate.
    const transport = createRemoteTransport({ url: impostor.host.url, certPem: probe.certPem, fingerprint: real.host.fingerprint });
    closers.push(() => transport.close());
    const result = await transport.call('setup.initialize', { centreName: 'Stolen', admin: ADMIN }, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');
    const status = await (await impostor.client()).call('setup.status', {});
    expect(status.initialized).toBe(false);
  });

  it('reports an unreachable host as 503 unavailable, in words', async () => {
    const h = await host();
    const probe = await probeHost(h.host.url);
    await h.close();
    hosts = [];
    const client = createClient(createRemoteTransport({ url: h.host.url, certPem: probe.certPem, fingerprint: probe.fingerprint }));
    const error = await client.call('setup.status', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).message).toContain(h.host.url);
  });

  it('relays change events from the host', async () => {
    const h = await host();
    const client = await h.client();
    await client.call('setup.initialize', { centreName: 'Barnahus Varna', admin: ADMIN });
    const { token } = await client.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const probe = await probeHost(h.host.url);
    const transport = createRemoteTransport({ url: h.host.url, certPem: probe.certPem, fingerprint: probe.fingerprint });
    closers.push(() => transport.close());
    const events: ChangeEvent[] = [];
    closers.push(transport.subscribe(token, (event) => events.push(event)));
    // The socket authenticates asynchronously: keep changing the centre until the first event arrives.
    let version = 0;
    const first = waitFor(() => events[0]);
    while (events.length === 0 && version < 25) {
      await client.call('centre.update', { name: `Barnahus Burgas ${version}`, version });
      version += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await first).toEqual({ type: 'change', entity: 'centre', action: 'updated', id: 1 });
  });
});

describe('the workstation', () => {
  it('starts unconfigured, and refuses core calls until set up', async () => {
    const workstation = await Workstation.open({ dir: tempDir(), safeStorage: fakeSafeStorage('gnome_libsecret'), platform: 'linux' });
    closers.push(() => workstation.close());
    expect(await workstation.status()).toMatchObject({ mode: 'unconfigured', locked: false, osProtectionAvailable: true });
    expect(await workstation.call('setup.status', {}, null)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('keeps its own database with the key sealed by the OS keychain, and reopens it', async () => {
    const dir = tempDir();
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const first = await Workstation.open({ dir, safeStorage, platform: 'linux' });
    expect(await first.call('workstation.setupStandalone', {}, null)).toMatchObject({ ok: true, data: { mode: 'standalone', keyProtection: 'os' } });
    expect(await first.call('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN }, null)).toMatchObject({ ok: true });
    first.close();
    const sealed = fs.readFileSync(path.join(dir, KEY_FILE), 'utf8');
    expect(sealed).toContain('"scheme": "os"');

    const second = await Workstation.open({ dir, safeStorage, platform: 'linux' });
    closers.push(() => second.close());
    expect(await second.call('setup.status', {}, null)).toEqual({ ok: true, data: { initialized: true, centreName: 'Barnahus Cluj' } });
  });

  it('refuses Linux basic_text and asks for a passphrase; stays locked until it is given', async () => {
    const dir = tempDir();
    const safeStorage = fakeSafeStorage('basic_text');
    const first = await Workstation.open({ dir, safeStorage, platform: 'linux' });
    expect(await first.status()).toMatchObject({ osProtectionAvailable: false });
    const without = await first.call('workstation.setupStandalone', {}, null);
    expect(without).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(await first.call('workstation.setupStandalone', { passphrase: 'our centre passphrase' }, null)).toMatchObject({
      ok: true,
      data: { keyProtection: 'passphrase', locked: false },
    });
    first.close();

    const second = await Workstation.open({ dir, safeStorage, platform: 'linux' });
    closers.push(() => second.close());
    expect(await second.status()).toMatchObject({ mode: 'standalone', locked: true });
    expect(await second.call('setup.status', {}, null)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await second.call('workstation.unlock', { passphrase: 'not the passphrase' }, null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials' },
    });
    expect(await second.call('workstation.unlock', { passphrase: 'our centre passphrase' }, null)).toMatchObject({ ok: true, data: { locked: false } });
    expect(await second.call('setup.status', {}, null)).toMatchObject({ ok: true });
  });

  it('joins a host after the fingerprint is confirmed, and refuses a mismatched one', async () => {
    const h = await host();
    const dir = tempDir();
    const workstation = await Workstation.open({ dir, safeStorage: fakeSafeStorage('gnome_libsecret'), platform: 'linux' });
    closers.push(() => workstation.close());
    const probe = await workstation.call('workstation.probeHost', { url: h.host.url.replace('https://', '') }, null);
    expect(probe).toMatchObject({ ok: true, data: { fingerprint: h.host.fingerprint } });

    const wrong = await workstation.call('workstation.joinHost', { url: h.host.url, fingerprint: 'a'.repeat(64) }, null);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.existsSync(path.join(dir, CONFIG_FILE))).toBe(false);

    const joined = await workstation.call('workstation.joinHost', { url: h.host.url, fingerprint: `SHA256:${h.host.fingerprint.toUpperCase()}` }, null);
    expect(joined).toMatchObject({ ok: true, data: { mode: 'client', host: { url: h.host.url, fingerprint: h.host.fingerprint } } });
    expect(await workstation.call('setup.initialize', { centreName: 'Barnahus Ruse', admin: ADMIN }, null)).toMatchObject({ ok: true });
    expect(await (await h.client()).call('setup.status', {})).toEqual({ initialized: true, centreName: 'Barnahus Ruse' });
    expect(await workstation.call('workstation.setupStandalone', {}, null)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('validates its own inputs like the core does', async () => {
    const workstation = await Workstation.open({ dir: tempDir(), safeStorage: fakeSafeStorage('gnome_libsecret'), platform: 'linux' });
    closers.push(() => workstation.close());
    expect(await workstation.call('workstation.probeHost', { url: 'http://plain.example:80' }, null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await workstation.call('workstation.unlock', {}, null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
