import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/core/events';
import { LOCK_MS } from '../../electron/core/throttle';
import { currentCode } from '../../electron/core/totp';
import { ADMIN, TestClock, inProcessClient, inProcessTransport, openTestCore, setUpCentre } from '../support/core';
import { createClient } from '../../shared/client';
import { refusal } from '../support/refusal';

const TEMP = 'first day at the centre';
const OWN = 'my own quiet river sentence';

async function centre(clock = new TestClock()) {
  const { core } = openTestCore({ clock });
  const admin = await setUpCentre(inProcessClient(core));
  const police = await admin.call('users.create', {
    username: 'i.popa',
    password: TEMP,
    displayName: 'Ion Popa',
    agency: 'police',
    roles: ['police'],
    jobTitle: 'Inspector',
  });
  return { core, admin, police, clock };
}

describe('accounts', () => {
  it('a new account must choose its own password before doing anything else', async () => {
    const { core, police } = await centre();
    expect(police).toMatchObject({ mustChangePassword: true, agency: 'police', roles: ['police'], disabled: false });
    const officer = inProcessClient(core);
    const login = await officer.call('auth.login', { username: 'i.popa', password: TEMP });
    expect(login.restriction).toBe('change_password');
    const blocked = await refusal(officer.call('cases.list', {}));
    expect([blocked.status, blocked.details]).toEqual([403, { reason: 'change_password' }]);

    const weak = await refusal(officer.call('account.changePassword', { currentPassword: TEMP, newPassword: 'password1234' }));
    expect(weak.issues).toEqual([expect.objectContaining({ path: ['newPassword'], code: 'weak_password' })]);
    const same = await refusal(officer.call('account.changePassword', { currentPassword: TEMP, newPassword: TEMP }));
    expect(same.issues[0]?.code).toBe('password_reused');
    await officer.call('account.changePassword', { currentPassword: TEMP, newPassword: OWN });
    expect((await officer.call('auth.session', {})).restriction).toBeNull();
    expect(await officer.call('cases.list', {})).toEqual({ items: [], total: 0 });
  });

  it('refuses a weak password, using the person’s own name against it', async () => {
    const { admin } = await centre();
    const error = await refusal(
      admin.call('users.create', { username: 'mgeorgieva', password: 'mgeorgieva2026', displayName: 'Maria Georgieva', agency: 'medical', roles: ['medical'] }),
    );
    expect(error.issues[0]).toMatchObject({ path: ['password'], code: 'weak_password' });
  });

  it('keeps usernames unique whatever the spelling', async () => {
    const { admin } = await centre();
    for (const username of ['I.POPA', 'ｉ.popa']) {
      const error = await refusal(admin.call('users.create', { username, password: TEMP, displayName: 'X', agency: 'police', roles: ['police'] }));
      expect(error.code).toBe('conflict');
    }
  });

  it('never leaves the centre without an administrator, and never disables oneself', async () => {
    const { admin } = await centre();
    const me = (await admin.call('users.list', {})).find((u) => u.username === ADMIN.username);
    if (!me) throw new Error('no admin');
    expect((await refusal(admin.call('users.update', { userId: me.id, version: me.version, displayName: 'A', agency: 'barnahus_staff', roles: ['coordinator'] }))).code).toBe(
      'conflict',
    );
    expect((await refusal(admin.call('users.setDisabled', { userId: me.id, disabled: true, version: me.version }))).code).toBe('conflict');
  });

  it('edits refuse a stale version with the current record', async () => {
    const { admin, police } = await centre();
    await admin.call('users.update', { userId: police.id, version: police.version, displayName: 'Ion Popa', agency: 'police', roles: ['police'], jobTitle: 'Chief' });
    const stale = await refusal(admin.call('users.update', { userId: police.id, version: police.version, displayName: 'X', agency: 'police', roles: ['police'] }));
    expect(stale.code).toBe('conflict');
    expect(stale.details).toMatchObject({ current: { jobTitle: 'Chief' } });
  });

  it('disabling an account or signing it out everywhere ends its sessions on every workstation, and closes their sockets', async () => {
    const { core, admin, police } = await centre();
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    const a = inProcessClient(core);
    const b = inProcessClient(core);
    await a.call('auth.login', { username: 'i.popa', password: TEMP });
    await b.call('auth.login', { username: 'i.popa', password: TEMP });
    expect(await admin.call('users.signOutEverywhere', { userId: police.id })).toEqual({ ended: 2 });
    expect(events.filter((e) => e.kind === 'session-ended')).toHaveLength(2);
    expect((await refusal(a.call('auth.session', {}))).status).toBe(401);
    await b.call('auth.login', { username: 'i.popa', password: TEMP });
    const current = (await admin.call('users.list', {})).find((u) => u.id === police.id);
    await admin.call('users.setDisabled', { userId: police.id, disabled: true, version: current?.version ?? 0 });
    expect((await refusal(b.call('auth.session', {}))).status).toBe(401);
    expect((await refusal(b.call('auth.login', { username: 'i.popa', password: TEMP }))).code).toBe('invalid_credentials');
  });
});

