import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract';
import { createDispatcher } from '../../electron/core/dispatcher';
import { Transfers } from '../../electron/core/evidence/transfers';
import { EventBus, type CoreEvent } from '../../electron/core/events';
import { handlers } from '../../electron/core/handlers';
import type { HandlerMap } from '../../electron/core/handlers/types';
import { SESSION_LIFETIME_MS } from '../../electron/core/sessions';
import { ADMIN, TestClock, databaseDigest, inProcessClient, insertUser, openTestCore, setUpCentre } from '../support/core';

const origin = { transport: 'in-process' as const, workstation: 'test' };

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('first run', () => {
  it('creates the centre and an administrator, then refuses a second set-up', async () => {
    const { core } = openTestCore();
    const client = inProcessClient(core);
    expect(await client.call('setup.status', {})).toEqual({ initialized: false, centreName: null });
    const result = await client.call('setup.initialize', { centreName: 'Barnahus Cluj', admin: ADMIN });
    expect(result.admin).toMatchObject({ username: 'admin', displayName: ADMIN.displayName, roles: ['administrator'] });
    expect(await client.call('setup.status', {})).toEqual({ initialized: true, centreName: 'Barnahus Cluj' });

    const digest = databaseDigest(core.store.db, { exceptAudit: true });
    const again = await refusal(client.call('setup.initialize', { centreName: 'Other', admin: { ...ADMIN, username: 'other' } }));
    expect(again.code).toBe('already_initialized');
    expect(again.status).toBe(409);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(digest);
  });

  it('yields exactly one centre when many first-run screens submit at once', async () => {
    const { core } = openTestCore();
    const attempts = Array.from({ length: 8 }, (_, i) =>
      inProcessClient(core).call('setup.initialize', { centreName: `Centre ${i}`, admin: { ...ADMIN, username: `admin${i}` } }),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as ApiError).code).toBe('already_initialized');
    expect(core.store.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
  });

  it('stores only a scrypt hash of the password', async () => {
    const { core } = openTestCore();
    await inProcessClient(core).call('setup.initialize', { centreName: 'C', admin: ADMIN });
    const row = core.store.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });
});

describe('sign-in and sessions', () => {
  it('signs in with any spelling of the username, and signs out', async () => {
    const { core } = openTestCore();
    const client = inProcessClient(core);
    await client.call('setup.initialize', { centreName: 'C', admin: ADMIN });
    const login = await client.call('auth.login', { username: ' ADMIN ', password: ADMIN.password });
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.user.username).toBe('admin');
    expect((await client.call('auth.session', {})).user.id).toBe(login.user.id);
    await client.call('auth.logout', {});
    expect(client.token).toBeNull();
    client.setToken(login.token);
    expect((await refusal(client.call('auth.session', {}))).code).toBe('not_signed_in');
  });

  it('refuses a wrong password or an unknown user alike; each attempt counts and is logged, no session is made', async () => {
    const { core } = openTestCore();
    const client = inProcessClient(core);
    await client.call('setup.initialize', { centreName: 'C', admin: ADMIN });
    const wrong = await refusal(client.call('auth.login', { username: 'admin', password: 'wrong password!' }));
    const unknown = await refusal(client.call('auth.login', { username: 'nobody', password: 'wrong password!' }));
    expect([wrong.code, wrong.status, wrong.message]).toEqual([unknown.code, unknown.status, unknown.message]);
    expect(wrong.code).toBe('invalid_credentials');
    expect(core.store.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect(core.store.db.prepare('SELECT username_key, failures FROM login_throttle ORDER BY username_key').all()).toEqual([
      { username_key: 'admin', failures: 1 },
      { username_key: 'nobody', failures: 1 },
    ]);
    const logged = core.store.db.prepare("SELECT username, outcome, detail FROM audit_log WHERE method = 'auth.login' ORDER BY id").all();
    expect(logged).toEqual([
      { username: 'admin', outcome: 'invalid_credentials', detail: 'wrong password' },
      { username: null, outcome: 'invalid_credentials', detail: 'unknown username' },
    ]);
  });

  it('stores a hash of the token, never the token', async () => {
    const { core } = openTestCore();
    const client = await setUpCentre(inProcessClient(core));
    const rows = core.store.db.prepare('SELECT hex(token_hash) AS h FROM sessions').all() as { h: string }[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(databaseDigest(core.store.db))).not.toContain(client.token);
  });

  it('ends a session after its lifetime, and a disabled account loses its sessions at once', async () => {
    const clock = new TestClock();
    const { core } = openTestCore({ clock });
    const client = await setUpCentre(inProcessClient(core));
    // Longest idle lock, so this test sees expiry rather than the lock.
    await client.call('security.updatePolicy', { idleLockSeconds: 86_400, totpRequiredRoles: [], blindInterviewer: false, version: 0 });
    clock.advance(SESSION_LIFETIME_MS - 1000);
    await client.call('centre.get', {});
    clock.advance(2000);
    expect((await refusal(client.call('centre.get', {}))).code).toBe('not_signed_in');

    await client.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    core.store.db.prepare("UPDATE users SET disabled_at = 'now'").run();
    expect((await refusal(client.call('centre.get', {}))).status).toBe(401);
  });

  it('sessions live in the database, so they survive a restart of the core', async () => {
    const first = openTestCore();
    const client = await setUpCentre(inProcessClient(first.core));
    first.core.close();
    const { openCore } = await import('../../electron/core/core');
    const reopened = openCore({ file: first.file, key: first.key, log: () => undefined });
    const again = inProcessClient(reopened);
    again.setToken(client.token);
    expect((await again.call('auth.session', {})).user.username).toBe('admin');
    reopened.close();
  });
});

