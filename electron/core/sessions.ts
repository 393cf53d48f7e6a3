import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SessionRestriction } from '../../shared/contract/methods/auth';
import type { Role } from '../../shared/permissions';
import { iso } from './clock';
import { readPolicy, totpRequiredFor } from './policy';
import { rolesOf } from './users';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Who is calling: resolved from the bearer token for every call. */
export interface Caller {
  sessionId: string;
  userId: number;
  username: string;
  roles: Role[];
  expiresAt: string;
  /** Locked (idle, or locked on request): only unlock and sign-out answer until the password is given. */
  locked: boolean;
  restriction: SessionRestriction;
  idleLockSeconds: number;
}

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function createSession(db: Database, userId: number, now: Date, workstation: string): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = iso(new Date(now.getTime() + SESSION_LIFETIME_MS));
  db.prepare(
    `INSERT INTO sessions (id, token_hash, user_id, workstation, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), tokenHash(token), userId, workstation, iso(now), iso(now), expiresAt);
  return { token, expiresAt };
}

interface SessionRow {
  id: string;
  user_id: number;
  username: string;
  expires_at: string;
  last_seen_at: string;
  locked_at: string | null;
  must_change_password: number;
  totp_secret: string | null;
}

/**
 * The live session for a token, or null: unknown, ended, expired, or the
 * account disabled. A session idle longer than the centre's idle lock counts
 * as locked even before anyone has said so.
 */
export function resolveSession(db: Database, token: string, now: Date): Caller | null {
  const row = db
    .prepare(
      `SELECT s.id, s.user_id, u.username, s.expires_at, s.last_seen_at, s.locked_at, u.must_change_password, u.totp_secret
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    )
    .get(tokenHash(token), iso(now)) as SessionRow | undefined;
  if (!row) return null;
  const policy = readPolicy(db);
  const roles = rolesOf(db, row.user_id);
  const idle = now.getTime() - Date.parse(row.last_seen_at) > policy.idleLockSeconds * 1000;
  let restriction: SessionRestriction = null;
  if (row.must_change_password === 1) restriction = 'change_password';
  else if (row.totp_secret === null && totpRequiredFor(policy, roles)) restriction = 'enrol_totp';
  return {
    sessionId: row.id,
    userId: row.user_id,
    username: row.username,
    roles,
    expiresAt: row.expires_at,
    locked: row.locked_at !== null || idle,
    restriction,
    idleLockSeconds: policy.idleLockSeconds,
  };
}

/**
 * Records activity. At most every minute (or a quarter of the idle lock if
 * shorter), so reads do not each cost a write yet the lock stays accurate.
 */
export function touchSession(db: Database, caller: Caller, now: Date): void {
  const interval = Math.min(60_000, (caller.idleLockSeconds * 1000) / 4);
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?').run(iso(now), caller.sessionId, iso(new Date(now.getTime() - interval)));
}

export function lockSession(db: Database, sessionId: string, now: Date): void {
  db.prepare('UPDATE sessions SET locked_at = ? WHERE id = ? AND locked_at IS NULL').run(iso(now), sessionId);
}

export function unlockSession(db: Database, sessionId: string, now: Date): void {
  db.prepare('UPDATE sessions SET locked_at = NULL, last_seen_at = ? WHERE id = ?').run(iso(now), sessionId);
}

export function endSession(db: Database, sessionId: string, now: Date): void {
  db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(iso(now), sessionId);
}

/** Ends every live session of a user; returns their ids so their sockets can be closed. */
export function endUserSessions(db: Database, userId: number, now: Date, except?: string): string[] {
  const ids = (db.prepare('SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL').all(userId) as { id: string }[])
    .map((r) => r.id)
    .filter((id) => id !== except);
  const end = db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?');
  for (const id of ids) end.run(iso(now), id);
  return ids;
}
