import { apiAs, ADMIN, colleague, expect, referralFor, signInAs, test } from './fixtures';

const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

test('names are isolated from the text around them, and direction controls never reach the screen', async ({ page, host, watch }, testInfo) => {
  await host.api('setup.initialize', { centreName: 'Barnahus Sofia', admin: ADMIN });
  const coordinator = await colleague(host, 'ioana', 'Ioana Marin', 'coordinator', 'barnahus_staff');
  const asCoordinator = await apiAs(host, 'ioana', coordinator.password);
  const mother = { firstName: 'Ana\u202Efdp.exe\u202C', lastName: 'כהן' };
  const created = await asCoordinator<{ id: number }>(
    'cases.create',
    referralFor('Dana', 'כהן', {
      people: [
        {
          person: { new: mother },
          link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
        },
      ],
    }),
  );

  await signInAs(page, host, 'ioana', coordinator.password);
  await page.goto(`${host.url}/#/cases`);
  // The grid's name cell holds the name in its own <bdi>: Hebrew there cannot pull the columns' text around.
  await expect(page.locator('.MuiDataGrid-cell bdi', { hasText: 'Dana כהן' })).toBeVisible();

  await page.goto(`${host.url}/#/cases/${created.id}?tab=people`);
  await expect(page.getByRole('heading', { level: 1 }).locator('bdi')).toHaveText('Dana כהן');
  const group = page.getByRole('group', { name: /Anafdp\.exe/ });
  // Stored without the override, so it reads as typed: "Anafdp.exe", never "Anaexe.pdf".
  await expect(group.locator('bdi').first()).toHaveText('Anafdp.exe');
  await expect(group.locator('bdi').nth(1)).toHaveText('כהן');
  expect(await page.locator('body').innerText()).not.toMatch(CONTROLS);
  await page.screenshot({ path: testInfo.outputPath('people-isolated.png'), fullPage: true });
  expect(watch.problems).toEqual([]);
});
