// How backups cost on this machine: npm run bench:backup [-- --cases N --evidence-gb G]
// Measured, not asserted: benchmarks inform, tests decide.
//
// A data folder as the host keeps it (encrypted database of N demo cases with their
// follow-up, G GB of registered recordings in the evidence store), then, in the same run:
//   (a) cp -r of the data folder, the reference;
//   (b) a full set (`host.js backup --no-verify`, against the running host), and b/a (goal ≤ 1.5);
//   (c) a second set with no new evidence (goal < 10 s);
//   (d) p95 of cases.list (first page, a coordinator over HTTPS) quiet, then during a
//       full backup (verified) to a fresh destination, and their ratio (goal < 2);
//   (e) verify-backup of a set (its database and every object);
//   (f) rekey of the data folder (host stopped), then a start with the new key.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { createClient, type Client, type Transport } from '../shared/client';
import { openCore, type Core } from '../electron/core/core';
import { DATABASE_FILE } from '../electron/core/db/store';
import { requireBuiltHost, runHostCli, startHostProcess, type CliRun, type HostProcess } from './host-process';
import { seedCases, seedUsers } from './seed-data';
import { addRecordings } from './seed-recordings';

const usage = `Usage: npm run bench:backup -- [--cases N] [--evidence-gb G] [--recording-mib M] [--runs R] [--prepared DIR] [--keep]

  --cases N          demo cases to seed (default 100000)
  --evidence-gb G    GB of recordings in the evidence store (default 2; fractions allowed)
  --recording-mib M  size of each recording (default 512)
  --runs R           cases.list calls for the quiet p95 (default 200)
  --prepared DIR     build the data folder in DIR once and keep it; later runs copy it
                     from there instead of seeding again (--cases and --evidence-gb then do not apply)
  --keep             keep the temp folder`;

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'evidence-gb': { type: 'string', default: '2' },
    'recording-mib': { type: 'string', default: '512' },
    runs: { type: 'string', default: '200' },
    prepared: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const caseCount = Number(values.cases);
const evidenceBytes = Math.round(Number(values['evidence-gb']) * 1024 ** 3);
const recordingBytes = Number(values['recording-mib']) * 1024 ** 2;
const runs = Number(values.runs);
if (!Number.isInteger(caseCount) || caseCount < 1 || !(evidenceBytes >= 0) || !(recordingBytes > 0) || !Number.isInteger(runs) || runs < 20) {
  console.error(`bench:backup: --cases and --runs (≥ 20) take whole numbers, --evidence-gb and --recording-mib positive numbers\n\n${usage}`);
  process.exit(2);
}
requireBuiltHost('bench:backup');

const ADMIN = { username: 'admin', password: 'correct horse battery', displayName: 'Bench Admin' };
const COORDINATOR = { username: 'bench.coord', password: 'a bench coordinator sentence' };
const MIB = 1024 * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

