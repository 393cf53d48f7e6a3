import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

// The centre's clock is UTC; so is this browser's (a second one, below, is in New Zealand).
test.use({ timezoneId: 'UTC' });

const DAY = 86_400_000;

/** The first weekday after today (UTC), YYYY-MM-DD: bookings there are in the future for the host's real clock. */
function nextWeekday(): string {
  let day = new Date(Date.now() + DAY);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + DAY);
  return day.toISOString().slice(0, 10);
}

const open = { open: true, start: '08:00', end: '18:00' };
const closed = { open: false, start: '09:00', end: '13:00' };

type Box = { x: number; y: number; width: number; height: number };

/**
 * Where an element is on screen, asked until it has an answer: right after a change of view the
 * calendar re-renders, and an element measured at that moment is detached and has no box.
 */
async function boxOf(element: Locator): Promise<Box> {
  let box: Box | null = null;
  await expect(async () => {
    box = await element.boundingBox();
    expect(box, 'the calendar is not on screen').not.toBeNull();
  }).toPass({ timeout: 5_000 });
  return box as unknown as Box;
}

/** Drags a calendar block by some minutes up or down its column, as a person with a mouse would. */
async function dragBy(page: Page, block: Locator, minutes: number): Promise<void> {
  const hour = await boxOf(page.locator('.rbc-time-gutter .rbc-timeslot-group').first());
  const box = await boxOf(block);
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 20);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 8, { steps: 2 });
  // Aim at the middle of the 15-minute slot: the calendar snaps to the slot under the pointer.
  const aim = minutes + 7;
  await page.mouse.move(x, y + (aim * hour.height) / 60, { steps: 12 });
  await page.mouse.up();
}

const SHOTS = '/tmp/ui-calendar-shots';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A full-page shot of a scrolled page draws the fixed app bar mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** Drags a calendar block sideways into the column under a heading, as a person with a mouse would. */
async function dragInto(page: Page, block: Locator, heading: Locator): Promise<void> {
  const box = await boxOf(block);
  const target = await boxOf(heading);
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 20);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y, { steps: 2 });
  await page.mouse.move(target.x + target.width / 2, y, { steps: 12 });
  await page.mouse.up();
}

