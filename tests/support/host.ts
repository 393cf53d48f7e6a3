import type { Agent } from 'node:https';
import path from 'node:path';
import { createClient, type Client } from '../../shared/client';
import { startHost, type RunningHost } from '../../electron/host/host';
import { createRemoteTransport } from '../../electron/main/remote-host';
import { probeHost } from '../../electron/main/remote-host';
import { tempDir } from './temp';

export interface TestHost {
  host: RunningHost;
  dataDir: string;
  keyFile: string;
  /** A client as a client-mode workstation would use: HTTPS pinned to the host's certificate. */
  client(): Promise<Client>;
  close(): Promise<void>;
}

/** A real host: encrypted database, TLS, loopback only, a free port. */
export async function startTestHost(options: { webRoot?: string } = {}): Promise<TestHost> {
  const dataDir = path.join(tempDir(), 'data');
  const keyFile = path.join(tempDir(), 'keys', 'host.key');
  const host = await startHost({ dataDir, keyFile, listen: '127.0.0.1', port: 0, warn: () => undefined, ...options });
  const transports: { close(): void }[] = [];
  return {
    host,
    dataDir,
    keyFile,
    async client() {
      const probe = await probeHost(host.url);
      const transport = createRemoteTransport({ url: host.url, certPem: probe.certPem, fingerprint: host.fingerprint }, 'test-workstation');
      transports.push(transport);
      return createClient(transport);
    },
    async close() {
      for (const transport of transports) transport.close();
      await host.close();
    },
  };
}

/** Raw HTTPS to the host, for checking statuses and headers the typed client hides. */
export async function rawPost(url: string, method: string, body: string | undefined, headers: Record<string, string> = {}, agent?: Agent) {
  const { request } = await import('node:https');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: unknown; text: string }>((resolve, reject) => {
    const req = request(
      `${url}/api/${method}`,
      { method: 'POST', rejectUnauthorized: false, ...(agent ? { agent } : {}), headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
