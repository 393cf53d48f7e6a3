import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test, type HostProcess } from './fixtures';

// Times typed into the form and the centre's clock are both UTC, so the test means the same anywhere.
test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/ui-meetings-shots';
const allDay = { open: true, start: '00:00', end: '23:59' };

async function choose(page: Page, scope: Locator, label: string, option: string | RegExp, nth = 0): Promise<void> {
  await scope.getByLabel(label, { exact: true }).nth(nth).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Another colleague's own browser, signed in. */
async function browserOf(browser: Browser, host: HostProcess, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  await signInAs(page, host, username, password);
  return page;
}

/** Today at hh:mm UTC, as a datetime-local value. */
function todayAt(hour: number): string {
  const d = new Date();
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

// Until CaseTimeline words the meeting kinds, it shows the kind itself; either is the entry.
const timelineHeld = /^Case review meeting \(Initial signal\) of .* held/;
const timelineActionCreated = /Action item for .*, due .*: /;
const timelineActionDone = /Action item done by /;

test('a coordinator plans a case review, records who came and what was decided, assigns action items; the owners find them on their task list; the minutes PDF names everyone in their own script', async ({
  page,
  browser,
  host,
  watch,
}) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await host.api('setup.initialize', { centreName: 'Barnahus Ruse', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const worker = await colleague(host, 'ivan', 'Иван Петров', 'child_protection', 'child_protection');
  const therapist = await colleague(host, 'dana', 'Dana Rusu', 'therapist', 'therapy');
  await colleague(host, 'pavel', 'Pavel Ionescu', 'police', 'police');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const resources = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: resources.rules.version,
    timeZone: 'UTC',
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 30,
    dailyLimit: 3,
  });
  const stefan = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Ștefan', 'Țăranu'));
  const mihai = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Mihai', 'Popa'));
  // Both owners are on Ștefan's team; the therapist is not on Mihai's.
  await asIoana('cases.addMember', { caseId: stefan.id, userId: worker.id });
  await asIoana('cases.addMember', { caseId: stefan.id, userId: therapist.id });
  await asIoana('cases.addMember', { caseId: mihai.id, userId: worker.id });

  // ── Planning, from Ștefan's case ──
  await signInAs(page, host, 'ioana', coordinator.password);
  await page.goto(`${host.url}/#/cases/${stefan.id}?tab=meetings`);
  await expect(page.getByText('This case has not been on a meeting’s agenda yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Plan a meeting for this case' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('group', { name: stefan.reference })).toContainText('Ștefan Țăranu');
  await choose(page, dialog, 'Type', 'Initial signal');
  await dialog.getByLabel('Starts').fill(todayAt(9));
  await dialog.getByLabel('Place').fill('Sala de ședințe, etaj 2');
  for (const name of ['Иван Петров', 'Dana Rusu']) {
    await dialog.getByLabel('Add colleague').fill(name.slice(0, 4));
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }
  await dialog.getByRole('button', { name: 'Add someone from outside' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Georgi Dimitrov');
  await choose(page, dialog, 'Agency', 'School / education', 2);
  // Colleagues come with their own agency.
  await expect(dialog.getByLabel('Agency', { exact: true }).nth(0)).toHaveText('Child protection');
  await expect(dialog.getByLabel('Agency', { exact: true }).nth(1)).toHaveText('Therapy / mental health');
  await page.screenshot({ path: `${SHOTS}/01-plan-dialog-members.png`, animations: 'disabled' });
  await dialog.getByLabel('Add a case: child’s name or reference').fill('Popa');
  await page.getByRole('option', { name: new RegExp('Mihai Popa') }).click();
  await dialog.getByRole('group', { name: stefan.reference }).getByLabel('Agenda', { exact: true }).fill('Protecție imediată; planul interviului.');
  await dialog.getByRole('group', { name: mihai.reference }).getByLabel('Agenda', { exact: true }).fill('Sprijin școlar.');
  await page.screenshot({ path: `${SHOTS}/01-plan-dialog-cases.png` });
  await dialog.getByRole('button', { name: 'Plan a meeting' }).click();
  await expect(dialog).toBeHidden();

  // ── On the day ──
  await expect(page.getByRole('heading', { name: 'Initial signal case review' })).toBeVisible();
  const meetingUrl = page.url();
  await page.getByRole('button', { name: 'Record as held' }).click();
  const held = page.getByRole('dialog');
  await held.getByRole('button', { name: 'Record as held' }).click();
  // Nobody is marked present yet: the host refuses, in its words.
  await expect(held.getByRole('alert')).toHaveText('Mark at least one member present.');
  await page.screenshot({ path: `${SHOTS}/02-present-required.png` });
  await held.getByRole('button', { name: 'Cancel' }).click();

  const members = page.getByRole('table', { name: 'Members' });
  for (const name of ['Иван Петров', 'Dana Rusu']) {
    await members.getByRole('checkbox', { name: `Present: ${name}` }).check();
    await expect(members.getByRole('checkbox', { name: `Present: ${name}` })).toBeChecked();
  }
  await expect(page.getByText('Present: 2 of 3')).toBeVisible();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog');
  await edit.getByRole('group', { name: stefan.reference }).getByLabel('Decisions', { exact: true }).fill('Evaluare psihologică; sprijin școlar prin DGASPC.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  const stefanSection = page.getByRole('region', { name: `${stefan.reference} · Ștefan Țăranu` });
  await expect(stefanSection).toContainText('Evaluare psihologică; sprijin școlar prin DGASPC.');

  await page.getByRole('button', { name: 'Record as held' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Record as held' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText(/^Recorded as held on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeHidden();
  await expect(members).toContainText('Absent');

  // ── Action items ──
  const addAction = async (what: string, owner: RegExp, due?: string) => {
    await stefanSection.getByRole('button', { name: 'Add action item' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('What').fill(what);
    await choose(page, add, 'Owner', owner);
    if (due) await add.getByLabel('Due').fill(due);
    await add.getByRole('button', { name: 'Add action item' }).click();
    return add;
  };
  // The police officer is not on Ștefan's team: refused, on the owner field.
  const refused = await addAction('Verifică dosarul penal', /Pavel Ionescu/);
  await expect(refused.getByText('This colleague cannot see the case: put them on the case team first.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/03-owner-cannot-see.png` });
  await choose(page, refused, 'Owner', /Иван Петров/);
  await expect(refused.getByLabel('Agency', { exact: true })).toHaveText('Child protection');
  await refused.getByLabel('What').fill('Organizează sprijinul școlar');
  await refused.getByRole('button', { name: 'Add action item' }).click();
  await expect(refused).toBeHidden();
  await addAction('Evaluare psihologică (CATS)', /Dana Rusu/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await addAction('Raport pentru următoarea analiză', /Dana Rusu/, new Date().toISOString().slice(0, 10));
  await expect(page.getByRole('dialog')).toBeHidden();
  const stefanActions = stefanSection.getByRole('table');
  await expect(stefanActions.getByRole('row')).toHaveCount(4);
  await expect(stefanActions).toContainText('Иван Петров');
  await page.screenshot({ path: `${SHOTS}/04-meeting-held.png`, fullPage: true });

  // ── Minutes ──
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Minutes (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^minutes-\d{4}-\d{2}-\d{2}-DOC-\d{4}-\d{5}-en\.pdf$/);
  // Each print is an issued document: the page names its number, which the file carries too.
  const number = /DOC-\d{4}-\d{5}/.exec(file.suggestedFilename())![0];
  await expect(page.getByTestId('minutes-issued')).toContainText(number);
  const pdfPath = `${SHOTS}/minutes.pdf`;
  await file.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Ștefan Țăranu');
  expect(text).toContain('Иван Петров');
  expect(text).toContain('Organizează sprijinul școlar');
  expect(text).toContain(`· ${number} · Meeting no.`);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdfPath, `${SHOTS}/minutes`]);

  // ── The list and the statistics ──
  await page.goto(`${host.url}/#/meetings`);
  const list = page.getByRole('grid', { name: 'Case review meetings' });
  await expect(list).toContainText('Initial signal');
  await expect(list).toContainText(stefan.reference);
  await expect(list).toContainText(mihai.reference);
  await expect(page.getByTestId('stats-held')).toContainText('1');
  await expect(page.getByTestId('stats-initial_signal')).toContainText('1');
  await expect(page.getByTestId('stats-cases')).toContainText('2');
  await page.screenshot({ path: `${SHOTS}/05-meetings-list.png`, fullPage: true });

  // ── The owners ──
  const ivan = await browserOf(browser, host, 'ivan', worker.password);
  await ivan.goto(`${host.url}/#/tasks`);
  const ivanOpen = ivan.getByRole('table', { name: 'To do' });
  await expect(ivanOpen.getByRole('row', { name: /Organizează sprijinul școlar/ })).toContainText(stefan.reference);
  await ivan.screenshot({ path: `${SHOTS}/06-tasks-ivan.png`, fullPage: true });
  await ivanOpen.getByRole('row', { name: /Organizează sprijinul școlar/ }).getByRole('button', { name: 'Mark done' }).click();
  await ivan.getByRole('dialog').getByLabel('Note (optional)').fill('Profesor de sprijin alocat.');
  await ivan.getByRole('dialog').getByRole('button', { name: 'Mark done' }).click();
  await expect(ivan.getByRole('dialog')).toBeHidden();
  await expect(ivan.getByText('Nothing to do: no open action items.')).toBeVisible();
  await expect(ivan.getByRole('table', { name: 'Done in the last 30 days' })).toContainText('Profesor de sprijin alocat.');
  await ivan.screenshot({ path: `${SHOTS}/07-tasks-ivan-done.png`, fullPage: true });

  const dana = await browserOf(browser, host, 'dana', therapist.password);
  await dana.goto(`${host.url}/#/tasks`);
  const danaOpen = dana.getByRole('table', { name: 'To do' });
  await expect(danaOpen.getByRole('row')).toHaveCount(3);
  await danaOpen.getByRole('row', { name: /Evaluare psihologică/ }).getByRole('button', { name: 'Mark done' }).click();
  await dana.getByRole('dialog').getByRole('button', { name: 'Mark done' }).click();
  await expect(danaOpen.getByRole('row')).toHaveCount(2);
  await expect(dana.getByRole('table', { name: 'Done in the last 30 days' })).toContainText('Evaluare psihologică (CATS)');
  // Mihai's case is not hers to see: the meeting says so, without naming it.
  await danaOpen.getByRole('link', { name: 'Initial signal' }).click();
  await expect(dana.getByText('Cases on this meeting that are not yours to see: 1.')).toBeVisible();
  await expect(dana.getByRole('main')).not.toContainText('Mihai Popa');
  await expect(dana.getByRole('button', { name: 'Add action item' })).toHaveCount(0);
  await dana.screenshot({ path: `${SHOTS}/08-meeting-therapist.png`, fullPage: true });

  // ── The case file ──
  await page.goto(`${host.url}/#/cases/${stefan.id}?tab=meetings`);
  const caseActions = page.getByRole('table', { name: 'Action items' });
  await expect(caseActions.getByRole('row')).toHaveCount(4);
  // Open first.
  await expect(caseActions.getByRole('row').nth(1)).toContainText('Raport pentru următoarea analiză');
  await expect(page.getByRole('table', { name: 'Case review meetings' })).toContainText('Evaluare psihologică; sprijin școlar prin DGASPC.');
  await page.screenshot({ path: `${SHOTS}/09-case-tab.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Meetings' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  // Planned, held, three items created, two done.
  await expect(timeline.getByRole('listitem')).toHaveCount(7);
  await expect(timeline.getByRole('listitem').filter({ hasText: timelineHeld })).toHaveCount(1);
  await expect(timeline.getByRole('listitem').filter({ hasText: timelineActionCreated })).toHaveCount(3);
  await expect(timeline.getByRole('listitem').filter({ hasText: timelineActionDone })).toHaveCount(2);
  await expect(timeline.getByRole('listitem').filter({ hasText: /^Put on the agenda of a case review meeting/ })).toHaveCount(1);
  // The raw kind never shows: every entry is a sentence.
  await expect(timeline).not.toContainText('_');
  await page.screenshot({ path: `${SHOTS}/10-timeline.png`, fullPage: true });

  // ── Romanian and Bulgarian ──
  for (const [language, path, file] of [
    ['Română', meetingUrl, '11-meeting-ro.png'],
    ['Български', `${host.url}/#/meetings`, '12-meetings-bg.png'],
  ] as const) {
    await page.goto(path);
    await page.getByRole('button', { name: /Language|Limba|Език/ }).click();
    await page.getByRole('menuitem', { name: language }).click();
    await expect(page.getByRole('menu')).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/${file}`, fullPage: true, animations: 'disabled' });
  }
  await dana.getByRole('button', { name: /Language|Limba|Език/ }).click();
  await dana.getByRole('menuitem', { name: 'Български' }).click();
  await dana.goto(`${host.url}/#/tasks`);
  await expect(dana.getByRole('heading', { name: 'Моите задачи' })).toBeVisible();
  await dana.screenshot({ path: `${SHOTS}/13-tasks-bg.png`, fullPage: true, animations: 'disabled' });
  await dana.getByRole('link', { name: 'Първоначален сигнал' }).first().click();
  const bgDownload = dana.waitForEvent('download');
  await dana.getByRole('button', { name: 'Протокол (PDF)' }).click();
  expect((await bgDownload).suggestedFilename()).toMatch(/-bg\.pdf$/);
  expect(watch.problems).toEqual([]);
});