test('the calendar shows bookings by room and by interviewer, moves one by dragging, live on another workstation, and refuses a clash', async ({
  page,
  host,
  watch,
  browser,
}) => {
  test.setTimeout(120_000);
  await host.api('setup.initialize', { centreName: 'Barnahus Plovdiv', admin: ADMIN });
  const ioana = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const elena = await colleague(host, 'elena', 'Elena Georgieva', 'coordinator', 'barnahus_staff');
  const ana = await colleague(host, 'ana', 'Ana Petrova', 'forensic_interviewer', 'barnahus_staff');
  const boyan = await colleague(host, 'boyan', 'Boyan Dimitrov', 'forensic_interviewer', 'barnahus_staff');
  const asIoana = await apiAs(host, 'ioana', ioana.password);

  const day = nextWeekday();
  // Another weekday of the same week, closed for training; Fridays close an hour early.
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  const closedDate = new Date(Date.parse(`${day}T00:00:00Z`) + ((dow === 3 ? 4 : 3) - dow) * DAY).toISOString().slice(0, 10);
  const { rules } = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: rules.version,
    timeZone: 'UTC',
    hours: { mon: open, tue: open, wed: open, thu: open, fri: { ...open, end: '17:00' }, sat: closed, sun: closed },
    bufferMinutes: 15,
    dailyLimit: 4,
  });
  await asIoana('resources.setClosedDay', { date: closedDate, closed: true, reason: 'Staff training' });
  const room = (name: string, kind: string) => asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name, kind, equipment: '', active: true });
  const room1 = await room('Interview room 1', 'interview');
  const room2 = await room('Interview room 2', 'interview');
  const observation = await room('Observation room', 'observation');

  type Place = { roomId: number; observationRoomId: number | null; interviewerId: number };
  const schedule = (caseId: number, supplementaryId: number | null, time: string, minutes: number, place: Place) =>
    asIoana<{ id: number; version: number }>('interviews.schedule', {
      caseId,
      supplementaryId,
      startsAt: `${day}T${time}:00.000Z`,
      durationMinutes: minutes,
      ...place,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      invitees: [],
      planning: null,
    });
  const book = async (first: string, last: string, time: string, minutes: number, place: Place) => {
    const created = await asIoana<{ id: number; reference: string; version: number }>('cases.create', referralFor(first, last));
    const interview = await schedule(created.id, null, time, minutes, place);
    return { ...created, interviewId: interview.id, interviewVersion: interview.version };
  };
  const inRoom1 = { roomId: room1.id, observationRoomId: observation.id, interviewerId: ana.id };
  const inRoom2 = { roomId: room2.id, observationRoomId: null, interviewerId: boyan.id };
  const morning = await book('Andreea', 'Lungu', '09:00', 90, inRoom1);
  const afternoon = await book('Boris', 'Ivanov', '13:00', 90, inRoom1);
  // Around them: a cancelled booking, a supplementary interview of Boris, and a restricted case (only "busy" to anyone not on its team).
  const cancelled = await book('Cristina', 'Dobre', '16:00', 60, inRoom2);
  await asIoana('interviews.cancel', { interviewId: cancelled.interviewId, version: cancelled.interviewVersion, reason: 'The child is ill.' });
  const request = await asIoana<{ id: number }>('interviews.requestSupplementary', { caseId: afternoon.id, reason: 'new_disclosure', details: 'Told the therapist more.' });
  await asIoana('interviews.decideSupplementary', {
    requestId: request.id,
    decision: 'approved',
    deciderRole: 'prosecutor',
    deciderName: 'Prosecutor Ana Rusu',
    decidedAt: new Date().toISOString(),
    sameInterviewer: false,
    note: '',
  });
  await schedule(afternoon.id, request.id, '15:00', 60, inRoom2);
  const hidden = await asIoana<{ id: number; reference: string; version: number }>('cases.create', referralFor('Daria', 'Popa'));
  await asIoana('cases.setRestricted', { caseId: hidden.id, restricted: true, version: hidden.version });
  await schedule(hidden.id, null, '09:00', 90, inRoom2);
  const block = (p: Page, reference: string) => p.getByRole('button', { name: new RegExp(reference) });
  // Boris has two: the first interview, and the supplementary one.
  const borisFirst = (p: Page) => block(p, afternoon.reference).filter({ hasNotText: 'Supplementary' });

  // Week by room: both bookings in room 1, with the child's initials and the interviewer; the others around them.
  await signInAs(page, host, 'ioana', ioana.password);
  await page.goto(`${host.url}/#/calendar?date=${day}`);
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  await expect(block(page, morning.reference)).toContainText('09:00–10:30');
  await expect(block(page, morning.reference)).toContainText(`${morning.reference} · A.L.`);
  await expect(block(page, morning.reference)).toContainText('Ana Petrova');
  await expect(borisFirst(page)).toContainText('13:00–14:30');
  await expect(block(page, afternoon.reference).filter({ hasText: 'Supplementary' })).toContainText('15:00–16:00');
  await expect(block(page, cancelled.reference)).toHaveClass(/bd-ev-cancelled/);
  await expect(block(page, hidden.reference)).toBeVisible();
  await expect(page.locator('.rbc-header', { hasText: 'Interview room 2' }).first()).toBeVisible();
  await expect(page.locator('.rbc-header', { hasText: 'Closed: Staff training' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Supplementary interview');
  await page.screenshot({ path: 'test-results/calendar-week-by-room.png', fullPage: true });

  // Day by interviewer: Ana's column holds both, Boyan's the rest.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(block(page, morning.reference)).toBeVisible();
  await expect(borisFirst(page)).toBeVisible();
  await page.getByRole('button', { name: 'By person' }).click();
  await expect(page.locator('.rbc-header', { hasText: 'Ana Petrova' })).toBeVisible();
  await expect(page.locator('.rbc-header', { hasText: 'Boyan Dimitrov' })).toBeVisible();
  await expect(block(page, morning.reference)).toContainText('Interview room 1');
  await page.screenshot({ path: 'test-results/calendar-day-by-interviewer.png', fullPage: true });
  await page.getByRole('button', { name: 'By room' }).click();

  // Another coordinator, on a workstation in New Zealand, watches the same week: the centre's clock still.
  const other = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'Pacific/Auckland', viewport: { width: 1280, height: 800 } });
  const elenaPage = await other.newPage();
  await signInAs(elenaPage, host, 'elena', elena.password);
  await elenaPage.goto(`${host.url}/#/calendar?date=${day}`);
  await expect(elenaPage.getByText('Times are shown on the centre’s clock (UTC).')).toBeVisible();
  await expect(block(elenaPage, morning.reference)).toContainText('09:00–10:30');
  // The restricted case is not hers: its slot shows as busy, nothing more.
  await expect(elenaPage.getByRole('button', { name: /Busy/ })).toContainText('09:00–10:30');
  await expect(elenaPage.getByText(hidden.reference)).toHaveCount(0);
  await elenaPage.screenshot({ path: 'test-results/calendar-week-other-workstation.png', fullPage: true });

  // Drag the morning interview two hours later: a reason is asked for, then it moves.
  await dragBy(page, block(page, morning.reference), 120);
  const dialog = page.getByRole('dialog', { name: `Move interview ${morning.reference}` });
  await expect(dialog.getByTestId('move-summary')).toContainText('09:00–10:30');
  await expect(dialog.getByTestId('move-summary')).toContainText('11:00–12:30');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog.getByText('Say why.')).toBeVisible();
  await dialog.getByLabel('Why is it moving?').fill('The prosecutor is in court that morning.');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();
  await expect(block(page, morning.reference)).toContainText('11:00–12:30');
  await expect(page.getByRole('status').filter({ hasText: 'Interview moved to' })).toContainText('11:00');

  // The other workstation sees it move without reloading.
  await expect(block(elenaPage, morning.reference)).toContainText('11:00–12:30');
  await other.close();

  // Dragging the afternoon interview onto the morning one's new slot is refused: the room is taken.
  await dragBy(page, borisFirst(page), -120);
  const refused = page.getByRole('dialog', { name: `Move interview ${afternoon.reference}` });
  await refused.getByLabel('Why is it moving?').fill('The family asked for an earlier time.');
  await refused.getByRole('button', { name: 'Move' }).click();
  await expect(refused.getByTestId('slot-conflicts')).toContainText('The interview room is booked 11:00–12:30');
  await expect(refused.getByRole('button', { name: 'Move' })).toBeHidden();
  await page.screenshot({ path: 'test-results/calendar-refusal.png', fullPage: true });
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(borisFirst(page)).toContainText('13:00–14:30');

  // A booking opens its interview page.
  await block(page, morning.reference).click();
  await expect(page).toHaveURL(new RegExp(`#/interviews/${morning.interviewId}$`));
  expect(watch.problems).toEqual([]);
});

