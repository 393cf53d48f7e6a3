import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

test('a case moves through its statuses, records consents and a trafficking referral, and shows on the needs-attention list', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Iași', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const created = await asIoana<{ id: number; reference: string }>('cases.create', {
    ...referralFor('Andreea', 'Lungu'),
    people: [
      {
        person: { new: { firstName: 'Elena', lastName: 'Lungu', phone: '0722 111 222' } },
        link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
      },
    ],
  });

  await signInAs(page, host, 'ioana', coordinator.password);
  // The home page lists what needs attention; nothing is due within a day yet.
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText('Nothing needs attention right now.');
  await page.goto(`${host.url}/#/cases/${created.id}`);

  // Trafficking indicators suggest a referral to the national mechanism, as a task due within a day.
  await page.getByRole('button', { name: 'Edit indicators' }).click();
  await page.getByRole('dialog').getByRole('checkbox', { name: 'Owes a debt to someone' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(tasks).toContainText('Refer to the national anti-trafficking mechanism');
  await page.getByRole('button', { name: 'Needs attention' }).click();
  await expect(page.getByRole('list', { name: 'Needs attention' })).toContainText(`${created.reference} Andreea Lungu — Refer to the national anti-trafficking mechanism`);
  await page.screenshot({ path: testInfo.outputPath('01-attention.png'), fullPage: true });
  await page.goBack();
  await tasks.getByRole('button', { name: 'Not needed' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Not needed' }).click();
  await expect(page.getByRole('dialog').getByText('Say why.')).toBeVisible();
  await page.getByRole('dialog').getByLabel('Why is it not needed?').fill('Already referred by the police this morning.');
  await page.getByRole('dialog').getByRole('button', { name: 'Not needed' }).click();
  await expect(tasks).toContainText('Not needed by Ioana Marin');

  // Status: assessment done within its 72 hours; closing needs the outcome and its date.
  await page.getByRole('button', { name: 'Move to “Initial assessment”' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Move to “Planning”' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('deadline-initial_assessment')).toHaveAttribute('data-state', 'met');
  await page.getByRole('button', { name: 'Close the case' }).click();
  const close = page.getByRole('dialog');
  await close.getByRole('button', { name: 'Save' }).click();
  await expect(close.getByText('Choose the legal outcome.')).toBeVisible();
  await close.getByLabel('Legal outcome').click();
  await page.getByRole('option', { name: 'No prosecution initiated' }).click();
  await close.getByLabel('Date of the outcome').fill('2099-01-01');
  await close.getByRole('button', { name: 'Save' }).click();
  await expect(close.getByText('This date is in the future.')).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await close.getByLabel('Date of the outcome').fill(today);
  await close.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('closure')).toContainText('No prosecution initiated');
  await expect(page.getByTestId('deadline-interview')).toHaveAttribute('data-state', 'stopped');
  await page.screenshot({ path: testInfo.outputPath('02-closed.png'), fullPage: true });
  await page.getByRole('button', { name: 'Reopen the case' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog').getByText('Say why.')).toBeVisible();
  await page.getByRole('dialog').getByLabel('Reason', { exact: true }).fill('The child disclosed more to her therapist.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('closure')).toBeHidden();

  // Consents: the mother consents to the medical exam, then withdraws it.
  await page.getByRole('tab', { name: 'Consents' }).click();
  await page.getByRole('button', { name: 'Record a consent' }).click();
  const consent = page.getByRole('dialog');
  await consent.getByLabel('Consent to').click();
  await page.getByRole('option', { name: 'Medical examination' }).click();
  await consent.getByLabel('Given or refused by').click();
  await page.getByRole('option', { name: /Elena Lungu/ }).click();
  await consent.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('row', { name: /Medical examination/ });
  await expect(row).toContainText('Elena Lungu');
  await row.getByRole('button', { name: 'Withdrawn' }).click();
  await page.getByRole('dialog').getByLabel('Note').fill('Mother phoned: she wants to wait.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Withdrawn on');
  await page.screenshot({ path: testInfo.outputPath('03-consents.png'), fullPage: true, animations: 'disabled' });

  // The timeline tells it all, newest first, and filters by kind.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Recorded that consent to Medical examination was withdrawn');
  await page.getByRole('button', { name: 'Status' }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  await expect(timeline.getByRole('listitem').first()).toContainText('Reopened the case: The child disclosed more to her therapist.');
  await page.screenshot({ path: testInfo.outputPath('04-timeline-status.png'), fullPage: true });

  // The same screen in Romanian.
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Română' }).click();
  await expect(page.getByRole('menu')).toBeHidden();
  await page.getByRole('tab').first().click();
  await page.screenshot({ path: testInfo.outputPath('05-overview-ro.png'), fullPage: true });
  expect(watch.problems).toEqual([]);
});
