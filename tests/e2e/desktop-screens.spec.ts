import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ChangeEvent } from '../../shared/events';
import type { SafeStorageLike } from '../../electron/main/keystore';
import { Workstation } from '../../electron/main/workstation';
import { ADMIN, expect, test, type HostProcess } from './fixtures';

/**
 * The desktop app's own screens (set up the workstation, join a host, unlock), in Chromium.
 * No Electron binary exists here, so the preload is stood in for: window.barnahus forwards to
 * a real Workstation (the object main's IPC handlers call) running in this test process.
 * The page is loaded from the host's --web files, but with the bridge present the renderer
 * must not call the network itself: every API call goes through the workstation.
 */

function safeStorage(backend: string): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: (text) => Promise.resolve(Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`)),
    decryptStringAsync: (sealed) => Promise.resolve({ result: Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString() }),
  };
}

async function desktopPage(page: Page, host: HostProcess, workstation: () => Workstation): Promise<string[]> {
  const apiRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
  });
  const stops = new Map<number, () => void>();
  let next = 1;
  await page.exposeFunction('__desktopCall', (method: string, input: unknown, token: string | null) => workstation().call(method, input, token));
  await page.exposeFunction('__desktopSubscribe', (token: string) => {
    const id = next++;
    stops.set(
      id,
      workstation().subscribe(token, (event: ChangeEvent) => {
        void page.evaluate(([sid, change]) => (globalThis as unknown as { __desktopEvent(id: number, e: unknown): void }).__desktopEvent(sid, change), [id, event] as const).catch(() => undefined);
      }),
    );
    return id;
  });
  await page.exposeFunction('__desktopUnsubscribe', (id: number) => {
    stops.get(id)?.();
    stops.delete(id);
  });
  await page.addInitScript(() => {
    type Desktop = {
      __desktopCall(m: string, i: unknown, t: string | null): Promise<unknown>;
      __desktopSubscribe(t: string): Promise<number>;
      __desktopUnsubscribe(id: number): Promise<void>;
      __desktopEvent(id: number, e: unknown): void;
    };
    const w = globalThis as unknown as Desktop & { barnahus: unknown };
    const listeners = new Map<number, (event: unknown) => void>();
    w.__desktopEvent = (id, event) => listeners.get(id)?.(event);
    w.barnahus = {
      call: (method: string, input: unknown, token: string | null) => w.__desktopCall(method, input, token),
      async subscribe(token: string, listener: (event: unknown) => void) {
        const id = await w.__desktopSubscribe(token);
        listeners.set(id, listener);
        return () => {
          listeners.delete(id);
          void w.__desktopUnsubscribe(id);
        };
      },
    };
  });
  await page.goto(host.url);
  return apiRequests;
}

test('joining the centre host: compare the fingerprint, join, set up and sign in through it', async ({ page, host, watch }, testInfo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-desktop-'));
  const workstation = await Workstation.open({ dir, safeStorage: safeStorage('gnome_libsecret'), platform: 'linux' });
  try {
    const apiRequests = await desktopPage(page, host, () => workstation);
    await expect(page.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible();
    await page.getByLabel(/Join the centre’s host/).check();
    await page.getByLabel('Host address').fill(host.url.replace('https://', ''));
    await page.getByRole('button', { name: 'Check the host' }).click();

    // The fingerprint shown is the one the host printed, grouped for reading aloud.
    const shown = page.locator('code');
    await expect(shown).toContainText(host.fingerprint.slice(0, 4));
    expect((await shown.innerText()).replace(/^SHA256:|\s/g, '')).toBe(host.fingerprint);
    const join = page.getByRole('button', { name: 'Join the host' });
    await expect(join).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('join-fingerprint.png'), fullPage: true });
    await page.getByLabel('It matches the fingerprint the host printed').check();
    await join.click();

    // Now every call goes to the host: first run there, then sign in.
    await expect(page.getByRole('heading', { name: 'Set up the centre' })).toBeVisible();
    await page.getByLabel('Name of the centre').fill('Barnahus Plovdiv');
    await page.getByLabel('Full name').fill(ADMIN.displayName);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the centre' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('centre-name')).toHaveText('Barnahus Plovdiv');
    expect((await host.api<{ centreName: string }>('setup.status', {})).body.centreName).toBe('Barnahus Plovdiv');

    // A change made elsewhere on the host reaches this workstation through main's pinned socket.
    const login = await host.api<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await host.api('centre.update', { name: 'Barnahus Plovdiv – Trakia', version: 0 }, login.body.token);
    await expect(page.getByTestId('centre-name')).toHaveText('Barnahus Plovdiv – Trakia');

    expect(apiRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  } finally {
    workstation.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('own database where Linux has no keyring: a passphrase, then unlock at the next start', async ({ page, host, watch }, testInfo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-desktop-'));
  let workstation = await Workstation.open({ dir, safeStorage: safeStorage('basic_text'), platform: 'linux' });
  try {
    const apiRequests = await desktopPage(page, host, () => workstation);
    await expect(page.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible();
    await expect(page.getByText('cannot protect the database key')).toBeVisible();
    await page.getByLabel('Administrator passphrase').fill('our centre passphrase');
    await page.getByLabel('Repeat the passphrase').fill('our centre passphrase');
    await page.screenshot({ path: testInfo.outputPath('standalone-passphrase.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create the database' }).click();
    await expect(page.getByRole('heading', { name: 'Set up the centre' })).toBeVisible();
    const key = JSON.parse(fs.readFileSync(path.join(dir, 'database-key.json'), 'utf8')) as { scheme: string };
    expect(key.scheme).toBe('passphrase');

    // The app starts again: the database stays shut until the passphrase is given.
    workstation.close();
    workstation = await Workstation.open({ dir, safeStorage: safeStorage('basic_text'), platform: 'linux' });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Unlock the database' })).toBeVisible();
    await page.getByLabel('Administrator passphrase').fill('not our passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText('The passphrase is wrong.');
    await page.getByLabel('Administrator passphrase').fill('our centre passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Set up the centre' })).toBeVisible();

    // This workstation's data is its own: the host serving the page was never set up.
    expect((await host.api<{ initialized: boolean }>('setup.status', {})).body.initialized).toBe(false);
    expect(apiRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  } finally {
    workstation.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
