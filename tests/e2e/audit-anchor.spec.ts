import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, expect, signInAs, test } from './fixtures';

/**
 * The audit page compares the log with the checkpoints kept outside the
 * database and with one typed from a printed document, and says which
 * disagrees, in English, Romanian and Bulgarian.
 */

async function switchLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('button', { name: /Language|Limba|Език/ }).click();
  await page.getByRole('menuitem', { name: language }).click();
  await expect(page.getByRole('menu')).toBeHidden();
}

/** A checkpoint appended the way the host appends them (chained to the last line), naming entry 3 with a head the log never had: what a rewrite of the database after that checkpoint looks like from here. */
function appendForeignCheckpoint(file: string): void {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const prev = createHash('sha256').update(lines.at(-1)!).digest('hex');
  fs.appendFileSync(file, `${JSON.stringify({ entry: 3, head: 'ab'.repeat(32), at: '2026-12-07T19:03:00.000Z', reason: 'backup', prev })}\n`);
}

test('the audit page compares the log with its checkpoints and a printed one, and names the one that disagrees', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  await signInAs(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Audit log' }).click();
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'It agrees with all 1 checkpoints kept outside the database' })).toBeVisible();

  // A head that is not one: the field says why, nothing is asked of the host.
  await page.getByLabel('Entry').fill('2');
  await page.getByLabel('Head').fill('3f9c…e2a1');
  await page.getByRole('button', { name: 'Compare with the log' }).click();
  await expect(page.getByText('Type the head as printed: at least its first 16 characters (0–9, a–f).')).toBeVisible();

  await page.getByLabel('Head').fill('0123 4567 89ab cdef');
  await page.getByRole('button', { name: 'Compare with the log' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The printed checkpoint (entry 2) disagrees with the log' })).toBeVisible();

  appendForeignCheckpoint(path.join(path.dirname(host.dataDir), 'audit-anchors.log'));
  await page.getByRole('button', { name: 'Verify the log' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The log was rewritten.' });
  await expect(alert).toContainText('recorded entry 3 with head abababab…abab');
  await page.screenshot({ path: testInfo.outputPath('audit-anchor-en.png'), fullPage: true });

  await switchLanguage(page, 'Română');
  await page.getByRole('button', { name: 'Verifică jurnalul' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Jurnalul a fost rescris.' })).toContainText('a consemnat intrarea 3');
  await page.screenshot({ path: testInfo.outputPath('audit-anchor-ro.png'), fullPage: true });

  await switchLanguage(page, 'Български');
  await page.getByLabel('Запис').fill('2');
  await page.getByLabel('Хеш').fill('0123456789abcdef');
  await page.getByRole('button', { name: 'Сравни с дневника' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Дневникът е пренаписан.' })).toContainText('Отпечатаната контролна точка (запис 2) не съвпада');
  await page.screenshot({ path: testInfo.outputPath('audit-anchor-bg.png'), fullPage: true });
  expect(watch.problems).toEqual([]);
});
