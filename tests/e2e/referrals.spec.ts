import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/ui-referrals-shots';

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a child protection worker records referrals, is refused a consent basis without consent, and moves one from sent to accepted to done', async ({ page, host, watch }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await host.api('setup.initialize', { centreName: 'Barnahus Iași', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const worker = await colleague(host, 'vasile', 'Vasile Munteanu', 'child_protection', 'child_protection');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const created = await asIoana<{ id: number; reference: string }>('cases.create', {
    ...referralFor('Andreea', 'Lungu'),
    people: [
      {
        person: { new: { firstName: 'Elena', lastName: 'Lungu' } },
        link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
      },
      {
        person: { new: { firstName: 'Dorin', lastName: 'Lungu' } },
        link: { relationship: 'father', legalGuardian: true, carer: false, mayBeInformed: false, informNote: 'Alleged perpetrator', allegedPerpetrator: true },
      },
    ],
  });
  await asIoana('cases.addMember', { caseId: created.id, userId: worker.id });

  await signInAs(page, host, 'vasile', worker.password);
  await page.goto(`${host.url}/#/cases/${created.id}?tab=referrals`);
  const panel = page.getByRole('region', { name: 'Referrals to outside services' });
  await expect(panel).toContainText('No referral recorded yet.');

  // "Consent" is the first basis offered; the case has no information-sharing consent: said before saving, and refused on saving.
  await page.getByRole('button', { name: 'New referral' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog, 'Kind of service', 'Mental health');
  await dialog.getByLabel('Name of the service').fill('Centrul de Sănătate Mintală Iași');
  await dialog.getByLabel('Contact (person, phone, e-mail)').fill('Dr. Irina Pavel, 0232 000 000');
  await expect(dialog.getByTestId('sharing-consent-missing')).toContainText('There is no current consent to share information on this case.');
  await expect(dialog.getByLabel('Follow up on')).toHaveValue(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.screenshot({ path: `${SHOTS}/01-new-referral-no-consent.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The information-sharing consent is not given: record it, or choose another basis.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-consent-refused.png`, animations: 'disabled' });

  // A legal duty to refer needs no consent.
  await choose(page, dialog, 'Basis for sharing the child’s information', 'Legal duty');
  await expect(dialog.getByTestId('sharing-consent-missing')).toBeHidden();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: 'Referrals to outside services' });
  const mental = table.getByRole('row', { name: /Centrul de Sănătate Mintală Iași/ });
  await expect(mental).toContainText('Mental health');
  await expect(mental).toContainText('The child');
  await expect(mental).toContainText('by Vasile Munteanu');
  await expect(mental).toContainText('Legal duty');
  await expect(mental).toContainText('Sent');

  // With the mother's consent recorded, a referral of the father to a perpetrator programme on the basis of consent goes through.
  await asIoana('cases.recordConsent', {
    caseId: created.id,
    scope: 'information_sharing',
    decision: 'given',
    personId: (await asIoana<{ people: { person: { id: number; firstName: string } }[] }>('cases.get', { caseId: created.id })).people.find((p) => p.person.firstName === 'Elena')!.person.id,
    at: new Date(Date.now() - 60_000).toISOString(),
    note: '',
  });
  await page.getByRole('button', { name: 'New referral' }).click();
  await choose(page, dialog, 'Who the referral is for', 'An adult of the case');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Choose one of the adults of the case.')).toBeVisible();
  await choose(page, dialog, 'Adult of the case', 'Dorin Lungu (Father)');
  await choose(page, dialog, 'Kind of service', 'Perpetrator programme');
  await dialog.getByLabel('Name of the service').fill('Programul „Bărbați fără violență”');
  await expect(dialog.getByTestId('sharing-consent-missing')).toBeHidden();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /Bărbați fără violență/ })).toContainText('Dorin Lungu');
  await expect(table.getByRole('row', { name: /Bărbați fără violență/ })).toContainText('Consent to share information');

  // A correction: the dialog opens with what was saved.
  const programme = table.getByRole('row', { name: /Bărbați fără violență/ });
  await programme.getByRole('button', { name: 'Correct' }).click();
  await expect(dialog.getByLabel('Name of the service')).toHaveValue('Programul „Bărbați fără violență”');
  await dialog.getByLabel('Name of the service').fill('Programul „Bărbați fără violență” Iași');
  await dialog.getByLabel('Contact (person, phone, e-mail)').fill('Asociația Alternative Sociale');
  await page.screenshot({ path: `${SHOTS}/02b-correct-referral.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(programme).toContainText('Programul „Bărbați fără violență” Iași');

  // sent → accepted: only the statuses a sent referral may reach are offered.
  await mental.getByRole('button', { name: 'Update status' }).click();
  await dialog.getByLabel('New status', { exact: true }).click();
  const options = page.getByRole('option');
  await expect(options).toHaveText(['Accepted', 'In progress', 'Declined']);
  await page.screenshot({ path: `${SHOTS}/03-status-options-sent.png`, animations: 'disabled' });
  await page.getByRole('option', { name: 'Accepted' }).click();
  await dialog.getByLabel('Note (what the service said, the first appointment…)').fill('First appointment on Thursday at 10:00.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(mental).toContainText('Accepted');

  // The history: who moved it, when, with the note.
  await page.getByRole('button', { name: 'Show the history of the referral to Centrul de Sănătate Mintală Iași' }).click();
  const history = page.getByRole('table', { name: 'History' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('First appointment on Thursday at 10:00.');
  await expect(history).toContainText('Vasile Munteanu');
  await page.screenshot({ path: `${SHOTS}/04-referrals-tab.png`, fullPage: true, animations: 'disabled' });

  // accepted → done; "sent" is never offered again, and a done referral offers no status at all.
  await mental.getByRole('button', { name: 'Update status' }).click();
  await dialog.getByLabel('New status', { exact: true }).click();
  await expect(options).toHaveText(['In progress', 'Done', 'Declined']);
  await page.getByRole('option', { name: 'Done' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(mental).toContainText('Done');
  await expect(mental.getByRole('button', { name: 'Update status' })).toBeHidden();
  await expect(mental).toContainText('No follow-up');

  // The host refuses a move the screen does not offer, with the reason on the field.
  const token = (await host.api<{ token: string }>('auth.login', { username: 'vasile', password: worker.password })).body.token;
  const listed = await host.api<{ id: number; version: number; status: string }[]>('referrals.list', { caseId: created.id }, token);
  const done = listed.body.find((r) => r.status === 'done')!;
  const refused = await host.api('referrals.setStatus', { referralId: done.id, version: done.version, status: 'accepted', note: '', followUpOn: null }, token);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toContain('A referral cannot move from its status to this one');

  // Romanian and Bulgarian.
  for (const [language, file] of [
    ['Română', '05-referrals-ro.png'],
    ['Български', '06-referrals-bg.png'],
  ] as const) {
    await page.getByRole('button', { name: /Language|Limba|Език/ }).click();
    await page.getByRole('menuitem', { name: language }).click();
    await expect(page.getByRole('menu')).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/${file}`, fullPage: true, animations: 'disabled' });
  }
  await page.getByRole('button', { name: 'Ново насочване' }).click();
  await choose(page, dialog, 'Основание за предоставяне на информация за детето', 'Съгласие за обмен на информация');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/07-new-referral-bg.png`, animations: 'disabled' });
  expect(watch.problems).toEqual([]);
});
