import type { Database } from 'better-sqlite3-multiple-ciphers';
import { contract, errorStatus, isMethodName, type ApiErrorPayload } from '../../shared/contract';
import { isGranted } from '../../shared/permissions';
import type { Clock } from './clock';
import { AppError, invalidInput } from './errors';
import type { CoreEvent, EventBus } from './events';
import type { CallOrigin, HandlerMap, RunContext } from './handlers/types';
import { resolveSession, touchSession, type Caller } from './sessions';

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
  log?: (message: string) => void;
}

/**
 * The one gate every call passes, whatever carried it: look up the method,
 * validate the input, authenticate, check the permission, run the handler in
 * one transaction, check the output, then announce what changed.
 */
export function createDispatcher({ db, handlers, clock, bus, log = console.error }: DispatcherDeps) {
  function authenticate(token: string | null, now: Date): Caller | null {
    return token ? resolveSession(db, token, now) : null;
  }

  async function dispatch(request: CallRequest): Promise<CallOutcome> {
    const { method } = request;
    try {
      if (!isMethodName(method)) throw new AppError('not_found', `There is no method "${method}".`);
      const spec = contract[method];
      const parsed = spec.input.safeParse(request.input);
      if (!parsed.success) throw invalidInput(parsed.error);

      const now = clock.now();
      const caller = authenticate(request.token, now);
      if (spec.permission !== 'public' && !caller) {
        throw new AppError('not_signed_in', 'Sign in first, or again: the session has ended.');
      }
      if (!isGranted(spec.permission, caller?.roles ?? null)) {
        throw new AppError('forbidden', 'Your roles do not allow this.');
      }

      const handler = handlers[method];
      const base = { db, now, caller, origin: request.origin };
      const prepared: unknown = handler.prepare ? await handler.prepare(parsed.data as never, base) : undefined;

      const pending: CoreEvent[] = [];
      const ctx: RunContext = {
        ...base,
        emit: (event) => pending.push({ kind: 'change', change: { type: 'change', ...event } }),
        sessionEnded: (sessionId) => pending.push({ kind: 'session-ended', sessionId }),
      };
      const transaction = db.transaction(() => {
        const output = handler.run(parsed.data as never, ctx, prepared);
        const checked = spec.output.safeParse(output);
        if (!checked.success) throw new Error(`${method} produced output that breaks its contract: ${checked.error.message}`);
        if (caller) touchSession(db, caller.sessionId, now);
        return checked.data;
      });
      const data: unknown = spec.mutates ? transaction.immediate() : transaction.deferred();
      for (const event of pending) bus.publish(event);
      return { ok: true, status: 200, data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, status: error.status, error: error.toPayload() };
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
