import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newRecoveryKey } from '../../electron/core/backup';
import { openCore, type Core } from '../../electron/core/core';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { main } from '../../electron/host/cli';
import { writeNewKeyFile } from '../../electron/host/keyfile';
import { TestClock, databaseDigest, inProcessClient, setUpCentre } from '../support/core';
import { recordedCase, recordingCentre } from '../support/recorded-case';
import { tempDir } from '../support/temp';

/**
 * The operations interface as an IT person types it: the host's backup,
 * verify-backup, restore and rekey subcommands, run as processes, their exit
 * codes and their one-line failures.
 */
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** As a process: what a script sees (exit code, stdout, stderr). Slow (a TypeScript start), so used twice. */
function hostProcess(args: string[]) {
  const result = spawnSync(tsx, [path.join(root, 'electron/host/index.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr.trim() };
}

/** Exit code and the words of stdout (0) or of the one-line stderr (otherwise). */
function said(result: { code: number | null; out: string; err: string }): [number | null, string] {
  return [result.code, result.code === 0 ? result.out : result.err];
}

/** The same command in this process, with the recovery key typed into a pipe. */
async function host(args: string[], typed = '') {
  const out: string[] = [];
  const err: string[] = [];
  const input = Readable.from([typed]) as unknown as NodeJS.ReadStream;
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line), input });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function bytesOf(core: Core, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(core.evidence.read(sha256), new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

describe('npm run host -- backup | verify-backup | restore | rekey', () => {
  it('backs up, names a damaged file, restores with the recovery key typed on stdin, and rekeys so the old key opens nothing', { timeout: 240_000 }, async () => {
    const dir = tempDir('barnahus-cli-');
    const data = path.join(dir, 'data');
    const keyFile = path.join(dir, 'keys', 'host.key');
    const destination = path.join(dir, 'backups');
    const key = randomBytes(32);
    writeNewKeyFile(keyFile, key);
    const clock = new TestClock(new Date());
    const core = openCore({ file: path.join(data, DATABASE_FILE), key, anchorFile: path.join(dir, 'audit-anchors.log'), clock, log: () => undefined });
    await setUpCentre(inProcessClient(core));
    const recorded = await recordedCase(core, await recordingCentre(core), { firstName: 'Ana', lastName: 'Pop' }, randomBytes(300_000), clock.now());
    const { recoveryKey, publicKey } = newRecoveryKey();
    core.store.db.prepare('UPDATE backup_settings SET recovery_public_key = ?, recovery_fingerprint = ? WHERE id = 1').run(publicKey.publicKey, publicKey.fingerprint);
    const original = await bytesOf(core, recorded.sha256);
    core.close();

    // A mistake in the command line: exit 2 and the usage.
    expect(said(hostProcess(['backup', '--data', data]))).toEqual([2, expect.stringContaining('--key-file is required')]);

    const made = hostProcess(['backup', '--data', data, '--key-file', keyFile, '--to', destination]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Set \S+-cli: .* 1 of 1 recordings copied/);
    expect(made.out).toContain('Verified');
    const setDir = made.out.trim().split('\n').at(-1)!;
    expect(fs.existsSync(path.join(setDir, 'manifest.json'))).toBe(true);
    // The run is on record for the Backups page.
    const check = openStore({ file: path.join(data, DATABASE_FILE), key, log: () => undefined });
    // The set holds the run as it stood at the snapshot (started, not yet finished): compare everything else.
    const digest = databaseDigest(check.db, { exceptAudit: true, except: ['backup_runs'] });
    expect(check.db.prepare("SELECT kind, outcome, verified_ok FROM backup_runs").all()).toEqual([{ kind: 'cli', outcome: 'ok', verified_ok: 1 }]);
    check.close();

    expect(said(await host(['verify-backup', '--from', setDir, '--key-file', keyFile]))).toEqual([0, expect.stringContaining('verified')]);
    const manifest = JSON.parse(fs.readFileSync(path.join(setDir, 'manifest.json'), 'utf8')) as { body: { objects: { name: string }[] } };
    const objectName = manifest.body.objects[0]!.name;
    const object = path.join(destination, 'objects', objectName.slice(0, 2), objectName);
    const intact = fs.readFileSync(object);
    fs.chmodSync(object, 0o600);
    const flipped = Buffer.from(intact);
    flipped[1000]! ^= 0x80;
    fs.writeFileSync(object, flipped);
    const damaged = await host(['verify-backup', '--from', setDir, '--key-file', keyFile]);
    expect(damaged.code).toBe(1);
    expect(damaged.err.split('\n')).toHaveLength(1);
    expect(damaged.err).toContain(path.join('objects', objectName.slice(0, 2), objectName));
    fs.writeFileSync(object, intact);

    // The host's disk and its key file are lost.
    fs.rmSync(data, { recursive: true });
    fs.rmSync(keyFile);
    const restored = path.join(dir, 'restored');
    expect(said(await host(['restore', '--from', setDir, '--data', restored, '--recovery-key'], `${newRecoveryKey().recoveryKey}\n`))).toEqual([1, expect.stringContaining('not the one this set was made for')]);
    expect(fs.existsSync(restored)).toBe(false);
    const back = await host(['restore', '--from', setDir, '--data', restored, '--recovery-key'], `${recoveryKey}\n`);
    expect(back.err).toBe('');
    expect(back.code).toBe(0);
    const recoveredKeyFile = `${restored}.key`;
    expect(back.out).toContain(recoveredKeyFile);
    expect((fs.statSync(recoveredKeyFile).mode & 0o777).toString(8)).toBe('600');
    const recoveredKey = Buffer.from(fs.readFileSync(recoveredKeyFile, 'utf8').trim(), 'hex');
    const again = openCore({ file: path.join(restored, DATABASE_FILE), key: recoveredKey, anchorFile: path.join(dir, 'audit-anchors.log'), clock, log: () => undefined });
    expect(databaseDigest(again.store.db, { exceptAudit: true, except: ['backup_runs'] })).toBe(digest);
    expect((await bytesOf(again, recorded.sha256)).equals(original)).toBe(true);

    // A running host holds the database: rekey refuses and changes nothing.
    const newKeyFile = path.join(dir, 'keys', 'new.key');
    expect(said(await host(['rekey', '--data', restored, '--key-file', recoveredKeyFile, '--new-key-file', newKeyFile]))).toEqual([1, expect.stringContaining('Stop the host')]);
    expect(fs.existsSync(newKeyFile)).toBe(false);
    again.close();

    const rekeyed = await host(['rekey', '--data', restored, '--key-file', recoveredKeyFile, '--new-key-file', newKeyFile]);
    expect(rekeyed.err).toBe('');
    expect(said(rekeyed)).toEqual([0, expect.stringContaining('1 recording file(s)')]);
    expect(() => openStore({ file: path.join(restored, DATABASE_FILE), key: recoveredKey, log: () => undefined })).toThrow(/does not open/);
    const newKey = Buffer.from(fs.readFileSync(newKeyFile, 'utf8').trim(), 'hex');
    const after = openCore({ file: path.join(restored, DATABASE_FILE), key: newKey, anchorFile: path.join(dir, 'audit-anchors.log'), clock, log: () => undefined });
    try {
      expect(databaseDigest(after.store.db, { exceptAudit: true, except: ['backup_runs'] })).toBe(digest);
      expect((await bytesOf(after, recorded.sha256)).equals(original)).toBe(true);
      // The recording's file was written again under the new key: no object under the old name is left.
      expect(after.evidence.objects().map((o) => o.name)).toEqual([after.evidence.objectName(recorded.sha256)]);
      expect(after.evidence.objectName(recorded.sha256)).not.toBe(objectName);
    } finally {
      after.close();
    }
    // The old set still opens with the recovery key, and a restore into a folder that is not empty is refused.
    expect(await host(['verify-backup', '--from', setDir, '--recovery-key'], `${recoveryKey}\n`)).toMatchObject({ code: 0 });
    expect(said(await host(['restore', '--from', setDir, '--data', restored, '--key-file', newKeyFile]))).toEqual([1, expect.stringContaining('is not empty')]);
  });
});
