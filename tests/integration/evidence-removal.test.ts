import fs from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/client';
import type { Role } from '../../shared/permissions';
import { databaseDigest } from '../support/core';
import { MINUTE, T0 } from '../support/bucharest';
import { referral } from '../support/intake';
import { bookInterview, openAllDay } from '../support/recorded-case';
import { fieldRefusal, refusal } from '../support/refusal';
import { staffedCentre } from '../support/staff';

/**
 * Evidence that one person cannot make disappear (issue 14, point 7): a
 * recording's file goes when one person asks and a second decides, or when
 * its uploader withdraws a mistake within 15 minutes, before anyone saw or
 * copied it; never with copies out or under legal hold. A real core over an
 * encrypted database and evidence store, on a clock the test moves.
 */

const people = {
  coord: 'coordinator',
  coord2: 'coordinator',
  prosecutor: 'prosecutor',
  prosecutor2: 'prosecutor',
  officer: 'police',
  iv: 'forensic_interviewer',
} as const satisfies Record<string, Role>;

async function centre() {
  const { core, db, ids, as, later } = await staffedCentre({ at: T0, people });
  // Everyone signs in now: a sign-in later would change the database between two digests.
  for (const name of Object.keys(people) as (keyof typeof people)[]) await as(name);
  const coord = await as('coord');
  const roomId = await openAllDay(coord);
  const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' }));
  const caseId = created.id;
  // The prosecutor and the officer are on the case; prosecutor2 and coord2 are not (coord2 sees it as a coordinator).
  for (const name of ['prosecutor', 'officer'] as const) await coord.call('cases.addMember', { caseId, userId: ids[name] });
  const interview = await bookInterview(coord, { caseId, roomId, interviewerId: ids.iv, startsAt: '2026-11-22T10:00:00.000Z' });
  let n = 0;
  /** Uploads and registers a recording (distinct bytes each time) as this person. */
  const register = async (who: Client) => {
    const bytes = Buffer.from(`recording number ${String(++n)} of the interview`);
    const started = await who.call('recordings.startUpload', { interviewId: interview.id, fileName: `cam${String(n)}.mp4`, size: bytes.length });
    expect((await core.receiveUpload(started.uploadId, who.token, Readable.from([bytes]))).ok).toBe(true);
    return who.call('recordings.register', { interviewId: interview.id, uploadId: started.uploadId, kind: 'main_video' });
  };
  const custody = async (recordingId: number) => (await coord.call('recordings.custody', { recordingId })).entries.map((e) => [e.action, e.by]);
  const timeline = async () => (await coord.call('cases.timeline', { caseId, groups: [] })).entries.map((e) => e.kind);
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { core, db, ids, as, later, caseId, interview, register, custody, timeline, digest };
}

const ask = (who: Client, recordingId: number, words = 'The case was closed in 2016; its retention period has ended.') =>
  who.call('recordings.requestRemoval', { recordingId, reason: 'retention_ended', words });

