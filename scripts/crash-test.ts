// npm run test:crash -- --cycles N [--clients C] [--seed S] [--no-backup]
//
// A real host (out/main/host.js) on a temp data folder, C clients writing over the
// LAN API, kill -9 at a random moment, restart on the same folder, then: every
// acknowledged write is there (read back through the API and from the file),
// PRAGMA integrity_check is ok, audit.verify is ok. Every second cycle a
// `host.js backup` runs during the load and is kill -9'd at a random moment too:
// nothing at the destination may look like a complete set unless it verifies, and
// the next backup must clean the debris and produce a set that verifies.
// Exits 1 on any loss or failed check. Loopback only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '../shared/client';
import { openCore } from '../electron/core/core';
import { checkLedgerInDatabase, checkLedgerThroughApi, openDatabase } from './crash-checks';
import { ClientLoad, emptyLedger, type Ledger, type LoadOutcome } from './crash-write-load';
import { requireBuiltHost, runHostCli, startHostProcess, type HostProcess } from './host-process';
import { Random } from './seed-data';
import { addRecordings } from './seed-recordings';

const usage = `Usage: npm run test:crash -- [--cycles N] [--clients C] [--seed S] [--no-backup] [--keep]

  --cycles N    kill -9 / restart cycles (default 5)
  --clients C   concurrent writing clients (default 4)
  --seed S      what the random moments come from (default: the time; printed, to replay a failure)
  --no-backup   leave out the killed backups (for a host built without the backup command)
  --keep        keep the temp folder (data, key, backups) for a post-mortem`;

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '5' },
    clients: { type: 'string', default: '4' },
    seed: { type: 'string', default: String(Date.now()) },
    'no-backup': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const cycles = Number(values.cycles);
const clientCount = Number(values.clients);
if (!Number.isInteger(cycles) || cycles < 1 || !Number.isInteger(clientCount) || clientCount < 1 || clientCount > 20) {
  console.error(`test:crash: --cycles takes a whole number ≥ 1 and --clients one from 1 to 20\n\n${usage}`);
  process.exit(2);
}
requireBuiltHost('test:crash');

const ADMIN = { username: 'admin', password: 'correct horse battery', displayName: 'Crash Admin' };
const FIRST_PASSWORD = 'first day at the centre';
const PASSWORD = 'a crash test coordinator sentence';
const rng = new Random(values.seed);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-crash-'));
const dataDir = path.join(root, 'data');
const keyFile = path.join(root, 'keys', 'host.key');
const dest = path.join(root, 'backups');
const setsDir = path.join(dest, 'sets');
const databaseFile = path.join(dataDir, 'barnahus.db');
const anchorFile = path.join(root, 'audit-anchors.log');
const RECORDING_BYTES = 24 * 1024 * 1024;
const readKey = () => Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'hex');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function signedIn(host: HostProcess, username: string, password: string): Promise<Client> {
  const client = await host.client();
  await client.call('auth.login', { username, password });
  return client;
}

/** A fresh centre: the administrator, and one coordinator per client (each past the first-sign-in password change). */
async function setUp(host: HostProcess): Promise<{ admin: Client; loads: ClientLoad[] }> {
  const admin = await host.client();
  await admin.call('setup.initialize', { centreName: 'Barnahus Crash Test', admin: ADMIN });
  await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const loads: ClientLoad[] = [];
  for (let i = 1; i <= clientCount; i++) {
    const username = `crash.coord${i}`;
    await admin.call('users.create', { username, password: FIRST_PASSWORD, displayName: `Crash Coordinator ${i}`, agency: 'barnahus_staff', roles: ['coordinator'] });
    const client = await signedIn(host, username, FIRST_PASSWORD);
    await client.call('account.changePassword', { currentPassword: FIRST_PASSWORD, newPassword: PASSWORD });
    loads.push(new ClientLoad(`c${i}`, client, new Random(`${values.seed}/${i}`)));
  }
  return { admin, loads };
}

/**
 * Before a cycle with a backup: an orderly stop, a new recording in the evidence
 * store, a start; so every backup has an object to copy and a kill can land mid-copy.
 */
async function withNewRecording(running: HostProcess): Promise<HostProcess> {
  await running.stop();
  const core = openCore({ file: databaseFile, key: readKey(), anchorFile, log: () => undefined });
  try {
    await addRecordings(core, { totalBytes: RECORDING_BYTES, eachBytes: RECORDING_BYTES, username: 'crash.coord1' });
  } finally {
    core.close();
  }
  return startHostProcess({ dataDir, keyFile });
}

const listSets = () => (fs.existsSync(setsDir) ? fs.readdirSync(setsDir) : []);
const verifiedSets = new Set<string>();

