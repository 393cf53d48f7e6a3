import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY } from './app-origin';

/** Security checklist items 2–4, 6, 8–10: every switch set explicitly, none left to defaults. */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export function mainWindowOptions(preload: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Barnahus Desk',
    backgroundColor: '#f5f7fa',
    webPreferences: secureWebPreferences(preload, devTools),
  };
}

export function createMainWindow(
  BrowserWindowClass: typeof BrowserWindow,
  preload: string,
  devTools: boolean,
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(preload, devTools));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
