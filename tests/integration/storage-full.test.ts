import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../shared/client';
import { startHost, type RunningHost } from '../../electron/host/host';
import { createRemoteTransport, probeHost } from '../../electron/main/remote-host';
import { ADMIN, insertUser } from '../support/core';
import { referral } from '../support/intake';
import { bookInterview, openAllDay, tomorrowAtTen } from '../support/recorded-case';
import { rawPost } from '../support/host';

/**
 * A real host whose data folder is a small tmpfs this test mounts (it needs
 * root, or CAP_SYS_ADMIN), filled up with a file beside the database.
 */

const PASSWORD = 'storage test sentence long';
const MB = 1024 * 1024;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-full-'));
const volume = path.join(root, 'volume');
fs.mkdirSync(volume);

function tryMount(): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', volume], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs to fill up (${(error as Error).message.split('\n')[0]}); run the tests as root to check a full disk`;
  }
}
const skipReason = tryMount();

let host: RunningHost;
const dataDir = path.join(volume, 'data');
const filler = path.join(volume, 'filler');

/** Fills the volume to the last block, as a recording copied there by hand would. */
function fillUp(): void {
  const fd = fs.openSync(filler, 'a');
  try {
    for (const size of [MB, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0xaa);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function put(url: string, token: string, bytes: Buffer) {
  return new Promise<{ status: number; body: { error?: { code: string; message: string } } }>((resolve, reject) => {
    const req = https.request(
      url,
      { method: 'PUT', rejectUnauthorized: false, headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}`, 'content-length': String(bytes.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

beforeAll(async () => {
  if (skipReason) return;
  host = await startHost({
    dataDir,
    keyFile: path.join(root, 'keys', 'host.key'),
    listen: '127.0.0.1',
    port: 0,
    warn: () => undefined,
    log: () => undefined,
    // Small enough that a few megabytes' upload fits on this volume when it is empty.
    storage: { warnFraction: 0.1, warnBytes: 5 * 1024 ** 3, uploadMarginBytes: 2 * MB },
  });
});

afterAll(async () => {
  await host?.close();
  if (!skipReason) execFileSync('umount', [volume]);
  fs.rmSync(root, { recursive: true, force: true });
});

async function client(): Promise<Client> {
  const probe = await probeHost(host.url);
  return createClient(createRemoteTransport({ url: host.url, certPem: probe.certPem, fingerprint: host.fingerprint }, 'test-workstation'));
}

const post = (method: string, body: unknown, token?: string) =>
  rawPost(host.url, method, JSON.stringify(body), token ? { authorization: `Bearer ${token}` } : {});

describe.skipIf(skipReason !== null)(`a full data volume${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('answers 507 storage_full to writes, sign-ins and reads alike, refuses an upload that cannot fit, warns administrators, and recovers once space is freed', async () => {
    const admin = await client();
    await admin.call('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
    await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const db = host.core.store.db;
    await insertUser(db, 'coord', PASSWORD, ['coordinator']);
    await insertUser(db, 'interviewer', PASSWORD, ['forensic_interviewer']);
    const coord = await client();
    await coord.call('auth.login', { username: 'coord', password: PASSWORD });
    const coordToken = coord.token ?? '';

    // A small volume is under the warning threshold from the start; administrators are told.
    const space = await admin.call('centre.storage', {});
    expect(space.totalBytes).toBeLessThanOrEqual(24 * MB);
    expect(space).toMatchObject({ low: true, warnBelowBytes: 5 * 1024 ** 3 });
    expect((await post('centre.storage', {}, coordToken)).status).toBe(403);

    // An interview to upload to, and an upload begun while there was room.
    const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, {}, new Date()));
    const roomId = await openAllDay(coord, 'Interview room');
    const interviewerId = (db.prepare("SELECT id FROM users WHERE username = 'interviewer'").get() as { id: number }).id;
    await coord.call('cases.addMember', { caseId: created.id, userId: interviewerId });
    const interview = await bookInterview(coord, { caseId: created.id, roomId, interviewerId, startsAt: tomorrowAtTen(new Date()) });
    // More than the volume holds: refused before a byte is sent.
    const tooBig = await post('recordings.startUpload', { interviewId: interview.id, fileName: 'cam1.mp4', size: 64 * MB }, coordToken);
    expect([tooBig.status, (tooBig.body as { error: { code: string } }).error.code]).toEqual([507, 'storage_full']);
    const started = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'cam1.mp4', size: 4 * MB });

    fillUp();
    const refusals = {
      'cases.create': await post('cases.create', referral({ firstName: 'Ion', lastName: 'Rusu' }, {}, new Date()), coordToken),
      'auth.login': await post('auth.login', { username: 'coord', password: PASSWORD }),
      'cases.list': await post('cases.list', {}, coordToken),
      'audit.verify': await post('audit.verify', {}, admin.token ?? ''),
    };
    for (const [method, answer] of Object.entries(refusals)) {
      expect([method, answer.status, answer.body], method).toEqual([
        method,
        507,
        { error: { code: 'storage_full', message: "The centre's storage is full: tell the administrator." } },
      ]);
    }
    // The upload begun earlier runs out of room on the way: the same answer, and nothing half-written is kept.
    const upload = await put(`${host.url}${started.url}`, coordToken, Buffer.alloc(4 * MB, 7));
    expect([upload.status, upload.body.error?.code]).toEqual([507, 'storage_full']);
    expect(fs.readdirSync(path.join(dataDir, 'evidence', 'incoming'))).toEqual([]);

    // Space freed: everything works again, without a restart, and the audit chain is whole.
    fs.rmSync(filler);
    const again = await post('auth.login', { username: 'coord', password: PASSWORD });
    expect(again.status).toBe(200);
    expect((await post('cases.create', referral({ firstName: 'Ion', lastName: 'Rusu' }, {}, new Date()), coordToken)).status).toBe(200);
    const verified = await post('audit.verify', {}, admin.token ?? '');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true });
    const cases = await post('cases.list', {}, coordToken);
    expect((cases.body as { total: number }).total).toBe(2);
  });
});