/** Every set that looks complete (not .partial-) must have its manifest and pass verify-backup. */
async function checkCompleteLookingSets(): Promise<string[]> {
  const problems: string[] = [];
  for (const name of listSets()) {
    if (name.startsWith('.partial-') || verifiedSets.has(name)) continue;
    const setDir = path.join(setsDir, name);
    if (!fs.existsSync(path.join(setDir, 'manifest.json'))) {
      problems.push(`set ${name} looks complete but has no manifest.json`);
      continue;
    }
    const verify = await runHostCli(['verify-backup', '--from', setDir, '--key-file', keyFile]);
    if (verify.code !== 0) problems.push(`set ${name} does not verify (exit ${verify.code ?? verify.signal}): ${verify.stderr.trim() || verify.stdout.trim()}`);
    else verifiedSets.add(name);
  }
  return problems;
}

/**
 * Debris a killed backup may leave: .partial- sets, half-copied objects (anything in
 * the object store not named by its hash, .incoming/ included), verify scratch
 * folders and its lock. After a backup that finished, none may remain.
 */
function debris(): string[] {
  const found = listSets()
    .filter((name) => name.startsWith('.partial-'))
    .map((name) => `sets/${name}`);
  if (fs.existsSync(dest)) for (const entry of fs.readdirSync(dest)) if (entry.startsWith('.')) found.push(entry);
  const objects = path.join(dest, 'objects');
  if (fs.existsSync(objects)) {
    for (const entry of fs.readdirSync(objects, { recursive: true }) as string[]) {
      const named = fs.statSync(path.join(objects, entry)).isDirectory() ? /^([0-9a-f]{2}|\.incoming)$/.test(entry) : /^[0-9a-f]{2}[/\\][0-9a-f]{64}$/.test(entry);
      if (!named) found.push(`objects/${entry}`);
    }
  }
  return found;
}

interface BackupKill {
  killAfterMs: number;
  finished: boolean;
  debrisLeft: number;
  recoveryMs: number;
}

/** How long a backup works once started (its lock taken): the kills spread over that, not over Node's start. */
let backupWorkMs = 1500;
const backupBegan = () => fs.existsSync(path.join(dest, '.lock'));

/** After a killed backup: the check of what it left, then a backup to the end that must clean up and verify. */
async function recoverBackups(kill: { killAfterMs: number; code: number | null }): Promise<{ outcome: BackupKill; problems: string[] }> {
  const problems = await checkCompleteLookingSets();
  const debrisLeft = debris().length;
  const before = new Set(listSets());
  const backup = await runHostCli(['backup', '--data', dataDir, '--key-file', keyFile, '--to', dest], { began: backupBegan });
  if (backup.code !== 0) problems.push(`the backup after the killed one failed (exit ${backup.code ?? backup.signal}): ${backup.stderr.trim() || backup.stdout.trim()}`);
  else backupWorkMs = backup.ms - (backup.beganMs ?? 0);
  const left = debris();
  if (left.length > 0) problems.push(`the next backup left debris: ${left.slice(0, 5).join(', ')}`);
  const fresh = listSets().filter((name) => !before.has(name) && !name.startsWith('.partial-'));
  if (backup.code === 0 && fresh.length !== 1) problems.push(`the next backup made ${fresh.length} new sets, not 1`);
  problems.push(...(await checkCompleteLookingSets()));
  return { outcome: { killAfterMs: kill.killAfterMs, finished: kill.code === 0, debrisLeft, recoveryMs: backup.ms }, problems };
}

const total: Ledger = emptyLedger();
const restarts: number[] = [];
const backupKills: BackupKill[] = [];
let inFlightTotal = 0;
let auditEntries = 0;
let failed = false;
const started = performance.now();

