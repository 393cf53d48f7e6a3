import path from 'node:path';
import pkg from '../../package.json';
import { openCore, type Core } from '../core/core';
import { DATABASE_FILE, databaseExists } from '../core/db/store';
import { ensurePrivateDir } from '../core/private-files';
import type { StoragePolicy } from '../core/storage';
import { loadOrCreateHostIdentity } from './identity';
import { keyFileInsideDataDir, loadOrCreateKeyFile } from './keyfile';
import { startHostServer } from './server';
import { backupBeforeUpgrade } from './upgrade-backup';

export interface HostOptions {
  dataDir: string;
  keyFile: string;
  listen: string;
  port: number;
  webRoot?: string;
  /** The audit checkpoints' append-only file; by default audit-anchors.log beside (not inside) the data folder. */
  anchorFile?: string;
  warn?: (message: string) => void;
  /** Start (and migrate) without the backup set an upgrade makes first: for a destination that cannot be brought back in time. */
  skipUpgradeBackup?: boolean;
  /** Notices (a data folder whose mode was tightened) and internal errors; stderr by default. */
  log?: (message: string) => void;
  /** Free-space warning threshold and upload margin (defaultStoragePolicy when absent). */
  storage?: StoragePolicy;
  /** The daily backup at the configured time; on unless a test turns it off. */
  scheduleBackups?: boolean;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly fingerprint: string;
  readonly core: Core;
  /** The line printed when ready; tests and scripts wait for it. */
  readonly readyLine: string;
  close(): Promise<void>;
}

/**
 * Beside the data folder, not in it: restoring, copying or wiping the folder
 * leaves the checkpoints that would show the log went back in time.
 */
export function defaultAnchorFile(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), ANCHOR_FILE);
}

export const ANCHOR_FILE = 'audit-anchors.log';

/** The core without a window: opens the store, makes the TLS identity on first run, serves. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const warn = options.warn ?? ((message: string) => console.error(`warning: ${message}`));
  const log = options.log ?? console.error;
  ensurePrivateDir(options.dataDir, log);
  const file = path.join(options.dataDir, DATABASE_FILE);
  if (keyFileInsideDataDir(options.keyFile, options.dataDir)) {
    warn('the key file is inside the data folder; anyone with a copy of the folder can open the database. Keep it on another volume.');
  }
  const anchorFile = options.anchorFile ?? defaultAnchorFile(options.dataDir);
  if (keyFileInsideDataDir(anchorFile, options.dataDir)) {
    warn('the audit checkpoint file is inside the data folder; a copy or restore of the folder would carry it. Keep it beside the folder or on another volume.');
  }
  const { key } = loadOrCreateKeyFile(options.keyFile, { databaseExists: databaseExists(file) });
  if (options.skipUpgradeBackup) {
    warn('--skip-upgrade-backup: if this start upgrades the database, no backup set is made first. Record why, and make one as soon as the destination is back.');
  } else {
    await backupBeforeUpgrade({ file, key, evidenceDir: path.join(options.dataDir, 'evidence'), anchorFile, log });
  }
  const core = openCore({ file, key, anchorFile, log, appVersion: pkg.version, ...(options.storage ? { storage: options.storage } : {}) });
  try {
    if (options.scheduleBackups !== false) core.scheduleBackups();
    const identity = await loadOrCreateHostIdentity(core.store.db, new Date(), options.listen);
    const server = await startHostServer({
      core,
      identity,
      listen: options.listen,
      port: options.port,
      version: pkg.version,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    return {
      url: server.url,
      port: server.port,
      fingerprint: identity.fingerprint,
      core,
      readyLine: `listening ${server.url} fingerprint SHA256:${identity.fingerprint}`,
      async close() {
        await server.close();
        core.close();
      },
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
