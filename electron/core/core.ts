import { systemClock, type Clock } from './clock';
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
  close(): void;
}

export interface CoreOptions extends StoreOptions {
  clock?: Clock;
  log?: (message: string) => void;
}

export function openCore(options: CoreOptions): Core {
  return createCore(openStore(options), options.clock, options.log);
}

export function createCore(store: Store, clock: Clock = systemClock, log?: (message: string) => void): Core {
  const bus = new EventBus();
  const dispatcher = createDispatcher({ db: store.db, handlers, clock, bus, ...(log ? { log } : {}) });
  return {
    store,
    dispatch: dispatcher.dispatch,
    authenticate: dispatcher.authenticate,
    mayReceive: (caller, change) => mayReceive(store.db, caller, change),
    subscribe: (listener) => bus.subscribe(listener),
    close: () => store.close(),
  };
}
