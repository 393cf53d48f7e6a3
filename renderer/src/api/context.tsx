import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { UserSummary } from '../../../shared/contract';
import type { SessionRestriction } from '../../../shared/contract/methods/auth';
import type { ChangeEvent } from '../../../shared/events';
import type { Connection } from './connection';

export interface Session {
  user: UserSummary;
  expiresAt: string;
  idleLockSeconds: number;
  restriction: SessionRestriction;
}

interface SessionContextValue {
  connection: Connection;
  session: Session;
  readonly signOut: () => Promise<void>;
  /** Locks the workstation now (the user chose to, or the idle timer fired). */
  readonly lock: () => void;
  /** Listen to change events pushed by the host while this session lasts. */
  readonly onChange: (listener: (event: ChangeEvent) => void) => () => void;
}

const ConnectionContext = createContext<Connection | null>(null);
const SessionContext = createContext<SessionContextValue | null>(null);

export function ConnectionProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): Connection {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection outside ConnectionProvider');
  return value;
}

export const SessionProvider = SessionContext.Provider;

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}

/** The typed client of the signed-in session. */
export function useApi() {
  return useSession().connection.api;
}

/** Runs `listener` for each change event while the component is mounted. */
export function useChangeEvents(listener: (event: ChangeEvent) => void): void {
  const { onChange } = useSession();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => onChange((event) => latest.current(event)), [onChange]);
}