function inProcessClient(core: Core): Client {
  const transport: Transport = {
    async call(method, input, token) {
      const outcome = await core.dispatch({ method, input, token, origin: { transport: 'in-process', workstation: 'bench' } });
      return outcome.ok ? { ok: true, data: outcome.data } : { ok: false, error: outcome.error };
    },
  };
  return createClient(transport);
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function timedCall(client: Client): Promise<number> {
  const start = performance.now();
  await client.call('cases.list', {});
  return performance.now() - start;
}

function mustSucceed(label: string, run: CliRun): CliRun {
  if (run.code !== 0) {
    console.error(`bench:backup: ${label} failed (exit ${run.code ?? run.signal}):\n${run.stderr || run.stdout}`);
    throw new Error(`${label} failed`);
  }
  return run;
}

/** The time the command itself reports (its work, without Node's start), from its output line. */
function ownSeconds(run: CliRun, pattern: RegExp): number | null {
  const match = pattern.exec(run.stdout);
  return match ? Number(match[1]) : null;
}
const SET_LINE = /^Set .* in ([\d.]+) s\.$/m;
const VERIFIED_LINE = /verified in ([\d.]+) s/i;
const REKEYED_LINE = /, in ([\d.]+) s\.$/m;
const own = (value: number | null) => (value === null ? '' : `, ${value.toFixed(1)} s of it the command's own work`);

const newSet = (dest: string, before: Set<string>) => {
  const sets = fs.readdirSync(path.join(dest, 'sets')).filter((name) => !name.startsWith('.') && !before.has(name));
  if (sets.length !== 1) throw new Error(`expected one new set in ${dest}, found ${sets.length}`);
  return path.join(dest, 'sets', sets[0]!);
};
const setsAt = (dest: string) => new Set(fs.existsSync(path.join(dest, 'sets')) ? fs.readdirSync(path.join(dest, 'sets')) : []);

/** A data folder as the host would have left it, with its key file and checkpoint file beside it, in `dir`. */
async function buildCentre(dir: string): Promise<string> {
  const key = randomBytes(32);
  fs.mkdirSync(path.join(dir, 'keys'), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'keys', 'host.key'), `${key.toString('hex')}\n`, { mode: 0o600 });
  const seedStart = performance.now();
  const core = openCore({ file: path.join(dir, 'data', DATABASE_FILE), key, anchorFile: path.join(dir, 'audit-anchors.log'), log: () => undefined });
  try {
    const admin = inProcessClient(core);
    await admin.call('setup.initialize', { centreName: 'Bench', admin: ADMIN });
    await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await admin.call('users.create', { ...COORDINATOR, displayName: 'Bench Coordinator', agency: 'barnahus_staff', roles: ['coordinator'] });
    core.store.db.prepare("UPDATE users SET must_change_password = 0 WHERE username LIKE 'bench.%'").run();
    const seeded = seedCases(core.store.db, {
      count: caseCount,
      seed: 1,
      now: new Date(),
      users: seedUsers(core.store.db),
      onProgress(done, total, ms) {
        if (process.stdout.isTTY) process.stdout.write(`\rseeding ${done}/${total} (${((done / ms) * 1000).toFixed(0)} cases/s)${done === total ? '\n' : ''}`);
      },
    });
    const evidenceStart = performance.now();
    const recordings = await addRecordings(core, { totalBytes: evidenceBytes, eachBytes: recordingBytes, username: COORDINATOR.username });
    core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fs.statSync(path.join(dir, 'data', DATABASE_FILE)).size;
    return (
      `data folder: ${seeded.inserted} cases (seeded in ${seconds(evidenceStart - seedStart)}), database ${(dbBytes / MIB).toFixed(0)} MiB; ` +
      `${recordings.count} recordings, ${gib(recordings.bytes)} (stored in ${seconds(performance.now() - evidenceStart)})`
    );
  } finally {
    core.close();
  }
}

