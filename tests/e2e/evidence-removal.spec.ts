import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSineWav } from '../support/wav';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

const shot = (name: string) => path.join('test-results', `evidence-removal-${name}.png`);

test('removing a recording takes two people: the coordinator asks, the legal hold stops it, the case’s prosecutor approves once it is lifted', async ({ page, host, watch }) => {
  test.setTimeout(120_000);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-wav-'));
  try {
    await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
    const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
    const interviewer = await colleague(host, 'radu', 'Radu Ionescu', 'forensic_interviewer', 'barnahus_staff');
    const prosecutor = await colleague(host, 'ana', 'Ana Rusu', 'prosecutor', 'prosecution');
    const asIoana = await apiAs(host, 'ioana', coordinator.password);
    const room = await asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name: 'Interview room 1', kind: 'interview', equipment: '', active: true });
    const { rules } = await asIoana<{ rules: { version: number } }>('resources.list', {});
    const allDay = { open: true, start: '00:00', end: '23:59' };
    await asIoana('resources.saveRules', {
      version: rules.version,
      timeZone: 'UTC',
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      bufferMinutes: 0,
      dailyLimit: 10,
    });
    const created = await asIoana<{ id: number }>('cases.create', referralFor('Andreea', 'Lungu'));
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
    const wrong = writeSineWav(path.join(files, 'other-child-interview.wav'), 2);

    // The coordinator registers a file that belongs to another case, then asks for its removal: she cannot decide it herself.
    await signInAs(page, host, 'ioana', coordinator.password);
    await page.goto(`${host.url}/#/interviews/${interview.id}`);
    const panel = page.getByRole('region', { name: 'Recordings' });
    await panel.getByRole('button', { name: 'Register recording' }).click();
    let dialog = page.getByRole('dialog', { name: 'Register a recording' });
    await dialog.getByTestId('recording-file').setInputFiles(wrong);
    await dialog.getByRole('button', { name: 'Upload and register' }).click();
    await expect(dialog.getByTestId('upload-sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const card = panel.getByRole('listitem', { name: 'other-child-interview.wav' });
    await card.getByRole('button', { name: 'Request removal' }).click();
    dialog = page.getByRole('dialog', { name: 'Request removal of the file' });
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await expect(dialog.getByText('This must be filled in.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Registered on the wrong case' }).click();
    await dialog.getByLabel(/^In your own words/).fill('This is the interview of another child, case BH-2026-0007.');
    await page.screenshot({ path: shot('request'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await expect(dialog).toBeHidden();
    const pending = card.getByTestId('removal-pending');
    await expect(pending).toContainText('Removal requested');
    await expect(pending).toContainText('Ioana Marin');
    await expect(pending).toContainText('Registered on the wrong case');
    await expect(pending).toContainText('Waiting for a second person');
    await expect(pending.getByRole('button', { name: 'Approve removal' })).toBeHidden();
    await expect(card.getByRole('button', { name: 'Request removal' })).toBeHidden();

    // The case's prosecutor puts the case under legal hold: it shows first on the overview and in the header.
    await signInAs(page, host, 'ana', prosecutor.password);
    await page.goto(`${host.url}/#/cases/${created.id}`);
    const hold = page.getByTestId('legal-hold');
    await expect(hold).toContainText('This case is not under legal hold.');
    await hold.getByRole('button', { name: 'Set legal hold' }).click();
    dialog = page.getByRole('dialog', { name: 'Put the case under legal hold' });
    await dialog.getByLabel(/^Reason/).fill('Appeal pending before the Sofia Court of Appeal.');
    await dialog.getByRole('button', { name: 'Set the hold' }).click();
    await expect(dialog).toBeHidden();
    await expect(hold).toContainText('Under legal hold since');
    await expect(hold).toContainText('Ana Rusu');
    await expect(hold).toContainText('Appeal pending before the Sofia Court of Appeal.');
    await expect(page.getByTestId('legal-hold-chip')).toHaveText('Legal hold');
    await page.screenshot({ path: shot('legal-hold'), animations: 'disabled' });

    // Under the hold her approval is refused, in words, and the file stays.
    await page.goto(`${host.url}/#/interviews/${interview.id}`);
    await card.getByTestId('removal-pending').getByRole('button', { name: 'Approve removal' }).click();
    dialog = page.getByRole('dialog', { name: 'Approve the removal' });
    await dialog.getByRole('button', { name: 'Approve and remove the file' }).click();
    await expect(dialog).toContainText('The case is under legal hold: nothing of its evidence can be removed until the hold is lifted.');
    await page.screenshot({ path: shot('refused-under-hold'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(card).not.toHaveAttribute('data-deleted', 'true');

    // The hold is lifted with a reason; then her approval removes the file, and the record stays with its custody log.
    await page.goto(`${host.url}/#/cases/${created.id}`);
    await hold.getByRole('button', { name: 'Lift legal hold' }).click();
    dialog = page.getByRole('dialog', { name: 'Lift the legal hold' });
    await dialog.getByLabel(/^Reason/).fill('The appeal was decided.');
    await dialog.getByRole('button', { name: 'Lift the hold' }).click();
    await expect(dialog).toBeHidden();
    await expect(hold).toContainText('This case is not under legal hold.');
    await page.goto(`${host.url}/#/interviews/${interview.id}`);
    await card.getByTestId('removal-pending').getByRole('button', { name: 'Approve removal' }).click();
    dialog = page.getByRole('dialog', { name: 'Approve the removal' });
    await dialog.getByLabel(/^Note/).fill('Confirmed with the coordinator.');
    await dialog.getByRole('button', { name: 'Approve and remove the file' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toHaveAttribute('data-deleted', 'true');
    await expect(card.getByTestId('removal-pending')).toBeHidden();
    await card.getByRole('button', { name: 'Custody log' }).click();
    const custody = page.getByRole('dialog', { name: 'Chain of custody: other-child-interview.wav' });
    await expect(custody.locator('tbody tr')).toHaveCount(4);
    await expect(custody.locator('tbody tr').nth(1)).toContainText('Removal requested');
    await expect(custody.locator('tbody tr').nth(1)).toContainText('Registered on the wrong case');
    await expect(custody.locator('tbody tr').nth(2)).toContainText('Removal approved');
    await expect(custody.locator('tbody tr').nth(2)).toContainText('Ana Rusu');
    await expect(custody.locator('tbody tr').nth(3)).toContainText('Deleted');
    await page.screenshot({ path: shot('custody'), animations: 'disabled' });
    await custody.getByRole('button', { name: 'Close' }).click();

    // The case timeline tells the whole story.
    await page.goto(`${host.url}/#/cases/${created.id}?tab=timeline`);
    await expect(page.getByText('Asked for the recording other-child-interview.wav to be removed: Registered on the wrong case')).toBeVisible();
    await expect(page.getByText('Put the case under legal hold')).toBeVisible();
    await expect(page.getByText('Lifted the legal hold')).toBeVisible();
    await expect(page.getByText(/Approved the removal of the recording other-child-interview\.wav/)).toBeVisible();
    expect(watch.problems).toEqual([]);
  } finally {
    fs.rmSync(files, { recursive: true, force: true });
  }
});
