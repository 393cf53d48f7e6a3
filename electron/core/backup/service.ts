import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BackupProgress as ProgressView, BackupSet, BackupStatus } from '../../../shared/contract/methods/backups';
import { checkMessages } from '../../../shared/contract/fields';
import { iso, type Clock } from '../clock';
import { AppError, fieldError } from '../errors';
import type { EventBus } from '../events';
import { freeSpace, warnBelowBytes, type StoragePolicy } from '../storage';
import { createBackupSet } from './create';
import { listBackupSets } from './destination';
import { rotateBackups } from './rotation';
import { finishRun, lastRun, lastVerifiedRunAt, startRun } from './runs';
import { readBackupSettings } from './settings';
import { readCentreZone } from './settings-row';
import type { BackupKind, BackupProgress, BackupSetSummary, BackupSource } from './types';
import { verifyBackupSet } from './verify';

/** No verified set for longer than this raises "needs attention": a daily backup plus two hours of slack. */
export const VERIFIED_WITHIN_MS = 26 * 60 * 60 * 1000;

export interface BackupServiceDeps {
  db: Database;
  /** The database file, its key, the evidence store and the anchor file; null for a core that cannot back itself up (tools). */
  source: BackupSource | null;
  clock: Clock;
  bus: EventBus;
  log: (message: string) => void;
  /** Appends a 'backup' audit checkpoint, so each set carries the checkpoint of its moment. */
  writeCheckpoint: () => void;
  storage: StoragePolicy;
  /** The SQLite binding built for Electron's ABI (desktop standalone); the engine's own connections need it too. */
  nativeBinding?: string;
  /**
   * Written into each manifest. Given by the process that knows it (the host's
   * package.json, Electron's app.getVersion()): core code imports no JSON, so
   * plain-Node loaders (Playwright's) can load it.
   */
  appVersion?: string;
}

