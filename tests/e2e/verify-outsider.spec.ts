import fs from 'node:fs';
import { ADMIN, apiAs, colleague, expect, referralFor, signInAs, test } from './fixtures';

test('Check a document, for a colleague who may not see the case: unaltered, its number and date, nothing of the case', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const officer = await colleague(host, 'i.popa', 'Ion Popa', 'police', 'police');
  const asCoordinator = await apiAs(host, 'ioana', coordinator.password);
  const created = await asCoordinator<{ id: number; reference: string }>('cases.create', referralFor('Ivan', 'Petrov'));
  const issued = await asCoordinator<{ document: { number: string }; pdf: string }>('documents.courtSummary', {
    caseId: created.id,
    profile: 'internal',
    language: 'en',
    recipient: 'Tribunalul București, Secția penală',
    purpose: 'Evidence file for the hearing',
  });
  const pdfPath = testInfo.outputPath('summary.pdf');
  fs.writeFileSync(pdfPath, Buffer.from(issued.pdf, 'base64'));

  // The officer is on no team: the file reached them by mistake.
  await signInAs(page, host, 'i.popa', officer.password);
  await page.goto(`${host.url}/#/documents/verify`);
  await page.getByTestId('document-file').setInputFiles(pdfPath);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'issued');
  await expect(verdict).toContainText(`Unaltered — document ${issued.document.number} issued by this centre`);
  await expect(verdict.getByTestId('verdict-reduced')).toContainText('Issued on');
  await expect(verdict.getByTestId('verdict-reduced')).toContainText('shown only to those working on its case');
  await expect(verdict.getByTestId('verdict-details')).toHaveCount(0);
  for (const secret of [created.reference, 'Tribunalul', 'Evidence file', 'Ioana Marin']) await expect(page.getByRole('main')).not.toContainText(secret);
  await page.screenshot({ path: testInfo.outputPath('verify-outsider.png'), fullPage: true, animations: 'disabled' });
  expect(watch.problems).toEqual([]);
});
