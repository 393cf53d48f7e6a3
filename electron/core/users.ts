import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Profile, UserSummary } from '../../shared/contract';
import type { Account } from '../../shared/contract/methods/account';
import type { UserRecord } from '../../shared/contract/methods/users';
import { agencies, roles as allRoles, type Agency, type Role } from '../../shared/permissions';
import { iso } from './clock';
import { AppError } from './errors';
import { readPolicy, totpRequiredFor } from './policy';

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
  username_key: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  version: number;
  agency: string;
  job_title: string;
  phone: string;
  email: string;
  must_change_password: number;
  password_changed_at: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}

export function rolesOf(db: Database, userId: number): Role[] {
  const rows = db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(userId) as { role: string }[];
  return rows.map((r) => r.role).filter((r): r is Role => (allRoles as readonly string[]).includes(r));
}

export function setRoles(db: Database, userId: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(userId, role);
}

export function findUserByName(db: Database, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username_key = ?').get(usernameKey(username)) as UserRow | undefined;
}

export function userRow(db: Database, userId: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
}

export function requireUser(db: Database, userId: number): UserRow {
  const row = userRow(db, userId);
  if (!row) throw new AppError('not_found', 'There is no such account.');
  return row;
}

const asAgency = (value: string): Agency => ((agencies as readonly string[]).includes(value) ? (value as Agency) : 'other');

export function userSummary(db: Database, row: Pick<UserRow, 'id' | 'username' | 'display_name'>): UserSummary {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: rolesOf(db, row.id) };
}

export function userSummaryById(db: Database, userId: number): UserSummary | undefined {
  const row = userRow(db, userId);
  return row ? userSummary(db, row) : undefined;
}

function profileOf(db: Database, row: UserRow): Profile {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agency: asAgency(row.agency),
    jobTitle: row.job_title,
    phone: row.phone,
    email: row.email,
    roles: rolesOf(db, row.id),
    totpEnabled: row.totp_secret !== null,
  };
}

export function userRecord(db: Database, row: UserRow, now: Date): UserRecord {
  const lock = db.prepare('SELECT locked_until FROM login_throttle WHERE username_key = ?').get(row.username_key) as { locked_until: string | null } | undefined;
  return {
    ...profileOf(db, row),
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: lock?.locked_until && lock.locked_until > iso(now) ? lock.locked_until : null,
    createdAt: row.created_at,
    version: row.version,
  };
}

export function accountOf(db: Database, row: UserRow): Account {
  const profile = profileOf(db, row);
  return {
    ...profile,
    totpRequired: totpRequiredFor(readPolicy(db), profile.roles),
    passwordChangedAt: row.password_changed_at,
  };
}

/** Enabled administrators other than this user: an edit must never leave the centre without one. */
export function otherEnabledAdministrators(db: Database, userId: number): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
          WHERE r.role = 'administrator' AND u.disabled_at IS NULL AND u.id <> ?`,
      )
      .get(userId) as { n: number }
  ).n;
}
