import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/client';
import type { Recording } from '../../shared/contract/interview-records';
import type { Role } from '../../shared/permissions';
import { ADMIN, TestClock, inProcessClient, insertUser, openTestCore, setUpCentre } from '../support/core';
import { rawPost, startTestHost, type TestHost } from '../support/host';
import { referral } from '../support/intake';
import { bookInterview, openAllDay, tomorrowAtTen } from '../support/recorded-case';
import { refusal } from '../support/refusal';

/**
 * Recordings through the real host: HTTPS on loopback, the encrypted
 * database and the evidence store in a temp data folder, the system clock.
 */

const PASSWORD = 'recordings test sentence long';
const MB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let running: TestHost[] = [];
afterEach(async () => {
  for (const host of running) await host.close();
  running = [];
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw HTTPS to the host on loopback; its certificate is self-signed (the typed clients pin it). */
function request(url: string, method: 'PUT' | 'GET', headers: Record<string, string>, body?: Buffer | Readable): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;

/** Streams the bytes in 64 KiB pieces, as a workstation reading a file from disk does. */
function streamOf(bytes: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 64 * 1024) pieces.push(bytes.subarray(at, at + 64 * 1024));
  return Readable.from(pieces);
}

/** A real WAV: 8 kHz, mono, 16-bit, a 440 Hz tone. */
function wav(seconds: number, hz = 440): Buffer {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 12_000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const team = {
  coord: 'coordinator',
  coord2: 'coordinator',
  prosecutor: 'prosecutor',
  officer: 'police',
  interviewer: 'forensic_interviewer',
  therapist: 'therapist',
} as const satisfies Record<string, Role>;
type Member = keyof typeof team;

/**
 * A host with a centre, a case whose team is everyone above but coord2, and
 * one interview booked for tomorrow.
 */
async function hostWithInterview() {
  const h = await startTestHost();
  running.push(h);
  const { core } = h.host;
  const admin = await h.client();
  await admin.call('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const ids = {} as Record<Member, number>;
  for (const [name, role] of Object.entries(team) as [Member, Role][]) ids[name] = await insertUser(core.store.db, name, PASSWORD, [role]);
  const signIn = async (name: Member): Promise<Client> => {
    const client = await h.client();
    await client.call('auth.login', { username: name, password: PASSWORD });
    return client;
  };
  const coord = await signIn('coord');
  const roomId = await openAllDay(coord, 'Interview room');
  const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }, {}, new Date()));
  for (const name of ['prosecutor', 'officer', 'interviewer', 'therapist'] as const) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
  const interview = await bookInterview(coord, { caseId: created.id, roomId, interviewerId: ids.interviewer, startsAt: tomorrowAtTen(new Date()) });

  /** startUpload, PUT the bytes, and what the host answered to the PUT. */
  const upload = async (client: Client, bytes: Buffer, fileName: string, options: { size?: number; stream?: boolean } = {}) => {
    const started = await client.call('recordings.startUpload', { interviewId: interview.id, fileName, size: options.size ?? bytes.length });
    const put = await request(
      `${h.host.url}${started.url}`,
      'PUT',
      { 'content-type': 'application/octet-stream', authorization: `Bearer ${client.token ?? ''}`, ...(options.stream ? {} : { 'content-length': String(bytes.length) }) },
      options.stream ? streamOf(bytes) : bytes,
    );
    return { uploadId: started.uploadId, url: started.url, put };
  };
  /** Uploads and registers a file as a recording of the interview. */
  const register = async (client: Client, bytes: Buffer, fileName: string, kind: Recording['kind'] = 'main_video', stream = false) => {
    const { uploadId, put } = await upload(client, bytes, fileName, { stream });
    expect(put.status, put.body.toString('utf8')).toBe(200);
    return client.call('recordings.register', { interviewId: interview.id, uploadId, kind });
  };
  const get = (url: string, range?: string) => request(`${h.host.url}${url}`, 'GET', range ? { range } : {});
  return { h, core, admin, ids, signIn, coord, caseId: created.id, interview, upload, register, get };
}

