import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { ipcChannels } from '../../shared/bridge';
import type { CallResult } from '../../shared/client';
import type { ChangeEvent } from '../../shared/events';
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** Whatever answers the window's calls: the Workstation in the app, a fake in tests. */
export interface CallRouter {
  call(method: string, input: unknown, token: string | null): Promise<CallResult>;
  subscribe(token: string, listener: (event: ChangeEvent) => void): () => void;
}

const envelopeSchema = z.object({
  method: z.string().min(1).max(100),
  input: z.unknown(),
  token: z.string().max(512).nullable(),
});

/**
 * Security checklist item 17: only the top frame of our own window, showing
 * our own bundle, may call. A frame from anywhere else is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, windowContents: WebContents | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !windowContents || event.sender !== windowContents) return false;
  if (frame !== windowContents.mainFrame) return false;
  // The checklist asks for the origin; the URL check also refuses about:blank, data: and blob: documents.
  return frame.origin === APP_ORIGIN && isAppUrl(frame.url);
}

const refused: CallResult = { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Barnahus Desk window.' } };

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, router: CallRouter, windowContents: () => WebContents | null): void {
  const subscriptions = new Map<number, { stop: () => void; sender: WebContents; forget: () => void }>();
  let nextId = 1;

  function end(id: number): void {
    const entry = subscriptions.get(id);
    if (!entry) return;
    subscriptions.delete(id);
    entry.stop();
    entry.sender.removeListener('destroyed', entry.forget);
    entry.sender.removeListener('did-start-navigation', entry.forget);
  }

  ipcMain.handle(ipcChannels.call, async (event, envelope: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event, windowContents())) return refused;
    const parsed = envelopeSchema.safeParse(envelope);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'Malformed call.' } };
    return router.call(parsed.data.method, parsed.data.input, parsed.data.token);
  });

  ipcMain.handle(ipcChannels.subscribe, (event, token: unknown): number | null => {
    if (!isTrustedSender(event, windowContents()) || typeof token !== 'string') return null;
    const id = nextId++;
    const sender = event.sender;
    const stop = router.subscribe(token, (change) => {
      if (!sender.isDestroyed()) sender.send(ipcChannels.event, { id, event: change });
    });
    // A reload or a closed window ends the page's subscriptions; the new page subscribes afresh.
    const forget = () => end(id);
    subscriptions.set(id, { stop, sender, forget });
    sender.once('destroyed', forget);
    sender.once('did-start-navigation', forget);
    return id;
  });

  ipcMain.handle(ipcChannels.unsubscribe, (event, id: unknown): void => {
    if (!isTrustedSender(event, windowContents()) || typeof id !== 'number') return;
    if (subscriptions.get(id)?.sender === event.sender) end(id);
  });
}
