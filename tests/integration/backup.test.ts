import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { BackupError, createBackupSet, keyFromRecoveryKey, listBackupSets, newRecoveryKey, restoreBackupSet, verifyBackupSet, type RecoveryPublicKey } from '../../electron/core/backup';
import { PARTIAL_PREFIX } from '../../electron/core/backup/destination';
import { randomBytes } from 'node:crypto';
import { ADMIN, TestClock, databaseDigest, signInWith, setUpCentre, inProcessClient } from '../support/core';
import { RECORDING_PASSWORD, recordedCase, recordingCentre } from '../support/recorded-case';
import { tempDir } from '../support/temp';

/**
 * Issue 15: a centre that loses its data folder and its key file loses
 * nothing. Real encrypted databases, real evidence files, real sets on disk.
 */

function layout() {
  const root = tempDir('barnahus-backup-');
  return { root, data: path.join(root, 'data'), anchorFile: path.join(root, 'audit-anchors.log'), destination: path.join(root, 'backups') };
}

function open(dataDir: string, key: Buffer, anchorFile: string, clock: TestClock): Core {
  return openCore({ file: path.join(dataDir, DATABASE_FILE), key, anchorFile, clock, log: () => undefined });
}

async function bytesOf(core: Core, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(core.evidence.read(sha256), new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

async function backUp(core: Core, dirs: ReturnType<typeof layout>, key: Buffer, clock: TestClock, recovery: RecoveryPublicKey | null) {
  return createBackupSet({
    source: { file: path.join(dirs.data, DATABASE_FILE), key, evidenceDir: path.join(dirs.data, 'evidence'), anchorFile: dirs.anchorFile },
    destination: dirs.destination,
    kind: 'cli',
    appVersion: 'test',
    clock,
    recoveryPublicKey: recovery,
    beforeSnapshot: () => core.writeCheckpoint('backup'),
  });
}

async function auditVerdict(core: Core) {
  const admin = inProcessClient(core);
  await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  return admin.call('audit.verify', {});
}

describe('backup sets', () => {
  it('set 1, more work, set 2 copying only the new recording; the data folder and key file lost; each set restores to exactly its state, with the recovery key alone', async () => {
    const dirs = layout();
    const clock = new TestClock(new Date('2026-12-01T09:00:00Z'));
    const key = randomBytes(32);
    const { recoveryKey, publicKey } = newRecoveryKey();
    const core = open(dirs.data, key, dirs.anchorFile, clock);
    await setUpCentre(inProcessClient(core));
    const centre = await recordingCentre(core);
    const first = await recordedCase(core, centre, { firstName: 'Ana', lastName: 'Pop' }, Buffer.from('the first interview, camera one'), clock.now());

    const set1 = await backUp(core, dirs, key, clock, publicKey);
    const digest1 = databaseDigest(core.store.db);
    expect(set1).toMatchObject({ kind: 'cli', objects: 1, newObjects: 1, recoveryKey: { fingerprint: publicKey.fingerprint } });
    expect((await verifyBackupSet(set1.dir, key)).ok).toBe(true);

    clock.advance(86_400_000);
    const second = await recordedCase(core, { ...centre, coord: await signInWith(core, 'coord', RECORDING_PASSWORD) }, { firstName: 'Ion', lastName: 'Rusu' }, Buffer.from('the second interview, another child'), clock.now());
    const set2 = await backUp(core, dirs, key, clock, publicKey);
    const digest2 = databaseDigest(core.store.db);
    expect(set2).toMatchObject({ objects: 2, newObjects: 1 });
    expect(set2.newBytes).toBeLessThan(set2.sizeBytes);
    const verified = await verifyBackupSet(set2.dir, key);
    expect(verified).toMatchObject({ ok: true, problem: null, checks: { manifest: true, files: true, integrity: true, audit: true, evidence: true } });
    expect(listBackupSets(dirs.destination).map((s) => [s.name, s.verification?.ok])).toEqual([
      [set2.name, true],
      [set1.name, true],
    ]);
    const originals = { first: await bytesOf(core, first.sha256), second: await bytesOf(core, second.sha256) };
    core.close();

    // Nothing in a set is plaintext: no SQLite header, no recording bytes, no child's name anywhere at the destination.
    for (const entry of fs.readdirSync(dirs.destination, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const content = fs.readFileSync(path.join(entry.parentPath, entry.name));
      expect(content.includes(Buffer.from('SQLite format 3'))).toBe(false);
      expect(content.includes(Buffer.from('the second interview'))).toBe(false);
      expect(content.includes(Buffer.from('Rusu'))).toBe(false);
    }

    // The host's disk and key file are gone; the director's recovery key is all there is.
    fs.rmSync(dirs.data, { recursive: true });
    const recovered = keyFromRecoveryKey(set2.dir, recoveryKey);
    expect(recovered.equals(key)).toBe(true);

    const restored2 = path.join(dirs.root, 'restored-2');
    const outcome = await restoreBackupSet({ setDir: set2.dir, dataDir: restored2, key: recovered, anchorFile: dirs.anchorFile });
    // The database, two recordings and the checkpoints.
    expect(outcome).toMatchObject({ setName: set2.name, files: 4 });
    const again = open(restored2, recovered, dirs.anchorFile, clock);
    try {
      expect(databaseDigest(again.store.db)).toBe(digest2);
      expect((await bytesOf(again, first.sha256)).equals(originals.first)).toBe(true);
      expect((await bytesOf(again, second.sha256)).equals(originals.second)).toBe(true);
      expect(await auditVerdict(again)).toMatchObject({ ok: true, checkpoints: { disagreeing: 0 } });
      // The chain continues: new work after the restore verifies with the old.
      await signInWith(again, 'coord', RECORDING_PASSWORD);
      expect(await auditVerdict(again)).toMatchObject({ ok: true });
    } finally {
      again.close();
    }

    // Set 1 gives the earlier state: the second child is not in it.
    const restored1 = path.join(dirs.root, 'restored-1');
    const back = await restoreBackupSet({ setDir: set1.dir, dataDir: restored1, key, anchorFile: dirs.anchorFile });
    // The checkpoints written after set 1 name entries set 1 lacks: they are kept aside, not lost.
    expect(back.movedAnchorFile).toMatch(/audit-anchors\.log\.before-restore-/);
    const older = open(restored1, key, dirs.anchorFile, clock);
    try {
      expect(databaseDigest(older.store.db)).toBe(digest1);
      expect(older.evidence.has(second.sha256)).toBe(false);
      expect(await auditVerdict(older)).toMatchObject({ ok: true });
    } finally {
      older.close();
    }
  });

  it('a flipped byte in any file of a set is found and named; a damaged set is not restored; a wrong key or recovery key is refused in words', async () => {
    const dirs = layout();
    const clock = new TestClock(new Date('2026-12-01T09:00:00Z'));
    const key = randomBytes(32);
    const { recoveryKey, publicKey } = newRecoveryKey();
    const core = open(dirs.data, key, dirs.anchorFile, clock);
    await setUpCentre(inProcessClient(core));
    const centre = await recordingCentre(core);
    await recordedCase(core, centre, { firstName: 'Ana', lastName: 'Pop' }, randomBytes(200_000), clock.now());
    const set = await backUp(core, dirs, key, clock, publicKey);
    core.close();
    const manifest = JSON.parse(fs.readFileSync(path.join(set.dir, 'manifest.json'), 'utf8')) as { body: { objects: { name: string }[] } };
    const object = manifest.body.objects[0]!.name;
    const files = [path.join('sets', set.name, 'database.db'), path.join('sets', set.name, 'audit-anchors.log'), path.join('objects', object.slice(0, 2), object)];
    for (const relative of files) {
      const file = path.join(dirs.destination, relative);
      const original = fs.readFileSync(file);
      fs.chmodSync(file, 0o600);
      const flipped = Buffer.from(original);
      flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
      fs.writeFileSync(file, flipped);
      const result = await verifyBackupSet(set.dir, key, { record: false });
      expect(result, relative).toMatchObject({ ok: false, firstMismatch: relative });
      expect(result.problem).toContain(relative);
      const target = path.join(dirs.root, `restore-${files.indexOf(relative)}`);
      await expect(restoreBackupSet({ setDir: set.dir, dataDir: target, key, anchorFile: null })).rejects.toMatchObject({ code: 'damaged', file: relative });
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.readdirSync(dirs.root).filter((n) => n.includes('.restoring-'))).toEqual([]);
      fs.writeFileSync(file, original);
    }
    // The manifest itself: an edited line is caught by its hash, a rehashed edit by the seal.
    const manifestFile = path.join(set.dir, 'manifest.json');
    const text = fs.readFileSync(manifestFile, 'utf8');
    fs.writeFileSync(manifestFile, text.replace('"appVersion": "test"', '"appVersion": "tampered"'));
    expect(await verifyBackupSet(set.dir, key, { record: false })).toMatchObject({ ok: false, firstMismatch: 'manifest.json', checks: { manifest: false } });
    fs.writeFileSync(manifestFile, text);
    expect((await verifyBackupSet(set.dir, key)).ok).toBe(true);

    await expect(verifyBackupSet(set.dir, randomBytes(32))).rejects.toMatchObject({ code: 'wrong_key' });
    const other = newRecoveryKey().recoveryKey;
    expect(() => keyFromRecoveryKey(set.dir, other)).toThrow(BackupError);
    expect(() => keyFromRecoveryKey(set.dir, other)).toThrow(/not the one this set was made for/);
    expect(() => keyFromRecoveryKey(set.dir, recoveryKey.replace(/^(\d)/, (d) => String((Number(d) + 1) % 10)))).toThrow(/typing mistake/);
    expect(keyFromRecoveryKey(set.dir, recoveryKey.replace(/-/g, ' ')).equals(key)).toBe(true);

    // A data folder that is not empty is never written into.
    const busy = path.join(dirs.root, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'keep.txt'), 'mine');
    await expect(restoreBackupSet({ setDir: set.dir, dataDir: busy, key, anchorFile: null })).rejects.toMatchObject({ code: 'data_not_empty' });
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);
  });

  it('a set killed half-way never looks complete, and the next backup clears what it left', async () => {
    const dirs = layout();
    const clock = new TestClock(new Date('2026-12-01T09:00:00Z'));
    const key = randomBytes(32);
    const core = open(dirs.data, key, dirs.anchorFile, clock);
    try {
      await setUpCentre(inProcessClient(core));
      const set = await backUp(core, dirs, key, clock, null);
      // What a kill -9 between the snapshot and the manifest leaves: a partial folder and a half-copied object.
      const partial = path.join(dirs.destination, 'sets', `${PARTIAL_PREFIX}2026-12-01T09-00-01Z-cli`);
      fs.cpSync(set.dir, partial, { recursive: true });
      fs.rmSync(path.join(partial, 'manifest.json'));
      fs.writeFileSync(path.join(dirs.destination, 'objects', '.incoming', 'abc.123'), 'half');
      expect(listBackupSets(dirs.destination).map((s) => s.name)).toEqual([set.name]);
      clock.advance(60_000);
      const next = await backUp(core, dirs, key, clock, null);
      expect(fs.existsSync(partial)).toBe(false);
      expect(fs.readdirSync(path.join(dirs.destination, 'objects', '.incoming'))).toEqual([]);
      expect(listBackupSets(dirs.destination).map((s) => s.name)).toEqual([next.name, set.name]);
      expect(next.recoveryKey).toBeNull();
      expect(() => keyFromRecoveryKey(next.dir, newRecoveryKey().recoveryKey)).toThrow(/only the key file opens it/);
    } finally {
      core.close();
    }
  });
});
