import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signedIn, test } from './fixtures';

const SHOTS = '/tmp/ui-backups-shots';

async function switchLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('button', { name: /Language|Limba|Език/ }).click();
  await page.getByRole('menuitem', { name: language }).click();
  await expect(page.getByRole('menu')).toBeHidden();
}

test('an administrator chooses a destination, backs up now, sees the set verified, creates the recovery key and downloads its sheet', async ({ page, host, watch }, testInfo) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-e2e-backups-'));
  try {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await signedIn(page, host);
    // Home tells the administrator before anything is set up.
    await expect(page.getByTestId('backup-warning')).toContainText('No backup destination');
    await expect(page.getByTestId('backup-warning')).toContainText('No recovery key');
    await page.screenshot({ path: `${SHOTS}/home-backup-warning-en.png`, animations: 'disabled' });

    await page.getByRole('button', { name: 'Backups' }).click();
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled();

    // A relative path is refused on the field, in words.
    await page.getByLabel('Destination folder').fill('backups');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Give the full path of the folder, starting with /')).toBeVisible();

    await page.getByLabel('Destination folder').fill(destination);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Backup settings saved.')).toBeVisible();
    await expect(page.getByTestId('backup-space')).toContainText('Free at the destination');

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByTestId('set-verified')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('backup-set')).toHaveCount(1);
    await expect(page.getByTestId('backup-set')).toContainText('By hand');
    await expect(page.getByTestId('backup-last-verified')).toContainText('Newest verified set');
    // Verify again: it runs in the background and the set stays verified.
    await page.getByRole('button', { name: /^Verify the set of / }).click();
    await expect(page.getByTestId('backup-running')).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('set-verified')).toBeVisible();

    // The recovery key: shown once, in groups; the sheet downloads; only the confirmation closes the dialog.
    await page.getByRole('button', { name: 'Create recovery key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create the key' }).click();
    const key = dialog.getByTestId('recovery-key');
    await expect(key).toBeVisible();
    // Nine groups of five digits, three to a line.
    const groups = (await key.innerText()).split(/\s+/).filter(Boolean);
    expect(groups).toHaveLength(9);
    for (const group of groups) expect(group).toMatch(/^\d{5}$/);
    await page.screenshot({ path: `${SHOTS}/backups-recovery-key-en.png`, animations: 'disabled' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download the recovery sheet (PDF)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^barnahus-recovery-key-\d{4}-\d{2}-\d{2}\.pdf$/);
    const sheet = fs.readFileSync(await download.path());
    expect(sheet.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeDisabled();
    await dialog.getByLabel('I have printed the recovery sheet and stored it in the director’s safe').check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('recovery-fingerprint')).toContainText('Fingerprint');

    await page.screenshot({ path: `${SHOTS}/backups-en.png`, fullPage: true, animations: 'disabled' });
    await page.screenshot({ path: testInfo.outputPath('backups-en.png'), fullPage: true, animations: 'disabled' });
    await switchLanguage(page, 'Română');
    await expect(page.getByRole('heading', { name: 'Copii de siguranță', level: 1 })).toBeVisible();
    await expect(page.getByTestId('set-verified')).toHaveText('Verificată');
    await page.screenshot({ path: `${SHOTS}/backups-ro.png`, fullPage: true, animations: 'disabled' });
    await switchLanguage(page, 'English');

    // Everything in place: home no longer warns.
    await page.getByRole('button', { name: 'Home' }).click();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    await expect(page.getByTestId('backup-warning')).toBeHidden();
    expect(watch.problems).toEqual([]);
  } finally {
    fs.rmSync(destination, { recursive: true, force: true });
  }
});
