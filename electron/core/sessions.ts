import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Role } from '../../shared/permissions';
import { iso } from './clock';
import { rolesOf } from './users';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Activity is recorded at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Who is calling: resolved from the bearer token for every call. */
export interface Caller {
  sessionId: string;
  userId: number;
  roles: Role[];
  expiresAt: string;
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
  expires_at: string;
  last_seen_at: string;
}

/** The live session for a token, or null: unknown, ended, expired, or the account disabled. */
export function resolveSession(db: Database, token: string, now: Date): Caller | null {
  const row = db
    .prepare(
      `SELECT s.id, s.user_id, s.expires_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
    )
    .get(tokenHash(token), iso(now)) as SessionRow | undefined;
  if (!row) return null;
  return { sessionId: row.id, userId: row.user_id, roles: rolesOf(db, row.user_id), expiresAt: row.expires_at };
}

export function touchSession(db: Database, sessionId: string, now: Date): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?').run(
    iso(now),
    sessionId,
    iso(new Date(now.getTime() - TOUCH_INTERVAL_MS)),
  );
}

export function endSession(db: Database, sessionId: string, now: Date): void {
  db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(iso(now), sessionId);
}
