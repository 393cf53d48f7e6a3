import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { APP_SCHEME } from './app-origin';
import { hardenApp, hardenSession } from './harden';
import { registerIpc } from './ipc';
import { createAppProtocolHandler } from './protocol';
import { createMainWindow } from './window';
import { Workstation } from './workstation';

// The thin shell: everything below it runs (and is tested) under plain Node.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preload = path.join(here, '../preload/index.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
hardenApp(app);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let workstation: Workstation | null = null;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('window-all-closed', () => {
    workstation?.close();
    app.quit();
  });

  // Development only (scripts/start.mjs): a binding built for Electron's ABI beside the one for Node.
  const devBinding = app.isPackaged ? undefined : process.env.BARNAHUS_SQLITE_BINDING;

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, () => workstation?.mediaSource() ?? null));
      workstation = await Workstation.open({ dir: app.getPath('userData'), safeStorage, appVersion: app.getVersion(), ...(devBinding ? { nativeBinding: devBinding } : {}) });
      registerIpc(ipcMain, workstation, () => window?.webContents ?? null);
      window = createMainWindow(BrowserWindow, preload, !app.isPackaged);
      window.on('closed', () => {
        window = null;
      });
    })
    .catch((error: unknown) => {
      // Without this the app would keep running windowless, holding the single-instance lock.
      dialog.showErrorBox('Barnahus Desk cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
