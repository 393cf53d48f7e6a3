import fs from 'node:fs';
import path from 'node:path';
import type { App, BrowserWindow, DevicePermissionHandlerHandlerDetails, HandlerDetails } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../shared/bridge';
import type { CallResult } from '../../shared/client';
import { CSP_NONCE_PLACEHOLDER } from '../../shared/csp';
import type { ChangeEvent } from '../../shared/events';
import { APP_ENTRY } from '../../electron/main/app-origin';
import { hardenApp, hardenSession, hardenWebContents, isAllowedRequest } from '../../electron/main/harden';
import { isTrustedSender, registerIpc, type CallRouter } from '../../electron/main/ipc';
import { KEY_FILE } from '../../electron/main/keystore';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { createMainWindow, mainWindowOptions, secureWebPreferences } from '../../electron/main/window';
import {
  createFakeElectron,
  FakeApp,
  FakeFrame,
  FakeIpcMain,
  FakeSession,
  FakeWebContents,
  type FakeElectron,
  type Permission,
} from '../support/fake-electron';
import { tempDir } from '../support/temp';

// The shell's modules import `electron` at load time (index.ts, the preload). Each
// test that loads one puts a fresh fake here, resets the module registry and imports;
// the mocked module forwards to whichever fake is current (see forwardingElectronModule).
const holder = vi.hoisted(() => ({ fake: null as FakeElectron | null }));
vi.mock('electron', async () => {
  const { forwardingElectronModule } = await import('../support/fake-electron');
  return forwardingElectronModule(() => {
    if (!holder.fake) throw new Error('Set holder.fake before importing a module that loads electron');
    return holder.fake.module;
  });
});

const change: ChangeEvent = { type: 'change', entity: 'user', action: 'updated', id: 3 };

// ---------------------------------------------------------------------------
// window.ts
// ---------------------------------------------------------------------------

