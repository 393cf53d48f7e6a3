import type { CallResult } from './client';
import type { ChangeEvent } from './events';

/**
 * A file the person picked: in the renderer, a DOM `File`. shared/ is
 * compiled without the DOM library, so only what the bridge's type needs.
 */
export interface UploadFile {
  readonly name: string;
  readonly size: number;
}

/** An upload under way: its answer (the host's `{ sha256, size }`, or a refusal), and a way to stop it. */
export interface UploadTransfer {
  readonly done: Promise<CallResult>;
  abort(): void;
}

/**
 * What the preload exposes to the renderer as `window.barnahus`: one call
 * function and one subscription, nothing else of Electron or Node.
 */
export interface DesktopBridge {
  call(method: string, input: unknown, token: string | null): Promise<CallResult>;
  /** Change events for this session; returns a function that stops them. */
  subscribe(token: string, listener: (event: ChangeEvent) => void): Promise<() => void>;
  /**
   * Sends a file's bytes to an upload address the host handed out
   * (`recordings.startUpload`), reporting bytes sent as they go. Only the web
   * bridge has it so far: the desktop window does not carry uploads yet.
   */
  upload?(url: string, file: UploadFile, token: string | null, onProgress: (sent: number, total: number) => void): UploadTransfer;
}

export const ipcChannels = {
  call: 'barnahus:call',
  subscribe: 'barnahus:subscribe',
  unsubscribe: 'barnahus:unsubscribe',
  event: 'barnahus:event',
} as const;
