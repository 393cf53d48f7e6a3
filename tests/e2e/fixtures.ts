import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface HostProcess {
  url: string;
  fingerprint: string;
  dataDir: string;
  /** Calls the host's API directly (set-up shortcuts), as any LAN client could. */
  api<T = unknown>(method: string, input: unknown, token?: string): Promise<{ status: number; body: T }>;
}

const READY = /^listening (https:\/\/\S+) fingerprint SHA256:([0-9a-f]{64})$/m;

/** The built host (`out/main/host.js`), as `npm run host -- --web` runs it, with a fresh data folder per test. */
async function startHost(): Promise<{ host: HostProcess; stop: () => Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-e2e-'));
  const dataDir = path.join(root, 'data');
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/host.js', '--data', dataDir, '--key-file', path.join(root, 'keys', 'host.key'), '--listen', '127.0.0.1', '--port', '0', '--web'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
  const url = ready[1] ?? '';
  const agent = new https.Agent({ rejectUnauthorized: false });
  const api: HostProcess['api'] = (method, input, token) =>
    new Promise((resolve, reject) => {
      const request = https.request(
        `${url}/api/${method}`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(input));
    });
  return {
    host: { url, fingerprint: ready[2] ?? '', dataDir, api },
    async stop() {
      agent.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(late);
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { username: 'maria', password: 'a long enough password', displayName: 'Мария Петрова' };

export const test = base.extend<{ host: HostProcess; watch: { problems: string[] } }>({
  // Playwright reads a fixture's dependencies from this destructuring pattern, so it must be present, even empty.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, stop } = await startHost();
    await use(host);
    await stop();
  },
  /** Console errors (a CSP violation, a failed load) and any request that leaves the host: all test failures. */
  watch: async ({ page, host }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      // Chromium logs every 4xx as "Failed to load resource"; the API's refusals are expected
      // (a wrong password is a 401). Failed loads of anything else are caught by 'response' below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) {
        problems.push(`failed load: ${response.status()} ${response.url()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(host.url) && !url.startsWith(host.url.replace('https:', 'wss:')) && !url.startsWith('data:')) {
        problems.push(`request off the host: ${url}`);
      }
    });
    await use({ problems });
  },
});

export { expect };

/** Sets up the centre through the API and signs in through the UI. */
export async function signedIn(page: Page, host: HostProcess, centreName = 'Barnahus Sofia'): Promise<void> {
  await host.api('setup.initialize', { centreName, admin: ADMIN });
  await page.goto(host.url);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
}

/** Signs in through the UI as anyone, waiting until the next screen shows. */
export async function signInAs(page: Page, host: HostProcess, username: string, password: string): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeHidden();
}

/** The API with one user's session, as any LAN client could use it; throws on refusals. */
export async function apiAs(host: HostProcess, username: string, password: string) {
  const login = await host.api<{ token: string }>('auth.login', { username, password });
  if (login.status !== 200) throw new Error(`sign-in of ${username} refused: ${JSON.stringify(login.body)}`);
  const token = login.body.token;
  return async <T = Record<string, unknown>>(method: string, input: unknown): Promise<T> => {
    const answer = await host.api<T>(method, input, token);
    if (answer.status !== 200) throw new Error(`${method} refused: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
}

/** A colleague with a role, created by the administrator, who has already chosen their own password. */
export async function colleague(host: HostProcess, username: string, displayName: string, role: string, agency: string): Promise<{ id: number; password: string }> {
  const admin = await apiAs(host, ADMIN.username, ADMIN.password);
  const temporary = 'temporary but long enough';
  const created = await admin<{ id: number }>('users.create', { username, password: temporary, displayName, agency, roles: [role] });
  const password = `${username} keeps a quiet garden`;
  await (await apiAs(host, username, temporary))('account.changePassword', { currentPassword: temporary, newPassword: password });
  return { id: created.id, password };
}

/** A cases.create input for a new child, as the intake form would send it: received an hour ago. */
export function referralFor(firstName: string, lastName: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fields: { receivedAt: new Date(Date.now() - 3_600_000).toISOString(), source: 'school', urgency: 'routine', reported: 'Disclosed at school.' },
    child: { new: { firstName, lastName } },
    ...more,
  };
}