describe('recordings through the host', () => {
  it('a 40 MB file streamed over HTTPS is stored encrypted and read-only under the SHA-256 of its bytes', async () => {
    const { core, coord, register, caseId, interview } = await hostWithInterview();
    const bytes = randomBytes(40 * MB);
    const recording = await register(coord, bytes, 'interview-cam1.mp4', 'main_video', true);
    expect(recording).toMatchObject({
      interviewId: interview.id,
      kind: 'main_video',
      fileName: 'interview-cam1.mp4',
      size: bytes.length,
      sha256: sha256(bytes),
      registeredBy: 'coord',
      deletedAt: null,
      copiesOut: 0,
    });
    expect(recording.lastCheck?.ok).toBe(true);

    const file = core.evidence.locate(recording.sha256);
    const stat = fs.statSync(file);
    expect(stat.mode & 0o777).toBe(0o400);
    expect(stat.size).toBe(bytes.length + 24);
    const raw = fs.readFileSync(file);
    for (const at of [0, 17, 1_000_003, 20 * MB, bytes.length - 64]) expect(raw.indexOf(bytes.subarray(at, at + 64)), `plain bytes at ${at}`).toBe(-1);
    expect(path.basename(file)).not.toContain(recording.sha256);
    expect(await core.evidence.hashOf(recording.sha256)).toBe(recording.sha256);
    // Nothing left in staging.
    expect(fs.readdirSync(core.evidence.incomingDir)).toEqual([]);

    const custody = await coord.call('recordings.custody', { recordingId: recording.id });
    expect(custody.entries).toEqual([expect.objectContaining({ action: 'registered', by: 'coord', sha256: recording.sha256, note: 'interview-cam1.mp4' })]);
    const timeline = await coord.call('cases.timeline', { caseId, groups: ['interview'] });
    expect(timeline.entries[0]).toMatchObject({ kind: 'recording_registered', data: { file: 'interview-cam1.mp4', sha256: recording.sha256 } });
  });

  it('reads the format and duration from the file itself (a WAV), and stores identical content once', async () => {
    const { core, coord, register } = await hostWithInterview();
    const audio = wav(1.5);
    const first = await register(coord, audio, 'room-mic.wav', 'audio');
    expect(first).toMatchObject({ sha256: sha256(audio), size: audio.length, durationSeconds: 1.5 });
    expect(first.format).toMatch(/WAVE/);
    const second = await register(coord, audio, 'room-mic-copy.wav', 'second_camera');
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    const objects = fs.readdirSync(core.evidence.objectsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(objects).toHaveLength(1);

    // Withdrawing one keeps the bytes the other still needs; withdrawing both removes them.
    await coord.call('recordings.withdraw', { recordingId: first.id, words: 'Registered twice by mistake.' });
    expect(core.evidence.has(first.sha256)).toBe(true);
    expect((await coord.call('recordings.verify', { recordingId: second.id })).lastCheck?.ok).toBe(true);
    await coord.call('recordings.withdraw', { recordingId: second.id, words: 'Registered twice by mistake.' });
    expect(core.evidence.has(first.sha256)).toBe(false);
  });

  it('refuses a size other than announced, someone else’s upload address, no session, a second PUT, and registering what did not arrive', async () => {
    const { core, coord, signIn, upload, interview, h } = await hostWithInterview();
    const audio = wav(0.5);

    const short = await upload(coord, audio.subarray(0, audio.length - 1), 'short.wav', { size: audio.length });
    expect(short.put.status).toBe(400);
    expect(json(short.put)).toMatchObject({ error: { code: 'invalid_input' } });
    const notThere = await refusal(coord.call('recordings.register', { interviewId: interview.id, uploadId: short.uploadId, kind: 'audio' }));
    expect(notThere.status).toBe(400);
    expect(notThere.issues.map((i) => i.path)).toEqual([['uploadId']]);

    const long = await upload(coord, Buffer.concat([audio, Buffer.from('extra')]), 'long.wav', { size: audio.length });
    expect(long.put.status).toBe(400);
    expect(fs.readdirSync(core.evidence.incomingDir)).toEqual([]);

    // Another session (even of a colleague who may upload) cannot use this address, nor can no session.
    const mine = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'mine.wav', size: audio.length });
    const coord2 = await signIn('coord2');
    const headers = (token: string | null) => ({ 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) });
    const stolen = await request(`${h.host.url}${mine.url}`, 'PUT', headers(coord2.token), audio);
    expect(stolen.status).toBe(404);
    const sameUserOtherSession = await signIn('coord');
    expect((await request(`${h.host.url}${mine.url}`, 'PUT', headers(sameUserOtherSession.token), audio)).status).toBe(404);
    expect((await request(`${h.host.url}${mine.url}`, 'PUT', headers(null), audio)).status).toBe(401);
    expect((await request(`${h.host.url}/api/uploads/made-up`, 'PUT', headers(coord.token), audio)).status).toBe(404);
    expect((await request(`${h.host.url}${mine.url}`, 'PUT', { ...headers(coord.token), 'content-type': 'text/plain' }, audio)).status).toBe(400);

    // The address still works for its own session, once.
    expect((await request(`${h.host.url}${mine.url}`, 'PUT', headers(coord.token), audio)).status).toBe(200);
    expect((await request(`${h.host.url}${mine.url}`, 'PUT', headers(coord.token), audio)).status).toBe(409);
    // …and is registered only by that session.
    expect((await refusal(sameUserOtherSession.call('recordings.register', { interviewId: interview.id, uploadId: mine.uploadId, kind: 'audio' }))).status).toBe(400);
    const registered = await coord.call('recordings.register', { interviewId: interview.id, uploadId: mine.uploadId, kind: 'audio' });
    expect(registered.sha256).toBe(sha256(audio));
    // Registered once: the address is spent.
    expect((await refusal(coord.call('recordings.register', { interviewId: interview.id, uploadId: mine.uploadId, kind: 'audio' }))).status).toBe(400);
    // Only recordings.manage may upload.
    const prosecutor = await signIn('prosecutor');
    expect((await refusal(prosecutor.call('recordings.startUpload', { interviewId: interview.id, fileName: 'x.wav', size: 10 }))).status).toBe(403);
  });

  it('only the upload address takes raw bytes: a method call sent as application/octet-stream is refused and does nothing', async () => {
    const { coord, h } = await hostWithInterview();
    const answer = await rawPost(h.host.url, 'auth.logout', 'whatever', { 'content-type': 'application/octet-stream', authorization: `Bearer ${coord.token ?? ''}` });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_input', details: { issues: [{ code: 'unsupported_media_type' }] } } });
    // Still signed in.
    expect((await coord.call('auth.session', {})).user.username).toBe('coord');
  });

  it('an upload cut off half way leaves nothing behind, and its address is spent', async () => {
    const { core, coord, interview, h } = await hostWithInterview();
    const size = 8 * MB;
    const started = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'cut.mp4', size });
    const req = https.request(`${h.host.url}${started.url}`, {
      method: 'PUT',
      rejectUnauthorized: false,
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${coord.token ?? ''}`, 'content-length': String(size) },
    });
    req.on('error', () => undefined);
    req.write(randomBytes(3 * MB));
    // Wait until the host is writing it, then pull the cable.
    for (let i = 0; i < 200 && fs.readdirSync(core.evidence.incomingDir).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.readdirSync(core.evidence.incomingDir)).toHaveLength(1);
    req.destroy();
    for (let i = 0; i < 200 && fs.readdirSync(core.evidence.incomingDir).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.readdirSync(core.evidence.incomingDir)).toEqual([]);
    const again = await request(`${h.host.url}${started.url}`, 'PUT', { 'content-type': 'application/octet-stream', authorization: `Bearer ${coord.token ?? ''}` }, Buffer.alloc(10));
    expect(again.status).toBe(404);
    expect((await refusal(coord.call('recordings.register', { interviewId: interview.id, uploadId: started.uploadId, kind: 'main_video' }))).status).toBe(400);
  });

  it('plays back exactly the right bytes, whole or by range; a range outside the file answers 416', async () => {
    const { coord, signIn, register, get } = await hostWithInterview();
    const bytes = randomBytes(3 * MB + 5);
    const recording = await register(coord, bytes, 'cam2.mp4', 'second_camera');
    const prosecutor = await signIn('prosecutor');
    const { url, recording: played } = await prosecutor.call('recordings.play', { recordingId: recording.id });
    expect(url).toMatch(/^\/api\/media\/[\w-]{43}$/);
    expect(played.lastCheck?.ok).toBe(true);

    const whole = await get(url);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-length']).toBe(String(bytes.length));
    expect(whole.body.equals(bytes)).toBe(true);

    const size = bytes.length;
    for (const [range, start, end] of [
      ['bytes=0-0', 0, 0],
      ['bytes=15-16', 15, 16],
      ['bytes=1000003-1065541', 1_000_003, 1_065_541],
      [`bytes=${size - 100}-`, size - 100, size - 1],
      ['bytes=-33', size - 33, size - 1],
      [`bytes=2000000-${size + 1000}`, 2_000_000, size - 1],
    ] as const) {
      const part = await get(url, range);
      expect(part.status, range).toBe(206);
      expect(part.headers['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(part.headers['content-length'], range).toBe(String(end - start + 1));
      expect(part.body.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
    const outside = await get(url, `bytes=${size}-`);
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${size}`);
    expect((await get(url, 'bytes=50-10')).status).toBe(416);
    expect((await get('/api/media/not-a-ticket')).status).toBe(404);

    const custody = await coord.call('recordings.custody', { recordingId: recording.id });
    expect(custody.entries.map((e) => [e.action, e.by])).toEqual([
      ['registered', 'coord'],
      ['viewed', 'prosecutor'],
    ]);
  });

  it('a viewing ends with the session that opened it, and for a colleague taken off the team', async () => {
    const { coord, signIn, register, get, caseId, ids } = await hostWithInterview();
    const recording = await register(coord, wav(0.25), 'mic.wav', 'audio');
    const prosecutor = await signIn('prosecutor');
    const viewing = await prosecutor.call('recordings.play', { recordingId: recording.id });
    expect((await get(viewing.url)).status).toBe(200);
    await prosecutor.call('auth.logout', {});
    expect((await get(viewing.url)).status).toBe(404);
    expect((await get(viewing.url, 'bytes=0-10')).status).toBe(404);

    const officer = await signIn('officer');
    const officerViewing = await officer.call('recordings.play', { recordingId: recording.id });
    expect((await get(officerViewing.url, 'bytes=0-3')).body.toString('latin1')).toBe('RIFF');
    await coord.call('cases.removeMember', { caseId, userId: ids.officer });
    expect((await get(officerViewing.url)).status).toBe(404);
    expect((await refusal(officer.call('recordings.play', { recordingId: recording.id }))).status).toBe(404);
  });

  it('a file altered on disk is refused (409 integrity_failed), logged in its custody log and the case timeline, and its open viewings end', async () => {
    const { core, coord, signIn, register, get, caseId } = await hostWithInterview();
    const bytes = randomBytes(2 * MB);
    const recording = await register(coord, bytes, 'cam1.mp4');
    const prosecutor = await signIn('prosecutor');
    const before = await prosecutor.call('recordings.play', { recordingId: recording.id });
    expect((await get(before.url, 'bytes=0-99')).status).toBe(206);

    const file = core.evidence.locate(recording.sha256);
    fs.chmodSync(file, 0o600);
    const fd = fs.openSync(file, 'r+');
    const one = Buffer.alloc(1);
    fs.readSync(fd, one, 0, 1, 1_000_000);
    one[0] = one[0]! ^ 0x20;
    fs.writeSync(fd, one, 0, 1, 1_000_000);
    fs.closeSync(fd);

    const refused = await refusal(prosecutor.call('recordings.play', { recordingId: recording.id }));
    expect(refused.status).toBe(409);
    expect(refused.details).toEqual({ reason: 'integrity_failed' });
    expect((await get(before.url, 'bytes=0-99')).status).toBe(404);

    const custody = await coord.call('recordings.custody', { recordingId: recording.id });
    const alarm = custody.entries.find((e) => e.action === 'integrity_failed');
    expect(alarm).toMatchObject({ by: 'prosecutor' });
    expect(alarm?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(alarm?.sha256).not.toBe(recording.sha256);
    expect(custody.entries.some((e) => e.action === 'viewed' && e.at > alarm!.at)).toBe(false);
    const timeline = await coord.call('cases.timeline', { caseId, groups: ['interview'] });
    expect(timeline.entries[0]).toMatchObject({ kind: 'recording_integrity_failed', data: { file: 'cam1.mp4' } });
    const [listed] = (await coord.call('recordings.list', { interviewId: recording.interviewId })).recordings;
    expect(listed?.lastCheck?.ok).toBe(false);
    // Copies of an altered file are refused too.
    const copy = await refusal(coord.call('recordings.recordCopy', { recordingId: recording.id, recipient: 'Inspector Dan Pop', recipientAgency: 'police', medium: 'dvd', purpose: 'File 1/2026' }));
    expect(copy.details).toEqual({ reason: 'integrity_failed' });

    // The original, uploaded again from the centre's backup, replaces the altered bytes rather than being dropped as a duplicate.
    const restored = await register(coord, bytes, 'cam1-from-backup.mp4');
    expect(restored.sha256).toBe(recording.sha256);
    expect(await core.evidence.hashOf(recording.sha256)).toBe(recording.sha256);
    expect(fs.statSync(core.evidence.locate(recording.sha256)).mode & 0o777).toBe(0o400);
    const replay = await prosecutor.call('recordings.play', { recordingId: restored.id });
    expect((await get(replay.url)).body.equals(bytes)).toBe(true);
    const rechecked = await coord.call('recordings.verify', { recordingId: recording.id });
    expect(rechecked.lastCheck?.ok).toBe(true);
    expect((await coord.call('recordings.custody', { recordingId: recording.id })).entries.map((e) => e.action)).toEqual([
      'registered',
      'viewed',
      'integrity_failed',
      'integrity_failed',
      'verified',
    ]);
  });

  it('chain of custody: registered, viewed, copied, returned; removal is refused while a copy is out, then asked, approved by a second person, the file goes and the record stays', async () => {
    const { core, coord, signIn, register, interview } = await hostWithInterview();
    const recording = await register(coord, randomBytes(MB), 'cam1.mp4');
    const prosecutor = await signIn('prosecutor');
    await prosecutor.call('recordings.play', { recordingId: recording.id });
    const { recording: out, entry: copied } = await coord.call('recordings.recordCopy', {
      recordingId: recording.id,
      recipient: 'Inspector Dan Pop',
      recipientAgency: 'police',
      medium: 'encrypted_drive',
      purpose: 'Criminal file 123/P/2026',
    });
    expect(out.copiesOut).toBe(1);
    expect(copied).toMatchObject({ action: 'copied', recipient: 'Inspector Dan Pop', sha256: recording.sha256 });

    const refused = await refusal(coord.call('recordings.requestRemoval', { recordingId: recording.id, reason: 'retention_ended', words: 'Retention period ended.' }));
    expect(refused.status).toBe(409);
    expect(core.evidence.has(recording.sha256)).toBe(true);

    const { recording: back, entry: returned } = await coord.call('recordings.recordReturn', { recordingId: recording.id, copyId: copied.id, note: 'Returned sealed.' });
    expect(back.copiesOut).toBe(0);
    expect(returned).toMatchObject({ action: 'returned', copyId: copied.id, recipient: 'Inspector Dan Pop', note: 'Returned sealed.' });
    expect((await refusal(coord.call('recordings.recordReturn', { recordingId: recording.id, copyId: copied.id, note: '' }))).status).toBe(409);

    const file = core.evidence.locate(recording.sha256);
    const asked = await coord.call('recordings.requestRemoval', { recordingId: recording.id, reason: 'retention_ended', words: 'Retention period ended.' });
    const deleted = await prosecutor.call('recordings.decideRemoval', { requestId: asked.removal!.id, decision: 'approved', note: '' });
    expect(deleted.deletedAt).not.toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    const { recordings } = await coord.call('recordings.list', { interviewId: interview.id });
    expect(recordings).toEqual([expect.objectContaining({ id: recording.id, sha256: recording.sha256, deletedAt: deleted.deletedAt })]);
    const custody = await coord.call('recordings.custody', { recordingId: recording.id });
    expect(custody.entries.map((e) => [e.action, e.by])).toEqual([
      ['registered', 'coord'],
      ['viewed', 'prosecutor'],
      ['copied', 'coord'],
      ['returned', 'coord'],
      ['removal_requested', 'coord'],
      ['removal_approved', 'prosecutor'],
      ['deleted', 'prosecutor'],
    ]);
    expect((await refusal(prosecutor.call('recordings.play', { recordingId: recording.id }))).status).toBe(409);
  });

  it('a forensic interviewer kept blind gets 404 for the custody log; a therapist may not open recordings at all (403)', async () => {
    const { admin, coord, signIn, register } = await hostWithInterview();
    const recording = await register(coord, wav(0.25), 'mic.wav', 'audio');
    const interviewer = await signIn('interviewer');
    expect((await interviewer.call('recordings.custody', { recordingId: recording.id })).entries).toHaveLength(1);
    const policy = await admin.call('security.getPolicy', {});
    await admin.call('security.updatePolicy', { idleLockSeconds: policy.idleLockSeconds, totpRequiredRoles: policy.totpRequiredRoles, blindInterviewer: true, version: policy.version });
    const blind = await refusal(interviewer.call('recordings.custody', { recordingId: recording.id }));
    expect(blind.status).toBe(404);
    expect(blind.message).toBe((await refusal(interviewer.call('recordings.custody', { recordingId: 9_999 }))).message);
    expect((await refusal(interviewer.call('recordings.play', { recordingId: recording.id }))).status).toBe(404);
    const therapist = await signIn('therapist');
    expect((await refusal(therapist.call('recordings.custody', { recordingId: recording.id }))).status).toBe(403);
    expect((await refusal(therapist.call('recordings.play', { recordingId: recording.id }))).status).toBe(403);
  });
});