describe('sign-in lock-out', () => {
  it('locks an account for 15 minutes after 5 wrong passwords, whatever the spelling of the name, and logs it', async () => {
    const { core, clock } = await centre();
    const client = inProcessClient(core);
    const spellings = ['i.popa', 'I.POPA', ' i.popa ', 'ｉ.ｐｏｐａ', 'i.Popa'];
    const answers: string[] = [];
    for (const username of spellings) answers.push((await refusal(client.call('auth.login', { username, password: 'not the password' }))).code);
    expect(answers).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'locked']);
    const during = await refusal(client.call('auth.login', { username: 'i.popa', password: TEMP }));
    expect([during.status, during.code]).toEqual([423, 'locked']);
    const logged = core.store.db.prepare("SELECT detail FROM audit_log WHERE outcome = 'locked' ORDER BY id LIMIT 1").get() as { detail: string };
    expect(logged.detail).toMatch(/^wrong password; account locked until/);
    clock.advance(LOCK_MS + 1000);
    expect((await client.call('auth.login', { username: 'i.popa', password: TEMP })).user.username).toBe('i.popa');
  });

  it('an administrator clears a lock-out by resetting the password', async () => {
    const { core, admin, police } = await centre();
    const client = inProcessClient(core);
    for (let i = 0; i < 5; i++) await refusal(client.call('auth.login', { username: 'i.popa', password: 'wrong wrong wrong' }));
    expect((await admin.call('users.list', {})).find((u) => u.id === police.id)?.lockedUntil).not.toBeNull();
    await admin.call('users.resetPassword', { userId: police.id, password: 'a brand new temporary one' });
    expect((await client.call('auth.login', { username: 'i.popa', password: 'a brand new temporary one' })).restriction).toBe('change_password');
  });

  it('answers 429 to a workstation trying many usernames', async () => {
    const { core } = await centre();
    const client = createClient(inProcessTransport(core, { transport: 'https', workstation: '10.0.0.66' }));
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) codes.push((await refusal(client.call('auth.login', { username: `guess${i}`, password: 'p' }))).code);
    expect(codes.slice(0, 20).every((c) => c === 'invalid_credentials')).toBe(true);
    expect(codes[20]).toBe('too_many_attempts');
    // Another workstation is not affected.
    expect((await inProcessClient(core).call('auth.login', { username: 'i.popa', password: TEMP })).user.username).toBe('i.popa');
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a code, then asks for one at sign-in, and accepts each code once', async () => {
    const { core, clock } = await centre();
    const officer = inProcessClient(core);
    await officer.call('auth.login', { username: 'i.popa', password: TEMP });
    await officer.call('account.changePassword', { currentPassword: TEMP, newPassword: OWN });
    const enrolment = await officer.call('account.beginTotp', {});
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Barnahus%20Desk:i\.popa\?/);
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    const wrong = await refusal(officer.call('account.confirmTotp', { code: '000000' }));
    expect(wrong.issues[0]?.code).toBe('totp_mismatch');
    expect((await officer.call('account.confirmTotp', { code: currentCode(enrolment.secret, clock.now()) })).totpEnabled).toBe(true);

    const next = inProcessClient(core);
    expect((await refusal(next.call('auth.login', { username: 'i.popa', password: OWN }))).code).toBe('totp_required');
    clock.advance(30_000);
    const code = currentCode(enrolment.secret, clock.now());
    expect((await next.call('auth.login', { username: 'i.popa', password: OWN, code })).user.username).toBe('i.popa');
    // The same code again (someone looking over a shoulder): refused, and counted.
    expect((await refusal(inProcessClient(core).call('auth.login', { username: 'i.popa', password: OWN, code }))).code).toBe('invalid_credentials');
  });

  it('a role can require it: the session must enrol first, and cannot turn it off', async () => {
    const { core, admin, clock } = await centre();
    await admin.call('security.updatePolicy', { idleLockSeconds: 900, totpRequiredRoles: ['police'], blindInterviewer: false, version: 0 });
    const officer = inProcessClient(core);
    await officer.call('auth.login', { username: 'i.popa', password: TEMP });
    await officer.call('account.changePassword', { currentPassword: TEMP, newPassword: OWN });
    expect((await officer.call('auth.session', {})).restriction).toBe('enrol_totp');
    expect((await refusal(officer.call('cases.list', {}))).details).toEqual({ reason: 'enrol_totp' });
    const { secret } = await officer.call('account.beginTotp', {});
    await officer.call('account.confirmTotp', { code: currentCode(secret, clock.now()) });
    expect(await officer.call('cases.list', {})).toEqual({ items: [], total: 0 });
    expect((await refusal(officer.call('account.disableTotp', { password: OWN }))).code).toBe('conflict');
  });
});

