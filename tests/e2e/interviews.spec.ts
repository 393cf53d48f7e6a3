import type { Locator, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

// Times typed into the form and the centre's working hours are both in UTC, so the test means the same anywhere.
test.use({ timezoneId: 'UTC' });

const allDay = { open: true, start: '00:00', end: '23:59' };

/** Tomorrow at hh:00 UTC, as a datetime-local value and as an ISO moment. */
function tomorrowAt(hour: number, days = 1): { local: string; iso: string } {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return { local: d.toISOString().slice(0, 16), iso: d.toISOString() };
}

async function choose(page: Page, scope: Locator, label: string, option: string, nth = 0): Promise<void> {
  await scope.getByLabel(label, { exact: true }).nth(nth).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a coordinator books an interview with an interpreter and three agencies, is refused a room clash, records attendance, and cannot book a second interview without a justification', async ({
  page,
  host,
  watch,
}, testInfo) => {
  test.setTimeout(120_000);
  await host.api('setup.initialize', { centreName: 'Barnahus Plovdiv', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const interviewer = await colleague(host, 'elena', 'Елена Димитрова', 'forensic_interviewer', 'barnahus_staff');
  await colleague(host, 'radu', 'Radu Ștefănescu', 'prosecutor', 'prosecution');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);

  const resources = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: resources.rules.version,
    timeZone: 'UTC',
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 30,
    dailyLimit: 3,
  });
  const room = await asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name: 'Стая „Мартеница“', kind: 'interview', equipment: 'Two cameras', active: true });
  await asIoana('resources.saveRoom', { id: null, version: 0, name: 'Sala Mărțișor', kind: 'interview', equipment: '', active: true });
  await asIoana('resources.saveRoom', { id: null, version: 0, name: 'Observation A', kind: 'observation', equipment: 'Screen, headsets', active: true });
  await asIoana('resources.saveInterpreter', { id: null, version: 0, name: 'Ali Yılmaz', languages: ['Turkish', 'Bulgarian'], phone: '', notes: '', active: true });
  await asIoana('resources.saveInterviewer', { userId: interviewer.id, version: 0, certification: 'NICHD 2024', certifiedUntil: null, protocols: ['nichd'] });

  const child = await asIoana<{ id: number; reference: string }>(
    'cases.create',
    referralFor('Айше', 'Хасанова', { child: { new: { firstName: 'Айше', lastName: 'Хасанова', interpreterNeeded: true, interpreterLanguage: 'Turkish' } } }),
  );
  const other = await asIoana<{ id: number }>('cases.create', referralFor('Mihai', 'Popa'));
  const nine = tomorrowAt(9);
  // Another child's interview already holds the Marteniza room tomorrow at 09:00.
  await asIoana('interviews.schedule', {
    caseId: other.id,
    supplementaryId: null,
    startsAt: nine.iso,
    durationMinutes: 90,
    roomId: room.id,
    observationRoomId: null,
    interviewerId: interviewer.id,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    invitees: [],
    planning: null,
  });

  await signInAs(page, host, 'ioana', coordinator.password);
  await page.goto(`${host.url}/#/cases/${child.id}?tab=interviews`);
  await expect(page.getByTestId('child-interview-count')).toContainText('across all their cases: 0.');
  await page.getByRole('button', { name: 'Book interview' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Starts').fill(tomorrowAt(10).local);
  await choose(page, dialog, 'Interview room', 'Стая „Мартеница“');
  await choose(page, dialog, 'Observation room', 'Observation A');
  await choose(page, dialog, 'Interviewer', 'Елена Димитрова · NICHD 2024');
  await expect(dialog.getByLabel('Language to interpret')).toHaveValue('Turkish');
  await dialog.getByRole('button', { name: 'Book' }).click();
  // The child needs an interpreter: the host refuses a booking without one.
  await expect(dialog.getByText('The child needs an interpreter: book one.')).toBeVisible();
  await choose(page, dialog, 'Interpreter', 'Ali Yılmaz (Turkish, Bulgarian)');
  await dialog.getByLabel('Support person').fill('Фатма Хасанова (aunt)');

  for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: 'Invite someone' }).click();
  await dialog.getByLabel('Name', { exact: true }).nth(0).fill('Inspector Dan Pop');
  await choose(page, dialog, 'Agency', 'Prosecutor', 1);
  await choose(page, dialog, 'Colleague', 'Radu Ștefănescu', 1);
  await dialog.getByLabel('Name', { exact: true }).nth(1).fill('Radu Ștefănescu');
  await choose(page, dialog, 'Agency', 'Defence counsel', 2);
  await dialog.getByLabel('Name', { exact: true }).nth(2).fill('Av. Georgi Ivanov');
  await dialog.getByRole('button', { name: 'Book' }).click();
  // 10:00 is within 30 minutes of the other interview ending at 10:30 in the same room: refused, with the reason.
  await expect(dialog.getByRole('alert').filter({ hasText: /room/i }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-room-clash.png'), animations: 'disabled' });
  await dialog.getByLabel('Starts').fill(tomorrowAt(13).local);
  await dialog.getByRole('button', { name: 'Book' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Forensic interviews' });
  await expect(table).toContainText('Стая „Мартеница“');
  await expect(table).toContainText('Ali Yılmaz (Turkish)');
  await expect(page.getByTestId('child-interview-count')).toContainText('across all their cases: 1.');
  await page.screenshot({ path: testInfo.outputPath('02-case-interviews.png'), fullPage: true });

  await table.getByRole('link', { name: 'Open' }).click();
  const attendance = page.getByRole('table', { name: 'Attendance' });
  // The day before, "Arrived now" is refused: an arrival lies on the interview's day.
  await attendance.getByRole('row', { name: /Елена Димитрова/ }).getByRole('button', { name: 'Arrived now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Must be on the day of the interview, at most two hours before it starts.' })).toBeVisible();
  await expect(attendance.getByRole('row', { name: /Елена Димитрова/ }).getByRole('button', { name: 'Arrived now' })).toBeVisible();

  // On the day (brought forward to a few minutes ago): invitees are listed already; one click records each arrival and departure.
  const interviewId = Number(/interviews\/(\d+)/.exec(page.url())![1]);
  const booked = await asIoana<Record<string, unknown> & { version: number }>('interviews.get', { interviewId });
  const keep = ['durationMinutes', 'roomId', 'observationRoomId', 'interviewerId', 'interpreterId', 'interpreterLanguage', 'supportPerson', 'invitees', 'planning'];
  await asIoana('interviews.update', {
    ...Object.fromEntries(keep.map((k) => [k, booked[k]])),
    interviewId,
    version: booked.version,
    reason: 'The child’s family asked for today.',
    startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 4 * 60_000).toISOString(),
    // Short, so that it still ends within today's working hours (until 23:59 UTC) when the suite runs late in the evening.
    durationMinutes: 15,
  });
  for (const name of ['Елена Димитрова', 'Ali Yılmaz', 'Фатма Хасанова (aunt)', 'Inspector Dan Pop', 'Radu Ștefănescu', 'Av. Georgi Ivanov']) {
    await expect(attendance.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) })).toBeVisible();
  }
  for (const name of ['Елена Димитрова', 'Ali Yılmaz', 'Inspector Dan Pop', 'Radu Ștefănescu']) {
    await attendance.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Arrived now' }).click();
    await expect(attendance.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Left now' })).toBeVisible();
  }
  await attendance.getByRole('row', { name: /Av\. Georgi Ivanov/ }).getByRole('button', { name: 'Absent' }).click();
  await expect(attendance.getByRole('row', { name: /Av\. Georgi Ivanov/ })).toContainText('Absent');
  await attendance.getByRole('row', { name: /Inspector Dan Pop/ }).getByRole('button', { name: 'Left now' }).click();
  await expect(attendance.getByRole('row', { name: /Inspector Dan Pop/ }).getByRole('button', { name: 'Left now' })).toBeHidden();
  // Someone not invited: the recording technician.
  await page.getByRole('button', { name: 'Add someone' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('Name', { exact: true }).fill('Ion Vasile');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(attendance.getByRole('row', { name: /Ion Vasile/ })).toContainText('not invited');

  const recorded = await asIoana<{ attendance: { name: string; arrivedAt: string | null; leftAt: string | null; absent: boolean }[] }>('interviews.forCase', { caseId: child.id }).then(
    (answer) => (answer as unknown as { interviews: { attendance: { name: string; arrivedAt: string | null; leftAt: string | null; absent: boolean }[] }[] }).interviews[0]!,
  );
  const byName = new Map(recorded.attendance.map((a) => [a.name, a]));
  expect(byName.get('Inspector Dan Pop')?.arrivedAt).not.toBeNull();
  expect(byName.get('Inspector Dan Pop')?.leftAt).not.toBeNull();
  expect(byName.get('Av. Georgi Ivanov')?.absent).toBe(true);
  expect(byName.get('Фатма Хасанова (aunt)')?.arrivedAt).toBeNull();
  await page.screenshot({ path: testInfo.outputPath('03-attendance.png'), fullPage: true });

  // One interview is the rule: a second booking for the same child, without an approved request, is refused with the reason.
  await page.getByRole('link', { name: child.reference }).click();
  await page.getByRole('button', { name: 'Book interview' }).click();
  const second = page.getByRole('dialog');
  await expect(second.getByText('This child has already had a forensic interview (in total: 1).', { exact: false })).toBeVisible();
  await second.getByLabel('Starts').fill(tomorrowAt(13, 3).local);
  await choose(page, second, 'Interview room', 'Sala Mărțișor');
  await choose(page, second, 'Interviewer', 'Елена Димитрова · NICHD 2024');
  await choose(page, second, 'Interpreter', 'Ali Yılmaz (Turkish, Bulgarian)');
  await second.getByRole('button', { name: 'Book' }).click();
  await expect(
    second.getByText('This child has already had a forensic interview. A second one needs an approved supplementary-interview request.'),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('04-second-refused.png'), animations: 'disabled' });
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('child-interview-count')).toContainText('across all their cases: 1.');

  // The timeline keeps the booking.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('main')).toContainText('Стая „Мартеница“');
  expect(watch.problems).toEqual([]);
});
