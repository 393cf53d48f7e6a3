import { AppError } from '../errors';
import { decoyHash, verifyPassword } from '../passwords';
import { createSession, endSession } from '../sessions';
import { findUserByName, userSummary, userSummaryById } from '../users';
import { defineHandler, type PrepareContext } from './types';

function requireCaller(ctx: PrepareContext) {
  // The dispatcher authenticates every non-public method; this only narrows the type.
  if (!ctx.caller) throw new AppError('not_signed_in', 'Sign in first.');
  return ctx.caller;
}

const badCredentials = () => new AppError('invalid_credentials', 'The username or password is wrong.');

export const authHandlers = {
  'auth.login': defineHandler('auth.login', {
    async prepare(input, { db }) {
      const user = findUserByName(db, input.username);
      // Unknown names cost a hash too, so response time does not tell which accounts exist.
      const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
      return ok && user && !user.disabled_at ? { userId: user.id, passwordHash: user.password_hash } : null;
    },
    run(input, { db, now, origin }, verified) {
      if (!verified) throw badCredentials();
      // Re-read inside the transaction: the account may have been disabled or its password changed meanwhile.
      const user = findUserByName(db, input.username);
      if (!user || user.id !== verified.userId || user.disabled_at || user.password_hash !== verified.passwordHash) {
        throw badCredentials();
      }
      const session = createSession(db, user.id, now, origin.workstation);
      return { token: session.token, user: userSummary(db, user), expiresAt: session.expiresAt };
    },
  }),

  'auth.logout': defineHandler('auth.logout', {
    run(_input, ctx) {
      const caller = requireCaller(ctx);
      endSession(ctx.db, caller.sessionId, ctx.now);
      ctx.sessionEnded(caller.sessionId);
      return { ok: true as const };
    },
  }),

  'auth.session': defineHandler('auth.session', {
    run(_input, ctx) {
      const caller = requireCaller(ctx);
      const user = userSummaryById(ctx.db, caller.userId);
      if (!user) throw new AppError('not_signed_in', 'Sign in first.');
      return { user, expiresAt: caller.expiresAt };
    },
  }),
};
