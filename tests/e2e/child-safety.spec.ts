import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, signInAs, test } from './fixtures';

const SHOTS = '/tmp/ui-child-safety-shots';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

test('an alleged step-parent is not informed by default, cannot consent, and therapy without consent is refused with a warning', async ({ page, browser, host, watch }) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const therapist = await colleague(host, 'tudor', 'Tudor Vlad', 'therapist', 'therapy');

  await signInAs(page, host, 'ioana', coordinator.password);
  await page.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'New referral' }).click();
  const referral = page.getByRole('region', { name: 'The referral' });
  await referral.getByLabel('Who referred').click();
  await page.getByRole('option', { name: 'School or kindergarten' }).click();
  const child = page.getByRole('region', { name: 'The child' });
  await child.getByLabel('First name').fill('Ilinca');
  await child.getByLabel('Last name').fill('Moraru');

  // Add a person → Step-parent → "Alleged perpetrator": "may be informed" is taken back, with why.
  const people = page.getByRole('region', { name: 'Legal guardians, carers and relatives' });
  await people.getByRole('button', { name: 'Add a person' }).click();
  const adult = people.getByRole('group').first();
  await adult.getByLabel('Relationship to the child').click();
  await page.getByRole('option', { name: 'Step-parent', exact: true }).click();
  await adult.getByLabel('First name').fill('Dorin');
  await adult.getByLabel('Last name').fill('Stan');
  const informed = adult.getByRole('checkbox', { name: 'May be informed about the case' });
  await expect(informed).toBeChecked();
  await adult.getByRole('checkbox', { name: 'Alleged perpetrator', exact: true }).check();
  await expect(informed).not.toBeChecked();
  await expect(adult.getByLabel('Why not (or what may be shared)')).toHaveValue('Alleged perpetrator: must not be told about the case.');
  // The case's category follows the person's relationship.
  await expect(referral.getByLabel('Alleged perpetrator (relationship to the child)')).toContainText('Step-parent');

  // Ticking it back without the override: the host refuses, in words, under that checkbox.
  await informed.check();
  await expect(adult.getByRole('checkbox', { name: /^Override/ })).toBeVisible();
  await page.getByRole('button', { name: 'Register the case' }).click();
  await expect(adult.getByText('An alleged perpetrator is not informed about the case unless you override this and say why.')).toBeVisible();
  await shot(page, '01-intake-refused');
  await informed.uncheck();
  await page.getByRole('button', { name: 'Register the case' }).click();

  // The overview names him first thing.
  await expect(page.getByRole('heading', { name: 'Ilinca Moraru' })).toBeVisible();
  const warning = page.getByTestId('do-not-inform');
  await expect(warning).toContainText('Must NOT be informed about the case');
  await expect(warning).toContainText('Dorin Stan (Step-parent, alleged perpetrator) — Alleged perpetrator: must not be told about the case.');
  await expect(page.getByRole('region', { name: 'Referral', exact: true })).toContainText('Step-parent');
  await shot(page, '02-overview');

  // Consent given by him is refused next to "Given or refused by".
  await page.getByRole('tab', { name: 'Consents' }).click();
  await page.getByRole('button', { name: 'Record a consent' }).click();
  const consent = page.getByRole('dialog');
  await consent.getByLabel('Consent to').click();
  await page.getByRole('option', { name: 'Therapy' }).click();
  await consent.getByLabel('Given or refused by').click();
  await page.getByRole('option', { name: 'Dorin Stan (Step-parent) — alleged perpetrator, cannot consent' }).click();
  await consent.getByRole('button', { name: 'Save' }).click();
  await expect(consent.getByText('An alleged perpetrator cannot consent for the child: record the decision of another guardian or of the child.')).toBeVisible();
  await shot(page, '03-consent-refused');
  await consent.getByRole('button', { name: 'Cancel' }).click();

  // The therapist: the tab says which consent is missing, and logging an attended session is refused.
  const caseUrl = page.url();
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const caseId = Number(/cases\/(\d+)/.exec(caseUrl)![1]);
  await asIoana('cases.addMember', { caseId, userId: therapist.id });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const tudor = await context.newPage();
  await tudor.goto(host.url);
  await tudor.getByLabel('Username').fill('tudor');
  await tudor.getByLabel('Password', { exact: true }).fill(therapist.password);
  await tudor.getByRole('button', { name: 'Sign in' }).click();
  // Password hashing is slow on purpose, and slower still on a busy build machine.
  await expect(tudor.getByRole('heading', { name: 'Sign in' })).toBeHidden({ timeout: 30_000 });
  await tudor.goto(`${host.url}/#/cases/${caseId}?tab=therapy`);
  await expect(tudor.getByTestId('therapy-consent-warning')).toContainText('No consent to therapy stands on this case');
  await shot(tudor, '04-therapy-warning');
  await tudor.getByRole('button', { name: 'Log a session' }).click();
  const dialog = tudor.getByRole('dialog', { name: 'Log a therapy session' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Record the consent to therapy on the case first.')).toBeVisible();
  await shot(tudor, '05-therapy-refused');
  await context.close();
  expect(watch.problems).toEqual([]);
});

test('the administrator sets the consent rule to warn; the therapist then logs the session, and the warning says the timeline records it', async ({ page, browser, host, watch }) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const therapist = await colleague(host, 'tudor', 'Tudor Vlad', 'therapist', 'therapy');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const created = await asIoana<{ id: number }>('cases.create', {
    fields: { receivedAt: new Date(Date.now() - 3_600_000).toISOString(), source: 'school', urgency: 'routine', reported: 'Disclosed at school.' },
    child: { new: { firstName: 'Ilinca', lastName: 'Moraru' } },
  });
  await asIoana('cases.addMember', { caseId: created.id, userId: therapist.id });

  await signInAs(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Centre settings' }).click();
  const rule = page.getByLabel('Medical and therapy work without the matching consent');
  await expect(rule).toContainText('Refuse to record it until the consent is recorded (recommended)');
  await rule.click();
  await page.getByRole('option', { name: 'Record it with a warning' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  // In Romanian, with its diacritics.
  await page.getByRole('button', { name: /Language|Limba|Език/ }).click();
  await page.getByRole('menuitem', { name: 'Română' }).click();
  await expect(page.getByLabel('Activitate medicală și terapeutică fără consimțământul corespunzător')).toContainText('Înregistrată, cu avertisment');
  await shot(page, '06-centre-rule-ro');

  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const tudor = await context.newPage();
  await tudor.goto(host.url);
  await tudor.getByLabel('Username').fill('tudor');
  await tudor.getByLabel('Password', { exact: true }).fill(therapist.password);
  await tudor.getByRole('button', { name: 'Sign in' }).click();
  await expect(tudor.getByRole('heading', { name: 'Sign in' })).toBeHidden({ timeout: 30_000 });
  await tudor.goto(`${host.url}/#/cases/${created.id}?tab=therapy`);
  await expect(tudor.getByTestId('therapy-consent-warning')).toContainText('the case timeline will say it was done without consent');
  await tudor.getByRole('button', { name: 'Log a session' }).click();
  const dialog = tudor.getByRole('dialog', { name: 'Log a therapy session' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(tudor.getByTestId('pattern-attended')).toHaveText('Attended: 1');
  await shot(tudor, '07-therapy-warned');
  await tudor.getByRole('tab', { name: 'Timeline' }).click();
  await expect(tudor.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first()).toContainText('Attended — without a consent to it');
  await context.close();
  expect(watch.problems).toEqual([]);
});