test('medical examinations stand on the calendar beside interviews: in their medical room and examiner’s column, busy to others, moved by dragging, opening the case’s Medical tab', async ({
  page,
  host,
  watch,
  browser,
}) => {
  test.setTimeout(120_000);
  await host.api('setup.initialize', { centreName: 'Barnahus Iași', admin: ADMIN });
  const ioana = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const doctor = await colleague(host, 'ana', 'Dr. Ana Popescu', 'medical', 'medical');
  const boyan = await colleague(host, 'boyan', 'Boyan Dimitrov', 'forensic_interviewer', 'barnahus_staff');
  const dan = await colleague(host, 'dan', 'Inspector Dan Pop', 'police', 'police');
  const asIoana = await apiAs(host, 'ioana', ioana.password);
  const day = nextWeekday();
  const { rules } = await asIoana<{ rules: { version: number } }>('resources.list', {});
  await asIoana('resources.saveRules', {
    version: rules.version,
    timeZone: 'UTC',
    hours: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: closed, sun: closed },
    bufferMinutes: 15,
    dailyLimit: 4,
  });
  const room = (name: string, kind: string) => asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name, kind, equipment: '', active: true });
  const interviewRoom = await room('Interview room 1', 'interview');
  const medicalRoom = await room('Cabinet medical 1', 'medical');
  const child = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Andreea', 'Lungu'));
  await asIoana('interviews.schedule', {
    caseId: child.id,
    supplementaryId: null,
    startsAt: `${day}T09:00:00.000Z`,
    durationMinutes: 90,
    roomId: interviewRoom.id,
    observationRoomId: null,
    interviewerId: boyan.id,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    invitees: [],
    planning: null,
  });
  const examine = (caseId: number, time: string, kind = 'forensic') =>
    asIoana<{ id: number }>('medical.schedule', {
      caseId,
      kind,
      startsAt: `${day}T${time}:00.000Z`,
      durationMinutes: 60,
      roomId: medicalRoom.id,
      examinerId: doctor.id,
      interpreterId: null,
      interpreterLanguage: '',
      supportPerson: '',
      purpose: 'Agreed at the planning meeting.',
    });
  await examine(child.id, '11:00');
  const exam = (p: Page, reference: string) => p.getByRole('button', { name: new RegExp(reference) }).filter({ hasText: 'examination' });

  // The coordinator's week by room: the exam in the medical room, with the child's initials, the doctor and the kind.
  await signInAs(page, host, 'ioana', ioana.password);
  await page.goto(`${host.url}/#/calendar?date=${day}`);
  await expect(page.locator('.rbc-header', { hasText: 'Cabinet medical 1' }).first()).toBeVisible();
  await expect(exam(page, child.reference)).toContainText('11:00–12:00');
  await expect(exam(page, child.reference)).toContainText(`${child.reference} · A.L.`);
  await expect(exam(page, child.reference)).toContainText('Dr. Ana Popescu');
  await expect(exam(page, child.reference)).toContainText('Forensic examination');
  await expect(exam(page, child.reference)).toHaveClass(/bd-ev-exam/);
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Medical examination');
  await shot(page, 'calendar-exams-01-week-by-room');

  // A police officer not on the case: the exam is "busy", and nothing of the child reaches the browser.
  const other = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const danPage = await other.newPage();
  await signInAs(danPage, host, 'dan', dan.password);
  const answer = danPage.waitForResponse((r) => r.url().endsWith('/api/interviews.calendar'));
  await danPage.goto(`${host.url}/#/calendar?date=${day}`);
  const body = await (await answer).text();
  for (const secret of ['Andreea', 'Lungu', child.reference, 'Agreed at the planning']) expect(body).not.toContain(secret);
  const busy = danPage.getByRole('button', { name: /Busy/ });
  await expect(busy).toHaveCount(2);
  await expect(busy.filter({ hasText: '11:00–12:00' })).toBeVisible();
  await expect(danPage.getByText('Forensic examination')).toHaveCount(0);

  // Another exam booked meanwhile shows on both screens without a reload.
  const second = await asIoana<{ id: number; reference: string }>('cases.create', referralFor('Boris', 'Ivanov'));
  await examine(second.id, '15:00', 'paediatric');
  await expect(busy).toHaveCount(3);
  await expect(exam(page, second.reference)).toContainText('Paediatric examination');
  await shot(danPage, 'calendar-exams-02-busy-to-police');
  await other.close();

  // The day by person: the doctor has a column of her own, marked as an examiner.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: 'By person' }).click();
  await expect(page.locator('.rbc-header', { hasText: 'Dr. Ana Popescu' })).toContainText('Examiner');
  await expect(page.locator('.rbc-header', { hasText: 'Boyan Dimitrov' })).toContainText('Interviewer');
  await expect(exam(page, child.reference)).toContainText('Cabinet medical 1');
  await shot(page, 'calendar-exams-03-day-by-person');

  // Dragged onto the interview room, the exam stays: it needs a medical room.
  await page.getByRole('button', { name: 'By room' }).click();
  await expect(page.locator('.rbc-header', { hasText: 'Interview room 1' })).toBeVisible();
  await expect(exam(page, child.reference)).toContainText('Dr. Ana Popescu');
  await dragInto(page, exam(page, child.reference), page.locator('.rbc-header', { hasText: 'Interview room 1' }));
  await expect(page.getByRole('status').filter({ hasText: 'An examination can only move to a medical room.' })).toBeVisible();
  await expect(exam(page, child.reference)).toContainText('11:00–12:00');

  // Dragged an hour later in its own room: a reason, then it moves.
  await dragBy(page, exam(page, child.reference), 60);
  const dialog = page.getByRole('dialog', { name: `Move examination ${child.reference}` });
  await expect(dialog.getByTestId('move-summary')).toContainText('11:00–12:00');
  await expect(dialog.getByTestId('move-summary')).toContainText('12:00–13:00');
  await expect(dialog.getByTestId('move-summary')).toContainText('Cabinet medical 1 · Dr. Ana Popescu');
  await dialog.getByLabel('Why is it moving?').fill('The doctor is called to the hospital that morning.');
  await shot(page, 'calendar-exams-04-move');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();
  await expect(exam(page, child.reference)).toContainText('12:00–13:00');
  await expect(page.getByRole('status').filter({ hasText: 'Examination moved to' })).toContainText('12:00');

  // Onto the other exam's hour it is refused, in the medical words.
  await dragBy(page, exam(page, child.reference), 180);
  const refused = page.getByRole('dialog', { name: `Move examination ${child.reference}` });
  await refused.getByLabel('Why is it moving?').fill('The family asked for the afternoon.');
  await refused.getByRole('button', { name: 'Move' }).click();
  await expect(refused.getByTestId('slot-conflicts')).toContainText('The examiner has another examination 15:00–16:00');
  await expect(refused.getByText('The examination stays where it was.')).toBeVisible();
  await shot(page, 'calendar-exams-05-refused');
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(exam(page, child.reference)).toContainText('12:00–13:00');

  // In Romanian.
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Română' }).click();
  await page.getByRole('button', { name: 'Săptămână', exact: true }).click();
  const ro = page.getByRole('button', { name: new RegExp(child.reference) }).filter({ hasText: 'Examinare medico-legală' });
  await expect(ro).toContainText('12:00–13:00');
  await expect(page.getByRole('list', { name: 'Legendă' })).toContainText('Examinare medicală');
  await expect(page.getByRole('button', { name: 'Pe persoane' })).toBeVisible();
  await shot(page, 'calendar-exams-06-week-ro');

  // An exam opens its case's Medical tab.
  await ro.click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${child.id}\\?tab=medical$`));
  await expect(page.getByRole('heading', { name: 'Examinări medicale' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});
