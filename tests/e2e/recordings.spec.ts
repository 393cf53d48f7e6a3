import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSineWav } from '../support/wav';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

const shot = (name: string) => path.join('test-results', `recordings-${name}.png`);

/** The file's SHA-256 as the coreutils tool prints it: the acceptance is "equals sha256sum". */
function sha256sum(file: string): string {
  const hash = /^([0-9a-f]{64})\s/.exec(execFileSync('sha256sum', [file], { encoding: 'utf8' }))?.[1];
  if (!hash) throw new Error(`sha256sum gave no hash for ${file}`);
  return hash;
}

test('a recording is uploaded with its SHA-256, played by a prosecutor on the team with the viewing in its custody log, and hidden from anyone else', async ({ page, host, watch }) => {
  test.setTimeout(120_000);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-wav-'));
  try {
    // The centre, its people, a room open all day every day (UTC), a case and a booked interview, through the API.
    await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
    const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
    const interviewer = await colleague(host, 'radu', 'Radu Ionescu', 'forensic_interviewer', 'barnahus_staff');
    const prosecutor = await colleague(host, 'ana', 'Ana Rusu', 'prosecutor', 'prosecution');
    const police = await colleague(host, 'dan', 'Dan Pop', 'police', 'police');
    const asIoana = await apiAs(host, 'ioana', coordinator.password);
    const room = await asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name: 'Interview room 1', kind: 'interview', equipment: 'Two cameras', active: true });
    const { rules } = await asIoana<{ rules: { version: number } }>('resources.list', {});
    const allDay = { open: true, start: '00:00', end: '23:59' };
    await asIoana('resources.saveRules', {
      version: rules.version,
      timeZone: 'UTC',
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      bufferMinutes: 0,
      dailyLimit: 10,
    });
    const created = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Andreea', 'Lungu'));
    await asIoana('cases.addMember', { caseId: created.id, userId: interviewer.id });
    await asIoana('cases.addMember', { caseId: created.id, userId: prosecutor.id });
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(10, 0, 0, 0);
    const interview = await asIoana<{ id: number }>('interviews.schedule', {
      caseId: created.id,
      supplementaryId: null,
      startsAt: tomorrow.toISOString(),
      durationMinutes: 60,
      roomId: room.id,
      observationRoomId: null,
      interviewerId: interviewer.id,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      invitees: [],
      planning: null,
    });
    const tone = writeSineWav(path.join(files, 'interview-audio.wav'), 3);
    const expectedSha = sha256sum(tone);
    const spare = writeSineWav(path.join(files, 'test-take.wav'), 8, 660);

    // The coordinator registers the recording: the host's SHA-256 is the one sha256sum computes.
    await signInAs(page, host, 'ioana', coordinator.password);
    await page.goto(`${host.url}/#/interviews/${interview.id}`);
    const panel = page.getByRole('region', { name: 'Recordings' });
    await expect(panel).toContainText('No recording has been registered for this interview yet.');
    await panel.getByRole('button', { name: 'Register recording' }).click();
    let dialog = page.getByRole('dialog', { name: 'Register a recording' });
    await dialog.getByRole('button', { name: 'Upload and register' }).click();
    await expect(dialog).toContainText('Choose the recording file.');
    await dialog.getByTestId('recording-file').setInputFiles(tone);
    await expect(dialog).toContainText('interview-audio.wav');
    // A file the browser knows as audio is proposed as an audio recording.
    await expect(dialog.getByRole('combobox', { name: 'Kind of recording' })).toHaveText('Audio only');
    await dialog.getByRole('button', { name: 'Upload and register' }).click();
    await expect(dialog.getByTestId('upload-sha256')).toHaveText(expectedSha, { timeout: 30_000 });
    await page.screenshot({ path: shot('upload-result'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    const card = panel.getByRole('listitem', { name: 'interview-audio.wav' });
    await expect(card.getByTestId('sha256')).toHaveText(expectedSha);
    await expect(card).toContainText('00:03');
    await expect(card).toContainText('Audio only');
    await expect(card).toContainText('Ioana Marin');
    await expect(card.getByTestId('integrity')).toContainText('Matches its SHA-256');

    // A copy handed to the police, then returned.
    await card.getByRole('button', { name: 'Log copy' }).click();
    dialog = page.getByRole('dialog', { name: 'Log a copy handed out' });
    await dialog.getByLabel('Handed to').fill('Inspector Dan Pop');
    await dialog.getByRole('combobox', { name: 'Their agency' }).click();
    await page.getByRole('option', { name: 'Police' }).click();
    await dialog.getByLabel('Purpose').fill('Criminal file 123/P/2026');
    await dialog.getByRole('button', { name: 'Log the copy' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId('copies-out')).toHaveText('1');
    await card.getByRole('button', { name: 'Log return' }).click();
    dialog = page.getByRole('dialog', { name: 'Log a copy returned' });
    await dialog.getByRole('combobox', { name: 'Which copy' }).click();
    await page.getByRole('option', { name: /Inspector Dan Pop \(Police\), Encrypted drive/ }).click();
    await dialog.getByLabel(/^Note/).fill('Returned sealed.');
    await dialog.getByRole('button', { name: 'Log the return' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId('copies-out')).toHaveText('0');

    // A test take, sent over a slowed network: the progress shows, and stopping it registers nothing.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 32 * 1024 });
    await panel.getByRole('button', { name: 'Register recording' }).click();
    dialog = page.getByRole('dialog', { name: 'Register a recording' });
    await dialog.getByTestId('recording-file').setInputFiles(spare);
    await dialog.getByRole('button', { name: 'Upload and register' }).click();
    await expect(dialog.getByRole('status')).toContainText(/^Uploaded [\d.]+ kB of 128 kB \((?:[1-9]|[1-9]\d) %\)$/);
    await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
    await page.screenshot({ path: shot('upload-progress'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Stop the upload' }).click();
    await expect(dialog).toBeHidden();
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(panel.getByRole('listitem')).toHaveCount(1);

    // Sent again in full, registered, then withdrawn by its uploader as a mistake: it stays listed, greyed, with its hash.
    await panel.getByRole('button', { name: 'Register recording' }).click();
    await dialog.getByTestId('recording-file').setInputFiles(spare);
    await dialog.getByRole('button', { name: 'Upload and register' }).click();
    const spareSha = sha256sum(spare);
    await expect(dialog.getByTestId('upload-sha256')).toHaveText(spareSha, { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const spareCard = panel.getByRole('listitem', { name: 'test-take.wav' });
    await spareCard.getByRole('button', { name: 'Withdraw (registered by mistake)' }).click();
    dialog = page.getByRole('dialog', { name: 'Withdraw an upload registered by mistake' });
    await dialog.getByRole('button', { name: 'Withdraw the file' }).click();
    await expect(dialog.getByText('This must be filled in.')).toBeVisible();
    await dialog.getByLabel(/^What went wrong/).fill('Test take, not part of the interview.');
    await dialog.getByRole('button', { name: 'Withdraw the file' }).click();
    await expect(dialog).toBeHidden();
    await expect(spareCard).toHaveAttribute('data-deleted', 'true');
    await expect(spareCard.getByTestId('sha256')).toHaveText(spareSha);
    await expect(spareCard.getByRole('button', { name: 'Play' })).toBeHidden();
    await panel.screenshot({ path: shot('panel'), animations: 'disabled' });

    // The prosecutor on the team plays it: the player reads the file's length from the host.
    await signInAs(page, host, 'ana', prosecutor.password);
    await page.goto(`${host.url}/#/interviews/${interview.id}`);
    await expect(panel.getByRole('button', { name: 'Register recording' })).toBeHidden();
    const theirCard = panel.getByRole('listitem', { name: 'interview-audio.wav' });
    await expect(theirCard.getByRole('button', { name: 'Log copy' })).toBeHidden();
    await theirCard.getByRole('button', { name: 'Play' }).click();
    const player = page.getByRole('dialog', { name: 'Play interview-audio.wav' });
    const video = player.getByTestId('recording-player');
    await expect(video).toBeVisible();
    // tests/ are compiled without the DOM library: the media element's properties, by shape (inline: the function runs in the page).
    await expect.poll(() => video.evaluate((element) => (element as unknown as { readyState: number }).readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((element) => (element as unknown as { duration: number }).duration)).toBeCloseTo(3, 1);
    await expect(player).toContainText('This viewing is in the custody log.');
    await page.screenshot({ path: shot('player'), animations: 'disabled' });
    await player.getByRole('button', { name: 'Close' }).click();
    await expect(player).toBeHidden();

    // The viewing is in the chain of custody, by the prosecutor, after the registration, the copy and its return.
    await theirCard.getByRole('button', { name: 'Custody log' }).click();
    const custody = page.getByRole('dialog', { name: 'Chain of custody: interview-audio.wav' });
    const rows = custody.getByRole('row');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(1)).toContainText('Registered');
    await expect(rows.nth(1)).toContainText('Ioana Marin');
    await expect(rows.nth(2)).toContainText('Copied');
    await expect(rows.nth(2)).toContainText('Inspector Dan Pop (Police)');
    await expect(rows.nth(3)).toContainText('Returned');
    await expect(rows.nth(4)).toContainText('Viewed');
    await expect(rows.nth(4)).toContainText('Ana Rusu');
    await expect(rows.nth(4)).toContainText(expectedSha);
    await page.screenshot({ path: shot('custody-log'), animations: 'disabled' });
    await custody.getByRole('button', { name: 'Close' }).click();
    await expect(custody).toBeHidden();

    // The stored file is altered behind the host's back: the next check raises the alarm in red, and it is not opened.
    const objects = fs.readdirSync(path.join(host.dataDir, 'evidence', 'objects'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(objects).toHaveLength(1);
    const stored = objects.map((entry) => path.join(entry.parentPath, entry.name)).join('');
    fs.chmodSync(stored, 0o600);
    const bytes = fs.readFileSync(stored);
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(stored, bytes);
    await theirCard.getByRole('button', { name: 'Check integrity' }).click();
    await expect(theirCard.getByTestId('integrity-alarm')).toContainText('no longer matched the SHA-256 taken when it was registered');
    await expect(theirCard.getByTestId('integrity')).toHaveText('Integrity alarm');
    await theirCard.getByRole('button', { name: 'Play' }).click();
    const refused = page.getByRole('dialog', { name: 'Play interview-audio.wav' });
    await expect(refused.getByTestId('integrity-alarm')).toContainText('It was not opened.');
    await expect(refused.getByTestId('recording-player')).toBeHidden();
    await page.screenshot({ path: shot('integrity-alarm'), animations: 'disabled' });
    await refused.getByRole('button', { name: 'Close' }).click();
    await theirCard.getByRole('button', { name: 'Custody log' }).click();
    await expect(custody.locator('tr[data-action="integrity_failed"]')).toHaveCount(2);
    await custody.getByRole('button', { name: 'Close' }).click();

    // A police officer who is not on the case team: the interview does not exist for them, in words.
    await signInAs(page, host, 'dan', police.password);
    await page.goto(`${host.url}/#/interviews/${interview.id}`);
    await expect(page.getByText('This could not be found.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recordings' })).toBeHidden();
    const asDan = await apiAs(host, 'dan', police.password);
    await expect(asDan('recordings.list', { interviewId: interview.id })).rejects.toThrow(/not_found/);

    expect(watch.problems).toEqual([]);
  } finally {
    fs.rmSync(files, { recursive: true, force: true });
  }
});