describe('window.ts', () => {
  const preload = '/opt/barnahus/resources/app/out/preload/index.cjs';

  it('sets every web preference to its secure value explicitly', () => {
    const prefs = secureWebPreferences(preload, false);
    expect(prefs.preload).toBe(preload);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences(preload, true).devTools).toBe(true);
    // Nothing that would widen the sandbox sneaks in.
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('builds the main window options around those preferences, hidden until ready', () => {
    const options = mainWindowOptions(preload, false);
    expect(options.webPreferences).toEqual(secureWebPreferences(preload, false));
    expect(options.show).toBe(false);
  });

  it('creates the window with the secure preferences and loads only app://bundle/index.html', () => {
    const fake = createFakeElectron();
    const window = createMainWindow(fake.module.BrowserWindow as unknown as typeof BrowserWindow, preload, false);
    expect(fake.windows).toHaveLength(1);
    const created = fake.windows[0]!;
    expect(window).toBe(created);
    expect(created.options.webPreferences).toEqual(secureWebPreferences(preload, false));
    expect(created.webContents.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(APP_ENTRY).toBe('app://bundle/index.html');
    expect(created.calls.some((call) => call.startsWith('loadFile') || call.includes('file://'))).toBe(false);
    expect(created.visible).toBe(false);
    created.emit('ready-to-show');
    expect(created.visible).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// harden.ts
// ---------------------------------------------------------------------------

describe('harden.ts', () => {
  describe('isAllowedRequest', () => {
    it.each([
      'app://bundle/index.html',
      'app://bundle/assets/app.js',
      'app://bundle/',
      'data:image/png;base64,AAAA',
      'blob:app://bundle/0f0e0d0c-0000-4000-8000-000000000000',
      'devtools://devtools/bundled/inspector.html',
    ])('allows %s', (url) => {
      expect(isAllowedRequest(url)).toBe(true);
    });

    it.each([
      'http://example.org/',
      'https://example.org/',
      'https://bundle/index.html',
      'file:///etc/passwd',
      'ws://127.0.0.1:8443/events',
      'wss://host.local/events',
      'ftp://example.org/',
      'javascript:alert(1)',
      'app://other-host/index.html',
      'app://bundle.evil.example/index.html',
      'app://bundle:8080/index.html',
      'app://evil@other/index.html',
      'not a url',
      '',
    ])('refuses %s', (url) => {
      expect(isAllowedRequest(url)).toBe(false);
    });
  });

  describe('hardenSession', () => {
    function hardened(): FakeSession {
      const session = new FakeSession();
      hardenSession(session.asSession());
      return session;
    }

    it.each<Permission>(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb'])(
      'answers a request for %s with false',
      (permission) => {
        expect(hardened().requestPermission(permission)).toBe(false);
      },
    );

    it('answers permission checks with false', () => {
      const session = hardened();
      expect(session.checkPermission('media')).toBe(false);
      expect(session.checkPermission('notifications')).toBe(false);
      expect(session.checkPermission('clipboard-read', 'app://bundle')).toBe(false);
    });

    it('denies device permissions', () => {
      const session = hardened();
      expect(session.devicePermissionHandler).not.toBeNull();
      const details = { deviceType: 'usb', origin: 'app://bundle', device: {} } as unknown as DevicePermissionHandlerHandlerDetails;
      expect(session.devicePermissionHandler?.(details)).toBe(false);
    });

    it.each(['http://example.org/', 'https://example.org/x.js', 'file:///etc/passwd', 'ws://localhost:1234/', 'app://other-host/index.html'])(
      'cancels a request to %s',
      (url) => {
        expect(hardened().webRequest.request(url)).toBe(true);
      },
    );

    it.each(['app://bundle/index.html', 'app://bundle/assets/app.js'])('lets a request to %s through', (url) => {
      expect(hardened().webRequest.request(url)).toBe(false);
    });

    it('filters every request, not a subset', () => {
      expect(hardened().webRequest.filter).toBeUndefined();
    });
  });

  describe('hardenWebContents', () => {
    function hardened(): FakeWebContents {
      const contents = new FakeWebContents('app://bundle/index.html');
      hardenWebContents(contents.asWebContents());
      return contents;
    }

    it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'] as const)('%s away from the bundle is prevented', (eventName) => {
      const contents = hardened();
      expect(contents.fire(eventName, 'https://example.org')).toBe(true);
      expect(contents.fire(eventName, 'file:///etc/passwd')).toBe(true);
      expect(contents.fire(eventName, 'app://other-host/index.html')).toBe(true);
      expect(contents.fire(eventName, 'http://bundle/index.html')).toBe(true);
    });

    it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'] as const)('%s within the bundle is allowed', (eventName) => {
      const contents = hardened();
      expect(contents.fire(eventName, 'app://bundle/index.html')).toBe(false);
      expect(contents.fire(eventName, 'app://bundle/index.html#/settings')).toBe(false);
    });

    it('denies every new window', () => {
      const contents = hardened();
      expect(contents.windowOpenHandler).not.toBeNull();
      for (const url of ['https://example.org', 'app://bundle/index.html', 'file:///etc/passwd']) {
        const details = { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } };
        expect(contents.windowOpenHandler?.(details as unknown as HandlerDetails)).toEqual({ action: 'deny' });
      }
    });

    it('prevents attaching a <webview>', () => {
      expect(hardened().fire('will-attach-webview', 'app://bundle/index.html')).toBe(true);
    });

    it('does nothing to a contents nobody hardened (the fake does not prevent by itself)', () => {
      const contents = new FakeWebContents();
      expect(contents.fire('will-navigate', 'https://example.org')).toBe(false);
      expect(contents.fire('will-attach-webview')).toBe(false);
    });
  });

  it('hardenApp hardens every web contents the app creates', () => {
    const app = new FakeApp();
    hardenApp(app as unknown as App);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://example.org')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });
});

// ---------------------------------------------------------------------------
// ipc.ts
// ---------------------------------------------------------------------------

describe('ipc.ts', () => {
  describe('isTrustedSender', () => {
    it('accepts the main frame of the window, showing the bundle', () => {
      const window = new FakeWebContents('app://bundle/index.html');
      expect(isTrustedSender(window.invokeEvent(), window.asWebContents())).toBe(true);
      window.mainFrame.url = 'app://bundle/index.html#/cases';
      expect(isTrustedSender(window.invokeEvent(), window.asWebContents())).toBe(true);
    });

    it('refuses a subframe of the window, even at the bundle', () => {
      const window = new FakeWebContents('app://bundle/index.html');
      expect(isTrustedSender(window.invokeEvent(new FakeFrame('app://bundle/index.html')), window.asWebContents())).toBe(false);
    });

    it('refuses another web contents', () => {
      const window = new FakeWebContents('app://bundle/index.html');
      const other = new FakeWebContents('app://bundle/index.html');
      expect(isTrustedSender(other.invokeEvent(), window.asWebContents())).toBe(false);
      // Another contents claiming the window's main frame is still another contents.
      expect(isTrustedSender(other.invokeEvent(window.mainFrame), window.asWebContents())).toBe(false);
    });

    it.each(['https://evil.example/', 'file:///home/user/evil.html', 'app://other-host/index.html', 'about:blank', ''])(
      'refuses the window once its main frame shows %s',
      (url) => {
        const window = new FakeWebContents(url);
        expect(isTrustedSender(window.invokeEvent(), window.asWebContents())).toBe(false);
      },
    );

    it('refuses a missing frame or a missing window', () => {
      const window = new FakeWebContents('app://bundle/index.html');
      expect(isTrustedSender(window.invokeEvent(null), window.asWebContents())).toBe(false);
      expect(isTrustedSender(window.invokeEvent(), null)).toBe(false);
    });
  });

  describe('registerIpc', () => {
    const okResult: CallResult = { ok: true, data: { answer: 42 } };

    function setUp() {
      const ipcMain = new FakeIpcMain();
      const window = new FakeWebContents('app://bundle/index.html');
      const listeners: ((event: ChangeEvent) => void)[] = [];
      const stops: ReturnType<typeof vi.fn<() => void>>[] = [];
      const call = vi.fn<CallRouter['call']>(() => Promise.resolve(okResult));
      const subscribe = vi.fn<CallRouter['subscribe']>((_token, listener) => {
        listeners.push(listener);
        const stop = vi.fn<() => void>();
        stops.push(stop);
        return stop;
      });
      const state = { windowContents: window as FakeWebContents | null };
      registerIpc(ipcMain, { call, subscribe }, () => state.windowContents?.asWebContents() ?? null);
      return { ipcMain, window, call, subscribe, listeners, stops, state };
    }

    it('registers exactly the three bridge channels', () => {
      const { ipcMain } = setUp();
      expect([...ipcMain.handlers.keys()].sort()).toEqual(['barnahus:call', 'barnahus:subscribe', 'barnahus:unsubscribe']);
    });

    it('forwards a valid call to the router and returns its answer', async () => {
      const { ipcMain, window, call } = setUp();
      const input = { username: 'admin', password: 'x' };
      const result = await ipcMain.invoke('barnahus:call', window.invokeEvent(), { method: 'auth.login', input, token: 'tok-1' });
      expect(result).toBe(okResult);
      expect(call).toHaveBeenCalledTimes(1);
      expect(call).toHaveBeenCalledWith('auth.login', input, 'tok-1');
    });

    it('forwards a null token as null', async () => {
      const { ipcMain, window, call } = setUp();
      await ipcMain.invoke('barnahus:call', window.invokeEvent(), { method: 'setup.status', input: {}, token: null });
      expect(call).toHaveBeenCalledWith('setup.status', {}, null);
    });

    it.each([
      ['a subframe', (window: FakeWebContents) => window.invokeEvent(new FakeFrame('app://bundle/index.html'))],
      ['another web contents', () => new FakeWebContents('app://bundle/index.html').invokeEvent()],
      ['a frame at https://evil.example', (window: FakeWebContents) => {
        window.mainFrame.url = 'https://evil.example/';
        return window.invokeEvent();
      }],
      ['a frame at file://', (window: FakeWebContents) => {
        window.mainFrame.url = 'file:///tmp/evil.html';
        return window.invokeEvent();
      }],
      ['a destroyed frame', (window: FakeWebContents) => window.invokeEvent(null)],
    ])('refuses a call from %s without reaching the router', async (_label, eventFor) => {
      const { ipcMain, window, call } = setUp();
      const result = (await ipcMain.invoke('barnahus:call', eventFor(window), { method: 'auth.login', input: {}, token: null })) as CallResult;
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!result.ok) expect(typeof result.error.message).toBe('string');
      expect(call).not.toHaveBeenCalled();
    });

    it('refuses a call when there is no window', async () => {
      const { ipcMain, window, call, state } = setUp();
      state.windowContents = null;
      const result = await ipcMain.invoke('barnahus:call', window.invokeEvent(), { method: 'auth.login', input: {}, token: null });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(call).not.toHaveBeenCalled();
    });

    it.each([
      ['method not a string', { method: 42, input: {}, token: null }],
      ['token a number', { method: 'auth.login', input: {}, token: 7 }],
      ['no method', { input: {}, token: null }],
      ['no token', { method: 'auth.login', input: {} }],
      ['an empty method', { method: '', input: {}, token: null }],
      ['an overlong method', { method: 'm'.repeat(101), input: {}, token: null }],
      ['an overlong token', { method: 'auth.login', input: {}, token: 't'.repeat(513) }],
      ['null', null],
      ['a string', 'auth.login'],
      ['an array', ['auth.login', {}, null]],
    ])('answers invalid_input for %s without reaching the router', async (_label, envelope) => {
      const { ipcMain, window, call } = setUp();
      const result = await ipcMain.invoke('barnahus:call', window.invokeEvent(), envelope);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(call).not.toHaveBeenCalled();
    });

    it('checks the sender before the envelope: an untrusted malformed call is forbidden', async () => {
      const { ipcMain, call } = setUp();
      const result = await ipcMain.invoke('barnahus:call', new FakeWebContents('https://evil.example/').invokeEvent(), { method: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(call).not.toHaveBeenCalled();
    });

    it('subscribes a trusted window and relays its events under the subscription id', async () => {
      const { ipcMain, window, subscribe, listeners } = setUp();
      const id = await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-1');
      expect(typeof id).toBe('number');
      expect(subscribe).toHaveBeenCalledTimes(1);
      expect(subscribe.mock.calls[0]?.[0]).toBe('tok-1');
      listeners[0]!(change);
      expect(window.sent).toEqual([{ channel: 'barnahus:event', args: [{ id, event: change }] }]);

      const second = await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-2');
      expect(typeof second).toBe('number');
      expect(second).not.toBe(id);
      listeners[1]!(change);
      expect(window.sent[1]).toEqual({ channel: 'barnahus:event', args: [{ id: second, event: change }] });
    });

    it('unsubscribe stops the router subscription, once', async () => {
      const { ipcMain, window, stops } = setUp();
      const id = await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-1');
      expect(stops[0]).not.toHaveBeenCalled();
      await ipcMain.invoke('barnahus:unsubscribe', window.invokeEvent(), id);
      expect(stops[0]).toHaveBeenCalledTimes(1);
      await ipcMain.invoke('barnahus:unsubscribe', window.invokeEvent(), id);
      window.destroy();
      expect(stops[0]).toHaveBeenCalledTimes(1);
    });

    it('an untrusted unsubscribe or a non-numeric id stops nothing', async () => {
      const { ipcMain, window, stops } = setUp();
      const id = await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-1');
      await ipcMain.invoke('barnahus:unsubscribe', window.invokeEvent(new FakeFrame('app://bundle/index.html')), id);
      await ipcMain.invoke('barnahus:unsubscribe', new FakeWebContents('app://bundle/index.html').invokeEvent(), id);
      await ipcMain.invoke('barnahus:unsubscribe', window.invokeEvent(), String(id));
      expect(stops[0]).not.toHaveBeenCalled();
    });

    it('leaves no listener behind: 20 subscribe/unsubscribe cycles keep the sender as it was', async () => {
      const { ipcMain, window } = setUp();
      const before = window.listenerCount('destroyed') + window.listenerCount('did-start-navigation');
      for (let i = 0; i < 20; i++) {
        const id = await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), `tok-${i}`);
        await ipcMain.invoke('barnahus:unsubscribe', window.invokeEvent(), id);
      }
      expect(window.listenerCount('destroyed') + window.listenerCount('did-start-navigation')).toBe(before);
    });

    it('a reload ends the old page subscriptions', async () => {
      const { ipcMain, window, stops } = setUp();
      await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-1');
      expect(stops[0]).not.toHaveBeenCalled();
      window.startNavigation();
      expect(stops[0]).toHaveBeenCalledTimes(1);
    });

    it('a destroyed window ends its subscriptions and is sent nothing more', async () => {
      const { ipcMain, window, listeners, stops } = setUp();
      await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-1');
      await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 'tok-2');
      window.destroy();
      expect(stops[0]).toHaveBeenCalledTimes(1);
      expect(stops[1]).toHaveBeenCalledTimes(1);
      // A router that still fires after the stop must not reach a destroyed contents.
      expect(() => listeners[0]!(change)).not.toThrow();
      expect(window.sent).toEqual([]);
    });

    it.each([
      ['a subframe', (window: FakeWebContents) => window.invokeEvent(new FakeFrame('app://bundle/index.html'))],
      ['another web contents', () => new FakeWebContents('app://bundle/index.html').invokeEvent()],
      ['a frame at https://evil.example', () => new FakeWebContents('https://evil.example/').invokeEvent()],
    ])('refuses a subscription from %s: null, and no router subscription', async (_label, eventFor) => {
      const { ipcMain, window, subscribe } = setUp();
      expect(await ipcMain.invoke('barnahus:subscribe', eventFor(window), 'tok-1')).toBeNull();
      expect(subscribe).not.toHaveBeenCalled();
    });

    it('refuses a subscription with a non-string token', async () => {
      const { ipcMain, window, subscribe } = setUp();
      expect(await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), 12)).toBeNull();
      expect(await ipcMain.invoke('barnahus:subscribe', window.invokeEvent(), { token: 'x' })).toBeNull();
      expect(subscribe).not.toHaveBeenCalled();
    });
  });
});

