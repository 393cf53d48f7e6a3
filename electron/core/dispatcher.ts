import type { Database } from 'better-sqlite3-multiple-ciphers';
import { contract, errorStatus, isMethodName, type ApiErrorPayload, type MethodSpec } from '../../shared/contract';
import { isGranted } from '../../shared/permissions';
import { appendAudit } from './audit';
import type { AuditAnchor } from './audit-anchor/audit-anchor';
import { BackupService } from './backup/service';
import { iso, type Clock } from './clock';
import { AppError, invalidInput } from './errors';
import type { CoreEvent, EventBus } from './events';
import type { AuditNote, CallOrigin, Evidence, HandlerMap, RunContext } from './handlers/types';
import { lockSession, resolveSession, touchSession, type Caller } from './sessions';
import { defaultStoragePolicy, isStorageFull, storageFull, type StoragePolicy } from './storage';
import { WorkstationThrottle } from './throttle';

export interface CallRequest {
  method: string;
  input: unknown;
  token: string | null;
  origin: CallOrigin;
}

export type CallOutcome =
  | { ok: true; status: 200; data: unknown }
  | { ok: false; status: number; error: ApiErrorPayload };

export interface DispatcherDeps {
  db: Database;
  handlers: HandlerMap;
  clock: Clock;
  bus: EventBus;
  evidence: Evidence;
  anchor: AuditAnchor;
  storage?: StoragePolicy;
  log?: (message: string) => void;
  /** The core's backup service; a dispatcher without one (tests of the gate itself) gets one that cannot back up. */
  backups?: BackupService;
}

/** A locked session may still do these: unlock, sign out, or lock again. */
const ANSWERED_WHILE_LOCKED = new Set(['auth.unlock', 'auth.logout', 'auth.lock']);
/** Refusals the audit log records even for methods that read no case data. */
const AUDITED_REFUSALS = new Set([401, 403, 404, 423, 429]);

/** Thrown by ctx.commitThenRefuse: the transaction commits, the caller gets the refusal. */
class CommitThenRefuse extends Error {
  constructor(readonly refusal: AppError) {
    super(refusal.message);
  }
}

function restrictionAllows(method: string): boolean {
  return method.startsWith('auth.') || method.startsWith('account.');
}

/**
 * The one gate every call passes, whatever carried it: look up the method,
 * validate the input, authenticate, honour the idle lock and any restriction
 * on the session, check the permission, run the handler in one transaction
 * with its audit entry, check the output, then announce what changed.
 */
