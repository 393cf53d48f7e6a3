import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import { BackupScheduler, isDue, latestOccurrence } from '../../electron/core/backup/schedule';
import { openStore } from '../../electron/core/db/store';
import { readRules } from '../../electron/core/interviews/resources';
import { migrations } from '../../electron/core/db/migrations';
import type { Migration } from '../../electron/core/db/migration';
import { backupBeforeUpgrade } from '../../electron/host/upgrade-backup';
import { parseCliArgs } from '../../electron/host/cli';
import { ADMIN, TestClock, databaseDigest, inProcessClient, insertUser, openTestCore, setUpCentre, signInWith } from '../support/core';
import { startTestHost } from '../support/host';
import { fieldRefusal, refusal } from '../support/refusal';
import { tempDir } from '../support/temp';

const HOUR = 60 * 60 * 1000;
const retention = { daily: 7, weekly: 4, monthly: 12 };

async function centre(clock = new TestClock(new Date('2026-12-08T08:00:00Z'))) {
  const test = openTestCore({ clock });
  const admin = await setUpCentre(inProcessClient(test.core));
  return { ...test, admin, clock };
}

async function configured(clock?: TestClock) {
  const c = await centre(clock);
  const destination = tempDir('barnahus-dest-');
  await c.admin.call('backups.configure', { destination, scheduleEnabled: true, scheduleTime: '02:00', retention, version: 0 });
  return { ...c, destination };
}

describe('backups.configure', () => {
  it('refuses a destination that is relative, missing, a file or inside the data folder, and retention out of 1..365, changing nothing', async () => {
    const { core, admin, dir } = await centre();
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    const inside = path.join(dir, 'backups');
    fs.mkdirSync(inside);
    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const cases: [string, string][] = [
      ['backups', checkMessages.backupDestinationAbsolute],
      [path.join(tempDir(), 'not-mounted'), checkMessages.backupDestinationMissing],
      [file, checkMessages.backupDestinationMissing],
      [inside, checkMessages.backupDestinationInsideData],
      [path.join(core.evidence.dir, '..', 'evidence'), checkMessages.backupDestinationInsideData],
    ];
    for (const [destination, message] of cases) {
      const issues = await fieldRefusal(admin.call('backups.configure', { destination, scheduleEnabled: true, scheduleTime: '02:00', retention, version: 0 }));
      expect(issues, destination).toEqual([expect.objectContaining({ path: ['destination'], message })]);
    }
    for (const bad of [{ ...retention, daily: 0 }, { ...retention, monthly: 366 }]) {
      const issues = await fieldRefusal(admin.call('backups.configure', { destination: tempDir(), scheduleEnabled: true, scheduleTime: '02:00', retention: bad, version: 0 }));
      expect(issues[0]?.path[0]).toBe('retention');
    }
    await fieldRefusal(admin.call('backups.configure', { destination: tempDir(), scheduleEnabled: true, scheduleTime: '25:00', retention, version: 0 }));
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);
    // Nor does the missing folder get created by the check.
    expect(fs.existsSync(cases[1]![0])).toBe(false);
  });

  it('saves with the version read and refuses a stale one with the current settings', async () => {
    const { admin } = await centre();
    const destination = tempDir('barnahus-dest-');
    const saved = await admin.call('backups.configure', { destination, scheduleEnabled: false, scheduleTime: '03:30', retention: { daily: 3, weekly: 2, monthly: 1 }, version: 0 });
    expect(saved).toMatchObject({ destination, scheduleEnabled: false, scheduleTime: '03:30', retention: { daily: 3, weekly: 2, monthly: 1 }, version: 1 });
    const stale = await refusal(admin.call('backups.configure', { destination, scheduleEnabled: true, scheduleTime: '02:00', retention, version: 0 }));
    expect(stale.status).toBe(409);
    expect(stale.details).toMatchObject({ current: { scheduleTime: '03:30', version: 1 } });
  });
});

