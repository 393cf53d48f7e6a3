import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/events';
import type { AppError } from '../errors';
import type { Caller } from '../sessions';
import type { AuditAnchor } from '../audit-anchor/audit-anchor';
import type { BackupService } from '../backup/service';
import type { EvidenceStore } from '../evidence/evidence-store';
import type { Transfers } from '../evidence/transfers';
import type { StoragePolicy } from '../storage';
import type { WorkstationThrottle } from '../throttle';

/** The recordings' folder and the uploads and viewings under way. */
export interface Evidence {
  readonly store: EvidenceStore;
  readonly transfers: Transfers;
}

/** Where a call came from, for sessions and the audit log. */
export interface CallOrigin {
  transport: 'ipc' | 'https' | 'in-process';
  /** A name for the workstation: the remote address, or "this computer". */
  workstation: string;
  /**
   * The network address the call came from, as the socket saw it. The sign-in
   * limit counts against this, never against the name a client gives itself.
   * Absent for the desktop's own IPC, which has no peer.
   */
  peer?: string;
}

/** What a handler adds to its audit entry beyond method, caller and outcome. */
export interface AuditNote {
  userId?: number;
  username?: string;
  caseId?: number;
  record?: string;
  detail?: string;
}

export interface PrepareContext {
  readonly db: Database;
  /** One instant per call: every timestamp a call writes agrees. */
  readonly now: Date;
  readonly caller: Caller | null;
  readonly origin: CallOrigin;
  /** Wrong sign-ins per peer address (429 past a limit). */
  readonly throttle: WorkstationThrottle;
  readonly evidence: Evidence;
  /** Checkpoints of the audit chain outside the database: issued documents print one. */
  readonly anchor: AuditAnchor;
  /** When the data volume counts as low, and the room an upload must leave. */
  readonly storage: StoragePolicy;
  /** Backups under way and their settings (the Backups page). */
  readonly backups: BackupService;
}

export interface RunContext extends PrepareContext {
  /** Published to other workstations once the transaction commits; dropped if it rolls back. */
  readonly emit: (event: Omit<ChangeEvent, 'type'>) => void;
  /** Close this session's event sockets once committed. */
  readonly sessionEnded: (sessionId: string) => void;
  /** Adds facts to this call's audit entry (the case, the record, the account signed in to). */
  readonly note: (note: AuditNote) => void;
  /**
   * Refuses the call but keeps what the handler wrote: a wrong password must
   * still count towards the lock-out. Everything else refused rolls back.
   */
  readonly commitThenRefuse: (error: AppError) => never;
}

/**
 * A handler in two phases. `prepare` may await slow work that must not hold
 * the database (hashing a password) and only reads; `run` is synchronous and
 * the dispatcher wraps it in one transaction, so it either all happens or none.
 */
export interface HandlerDef<M extends MethodName, P = undefined> {
  prepare?: (input: ParsedInput<M>, ctx: PrepareContext) => Promise<P>;
  run: (input: ParsedInput<M>, ctx: RunContext, prepared: P) => MethodOutput<M>;
}

export function defineHandler<M extends MethodName, P = undefined>(_method: M, def: HandlerDef<M, P>): HandlerDef<M, P> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own P; the map only needs the method's types.
export type HandlerMap = { [M in MethodName]: HandlerDef<M, any> };

/** The signed-in caller; the dispatcher has already refused calls without one for non-public methods. */
export function callerOf(ctx: PrepareContext): Caller {
  if (!ctx.caller) throw new Error('a signed-in method ran without a caller');
  return ctx.caller;
}
