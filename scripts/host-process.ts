// The built host (out/main/host.js) as a child process, for the scripts that must
// kill it (crash test) or measure it under a backup (bench:backup): a host inside
// the script's own process could not be kill -9'd, nor share its event loop fairly.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '../shared/client';
import { createRemoteTransport, probeHost } from '../electron/main/remote-host';

export const HOST_JS = fileURLToPath(new URL('../out/main/host.js', import.meta.url));

export function requireBuiltHost(script: string): void {
  if (!fs.existsSync(HOST_JS)) {
    console.error(`${script}: ${path.relative(process.cwd(), HOST_JS)} is missing; run npx electron-vite build first.`);
    process.exit(2);
  }
}

export interface HostProcess {
  child: ChildProcess;
  url: string;
  fingerprint: string;
  /** A client pinned to the certificate whose fingerprint the host printed, as a workstation joins it. */
  client(workstation?: string): Promise<Client>;
  /** SIGKILL: no handler runs, nothing is flushed; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, the host's orderly stop. */
  stop(): Promise<void>;
  /** Everything the host wrote to stderr (for a failure's report). */
  stderr(): string;
}

const READY = /^listening (https:\/\/\S+) fingerprint SHA256:([0-9a-f]{64})$/m;

export async function startHostProcess(options: { dataDir: string; keyFile: string; timeoutMs?: number }): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST_JS, '--data', options.dataDir, '--key-file', options.keyFile, '--listen', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Two minutes: loading the bundle alone takes 6–15 s on a 2-core machine another test run keeps busy.
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not print its ready line within ${options.timeoutMs ?? 120_000} ms\n${err}`));
    }, options.timeoutMs ?? 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = READY.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code ?? signal}) before it was ready\n${err}`));
    });
  });
  const url = ready[1]!;
  const fingerprint = ready[2]!;
  const transports: { close(): void }[] = [];
  return {
    child,
    url,
    fingerprint,
    async client(workstation = 'crash-test') {
      const probe = await probeHost(url);
      // Pin what the host printed, not what the socket presents: a mismatch is a failure, never trust on first use.
      if (probe.fingerprint !== fingerprint) throw new Error(`the host presents ${probe.fingerprint}, but printed ${fingerprint}`);
      const transport = createRemoteTransport({ url, certPem: probe.certPem, fingerprint }, workstation);
      transports.push(transport);
      return createClient(transport);
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      for (const transport of transports.splice(0)) transport.close();
    },
    async stop() {
      for (const transport of transports.splice(0)) transport.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    stderr: () => err,
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** When `began` first held, in ms from the start (null if it never did). */
  beganMs: number | null;
}

/**
 * One host.js subcommand (backup, verify-backup, restore, rekey) to its end.
 * `began` (polled every 10 ms) marks when the command got to work, past Node's
 * start; `killAfterMs` then counts from that moment (from the spawn without it).
 */
export function runHostCli(args: string[], options: { killAfterMs?: number; began?: () => boolean } = {}): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [HOST_JS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let beganMs: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const armKill = () => {
    if (options.killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  };
  const poll = options.began
    ? setInterval(() => {
        if (!options.began!()) return;
        beganMs = performance.now() - started;
        clearInterval(poll);
        armKill();
      }, 10)
    : undefined;
  if (!options.began) armKill();
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, beganMs });
    });
  });
}
