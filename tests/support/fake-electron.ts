import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  CallbackResponse,
  CustomScheme,
  HandlerDetails,
  IpcMainInvokeEvent,
  OnBeforeRequestListenerDetails,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import type { SafeStorageLike } from '../../electron/main/keystore';

/**
 * A small, recording fake of the parts of the `electron` module the shell
 * uses. There is no Electron binary where the tests run, so main-process and
 * preload code is exercised under plain Node against this, via
 * `vi.mock('electron', () => fake.module)`.
 *
 * Every object records what the code under test did to it (handlers,
 * listeners, options), and offers helpers that play the part of Chromium
 * (firing a navigation, a permission request, an IPC invoke).
 */

// Electron's own signatures, taken from its typings so the fake cannot drift from them.
type SetPermissionRequestHandler = Session['setPermissionRequestHandler'];
type SetPermissionCheckHandler = Session['setPermissionCheckHandler'];
type SetDevicePermissionHandler = Session['setDevicePermissionHandler'];
export type PermissionRequestHandler = NonNullable<Parameters<SetPermissionRequestHandler>[0]>;
export type PermissionCheckHandler = NonNullable<Parameters<SetPermissionCheckHandler>[0]>;
export type DevicePermissionHandler = NonNullable<Parameters<SetDevicePermissionHandler>[0]>;
export type Permission = Parameters<PermissionRequestHandler>[1];
export type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;
export type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;
export type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** The event object Electron hands to will-navigate & co.: only preventDefault matters here. */
export interface FakePreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventableEvent(): FakePreventableEvent {
  const event: FakePreventableEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A frame: its URL and origin are read by the shell. Identity matters (main frame vs subframe). */
export class FakeFrame {
  constructor(public url = '') {}

  /** As Electron reports it for a registered standard scheme: scheme://host, or "null". */
  get origin(): string {
    try {
      const url = new URL(this.url);
      return url.host ? `${url.protocol}//${url.host}` : 'null';
    } catch {
      return 'null';
    }
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame;
  /** Everything sent to the renderer with send(channel, ...args). */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loadedUrls: string[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  private destroyed = false;

  constructor(url = '') {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Plays Chromium tearing the renderer down. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  /** Fires will-navigate / will-redirect / will-frame-navigate / will-attach-webview as Chromium would; true if a listener prevented it. */
  fire(eventName: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview', url = ''): boolean {
    const event = preventableEvent();
    if (eventName === 'will-attach-webview') this.emit(eventName, event, { src: url }, { src: url });
    else if (eventName === 'will-frame-navigate') this.emit(eventName, Object.assign(event, { url, isMainFrame: false }));
    else this.emit(eventName, event, url);
    return event.defaultPrevented;
  }

  /** Plays a reload or navigation of the page starting. */
  startNavigation(url = this.mainFrame.url): void {
    this.emit('did-start-navigation', { url, isMainFrame: true });
  }

  /** This fake, typed as what the shell's functions accept. */
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }

  /** An IpcMainInvokeEvent as Electron would build it for a call from `frame` of this contents. */
  invokeEvent(frame: FakeFrame | null = this.mainFrame): IpcMainInvokeEvent {
    return { sender: this, senderFrame: frame, frameId: 1, processId: 1 } as unknown as IpcMainInvokeEvent;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  minimized = false;
  visible = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
  }

  loadURL(url: string): Promise<void> {
    this.calls.push(`loadURL:${url}`);
    return this.webContents.loadURL(url);
  }

  loadFile(file: string): Promise<void> {
    this.calls.push(`loadFile:${file}`);
    return Promise.resolve();
  }

  show(): void {
    this.calls.push('show');
    this.visible = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }

  focus(): void {
    this.calls.push('focus');
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  /** What requestSingleInstanceLock answers. */
  singleInstanceLock = true;
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>();
  private readonly ready: Promise<void>;
  private resolveReady: () => void = () => undefined;

  constructor() {
    super();
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLock;
  }

  quit(): void {
    this.calls.push('quit');
  }

  exit(code = 0): void {
    this.calls.push(`exit:${code}`);
  }

  whenReady(): Promise<void> {
    this.calls.push('whenReady');
    return this.ready;
  }

  /** Plays Electron finishing its start-up: whenReady() resolves. */
  markReady(): void {
    this.resolveReady();
  }

  getPath(name: string): string {
    const found = this.paths.get(name);
    if (found === undefined) throw new Error(`FakeApp.getPath: no path set for '${name}'`);
    return found;
  }

  /** Electron answers the app's package.json version. */
  getVersion(): string {
    return '0.0.0-test';
  }
}

export class FakeWebRequest {
  beforeRequest: BeforeRequestListener | null = null;
  filter: unknown = undefined;

  onBeforeRequest(filterOrListener: unknown, maybeListener?: BeforeRequestListener | null): void {
    if (typeof filterOrListener === 'function') {
      this.beforeRequest = filterOrListener as BeforeRequestListener;
    } else {
      this.filter = filterOrListener;
      this.beforeRequest = maybeListener ?? null;
    }
  }

  /** Plays a request from the window; returns whether the session cancelled it (undefined: no answer). */
  request(url: string): boolean | undefined {
    if (!this.beforeRequest) throw new Error('No onBeforeRequest listener registered');
    let answer: CallbackResponse | undefined;
    const details = { id: 1, url, method: 'GET', resourceType: 'mainFrame', timestamp: Date.now(), uploadData: [] };
    this.beforeRequest(details as unknown as OnBeforeRequestListenerDetails, (response) => {
      answer = response;
    });
    return answer === undefined ? undefined : answer.cancel === true;
  }
}

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;
  readonly webRequest = new FakeWebRequest();

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Plays a page asking for a permission; returns what the handler granted (undefined: never answered). */
  requestPermission(permission: Permission, contents: FakeWebContents = new FakeWebContents('app://bundle/index.html')): boolean | undefined {
    if (!this.permissionRequestHandler) throw new Error('No permission request handler registered');
    let granted: boolean | undefined;
    const details = { isMainFrame: true, requestingUrl: contents.mainFrame.url };
    const answer = (permissionGranted: boolean) => {
      granted = permissionGranted;
    };
    this.permissionRequestHandler(contents.asWebContents(), permission, answer, details);
    return granted;
  }

  /** Plays a synchronous permission check. */
  checkPermission(permission: Permission, origin = 'app://bundle'): boolean {
    if (!this.permissionCheckHandler) throw new Error('No permission check handler registered');
    const details = { isMainFrame: true, requestingUrl: `${origin}/index.html`, embeddingOrigin: origin };
    return this.permissionCheckHandler(null, permission, origin, details);
  }

  asSession(): Session {
    return this as unknown as Session;
  }
}

export class FakeProtocol {
  /** One entry per registerSchemesAsPrivileged call, with its argument. */
  readonly privileged: CustomScheme[][] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.privileged.push(schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
    this.handlers.set(scheme, handler);
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  /** Plays ipcRenderer.invoke arriving in main. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** What invoke() resolves with; tests replace it. */
  respond: (channel: string, ...args: unknown[]) => unknown = () => undefined;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.respond(channel, ...args));
  }
}

export class FakeContextBridge {
  readonly exposed: { key: string; api: unknown }[] = [];

  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.push({ key, api });
  }
}

/**
 * A working stand-in for safeStorage: it really encrypts (AES-256-GCM under a
 * key only this instance knows), so a test can tell a wrapped key from a plain one.
 */
export class FakeSafeStorage implements SafeStorageLike {
  asyncAvailable = true;
  backend = 'gnome_libsecret';
  readonly encrypted: string[] = [];
  private readonly key = randomBytes(32);

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.asyncAvailable);
  }

  getSelectedStorageBackend(): string {
    return this.backend;
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    this.encrypted.push(plainText);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }> {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]);
      return Promise.resolve({ result: plain.toString('utf8') });
    } catch {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    }
  }
}

