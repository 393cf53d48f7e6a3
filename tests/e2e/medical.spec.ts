import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

// Times typed into the forms and the centre's clock are both UTC, so the test means the same anywhere.
test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/ui-medical-shots';
const allDay = { open: true, start: '00:00', end: '23:59' };

/** hh:mm UTC some days from today, as a datetime-local value and as an ISO moment. */
function dayAt(days: number, hour: number, minute = 0): { local: string; iso: string } {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, minute, 0, 0);
  return { local: d.toISOString().slice(0, 16), iso: d.toISOString() };
}

async function choose(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A full-page shot of a scrolled page draws the fixed app bar mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

test('an examination is booked around the child’s interview, recorded only once the consent stands, and the prosecutor reads no findings', async ({ page, browser, host, watch }) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Iași', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const doctor = await colleague(host, 'ana', 'Dr. Ana Popescu', 'medical', 'medical');
  const interviewer = await colleague(host, 'elena', 'Елена Димитрова', 'forensic_interviewer', 'barnahus_staff');
  const prosecutor = await colleague(host, 'radu', 'Radu Ștefănescu', 'prosecutor', 'prosecution');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const resources = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: resources.rules.version,
    timeZone: 'UTC',
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 30,
    dailyLimit: 3,
  });
  const interviewRoom = await asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name: 'Sala Mărțișor', kind: 'interview', equipment: '', active: true });
  await asIoana('resources.saveRoom', { id: null, version: 0, name: 'Cabinet medical 1', kind: 'medical', equipment: 'Colposcope', active: true });
  await asIoana('resources.saveInterviewer', { userId: interviewer.id, version: 0, certification: 'NICHD 2024', certifiedUntil: null, protocols: ['nichd'] });
  const child = await asIoana<{ id: number; reference: string }>('cases.create', {
    ...referralFor('Andreea', 'Lungu'),
    people: [
      {
        person: { new: { firstName: 'Elena', lastName: 'Lungu', phone: '0722 111 222' } },
        link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
      },
    ],
  });
  await asIoana('cases.addMember', { caseId: child.id, userId: doctor.id });
  await asIoana('cases.addMember', { caseId: child.id, userId: prosecutor.id });
  // The child's forensic interview: tomorrow 10:00–11:30.
  await asIoana('interviews.schedule', {
    caseId: child.id,
    supplementaryId: null,
    startsAt: dayAt(1, 10).iso,
    durationMinutes: 90,
    roomId: interviewRoom.id,
    observationRoomId: null,
    interviewerId: interviewer.id,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    invitees: [],
    planning: null,
  });

  // ── The coordinator books the examination ──
  await signInAs(page, host, 'ioana', coordinator.password);
  await page.goto(`${host.url}/#/cases/${child.id}?tab=medical`);
  await expect(page.getByText('No examination booked yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Book an examination' }).click();
  const book = page.getByRole('dialog', { name: 'Book a medical examination' });
  await book.getByLabel('Starts').fill(dayAt(1, 11).local);
  await book.getByRole('button', { name: 'Book' }).click();
  // Nothing chosen yet: the form says what is missing before the host is asked.
  await expect(book.getByText('Choose one of the options.').first()).toBeVisible();
  await choose(page, book, 'Medical room', 'Cabinet medical 1');
  await choose(page, book, 'Examiner', 'Dr. Ana Popescu');
  await book.getByLabel('Support person').fill('Elena Lungu (mother)');
  await book.getByLabel('Purpose').fill('Forensic examination agreed at the planning meeting.');
  await book.getByRole('button', { name: 'Book' }).click();
  // 11:00 falls within the child's interview: refused, in words, with the interview's times.
  const clash = book.getByTestId('slot-conflicts');
  await expect(clash).toContainText('The examination cannot be booked at this time');
  await expect(clash).toContainText('The child has a forensic interview 10:00–11:30');
  await shot(page, 'medical-01-clash');
  await book.getByLabel('Starts').fill(dayAt(1, 14).local);
  await book.getByRole('button', { name: 'Book' }).click();
  await expect(book).toBeHidden();
  const exam = page.getByRole('article').first();
  await expect(exam).toContainText('Forensic examination');
  await expect(exam).toContainText('Booked');
  await expect(exam).toContainText('Cabinet medical 1 · Dr. Ana Popescu');
  await expect(exam.getByTestId('exam-consent')).toHaveText('No consent to the examination recorded');
  await expect(exam.getByTestId('exam-consent-warning')).toContainText('Record the consent to the medical exam before the examination.');
  await shot(page, 'medical-02-booked');

  // Moving it needs a reason.
  await exam.getByRole('button', { name: 'Change or move' }).click();
  const move = page.getByRole('dialog', { name: 'Change or move the examination' });
  await move.getByLabel('Starts').fill(dayAt(1, 15).local);
  await move.getByRole('button', { name: 'Save' }).click();
  await expect(move.getByText('Say why.')).toBeVisible();
  await move.getByLabel('Why it changes (needed when it moves)').fill('The examiner is on call until 14:30.');
  await move.getByRole('button', { name: 'Save' }).click();
  await expect(move).toBeHidden();
  await expect(exam).toContainText('15:00');

  // A second booking, cancelled with its reason.
  await page.getByRole('button', { name: 'Book an examination' }).click();
  const second = page.getByRole('dialog', { name: 'Book a medical examination' });
  await choose(page, second, 'Kind of examination', 'Paediatric examination');
  await second.getByLabel('Starts').fill(dayAt(3, 9).local);
  await choose(page, second, 'Medical room', 'Cabinet medical 1');
  await choose(page, second, 'Examiner', 'Dr. Ana Popescu');
  await second.getByRole('button', { name: 'Book' }).click();
  await expect(second).toBeHidden();
  const paediatric = page.getByRole('article').filter({ hasText: 'Paediatric examination' });
  await paediatric.getByRole('button', { name: 'Cancel the examination' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel the examination' });
  await cancel.getByLabel('Why it is cancelled').fill('Not needed: the paediatrician saw her last week.');
  await cancel.getByRole('button', { name: 'Cancel the examination' }).click();
  await expect(cancel).toBeHidden();
  await expect(paediatric).toContainText('Cancelled: Not needed: the paediatrician saw her last week.');

  // ── The doctor, on a workstation of their own ──
  const doctorContext = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const ana = await doctorContext.newPage();
  await signInAs(ana, host, 'ana', doctor.password);
  await ana.goto(`${host.url}/#/cases/${child.id}?tab=medical`);
  const forensic = ana.getByRole('article').filter({ hasText: 'Forensic examination' });
  await forensic.getByRole('button', { name: 'Record the examination' }).click();
  const record = ana.getByRole('dialog', { name: 'Record the examination as held' });
  await expect(record.getByTestId('exam-consent-warning')).toBeVisible();
  const findings = 'Healed abrasion, left forearm (2 cm).\nNo acute injuries.';
  await record.getByLabel('Findings').fill(findings);
  await record.getByLabel('Summary for the case team').fill('Examined; a blood test was ordered.');
  await record.getByRole('button', { name: 'Save' }).click();
  // No consent to the exam: refused, in words, on the time it was performed.
  await expect(record.getByText('Record the consent to the medical exam on the case first.')).toBeVisible();
  await shot(ana, 'medical-03-record-refused');

  // The consent, recorded by the doctor through the link the warning gives.
  await record.getByRole('link', { name: 'Open the consents' }).click();
  await expect(ana.getByRole('tab', { name: 'Consents' })).toHaveAttribute('aria-selected', 'true');
  await ana.getByRole('button', { name: 'Record a consent' }).click();
  const consent = ana.getByRole('dialog');
  await choose(ana, consent, 'Consent to', 'Medical examination');
  await choose(ana, consent, 'Given or refused by', /Elena Lungu/);
  await consent.getByRole('button', { name: 'Save' }).click();
  await expect(ana.getByRole('row', { name: /Medical examination/ })).toContainText('Elena Lungu');

  await ana.getByRole('tab', { name: 'Medical' }).click();
  await expect(forensic.getByTestId('exam-consent')).toContainText('Consent to the examination given by Elena Lungu');
  await expect(forensic.getByTestId('exam-consent-warning')).toHaveCount(0);
  await forensic.getByRole('button', { name: 'Record the examination' }).click();
  const again = ana.getByRole('dialog', { name: 'Record the examination as held' });
  await again.getByLabel('Findings').fill(findings);
  await again.getByLabel('Summary for the case team').fill('Examined; a blood test was ordered.');
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again).toBeHidden();
  await expect(forensic).toContainText('Held');
  await expect(forensic).toContainText('Healed abrasion, left forearm (2 cm).');
  await expect(forensic).toContainText('Examined; a blood test was ordered.');

  // Follow-up needs: one overdue, one met.
  for (const [description, due] of [
    ['STI panel', dayAt(-1, 0).local.slice(0, 10)],
    ['Review by a dermatologist', dayAt(14, 0).local.slice(0, 10)],
  ] as const) {
    await forensic.getByRole('button', { name: 'Add a follow-up need' }).click();
    const need = ana.getByRole('dialog', { name: 'Add a follow-up need' });
    await need.getByLabel('What is needed').fill(description);
    await need.getByLabel('Due by').fill(due);
    await need.getByRole('button', { name: 'Save' }).click();
    await expect(need).toBeHidden();
  }
  const needs = forensic.getByRole('table', { name: 'Follow-up needs' });
  await expect(needs.getByRole('row', { name: /STI panel/ })).toContainText('Overdue');
  await expect(needs.getByRole('row', { name: /dermatologist/ })).not.toContainText('Overdue');
  await needs.getByRole('row', { name: /dermatologist/ }).getByRole('button', { name: 'Record the result' }).click();
  const result = ana.getByRole('dialog', { name: 'Record the result' });
  await result.getByLabel('Result').fill('Seen on the same day: nothing further needed.');
  await result.getByRole('button', { name: 'Save' }).click();
  await expect(result).toBeHidden();
  await expect(needs.getByRole('row', { name: /dermatologist/ })).toContainText('nothing further needed');
  await shot(ana, 'medical-04-doctor');
  await doctorContext.close();

  // ── The prosecutor on the team ──
  const prosecutorContext = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const radu = await prosecutorContext.newPage();
  await signInAs(radu, host, 'radu', prosecutor.password);
  const answer = radu.waitForResponse((r) => r.url().endsWith('/api/medical.list'));
  await radu.goto(`${host.url}/#/cases/${child.id}?tab=medical`);
  const body = await (await answer).text();
  expect(body).not.toContain('Healed abrasion');
  expect(body).not.toContain('STI panel');
  const seen = radu.getByRole('article').filter({ hasText: 'Forensic examination' });
  await expect(seen.getByText('Findings are visible to medical staff only.')).toBeVisible();
  // No information-sharing consent: the team's summary is held back from the team.
  await expect(seen.getByText('Summary withheld: the information-sharing consent is not given.')).toBeVisible();
  await expect(radu.getByText('Examined; a blood test was ordered.')).toHaveCount(0);
  await expect(seen.getByTestId('followups-pending')).toHaveText('Pending follow-up items: 1');
  await expect(radu.getByText('Healed abrasion', { exact: false })).toHaveCount(0);
  await expect(radu.getByRole('button', { name: 'Record the examination' })).toHaveCount(0);
  await expect(radu.getByRole('button', { name: 'Book an examination' })).toHaveCount(0);
  await shot(radu, 'medical-05-prosecutor');

  // Once the family consents to sharing, the team reads the summary: the open screen follows without a reload.
  await asIoana('cases.recordConsent', { caseId: child.id, scope: 'information_sharing', decision: 'given', personId: null, at: new Date().toISOString(), note: '' });
  await expect(seen).toContainText('Examined; a blood test was ordered.');
  await expect(seen.getByText('Findings are visible to medical staff only.')).toBeVisible();

  // The prosecutor's screen in Romanian and Bulgarian.
  await radu.getByRole('button', { name: 'Language' }).click();
  await radu.getByRole('menuitem', { name: 'Română' }).click();
  await expect(seen.getByText('Constatările sunt vizibile doar personalului medical.')).toBeVisible();
  await shot(radu, 'medical-06-prosecutor-ro');
  await radu.getByRole('button', { name: 'Limba' }).click();
  await radu.getByRole('menuitem', { name: 'Български' }).click();
  await expect(seen.getByText('Находките са видими само за медицинския персонал.')).toBeVisible();
  await shot(radu, 'medical-07-prosecutor-bg');
  await prosecutorContext.close();

  // The coordinator's screen followed too; in Romanian, the refusal of a clash reads in Romanian.
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Română' }).click();
  await page.getByRole('button', { name: 'Programează o examinare' }).click();
  const ro = page.getByRole('dialog', { name: 'Programarea unei examinări medicale' });
  await ro.getByLabel('Începe la').fill(dayAt(1, 10, 30).local);
  await choose(page, ro, 'Cabinet medical', 'Cabinet medical 1');
  await choose(page, ro, 'Medic examinator', 'Dr. Ana Popescu');
  await ro.getByRole('button', { name: 'Programează' }).click();
  await expect(ro.getByTestId('slot-conflicts')).toContainText('Copilul are un interviu judiciar');
  await shot(page, 'medical-08-clash-ro');
  await ro.getByRole('button', { name: 'Renunță' }).click();
  expect(watch.problems).toEqual([]);
});