describe('removing a recording takes two people', () => {
  it('the requester cannot approve their own request; a second coordinator can, and the file goes while the record stays', async () => {
    const { core, as, register, custody, timeline, digest } = await centre();
    const coord = await as('coord');
    const recording = await register(coord);
    const file = core.evidence.locate(recording.sha256);

    const asked = await ask(coord, recording.id);
    expect(asked.removal).toMatchObject({ reason: 'retention_ended', requestedBy: 'coord display', requestedAt: T0 });
    expect(asked.deletedAt).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
    // A second request for the same recording waits for the first.
    expect((await refusal(ask(await as('coord2'), recording.id))).status).toBe(409);

    const before = digest();
    const own = await refusal(coord.call('recordings.decideRemoval', { requestId: asked.removal!.id, decision: 'approved', note: '' }));
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/second person/);
    expect(digest()).toBe(before);
    expect(fs.existsSync(file)).toBe(true);

    const removed = await (await as('coord2')).call('recordings.decideRemoval', { requestId: asked.removal!.id, decision: 'approved', note: 'Checked against the retention schedule.' });
    expect(removed).toMatchObject({ deletedHow: 'two_person', removal: null });
    expect(removed.deletedAt).not.toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    expect(await custody(recording.id)).toEqual([
      ['registered', 'coord display'],
      ['removal_requested', 'coord display'],
      ['removal_approved', 'coord2 display'],
      ['deleted', 'coord2 display'],
    ]);
    expect(await timeline()).toEqual(expect.arrayContaining(['recording_removal_requested', 'recording_deleted']));
    expect((await refusal(coord.call('recordings.play', { recordingId: recording.id }))).status).toBe(409);
    // Decided once.
    expect((await refusal((await as('prosecutor')).call('recordings.decideRemoval', { requestId: asked.removal!.id, decision: 'refused', note: '' }))).status).toBe(409);
  });

  it("the case's prosecutor may decide; a prosecutor not on the case cannot find it, the police may not decide at all", async () => {
    const { core, as, register, custody } = await centre();
    const coord = await as('coord');
    const recording = await register(coord);
    const { removal } = await ask(coord, recording.id);
    const input = { requestId: removal!.id, decision: 'refused' as const, note: 'The appeal is still open.' };
    expect((await refusal((await as('prosecutor2')).call('recordings.decideRemoval', input))).status).toBe(404);
    expect((await refusal((await as('officer')).call('recordings.decideRemoval', input))).status).toBe(403);
    expect((await refusal((await as('officer')).call('recordings.requestRemoval', { recordingId: recording.id, reason: 'wrong_case', words: 'x' }))).status).toBe(403);

    const kept = await (await as('prosecutor')).call('recordings.decideRemoval', input);
    expect(kept).toMatchObject({ deletedAt: null, removal: null });
    expect(core.evidence.has(recording.sha256)).toBe(true);
    expect(await custody(recording.id)).toEqual([
      ['registered', 'coord display'],
      ['removal_requested', 'coord display'],
      ['removal_refused', 'prosecutor display'],
    ]);
    // A refused request closes; the prosecutor may ask again and a coordinator approve.
    const again = await ask(await as('prosecutor'), recording.id);
    const removed = await coord.call('recordings.decideRemoval', { requestId: again.removal!.id, decision: 'approved', note: '' });
    expect(removed.deletedHow).toBe('two_person');
    expect(core.evidence.has(recording.sha256)).toBe(false);
  });

  it('the reason is one of the list and the words are not blank (400 with the field, nothing written)', async () => {
    const { as, register, digest } = await centre();
    const coord = await as('coord');
    const recording = await register(coord);
    const before = digest();
    const issues = await fieldRefusal(coord.call('recordings.requestRemoval', { recordingId: recording.id, reason: 'bored' as never, words: '   ' }));
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['reason', 'words']);
    expect(digest()).toBe(before);
  });

  it('never while copies are out: neither asked nor approved until every copy is back', async () => {
    const { core, as, register, digest } = await centre();
    const coord = await as('coord');
    const recording = await register(coord);
    const { entry } = await coord.call('recordings.recordCopy', { recordingId: recording.id, recipient: 'Inspector Dan Pop', recipientAgency: 'police', medium: 'dvd', purpose: 'File 1/P/2026' });
    const before = digest();
    const asked = await refusal(ask(coord, recording.id));
    expect([asked.status, asked.message]).toEqual([409, '1 copy is still out: log their return first.']);
    expect(digest()).toBe(before);

    await coord.call('recordings.recordReturn', { recordingId: recording.id, copyId: entry.id, note: '' });
    const { removal } = await ask(coord, recording.id);
    // A copy handed out after the request was made stops the approval.
    await coord.call('recordings.recordCopy', { recordingId: recording.id, recipient: 'Judge Elena Stan', recipientAgency: 'judge', medium: 'dvd', purpose: 'Hearing' });
    const held = digest();
    const approval = await refusal((await as('coord2')).call('recordings.decideRemoval', { requestId: removal!.id, decision: 'approved', note: '' }));
    expect(approval.status).toBe(409);
    expect(digest()).toBe(held);
    expect(core.evidence.has(recording.sha256)).toBe(true);
  });
});

