import path from 'node:path';
import type { Readable } from 'node:stream';
import { systemClock, type Clock } from './clock';
import { EvidenceStore } from './evidence/evidence-store';
import { openMedia, receiveUpload, type OpenedMedia, type UploadOutcome } from './evidence/transfer-gate';
import { sweepOrphans, sweepLine } from './evidence/orphans';
import { Transfers } from './evidence/transfers';
import { openStore, type Store, type StoreOptions } from './db/store';
import { createDispatcher, type CallOutcome, type CallRequest } from './dispatcher';
import { EventBus, type CoreListener } from './events';
import { handlers } from './handlers';
import type { ChangeEvent } from '../../shared/events';
import { mayReceive } from './access';
import type { Caller } from './sessions';

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
  close(): void;
}

export interface CoreOptions extends StoreOptions {
  clock?: Clock;
  log?: (message: string) => void;
  /** Where recordings are kept; by default the "evidence" folder beside the database. */
  evidenceDir?: string;
}

export function openCore(options: CoreOptions): Core {
  const store = openStore(options);
  const evidence = new EvidenceStore(options.evidenceDir ?? path.join(path.dirname(options.file), 'evidence'), options.key);
  // Nothing can be uploading yet: every file no recording names is left from a crash.
  const swept = sweepOrphans(store.db, evidence, { now: (options.clock ?? systemClock).now(), minAgeMs: 0 });
  const line = sweepLine(swept, evidence.quarantineDir);
  if (line) (options.log ?? console.error)(line);
  return createCore(store, evidence, options.clock, options.log);
}

export function createCore(store: Store, evidenceStore: EvidenceStore, clock: Clock = systemClock, log?: (message: string) => void): Core {
  const bus = new EventBus();
  const transfers = new Transfers();
  const evidence = { store: evidenceStore, transfers };
  const dispatcher = createDispatcher({ db: store.db, handlers, clock, bus, evidence, ...(log ? { log } : {}) });
  return {
    evidence: evidenceStore,
    receiveUpload: (uploadId, token, body) => receiveUpload({ db: store.db, evidence, clock, authenticate: dispatcher.authenticate }, uploadId, token, body),
    openMedia: (ticket, rangeHeader) => openMedia({ db: store.db, evidence, clock }, ticket, rangeHeader),
    store,
    dispatch: dispatcher.dispatch,
    authenticate: dispatcher.authenticate,
    mayReceive: (caller, change) => mayReceive(store.db, caller, change),
    subscribe: (listener) => bus.subscribe(listener),
    close: () => store.close(),
  };
}