const df = await promisify(execFile)('df', ['-Pk', os.tmpdir()]);
const freeBytes = Number(df.stdout.trim().split('\n').at(-1)!.split(/\s+/)[3]) * 1024;
// The data, its copy, two destinations and verify's temporary restore: about five times the evidence.
if (freeBytes < evidenceBytes * 5.5 + 2 * 1024 ** 3) {
  console.error(`bench:backup: ${gib(freeBytes)} free in ${os.tmpdir()}; this run needs about ${gib(evidenceBytes * 5.5 + 2 * 1024 ** 3)}`);
  process.exit(1);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-bench-backup-'));
const dataDir = path.join(root, 'data');
const keyFile = path.join(root, 'keys', 'host.key');
const newKeyFile = path.join(root, 'keys', 'host-new.key');
let failed = false;
let host: HostProcess | undefined;
try {
  console.log(`Barnahus Desk backup benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${gib(freeBytes)} free in ${os.tmpdir()}\n`);
  if (values.prepared && fs.existsSync(path.join(values.prepared, 'data'))) {
    console.log(`data folder: the one prepared in ${values.prepared} (copied, not timed)`);
  } else {
    console.log(await buildCentre(values.prepared ?? root));
  }
  if (values.prepared) await promisify(execFile)('cp', ['-a', `${values.prepared}/.`, root]);
  const dataBytes = folderBytes(dataDir);
  const dbBytes = fs.statSync(path.join(dataDir, DATABASE_FILE)).size;
  console.log('');

  // (a) The reference: the same files copied by cp, in the same run (so the same page cache and disk).
  const copyStart = performance.now();
  await promisify(execFile)('cp', ['-r', dataDir, path.join(root, 'copy')]);
  const copyMs = performance.now() - copyStart;
  // cp returns with its bytes still in the page cache; a set is fsynced before it counts. Both references, then.
  const syncStart = performance.now();
  await promisify(execFile)('sh', ['-c', 'find "$1" -type f -print0 | xargs -0 sync --data', 'sync-copy', path.join(root, 'copy')]);
  const copySyncedMs = copyMs + performance.now() - syncStart;
  fs.rmSync(path.join(root, 'copy'), { recursive: true, force: true });

  host = await startHostProcess({ dataDir, keyFile, timeoutMs: 120_000 });
  const client = await host.client('bench');
  await client.call('auth.login', COORDINATOR);

  // (b) and (c): against the running host, as a centre backs up.
  const dest = path.join(root, 'backup');
  // --no-verify: (b) and (c) measure writing the set; (e) measures its verification.
  const full = mustSucceed('the full backup', await runHostCli(['backup', '--data', dataDir, '--key-file', keyFile, '--to', dest, '--no-verify']));
  const fullSet = newSet(dest, new Set());
  const fullSetBytes = folderBytes(fullSet);
  const before = setsAt(dest);
  const incremental = mustSucceed('the incremental backup', await runHostCli(['backup', '--data', dataDir, '--key-file', keyFile, '--to', dest, '--no-verify']));
  // Rotation keeps the newest set of each day, so this one replaced the full one; it names every object all the same.
  const latestSet = newSet(dest, before);

  // (d) Latency: quiet, then during a full backup to a fresh destination (the worst case: every object copied),
  // with its automatic verification, as an operator or the schedule runs it.
  for (let i = 0; i < 5; i++) await timedCall(client);
  const quiet: number[] = [];
  for (let i = 0; i < runs; i++) quiet.push(await timedCall(client));
  const busy: number[] = [];
  let backupDone = false;
  const during = runHostCli(['backup', '--data', dataDir, '--key-file', keyFile, '--to', path.join(root, 'backup-2')]).then((run) => {
    backupDone = true;
    return run;
  });
  while (!backupDone) busy.push(await timedCall(client));
  const duringRun = mustSucceed('the backup under load', await during);
  quiet.sort((a, b) => a - b);
  busy.sort((a, b) => a - b);
  fs.rmSync(path.join(root, 'backup-2'), { recursive: true, force: true });

  // (e) Verify a set: its database and every evidence object it names (all of them).
  const verify = mustSucceed('verify-backup', await runHostCli(['verify-backup', '--from', latestSet, '--key-file', keyFile]));

  // (f) Rekey, host stopped; then the host must start with the new key (and only it).
  await host.stop();
  const rekey = mustSucceed('rekey', await runHostCli(['rekey', '--data', dataDir, '--key-file', keyFile, '--new-key-file', newKeyFile]));
  host = await startHostProcess({ dataDir, keyFile: newKeyFile, timeoutMs: 120_000 });
  const afterRekey = await host.client('bench');
  await afterRekey.call('auth.login', COORDINATOR);
  const listed = await afterRekey.call('cases.list', {});
  await host.stop();

  const ratio = full.ms / copyMs;
  const fullOwn = ownSeconds(full, SET_LINE);
  const ownRatio = fullOwn === null ? null : (fullOwn * 1000) / copyMs;
  const syncedRatio = (fullOwn === null ? full.ms : fullOwn * 1000) / copySyncedMs;
  const incrementalOwn = ownSeconds(incremental, SET_LINE);
  const latencyRatio = at(busy, 0.95) / at(quiet, 0.95);
  const goal = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');
  console.log(
    [
      `(a) cp -r of the data folder                ${seconds(copyMs).padStart(10)}   ${gib(dataBytes)} (database ${(dbBytes / MIB).toFixed(0)} MiB); ${seconds(copySyncedMs)} with the copy synced to disk`,
      `(b) full backup set                         ${seconds(full.ms).padStart(10)}   set ${gib(fullSetBytes)} + objects${own(fullOwn)}; b/a ${ratio.toFixed(2)}` +
        `${ownRatio === null ? '' : ` (own work ${ownRatio.toFixed(2)})`}, against the synced copy ${syncedRatio.toFixed(2)} (≤ 1.5: ${goal(Math.min(ratio, ownRatio ?? ratio) <= 1.5)})`,
      `(c) incremental set, no new evidence        ${seconds(incremental.ms).padStart(10)}   (< 10 s: ${goal(incremental.ms < 10_000)})${own(incrementalOwn)}`,
      `(d) cases.list p95 quiet                    ${at(quiet, 0.95).toFixed(1).padStart(8)} ms   p50 ${at(quiet, 0.5).toFixed(1)} ms, ${quiet.length} calls`,
      `    cases.list p95 during a full backup     ${at(busy, 0.95).toFixed(1).padStart(8)} ms   p50 ${at(busy, 0.5).toFixed(1)} ms, ${busy.length} calls over ${seconds(duringRun.ms)}; ratio ${latencyRatio.toFixed(2)} (< 2: ${goal(latencyRatio < 2)})`,
      `(e) verify-backup (database + every object) ${seconds(verify.ms).padStart(10)}   ${own(ownSeconds(verify, VERIFIED_LINE)).slice(2)}`,
      `(f) rekey (host stopped)                    ${seconds(rekey.ms).padStart(10)}   ${own(ownSeconds(rekey, REKEYED_LINE)).slice(2)}; then the host started with the new key and listed ${listed.total} cases`,
      '',
      "Times are wall clock of the whole command, Node's start included; the command's own figure leaves that out. (b) and (c) ran with --no-verify, (d) with the verification.",
    ].join('\n'),
  );
} catch (error) {
  failed = true;
  console.error(`bench:backup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await host?.kill9();
  if (values.keep) console.log(`kept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
