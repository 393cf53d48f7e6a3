import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, expect, test } from './fixtures';

test('first run: set up the centre, sign in, switch language, sign out', async ({ page, host, watch }, testInfo) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Set up the centre' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-first-run.png'), fullPage: true });

  // Bad input gets a clear message on the field, and nothing is created.
  await page.getByRole('button', { name: 'Create the centre' }).click();
  await expect(page.getByText('This must be filled in.').first()).toBeVisible();
  await page.getByLabel('Name of the centre').fill('Barnahus Sofia');
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('Username').fill('maria petrova');
  await page.getByLabel('Password', { exact: true }).fill('too short');
  await page.getByLabel('Repeat the password').fill('something else');
  await page.getByRole('button', { name: 'Create the centre' }).click();
  await expect(page.getByText('Use only letters, digits and the characters . _ @ -')).toBeVisible();
  await expect(page.getByText('At least 12 characters.')).toBeVisible();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('02-first-run-errors.png'), fullPage: true });
  expect((await host.api<{ initialized: boolean }>('setup.status', {})).body.initialized).toBe(false);

  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat the password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create the centre' }).click();

  // The administrator signs in with the account just made.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('The centre is ready.')).toBeVisible();
  await expect(page.getByText('to Barnahus Sofia')).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The username or password is wrong.');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
  await expect(page.getByTestId('centre-name')).toHaveText('Barnahus Sofia');
  await expect(page.getByText('Administrator', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-home-en.png'), fullPage: true });

  // Every string follows the language switch.
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Română' }).click();
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(page.getByRole('heading', { name: `Bun venit, ${ADMIN.displayName}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Acasă' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await page.screenshot({ path: testInfo.outputPath('04-home-ro.png'), fullPage: true });

  await page.getByRole('button', { name: 'Limba' }).click();
  await page.getByRole('menuitem', { name: 'Български' }).click();
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(page.getByRole('heading', { name: `Добре дошли, ${ADMIN.displayName}` })).toBeVisible();
  await expect(page.getByText('Администратор', { exact: true })).toBeVisible();
  // Field messages follow the language too (checked on the centre form, with an over-long name).
  await page.getByRole('button', { name: 'Настройки на центъра' }).click();
  await page.getByLabel('Име на центъра').fill('Я'.repeat(161));
  await page.getByRole('button', { name: 'Запази' }).click();
  await expect(page.getByText('Максимален брой знаци: 160.')).toBeVisible();
  await page.getByRole('button', { name: 'Начало' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'bg');
  await page.screenshot({ path: testInfo.outputPath('05-home-bg.png'), fullPage: true });

  // Sign out, in Bulgarian; the language choice stays.
  await page.getByRole('button', { name: 'Профил', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Изход' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await expect(page.getByText('Излязохте от системата.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('06-signed-out-bg.png'), fullPage: true });

  // The session really ended on the host, not just in the page.
  const login = await host.api<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
  expect(login.status).toBe(200);

  // On disk: nothing of what was typed is readable.
  const files = (fs.readdirSync(host.dataDir, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(host.dataDir, file)).isFile());
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(host.dataDir, file));
    expect(bytes.includes(Buffer.from('Barnahus Sofia')), file).toBe(false);
    expect(bytes.includes(Buffer.from(ADMIN.displayName)), file).toBe(false);
  }
  expect(watch.problems).toEqual([]);
});

test('a reload keeps the chosen language', async ({ page, host, watch }) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Română' }).click();
  await expect(page.getByRole('heading', { name: 'Autentificare' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Autentificare' })).toBeVisible();
  await expect(page.getByText('în Barnahus Cluj')).toBeVisible();
  expect(watch.problems).toEqual([]);
});
