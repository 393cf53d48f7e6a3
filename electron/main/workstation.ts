import type { MediaSource } from './protocol';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CallResult } from '../../shared/client';
import type { ChangeEvent } from '../../shared/events';
import { isWorkstationMethod, workstationContract, type WorkstationStatus } from '../../shared/workstation';
import { openCore, type Core } from '../core/core';
import { DATABASE_FILE } from '../core/db/store';
import { ensurePrivateDir } from '../core/private-files';
import { StoreError } from '../core/db/store-error';
import { AppError, invalidInput } from '../core/errors';
import { createDatabaseKey, osProtectionAvailable, readKeyProtection, unwrapDatabaseKey, type SafeStorageLike } from './keystore';
import { createRemoteTransport, probeHost, type PinnedHost, type ProbedHost } from './remote-host';

export const CONFIG_FILE = 'workstation.json';

const configSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }),
  z.object({ mode: z.literal('client'), host: z.object({ url: z.string(), certPem: z.string(), fingerprint: z.string() }) }),
]);
type Config = z.infer<typeof configSchema>;

export interface WorkstationDeps {
  /** Electron's userData folder. */
  dir: string;
  safeStorage: SafeStorageLike;
  nativeBinding?: string;
  platform?: NodeJS.Platform;
  /** app.getVersion(), for backup manifests. */
  appVersion?: string;
}

type Remote = ReturnType<typeof createRemoteTransport>;

/**
 * How this desktop reaches its data: its own encrypted database
 * (standalone), or a host on the LAN (client). Main routes every window call
 * through here; the renderer never learns which, nor touches the network.
 */
export class Workstation {
  private config: Config | null;
  private core: Core | null = null;
  private remote: Remote | null = null;
  private readonly probed = new Map<string, ProbedHost>();

  private constructor(private readonly deps: WorkstationDeps) {
    this.config = readConfig(deps.dir);
    if (this.config?.mode === 'client') this.remote = createRemoteTransport(this.config.host);
  }

  static async open(deps: WorkstationDeps): Promise<Workstation> {
    const workstation = new Workstation(deps);
    if (workstation.config?.mode === 'standalone' && readKeyProtection(deps.dir) === 'os') {
      workstation.openStandalone(await unwrapDatabaseKey(deps.dir, { safeStorage: deps.safeStorage }));
    }
    return workstation;
  }

  async call(method: string, input: unknown, token: string | null): Promise<CallResult> {
    if (isWorkstationMethod(method)) return this.callLocal(method, input);
    if (this.core) {
      const outcome = await this.core.dispatch({ method, input, token, origin: { transport: 'ipc', workstation: 'this computer' } });
      return outcome.ok ? { ok: true, data: outcome.data } : { ok: false, error: outcome.error };
    }
    if (this.remote) return this.remote.call(method, input, token);
    return { ok: false, error: { code: 'locked', message: 'Set up or unlock this workstation first.' } };
  }

  /** The local core's recordings, for the app:// protocol; null in client mode (the host serves them). */
  mediaSource(): MediaSource | null {
    const core = this.core;
    return core ? (ticket, range) => core.openMedia(ticket, range) : null;
  }

  subscribe(token: string, listener: (event: ChangeEvent) => void): () => void {
    if (this.remote) return this.remote.subscribe(token, listener);
    const core = this.core;
    const caller = core?.authenticate(token);
    if (!core || !caller) return () => undefined;
    const stop = core.subscribe((event) => {
      if (event.kind === 'session-ended') {
        if (event.sessionId === caller.sessionId) stop();
      } else {
        const current = core.authenticate(token);
        if (current && !current.locked && core.mayReceive(current, event.change)) listener(event.change);
      }
    });
    return stop;
  }

  close(): void {
    this.core?.close();
    this.remote?.close();
  }

  async status(): Promise<WorkstationStatus> {
    const available = await osProtectionAvailable(this.deps.safeStorage, this.deps.platform);
    return {
      mode: this.config?.mode ?? 'unconfigured',
      locked: this.config?.mode === 'standalone' && !this.core,
      keyProtection: this.config?.mode === 'standalone' ? readKeyProtection(this.deps.dir) : null,
      osProtectionAvailable: available,
      host: this.config?.mode === 'client' ? { url: this.config.host.url, fingerprint: this.config.host.fingerprint } : null,
    };
  }

