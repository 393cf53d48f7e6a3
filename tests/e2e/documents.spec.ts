import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { Browser, Page } from '@playwright/test';
import { claimedDocumentNumber } from '../../shared/documents/profiles';
import { sineWav } from '../support/wav';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test, type HostProcess } from './fixtures';

// The browser's clock is UTC, so the test means the same anywhere.
test.use({ timezoneId: 'UTC' });

const SHOTS = '/tmp/helperC';
const allDay = { open: true, start: '00:00', end: '23:59' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** PUTs a file to the host's one-time upload address, as the register dialog does. */
function put(host: HostProcess, url: string, token: string, bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${host.url}${url}`,
      {
        method: 'PUT',
        rejectUnauthorized: false,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), authorization: `Bearer ${token}` },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(bytes);
  });
}

async function switchLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('button', { name: /Language|Limba|Език/ }).click();
  await page.getByRole('menuitem', { name: language }).click();
  await expect(page.getByRole('menu')).toBeHidden();
}

async function browserOf(browser: Browser, host: HostProcess, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  await signInAs(page, host, username, password);
  return page;
}

test('an assigned prosecutor issues a court summary in Romanian; the names come back exactly, the child by initials; the Check page tells the file from an altered copy; a therapist on the team cannot issue one', async ({
  page,
  browser,
  host,
  watch,
}) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SHOTS, { recursive: true });

  // ── The case, through the API: a Bulgarian child, an interview held and recorded ──
  await host.api('setup.initialize', { centreName: 'Barnahus București', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const interviewer = await colleague(host, 'stefan', 'Ștefan Țăranu', 'forensic_interviewer', 'barnahus_staff');
  const prosecutor = await colleague(host, 'ana', 'Ana Rusu', 'prosecutor', 'prosecution');
  const therapist = await colleague(host, 'dana', 'Dana Vlad', 'therapist', 'therapy');
  const asIoana = await apiAs(host, 'ioana', coordinator.password);
  const { rules } = await asIoana<{ rules: { version: number } }>('resources.list', {});
  // The interview is booked for now, so the centre's wall clock is put near noon: the booking never crosses its midnight.
  const offset = 12 - new Date().getUTCHours();
  await asIoana('resources.saveRules', {
    version: rules.version,
    timeZone: offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`,
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    bufferMinutes: 0,
    dailyLimit: 10,
  });
  const room = await asIoana<{ id: number }>('resources.saveRoom', { id: null, version: 0, name: 'Sala Mărțișor', kind: 'interview', equipment: 'Two cameras', active: true });
  await asIoana('resources.saveInterviewer', { userId: interviewer.id, version: 0, certification: 'NICHD 2024', certifiedUntil: null, protocols: ['nichd'] });
  const created = await asIoana<{ id: number; reference: string }>(
    'cases.create',
    referralFor('Мила', 'Георгиева', {
      child: { new: { firstName: 'Мила', lastName: 'Георгиева', birthDate: '2016-04-02', gender: 'female', languages: ['Bulgarian'] } },
      people: [
        {
          person: { new: { firstName: 'Елена', lastName: 'Георгиева' } },
          link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
        },
      ],
    }),
  );
  for (const member of [interviewer, prosecutor, therapist]) await asIoana('cases.addMember', { caseId: created.id, userId: member.id });
  // Booked a few minutes ago (within the host's grace for a form opened late), so it can be recorded as held now.
  const interview = await asIoana<{ id: number; version: number }>('interviews.schedule', {
    caseId: created.id,
    supplementaryId: null,
    startsAt: minutesAgo(4),
    durationMinutes: 60,
    roomId: room.id,
    observationRoomId: null,
    interviewerId: interviewer.id,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    invitees: [
      { agency: 'police', userId: null, name: 'Иван Петров' },
      { agency: 'prosecutor', userId: prosecutor.id, name: 'Ana Rusu' },
      { agency: 'defence', userId: null, name: 'Av. Georgi Ivanov' },
    ],
    planning: null,
  });
  type Attendee = { id: number; name: string; version: number; userId: number | null; agency: string; role: string; location: string };
  const attendance = async () => (await asIoana<{ attendance: Attendee[]; version: number }>('interviews.get', { interviewId: interview.id })).attendance;
  for (const a of await attendance()) {
    const absent = a.name === 'Av. Georgi Ivanov';
    await asIoana('interviews.saveAttendee', {
      interviewId: interview.id,
      attendeeId: a.id,
      version: a.version,
      name: a.name,
      userId: a.userId,
      agency: a.agency,
      role: a.role,
      location: a.location,
      arrivedAt: absent ? null : minutesAgo(4),
      leftAt: absent ? null : minutesAgo(1),
      absent,
    });
  }
  const current = await asIoana<{ version: number }>('interviews.get', { interviewId: interview.id });
  await asIoana('interviews.recordOutcome', {
    interviewId: interview.id,
    version: current.version,
    actualStart: minutesAgo(3),
    actualEnd: minutesAgo(1),
    breaks: [],
    protocol: 'nichd',
    questionsRelayed: true,
    disclosure: 'partial',
    remarks: '',
  });
  const login = await host.api<{ token: string }>('auth.login', { username: 'ioana', password: coordinator.password });
  const wav = sineWav(2);
  // The upload address belongs to the session that asked for it.
  const { body: upload } = await host.api<{ uploadId: string; url: string }>(
    'recordings.startUpload',
    { interviewId: interview.id, fileName: 'interviu-cam1.wav', size: wav.length },
    login.body.token,
  );
  expect(await put(host, upload.url, login.body.token, wav)).toBe(200);
  expect((await host.api('recordings.register', { interviewId: interview.id, uploadId: upload.uploadId, kind: 'audio' }, login.body.token)).status).toBe(200);

  // ── The prosecutor issues the court summary ──
  await signInAs(page, host, 'ana', prosecutor.password);
  await page.goto(`${host.url}/#/cases/${created.id}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const panel = page.getByRole('region', { name: 'Issued documents' });
  await expect(panel).toContainText('No document has been issued for this case yet.');
  await panel.getByRole('button', { name: 'Issue court summary' }).click();
  const dialog = page.getByRole('dialog', { name: 'Issue a court summary' });
  // The internal profile is the coordinators': a prosecutor is not offered it.
  await expect(dialog.getByRole('radio')).toHaveCount(5);
  await expect(dialog.getByRole('radio', { name: /^Court/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Internal/ })).toHaveCount(0);
  await expect(dialog.getByTestId('profile-court')).toContainText('Includes the child’s initials');
  await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  await expect(dialog.getByText('This must be filled in.')).toHaveCount(2);
  await dialog.getByRole('radio', { name: 'Română' }).check();
  await dialog.getByLabel('Recipient').fill('Tribunalul București, Secția penală');
  await dialog.getByLabel('Purpose').fill('Dosar probatoriu pentru termenul din 12 ianuarie');
  await page.screenshot({ path: `${SHOTS}/02-issue-dialog-en.png`, animations: 'disabled' });
  // On a short laptop screen the fields scroll; the title and the buttons stay in view.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 520 });
  await expect(dialog.getByRole('button', { name: 'Issue and download' })).toBeInViewport();
  await expect(dialog.getByRole('heading', { name: 'Issue a court summary' })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/02b-issue-dialog-short-screen.png`, animations: 'disabled' });
  await page.setViewportSize(viewport);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  const download = await downloading;
  const pdfPath = `${SHOTS}/court-summary.pdf`;
  await download.saveAs(pdfPath);
  const pdf = fs.readFileSync(pdfPath);
  const done = page.getByRole('dialog', { name: 'Court summary issued' });
  await expect(done.getByTestId('issued-notice')).toContainText(/Document DOC-\d{4}-\d{5} was issued and downloaded as /);
  const number = /DOC-\d{4}-\d{5}/.exec((await done.getByTestId('issued-notice').textContent()) ?? '')![0];
  expect(download.suggestedFilename()).toContain(number);
  await expect(done.getByTestId('issued-sha256')).toHaveText(sha256(pdf));
  await page.screenshot({ path: `${SHOTS}/03-issued-en.png`, animations: 'disabled' });
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(done).toBeHidden();

  // The file: names exactly as typed, in both scripts; the child by initials only.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  fs.writeFileSync(`${SHOTS}/court-summary.txt`, text);
  for (const name of ['Ștefan Țăranu', 'Иван Петров', 'Av. Georgi Ivanov', 'Ana Rusu', number, created.reference, 'Tribunalul București, Secția penală']) expect(text, name).toContain(name);
  expect(text).toContain('М. Г.');
  expect(text).not.toContain('Мила');
  expect(text).not.toContain('Георгиева');
  expect(text).not.toContain('Елена');
  expect(text).toContain(sha256(wav));
  expect(claimedDocumentNumber(pdf)).toBe(number);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath, `${SHOTS}/summary`]);

  // The tab lists it; downloading it again gives the same bytes.
  const row = panel.getByTestId(`document-${number}`);
  await expect(row).toContainText('Tribunalul București, Secția penală');
  await expect(row).toContainText('Court');
  await expect(row).toContainText('Română');
  await expect(row).toContainText('Ana Rusu');
  await expect(row.getByTestId('document-sha256')).toHaveAttribute('data-sha256', sha256(pdf));
  await page.screenshot({ path: `${SHOTS}/01-documents-tab-en.png`, fullPage: true, animations: 'disabled' });
  const again = page.waitForEvent('download');
  await row.getByRole('button', { name: `Download ${number}` }).click();
  const againPath = `${SHOTS}/court-summary-again.pdf`;
  await (await again).saveAs(againPath);
  expect(sha256(fs.readFileSync(againPath))).toBe(sha256(pdf));

  // ── The timeline keeps it ──
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Documents' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline.getByRole('listitem')).toContainText(`Issued the court summary ${number} for Tribunalul București, Secția penală (profile: Court, language: Română)`);

  // ── Checking files ──
  await page.getByRole('navigation').getByRole('button', { name: 'Check a document' }).click();
  await expect(page.getByRole('heading', { name: 'Check a document' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('The file never leaves this computer');
  await page.getByTestId('document-file').setInputFiles(pdfPath);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'issued');
  await expect(verdict).toContainText(`Unaltered — document ${number} issued by this centre`);
  await expect(verdict.getByTestId('verdict-details')).toContainText(created.reference);
  await expect(verdict.getByTestId('verdict-details')).toContainText('Tribunalul București, Secția penală');
  await expect(page.getByTestId('computed-sha256')).toHaveText(sha256(pdf));
  await expect(page.getByTestId('checked-file')).toHaveText('court-summary.pdf');
  await page.screenshot({ path: `${SHOTS}/04-verify-issued-en.png`, fullPage: true, animations: 'disabled' });

  // One byte changed, away from the metadata: it still claims the number, and is told apart. Dropped this time.
  const altered = Buffer.from(pdf);
  const at = Math.floor(altered.length / 2);
  altered[at] = altered[at] === 0x20 ? 0x21 : 0x20;
  expect(claimedDocumentNumber(altered)).toBe(number);
  // A script, not a function: tests/ are compiled without the DOM library.
  const dropped = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob('${altered.toString('base64')}'), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'court-summary-copy.pdf', { type: 'application/pdf' }));
    return transfer;
  })()`);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(verdict).toHaveAttribute('data-verdict', 'altered');
  await expect(verdict).toContainText(`Altered — this file claims to be document ${number} issued on`);
  await expect(verdict).toContainText('Do not rely on it.');
  await expect(page.getByTestId('computed-sha256')).toHaveText(sha256(altered));
  await page.screenshot({ path: `${SHOTS}/05-verify-altered-en.png`, fullPage: true, animations: 'disabled' });

  const stranger = Buffer.from('%PDF-1.7\n% a letter from somewhere else\n%%EOF\n');
  await page.getByTestId('document-file').setInputFiles({ name: 'scrisoare.pdf', mimeType: 'application/pdf', buffer: stranger });
  await expect(verdict).toHaveAttribute('data-verdict', 'unknown');
  await expect(verdict).toContainText('Not a document issued by this centre');
  await expect(page.getByTestId('claimed-number')).toHaveText('none');
  await page.screenshot({ path: `${SHOTS}/06-verify-unknown-en.png`, fullPage: true, animations: 'disabled' });

  // A recording dropped by mistake (sparse, one byte over 200 MB) is refused before it is read or sent.
  const huge = test.info().outputPath('interview-recording.mp4');
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 200 * 1024 * 1024 + 1);
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/documents.verify')) asked.push(r.url());
  });
  await page.getByTestId('document-file').setInputFiles(huge);
  await expect(page.getByRole('alert').filter({ hasText: 'larger than any document the centre issues (over 200 MB)' })).toBeVisible();
  await expect(verdict).toBeHidden();
  expect(asked).toEqual([]);
  fs.rmSync(huge);

  // ── The same screens in Romanian and Bulgarian ──
  await switchLanguage(page, 'Română');
  await page.getByTestId('document-file').setInputFiles({ name: 'court-summary-copy.pdf', mimeType: 'application/pdf', buffer: altered });
  await expect(verdict).toContainText(`Modificat — acest fișier pretinde că este documentul ${number}`);
  await page.screenshot({ path: `${SHOTS}/07-verify-altered-ro.png`, fullPage: true, animations: 'disabled' });
  await page.getByTestId('document-file').setInputFiles(pdfPath);
  await expect(verdict).toContainText(`Nemodificat — documentul ${number}`);
  await page.screenshot({ path: `${SHOTS}/08-verify-issued-ro.png`, fullPage: true, animations: 'disabled' });
  await page.goto(`${host.url}/#/cases/${created.id}?tab=documents`);
  await expect(page.getByRole('region', { name: 'Documente emise' }).getByTestId(`document-${number}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/09-documents-tab-ro.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: 'Emite rezumatul pentru instanță' }).click();
  await expect(page.getByRole('dialog', { name: 'Emite un rezumat pentru instanță' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/10-issue-dialog-ro.png`, animations: 'disabled' });
  await page.getByRole('dialog').getByRole('button', { name: 'Renunță' }).click();
  await switchLanguage(page, 'Български');
  await page.goto(`${host.url}/#/documents/verify`);
  await page.getByTestId('document-file').setInputFiles({ name: 'scrisoare.pdf', mimeType: 'application/pdf', buffer: stranger });
  await expect(verdict).toContainText('Не е документ, издаден от този център');
  await page.screenshot({ path: `${SHOTS}/11-verify-unknown-bg.png`, fullPage: true, animations: 'disabled' });
  await page.getByTestId('document-file').setInputFiles(pdfPath);
  await expect(verdict).toContainText(`Непроменен — документ ${number}`);
  await page.screenshot({ path: `${SHOTS}/12-verify-issued-bg.png`, fullPage: true, animations: 'disabled' });
  await page.goto(`${host.url}/#/cases/${created.id}?tab=documents`);
  await expect(page.getByRole('region', { name: 'Издадени документи' }).getByTestId(`document-${number}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/14-documents-tab-bg.png`, fullPage: true, animations: 'disabled' });
  await page.goto(`${host.url}/#/cases/${created.id}?tab=timeline`);
  await expect(page.getByRole('main')).toContainText(`Издаде обобщение за съда ${number}`);

  // ── A therapist on the team sees the list, but may neither issue nor download ──
  const dana = await browserOf(browser, host, 'dana', therapist.password);
  await dana.goto(`${host.url}/#/cases/${created.id}?tab=documents`);
  const theirPanel = dana.getByRole('region', { name: 'Issued documents' });
  await expect(theirPanel.getByTestId(`document-${number}`)).toBeVisible();
  await expect(theirPanel.getByRole('button', { name: 'Issue court summary' })).toHaveCount(0);
  await expect(theirPanel.getByRole('button', { name: `Download ${number}` })).toHaveCount(0);
  await expect(theirPanel.getByRole('button', { name: `Withdraw ${number}` })).toHaveCount(0);
  await dana.screenshot({ path: `${SHOTS}/13-documents-tab-therapist.png`, fullPage: true, animations: 'disabled' });
  const danaLogin = await host.api<{ token: string }>('auth.login', { username: 'dana', password: therapist.password });
  const refused = await host.api(
    'documents.courtSummary',
    { caseId: created.id, profile: 'court', language: 'en', recipient: 'Tribunalul București', purpose: 'Attempt' },
    danaLogin.body.token,
  );
  expect(refused.status).toBe(403);
  const listed = await host.api<{ documents: unknown[] }>('documents.list', { caseId: created.id }, danaLogin.body.token);
  expect(listed.body.documents).toHaveLength(1);
  await dana.context().close();

  // ── The prosecutor withdraws it (sent to the wrong section); the file, checked again, says so ──
  await switchLanguage(page, 'English');
  await page.goto(`${host.url}/#/cases/${created.id}?tab=documents`);
  await page.getByRole('button', { name: `Withdraw ${number}` }).click();
  const withdrawing = page.getByRole('dialog', { name: `Withdraw document ${number}` });
  await withdrawing.getByRole('button', { name: 'Withdraw the document' }).click();
  await expect(withdrawing.getByText('This must be filled in.')).toBeVisible();
  const reason = 'Sent to the wrong section; reissued for the Secția pentru minori.';
  await withdrawing.getByLabel('Why is it withdrawn?').fill(reason);
  await page.screenshot({ path: `${SHOTS}/15-withdraw-dialog-en.png`, animations: 'disabled' });
  await withdrawing.getByRole('button', { name: 'Withdraw the document' }).click();
  await expect(withdrawing).toBeHidden();
  const withdrawnRow = page.getByRole('region', { name: 'Issued documents' }).getByTestId(`document-${number}`);
  await expect(withdrawnRow.getByTestId('document-withdrawn')).toHaveText('Withdrawn');
  await expect(withdrawnRow).toContainText(`by Ana Rusu: ${reason}`);
  await expect(withdrawnRow.getByRole('button', { name: `Withdraw ${number}` })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/16-documents-tab-withdrawn-en.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('navigation').getByRole('button', { name: 'Check a document' }).click();
  await page.getByTestId('document-file').setInputFiles(pdfPath);
  await expect(verdict).toHaveAttribute('data-verdict', 'withdrawn');
  await expect(verdict).toContainText(`Withdrawn — document ${number} was issued by this centre and withdrawn on`);
  await expect(verdict).toContainText(`Reason given: ${reason}`);
  await page.screenshot({ path: `${SHOTS}/17-verify-withdrawn-en.png`, fullPage: true, animations: 'disabled' });
  await switchLanguage(page, 'Română');
  await expect(verdict).toContainText(`Retras — documentul ${number}`);
  await page.screenshot({ path: `${SHOTS}/18-verify-withdrawn-ro.png`, fullPage: true, animations: 'disabled' });
  await page.goto(`${host.url}/#/cases/${created.id}?tab=timeline`);
  await expect(page.getByRole('main')).toContainText(`A retras documentul ${number}: ${reason}`);

  expect(watch.problems).toEqual([]);
});
