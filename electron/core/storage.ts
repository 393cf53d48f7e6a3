import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

/**
 * The data volume filling up. SQLite answers SQLITE_FULL ("database or disk
 * is full") and file writes ENOSPC; both become one refusal the screens word
 * for the user, instead of a generic 500. Nothing needs a restart: once space
 * is freed, the next write succeeds.
 */
export const STORAGE_FULL_MESSAGE = "The centre's storage is full: tell the administrator.";

export function storageFull(): AppError {
  return new AppError('storage_full', STORAGE_FULL_MESSAGE);
}

export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** When administrators are warned, and how much room an upload must leave. */
export interface StoragePolicy {
  /** Warn when less than this share of the volume is free… */
  warnFraction: number;
  /** …or less than this many bytes, whichever is reached first. */
  warnBytes: number;
  /** An upload must leave this much free beyond its own size (the database, its WAL and audit rows need room too). */
  uploadMarginBytes: number;
}

export const defaultStoragePolicy: StoragePolicy = {
  warnFraction: 0.1,
  warnBytes: 5 * 1024 ** 3,
  uploadMarginBytes: 256 * 1024 ** 2,
};

export interface VolumeSpace {
  freeBytes: number;
  totalBytes: number;
}

/** Free space for this process (not root's reserve) on the volume holding each folder; the tightest one. */
export function freeSpace(dirs: readonly string[]): VolumeSpace {
  let tightest: VolumeSpace | null = null;
  for (const dir of dirs) {
    const stats = fs.statfsSync(dir);
    const space = { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
    if (!tightest || space.freeBytes < tightest.freeBytes) tightest = space;
  }
  if (!tightest) throw new Error('freeSpace needs at least one folder');
  return tightest;
}

export function warnBelowBytes(space: VolumeSpace, policy: StoragePolicy): number {
  return Math.max(Math.floor(space.totalBytes * policy.warnFraction), policy.warnBytes);
}

/** Refuses, before a byte is sent, an upload the volume cannot hold with room to spare. */
export function requireRoomFor(bytes: number, dirs: readonly string[], policy: StoragePolicy): void {
  const { freeBytes } = freeSpace(dirs);
  if (freeBytes < bytes + policy.uploadMarginBytes) {
    throw new AppError('storage_full', STORAGE_FULL_MESSAGE, { freeBytes, neededBytes: bytes + policy.uploadMarginBytes });
  }
}

/** The folders the centre writes to: the database's and the evidence store's (possibly on another volume). */
export function dataFolders(ctx: { db: { name: string }; evidence: { store: { dir: string } } }): string[] {
  return [path.dirname(ctx.db.name), ctx.evidence.store.dir];
}
