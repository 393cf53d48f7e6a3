import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

// Times typed into the forms and the centre's clock are both UTC, so the test means the same anywhere.
test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/ui-medical-shots';
const allDay = { open: true, start: '00:00', end: '23:59' };

/** hh:00 UTC some days from today, as a datetime-local value. */
function dayAt(days: number, hour: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A full-page shot of a scrolled page draws the fixed app bar mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

async function logSession(page: Page, when: string, attendance: string, notes: string): Promise<void> {
  await page.getByRole('button', { name: 'Log a session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a therapy session' });
  await dialog.getByLabel('Date and time').fill(when);
  await choose(page, dialog, 'Attendance', attendance);
  if (notes) await dialog.getByLabel('Clinical notes').fill(notes);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('a therapist logs sessions with notes; the prosecutor on the team sees the attendance pattern, the no-show warning and the summary, never the notes', async ({
  page,
  browser,
  host,
  watch,
}) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const therapist = await colleague(host, 'tudor', 'Tudor Vlad', 'therapist', 'therapy');
  const prosecutor = await colleague(host, 'radu', 'Radu Ștefănescu', 'prosecutor', 'prosecution');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const rules = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: rules.rules.version,
    timeZone: 'UTC',
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 0,
    dailyLimit: 3,
  });
  const child = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Ilinca', 'Moraru'));
  await asIoana('cases.addMember', { caseId: child.id, userId: therapist.id });
  await asIoana('cases.addMember', { caseId: child.id, userId: prosecutor.id });
  // Therapy given needs the consent to it (tests/e2e/child-safety.spec.ts shows the warning and the refusal without one).
  await asIoana('cases.recordConsent', { caseId: child.id, scope: 'therapy', decision: 'given', personId: null, at: new Date(Date.now() - 60_000).toISOString(), note: '' });

  const note = 'Drew her family as birds on a wire; first night without nightmares';
  const summary = 'Weekly trauma-focused sessions; she engages well when she comes.';

  // ── The therapist ──
  await signInAs(page, host, 'tudor', therapist.password);
  await page.goto(`${host.url}/#/cases/${child.id}?tab=therapy`);
  await expect(page.getByText('No treatment plan yet.')).toBeVisible();
  await expect(page.getByTestId('pattern-attended')).toHaveText('Attended: 0');
  await shot(page, 'therapy-01-empty');

  // The plan: two goals and the summary the team may read.
  await page.getByRole('button', { name: 'Write the treatment plan' }).click();
  const plan = page.getByRole('dialog', { name: 'Treatment plan' });
  await plan.getByRole('button', { name: 'Add a goal' }).click();
  await plan.getByRole('button', { name: 'Add a goal' }).click();
  await plan.getByLabel('Goal', { exact: true }).nth(0).fill('Sleep through the night');
  await plan.getByLabel('Goal', { exact: true }).nth(1).fill('Name feelings at school');
  await plan.getByLabel('Next review').fill(dayAt(30, 0).slice(0, 10));
  await plan.getByLabel('Summary the case team may read').fill(summary);
  await shot(page, 'therapy-02-plan-dialog');
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(plan).toBeHidden();
  await expect(page.getByTestId('shared-summary')).toHaveText(summary);
  await expect(page.getByRole('list', { name: 'Goals' })).toContainText('Sleep through the night');

  // One attended session with a note, then two no-shows: the latest two were missed.
  await logSession(page, dayAt(-9, 13), 'Attended', note);
  await logSession(page, dayAt(-2, 13), 'No-show', '');
  await logSession(page, dayAt(-1, 13), 'No-show', '');
  // A session still ahead stays planned.
  await logSession(page, dayAt(5, 13), 'Planned', '');
  await expect(page.getByTestId('pattern-attended')).toHaveText('Attended: 1');
  await expect(page.getByTestId('pattern-no-show')).toHaveText('No-shows: 2');
  await expect(page.getByTestId('pattern-planned')).toHaveText('Planned: 1');
  await expect(page.getByTestId('no-show-alert')).toContainText('missed the last 2 sessions in a row');
  await expect(page.getByText(note)).toBeVisible();

  // An assessment: the score is the therapist's.
  await page.getByRole('button', { name: 'Record an assessment' }).click();
  const assessment = page.getByRole('dialog', { name: 'Record an assessment' });
  await assessment.getByLabel('Instrument').fill('CATS (Child and Adolescent Trauma Screen)');
  await assessment.getByLabel('Score').fill('T=68');
  await assessment.getByRole('button', { name: 'Save' }).click();
  await expect(assessment).toBeHidden();
  await expect(page.getByRole('table', { name: 'Assessments' })).toContainText('T=68');
  await shot(page, 'therapy-03-therapist');

  // Someone saves the plan while the therapist edits it: the refusal says who, and a second save keeps hers.
  await page.getByRole('button', { name: 'Edit the treatment plan' }).click();
  const edit = page.getByRole('dialog', { name: 'Treatment plan' });
  const asTudor = await apiAs(host, 'tudor', therapist.password);
  const stored = await asTudor<{ plan: { version: number } }>('therapy.get', { caseId: child.id });
  await asTudor('therapy.savePlan', { caseId: child.id, version: stored.plan.version, goals: [{ text: 'Sleep through the night', state: 'achieved' }], reviewOn: null, sharedSummary: summary });
  await edit.getByLabel('Summary the case team may read').fill(`${summary} Two sessions missed: the school will remind the mother.`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toContainText('Tudor Vlad changed the treatment plan at');
  await shot(page, 'therapy-04-plan-stale');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('shared-summary')).toContainText('the school will remind the mother');

  // ── The prosecutor on the case team, on a workstation of their own ──
  const context = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const radu = await context.newPage();
  await signInAs(radu, host, 'radu', prosecutor.password);
  const answer = radu.waitForResponse((r) => r.url().endsWith('/api/therapy.get'));
  await radu.goto(`${host.url}/#/cases/${child.id}?tab=therapy`);
  const body = await (await answer).text();
  expect(body).toContain('"attended"');
  expect(body).not.toContain('birds on a wire');
  expect(body).not.toContain('T=68');
  expect(body).not.toContain('Sleep through the night');

  await expect(radu.getByTestId('pattern-attended')).toHaveText('Attended: 1');
  await expect(radu.getByTestId('pattern-no-show')).toHaveText('No-shows: 2');
  await expect(radu.getByTestId('no-show-alert')).toBeVisible();
  await expect(radu.getByTestId('shared-summary')).toContainText(summary);
  await expect(radu.getByText('The treatment plan’s goals are visible to therapists only.')).toBeVisible();
  await expect(radu.getByText('Clinical notes are for therapists only.')).toHaveCount(1);
  await expect(radu.getByRole('table', { name: 'Sessions' }).getByRole('row')).toHaveCount(5);
  await expect(radu.getByText(note)).toHaveCount(0);
  await expect(radu.getByText('T=68')).toHaveCount(0);
  await expect(radu.getByText('Sleep through the night')).toHaveCount(0);
  await expect(radu.getByRole('button', { name: 'Log a session' })).toHaveCount(0);
  await shot(radu, 'therapy-05-prosecutor');

  // The same API, called directly with the prosecutor's session.
  const asRadu = await apiAs(host, 'radu', prosecutor.password);
  const seen = await asRadu<{ clinicalHidden: boolean; sessions: { notes: string }[] }>('therapy.get', { caseId: child.id });
  expect(seen.clinicalHidden).toBe(true);
  expect(JSON.stringify(seen)).not.toContain('birds on a wire');

  // The prosecutor's screen in Romanian and Bulgarian.
  await radu.getByRole('button', { name: 'Language' }).click();
  await radu.getByRole('menuitem', { name: 'Română' }).click();
  await expect(radu.getByTestId('pattern-no-show')).toHaveText('Neprezentări: 2');
  await expect(radu.getByText('Obiectivele planului de tratament sunt vizibile doar terapeuților.')).toBeVisible();
  await shot(radu, 'therapy-06-prosecutor-ro');
  await radu.getByRole('button', { name: 'Limba' }).click();
  await radu.getByRole('menuitem', { name: 'Български' }).click();
  await expect(radu.getByTestId('pattern-no-show')).toHaveText('Неявявания: 2');
  await expect(radu.getByText('Клиничните бележки са само за терапевтите.')).toBeVisible();
  await shot(radu, 'therapy-07-prosecutor-bg');
  await context.close();

  // The therapist marks the planned session, then closes the therapy.
  await page.getByRole('row', { name: /Planned/ }).getByRole('button', { name: 'Edit' }).click();
  const session = page.getByRole('dialog', { name: 'Edit the session' });
  await choose(page, session, 'Attendance', 'Attended');
  await session.getByRole('button', { name: 'Save' }).click();
  // It is still ahead: attended only once it has happened.
  await expect(session.getByText('Only a session that has happened can be attended or missed.')).toBeVisible();
  await shot(page, 'therapy-08-not-yet-held');
  await session.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Close therapy' }).click();
  const closing = page.getByRole('dialog', { name: 'Close the therapy' });
  await choose(page, closing, 'Reason', 'The family withdrew');
  await closing.getByLabel('Note').fill('Moved in with the grandmother in another county.');
  await closing.getByRole('button', { name: 'Close therapy' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByTestId('therapy-closure')).toContainText('The family withdrew');
  await expect(page.getByRole('button', { name: 'Log a session' })).toHaveCount(0);
  await shot(page, 'therapy-09-closed');
  expect(watch.problems).toEqual([]);
});