describe('the dispatcher', () => {
  it('checks input before anything else: 400 with each field issue', async () => {
    const { core } = openTestCore();
    const outcome = await core.dispatch({
      method: 'setup.initialize',
      input: { centreName: '  ', admin: { username: 'a b', password: 'short', displayName: 'X' } },
      token: null,
      origin,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(400);
    expect(outcome.error.code).toBe('invalid_input');
    const paths = (outcome.error.details as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['centreName', 'admin.username', 'admin.password']));
  });

  it('answers 404 for an unknown method and 401 without a session', async () => {
    const { core } = openTestCore();
    expect(await core.dispatch({ method: 'cases.delete', input: {}, token: null, origin })).toMatchObject({ ok: false, status: 404 });
    expect(await core.dispatch({ method: 'centre.get', input: {}, token: null, origin })).toMatchObject({ ok: false, status: 401 });
    expect(await core.dispatch({ method: 'centre.get', input: {}, token: 'forged', origin })).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a method the roles do not grant (403), changing nothing', async () => {
    const { core } = openTestCore();
    await setUpCentre(inProcessClient(core));
    await insertUser(core.store.db, 'officer', 'police officer pass', ['police']);
    const police = inProcessClient(core);
    await police.call('auth.login', { username: 'officer', password: 'police officer pass' });
    const digest = databaseDigest(core.store.db, { exceptAudit: true });
    const refused = await refusal(police.call('centre.update', { name: 'Renamed', version: 0 }));
    expect([refused.code, refused.status]).toEqual(['forbidden', 403]);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(digest);
    expect((await police.call('centre.get', {})).name).toBe('Barnahus Cluj');
  });

  it('never lets a stale edit overwrite a newer one (409 with the current record)', async () => {
    const { core } = openTestCore();
    const first = await setUpCentre(inProcessClient(core));
    const second = inProcessClient(core);
    await second.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const seen = await first.call('centre.get', {});
    await second.call('centre.update', { name: 'Barnahus Sofia', version: seen.version });
    const conflict = await refusal(first.call('centre.update', { name: 'Barnahus Iași', version: seen.version }));
    expect(conflict.code).toBe('conflict');
    expect(conflict.details).toMatchObject({ current: { name: 'Barnahus Sofia', version: seen.version + 1 } });
    expect((await first.call('centre.get', {})).name).toBe('Barnahus Sofia');
  });

  it('publishes change events after commit, and none for a refused call', async () => {
    const { core } = openTestCore();
    const client = await setUpCentre(inProcessClient(core));
    const events: CoreEvent[] = [];
    core.subscribe((event) => events.push(event));
    await refusal(client.call('centre.update', { name: 'X', version: 99 }));
    expect(events).toEqual([]);
    await client.call('centre.update', { name: 'Barnahus Sofia', version: 0 });
    expect(events).toEqual([{ kind: 'change', change: { type: 'change', entity: 'centre', action: 'updated', id: 1 } }]);
  });

  it('rolls back a handler whose output breaks the contract, and reports 500 without details', async () => {
    const { core } = openTestCore();
    await setUpCentre(inProcessClient(core));
    const broken: HandlerMap = {
      ...handlers,
      'centre.update': {
        run(input, { db }) {
          db.prepare('UPDATE centre SET name = ?').run(input.name);
          return { name: 42 } as never;
        },
      },
    };
    const logged: string[] = [];
    const dispatcher = createDispatcher({
      db: core.store.db,
      handlers: broken,
      clock: { now: () => new Date() },
      bus: new EventBus(),
      evidence: { store: core.evidence, transfers: new Transfers() },
      anchor: core.anchor,
      log: (m) => logged.push(m),
    });
    const token = (await core.dispatch({ method: 'auth.login', input: { username: ADMIN.username, password: ADMIN.password }, token: null, origin })) as {
      data: { token: string };
    };
    const digest = databaseDigest(core.store.db);
    const outcome = await dispatcher.dispatch({ method: 'centre.update', input: { name: 'Secret Name Ștefan', version: 0 }, token: token.data.token, origin });
    expect(outcome).toMatchObject({ ok: false, status: 500, error: { code: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain('Ștefan');
    // Rolled back entirely: the audit entry of the attempt too (500s go to the log file, not the audit log).
    expect(databaseDigest(core.store.db)).toBe(digest);
    expect(logged.join()).toContain('centre.update');
    expect(logged.join()).not.toContain('Ștefan');
  });
});
