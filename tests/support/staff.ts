import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Client } from '../../shared/client';
import type { Role } from '../../shared/permissions';
import type { Core } from '../../electron/core/core';
import { hashPassword } from '../../electron/core/passwords';
import { usernameKey } from '../../electron/core/users';
import { TestClock, inProcessClient, openTestCore, setUpCentre } from './core';

/** One password for everyone: no test here is about whose password is whose. */
export const STAFF_PASSWORD = 'staff test sentence long';

// Hashing is deliberately slow: once per test file is enough.
let passwordHash: Promise<string> | undefined;

/** Each person's role, or roles where one person does two jobs. */
export type Staff<P extends string> = Record<P, Role | readonly Role[]>;

export interface StaffOptions<P extends string> {
  createdAt: string;
  /** What the colleagues' screens call this person; `${name} display` tells it apart from the username in assertions. */
  displayName?: (name: P) => string;
}

/**
 * Adds these people straight into the database (there is no user-management
 * call to do it with yet), in the order given, each with STAFF_PASSWORD.
 */
export async function addStaff<P extends string>(db: Database, people: Staff<P>, { createdAt, displayName = (name) => `${name} display` }: StaffOptions<P>): Promise<Record<P, number>> {
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  const hash = await passwordHash;
  const ids = {} as Record<P, number>;
  for (const [name, roles] of Object.entries(people) as [P, Role | readonly Role[]][]) {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO users (username, username_key, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, usernameKey(name), displayName(name), hash, createdAt);
    for (const role of typeof roles === 'string' ? [roles] : roles) db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(lastInsertRowid, role);
    ids[name] = Number(lastInsertRowid);
  }
  return ids;
}

export interface StaffedCentre<P extends string> {
  clock: TestClock;
  core: Core;
  db: Database;
  /** The administrator's client that set the centre up, still signed in. */
  admin: Client;
  ids: Record<P, number>;
  /** A signed-in client for this person, signed in again after `later`. */
  as: (name: P) => Promise<Client>;
  /** Moves the clock; sessions lock after 15 idle minutes, so everyone signs in again. */
  later: (ms: number) => void;
}

/** A set-up centre whose clock stands at `at`, with these people on its staff (added at `at`). */
export async function staffedCentre<P extends string>({
  at,
  people,
  centreName,
  displayName,
}: {
  at: string;
  people: Staff<P>;
  centreName?: string;
  displayName?: (name: P) => string;
}): Promise<StaffedCentre<P>> {
  const clock = new TestClock(new Date(at));
  const { core } = openTestCore({ clock });
  const admin = await setUpCentre(inProcessClient(core), centreName);
  const db = core.store.db;
  const ids = await addStaff(db, people, { createdAt: at, displayName });
  const clients = new Map<P, Client>();
  const as = async (name: P): Promise<Client> => {
    let client = clients.get(name);
    if (!client) {
      client = inProcessClient(core);
      await client.call('auth.login', { username: name, password: STAFF_PASSWORD });
      clients.set(name, client);
    }
    return client;
  };
  const later = (ms: number) => {
    clock.advance(ms);
    clients.clear();
  };
  return { clock, core, db, admin, ids, as, later };
}
