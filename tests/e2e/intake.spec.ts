import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

test('a coordinator takes a referral for a Bulgarian child, links a known relative typed in Latin letters, and watches the 72-hour deadline', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Plovdiv', admin: ADMIN });
  const coordinator = await colleague(host, 'desi', 'Деси Иванова', 'coordinator', 'barnahus_staff');
  const asDesi = await apiAs(host, 'desi', coordinator.password);
  // A sister's earlier case: her father is known to the centre, in Cyrillic.
  const earlier = await asDesi<{ id: number; reference: string }>('cases.create', {
    ...referralFor('Мария', 'Георгиева', { people: [] }),
    people: [
      {
        person: { new: { firstName: 'Стоян', lastName: 'Георгиев', birthDate: '1984-05-12', phone: '+359 88 123 4567' } },
        link: { relationship: 'father', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
      },
    ],
  });

  await page.clock.install();
  await signInAs(page, host, 'desi', coordinator.password);
  await page.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'New referral' }).click();
  await expect(page.getByRole('heading', { name: 'New referral' })).toBeVisible();

  // Bad input is refused field by field, in words.
  await page.getByRole('button', { name: 'Register the case' }).click();
  const referral = page.getByRole('region', { name: 'The referral' });
  await expect(referral.getByText('Choose one of the options.')).toBeVisible();
  const child = page.getByRole('region', { name: 'The child' });
  await child.getByLabel('Date of birth').fill('2099-01-01');
  await page.getByRole('button', { name: 'Register the case' }).click();
  await expect(child.getByText('This date is in the future.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-intake-errors.png'), fullPage: true });

  // The call itself.
  await referral.getByLabel('Who referred').click();
  await page.getByRole('option', { name: 'School or kindergarten' }).click();
  await referral.getByLabel('Urgency').click();
  await page.getByRole('option', { name: 'Urgent' }).click();
  await referral.getByLabel('Referrer’s name').fill('Г-жа Петкова, училищен психолог');
  await referral.getByLabel('What was reported').fill('Told the school psychologist about beatings at home.');
  await referral.getByRole('checkbox', { name: 'Physical' }).check();
  await referral.getByRole('checkbox', { name: 'Witnessing domestic violence' }).check();
  await child.getByLabel('First name').fill('Иван');
  await child.getByLabel('Last name').fill('Георгиев');
  await child.getByLabel('Date of birth').fill('2015-09-03');
  await child.getByLabel('Languages spoken').fill('Bulgarian');
  await child.getByLabel('Languages spoken').press('Enter');

  // The father is already known: typing his name in Latin letters finds him.
  const people = page.getByRole('region', { name: 'Legal guardians, carers and relatives' });
  await people.getByRole('button', { name: 'Add a person' }).click();
  const relative = people.getByRole('group').first();
  await relative.getByLabel('Relationship to the child').click();
  await page.getByRole('option', { name: 'Father', exact: true }).click();
  await relative.getByLabel('First name').fill('Stoyan');
  await relative.getByLabel('Last name').fill('Georgiev');
  const known = relative.getByRole('region', { name: 'Already known to the centre' });
  await expect(known).toContainText('Стоян Георгиев');
  await expect(known).toContainText(earlier.reference);
  await page.screenshot({ path: testInfo.outputPath('02-known-relative.png'), fullPage: true });
  await known.getByRole('button', { name: 'Use this person: Стоян Георгиев' }).click();
  await expect(relative.getByText('Linked to a known person: Стоян Георгиев')).toBeVisible();
  await relative.getByRole('checkbox', { name: 'May be informed about the case' }).uncheck();
  await relative.getByRole('checkbox', { name: 'Alleged perpetrator' }).check();
  await relative.getByLabel('Why not (or what may be shared)').fill('Named by the child.');

  const files = page.getByRole('region', { name: 'Other agencies’ file numbers' });
  await files.getByLabel('Police file').fill('УРИ 1234/2026');
  await files.getByLabel('Prosecutor’s file').fill('ДП 567/2026');
  await page.getByRole('button', { name: 'Register the case' }).click();

  // The case file: the deadline runs from registration and counts down.
  await expect(page.getByRole('heading', { name: 'Иван Георгиев' })).toBeVisible();
  const assessment = page.getByTestId('deadline-initial_assessment');
  await expect(assessment).toContainText(/due in 2 d 23 h (59|58) min/);
  await page.clock.fastForward('10:00');
  await expect(assessment).toContainText(/due in 2 d 23 h (49|48) min/);
  await expect(page.getByRole('region', { name: 'File numbers' })).toContainText('УРИ 1234/2026');
  await page.screenshot({ path: testInfo.outputPath('03-case-overview.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Child and family' }).click();
  const father = page.getByRole('group', { name: 'Стоян Георгиев' });
  await expect(father).toContainText('Must NOT be informed');
  await expect(father).toContainText('+359 88 123 4567');
  await page.screenshot({ path: testInfo.outputPath('04-child-and-family.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').last()).toContainText(/Registered the referral.*child aged 11 years/);

  // Found again by the Latin spelling, or by the police file number.
  await page.getByRole('button', { name: 'Cases' }).click();
  await page.getByLabel('Search').fill('georgiev');
  await expect(page.getByRole('row').filter({ hasText: /BH-/ })).toHaveCount(2);
  await page.getByLabel('Search').fill('1234/2026');
  await expect(page.getByRole('row').filter({ hasText: /BH-/ })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: /BH-/ })).toContainText('Иван Георгиев');
  await page.screenshot({ path: testInfo.outputPath('05-search.png'), fullPage: true });

  // An unknown category is refused by the host with the field named, and nothing is registered.
  const unknown = await host.api('cases.create', { ...referralFor('Петър', 'Илиев'), fields: { receivedAt: new Date().toISOString(), source: 'horoscope', urgency: 'routine' } });
  expect(unknown.status).toBe(400);
  expect(JSON.stringify(unknown.body)).toContain('source');
  expect(watch.problems).toEqual([]);
});

