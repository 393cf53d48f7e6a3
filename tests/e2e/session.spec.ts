import { currentCode } from '../../electron/core/totp';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

test('the workstation locks after the idle time and shows no case data until the password is given', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Iași', admin: ADMIN });
  const admin = await apiAs(host, ADMIN.username, ADMIN.password);
  const policy = await admin<{ version: number }>('security.getPolicy', {});
  await admin('security.updatePolicy', { idleLockSeconds: 5, totpRequiredRoles: [], blindInterviewer: false, version: policy.version });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const created = await (await apiAs(host, 'ioana', coordinator.password))<{ id: number }>('cases.create', {
    ...referralFor('Ștefan', 'Țurcanu'),
    fields: { receivedAt: new Date(Date.now() - 60_000).toISOString(), source: 'neighbour', urgency: 'urgent', reported: 'Reported by a neighbour.' },
  });

  await signInAs(page, host, 'ioana', coordinator.password);
  await page.goto(`${host.url}/#/cases/${created.id}`);
  await expect(page.getByRole('heading', { name: 'Ștefan Țurcanu' })).toBeVisible();

  // Nobody touches the workstation.
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Signed in as Ioana Marin (ioana)')).toBeVisible();
  const content = await page.content();
  expect(content).not.toContain('Țurcanu');
  expect(content).not.toContain('Reported by a neighbour');
  await page.screenshot({ path: testInfo.outputPath('locked.png'), fullPage: true });

  await page.getByLabel('Password', { exact: true }).fill('not my password at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('The username or password is wrong.');
  await page.getByLabel('Password', { exact: true }).fill(coordinator.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Back where she was, the case fetched again.
  await expect(page.getByRole('heading', { name: 'Ștefan Țurcanu' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('two-factor sign-in: enrol with the QR code, then every sign-in asks for a code', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Varna', admin: ADMIN });
  await signInAs(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'My account' }).click();
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with the authenticator app' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('totp-enrol.png'), fullPage: true });
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('Code from the app').fill('123456');
  await page.getByRole('button', { name: 'Turn it on' }).click();
  await expect(page.getByText('That code does not match')).toBeVisible();
  await page.getByLabel('Code from the app').fill(currentCode(secret, new Date()));
  await page.getByRole('button', { name: 'Turn it on' }).click();
  await expect(page.getByText('Two-factor sign-in is on.')).toBeVisible();

  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This account uses two-factor sign-in.')).toBeVisible();
  // The code just used to enrol is spent; wait for the next one.
  await page.waitForTimeout(31_000 - (Date.now() % 30_000));
  await page.getByLabel('Code from the app').fill(currentCode(secret, new Date()));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
  expect(watch.problems).toEqual([]);
});
