import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SessionRestriction } from '../../../shared/contract/methods/auth';
import { AppError } from '../errors';
import { decoyHash, verifyPassword } from '../passwords';
import { readPolicy, totpRequiredFor } from '../policy';
import { createSession, endSession, lockSession, unlockSession } from '../sessions';
import { clearFailures, lockedUntil, throttleKey } from '../throttle';
import { acceptedStep } from '../totp';
import { findUserByName, rolesOf, userRow, userSummary, userSummaryById, usernameKey, type UserRow } from '../users';
import { callerOf, defineHandler } from './types';
import { lockedOut, refuseWrongSecret } from './wrong-secret';


function restrictionOf(db: Database, user: UserRow): SessionRestriction {
  if (user.must_change_password === 1) return 'change_password';
  return user.totp_secret === null && totpRequiredFor(readPolicy(db), rolesOf(db, user.id)) ? 'enrol_totp' : null;
}

export const authHandlers = {
  'auth.login': defineHandler('auth.login', {
    async prepare(input, { db }) {
      const user = findUserByName(db, input.username);
      // Unknown names cost a hash too, so response time does not tell which accounts exist.
      const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
      return ok && user && !user.disabled_at ? { userId: user.id, passwordHash: user.password_hash } : null;
    },
    run(input, ctx, verified) {
      const { db, now, origin } = ctx;
      if (ctx.throttle.blocked(throttleKey(origin), now)) {
        throw new AppError('too_many_attempts', 'Too many wrong sign-ins from this workstation. Wait 15 minutes.');
      }
      const user = findUserByName(db, input.username);
      if (user) ctx.note({ userId: user.id, username: user.username });
      const key = user?.username_key ?? usernameKey(input.username);
      const lock = lockedUntil(db, key, now);
      if (lock) throw lockedOut(lock);
      // Re-read inside the transaction: the account may have been disabled or its password changed meanwhile.
      if (!verified || !user || user.id !== verified.userId || user.disabled_at || user.password_hash !== verified.passwordHash) {
        return refuseWrongSecret(ctx, key, user ? 'wrong password' : 'unknown username');
      }
      if (user.totp_secret) {
        if (!input.code) throw new AppError('totp_required', 'Enter the code from your authenticator app.');
        const step = acceptedStep(user.totp_secret, input.code, now);
        if (step === null || step <= (user.totp_last_step ?? -1)) return refuseWrongSecret(ctx, key, 'wrong two-factor code');
        db.prepare('UPDATE users SET totp_last_step = ? WHERE id = ?').run(step, user.id);
      }
      clearFailures(db, key);
      const session = createSession(db, user.id, now, origin.workstation);
      return {
        token: session.token,
        user: userSummary(db, user),
        expiresAt: session.expiresAt,
        idleLockSeconds: readPolicy(db).idleLockSeconds,
        restriction: restrictionOf(db, user),
      };
    },
  }),

  'auth.logout': defineHandler('auth.logout', {
    run(_input, ctx) {
      const caller = callerOf(ctx);
      endSession(ctx.db, caller.sessionId, ctx.now);
      ctx.sessionEnded(caller.sessionId);
      return { ok: true as const };
    },
  }),

  'auth.session': defineHandler('auth.session', {
    run(_input, ctx) {
      const caller = callerOf(ctx);
      const user = userSummaryById(ctx.db, caller.userId);
      if (!user) throw new AppError('not_signed_in', 'Sign in first.');
      return { user, expiresAt: caller.expiresAt, idleLockSeconds: caller.idleLockSeconds, restriction: caller.restriction };
    },
  }),

  'auth.lock': defineHandler('auth.lock', {
    run(_input, ctx) {
      lockSession(ctx.db, callerOf(ctx).sessionId, ctx.now);
      return { ok: true as const };
    },
  }),

  'auth.unlock': defineHandler('auth.unlock', {
    async prepare(input, ctx) {
      const row = userRow(ctx.db, callerOf(ctx).userId);
      return row ? verifyPassword(input.password, row.password_hash) : false;
    },
    run(_input, ctx, verified) {
      const caller = callerOf(ctx);
      const user = userRow(ctx.db, caller.userId);
      if (!user) throw new AppError('not_signed_in', 'Sign in first.');
      const lock = lockedUntil(ctx.db, user.username_key, ctx.now);
      if (lock) throw lockedOut(lock);
      if (!verified) {
        return refuseWrongSecret(ctx, user.username_key, 'wrong password', {
          // Locked out at the lock screen: this session is over, not merely locked.
          onLock: () => {
            endSession(ctx.db, caller.sessionId, ctx.now);
            ctx.sessionEnded(caller.sessionId);
          },
        });
      }
      clearFailures(ctx.db, user.username_key);
      unlockSession(ctx.db, caller.sessionId, ctx.now);
      return { user: userSummary(ctx.db, user), expiresAt: caller.expiresAt, idleLockSeconds: caller.idleLockSeconds, restriction: caller.restriction };
    },
  }),
};