describe('backups.status and backups.run', () => {
  it('with no destination: run is refused in words and the page says what is missing', async () => {
    const { admin, core } = await centre();
    const issues = await fieldRefusal(admin.call('backups.run', {}));
    expect(issues).toEqual([expect.objectContaining({ path: ['destination'], message: checkMessages.backupNoDestination })]);
    expect(core.backups.running).toBeNull();
    const status = await admin.call('backups.status', {});
    expect(status.attention).toEqual({ noVerifiedBackupFor26h: false, lastFailed: false, destinationNearlyFull: false, noRecoveryKey: true, noDestination: true });
    expect(status.settings).toMatchObject({ destination: null, scheduleEnabled: true, scheduleTime: '02:00', retention, recoveryKey: null });
  });

  it('a failure (the destination removed) is recorded with its reason and raises the attention flag', async () => {
    const { admin, core, destination } = await configured();
    fs.rmSync(destination, { recursive: true });
    const started = await admin.call('backups.run', {});
    expect(started).toMatchObject({ task: 'backup', kind: 'manual' });
    await core.backups.idle();
    const status = await admin.call('backups.status', {});
    expect(status.running).toBeNull();
    expect(status.lastRun).toMatchObject({ kind: 'manual', outcome: 'failed' });
    expect(status.lastRun?.error).toContain('is not there');
    expect(status.attention.lastFailed).toBe(true);
    expect(status.attention.noVerifiedBackupFor26h).toBe(true);
    expect(status.destinationProblem).toContain('is not there');
    // The drive that is not mounted did not become a folder on the host's disk.
    expect(fs.existsSync(destination)).toBe(false);
  });

  it('run makes a set that is listed and verified; a second run meanwhile is refused as busy; the 26-hour flag follows the clock', async () => {
    const { admin, core, clock } = await configured();
    const first = admin.call('backups.run', {});
    const second = refusal(admin.call('backups.run', {}));
    await first;
    const busy = await second;
    expect(busy.status).toBe(409);
    expect(busy.details).toMatchObject({ reason: 'busy' });
    await core.backups.idle();
    const status = await admin.call('backups.status', {});
    expect(status.lastRun).toMatchObject({ outcome: 'ok', error: '' });
    expect(status.sets).toHaveLength(1);
    expect(status.sets[0]).toMatchObject({ kind: 'manual', verification: { ok: true, problem: null } });
    expect(status.lastVerifiedAt).not.toBeNull();
    expect(status.attention).toMatchObject({ noVerifiedBackupFor26h: false, lastFailed: false, noDestination: false });
    // Read from the service: 26 hours on, the session itself has long been locked.
    clock.advance(26 * HOUR - 60_000);
    expect(core.backups.status(clock.now()).attention.noVerifiedBackupFor26h).toBe(false);
    clock.advance(2 * 60_000);
    expect(core.backups.status(clock.now()).attention.noVerifiedBackupFor26h).toBe(true);
    expect(core.health().lastVerifiedBackupAt).toBe(status.lastVerifiedAt);
  });

  it('is for administrators only: a coordinator is refused every backups method', async () => {
    const { core } = await configured();
    await insertUser(core.store.db, 'coord', 'coordinator password long', ['coordinator']);
    const coordinator = await signInWith(core, 'coord', 'coordinator password long');
    for (const call of [
      () => coordinator.call('backups.status', {}),
      () => coordinator.call('backups.run', {}),
      () => coordinator.call('backups.verify', { set: 'any' }),
      () => coordinator.call('backups.createRecoveryKey', { language: 'en' }),
      () => coordinator.call('backups.configure', { destination: tempDir(), scheduleEnabled: true, scheduleTime: '02:00', retention, version: 1 }),
    ]) {
      expect((await refusal(call())).status).toBe(403);
    }
    expect(core.backups.running).toBeNull();
  });

  it('verify refuses a set that is not at the destination', async () => {
    const { admin } = await configured();
    expect((await refusal(admin.call('backups.verify', { set: 'no-such-set' }))).status).toBe(404);
    await fieldRefusal(admin.call('backups.verify', { set: '../../etc' }));
  });
});

