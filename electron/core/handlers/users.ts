import { iso } from '../clock';
import { AppError } from '../errors';
import { assertStrongPassword } from '../password-policy';
import { hashPassword } from '../passwords';
import { endUserSessions } from '../sessions';
import { clearFailures } from '../throttle';
import { otherEnabledAdministrators, requireUser, rolesOf, setRoles, userRecord, usernameKey, type UserRow } from '../users';
import { centreName } from '../centre';
import { callerOf, defineHandler, type RunContext } from './types';

function requireVersion(user: UserRow, version: number, ctx: RunContext): void {
  if (user.version !== version) {
    throw new AppError('conflict', 'Someone else changed this account since you opened it.', { current: userRecord(ctx.db, user, ctx.now) });
  }
}

/** Never leave the centre without an enabled administrator: nobody could manage accounts again. */
function keepAnAdministrator(ctx: RunContext, user: UserRow, stillAdmin: boolean): void {
  const isAdmin = rolesOf(ctx.db, user.id).includes('administrator') && user.disabled_at === null;
  if (isAdmin && !stillAdmin && otherEnabledAdministrators(ctx.db, user.id) === 0) {
    throw new AppError('conflict', 'This is the only administrator: make someone else an administrator first.');
  }
}

function updated(ctx: RunContext, userId: number) {
  ctx.note({ record: `user:${userId}` });
  ctx.emit({ entity: 'user', action: 'updated', id: userId });
  return userRecord(ctx.db, requireUser(ctx.db, userId), ctx.now);
}

export const usersHandlers = {
  'users.list': defineHandler('users.list', {
    run: (_input, ctx) => (ctx.db.prepare('SELECT * FROM users ORDER BY display_name COLLATE NOCASE').all() as UserRow[]).map((row) => userRecord(ctx.db, row, ctx.now)),
  }),

  'users.create': defineHandler('users.create', {
    prepare(input, ctx) {
      assertStrongPassword(input.password, [input.username, input.displayName, centreName(ctx.db)], ['password']);
      return hashPassword(input.password);
    },
    run(input, ctx, hash) {
      if (ctx.db.prepare('SELECT 1 FROM users WHERE username_key = ?').get(usernameKey(input.username))) {
        throw new AppError('conflict', 'This username is taken.', { field: 'username' });
      }
      const { lastInsertRowid } = ctx.db
        .prepare(
          `INSERT INTO users (username, username_key, display_name, password_hash, created_at, agency, job_title, phone, email, must_change_password)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        )
        .run(input.username, usernameKey(input.username), input.displayName, hash, iso(ctx.now), input.agency, input.jobTitle, input.phone, input.email);
      const userId = Number(lastInsertRowid);
      setRoles(ctx.db, userId, input.roles);
      return updated(ctx, userId);
    },
  }),

  'users.update': defineHandler('users.update', {
    run(input, ctx) {
      const user = requireUser(ctx.db, input.userId);
      requireVersion(user, input.version, ctx);
      keepAnAdministrator(ctx, user, input.roles.includes('administrator'));
      ctx.db
        .prepare('UPDATE users SET display_name = ?, agency = ?, job_title = ?, phone = ?, email = ?, version = version + 1 WHERE id = ?')
        .run(input.displayName, input.agency, input.jobTitle, input.phone, input.email, user.id);
      setRoles(ctx.db, user.id, input.roles);
      return updated(ctx, user.id);
    },
  }),

  'users.setDisabled': defineHandler('users.setDisabled', {
    run(input, ctx) {
      const user = requireUser(ctx.db, input.userId);
      requireVersion(user, input.version, ctx);
      if (input.disabled) {
        if (user.id === callerOf(ctx).userId) throw new AppError('conflict', 'You cannot disable your own account.');
        keepAnAdministrator(ctx, user, false);
        for (const id of endUserSessions(ctx.db, user.id, ctx.now)) ctx.sessionEnded(id);
      }
      ctx.db.prepare('UPDATE users SET disabled_at = ?, version = version + 1 WHERE id = ?').run(input.disabled ? iso(ctx.now) : null, user.id);
      return updated(ctx, user.id);
    },
  }),

  'users.resetPassword': defineHandler('users.resetPassword', {
    prepare(input, ctx) {
      const user = requireUser(ctx.db, input.userId);
      assertStrongPassword(input.password, [user.username, user.display_name, centreName(ctx.db)], ['password']);
      return hashPassword(input.password);
    },
    run(input, ctx, hash) {
      const user = requireUser(ctx.db, input.userId);
      ctx.db.prepare('UPDATE users SET password_hash = ?, must_change_password = 1, version = version + 1 WHERE id = ?').run(hash, user.id);
      clearFailures(ctx.db, user.username_key);
      for (const id of endUserSessions(ctx.db, user.id, ctx.now)) ctx.sessionEnded(id);
      return updated(ctx, user.id);
    },
  }),

  'users.resetTotp': defineHandler('users.resetTotp', {
    run(input, ctx) {
      const user = requireUser(ctx.db, input.userId);
      ctx.db.prepare('UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL, version = version + 1 WHERE id = ?').run(user.id);
      return updated(ctx, user.id);
    },
  }),

  'users.signOutEverywhere': defineHandler('users.signOutEverywhere', {
    run(input, ctx) {
      const user = requireUser(ctx.db, input.userId);
      const ended = endUserSessions(ctx.db, user.id, ctx.now);
      for (const id of ended) ctx.sessionEnded(id);
      ctx.note({ record: `user:${user.id}`, detail: `${ended.length} sessions ended` });
      return { ended: ended.length };
    },
  }),

  'users.directory': defineHandler('users.directory', {
    run: (_input, ctx) =>
      (ctx.db.prepare('SELECT * FROM users WHERE disabled_at IS NULL ORDER BY display_name COLLATE NOCASE').all() as UserRow[]).map((row) => {
        const record = userRecord(ctx.db, row, ctx.now);
        return { id: record.id, displayName: record.displayName, agency: record.agency, jobTitle: record.jobTitle, roles: record.roles };
      }),
  }),
};
