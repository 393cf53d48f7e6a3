import type { Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, signInAs, test } from './fixtures';

/** A date `days` from today, YYYY-MM-DD (the browser and the test run on the same machine). */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function shot(page: Page, name: string): Promise<void> {
  // The app bar is fixed: from the top, a full-page picture shows it where it belongs.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/schedule-settings-${name}.png`, fullPage: true, animations: 'disabled' });
}

test('a coordinator sets up rooms, interviewers, interpreters, working hours and closed days; they persist', async ({ page, host, watch }) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  await colleague(host, 'a.stan', 'Ana Stan', 'forensic_interviewer', 'barnahus_staff');
  await signInAs(page, host, 'ioana', coordinator.password);
  await page.getByRole('button', { name: 'Rooms and scheduling' }).click();
  await expect(page.getByRole('heading', { name: 'Rooms and scheduling' })).toBeVisible();
  await expect(page.getByText('No rooms yet.')).toBeVisible();
  await shot(page, 'rooms-empty');

  // Rooms: an interview room and an observation room.
  await page.getByRole('button', { name: 'Add a room' }).click();
  let dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill('Interview room 1');
  await dialog.getByLabel('Equipment').fill('Two cameras');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Add a room' }).click();
  dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This must be filled in.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Observation room');
  await dialog.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'Observation room' }).click();
  await dialog.getByLabel('Equipment').fill('One-way mirror, two monitors, headset to the interviewer');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Observation room.*Observation room.*One-way mirror.*Active/ })).toBeVisible();

  // Editing the interview room's equipment.
  await page.getByRole('button', { name: 'Edit room Interview room 1' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Interview room 1' });
  await expect(dialog.getByLabel('Equipment')).toHaveValue('Two cameras');
  await dialog.getByLabel('Equipment').fill('Two cameras, ceiling microphone, toys for under-fives');
  await shot(page, 'room-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Interview room 1.*Interview room.*ceiling microphone/ })).toBeVisible();
  await shot(page, 'rooms');

  // A stale edit: someone else changes the observation room while its dialog is open here.
  await page.getByRole('button', { name: 'Edit room Observation room' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Observation room' });
  await dialog.getByLabel('Equipment').fill('Mine: one-way mirror');
  const asCoordinator = await apiAs(host, 'ioana', coordinator.password);
  const rooms = await asCoordinator<{ rooms: { id: number; name: string; version: number }[] }>('resources.list', {});
  const observation = rooms.rooms.find((r) => r.name === 'Observation room');
  await asCoordinator('resources.saveRoom', { ...observation, kind: 'observation', equipment: 'Theirs: mirror and three monitors', active: true });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone else saved a change while you were editing.');
  await expect(dialog.getByLabel('Equipment')).toHaveValue('Theirs: mirror and three monitors');
  await shot(page, 'room-conflict');
  await dialog.getByLabel('Equipment').fill('One-way mirror, two monitors, headset to the interviewer');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The forensic interviewer (an account with the role): certification, validity, protocols.
  const certifiedUntil = inDays(40);
  await page.getByRole('tab', { name: 'Forensic interviewers' }).click();
  await expect(page.getByRole('row', { name: /Ana Stan.*Not recorded.*No end date/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit certification of Ana Stan' }).click();
  dialog = page.getByRole('dialog', { name: 'Certification of Ana Stan' });
  const history = dialog.getByRole('region', { name: 'Recorded certifications' });
  await expect(history).toContainText('Nothing recorded yet.');
  await dialog.getByLabel('Certification', { exact: true }).fill('NICHD certified, Bucharest 2024');
  await dialog.getByLabel('Valid until').fill(certifiedUntil);
  await dialog.getByRole('checkbox', { name: 'NICHD protocol', exact: true }).check();
  await dialog.getByRole('checkbox', { name: 'PEACE model' }).check();
  await shot(page, 'interviewer-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const interviewerRow = page.getByRole('row', { name: /Ana Stan/ });
  await expect(interviewerRow).toContainText('NICHD certified, Bucharest 2024');
  await expect(interviewerRow).toContainText('Expires within 60 days');
  await expect(interviewerRow).toContainText('NICHD protocol');
  await expect(interviewerRow).toContainText('PEACE model');
  await shot(page, 'interviewers');

  // Renewed: the old certification stays on record (court summaries print the one held on the interview day).
  await page.getByRole('button', { name: 'Edit certification of Ana Stan' }).click();
  await dialog.getByLabel('Certification', { exact: true }).fill('NICHD recertified, Sofia 2026');
  const renewedUntil = inDays(1000);
  await dialog.getByLabel('Valid until').fill(renewedUntil);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(interviewerRow).toContainText('NICHD recertified, Sofia 2026');
  await page.getByRole('button', { name: 'Edit certification of Ana Stan' }).click();
  const entries = history.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('NICHD recertified, Sofia 2026');
  await expect(entries.nth(0)).toContainText('by Ioana Marin');
  await expect(entries.nth(1)).toContainText('NICHD certified, Bucharest 2024');
  await shot(page, 'interviewer-history');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // An interpreter with two languages, typed as chips.
  await page.getByRole('tab', { name: 'Interpreters' }).click();
  await page.getByRole('button', { name: 'Add an interpreter' }).click();
  dialog = page.getByRole('dialog', { name: 'New interpreter' });
  await dialog.getByLabel('Name').fill('Elena Dimitrova');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Choose one of the options.')).toBeVisible();
  const languages = dialog.getByRole('combobox', { name: 'Languages' });
  await languages.fill('Romani');
  await languages.press('Enter');
  await languages.fill('Bulgarian');
  await languages.press('Enter');
  await dialog.getByLabel('Phone').fill('+359 88 123 4567');
  await dialog.getByLabel('Notes').fill('Mornings only.');
  await shot(page, 'interpreter-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const interpreterRow = page.getByRole('row', { name: /Elena Dimitrova/ });
  await expect(interpreterRow).toContainText('Romani');
  await expect(interpreterRow).toContainText('Bulgarian');
  await shot(page, 'interpreters');

  // Working hours and rules: Friday ends at 16:00, a 45-minute buffer, a time zone.
  await page.getByRole('tab', { name: 'Working hours and rules' }).click();
  await expect(page.getByLabel('Friday: closes')).toHaveValue('18:00');
  await expect(page.getByLabel('Saturday: opens')).toBeDisabled();
  await page.getByLabel('Friday: closes').fill('16:00');
  await page.getByLabel('Buffer between interviews (minutes)').fill('45');
  await page.getByLabel('Interviews per interviewer per day').fill('3');
  await expect(page.getByText('Guards against burnout')).toBeVisible();
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Bucharest');
  await page.getByRole('option', { name: 'Europe/Bucharest' }).click();
  await page.getByRole('button', { name: 'Save the hours and rules' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // An invalid entry is refused in words, before anything is sent.
  await page.getByLabel('Monday: closes').fill('07:30');
  await page.getByRole('button', { name: 'Save the hours and rules' }).click();
  await expect(page.getByText('This must be after the start.')).toBeVisible();
  await expect(page.getByText('Saved.')).toBeHidden();
  await shot(page, 'rules-invalid');

  // The host checks the same rule, with the same words, for any client that skips the form.
  const login = await host.api<{ token: string }>('auth.login', { username: 'ioana', password: coordinator.password });
  const hours = { open: true, start: '08:00', end: '18:00' };
  const refused = await host.api<{ error: { code: string; details: { issues: { path: string[]; message: string }[] } } }>(
    'resources.saveRules',
    {
      version: 1,
      timeZone: 'Europe/Bucharest',
      hours: { mon: { ...hours, end: '07:30' }, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours },
      bufferMinutes: 45,
      dailyLimit: 3,
    },
    login.body.token,
  );
  expect(refused.status).toBe(400);
  expect(refused.body.error.details.issues).toEqual([{ path: ['hours', 'mon', 'end'], code: 'custom', message: 'Must be after the start' }]);

  // Closed days: one added, one added then opened again.
  await page.getByRole('tab', { name: 'Closed days' }).click();
  await page.getByRole('button', { name: 'Close this day' }).click();
  await expect(page.getByText('Enter a valid date.')).toBeVisible();
  await page.getByLabel('Date').fill(inDays(30));
  await page.getByLabel('Reason').fill('Team training');
  await page.getByRole('button', { name: 'Close this day' }).click();
  await expect(page.getByRole('row', { name: /Team training/ })).toBeVisible();
  await page.getByLabel('Date').fill(inDays(31));
  await page.getByLabel('Reason').fill('Building work');
  await page.getByRole('button', { name: 'Close this day' }).click();
  const buildingWork = page.getByRole('row', { name: /Building work/ });
  await expect(buildingWork).toBeVisible();
  await buildingWork.getByRole('button', { name: /Open again/ }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Interviews can be booked on this day again.');
  await shot(page, 'closed-day-reopen');
  await confirm.getByRole('button', { name: 'Open again' }).click();
  await expect(buildingWork).toBeHidden();
  await shot(page, 'closed-days');

  // Everything is there after a reload (which signs out: the session lives in the page) and a new
  // sign-in; the Monday mistake was never saved.
  await page.reload();
  await signInAs(page, host, 'ioana', coordinator.password);
  await page.getByRole('button', { name: 'Rooms and scheduling' }).click();
  await expect(page.getByRole('row', { name: /Interview room 1.*ceiling microphone/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Observation room.*One-way mirror/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Forensic interviewers' }).click();
  await expect(page.getByRole('row', { name: /Ana Stan.*NICHD recertified.*PEACE model/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Interpreters' }).click();
  await expect(page.getByRole('row', { name: /Elena Dimitrova.*Romani.*Bulgarian/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Closed days' }).click();
  await expect(page.getByRole('row', { name: /Team training/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Building work/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Working hours and rules' }).click();
  await expect(page.getByLabel('Friday: closes')).toHaveValue('16:00');
  await expect(page.getByLabel('Monday: closes')).toHaveValue('18:00');
  await expect(page.getByLabel('Buffer between interviews (minutes)')).toHaveValue('45');
  await expect(page.getByLabel('Interviews per interviewer per day')).toHaveValue('3');
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Bucharest');
  await shot(page, 'rules');

  // What the host stored, as any client reads it.
  const stored = await asCoordinator<{
    rooms: { name: string; kind: string; equipment: string }[];
    interviewers: { name: string; certifiedUntil: string | null; protocols: string[] }[];
    interpreters: { name: string; languages: string[] }[];
    rules: { timeZone: string; hours: { fri: { end: string } }; bufferMinutes: number; dailyLimit: number };
    closedDays: { date: string; reason: string }[];
  }>('resources.list', {});
  expect(stored.rooms.map((r) => [r.name, r.kind])).toEqual([
    ['Interview room 1', 'interview'],
    ['Observation room', 'observation'],
  ]);
  expect(stored.interviewers).toMatchObject([{ name: 'Ana Stan', certifiedUntil: renewedUntil, protocols: ['nichd', 'peace'] }]);
  expect(stored.interpreters).toMatchObject([{ name: 'Elena Dimitrova', languages: ['Romani', 'Bulgarian'] }]);
  expect(stored.rules).toMatchObject({ timeZone: 'Europe/Bucharest', hours: { fri: { end: '16:00' } }, bufferMinutes: 45, dailyLimit: 3 });
  expect(stored.closedDays).toEqual([{ date: inDays(30), reason: 'Team training' }]);
  expect(watch.problems).toEqual([]);
});

test('a police officer has no scheduling settings: no menu entry, a notice on the page, and the API refuses', async ({ page, host, watch }) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  const officer = await colleague(host, 'i.popa', 'Ion Popa', 'police', 'police');
  await signInAs(page, host, 'i.popa', officer.password);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Calendar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rooms and scheduling' })).toHaveCount(0);
  await page.goto(`${host.url}/#/schedule-settings`);
  await expect(page.getByText('Only coordinators and administrators manage rooms and scheduling.')).toBeVisible();
  await shot(page, 'police');

  const login = await host.api<{ token: string }>('auth.login', { username: 'i.popa', password: officer.password });
  const refused = await host.api<{ error: { code: string } }>(
    'resources.saveRoom',
    { id: null, version: 0, name: 'Interview room 1', kind: 'interview', equipment: '', active: true },
    login.body.token,
  );
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('forbidden');
  const rules = await host.api('resources.setClosedDay', { date: inDays(10), closed: true, reason: 'No' }, login.body.token);
  expect(rules.status).toBe(403);
  expect(watch.problems).toEqual([]);
});
