import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Schemes the window may load at all. Everything else (http, https, file, ws…) is cancelled. */
const allowedSchemes = new Set(['app:', 'devtools:', 'chrome-devtools:', 'data:', 'blob:']);

export function isAllowedRequest(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'app:' ? isAppUrl(raw) : allowedSchemes.has(url.protocol);
  } catch {
    return false;
  }
}

/**
 * Items 5 and 1: deny every permission (camera, notifications, …) and every
 * request that leaves the app bundle. The renderer reaches data only through
 * IPC, so it has no need of the network; main does that with a pinned TLS.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

/** Items 11–14: no navigation away, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // will-navigate sees only the top frame; this covers any frame (the CSP already forbids frames).
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