console.log(`Barnahus Desk crash test: ${cycles} cycles, ${clientCount} clients, seed ${values.seed}${values['no-backup'] ? ', no backups' : ''}; data in ${root}`);
let host = await startHostProcess({ dataDir, keyFile });
const fingerprint = host.fingerprint;
try {
  const { admin: setUpAdmin, loads } = await setUp(host);
  const adminToken = setUpAdmin.token;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const problems: string[] = [];
    let stopped = false;
    const killAtMs = rng.int(300, 2500);
    const withBackup = !values['no-backup'] && cycle % 2 === 0;
    const running: Promise<LoadOutcome>[] = loads.map((load) => load.run(() => stopped));
    const backupKillAfter = withBackup ? rng.int(0, Math.max(100, Math.round(backupWorkMs * 1.1))) : 0;
    const backupRun = withBackup ? runHostCli(['backup', '--data', dataDir, '--key-file', keyFile, '--to', dest], { killAfterMs: backupKillAfter, began: backupBegan }) : null;
    if (backupRun) {
      // The host dies while the backup works, not before Node has even started it.
      let ended = false;
      void backupRun.then(() => (ended = true));
      while (!ended && !backupBegan()) await sleep(10);
    }
    await sleep(killAtMs);
    await host.kill9();
    stopped = true;
    const outcomes = await Promise.all(running);
    const killedBackup = backupRun ? await backupRun : null;
    const acked: Ledger = {
      cases: outcomes.flatMap((o) => o.acked.cases),
      notes: outcomes.flatMap((o) => o.acked.notes),
      updates: outcomes.flatMap((o) => o.acked.updates),
    };
    total.cases.push(...acked.cases);
    total.notes.push(...acked.notes);
    total.updates.push(...acked.updates);
    const inFlight = outcomes.reduce((n, o) => n + o.inFlight, 0);
    inFlightTotal += inFlight;
    problems.push(...outcomes.flatMap((o) => o.unexpected));

    const restartStart = performance.now();
    host = await startHostProcess({ dataDir, keyFile });
    restarts.push(performance.now() - restartStart);
    if (host.fingerprint !== fingerprint) problems.push(`the certificate changed across the restart (${host.fingerprint})`);

    // Sessions are rows too: an acknowledged sign-in must survive the kill like any other write.
    for (const load of loads) {
      load.reconnect(await host.client());
      await load.settle();
    }
    for (const [i, outcome] of outcomes.entries()) problems.push(...(await checkLedgerThroughApi(loads[i]!.api, outcome.acked)));

    const db = openDatabase(databaseFile, readKey());
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      problems.push(...checkLedgerInDatabase(db, total));
    } finally {
      db.close();
    }
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);

    const admin = await host.client();
    admin.setToken(adminToken);
    const verdict = await admin.call('audit.verify', {});
    if (!verdict.ok || verdict.checkpoints.anchorFile === 'damaged' || verdict.checkpoints.disagreeing > 0) {
      problems.push(`audit.verify: ok ${verdict.ok}, first broken ${verdict.firstBroken ?? '-'}, anchor file ${verdict.checkpoints.anchorFile}, ${verdict.checkpoints.disagreeing} checkpoints disagree`);
    }
    if (verdict.entries < auditEntries) problems.push(`the audit log went from ${auditEntries} to ${verdict.entries} entries`);
    auditEntries = verdict.entries;

    let backupNote = '';
    if (killedBackup) {
      const { outcome, problems: backupProblems } = await recoverBackups({ killAfterMs: backupKillAfter, code: killedBackup.code });
      problems.push(...backupProblems);
      backupKills.push(outcome);
      backupNote = `; backup kill -9 ${outcome.killAfterMs} ms into its work ${outcome.finished ? '(it had finished: its set verifies)' : `left ${outcome.debrisLeft} debris`}, next backup ${seconds(outcome.recoveryMs)} ${backupProblems.length ? 'FAILED' : 'clean + verified'}`;
    }

    const writes = acked.cases.length + acked.notes.length + acked.updates.length;
    console.log(
      `cycle ${String(cycle).padStart(String(cycles).length)}/${cycles}: kill -9 at ${killAtMs} ms, ${writes} writes acknowledged ` +
        `(${acked.cases.length} cases, ${acked.notes.length} notes, ${acked.updates.length} edits), ${inFlight} in flight; ` +
        `restart ${seconds(restarts.at(-1)!)}; integrity ${integrity}; audit ${verdict.ok ? 'ok' : 'BROKEN'} (${verdict.entries} entries)${backupNote}` +
        (problems.length ? `\n  FAILED:\n    ${[...problems.slice(0, 20), ...(problems.length > 20 ? [`… and ${problems.length - 20} more`] : [])].join('\n    ')}` : ''),
    );
    if (problems.length) {
      failed = true;
      break;
    }
    if (!values['no-backup'] && (cycle + 1) % 2 === 0 && cycle < cycles) {
      host = await withNewRecording(host);
      for (const load of loads) load.reconnect(await host.client());
    }
  }
} catch (error) {
  failed = true;
  console.error(`test:crash: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${host.stderr()}`);
} finally {
  await host.stop();
}

const sorted = [...restarts].sort((a, b) => a - b);
const writes = total.cases.length + total.notes.length + total.updates.length;
console.log(
  [
    '',
    `${failed ? 'FAILED' : 'passed'} after ${restarts.length} of ${cycles} cycles in ${seconds(performance.now() - started)} (seed ${values.seed})`,
    `acknowledged writes: ${writes} (${total.cases.length} cases, ${total.notes.length} notes, ${total.updates.length} edits), ${failed ? 'see above' : 'all present after every restart'}; ${inFlightTotal} calls cut off by the kills`,
    `restart to ready: p50 ${seconds(sorted[Math.floor(sorted.length / 2)] ?? 0)}, max ${seconds(sorted.at(-1) ?? 0)}; audit log ${auditEntries} entries`,
    values['no-backup']
      ? 'backups: not exercised (--no-backup)'
      : `backups killed: ${backupKills.length} (${backupKills.filter((k) => k.finished).length} had already finished, ${backupKills.filter((k) => k.debrisLeft > 0).length} left debris); every following backup ${failed ? 'see above' : 'cleaned up and verified'}`,
  ].join('\n'),
);
if (values.keep || failed) console.log(`kept ${root}`);
else fs.rmSync(root, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
