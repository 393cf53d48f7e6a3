import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { ensureElectronBinding } from '../../scripts/electron-native.mjs';

const binary = findElectronBinary();

test.describe('the desktop app', () => {
  test.skip('missing' in binary, `No Electron binary on this machine: ${'missing' in binary ? binary.missing : ''}. The shell is covered by tests/unit/electron-shell.test.ts with a fake electron module.`);

  test('opens a sandboxed window on the workstation set-up screen', async () => {
    if (!('path' in binary)) return;
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: ['.', `--user-data-dir=${userData}`],
      env: { ...process.env, BARNAHUS_SQLITE_BINDING: ensureElectronBinding() },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible();
      expect(window.url()).toBe('app://bundle/index.html');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { barnahus: object }).barnahus).sort())).toEqual(['call', 'subscribe']);
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});
