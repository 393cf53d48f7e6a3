import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { lastVerifiedRunAt } from './backup/runs';
import type { EvidenceStore } from './evidence/evidence-store';
import { freeSpace, warnBelowBytes, type StoragePolicy } from './storage';

export interface Health {
  storage: 'ok' | 'low' | 'full';
  lastVerifiedBackupAt: string | null;
}

/**
 * For a monitoring tool polling without a session: two facts and no data.
 * Read from the host's own records only: a hung network share at the backup
 * destination must not hang the health check that should report it.
 */
export function healthOf(db: Database, evidence: EvidenceStore, policy: StoragePolicy): Health {
  const space = freeSpace([path.dirname(db.name), evidence.dir]);
  // Below the upload margin, the next recording or even the WAL can fail to be written: as good as full.
  const storage = space.freeBytes < policy.uploadMarginBytes ? 'full' : space.freeBytes < warnBelowBytes(space, policy) ? 'low' : 'ok';
  return { storage, lastVerifiedBackupAt: lastVerifiedRunAt(db) };
}