export function createDispatcher({ db, handlers, clock, bus, evidence, anchor, storage = defaultStoragePolicy, log = console.error, ...rest }: DispatcherDeps) {
  const throttle = new WorkstationThrottle();
  const backups = rest.backups ?? new BackupService({ db, source: null, clock, bus, log, storage, writeCheckpoint: () => anchor.writeCheckpoint('backup') });

  function authenticate(token: string | null, now: Date): Caller | null {
    return token ? resolveSession(db, token, now) : null;
  }

  /**
   * A full volume refuses the call with storage_full wherever the write failed:
   * in the handler, its audit entry, the session's touch, or the audit entry of
   * a refusal. Nothing was written; the host keeps answering.
   */
  async function dispatch(request: CallRequest): Promise<CallOutcome> {
    try {
      return await attempt(request);
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      return refusedForSpace(request.method);
    }
  }

  function refusedForSpace(method: string): CallOutcome {
    log(`storage full: ${method} refused`);
    return { ok: false, status: errorStatus.storage_full, error: storageFull().toPayload() };
  }

  async function attempt(request: CallRequest): Promise<CallOutcome> {
    const { method, origin } = request;
    const now = clock.now();
    const note: AuditNote = {};
    let spec: MethodSpec | undefined;
    let caller: Caller | null = null;
    let lockNow = false;

    const auditFacts = (outcome: string) => {
      const input = request.input as { caseId?: unknown } | null;
      const inputCase = input && typeof input === 'object' && typeof input.caseId === 'number' ? input.caseId : null;
      return {
        at: iso(now),
        userId: caller?.userId ?? note.userId ?? null,
        username: caller?.username ?? note.username ?? null,
        workstation: origin.workstation,
        transport: origin.transport,
        method,
        caseId: note.caseId ?? inputCase,
        record: note.record ?? null,
        outcome,
        detail: note.detail ?? null,
      };
    };

    try {
      if (!isMethodName(method)) throw new AppError('not_found', `There is no method "${method}".`);
      spec = contract[method];
      const parsed = spec.input.safeParse(request.input);
      if (!parsed.success) throw invalidInput(parsed.error);

      caller = authenticate(request.token, now);
      if (spec.permission !== 'public') {
        if (!caller) throw new AppError('not_signed_in', 'Sign in first, or again: the session has ended.');
        if (caller.locked && !ANSWERED_WHILE_LOCKED.has(method)) {
          lockNow = true;
          throw new AppError('locked', 'This workstation is locked. Enter your password to continue.', { reason: 'session_locked' });
        }
        if (caller.restriction && !restrictionAllows(method)) {
          throw new AppError('forbidden', 'Finish setting up your account first.', { reason: caller.restriction });
        }
      }
      if (!isGranted(spec.permission, caller?.roles ?? null)) throw new AppError('forbidden', 'Your roles do not allow this.');

      const handler = handlers[method];
      const base = { db, now, caller, origin, throttle, evidence, anchor, storage, backups };
      const prepared: unknown = handler.prepare ? await handler.prepare(parsed.data as never, base) : undefined;

      const pending: CoreEvent[] = [];
      const ctx: RunContext = {
        ...base,
        emit: (event) => pending.push({ kind: 'change', change: { type: 'change', ...event } }),
        sessionEnded: (sessionId) => pending.push({ kind: 'session-ended', sessionId }),
        note: (more) => Object.assign(note, more),
        commitThenRefuse: (error) => {
          throw new CommitThenRefuse(error);
        },
      };
      const auditing = spec.audit === 'every-call';
      const transaction = db.transaction((): { data: unknown } | { refused: AppError } => {
        let output: unknown;
        try {
          output = handler.run(parsed.data as never, ctx, prepared);
        } catch (error) {
          if (!(error instanceof CommitThenRefuse)) throw error;
          if (auditing || AUDITED_REFUSALS.has(error.refusal.status)) appendAudit(db, auditFacts(error.refusal.code));
          return { refused: error.refusal };
        }
        const checked = spec?.output.safeParse(output);
        if (!checked?.success) throw new Error(`${method} produced output that breaks its contract: ${checked?.error.message ?? ''}`);
        if (caller) touchSession(db, caller, now);
        if (auditing) appendAudit(db, auditFacts('ok'));
        return { data: checked.data };
      });
      const result = spec.mutates || auditing ? transaction.immediate() : transaction.deferred();
      for (const event of pending) bus.publish(event);
      if ('refused' in result) return { ok: false, status: result.refused.status, error: result.refused.toPayload() };
      return { ok: true, status: 200, data: result.data };
    } catch (error) {
      if (error instanceof AppError) {
        const audited = spec !== undefined && (AUDITED_REFUSALS.has(error.status) || (spec.audit === 'every-call' && error.status !== 400));
        if (audited || lockNow) {
          db.transaction(() => {
            if (lockNow && caller) lockSession(db, caller.sessionId, now);
            if (audited) appendAudit(db, auditFacts(error.code));
          }).immediate();
        }
        return { ok: false, status: error.status, error: error.toPayload() };
      }
      if (isStorageFull(error)) return refusedForSpace(method);
      // Never echo inputs or SQL into logs: they may hold a child's details.
      log(`internal error in ${method}: ${(error as Error).stack ?? String(error)}`);
      return {
        ok: false,
        status: errorStatus.internal,
        error: { code: 'internal', message: 'Something went wrong inside Barnahus Desk. Nothing was changed.' },
      };
    }
  }

  return { dispatch, authenticate: (token: string) => authenticate(token, clock.now()) };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