  private async callLocal(method: keyof typeof workstationContract, raw: unknown): Promise<CallResult> {
    const parsed = workstationContract[method].input.safeParse(raw);
    try {
      if (!parsed.success) throw invalidInput(parsed.error);
      return { ok: true, data: await this.runLocal(method, parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toPayload() };
      if (error instanceof StoreError) return { ok: false, error: { code: 'internal', message: error.message } };
      return { ok: false, error: { code: 'unavailable', message: (error as Error).message } };
    }
  }

  private async runLocal(method: keyof typeof workstationContract, input: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'workstation.status':
        return this.status();
      case 'workstation.setupStandalone': {
        this.requireUnconfigured();
        const passphrase = input.passphrase as string | undefined;
        const useOs = await osProtectionAvailable(this.deps.safeStorage, this.deps.platform);
        if (!useOs && !passphrase) {
          throw new AppError('invalid_input', 'This computer cannot protect the key by itself: choose an administrator passphrase.', {
            issues: [{ path: ['passphrase'], code: 'required', message: 'Required on this computer' }],
          });
        }
        const key = await createDatabaseKey(this.deps.dir, useOs ? { safeStorage: this.deps.safeStorage } : { passphrase: passphrase as string });
        this.openStandalone(key);
        this.saveConfig({ mode: 'standalone' });
        return this.status();
      }
      case 'workstation.unlock': {
        if (this.config?.mode !== 'standalone') throw new AppError('conflict', 'This workstation has no database of its own to unlock.');
        if (!this.core) this.openStandalone(await unwrapDatabaseKey(this.deps.dir, { passphrase: input.passphrase as string }));
        return this.status();
      }
      case 'workstation.probeHost': {
        const probe = await probeHost(input.url as string);
        this.probed.set(probe.url, probe);
        return { url: probe.url, fingerprint: probe.fingerprint, subject: probe.subject, validTo: probe.validTo };
      }
      case 'workstation.joinHost': {
        this.requireUnconfigured();
        const url = new URL(input.url as string).origin;
        const probe = this.probed.get(url) ?? (await probeHost(url));
        if (probe.fingerprint !== input.fingerprint) {
          throw new AppError('conflict', 'The fingerprint does not match the certificate this host presents. Do not join it; ask the administrator.');
        }
        const host: PinnedHost = { url, certPem: probe.certPem, fingerprint: probe.fingerprint };
        const remote = createRemoteTransport(host);
        const check = await remote.call('setup.status', {}, null);
        if (!check.ok) {
          remote.close();
          throw new AppError('unavailable', check.error.message);
        }
        this.remote = remote;
        this.saveConfig({ mode: 'client', host });
        return this.status();
      }
    }
  }

  private requireUnconfigured(): void {
    if (this.config) throw new AppError('conflict', 'This workstation is already set up.');
  }

  private openStandalone(key: Buffer): void {
    const dataDir = path.join(this.deps.dir, 'data');
    // userData also holds the wrapped key and this file's configuration; openStore makes the data folder
    // inside it 0700 and the database files 0600, tightening any left looser.
    ensurePrivateDir(this.deps.dir, console.error);
    this.core = openCore({
      file: path.join(dataDir, DATABASE_FILE),
      key,
      // userData/audit-anchors.log: beside the data folder, where the desktop app keeps no copy of the database.
      anchorFile: path.join(this.deps.dir, 'audit-anchors.log'),
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
      ...(this.deps.appVersion ? { appVersion: this.deps.appVersion } : {}),
    });
    // The desktop app backs itself up daily like the host does, once a destination is chosen on the Backups page.
    this.core.scheduleBackups();
  }

  private saveConfig(config: Config): void {
    fs.writeFileSync(path.join(this.deps.dir, CONFIG_FILE), JSON.stringify(config, null, 2), { mode: 0o600 });
    this.config = config;
  }
}

function readConfig(dir: string): Config | null {
  const file = path.join(dir, CONFIG_FILE);
  if (!fs.existsSync(file)) return null;
  const parsed = configSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is damaged; remove it to set this workstation up again.`);
  return parsed.data;
}