describe('uploads and viewings follow the core’s clock', () => {
  it('a viewing lasts its four hours by the core’s clock, however many others are opened meanwhile', async () => {
    // A clock of its own (the host's tests use the system's): a few hours ago, on a Sunday.
    const clock = new TestClock(new Date('2026-11-22T09:00:00.000Z'));
    const { core } = openTestCore({ clock });
    await setUpCentre(inProcessClient(core));
    await insertUser(core.store.db, 'coord', PASSWORD, ['coordinator']);
    const interviewerId = await insertUser(core.store.db, 'interviewer', PASSWORD, ['forensic_interviewer']);
    const coord = inProcessClient(core);
    await coord.call('auth.login', { username: 'coord', password: PASSWORD });
    const { rules } = await coord.call('resources.list', {});
    await coord.call('resources.saveRules', { ...rules, timeZone: 'UTC' });
    const room = await coord.call('resources.saveRoom', { id: null, version: 0, name: 'Room', kind: 'interview', equipment: '', active: true });
    const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, {}, clock.now()));
    const interview = await coord.call('interviews.schedule', {
      caseId: created.id,
      supplementaryId: null,
      startsAt: '2026-11-23T10:00:00.000Z',
      durationMinutes: 60,
      roomId: room.id,
      observationRoomId: null,
      interviewerId,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      invitees: [],
      planning: null,
    });
    const bytes = wav(0.1);
    // Two uploads asked for before either is sent: both addresses stay good.
    const first = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'a.wav', size: bytes.length });
    const second = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'b.wav', size: bytes.length });
    expect(await core.receiveUpload(first.uploadId, coord.token, Readable.from([bytes]))).toMatchObject({ ok: true });
    expect(await core.receiveUpload(second.uploadId, coord.token, Readable.from([bytes]))).toMatchObject({ ok: true });
    const recording = await coord.call('recordings.register', { interviewId: interview.id, uploadId: first.uploadId, kind: 'audio' });

    const ticketOf = (url: string) => url.split('/').pop()!;
    const one = ticketOf((await coord.call('recordings.play', { recordingId: recording.id })).url);
    const two = ticketOf((await coord.call('recordings.play', { recordingId: recording.id })).url);
    expect(core.openMedia(one, undefined)).toMatchObject({ ok: true, status: 200 });
    expect(core.openMedia(two, 'bytes=0-3')).toMatchObject({ ok: true, status: 206, start: 0, end: 3 });
    clock.advance(4 * 3_600_000 + 1);
    expect(core.openMedia(one, undefined)).toMatchObject({ ok: false, status: 404 });
    core.close();
  });
});
