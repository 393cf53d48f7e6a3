/**
 * The backup engine's vocabulary, shared by the CLI, the host's scheduler and
 * the Backups page's handlers. A destination folder holds:
 *
 *   DEST/barnahus-backups.json     what this folder is (format, created)
 *   DEST/objects/<2 hex>/<64 hex>  evidence objects, copied byte for byte from
 *                                  the host's store (still encrypted), shared by all sets
 *   DEST/sets/<name>/              one set: database.db (encrypted snapshot),
 *                                  audit-anchors.log (copy), manifest.json (last),
 *                                  verification.json (after the automatic verify)
 *   DEST/sets/.partial-<name>/     a set being written; never looks complete
 */

export type BackupKind = 'manual' | 'scheduled' | 'cli' | 'upgrade';

export interface BackupSource {
  /** The encrypted database file (DATA/barnahus.db). */
  file: string;
  /** The database key (32 bytes): the set is encrypted with it. */
  key: Buffer;
  /** The evidence store folder (DATA/evidence). */
  evidenceDir: string;
  /** The audit anchor file, copied into the set when it exists. */
  anchorFile: string | null;
}

export interface BackupProgress {
  phase: 'snapshot' | 'evidence' | 'manifest' | 'verify' | 'restore';
  files: number;
  filesTotal: number;
  bytes: number;
  bytesTotal: number;
}

export interface VerificationResult {
  ok: boolean;
  /** ISO time the verification finished. */
  at: string;
  durationMs: number;
  /** The first file that does not match the manifest (or the check that failed), in words. */
  problem: string | null;
  /** Relative path inside the set or destination of the first mismatching file, when it is a file. */
  firstMismatch: string | null;
  checks: {
    manifest: boolean;
    files: boolean;
    integrity: boolean;
    audit: boolean;
    evidence: boolean;
  };
}

export interface BackupSetSummary {
  name: string;
  dir: string;
  kind: BackupKind;
  /** ISO time of the snapshot. */
  createdAt: string;
  durationMs: number;
  /** The database snapshot plus every evidence object the set needs. */
  sizeBytes: number;
  /** What this set added to the destination (the database and the objects it lacked). */
  newBytes: number;
  objects: number;
  newObjects: number;
  schemaVersion: number;
  appVersion: string;
  audit: { entries: number; head: string };
  /** Whether the recovery key (of that time) can open this set. */
  recoveryKey: { fingerprint: string } | null;
  verification: VerificationResult | null;
}

export interface Retention {
  daily: number;
  weekly: number;
  monthly: number;
}

export const defaultRetention: Retention = { daily: 7, weekly: 4, monthly: 12 };
