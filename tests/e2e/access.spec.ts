import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

test('an administrator creates a police account; the officer sees no case until assigned, then exactly that one', async ({ page, browser, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const asCoordinator = await apiAs(host, 'ioana', coordinator.password);
  const assigned = await asCoordinator<{ id: number; reference: string }>('cases.create', referralFor('Ivan', 'Petrov'));
  const other = await asCoordinator<{ id: number; reference: string }>('cases.create', referralFor('Elena', 'Dobre'));

  // The administrator creates the officer's account.
  await signInAs(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill('Ion Popa');
  await dialog.getByLabel('Username').fill('i.popa');
  await dialog.getByLabel('Temporary password').fill('password1234');
  await dialog.getByLabel('Agency').click();
  await page.getByRole('option', { name: 'Police' }).click();
  await dialog.getByLabel('Job title').fill('Inspector');
  await dialog.getByRole('checkbox', { name: 'Police' }).check();
  await dialog.getByRole('button', { name: 'Create the account' }).click();
  await expect(dialog.getByText('This password is too easy to guess')).toBeVisible();
  await dialog.getByLabel('Temporary password').fill('first day at the centre');
  await dialog.getByRole('button', { name: 'Create the account' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Ion Popa/ });
  await expect(row).toContainText('i.popa');
  await expect(row).toContainText('Must change password');
  await page.screenshot({ path: testInfo.outputPath('01-accounts.png'), fullPage: true });

  // The officer signs in, must choose a password, and sees no cases.
  const officerContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  const officer = await officerContext.newPage();
  await signInAs(officer, host, 'i.popa', 'first day at the centre');
  await expect(officer.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await officer.getByLabel('Current password').fill('first day at the centre');
  await officer.getByLabel('New password').fill('the officer walks the long road');
  await officer.getByLabel('Repeat the password').fill('the officer walks the long road');
  await officer.getByRole('button', { name: 'Change the password' }).click();
  await officer.getByRole('button', { name: 'Cases' }).click();
  await expect(officer.getByText('There are no cases for you here yet.')).toBeVisible();
  await officer.screenshot({ path: testInfo.outputPath('02-officer-no-cases.png'), fullPage: true });

  // A guessed address shows nothing: the same words as for a case that does not exist.
  await officer.goto(`${host.url}/#/cases/${assigned.id}`);
  const notHers = await officer.getByRole('alert').textContent();
  await officer.goto(`${host.url}/#/cases/999`);
  await expect(officer.getByRole('alert')).toHaveText(notHers ?? '');
  expect(notHers).toContain('could not be found');

  // The coordinator puts the officer on one case's team, through the case screen.
  const coordinatorContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  const coord = await coordinatorContext.newPage();
  await signInAs(coord, host, 'ioana', coordinator.password);
  await coord.goto(`${host.url}/#/cases/${assigned.id}`);
  await coord.getByRole('tab', { name: 'Team and access' }).click();
  await coord.getByLabel('Colleague').click();
  await coord.getByRole('option', { name: /Ion Popa/ }).click();
  await coord.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(coord.getByRole('row', { name: /Ion Popa/ })).toBeVisible();
  await coord.screenshot({ path: testInfo.outputPath('03-team.png'), fullPage: true });

  // The officer's list follows without a reload: exactly that case.
  await officer.getByRole('button', { name: 'Cases' }).click();
  const rows = officer.getByRole('row').filter({ hasText: /BH-/ });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(assigned.reference);
  await expect(officer.getByText(other.reference)).toBeHidden();
  await officer.getByRole('link', { name: assigned.reference }).click();
  await expect(officer.getByRole('heading', { name: 'Ivan Petrov' })).toBeVisible();
  await expect(officer.getByText('Disclosed at school.')).toBeVisible();
  await officer.getByRole('button', { name: 'Language' }).click();
  await officer.getByRole('menuitem', { name: 'Български' }).click();
  await expect(officer.getByRole('menu')).toBeHidden();
  await expect(officer.getByRole('tab', { name: 'Общ преглед' })).toBeVisible();
  await officer.screenshot({ path: testInfo.outputPath('05-officer-case-bg.png'), fullPage: true });

  // "Who saw this case?" shows the officer's visit and the refused guess.
  await coord.getByRole('tab', { name: 'Who saw this case' }).click();
  await expect(coord.getByRole('row', { name: /i\.popa.*Viewed the case.*Allowed/ })).toBeVisible();
  await expect(coord.getByRole('row', { name: /i\.popa.*Viewed the case.*Refused/ }).first()).toBeVisible();
  await coord.screenshot({ path: testInfo.outputPath('04-who-saw.png'), fullPage: true });

  expect(watch.problems).toEqual([]);
  await officerContext.close();
  await coordinatorContext.close();
});

test('the audit log: the administrator filters it, verifies the chain and exports a CSV', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  await host.api('auth.login', { username: ADMIN.username, password: 'wrong password typed' });
  await signInAs(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('row', { name: /Signed in.*Refused/ })).toBeVisible();
  await page.getByLabel('Outcome').click();
  await page.getByRole('option', { name: 'Refused' }).click();
  await expect(page.getByRole('row', { name: /Signed in.*Allowed/ })).toBeHidden();
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The log is intact' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('audit.png'), fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^barnahus-audit-.*\.csv$/);
  const text = await new Promise<string>((resolve, reject) => {
    void file.createReadStream().then((stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', reject);
    });
  });
  expect(text).toMatch(/^\uFEFFid,time \([^)]+\),time \(UTC\),user/);
  expect(text).toContain('auth.login');
  expect(watch.problems).toEqual([]);
});
