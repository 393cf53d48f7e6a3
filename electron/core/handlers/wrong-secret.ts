import { AppError } from '../errors';
import { recordFailure, throttleKey } from '../throttle';
import type { RunContext } from './types';

export const lockedOut = (until: string) =>
  new AppError('locked', 'Too many wrong attempts: this account is locked for 15 minutes.', { lockedUntil: until });

/**
 * A wrong password or code, wherever it was typed (sign-in, lock screen, own
 * account): counted against the account and the workstation, and kept though
 * the call is refused. `onLock` runs when this failure locks the account.
 */
export function refuseWrongSecret(
  ctx: RunContext,
  usernameKey: string,
  detail: string,
  options: { message?: string; onLock?: () => void } = {},
): never {
  ctx.throttle.fail(throttleKey(ctx.origin), ctx.now);
  const lock = recordFailure(ctx.db, usernameKey, ctx.now);
  if (lock) options.onLock?.();
  ctx.note({ detail: lock ? `${detail}; account locked until ${lock}` : detail });
  return ctx.commitThenRefuse(lock ? lockedOut(lock) : new AppError('invalid_credentials', options.message ?? 'The username or password is wrong.'));
}