test('two coordinators edit the same case at once: the second sees both versions and merges, nothing is lost', async ({ page, browser, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  const ioana = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const radu = await colleague(host, 'radu', 'Radu Pop', 'coordinator', 'barnahus_staff');
  const created = await (await apiAs(host, 'ioana', ioana.password))<{ id: number }>('cases.create', referralFor('Ștefan', 'Țurcanu'));

  await signInAs(page, host, 'ioana', ioana.password);
  await page.goto(`${host.url}/#/cases/${created.id}`);
  const otherContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const other = await otherContext.newPage();
  await signInAs(other, host, 'radu', radu.password);
  await other.goto(`${host.url}/#/cases/${created.id}`);

  // Both open the file numbers at the same time.
  await page.getByRole('button', { name: 'Edit file numbers' }).click();
  await other.getByRole('button', { name: 'Edit file numbers' }).click();
  await page.getByRole('dialog').getByLabel('Police file').fill('P-1001/2026');
  await page.getByRole('dialog').getByLabel('Court file').fill('J-77/2026');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await other.getByRole('dialog').getByLabel('Police file').fill('P-1002/2026');
  await other.getByRole('dialog').getByLabel('Prosecutor’s file').fill('123/P/2026');
  await other.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  const merge = other.getByRole('dialog', { name: 'Someone else changed this meanwhile' });
  await expect(merge).toBeVisible();
  await expect(merge).toContainText('P-1002/2026');
  await expect(merge).toContainText('P-1001/2026');
  await expect(merge).toContainText('Kept from the other person’s save: Court file');
  await expect(merge).toContainText('Kept from your changes: Prosecutor’s file');
  await other.screenshot({ path: testInfo.outputPath('06-merge.png'), animations: 'disabled' });
  await merge.getByRole('radio', { name: 'Police file: Saved by the other person' }).check();
  await merge.getByRole('button', { name: 'Save the merged version' }).click();
  await expect(merge).toBeHidden();

  // Both people's changes are there: the court file from one, the prosecutor's file from the other.
  const numbers = other.getByRole('region', { name: 'File numbers' });
  await expect(numbers).toContainText('P-1001/2026');
  await expect(numbers).toContainText('J-77/2026');
  await expect(numbers).toContainText('123/P/2026');
  await expect(page.getByRole('region', { name: 'File numbers' })).toContainText('123/P/2026');
  await other.getByRole('tab', { name: 'Timeline' }).click();
  await expect(other.getByRole('listitem').filter({ hasText: 'Radu Pop' }).first()).toContainText('Prosecutor’s file');
  await other.screenshot({ path: testInfo.outputPath('07-timeline.png'), fullPage: true });
  expect(watch.problems).toEqual([]);
  await otherContext.close();
});
