import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { ADMIN, TestClock, inProcessClient, openTestCore, setUpCentre, signInWith } from '../support/core';
import { RECORDING_PASSWORD, recordedCase, recordingCentre } from '../support/recorded-case';
import { refusal } from '../support/refusal';

/**
 * Issue 14, point 9: a crash between storing an upload and committing its
 * recording row leaves an encrypted file no recording names. At start the
 * core moves such files to the quarantine folder and says so in its log;
 * an administrator's store check does the same on demand, sparing recent
 * files and uploads in progress.
 */

const PASSWORD = RECORDING_PASSWORD;

/** A centre with one registered recording, on a clock that starts at the real time (the files' times are real). */
async function centreWithRecording() {
  const clock = new TestClock(new Date());
  const opened = openTestCore({ clock });
  const { core } = opened;
  await setUpCentre(inProcessClient(core));
  const centre = await recordingCentre(core);
  const recorded = await recordedCase(core, centre, { firstName: 'Ana', lastName: 'Pop' }, Buffer.from('the registered recording'), clock.now());
  return { ...opened, clock, coord: centre.coord, interview: { id: recorded.interviewId }, recording: { id: recorded.recordingId, sha256: recorded.sha256 } };
}

/** What a crash after the file moved in and before the row committed leaves: an object, and no recording naming it. */
async function strandObject(store: ReturnType<typeof openCore>['evidence'], content: string): Promise<{ sha256: string; file: string; size: number }> {
  const id = `crash-${content.length}`;
  const { sha256 } = await store.receive(id, Readable.from([Buffer.from(content)]), 1024);
  store.commit(id, sha256);
  const file = store.locate(sha256);
  return { sha256, file, size: fs.statSync(file).size };
}

describe('files no recording names', () => {
  it('at start are moved, unchanged, to the quarantine and the log says how many and how large; the recordings stay', async () => {
    const { core, file, key, clock, recording } = await centreWithRecording();
    const orphan = await strandObject(core.evidence, 'an upload whose registration never committed');
    const encrypted = fs.readFileSync(orphan.file);
    core.close();

    const lines: string[] = [];
    const again = openCore({ file, key, clock, log: (line) => lines.push(line) });
    try {
      expect(fs.existsSync(orphan.file)).toBe(false);
      const quarantined = fs.readdirSync(again.evidence.quarantineDir);
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0]).toMatch(new RegExp(`${path.basename(orphan.file)}$`));
      // Still the encrypted bytes: nothing is decrypted or deleted on the way.
      expect(fs.readFileSync(path.join(again.evidence.quarantineDir, quarantined[0]!)).equals(encrypted)).toBe(true);
      expect(lines).toEqual([expect.stringContaining(`moved 1 file(s), ${orphan.size} bytes`)]);
      expect(lines[0]).toContain(again.evidence.quarantineDir);
      expect(again.evidence.has(recording.sha256)).toBe(true);
      const coord = await signInWith(again, 'coord', PASSWORD);
      expect((await coord.call('recordings.verify', { recordingId: recording.id })).lastCheck?.ok).toBe(true);
      // Administrators see it in the app too (Home's storage warnings), not only in the host's log.
      const admin = await signInWith(again, ADMIN.username, ADMIN.password);
      expect((await admin.call('centre.storage', {})).quarantine).toEqual({ count: 1, bytes: orphan.size });
    } finally {
      again.close();
    }

    // The next start moves nothing more but still reminds the administrator of what waits in the quarantine.
    const reminded: string[] = [];
    openCore({ file, key, clock, log: (line) => reminded.push(line) }).close();
    expect(reminded).toEqual([expect.stringMatching(/the quarantine holds 1 file\(s\)/)]);
    expect(reminded[0]).not.toContain('moved');
  });

  it('a clean store starts without a word', async () => {
    const { core, file, key, clock } = await centreWithRecording();
    core.close();
    const lines: string[] = [];
    openCore({ file, key, clock, log: (line) => lines.push(line) }).close();
    expect(lines).toEqual([]);
    expect(fs.existsSync(path.join(path.dirname(file), 'evidence', 'quarantine'))).toBe(false);
    expect(path.basename(file)).toBe(DATABASE_FILE);
  });

  it('the administrator’s store check spares files younger than 10 minutes and uploads in progress, then quarantines the rest', async () => {
    const { core, clock, coord, interview, recording } = await centreWithRecording();
    const admin = await signInWith(core, ADMIN.username, ADMIN.password);
    const stranded = await strandObject(core.evidence, 'stranded by a crash');
    // An upload received and not yet registered whose content is already in the store.
    const inFlight = Buffer.from('being registered right now');
    const started = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'cam2.mp4', size: inFlight.length });
    expect((await core.receiveUpload(started.uploadId, coord.token, Readable.from([inFlight]))).ok).toBe(true);
    const busy = await strandObject(core.evidence, inFlight.toString());

    expect(await admin.call('evidence.checkStore', {})).toEqual({ moved: 0, movedBytes: 0, spared: 2, quarantine: { count: 0, bytes: 0 } });
    expect(fs.existsSync(stranded.file)).toBe(true);

    // Past the 10 minutes, counted from the files' real times (the test's clock began a few seconds before them).
    clock.advance(12 * 60_000);
    const admin2 = await signInWith(core, ADMIN.username, ADMIN.password);
    expect(await admin2.call('evidence.checkStore', {})).toEqual({ moved: 1, movedBytes: stranded.size, spared: 1, quarantine: { count: 1, bytes: stranded.size } });
    expect(fs.existsSync(stranded.file)).toBe(false);
    expect(fs.existsSync(busy.file)).toBe(true);
    expect(core.evidence.has(recording.sha256)).toBe(true);
    // Only administrators look after the store.
    const coordAgain = await signInWith(core, 'coord', PASSWORD);
    expect((await refusal(coordAgain.call('evidence.checkStore', {}))).status).toBe(403);
    core.close();
  });
});