function words(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function toSetView(set: BackupSetSummary): BackupSet {
  const v = set.verification;
  return {
    name: set.name,
    kind: set.kind,
    createdAt: set.createdAt,
    durationMs: set.durationMs,
    sizeBytes: set.sizeBytes,
    newBytes: set.newBytes,
    objects: set.objects,
    newObjects: set.newObjects,
    recoveryFingerprint: set.recoveryKey?.fingerprint ?? null,
    verification: v ? { ok: v.ok, at: v.at, durationMs: v.durationMs, problem: v.problem } : null,
  };
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Backs the centre up in the background, one task at a time (a backup, or a
 * verification of an existing set), and remembers every attempt in
 * backup_runs. The Backups page's handlers and the scheduler both come here;
 * the engine (create/verify/rotate) does the file work.
 */
export class BackupService {
  private current: ProgressView | null = null;
  private task: Promise<void> = Promise.resolve();

  constructor(private readonly deps: BackupServiceDeps) {}

  private binding(): { nativeBinding?: string } {
    return this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {};
  }

  get running(): ProgressView | null {
    return this.current ? { ...this.current } : null;
  }

  /** Settles when the task under way (if any) has finished and been recorded. */
  idle(): Promise<void> {
    return this.task;
  }

  private requireIdle(): void {
    if (this.current) {
      throw new AppError('conflict', this.current.task === 'backup' ? 'A backup is running already: wait for it to finish.' : 'A backup is being verified: wait for it to finish.', {
        reason: 'busy',
        running: this.current,
      });
    }
  }

  private announce(): void {
    this.deps.bus.publish({ kind: 'change', change: { type: 'change', entity: 'backup', action: 'updated' } });
  }

  private track(progress: BackupProgress): void {
    if (!this.current) return;
    Object.assign(this.current, { phase: progress.phase, files: progress.files, filesTotal: progress.filesTotal, bytes: progress.bytes, bytesTotal: progress.bytesTotal });
  }

  /** Starts a backup and answers at once; refuses while another task runs or when no destination is set. */
  startBackup(kind: BackupKind, startedBy: number | null): ProgressView {
    this.requireIdle();
    const source = this.deps.source;
    if (!source) throw new AppError('conflict', 'This copy of Barnahus Desk cannot make backups: it does not hold the database key.');
    const { settings, retention, recoveryPublicKey } = readBackupSettings(this.deps.db);
    const destination = settings.destination;
    if (!destination) throw fieldError(['destination'], checkMessages.backupNoDestination);
    const startedAt = iso(this.deps.clock.now());
    const runId = startRun(this.deps.db, { kind, destination, startedAt, startedBy });
    const progress: ProgressView = { task: 'backup', kind, set: null, startedAt, phase: null, files: 0, filesTotal: 0, bytes: 0, bytesTotal: 0 };
    this.current = progress;
    this.task = this.backUp(runId, kind, source, destination, { retention, recoveryPublicKey }).finally(() => {
      this.current = null;
      this.announce();
    });
    this.announce();
    return { ...progress };
  }

  private async backUp(runId: number, kind: BackupKind, source: BackupSource, destination: string, settings: Pick<ReturnType<typeof readBackupSettings>, 'retention' | 'recoveryPublicKey'>): Promise<void> {
    const { db, clock, log } = this.deps;
    // Let the call that started it commit first: the attempt's row is then there to finish.
    await new Promise((resolve) => setImmediate(resolve));
    const record = (outcome: Parameters<typeof finishRun>[2]) => {
      if (db.open) finishRun(db, runId, outcome);
    };
    try {
      // The engine would create a missing destination: a drive that is not mounted must not become a folder on the host's own disk.
      if (!fs.existsSync(destination)) throw new Error(`The backup destination ${destination} is not there: is the drive mounted?`);
      const set = await createBackupSet({
        source,
        destination,
        kind,
        appVersion: this.deps.appVersion ?? 'unknown',
        clock,
        recoveryPublicKey: settings.recoveryPublicKey,
        beforeSnapshot: this.deps.writeCheckpoint,
        onProgress: (progress) => this.track(progress),
        ...this.binding(),
      });
      if (this.current) this.current.set = set.name;
      const verification = await verifyBackupSet(set.dir, source.key, { onProgress: (progress) => this.track(progress), now: () => clock.now(), ...this.binding() });
      let error = verification.ok ? '' : `The new set ${set.name} failed its verification: ${verification.problem ?? 'unknown problem'}`;
      if (verification.ok) {
        try {
          rotateBackups(destination, settings.retention, db.open ? readCentreZone(db) : 'UTC');
        } catch (rotation) {
          // The new set is good; only old ones stay longer than asked. Said in the run, not raised as a failure.
          error = `The set is good, but older sets could not be removed: ${words(rotation)}`;
          log(`backup rotation failed: ${words(rotation)}`);
        }
      }
      record({
        finishedAt: iso(clock.now()),
        ok: verification.ok,
        setName: set.name,
        sizeBytes: set.sizeBytes,
        newBytes: set.newBytes,
        verifiedOk: verification.ok,
        verifiedAt: verification.at,
        error,
      });
    } catch (failure) {
      log(`backup failed: ${words(failure)}`);
      record({ finishedAt: iso(clock.now()), ok: false, setName: null, sizeBytes: null, newBytes: null, verifiedOk: null, verifiedAt: null, error: words(failure) });
    }
  }

  /** Verifies an existing set again in the background; the engine keeps the result with the set. */
  startVerify(setName: string): ProgressView {
    this.requireIdle();
    const source = this.deps.source;
    if (!source) throw new AppError('conflict', 'This copy of Barnahus Desk cannot verify backups: it does not hold the database key.');
    const { destination } = readBackupSettings(this.deps.db).settings;
    if (!destination) throw fieldError(['destination'], checkMessages.backupNoDestination);
    const set = listBackupSets(destination).find((s) => s.name === setName);
    if (!set) throw new AppError('not_found', `There is no backup set ${setName} at ${destination}.`);
    const progress: ProgressView = { task: 'verify', kind: set.kind, set: set.name, startedAt: iso(this.deps.clock.now()), phase: 'verify', files: 0, filesTotal: 0, bytes: 0, bytesTotal: 0 };
    this.current = progress;
    this.task = verifyBackupSet(set.dir, source.key, { onProgress: (p) => this.track(p), now: () => this.deps.clock.now(), ...this.binding() })
      .then(
        (result) => {
          if (!result.ok) this.deps.log(`backup set ${set.name} failed verification: ${result.problem ?? ''}`);
        },
        (failure) => this.deps.log(`verifying backup set ${set.name} failed: ${words(failure)}`),
      )
      .finally(() => {
        this.current = null;
        this.announce();
      });
    this.announce();
    return { ...progress };
  }

  /** The newest verified set's snapshot time: from the destination's sets, or the host's own records when the destination cannot be read. */
  lastVerifiedAt(sets: readonly BackupSet[] | null = null): string | null {
    const fromSets = (sets ?? this.readSets().sets).filter((s) => s.verification?.ok).reduce<string | null>((at, s) => later(at, s.createdAt), null);
    return later(fromSets, lastVerifiedRunAt(this.deps.db));
  }

  private readSets(): { sets: BackupSet[]; problem: string | null; space: BackupStatus['destinationSpace'] } {
    const { destination } = readBackupSettings(this.deps.db).settings;
    if (!destination) return { sets: [], problem: null, space: null };
    if (!fs.existsSync(destination)) return { sets: [], problem: `The backup destination ${destination} is not there: is the drive mounted?`, space: null };
    try {
      const sets = listBackupSets(destination).map(toSetView);
      const space = freeSpace([destination]);
      return { sets, problem: null, space: { ...space, low: space.freeBytes < warnBelowBytes(space, this.deps.storage) } };
    } catch (error) {
      return { sets: [], problem: `The backup destination cannot be read: ${words(error)}`, space: null };
    }
  }

  status(now: Date): BackupStatus {
    const { settings } = readBackupSettings(this.deps.db);
    const { sets, problem, space } = this.readSets();
    const last = lastRun(this.deps.db);
    const lastVerifiedAt = this.lastVerifiedAt(sets);
    const stale = lastVerifiedAt === null || now.getTime() - Date.parse(lastVerifiedAt) > VERIFIED_WITHIN_MS;
    return {
      settings,
      destinationSpace: space,
      destinationProblem: problem,
      sets,
      running: this.running,
      lastRun: last && { kind: last.kind, startedAt: last.started_at, finishedAt: last.finished_at, outcome: last.outcome, setName: last.set_name, error: last.error },
      lastVerifiedAt,
      attention: {
        // Without a destination, "no destination" says it; the staleness follows once one is chosen.
        noVerifiedBackupFor26h: settings.destination !== null && stale,
        lastFailed: last?.outcome === 'failed',
        destinationNearlyFull: space?.low ?? false,
        noRecoveryKey: settings.recoveryKey === null,
        noDestination: settings.destination === null,
      },
    };
  }
}
