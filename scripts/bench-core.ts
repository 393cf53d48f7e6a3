// Prints figures for the core's hot paths on this machine: npm run bench
// Measured, not asserted: benchmarks inform, tests decide.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../electron/core/core';
import { DATABASE_FILE } from '../electron/core/db/store';
import { hashPassword } from '../electron/core/passwords';
import { startHost } from '../electron/host/host';

const ADMIN = { username: 'admin', password: 'correct horse battery', displayName: 'Bench Admin' };
const origin = { transport: 'in-process' as const, workstation: 'bench' };

function summary(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(
    `${label.padEnd(52)} n=${String(samples.length).padStart(5)}  mean ${mean.toFixed(3)} ms  p50 ${at(0.5).toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  max ${at(1).toFixed(3)} ms`,
  );
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-bench-'));
try {
  console.log(`Barnahus Desk core benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);

  const hashes: number[] = [];
  for (let i = 0; i < 8; i++) hashes.push((await time(() => hashPassword('correct horse battery')))[1]);
  summary('scrypt password hash (N=2^15, r=8, p=1)', hashes);

  const file = path.join(dir, DATABASE_FILE);
  const key = randomBytes(32);
  const [created, createMs] = await time(() => openCore({ file, key }));
  console.log(`${'create encrypted database + migrations'.padEnd(52)} ${createMs.toFixed(1)} ms`);
  await created.dispatch({ method: 'setup.initialize', input: { centreName: 'Bench', admin: ADMIN }, token: null, origin });
  created.close();
  const opens: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [core, ms] = await time(() => openCore({ file, key }));
    opens.push(ms);
    core.close();
  }
  summary('open existing encrypted database', opens);

  const core = openCore({ file, key });
  const login = await core.dispatch({ method: 'auth.login', input: { username: ADMIN.username, password: ADMIN.password }, token: null, origin });
  if (!login.ok) throw new Error('login failed');
  const token = (login.data as { token: string }).token;
  const reads: number[] = [];
  for (let i = 0; i < 3000; i++) reads.push((await time(() => core.dispatch({ method: 'centre.get', input: {}, token, origin })))[1]);
  summary('in-process call, read (centre.get)', reads.slice(500));
  const writes: number[] = [];
  for (let i = 0; i < 500; i++) {
    writes.push((await time(() => core.dispatch({ method: 'centre.update', input: { name: `Bench ${i}`, version: i }, token, origin })))[1]);
  }
  summary('in-process call, write (centre.update, FULL sync)', writes);
  const refusals: number[] = [];
  for (let i = 0; i < 2000; i++) refusals.push((await time(() => core.dispatch({ method: 'centre.update', input: { name: 5 }, token, origin })))[1]);
  summary('in-process call, invalid input (400)', refusals.slice(200));

  // Case reads pass need to know and write their audit entry in the same transaction.
  const coordinator = await core.dispatch({
    method: 'users.create',
    input: { username: 'bench.coord', password: 'a bench coordinator sentence', displayName: 'Bench', agency: 'barnahus_staff', roles: ['coordinator'] },
    token,
    origin,
  });
  if (!coordinator.ok) throw new Error('users.create failed');
  core.store.db.prepare('UPDATE users SET must_change_password = 0 WHERE username = ?').run('bench.coord');
  const coordLogin = await core.dispatch({ method: 'auth.login', input: { username: 'bench.coord', password: 'a bench coordinator sentence' }, token: null, origin });
  const coordToken = coordLogin.ok ? (coordLogin.data as { token: string }).token : '';
  const opened = await core.dispatch({ method: 'cases.create', input: { childFirstName: 'Ana', childLastName: 'Pop' }, token: coordToken, origin });
  const caseId = opened.ok ? (opened.data as { id: number }).id : 0;
  const caseReads: number[] = [];
  for (let i = 0; i < 3000; i++) caseReads.push((await time(() => core.dispatch({ method: 'cases.get', input: { caseId }, token: coordToken, origin })))[1]);
  summary('in-process call, audited case read (cases.get)', caseReads.slice(500));
  const denied: number[] = [];
  for (let i = 0; i < 1000; i++) denied.push((await time(() => core.dispatch({ method: 'cases.get', input: { caseId: 999_999 }, token: coordToken, origin })))[1]);
  summary('in-process call, refused case read (404, audited)', denied);
  const entries = (core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const [verdict, verifyMs] = await time(() => core.dispatch({ method: 'audit.verify', input: {}, token, origin }));
  console.log(`${`audit.verify over ${entries} entries`.padEnd(52)} ${verifyMs.toFixed(1)} ms (${verdict.ok ? 'ok' : 'failed'})`);
  core.close();

  const host = await startHost({ dataDir: path.join(dir, 'host'), keyFile: path.join(dir, 'keys', 'host.key'), listen: '127.0.0.1', port: 0, warn: () => undefined });
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  const post = (method: string, body: unknown, auth?: string) =>
    new Promise<number>((resolve, reject) => {
      const request = https.request(
        `${host.url}/api/${method}`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(body));
    });
  await post('setup.initialize', { centreName: 'Bench', admin: ADMIN });
  const hostLogin = await host.core.dispatch({ method: 'auth.login', input: { username: ADMIN.username, password: ADMIN.password }, token: null, origin });
  const hostToken = hostLogin.ok ? (hostLogin.data as { token: string }).token : '';
  const remote: number[] = [];
  for (let i = 0; i < 1500; i++) remote.push((await time(() => post('centre.get', {}, hostToken)))[1]);
  summary('HTTPS call over loopback, keep-alive (centre.get)', remote.slice(300));
  const started = performance.now();
  await Promise.all(Array.from({ length: 1000 }, () => post('centre.get', {}, hostToken)));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${'HTTPS, 1000 concurrent reads (new TLS each)'.padEnd(52)} ${(1000 / seconds).toFixed(0)} calls/s`);
  agent.destroy();
  await host.close();

  const memory = process.memoryUsage();
  console.log(`\nresident memory at the end: ${(memory.rss / 1024 / 1024).toFixed(1)} MiB (heap used ${(memory.heapUsed / 1024 / 1024).toFixed(1)} MiB)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
