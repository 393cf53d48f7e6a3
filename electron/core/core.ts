import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AuditCheckpoint, CheckpointReason } from '../../shared/contract/methods/audit';
import { AuditAnchor, HOUR_MS } from './audit-anchor/audit-anchor';
import { BackupScheduler } from './backup/schedule';
import { BackupService } from './backup/service';
import type { BackupSource } from './backup/types';
import { systemClock, type Clock } from './clock';
import { EvidenceStore } from './evidence/evidence-store';
import { openMedia, receiveUpload, type OpenedMedia, type UploadOutcome } from './evidence/transfer-gate';
import { sweepOrphans, sweepLine } from './evidence/orphans';
import { Transfers } from './evidence/transfers';
import { openStore, type Store, type StoreOptions } from './db/store';
import { StoreError } from './db/store-error';
import { createDispatcher, type CallOutcome, type CallRequest } from './dispatcher';
import { EventBus, type CoreListener } from './events';
import { handlers } from './handlers';
import type { ChangeEvent } from '../../shared/events';
import { mayReceive } from './access';
import type { Caller } from './sessions';
import { defaultStoragePolicy, type StoragePolicy } from './storage';
import { healthOf, type Health } from './health';

/** The whole application without a window or a network: what every transport talks to. */
export interface Core {
  readonly store: Store;
  dispatch(request: CallRequest): Promise<CallOutcome>;
  /** For transports that hold a connection open (the event socket). */
  authenticate(token: string): Caller | null;
  /** Whether a change may be pushed to this session: never a case it may not see. */
  mayReceive(caller: Caller, change: ChangeEvent): boolean;
  subscribe(listener: CoreListener): () => void;
  /** The body of a PUT to an upload address (see recordings.startUpload). */
  receiveUpload(uploadId: string, token: string | null, body: Readable): Promise<UploadOutcome>;
  /** A player's GET of a playback address (see recordings.play), with the session and case access re-checked. */
  openMedia(ticket: string, rangeHeader: string | undefined): OpenedMedia;
  readonly evidence: EvidenceStore;
  /** The audit chain's checkpoints outside the database (see audit-anchor/). */
  readonly anchor: AuditAnchor;
  /**
   * Appends a checkpoint of the audit chain to the anchor file now and returns
   * it: the backup calls this so every backup is anchored ('backup').
   */
  writeCheckpoint(reason: CheckpointReason): AuditCheckpoint;
  /** Backups under way, their settings and sets (the Backups page and the scheduler). */
  readonly backups: BackupService;
  /**
   * Starts the daily backup at the centre's configured time (host and
   * desktop standalone; tools and tests do not). close() stops it.
   */
  scheduleBackups(): BackupScheduler;
  /** What GET /api/health tells a monitoring tool: no data, no sign-in. */
  health(): Health;
  close(): void;
}

export interface CoreOptions extends StoreOptions {
  clock?: Clock;
  /** This application's version, written into backup manifests. */
  appVersion?: string;
  log?: (message: string) => void;
  /** Where recordings are kept; by default the "evidence" folder beside the database. */
  evidenceDir?: string;
  /**
   * The append-only file audit checkpoints go to. The host and the desktop
   * app put it beside the data folder; without one (tools, benchmarks) no
   * checkpoint is kept, and documents still print theirs.
   */
  anchorFile?: string;
  /** How often the timer writes a checkpoint; an hour unless a test says otherwise. */
  checkpointEveryMs?: number;
  /** Free-space warning and upload margin; defaultStoragePolicy when absent. */
  storage?: StoragePolicy;
}

export function openCore(options: CoreOptions): Core {
  const store = openStore(options);
  const evidence = new EvidenceStore(options.evidenceDir ?? path.join(path.dirname(options.file), 'evidence'), options.key);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? console.error;
  // Nothing can be uploading yet: every file no recording names is left from a crash.
  const swept = sweepOrphans(store.db, evidence, { now: clock.now(), minAgeMs: 0 });
  const line = sweepLine(swept, evidence.quarantineDir);
  if (line) log(line);
  let anchor: AuditAnchor;
  try {
    anchor = new AuditAnchor(store.db, clock, options.anchorFile);
    // A start anchors whatever happened while the application was not running to watch (the stop checkpoint covers the rest).
    anchor.writeIfMoved('start');
  } catch (error) {
    store.close();
    throw new StoreError('anchor_unwritable', `The audit checkpoint file ${options.anchorFile ?? ''} cannot be written (${(error as Error).message}). Choose another place for it.`);
  }
  anchor.startTimer(options.checkpointEveryMs ?? HOUR_MS, log);
  const source: BackupSource = { file: options.file, key: options.key, evidenceDir: evidence.dir, anchorFile: options.anchorFile ?? null };
  return createCore(store, evidence, anchor, clock, log, options.storage, source, options.nativeBinding, options.appVersion);
}

export function createCore(
  store: Store,
  evidenceStore: EvidenceStore,
  anchor: AuditAnchor,
  clock: Clock = systemClock,
  log?: (message: string) => void,
  storage?: StoragePolicy,
  /** What a backup copies (the database file and key, the evidence, the anchor file); without it the core cannot back up. */
  backupSource?: BackupSource,
  nativeBinding?: string,
  appVersion?: string,
): Core {
  const bus = new EventBus();
  const transfers = new Transfers();
  const evidence = { store: evidenceStore, transfers };
  const backups = new BackupService({
    db: store.db,
    source: backupSource ?? null,
    clock,
    bus,
    log: log ?? console.error,
    storage: storage ?? defaultStoragePolicy,
    writeCheckpoint: () => void anchor.writeCheckpoint('backup'),
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(appVersion ? { appVersion } : {}),
  });
  let scheduler: BackupScheduler | null = null;
  const dispatcher = createDispatcher({ db: store.db, handlers, clock, bus, evidence, anchor, backups, ...(log ? { log } : {}), ...(storage ? { storage } : {}) });
  return {
    backups,
    scheduleBackups() {
      scheduler ??= new BackupScheduler({ db: store.db, service: backups, clock, log: log ?? console.error });
      scheduler.start();
      return scheduler;
    },
    health: () => healthOf(store.db, evidenceStore, storage ?? defaultStoragePolicy),
    evidence: evidenceStore,
    anchor,
    writeCheckpoint: (reason) => anchor.writeCheckpoint(reason),
    receiveUpload: (uploadId, token, body) => receiveUpload({ db: store.db, evidence, clock, authenticate: dispatcher.authenticate }, uploadId, token, body),
    openMedia: (ticket, rangeHeader) => openMedia({ db: store.db, evidence, clock }, ticket, rangeHeader),
    store,
    dispatch: dispatcher.dispatch,
    authenticate: dispatcher.authenticate,
    mayReceive: (caller, change) => mayReceive(store.db, caller, change),
    subscribe: (listener) => bus.subscribe(listener),
    close() {
      scheduler?.stop();
      anchor.stopTimer();
      try {
        if (store.db.open) anchor.writeIfMoved('stop');
      } catch (error) {
        // Closing must still close the database; the next start writes a checkpoint anyway.
        (log ?? console.error)(`the closing audit checkpoint could not be written: ${(error as Error).message}`);
      }
      store.close();
    },
  };
}
