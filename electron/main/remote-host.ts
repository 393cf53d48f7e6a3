import https from 'node:https';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import tls, { type PeerCertificate } from 'node:tls';
import { WebSocket } from 'ws';
import type { CallResult, Transport } from '../../shared/client';
import { errorBodySchema } from '../../shared/contract';
import { changeEventSchema, socketServerMessageSchema, type ChangeEvent } from '../../shared/events';
import { certificateFingerprint } from '../host/identity';
import { tlsPolicy } from '../host/tls-policy';

export interface PinnedHost {
  url: string;
  /** The certificate the administrator confirmed, by fingerprint, when joining. */
  certPem: string;
  fingerprint: string;
}

export interface ProbedHost {
  url: string;
  fingerprint: string;
  certPem: string;
  subject: string;
  validTo: string;
}

const CALL_TIMEOUT_MS = 30_000;

/**
 * Reads the certificate a host presents, without trusting it: the
 * administrator compares the fingerprint with the one the host printed
 * before anything is sent to it.
 */
export function probeHost(url: string, timeoutMs = 10_000): Promise<ProbedHost> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host,
      port: Number(target.port || 443),
      rejectUnauthorized: false,
      ...tlsPolicy,
      ...(isIP(host) ? {} : { servername: host }),
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`No answer from ${target.host} within ${timeoutMs / 1000} s`)));
    socket.once('secureConnect', () => {
      const x509 = socket.getPeerX509Certificate();
      socket.end();
      if (!x509) return reject(new Error(`${target.host} presented no certificate`));
      resolve({
        url: target.origin,
        fingerprint: certificateFingerprint(x509.raw),
        certPem: x509.toString(),
        subject: x509.subject,
        validTo: x509.validTo,
      });
    });
    socket.once('error', reject);
  });
}

function pinnedOptions(host: PinnedHost) {
  return {
    ...tlsPolicy,
    ca: host.certPem,
    // The certificate is trusted as its own anchor; the name check is replaced
    // by the pin, so a host reached by a new address or name still works.
    checkServerIdentity: (_name: string, cert: PeerCertificate) =>
      certificateFingerprint(cert.raw) === host.fingerprint
        ? undefined
        : new Error('The host presented a different certificate than the one confirmed when joining.'),
  };
}

const unreachable = (host: PinnedHost, reason: string): CallResult => ({
  ok: false,
  error: { code: 'unavailable', message: `The host ${host.url} cannot be reached: ${reason}` },
});

/** Forwards calls to the host over TLS pinned to its certificate. */
export function createRemoteTransport(host: PinnedHost, workstationName = hostname()): Transport & {
  subscribe(token: string, listener: (event: ChangeEvent) => void): () => void;
  close(): void;
} {
  const agent = new https.Agent({ keepAlive: true, ...pinnedOptions(host) });
  const base = new URL(host.url);

  function call(method: string, input: unknown, token: string | null): Promise<CallResult> {
    const body = JSON.stringify(input ?? {});
    return new Promise((resolve) => {
      const request = https.request(
        new URL(`/api/${encodeURIComponent(method)}`, base),
        {
          method: 'POST',
          agent,
          timeout: CALL_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-barnahus-workstation': workstationName,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              return resolve(unreachable(host, 'it answered with something other than JSON'));
            }
            if (response.statusCode === 200) return resolve({ ok: true, data: parsed });
            const error = errorBodySchema.safeParse(parsed);
            resolve(error.success ? { ok: false, error: error.data.error } : unreachable(host, `unexpected answer (${response.statusCode})`));
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) => resolve(unreachable(host, error.message)));
      request.end(body);
    });
  }

  const sockets = new Set<WebSocket>();

  function subscribe(token: string, listener: (event: ChangeEvent) => void): () => void {
    const wsUrl = new URL('/api/events', base);
    wsUrl.protocol = 'wss:';
    const socket = new WebSocket(wsUrl, { ...pinnedOptions(host), headers: { 'x-barnahus-workstation': workstationName } });
    sockets.add(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('message', (raw) => {
      let message: unknown;
      try {
        message = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '');
      } catch {
        return;
      }
      const parsed = socketServerMessageSchema.safeParse(message);
      if (parsed.success && parsed.data.type === 'change') listener(changeEventSchema.parse(parsed.data));
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => sockets.delete(socket));
    return () => socket.close();
  }

  return {
    call,
    subscribe,
    close() {
      for (const socket of sockets) socket.terminate();
      agent.destroy();
    },
  };
}
