import type { DesktopBridge } from '../../../shared/bridge';
import type { CallResult } from '../../../shared/client';
import { errorBodySchema, type ApiErrorPayload } from '../../../shared/contract';
import { changeEventSchema, socketCloseCodes, socketServerMessageSchema } from '../../../shared/events';

const unreachable: CallResult = { ok: false, error: { code: 'unavailable', message: 'The host cannot be reached.' } };
const refused = (code: ApiErrorPayload['code'], message: string, details?: unknown): CallResult => ({
  ok: false,
  error: { code, message, ...(details === undefined ? {} : { details }) },
});
const RECONNECT_DELAYS_MS = [1000, 3000, 10_000, 30_000];

/**
 * The bridge for a browser served by the host (`--web`): the same calls as
 * the desktop app, over HTTPS to the page's own origin, and the change events
 * over a WebSocket that reconnects while the session lasts. Recording files
 * go up with XMLHttpRequest, the one browser API that reports upload progress.
 */
export function createWebBridge(origin: string): DesktopBridge {
  return {
    async call(method, input, token) {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        return unreachable;
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return unreachable;
      }
      if (response.ok) return { ok: true, data: body };
      const parsed = errorBodySchema.safeParse(body);
      return parsed.success ? { ok: false, error: parsed.data.error } : unreachable;
    },

    upload(url, file: File, token, onProgress) {
      const target = new URL(url, origin);
      // The session token goes only to the host that issued the address.
      if (target.origin !== new URL(origin).origin) {
        return { done: Promise.resolve(refused('invalid_input', 'The upload address is not on this host.')), abort: () => undefined };
      }
      const request = new XMLHttpRequest();
      const done = new Promise<CallResult>((resolve) => {
        request.open('PUT', target.href);
        request.setRequestHeader('content-type', 'application/octet-stream');
        if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
        request.withCredentials = false;
        request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
        request.onload = () => {
          let body: unknown;
          try {
            body = JSON.parse(request.responseText);
          } catch {
            return resolve(unreachable);
          }
          if (request.status >= 200 && request.status < 300) return resolve({ ok: true, data: body });
          const parsed = errorBodySchema.safeParse(body);
          resolve(parsed.success ? { ok: false, error: parsed.data.error } : unreachable);
        };
        request.onerror = () => resolve(unreachable);
        request.ontimeout = () => resolve(unreachable);
        request.onabort = () => resolve(refused('unavailable', 'The upload was stopped.', { reason: 'aborted' }));
        // A File is streamed from disk as it is sent, never read into memory.
        request.send(file);
      });
      return { done, abort: () => request.abort() };
    },

    subscribe(token, listener) {
      let stopped = false;
      let socket: WebSocket | null = null;
      let attempt = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const url = new URL('/api/events', origin);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

      const connect = () => {
        socket = new WebSocket(url);
        socket.onopen = () => socket?.send(JSON.stringify({ type: 'auth', token }));
        socket.onmessage = (message) => {
          let data: unknown;
          try {
            data = JSON.parse(String(message.data));
          } catch {
            return;
          }
          const parsed = socketServerMessageSchema.safeParse(data);
          if (!parsed.success) return;
          attempt = 0;
          if (parsed.data.type === 'change') listener(changeEventSchema.parse(parsed.data));
        };
        socket.onclose = (event) => {
          const ended = event.code === socketCloseCodes.notSignedIn || event.code === socketCloseCodes.sessionEnded;
          if (stopped || ended) return;
          const delay = RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)];
          timer = setTimeout(connect, delay);
        };
      };
      connect();
      return Promise.resolve(() => {
        stopped = true;
        clearTimeout(timer);
        socket?.close();
      });
    },
  };
}
