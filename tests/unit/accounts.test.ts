import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/core/passwords';
import { usernameKey } from '../../electron/core/users';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$/);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('treats composed and decomposed diacritics as the same password', async () => {
    const composed = 'parolă ștearsă țară';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    await expect(verifyPassword(decomposed, await hashPassword(composed))).resolves.toBe(true);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    await expect(verifyPassword('x', 'plaintext')).resolves.toBe(false);
  });
});

describe('username keys', () => {
  it('folds case, width and spaces, so one account cannot be spelt twice', () => {
    expect(usernameKey('Admin')).toBe('admin');
    expect(usernameKey(' ad min ')).toBe('admin');
    expect(usernameKey('ＡＤＭＩＮ')).toBe('admin');
    expect(usernameKey('ИВАН')).toBe('иван');
  });

  it('keeps different names different', () => {
    expect(usernameKey('ana.p')).not.toBe(usernameKey('anap'));
  });
});
