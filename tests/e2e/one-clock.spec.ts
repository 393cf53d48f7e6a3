import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

// The workstation is in New York, the centre in Bucharest: seven hours apart in winter, six or seven in summer.
test.use({ timezoneId: 'America/New_York' });

const SHOTS = '/tmp/one-clock';
const CENTRE = 'Europe/Bucharest';
const allDay = { open: true, start: '00:00', end: '23:59' };

/** HH:mm of a moment on a zone's wall clock. */
const hhmm = (moment: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(moment);

test('one interview shows the same time (the centre’s, 24-hour) on its page, the calendar, the case timeline and the court summary, from a workstation in another zone', async ({
  page,
  host,
  watch,
}) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });

  await host.api('setup.initialize', { centreName: 'Barnahus București', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const interviewer = await colleague(host, 'stefan', 'Ștefan Țăranu', 'forensic_interviewer', 'barnahus_staff');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const { rules } = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: rules.version,
    timeZone: CENTRE,
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 0,
    dailyLimit: 10,
  });
  const room = await asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name: 'Sala Mărțișor', kind: 'interview', equipment: '', active: true });
  await asIoana('resources.saveInterviewer', { userId: interviewer.id, version: 0, certification: 'NICHD 2024', certifiedUntil: null, protocols: ['nichd'] });
  const created = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Mila', 'Georgieva'));
  await asIoana('cases.addMember', { caseId: created.id, userId: interviewer.id });

  // Booked on a whole minute a few minutes ago (within the host's grace), so it can be recorded as held now.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 4 * 60_000);
  const interview = await asIoana<{ id: number; attendance: { id: number; name: string; version: number; userId: number | null; agency: string; role: string; location: string }[] }>(
    'interviews.schedule',
    {
      caseId: created.id,
      supplementaryId: null,
      startsAt: start.toISOString(),
      durationMinutes: 60,
      roomId: room.id,
      observationRoomId: null,
      interviewerId: interviewer.id,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      invitees: [],
      planning: null,
    },
  );
  for (const a of interview.attendance) {
    await asIoana('interviews.saveAttendee', { interviewId: interview.id, attendeeId: a.id, version: a.version, name: a.name, userId: a.userId, agency: a.agency, role: a.role, location: a.location, arrivedAt: start.toISOString(), leftAt: null, absent: false });
  }
  const current = await asIoana<{ version: number }>('interviews.get', { interviewId: interview.id });
  await asIoana('interviews.recordOutcome', {
    interviewId: interview.id,
    version: current.version,
    actualStart: start.toISOString(),
    actualEnd: new Date(start.getTime() + 2 * 60_000).toISOString(),
    breaks: [],
    protocol: 'nichd',
    questionsRelayed: false,
    disclosure: 'partial',
    remarks: '',
  });

  const centreTime = hhmm(start, CENTRE);
  const workstationTime = hhmm(start, 'America/New_York');
  expect(centreTime).not.toBe(workstationTime);

  await signInAs(page, host, 'ioana', coordinator.password);
  // The shell says once which clock the times are on.
  await expect(page.getByTestId('centre-clock')).toHaveText('Times are shown on the centre’s clock (Europe/Bucharest).');

  // ── The interview page ──
  await page.goto(`${host.url}/#/interviews/${interview.id}`);
  const main = page.getByRole('main');
  await expect(main).toContainText(`, ${centreTime} – `);
  await expect(main).not.toContainText(workstationTime);
  await expect(main).not.toContainText(/\b(AM|PM)\b/);
  await expect(page.getByTestId(`attendee-${interview.attendance[0]!.id}`)).toContainText(centreTime);
  await page.screenshot({ path: `${SHOTS}/01-interview-page.png`, fullPage: true, animations: 'disabled' });

  // ── The calendar ──
  await page.getByRole('navigation').getByRole('button', { name: 'Calendar' }).click();
  const block = page.locator('.rbc-event', { hasText: created.reference });
  await expect(block).toContainText(`${centreTime}–`);
  await expect(block).not.toContainText(workstationTime);
  await page.screenshot({ path: `${SHOTS}/02-calendar.png`, fullPage: true, animations: 'disabled' });

  // ── The case timeline ──
  await page.goto(`${host.url}/#/cases/${created.id}`);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  const booked = timeline.getByRole('listitem').filter({ hasText: 'Booked the forensic interview for' });
  await expect(booked).toContainText(`, ${centreTime} in Sala Mărțișor`);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Recorded the interview held on' })).toContainText(centreTime);
  await expect(timeline).not.toContainText(workstationTime);
  await page.screenshot({ path: `${SHOTS}/03-timeline.png`, fullPage: true, animations: 'disabled' });

  // ── The court summary ──
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByRole('region', { name: 'Issued documents' }).getByRole('button', { name: 'Issue court summary' }).click();
  const dialog = page.getByRole('dialog', { name: 'Issue a court summary' });
  await dialog.getByRole('radio', { name: /^Court/ }).check();
  await dialog.getByLabel('Recipient').fill('Tribunalul București');
  await dialog.getByLabel('Purpose').fill('Dosar probatoriu');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  const pdfPath = `${SHOTS}/court-summary.pdf`;
  await (await downloading).saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  fs.writeFileSync(`${SHOTS}/court-summary.txt`, text);
  expect(text).toContain(centreTime);
  expect(text).not.toContain(workstationTime);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdfPath, `${SHOTS}/summary`]);

  expect(watch.problems).toEqual([]);
});
