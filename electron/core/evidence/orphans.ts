import type { Database } from 'better-sqlite3-multiple-ciphers';
import { storedRecordingHashes } from './stored-recordings';
import type { EvidenceStore } from './evidence-store';

/**
 * Objects no recording names. Registering moves the upload into the store
 * just before its transaction commits, so a crash (kill -9, power cut) in
 * between leaves an encrypted file outside every custody log and retention
 * rule. The sweep moves such files to the quarantine folder, where the
 * administrator sees them; it never deletes anything.
 */

/** An on-demand sweep leaves files this young alone: an upload may be between its rename and its commit. */
export const ORPHAN_MIN_AGE_MS = 10 * 60 * 1000;

export interface SweepReport {
  /** Moved to the quarantine by this sweep. */
  moved: number;
  movedBytes: number;
  /** Left where they were because they are too recent or an upload in progress holds that content. */
  spared: number;
  /** What the quarantine holds after the sweep, this one's files included. */
  quarantine: { count: number; bytes: number };
}

export interface SweepOptions {
  now: Date;
  /** Spare files changed less than this long ago (0 at start, when no upload can be under way). */
  minAgeMs: number;
  /** Content hashes of uploads received but not yet registered. */
  inProgress?: readonly string[];
}

export function sweepOrphans(db: Database, store: EvidenceStore, { now, minAgeMs, inProgress = [] }: SweepOptions): SweepReport {
  // A schema from before recordings (a store opened at an older migration) names nothing, and no upload could have made an object.
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'recordings'").get()) {
    return { moved: 0, movedBytes: 0, spared: 0, quarantine: store.quarantined() };
  }
  // Synchronous from reading the names to the last move: no call of this process can register in between.
  const named = new Set(storedRecordingHashes(db).map((sha256) => store.objectName(sha256)));
  const pending = new Set(inProgress.map((sha256) => store.objectName(sha256)));
  let moved = 0;
  let movedBytes = 0;
  let spared = 0;
  for (const object of store.objects()) {
    if (named.has(object.name)) continue;
    if (pending.has(object.name) || (minAgeMs > 0 && now.getTime() - object.changedAt < minAgeMs)) {
      spared++;
      continue;
    }
    store.quarantine(object, now);
    moved++;
    movedBytes += object.size;
  }
  return { moved, movedBytes, spared, quarantine: store.quarantined() };
}

/** The line for the host's log (no names: the count and size are what the administrator acts on). */
export function sweepLine(report: SweepReport, quarantineDir: string): string | null {
  if (report.quarantine.count === 0) return null;
  const now = report.moved > 0 ? `moved ${report.moved} file(s), ${report.movedBytes} bytes, that no recording names into the quarantine; ` : '';
  return `warning: evidence store: ${now}the quarantine holds ${report.quarantine.count} file(s), ${report.quarantine.bytes} bytes: ${quarantineDir} (see docs/operations.md, "Evidence quarantine")`;
}