// ---------------------------------------------------------------------------
// protocol.ts
// ---------------------------------------------------------------------------

describe('protocol.ts', () => {
  const indexTemplate = [
    '<!doctype html>',
    '<html><head>',
    `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">`,
    `<script type="module" crossorigin nonce="${CSP_NONCE_PLACEHOLDER}" src="./assets/app.js"></script>`,
    '</head><body><div id="root"></div></body></html>',
  ].join('\n');
  const appJs = 'console.log("barnahus");\n';
  const secret = 'TOP SECRET: not part of the bundle';

  function setUp() {
    const dir = tempDir();
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), indexTemplate);
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), appJs);
    fs.writeFileSync(path.join(dir, 'secret.txt'), secret);
    // A sibling whose name starts with the root's: a naive prefix check would let it through.
    fs.mkdirSync(path.join(dir, 'renderer-evil'));
    fs.writeFileSync(path.join(dir, 'renderer-evil', 'secret.txt'), secret);
    const handler = createAppProtocolHandler(root);
    return (url: string, method = 'GET') => handler(new Request(url, { method }));
  }

  function directives(csp: string | null): Map<string, string[]> {
    expect(csp).toMatch(/^default-src 'none'; /);
    const map = new Map<string, string[]>();
    for (const part of (csp ?? '').split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) map.set(name, values);
    }
    return map;
  }

  function expectStrictPolicy(csp: string | null): Map<string, string[]> {
    const policy = directives(csp);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('*');
    return policy;
  }

  async function servedPage(response: Response): Promise<{ body: string; nonce: string }> {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await response.text();
    const policy = expectStrictPolicy(response.headers.get('content-security-policy'));
    const styleSrc = policy.get('style-src') ?? [];
    const nonces = styleSrc.filter((value) => value.startsWith("'nonce-"));
    expect(nonces).toHaveLength(1);
    const nonce = nonces[0]!.slice("'nonce-".length, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    expect(body).not.toContain(CSP_NONCE_PLACEHOLDER);
    const inBody = [...body.matchAll(/nonce="([^"]*)"/g)].map((match) => match[1]);
    expect(inBody).toEqual([nonce, nonce]);
    expect(body).toContain('<div id="root"></div>');
    return { body, nonce };
  }

  it.each(['app://bundle/', 'app://bundle/index.html'])('serves %s as HTML with the nonce of its own CSP', async (url) => {
    const get = setUp();
    await servedPage(await get(url));
  });

  it('uses a fresh nonce for every page load', async () => {
    const get = setUp();
    const first = await servedPage(await get('app://bundle/index.html'));
    const second = await servedPage(await get('app://bundle/index.html'));
    const third = await servedPage(await get('app://bundle/'));
    expect(new Set([first.nonce, second.nonce, third.nonce]).size).toBe(3);
  });

  it('serves a script as JavaScript, unchanged, with a CSP that has no nonce', async () => {
    const get = setUp();
    const response = await get('app://bundle/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(appJs);
    const csp = response.headers.get('content-security-policy');
    const policy = expectStrictPolicy(csp);
    expect(csp).not.toContain('nonce-');
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/%2E%2E%2Fsecret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/%2e%2e%2frenderer-evil%2fsecret.txt',
    'app://bundle/..%2frenderer-evil/secret.txt',
    'app://bundle/%2e%2e%5csecret.txt',
    'app://bundle/%252e%252e%252fsecret.txt',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/secret.txt%00.html',
  ])('never serves a file outside the root: %s', async (url) => {
    const get = setUp();
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('root:');
  });

  it('refuses an encoded escape with 403 before touching the disk', async () => {
    const get = setUp();
    expect((await get('app://bundle/%2e%2e%2fsecret.txt')).status).toBe(403);
    expect((await get('app://bundle/..%2frenderer-evil%2fsecret.txt')).status).toBe(403);
  });

  it('answers 404 for another host', async () => {
    const get = setUp();
    for (const url of ['app://other-host/index.html', 'app://bundle.evil/index.html', 'app://evil/assets/app.js']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('root');
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('answers 404 to %s', async (method) => {
    const get = setUp();
    const response = await get('app://bundle/index.html', method);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('answers 404 for a file that is not there, and for a folder', async () => {
    const get = setUp();
    expect((await get('app://bundle/missing.js')).status).toBe(404);
    expect((await get('app://bundle/assets/missing.css')).status).toBe(404);
    expect((await get('app://bundle/assets')).status).toBe(404);
    expect((await get('app://bundle/assets/')).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------
// index.ts (the shell's entry), end to end against the fake
// ---------------------------------------------------------------------------

describe('index.ts', () => {
  async function startShell(options: { singleInstanceLock?: boolean } = {}) {
    vi.resetModules();
    const fake = createFakeElectron();
    const userData = tempDir();
    fake.app.paths.set('userData', userData);
    fake.safeStorage.backend = 'basic_text';
    fake.app.singleInstanceLock = options.singleInstanceLock ?? true;
    holder.fake = fake;
    await import('../../electron/main/index');
    return { fake, userData };
  }

  async function ready(fake: FakeElectron) {
    fake.app.markReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    return fake.windows[0]!;
  }

  it('before ready: privileges the app scheme, enables the sandbox, hardens new web contents', async () => {
    const { fake } = await startShell();
    expect(fake.protocol.privileged).toHaveLength(1);
    const schemes = fake.protocol.privileged[0]!;
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges?.standard).toBe(true);
    expect(schemes[0]!.privileges?.secure).toBe(true);
    expect(schemes[0]!.privileges?.bypassCSP).not.toBe(true);
    expect(fake.app.calls).toContain('enableSandbox');
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    // Nothing that needs a ready app has happened yet.
    expect(fake.protocol.handlers.size).toBe(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.windows).toHaveLength(0);

    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://example.org')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' } as HandlerDetails)).toEqual({ action: 'deny' });
  });

  it('when ready: protocol, session, IPC and a secure window', async () => {
    const { fake, userData } = await startShell();
    const window = await ready(fake);

    expect([...fake.protocol.handlers.keys()]).toEqual(['app']);
    const served = await fake.protocol.handlers.get('app')!(new Request('app://other-host/index.html'));
    expect(served.status).toBe(404);

    expect(fake.defaultSession.requestPermission('media')).toBe(false);
    expect(fake.defaultSession.requestPermission('notifications')).toBe(false);
    expect(fake.defaultSession.checkPermission('geolocation')).toBe(false);
    expect(fake.defaultSession.webRequest.request('https://example.org/')).toBe(true);
    expect(fake.defaultSession.webRequest.request('app://bundle/index.html')).toBe(false);

    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(['barnahus:call', 'barnahus:subscribe', 'barnahus:unsubscribe']);

    const preload = window.options.webPreferences?.preload ?? '';
    expect(preload.split(path.sep).slice(-2)).toEqual(['preload', 'index.cjs']);
    expect(window.options.webPreferences).toEqual(secureWebPreferences(preload, true));
    expect(window.webContents.loadedUrls).toEqual(['app://bundle/index.html']);

    // The Linux basic_text backend protects nothing: no key may have been made with it.
    expect(fs.existsSync(path.join(userData, KEY_FILE))).toBe(false);
    expect(fake.safeStorage.encrypted).toEqual([]);
  });

  it('when ready: the window reaches the workstation through IPC, and only the window', async () => {
    const { fake } = await startShell();
    const window = await ready(fake);
    const envelope = { method: 'workstation.status', input: {}, token: null };

    const result = (await fake.ipcMain.invoke('barnahus:call', window.webContents.invokeEvent(), envelope)) as CallResult;
    expect(result.ok).toBe(true);
    expect(result).toMatchObject({ ok: true, data: { mode: 'unconfigured', locked: false, keyProtection: null, host: null } });
    if (result.ok) expect((result.data as { osProtectionAvailable: boolean }).osProtectionAvailable).toBe(process.platform !== 'linux');

    const stranger = new FakeWebContents('app://bundle/index.html');
    const refused = await fake.ipcMain.invoke('barnahus:call', stranger.invokeEvent(), envelope);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a second instance focuses (and restores) the first window; closing all windows quits', async () => {
    const { fake } = await startShell();
    const window = await ready(fake);
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.calls).toContain('restore');
    expect(window.calls).toContain('focus');

    expect(fake.app.calls).not.toContain('quit');
    fake.app.emit('window-all-closed');
    expect(fake.app.calls).toContain('quit');
  });

  it('a start-up failure is shown and ends the app, instead of leaving it running without a window', async () => {
    const { fake, userData } = await startShell();
    fs.writeFileSync(path.join(userData, 'workstation.json'), '{"mode": "sideways"}');
    fake.app.markReady();
    await vi.waitFor(() => expect(fake.app.calls).toContain('exit:1'));
    expect(fake.dialog.errors).toHaveLength(1);
    expect(fake.dialog.errors[0]?.content).toMatch(/workstation\.json is damaged/);
    expect(fake.windows).toHaveLength(0);
  });

  it('without the single-instance lock it quits and never opens a window', async () => {
    const { fake } = await startShell({ singleInstanceLock: false });
    expect(fake.app.calls).toContain('quit');
    expect(fake.app.calls).not.toContain('whenReady');
    fake.app.markReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// preload/index.ts
// ---------------------------------------------------------------------------

describe('preload/index.ts', () => {
  async function loadPreload(): Promise<{ fake: FakeElectron; bridge: DesktopBridge; api: object }> {
    vi.resetModules();
    const fake = createFakeElectron();
    holder.fake = fake;
    await import('../../electron/preload/index');
    expect(fake.contextBridge.exposed).toHaveLength(1);
    const api = fake.contextBridge.exposed[0]!.api;
    expect(typeof api).toBe('object');
    return { fake, bridge: api as DesktopBridge, api: api as object };
  }

  it("exposes exactly one key, 'barnahus', with exactly call and subscribe", async () => {
    const { fake, api } = await loadPreload();
    expect(fake.contextBridge.exposed.map((entry) => entry.key)).toEqual(['barnahus']);
    expect(Reflect.ownKeys(api).sort()).toEqual(['call', 'subscribe']);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(fake.ipcRenderer);
    }
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('on');
  });

  it("call(method, input, token) invokes 'barnahus:call' with one envelope and returns the answer", async () => {
    const { fake, bridge } = await loadPreload();
    const answer: CallResult = { ok: true, data: { id: 1 } };
    fake.ipcRenderer.respond = () => answer;
    const input = { username: 'admin', password: 'secret' };
    await expect(bridge.call('auth.login', input, 'tok-1')).resolves.toBe(answer);
    expect(fake.ipcRenderer.invocations).toEqual([{ channel: 'barnahus:call', args: [{ method: 'auth.login', input, token: 'tok-1' }] }]);
  });

  it('subscribe relays only its own events, and its stop function unsubscribes', async () => {
    const { fake, bridge } = await loadPreload();
    fake.ipcRenderer.respond = (channel) => (channel === 'barnahus:subscribe' ? 7 : undefined);
    const received: ChangeEvent[] = [];
    const stop = await bridge.subscribe('tok-1', (event) => received.push(event));
    expect(fake.ipcRenderer.invocations).toEqual([{ channel: 'barnahus:subscribe', args: ['tok-1'] }]);
    expect(fake.ipcRenderer.listenerCount('barnahus:event')).toBe(1);

    fake.ipcRenderer.emit('barnahus:event', {}, { id: 7, event: change });
    fake.ipcRenderer.emit('barnahus:event', {}, { id: 8, event: { ...change, id: 99 } });
    expect(received).toEqual([change]);

    stop();
    expect(fake.ipcRenderer.listenerCount('barnahus:event')).toBe(0);
    expect(fake.ipcRenderer.invocations[1]).toEqual({ channel: 'barnahus:unsubscribe', args: [7] });
    fake.ipcRenderer.emit('barnahus:event', {}, { id: 7, event: change });
    expect(received).toHaveLength(1);
  });

  it('a refused subscription listens to nothing', async () => {
    const { fake, bridge } = await loadPreload();
    fake.ipcRenderer.respond = () => null;
    const stop = await bridge.subscribe('tok-1', () => undefined);
    expect(fake.ipcRenderer.listenerCount('barnahus:event')).toBe(0);
    stop();
    expect(fake.ipcRenderer.invocations.map((entry) => entry.channel)).toEqual(['barnahus:subscribe']);
  });
});
