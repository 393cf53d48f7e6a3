import { ADMIN, expect, signedIn, test } from './fixtures';

test('two workstations: a change appears on the other without a reload, and a stale edit gets a visible conflict', async ({
  page,
  browser,
  host,
  watch,
}, testInfo) => {
  await signedIn(page, host);
  const other = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  await second.goto(host.url);
  await second.getByLabel('Username').fill(ADMIN.username);
  await second.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.getByTestId('centre-name')).toHaveText('Barnahus Sofia');

  // Workstation A renames the centre; B's title bar follows by the host's change event.
  await page.getByRole('button', { name: 'Centre settings' }).click();
  await page.getByLabel('Name of the centre').fill('Barnahus Sofia – Lozenets');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(second.getByTestId('centre-name')).toHaveText('Barnahus Sofia – Lozenets');

  // Both edit; A saves first. B is told, and B's save is refused rather than overwriting A's.
  await second.getByRole('button', { name: 'Centre settings' }).click();
  await expect(second.getByLabel('Name of the centre')).toHaveValue('Barnahus Sofia – Lozenets');
  await second.getByLabel('Name of the centre').fill('Barnahus Sofia (B)');
  await page.getByLabel('Name of the centre').fill('Barnahus Sofia (A)');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(second.getByText('The centre settings were changed on another workstation.')).toBeVisible();
  await second.getByRole('button', { name: 'Save' }).click();
  const conflict = second.getByRole('alert');
  await expect(conflict).toContainText('Someone else saved the centre settings while you were editing.');
  await expect(conflict).toContainText('Barnahus Sofia (A)');
  await expect(second.getByLabel('Name of the centre')).toHaveValue('Barnahus Sofia (B)');
  await second.screenshot({ path: testInfo.outputPath('conflict.png'), fullPage: true });
  expect((await host.api<{ centreName: string }>('setup.status', {})).body.centreName).toBe('Barnahus Sofia (A)');

  // Having seen both, B keeps theirs deliberately.
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText('Saved.')).toBeVisible();
  await expect(page.getByTestId('centre-name')).toHaveText('Barnahus Sofia (B)');
  expect(watch.problems).toEqual([]);
  await other.close();
});
