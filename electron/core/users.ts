import type { Database } from 'better-sqlite3-multiple-ciphers';
import { roles as allRoles, type Role } from '../../shared/permissions';
import type { UserSummary } from '../../shared/contract';

/**
 * The key accounts are found and kept unique by: width-folded (NFKC),
 * lower-cased, spaces removed. "Admin", " admin" and "ＡＤＭＩＮ" are one account,
 * so neither a duplicate nor a sign-in throttle can be dodged by spelling.
 */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLocaleLowerCase('en-US').replace(/\s+/gu, '');
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  disabled_at: string | null;
}

export function rolesOf(db: Database, userId: number): Role[] {
  const rows = db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(userId) as { role: string }[];
  return rows.map((r) => r.role).filter((r): r is Role => (allRoles as readonly string[]).includes(r));
}

export function findUserByName(db: Database, username: string): UserRow | undefined {
  return db
    .prepare('SELECT id, username, display_name, password_hash, disabled_at FROM users WHERE username_key = ?')
    .get(usernameKey(username)) as UserRow | undefined;
}

export function userSummary(db: Database, row: Pick<UserRow, 'id' | 'username' | 'display_name'>): UserSummary {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: rolesOf(db, row.id) };
}

export function userSummaryById(db: Database, userId: number): UserSummary | undefined {
  const row = db.prepare('SELECT id, username, display_name FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  return row ? userSummary(db, row) : undefined;
}