export type FakeElectronModule = FakeElectron['module'];

/** Records error boxes instead of showing them. */
export class FakeDialog {
  readonly errors: { title: string; content: string }[] = [];
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

export interface FakeElectron {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  ipcRenderer: FakeIpcRenderer;
  contextBridge: FakeContextBridge;
  protocol: FakeProtocol;
  defaultSession: FakeSession;
  safeStorage: FakeSafeStorage;
  dialog: FakeDialog;
  /** Every BrowserWindow the code under test constructed, in order. */
  windows: FakeBrowserWindow[];
  /** What `vi.mock('electron', () => fake.module)` should return. */
  module: {
    app: FakeApp;
    BrowserWindow: typeof FakeBrowserWindow;
    ipcMain: FakeIpcMain;
    ipcRenderer: FakeIpcRenderer;
    contextBridge: FakeContextBridge;
    protocol: FakeProtocol;
    session: { defaultSession: FakeSession };
    safeStorage: FakeSafeStorage;
    dialog: FakeDialog;
  };
}

/** A fresh fake with nothing recorded yet. */
export function createFakeElectron(): FakeElectron {
  const windows: FakeBrowserWindow[] = [];
  class RecordedBrowserWindow extends FakeBrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions) {
      super(options);
      windows.push(this);
    }
  }
  const app = new FakeApp();
  const ipcMain = new FakeIpcMain();
  const ipcRenderer = new FakeIpcRenderer();
  const contextBridge = new FakeContextBridge();
  const protocol = new FakeProtocol();
  const defaultSession = new FakeSession();
  const safeStorage = new FakeSafeStorage();
  const dialog = new FakeDialog();
  return {
    app,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    defaultSession,
    safeStorage,
    dialog,
    windows,
    module: {
      app,
      BrowserWindow: RecordedBrowserWindow,
      ipcMain,
      ipcRenderer,
      contextBridge,
      protocol,
      session: { defaultSession },
      safeStorage,
      dialog,
    },
  };
}

/**
 * A module object for `vi.mock('electron', ...)` whose exports always read
 * from `current()`. Vitest evaluates a mock factory once per file and keeps
 * the result across `vi.resetModules()`, so a test that wants a fresh fake for
 * each fresh import of the shell needs exports that look the fake up on use.
 */
export function forwardingElectronModule(current: () => FakeElectronModule): FakeElectronModule {
  const keys: (keyof FakeElectronModule)[] = ['app', 'BrowserWindow', 'ipcMain', 'ipcRenderer', 'contextBridge', 'protocol', 'session', 'safeStorage', 'dialog'];
  const module = {} as FakeElectronModule;
  for (const key of keys) {
    Object.defineProperty(module, key, { enumerable: true, get: () => current()[key] });
  }
  return module;
}
