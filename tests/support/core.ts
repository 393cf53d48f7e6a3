import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createClient, type Client, type Transport } from '../../shared/client';
import type { Clock } from '../../electron/core/clock';
import { openCore, type Core } from '../../electron/core/core';
import { DATABASE_FILE } from '../../electron/core/db/store';
import type { CallOrigin } from '../../electron/core/handlers/types';
import { tempDir } from './temp';

export const ADMIN = { username: 'admin', password: 'correct horse battery', displayName: 'Ана Иванова' };

/** A settable clock, for expiry tests. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-22T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestCore {
  core: Core;
  file: string;
  key: Buffer;
  dir: string;
  /** The audit checkpoints' file (inside the temp folder: tests keep it apart from the next test's). */
  anchorFile: string;
}

/** A real core over a real encrypted database file in a temp folder. */
export function openTestCore(options: { clock?: Clock } = {}): TestCore {
  const dir = tempDir();
  const file = path.join(dir, DATABASE_FILE);
  const key = randomBytes(32);
  const anchorFile = path.join(dir, 'audit-anchors.log');
  const core = openCore({ file, key, anchorFile, ...(options.clock ? { clock: options.clock } : {}), log: () => undefined });
  return { core, file, key, dir, anchorFile };
}

/** The transport the Electron standalone mode uses, minus IPC: straight into the dispatcher. */
export function inProcessTransport(core: Core, origin: CallOrigin = { transport: 'in-process', workstation: 'test' }): Transport {
  return {
    async call(method, input, token) {
      const outcome = await core.dispatch({ method, input, token, origin });
      return outcome.ok ? { ok: true, data: outcome.data } : { ok: false, error: outcome.error };
    },
  };
}

export function inProcessClient(core: Core): Client {
  return createClient(inProcessTransport(core));
}

/** A client of the core signed in as that user. */
export async function signInWith(core: Core, username: string, password: string): Promise<Client> {
  const client = inProcessClient(core);
  await client.call('auth.login', { username, password });
  return client;
}

/** Set up the centre and return an administrator's signed-in client. */
export async function setUpCentre(client: Client, centreName = 'Barnahus Cluj'): Promise<Client> {
  await client.call('setup.initialize', { centreName, admin: ADMIN });
  await client.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  return client;
}

/**
 * Every row of every table, in a stable order: equal digests mean nothing changed.
 * `exceptAudit`: a refusal may (must) add to the audit log and nothing else.
 */
export function databaseDigest(db: Database, options: { exceptAudit?: boolean; except?: string[] } = {}): string {
  const skip = new Set([...(options.exceptAudit ? ['audit_log', 'audit_head', 'sqlite_sequence'] : []), ...(options.except ?? [])]);
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).filter(
    ({ name }) => !skip.has(name),
  );
  const parts = tables.map(({ name }) => {
    // WITHOUT ROWID tables (the search indexes) have no rowid: their primary key orders them.
    const withoutRowid = (db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(name) as { wr: number } | undefined)?.wr === 1;
    const order = withoutRowid
      ? (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(name) as { name: string }[]).map((c) => `"${c.name}"`).join(', ')
      : 'rowid';
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
    return `${name}:${JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value))}`;
  });
  return parts.join('\n') + `\nuser_version:${String(db.pragma('user_version', { simple: true }))}`;
}

/** Adds a user straight into the database (account management arrives with the access issue). */
export async function insertUser(db: Database, username: string, password: string, roles: string[]): Promise<number> {
  const { hashPassword } = await import('../../electron/core/passwords');
  const { usernameKey } = await import('../../electron/core/users');
  const hash = await hashPassword(password);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO users (username, username_key, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(username, usernameKey(username), username, hash, new Date().toISOString());
  for (const role of roles) db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(lastInsertRowid, role);
  return Number(lastInsertRowid);
}