describe('the idle lock', () => {
  it('locks a session idle for longer than the policy; only the password opens it again', async () => {
    const { core, admin, clock } = await centre();
    await admin.call('security.updatePolicy', { idleLockSeconds: 60, totpRequiredRoles: [], blindInterviewer: false, version: 0 });
    clock.advance(30_000);
    expect((await admin.call('auth.session', {})).idleLockSeconds).toBe(60);
    clock.advance(61_000);
    const locked = await refusal(admin.call('users.list', {}));
    expect([locked.status, locked.details]).toEqual([423, { reason: 'session_locked' }]);
    // Activity does not unlock it: it stays locked until the password is given.
    expect((await refusal(admin.call('auth.session', {}))).status).toBe(423);
    expect((await refusal(admin.call('auth.unlock', { password: 'not it at all' }))).code).toBe('invalid_credentials');
    await admin.call('auth.unlock', { password: ADMIN.password });
    expect((await admin.call('users.list', {})).length).toBe(2);
    await admin.call('auth.lock', {});
    expect((await refusal(admin.call('users.list', {}))).status).toBe(423);
    expect(core.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE outcome = 'locked'").get()).toEqual({ n: 3 });
  });

  it('five wrong passwords at the lock screen end the session and lock the account', async () => {
    const { core, admin } = await centre();
    await admin.call('auth.lock', {});
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await refusal(admin.call('auth.unlock', { password: `wrong ${i} attempt` }))).code);
    expect(codes.at(-1)).toBe('locked');
    expect((await refusal(admin.call('auth.unlock', { password: ADMIN.password }))).status).toBe(401);
    expect((await refusal(inProcessClient(core).call('auth.login', { username: ADMIN.username, password: ADMIN.password }))).code).toBe('locked');
  });
});
