import { checkMessages } from '../../../shared/contract';
import { iso } from '../clock';
import { AppError } from '../errors';
import { assertStrongPassword } from '../password-policy';
import { hashPassword, verifyPassword } from '../passwords';
import { readPolicy, totpRequiredFor } from '../policy';
import { endUserSessions } from '../sessions';
import { acceptedStep, newEnrolment } from '../totp';
import { accountOf, requireUser, rolesOf } from '../users';
import { centreName } from '../centre';
import { callerOf, defineHandler } from './types';
import { refuseWrongSecret } from './wrong-secret';

export const accountHandlers = {
  'account.get': defineHandler('account.get', {
    run: (_input, ctx) => accountOf(ctx.db, requireUser(ctx.db, callerOf(ctx).userId)),
  }),

  'account.changePassword': defineHandler('account.changePassword', {
    async prepare(input, ctx) {
      const user = requireUser(ctx.db, callerOf(ctx).userId);
      if (input.newPassword === input.currentPassword) {
        throw new AppError('invalid_input', `The input is not valid (newPassword: ${checkMessages.passwordReused})`, {
          issues: [{ path: ['newPassword'], code: 'password_reused', message: checkMessages.passwordReused }],
        });
      }
      assertStrongPassword(input.newPassword, [user.username, user.display_name, centreName(ctx.db)], ['newPassword']);
      const [verified, hash] = await Promise.all([verifyPassword(input.currentPassword, user.password_hash), hashPassword(input.newPassword)]);
      return { verified, hash, previousHash: user.password_hash };
    },
    run(_input, ctx, { verified, hash, previousHash }) {
      const caller = callerOf(ctx);
      const user = requireUser(ctx.db, caller.userId);
      if (!verified || user.password_hash !== previousHash) return refuseWrongSecret(ctx, user.username_key, 'wrong password', { message: 'The password is wrong.' });
      ctx.db
        .prepare('UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ?, version = version + 1 WHERE id = ?')
        .run(hash, iso(ctx.now), user.id);
      // Other workstations signed in with the old password are signed out.
      for (const id of endUserSessions(ctx.db, user.id, ctx.now, caller.sessionId)) ctx.sessionEnded(id);
      ctx.emit({ entity: 'user', action: 'updated', id: user.id });
      return accountOf(ctx.db, requireUser(ctx.db, user.id));
    },
  }),

  'account.beginTotp': defineHandler('account.beginTotp', {
    prepare: (_input, ctx) => newEnrolment(requireUser(ctx.db, callerOf(ctx).userId).username),
    run(_input, ctx, enrolment) {
      const user = requireUser(ctx.db, callerOf(ctx).userId);
      if (user.totp_secret) throw new AppError('conflict', 'Two-factor sign-in is already on. Turn it off first to enrol a new phone.');
      ctx.db.prepare('UPDATE users SET totp_pending_secret = ? WHERE id = ?').run(enrolment.secret, user.id);
      return enrolment;
    },
  }),

  'account.confirmTotp': defineHandler('account.confirmTotp', {
    run(input, ctx) {
      const user = requireUser(ctx.db, callerOf(ctx).userId);
      if (!user.totp_pending_secret) throw new AppError('conflict', 'Start the enrolment first.');
      const step = acceptedStep(user.totp_pending_secret, input.code, ctx.now);
      if (step === null) {
        throw new AppError('invalid_input', `The input is not valid (code: ${checkMessages.totpMismatch})`, {
          issues: [{ path: ['code'], code: 'totp_mismatch', message: checkMessages.totpMismatch }],
        });
      }
      ctx.db
        .prepare('UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = ?, version = version + 1 WHERE id = ?')
        .run(step, user.id);
      ctx.emit({ entity: 'user', action: 'updated', id: user.id });
      return accountOf(ctx.db, requireUser(ctx.db, user.id));
    },
  }),

  'account.disableTotp': defineHandler('account.disableTotp', {
    prepare: async (input, ctx) => verifyPassword(input.password, requireUser(ctx.db, callerOf(ctx).userId).password_hash),
    run(_input, ctx, verified) {
      const user = requireUser(ctx.db, callerOf(ctx).userId);
      if (!verified) return refuseWrongSecret(ctx, user.username_key, 'wrong password', { message: 'The password is wrong.' });
      if (totpRequiredFor(readPolicy(ctx.db), rolesOf(ctx.db, user.id))) {
        throw new AppError('conflict', 'One of your roles requires two-factor sign-in; it cannot be turned off.');
      }
      ctx.db.prepare('UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL, version = version + 1 WHERE id = ?').run(user.id);
      ctx.emit({ entity: 'user', action: 'updated', id: user.id });
      return accountOf(ctx.db, requireUser(ctx.db, user.id));
    },
  }),
};
