import type { CallResult } from './client';
import type { ChangeEvent } from './events';

/**
 * What the preload exposes to the renderer as `window.barnahus`: one call
 * function and one subscription, nothing else of Electron or Node.
 */
export interface DesktopBridge {
  call(method: string, input: unknown, token: string | null): Promise<CallResult>;
  /** Change events for this session; returns a function that stops them. */
  subscribe(token: string, listener: (event: ChangeEvent) => void): Promise<() => void>;
}

export const ipcChannels = {
  call: 'barnahus:call',
  subscribe: 'barnahus:subscribe',
  unsubscribe: 'barnahus:unsubscribe',
  event: 'barnahus:event',
} as const;