describe('backups.createRecoveryKey', () => {
  it('answers the key and its sheet once, keeps only the public half, never audits the key, and replaces only with a reason', async () => {
    const { admin, core } = await centre();
    const created = await admin.call('backups.createRecoveryKey', { language: 'ro' });
    expect(created.recoveryKey.length).toBeGreaterThan(20);
    expect(Buffer.from(created.sheet.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const digest = databaseDigest(core.store.db);
    const compact = created.recoveryKey.replace(/[\s-]/g, '');
    expect(digest).not.toContain(created.recoveryKey);
    expect(digest.replace(/[\s-]/g, '')).not.toContain(compact);
    const status = await admin.call('backups.status', {});
    expect(status.settings.recoveryKey).toMatchObject({ fingerprint: created.fingerprint, createdBy: ADMIN.displayName });
    expect(status.attention.noRecoveryKey).toBe(false);

    const again = await refusal(admin.call('backups.createRecoveryKey', { language: 'en' }));
    expect(again.status).toBe(409);
    const issues = await fieldRefusal(admin.call('backups.createRecoveryKey', { language: 'en', replace: true }));
    expect(issues[0]?.path).toEqual(['reason']);
    const replaced = await admin.call('backups.createRecoveryKey', { language: 'en', replace: true, reason: 'The sheet was damaged by water' });
    expect(replaced.fingerprint).not.toBe(created.fingerprint);
    const audit = core.store.db.prepare("SELECT detail, record FROM audit_log WHERE method = 'backups.createRecoveryKey' AND outcome = 'ok'").all() as { detail: string; record: string }[];
    expect(audit.map((a) => a.detail)).toEqual(['first recovery key', `replaced recovery key ${created.fingerprint}: The sheet was damaged by water`]);
  });
});

describe('the daily schedule', () => {
  it('finds the latest scheduled moment on the centre clock', () => {
    expect(latestOccurrence('02:00', 'Europe/Bucharest', new Date('2026-12-08T08:00:00Z')).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(latestOccurrence('02:00', 'Europe/Bucharest', new Date('2026-12-07T23:59:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('catches a missed day up once at start, and otherwise runs once per scheduled time', () => {
    const base = { enabled: true, hasDestination: true, occurrence: new Date('2026-12-08T00:00:00Z'), now: new Date('2026-12-08T08:00:00Z'), startedAt: new Date('2026-12-08T07:59:00Z') };
    // Off at 02:00, the last good set two days old: at start, once.
    expect(isDue({ ...base, lastAttemptAt: '2026-12-06T00:00:01Z', lastGoodAt: '2026-12-06T00:00:01Z', firstTick: true })).toBe(true);
    expect(isDue({ ...base, lastAttemptAt: '2026-12-06T00:00:01Z', lastGoodAt: '2026-12-06T00:00:01Z', firstTick: false })).toBe(false);
    // A good set 20 hours old: nothing to catch up.
    expect(isDue({ ...base, lastAttemptAt: '2026-12-07T12:00:00Z', lastGoodAt: '2026-12-07T12:00:00Z', firstTick: true })).toBe(false);
    // Running at the scheduled time: due until attempted, failed or not.
    const running = { ...base, startedAt: new Date('2026-12-01T00:00:00Z'), firstTick: false, lastGoodAt: '2026-12-07T00:00:05Z' };
    expect(isDue({ ...running, lastAttemptAt: '2026-12-07T00:00:01Z' })).toBe(true);
    expect(isDue({ ...running, lastAttemptAt: '2026-12-08T00:00:01Z' })).toBe(false);
    expect(isDue({ ...running, lastAttemptAt: null, enabled: false })).toBe(false);
    expect(isDue({ ...running, lastAttemptAt: null, hasDestination: false })).toBe(false);
  });

  it('starts the scheduled backup when the TestClock passes the configured time, once', async () => {
    const clock = new TestClock(new Date('2026-12-07T22:00:00Z'));
    const { core, admin } = await centre(clock);
    const scheduler = new BackupScheduler({ db: core.store.db, service: core.backups, clock, log: () => undefined });
    // Driven by hand: start() ticks once (nothing configured yet), stop() leaves no timer behind.
    scheduler.start();
    scheduler.stop();
    const zone = readRules(core.store.db).timeZone;
    const inTwoHours = format(new TZDate(clock.now().getTime() + 2 * HOUR, zone), 'HH:mm');
    const { settings } = await admin.call('backups.status', {});
    await admin.call('backups.configure', { destination: tempDir('barnahus-dest-'), scheduleEnabled: true, scheduleTime: inTwoHours, retention, version: settings.version });
    expect(scheduler.tick()).toBe(false);
    clock.advance(2 * HOUR - 2 * 60_000);
    expect(scheduler.tick()).toBe(false);
    clock.advance(3 * 60_000);
    expect(scheduler.tick()).toBe(true);
    expect(core.backups.running).toMatchObject({ kind: 'scheduled' });
    await core.backups.idle();
    // Once per scheduled time, whatever the outcome.
    expect(scheduler.tick()).toBe(false);
    expect(core.backups.status(clock.now()).lastRun).toMatchObject({ kind: 'scheduled' });
  });
});

describe('before migrations on upgrade', () => {
  it('makes an upgrade set of a database the app knows a newer schema for, and says so; none without a destination', async () => {
    const { core, admin, file, key, destination, anchorFile } = await configured();
    core.close();
    const next: Migration = { version: migrations.at(-1)!.version + 1, name: 'next', up: (db) => db.exec('CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY) STRICT') };
    void admin;
    const lines: string[] = [];
    const options = { file, key, evidenceDir: path.join(path.dirname(file), 'evidence'), anchorFile, log: (line: string) => lines.push(line) };
    // Current schema: nothing to do.
    expect(await backupBeforeUpgrade(options)).toBeNull();
    const setDir = await backupBeforeUpgrade({ ...options, migrations: [...migrations, next] });
    expect(setDir).not.toBeNull();
    expect(setDir!.startsWith(destination)).toBe(true);
    expect(lines).toEqual([`backed up to ${setDir!} before upgrading from schema ${next.version - 1} to ${next.version}`]);
    // The database itself was not migrated by the look.
    const store = openStore({ file, key });
    expect(store.db.pragma('user_version', { simple: true })).toBe(next.version - 1);
    store.close();
  });

  it('an unplugged destination refuses the start and migrates nothing; --skip-upgrade-backup is the way past, knowingly', async () => {
    const { core, file, key, destination, anchorFile } = await configured();
    core.close();
    const next: Migration = { version: migrations.at(-1)!.version + 1, name: 'next', up: (db) => db.exec('CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY) STRICT') };
    fs.renameSync(destination, `${destination}-unplugged`);
    const options = { file, key, evidenceDir: path.join(path.dirname(file), 'evidence'), anchorFile, log: () => undefined, migrations: [...migrations, next] };
    await expect(backupBeforeUpgrade(options)).rejects.toMatchObject({ code: 'upgrade_backup_failed', message: expect.stringContaining('--skip-upgrade-backup') as unknown });
    const store = openStore({ file, key });
    expect(store.db.pragma('user_version', { simple: true })).toBe(next.version - 1);
    store.close();
    expect(parseCliArgs(['--data', 'd', '--key-file', 'k', '--skip-upgrade-backup'])).toMatchObject({ skipUpgradeBackup: true });
    expect(parseCliArgs(['--data', 'd', '--key-file', 'k'])).not.toHaveProperty('skipUpgradeBackup');
  });

  it('an older schema without backup settings has no destination: nothing is made', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'barnahus.db');
    const key = Buffer.alloc(32, 7);
    openStore({ file, key, migrations: migrations.filter((m) => m.version < 20) }).close();
    const lines: string[] = [];
    expect(await backupBeforeUpgrade({ file, key, evidenceDir: path.join(dir, 'evidence'), anchorFile: null, log: (l) => lines.push(l) })).toBeNull();
    expect(lines).toEqual([]);
  });
});

describe('GET /api/health', () => {
  it('answers without a session: status, version, storage and the last verified backup, and nothing else', async () => {
    const host = await startTestHost();
    try {
      const answer = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        https
          .get(`${host.host.url}/api/health`, { rejectUnauthorized: false }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          })
          .on('error', reject);
      });
      expect(answer.status).toBe(200);
      const body = answer.body as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['lastVerifiedBackupAt', 'status', 'storage', 'version']);
      expect(body.status).toBe('ok');
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(['ok', 'low', 'full']).toContain(body.storage);
      expect(body.lastVerifiedBackupAt).toBeNull();
    } finally {
      await host.close();
    }
  });
});
