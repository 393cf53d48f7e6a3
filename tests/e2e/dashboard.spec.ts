import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test, type HostProcess } from './fixtures';

test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/ui-referrals-shots';
const DAY = 86_400_000;
const allDay = { open: true, start: '00:00', end: '23:59' };

async function pageFor(browser: Browser, host: HostProcess, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, host, username, password);
  return page;
}

test('an overdue referral appears on the dashboard of the referring worker and of the coordinator, links to the referrals tab, and is not shown to someone off the case', async ({
  page,
  browser,
  host,
  watch,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const worker = await colleague(host, 'vasile', 'Vasile Munteanu', 'child_protection', 'child_protection');
  const outsider = await colleague(host, 'petra', 'Петра Иванова', 'child_protection', 'child_protection');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  // Due dates end at midnight on the centre's clock: UTC here, like the browser.
  const resources = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: resources.rules.version,
    timeZone: 'UTC',
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 30,
    dailyLimit: 3,
  });
  const created = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Andreea', 'Lungu'));
  const otherCase = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Mihai', 'Popa'));
  await asIoana('cases.addMember', { caseId: created.id, userId: worker.id });
  await asIoana('cases.addMember', { caseId: otherCase.id, userId: outsider.id });

  // Sent four days ago, to be chased yesterday: overdue now.
  const asVasile = await apiAs(host, 'vasile', worker.password);
  const referral = await asVasile<{ id: number; version: number; overdue: boolean }>('referrals.save', {
    caseId: created.id,
    id: null,
    version: 0,
    subject: 'child',
    personId: null,
    serviceKind: 'shelter',
    serviceName: 'Adăpostul „Casa Speranței”',
    contact: '',
    sentAt: new Date(Date.now() - 4 * DAY).toISOString(),
    consentBasis: 'child_protection_emergency',
    followUpOn: new Date(Date.now() - DAY).toISOString().slice(0, 10),
    notes: '',
  });
  expect(referral.overdue).toBe(true);

  // The referring worker: on the home page and on the full list, in red, linking to the case's referrals tab.
  await signInAs(page, host, 'vasile', worker.password);
  const home = page.getByRole('region', { name: 'Needs attention' });
  const homeItem = home.getByTestId('attention-item').filter({ hasText: 'No news from Adăpostul „Casa Speranței”' });
  await expect(homeItem).toContainText(`${created.reference} Andreea Lungu`);
  await expect(homeItem).toHaveAttribute('data-overdue', 'true');
  await page.screenshot({ path: `${SHOTS}/10-home-worker.png`, fullPage: true, animations: 'disabled' });
  await home.getByRole('link', { name: 'See the full list' }).click();
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
  // Only coordinators choose the whole centre.
  await expect(page.getByRole('group', { name: 'Whose list' })).toBeHidden();
  await expect(page.getByTestId('attention-count-referral')).toContainText('1');
  await expect(page.getByTestId('attention-count-referral')).toContainText('overdue: 1');
  const item = page.getByTestId('attention-item').filter({ hasText: 'No news from Adăpostul „Casa Speranței”' });
  await expect(item).toContainText('Referral');
  await expect(item).toContainText(/Overdue by \d+ h/);
  await page.screenshot({ path: `${SHOTS}/11-dashboard-worker.png`, fullPage: true, animations: 'disabled' });
  await item.getByRole('link', { name: created.reference }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${created.id}\\?tab=referrals$`));
  await expect(page.getByRole('tab', { name: 'Referrals', selected: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Casa Speranței/ }).getByTestId('referral-overdue')).toContainText('Overdue since');
  await page.screenshot({ path: `${SHOTS}/12-referrals-overdue.png`, fullPage: true, animations: 'disabled' });

  // The coordinator: the whole centre's list has it too; the card filters to referrals.
  const coord = await pageFor(browser, host, 'ioana', coordinator.password);
  await coord.goto(`${host.url}/#/attention`);
  await coord.getByRole('button', { name: 'Whole centre' }).click();
  await expect(coord).toHaveURL(/scope=centre/);
  const centreItem = coord.getByTestId('attention-item').filter({ hasText: 'No news from Adăpostul „Casa Speranței”' });
  await expect(centreItem).toHaveAttribute('data-overdue', 'true');
  await coord.getByTestId('attention-count-referral').click();
  await expect(coord.getByTestId('attention-item')).toHaveCount(1);
  await expect(coord.getByText('Showing only: Referrals to chase.')).toBeVisible();
  await coord.screenshot({ path: `${SHOTS}/13-dashboard-coordinator-centre.png`, fullPage: true, animations: 'disabled' });
  await centreItem.getByRole('link', { name: created.reference }).click();
  await expect(coord).toHaveURL(new RegExp(`#/cases/${created.id}\\?tab=referrals$`));

  // Live: the worker's page drops the item once the referral is accepted with a new follow-up date.
  await page.goto(`${host.url}/#/attention`);
  await expect(item).toBeVisible();
  await asVasile('referrals.setStatus', { referralId: referral.id, version: referral.version, status: 'accepted', note: '', followUpOn: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10) });
  await expect(item).toBeHidden();

  // A colleague not on the case sees nothing of it, in either scope.
  await asVasile('referrals.save', {
    caseId: created.id,
    id: null,
    version: 0,
    subject: 'family',
    personId: null,
    serviceKind: 'family_support',
    serviceName: 'Fundația „Familia”',
    contact: '',
    sentAt: new Date(Date.now() - 3 * DAY).toISOString(),
    consentBasis: 'legal_duty',
    followUpOn: new Date(Date.now() - DAY).toISOString().slice(0, 10),
    notes: '',
  });
  const petra = await pageFor(browser, host, 'petra', outsider.password);
  await petra.goto(`${host.url}/#/attention`);
  await expect(petra.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
  await expect(petra.getByTestId('attention-count-referral')).toContainText('0');
  await expect(petra.getByText('Fundația „Familia”')).toBeHidden();
  await expect(petra.getByText(created.reference)).toBeHidden();
  const asPetra = await apiAs(host, 'petra', outsider.password);
  for (const scope of ['mine', 'centre']) {
    const items = await asPetra<{ caseId: number }[]>('cases.attention', { scope });
    expect(items.filter((i) => i.caseId === created.id)).toEqual([]);
  }
  await petra.screenshot({ path: `${SHOTS}/14-dashboard-outsider.png`, fullPage: true, animations: 'disabled' });
  await expect(page.getByTestId('attention-item').filter({ hasText: 'Fundația „Familia”' })).toBeVisible();

  // The dashboard in Bulgarian and Romanian.
  for (const [language, file] of [
    ['Български', '15-dashboard-bg.png'],
    ['Română', '16-dashboard-ro.png'],
  ] as const) {
    await coord.getByRole('button', { name: /Language|Limba|Език/ }).click();
    await coord.getByRole('menuitem', { name: language }).click();
    await expect(coord.getByRole('menu')).toBeHidden();
    await coord.goto(`${host.url}/#/attention?scope=centre`);
    await coord.screenshot({ path: `${SHOTS}/${file}`, fullPage: true, animations: 'disabled' });
  }
  expect(watch.problems).toEqual([]);
});
