import type { Database } from 'better-sqlite3-multiple-ciphers';
import { iso } from './clock';
import type { CallOrigin } from './handlers/types';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures older than this no longer count towards a lock-out. */
const WINDOW_MS = 15 * 60 * 1000;

interface ThrottleRow {
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

/** Until when this (folded) username is locked out, or null. */
export function lockedUntil(db: Database, usernameKey: string, now: Date): string | null {
  const row = db.prepare('SELECT locked_until FROM login_throttle WHERE username_key = ?').get(usernameKey) as
    | { locked_until: string | null }
    | undefined;
  return row?.locked_until && row.locked_until > iso(now) ? row.locked_until : null;
}

/** Counts a wrong password; returns the lock's end when this failure triggered one. */
export function recordFailure(db: Database, usernameKey: string, now: Date): string | null {
  const row = db.prepare('SELECT failures, first_failure_at, locked_until FROM login_throttle WHERE username_key = ?').get(usernameKey) as
    | ThrottleRow
    | undefined;
  const fresh = !row || row.first_failure_at < iso(new Date(now.getTime() - WINDOW_MS)) || (row.locked_until !== null && row.locked_until <= iso(now));
  const failures = fresh ? 1 : row.failures + 1;
  const lock = failures >= MAX_FAILURES ? iso(new Date(now.getTime() + LOCK_MS)) : null;
  db.prepare(
    `INSERT INTO login_throttle (username_key, failures, first_failure_at, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT(username_key) DO UPDATE SET failures = excluded.failures, first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until`,
  ).run(usernameKey, lock ? 0 : failures, fresh ? iso(now) : (row?.first_failure_at ?? iso(now)), lock);
  return lock;
}

export function clearFailures(db: Database, usernameKey: string): void {
  db.prepare('DELETE FROM login_throttle WHERE username_key = ?').run(usernameKey);
}

/**
 * Wrong sign-ins per peer address, in memory: many usernames tried from one
 * address get 429 even though no single account reaches its own lock-out.
 * Keyed by `throttleKey`, so a client renaming itself per request gains nothing.
 */
export class WorkstationThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 20,
    private readonly windowMs = WINDOW_MS,
  ) {}

  blocked(workstation: string, now: Date): boolean {
    return this.recent(workstation, now).length >= this.limit;
  }

  fail(workstation: string, now: Date): void {
    const recent = this.recent(workstation, now);
    recent.push(now.getTime());
    this.failures.set(workstation, recent);
  }

  private recent(workstation: string, now: Date): number[] {
    return (this.failures.get(workstation) ?? []).filter((t) => t > now.getTime() - this.windowMs);
  }
}

/**
 * What the sign-in limit counts against: the peer address when the call came
 * over the network (a client-mode workstation's own IP; its self-chosen name
 * only labels the audit entry), otherwise the workstation, i.e. this computer.
 */
export function throttleKey(origin: CallOrigin): string {
  return origin.peer ?? origin.workstation;
}