describe('legal hold', () => {
  it('set by the case’s prosecutor with a reason, it stops requests, approvals and withdrawals until a coordinator lifts it', async () => {
    const { core, as, ids, caseId, register, timeline, digest } = await centre();
    const coord = await as('coord');
    const pending = await register(coord);
    const { removal } = await ask(coord, pending.id);
    const fresh = await register(coord);

    const prosecutor = await as('prosecutor');
    const blank = await fieldRefusal(prosecutor.call('cases.setLegalHold', { caseId, hold: true, reason: ' ' }));
    expect(blank.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect((await refusal((await as('officer')).call('cases.setLegalHold', { caseId, hold: true, reason: 'x' }))).status).toBe(403);
    expect((await refusal((await as('prosecutor2')).call('cases.setLegalHold', { caseId, hold: true, reason: 'x' }))).status).toBe(404);

    const held = await prosecutor.call('cases.setLegalHold', { caseId, hold: true, reason: 'Appeal pending, file 987/P/2026.' });
    expect(held.legalHold).toEqual({ since: T0, by: 'prosecutor display', reason: 'Appeal pending, file 987/P/2026.' });
    expect((await coord.call('cases.get', { caseId })).legalHold?.by).toBe('prosecutor display');
    expect((await refusal(prosecutor.call('cases.setLegalHold', { caseId, hold: true, reason: 'Again.' }))).status).toBe(409);

    const before = digest();
    for (const refused of [
      await refusal((await as('coord2')).call('recordings.decideRemoval', { requestId: removal!.id, decision: 'approved', note: '' })),
      await refusal(ask(coord, fresh.id)),
      await refusal(coord.call('recordings.withdraw', { recordingId: fresh.id, words: 'Wrong file.' })),
    ]) {
      expect(refused.status).toBe(409);
      expect(refused.details).toEqual({ reason: 'legal_hold' });
    }
    expect(digest()).toBe(before);
    expect(core.evidence.has(pending.sha256) && core.evidence.has(fresh.sha256)).toBe(true);

    const lifted = await coord.call('cases.setLegalHold', { caseId, hold: false, reason: 'The appeal was decided on 3 December.' });
    expect(lifted.legalHold).toBeNull();
    await (await as('coord2')).call('recordings.decideRemoval', { requestId: removal!.id, decision: 'approved', note: '' });
    expect(core.evidence.has(pending.sha256)).toBe(false);
    expect(await timeline()).toEqual(expect.arrayContaining(['legal_hold_set', 'legal_hold_lifted']));
    const audit = core.store.db
      .prepare("SELECT method, user_id, detail FROM audit_log WHERE method = 'cases.setLegalHold' AND outcome = 'ok' ORDER BY id")
      .all() as { method: string; user_id: number; detail: string }[];
    expect(audit.map((a) => [a.user_id, a.detail])).toEqual([
      [ids.prosecutor, 'legal hold set'],
      [ids.coord, 'legal hold lifted'],
    ]);
  });
});

describe('withdrawing an upload registered by mistake', () => {
  it('its uploader alone, within 15 minutes by the core’s clock', async () => {
    const { core, as, later, register, custody, timeline } = await centre();
    const coord = await as('coord');
    const mistake = await register(coord);
    expect((await refusal((await as('coord2')).call('recordings.withdraw', { recordingId: mistake.id, words: 'Not mine.' }))).status).toBe(403);
    later(15 * MINUTE);
    const withdrawn = await (await as('coord')).call('recordings.withdraw', { recordingId: mistake.id, words: 'The file of another interview.' });
    expect(withdrawn).toMatchObject({ deletedHow: 'withdrawn' });
    expect(core.evidence.has(mistake.sha256)).toBe(false);
    expect(await custody(mistake.id)).toEqual([
      ['registered', 'coord display'],
      ['withdrawn', 'coord display'],
    ]);
    expect(await timeline()).toContain('recording_withdrawn');

    const late = await register(await as('coord'));
    later(15 * MINUTE + 1);
    const refused = await refusal((await as('coord')).call('recordings.withdraw', { recordingId: late.id, words: 'Too late.' }));
    expect([refused.status, refused.details]).toEqual([409, { reason: 'window_passed' }]);
    expect(core.evidence.has(late.sha256)).toBe(true);
  });

  it('not once anyone has played or copied it', async () => {
    const { core, as, register, digest } = await centre();
    const coord = await as('coord');
    const viewed = await register(coord);
    await (await as('prosecutor')).call('recordings.play', { recordingId: viewed.id });
    const copied = await register(coord);
    const { entry } = await coord.call('recordings.recordCopy', { recordingId: copied.id, recipient: 'Inspector Dan Pop', recipientAgency: 'police', medium: 'dvd', purpose: 'File' });
    await coord.call('recordings.recordReturn', { recordingId: copied.id, copyId: entry.id, note: '' });
    const before = digest();
    for (const recording of [viewed, copied]) {
      const refused = await refusal(coord.call('recordings.withdraw', { recordingId: recording.id, words: 'Wrong file.' }));
      expect([refused.status, refused.details]).toEqual([409, { reason: 'accessed' }]);
      expect(core.evidence.has(recording.sha256)).toBe(true);
    }
    expect(digest()).toBe(before);
  });
});
