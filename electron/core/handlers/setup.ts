import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { iso } from '../clock';
import { assertStrongPassword } from '../password-policy';
import { hashPassword } from '../passwords';
import { usernameKey, userSummaryById } from '../users';
import { centreName } from '../centre';
import { defineHandler } from './types';

function userCount(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export const setupHandlers = {
  'setup.status': defineHandler('setup.status', {
    run(_input, { db }) {
      return { initialized: userCount(db) > 0, centreName: centreName(db) || null };
    },
  }),

  'setup.initialize': defineHandler('setup.initialize', {
    prepare(input) {
      assertStrongPassword(input.admin.password, [input.admin.username, input.admin.displayName, input.centreName], ['admin', 'password']);
      return hashPassword(input.admin.password);
    },
    run(input, { db, now, emit, note }, passwordHash) {
      // Checked inside the write transaction: two first-run screens racing yield one centre.
      if (userCount(db) > 0) throw new AppError('already_initialized', 'The centre is already set up; sign in instead.');
      db.prepare('INSERT INTO centre (id, name, created_at) VALUES (1, ?, ?)').run(input.centreName, iso(now));
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO users (username, username_key, display_name, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(input.admin.username, usernameKey(input.admin.username), input.admin.displayName, passwordHash, iso(now), iso(now));
      const userId = Number(lastInsertRowid);
      db.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'administrator')").run(userId);
      emit({ entity: 'centre', action: 'created', id: 1 });
      note({ userId, username: input.admin.username });
      const admin = userSummaryById(db, userId);
      if (!admin) throw new Error('administrator vanished inside its own transaction');
      return { centreName: input.centreName, admin };
    },
  }),
};
