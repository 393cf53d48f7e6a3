import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { createDatabaseKey, KEY_FILE, osProtectionAvailable, readKeyProtection, unwrapDatabaseKey } from '../../electron/main/keystore';
import { FakeSafeStorage } from '../support/fake-electron';
import { tempDir } from '../support/temp';

function safeStorage(options: { available?: boolean; backend?: string } = {}): FakeSafeStorage {
  const fake = new FakeSafeStorage();
  fake.asyncAvailable = options.available ?? true;
  fake.backend = options.backend ?? 'gnome_libsecret';
  return fake;
}

function keyFile(dir: string): string {
  return path.join(dir, KEY_FILE);
}

/** Every spelling of the key that must never be written down. */
function spellings(key: Buffer): string[] {
  return [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64'), key.toString('base64url')];
}

function expectKeyAbsent(file: string, key: Buffer): void {
  const text = fs.readFileSync(file, 'utf8');
  const raw = fs.readFileSync(file);
  for (const spelling of spellings(key)) expect(text).not.toContain(spelling);
  expect(raw.includes(key)).toBe(false);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('osProtectionAvailable', () => {
  it.each(['basic_text', 'unknown'])('is false on linux with the %s backend', async (backend) => {
    expect(await osProtectionAvailable(safeStorage({ backend }), 'linux')).toBe(false);
  });

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'])('is true on linux with the %s backend', async (backend) => {
    expect(await osProtectionAvailable(safeStorage({ backend }), 'linux')).toBe(true);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('is false on %s when async encryption is unavailable', async (platform) => {
    expect(await osProtectionAvailable(safeStorage({ available: false, backend: 'gnome_libsecret' }), platform)).toBe(false);
  });

  it.each(['win32', 'darwin'] as const)('is true on %s when available, whatever the (Linux-only) backend says', async (platform) => {
    expect(await osProtectionAvailable(safeStorage({ backend: 'unknown' }), platform)).toBe(true);
  });
});

describe('OS-protected key', () => {
  it('writes database-key.json, owner-only, with scheme os, and unwraps to the same 32 bytes', async () => {
    const dir = tempDir();
    const storage = safeStorage();
    const key = await createDatabaseKey(dir, { safeStorage: storage });
    expect(Buffer.isBuffer(key)).toBe(true);
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.alloc(32))).toBe(false);

    const file = keyFile(dir);
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(content.scheme).toBe('os');
    expect(typeof content.wrapped).toBe('string');
    expect(readKeyProtection(dir)).toBe('os');

    // The key went through the OS, and only its wrapped form reached the disk.
    expect(storage.encrypted).toEqual([key.toString('hex')]);
    expectKeyAbsent(file, key);

    const unwrapped = await unwrapDatabaseKey(dir, { safeStorage: storage });
    expect(unwrapped.equals(key)).toBe(true);
  });

  it('makes a different key each time', async () => {
    const first = await createDatabaseKey(tempDir(), { safeStorage: safeStorage() });
    const second = await createDatabaseKey(tempDir(), { safeStorage: safeStorage() });
    expect(first.equals(second)).toBe(false);
  });

  it('cannot be opened with a passphrase', async () => {
    const dir = tempDir();
    await createDatabaseKey(dir, { safeStorage: safeStorage() });
    await expect(unwrapDatabaseKey(dir, { passphrase: 'anything at all' })).rejects.toThrow(/operating system/);
  });
});

describe('passphrase-protected key', () => {
  const passphrase = 'Ana are mere și pere 2026!';

  it('round-trips: the same passphrase gives back the same key', async () => {
    const dir = tempDir();
    const key = await createDatabaseKey(dir, { passphrase });
    expect(key).toHaveLength(32);
    expect(readKeyProtection(dir)).toBe('passphrase');
    const file = keyFile(dir);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { scheme: string; kdf: { name: string; logN: number } };
    expect(content.scheme).toBe('passphrase');
    expect(content.kdf.name).toBe('scrypt');
    expect(content.kdf.logN).toBeGreaterThanOrEqual(14);
    expectKeyAbsent(file, key);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(passphrase);

    const unwrapped = await unwrapDatabaseKey(dir, { passphrase });
    expect(unwrapped.equals(key)).toBe(true);
    // Unicode normalisation: the same passphrase typed in decomposed form still opens it.
    const unwrappedNfd = await unwrapDatabaseKey(dir, { passphrase: passphrase.normalize('NFD') });
    expect(unwrappedNfd.equals(key)).toBe(true);
  });

  it('refuses a wrong passphrase with invalid_credentials, never garbage', async () => {
    const dir = tempDir();
    await createDatabaseKey(dir, { passphrase });
    for (const wrong of ['Ana are mere și pere 2026', '', passphrase.toUpperCase()]) {
      const error = await rejection(unwrapDatabaseKey(dir, { passphrase: wrong }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_credentials');
    }
  });

  it('refuses a tampered wrapped key with invalid_credentials', async () => {
    const dir = tempDir();
    await createDatabaseKey(dir, { passphrase });
    const file = keyFile(dir);
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { wrapped: string };
    const wrapped = Buffer.from(content.wrapped, 'base64');
    wrapped[0] = wrapped[0]! ^ 0x01;
    fs.writeFileSync(file, JSON.stringify({ ...content, wrapped: wrapped.toString('base64') }));
    const error = await rejection(unwrapDatabaseKey(dir, { passphrase }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_credentials');
  });

  it('asks for the passphrase (locked) when only the OS is offered', async () => {
    const dir = tempDir();
    await createDatabaseKey(dir, { passphrase });
    const error = await rejection(unwrapDatabaseKey(dir, { safeStorage: safeStorage() }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('locked');
  });
});

describe('the key file', () => {
  it.each([
    ['os', () => ({ safeStorage: safeStorage() })],
    ['passphrase', () => ({ passphrase: 'first passphrase, long enough' })],
  ] as const)('is never replaced: a second creation over a %s key fails and leaves the file as it was', async (_label, makeProtection) => {
    const dir = tempDir();
    const protection = makeProtection();
    const key = await createDatabaseKey(dir, protection);
    const before = fs.readFileSync(keyFile(dir));

    await expect(createDatabaseKey(dir, { safeStorage: safeStorage() })).rejects.toThrow();
    await expect(createDatabaseKey(dir, { passphrase: 'another passphrase' })).rejects.toThrow();
    expect(fs.readFileSync(keyFile(dir)).equals(before)).toBe(true);
    expect((await unwrapDatabaseKey(dir, protection)).equals(key)).toBe(true);
  });

  it('creates the folder if it does not exist yet', async () => {
    const dir = path.join(tempDir(), 'nested', 'userData');
    await createDatabaseKey(dir, { safeStorage: safeStorage() });
    expect(readKeyProtection(dir)).toBe('os');
  });

  it.each([
    ['not JSON', '{"scheme": "os", "wrapped": '],
    ['empty', ''],
    ['an unknown scheme', JSON.stringify({ scheme: 'plain', key: '00'.repeat(32) })],
    ['os without wrapped', JSON.stringify({ scheme: 'os' })],
    ['wrapped not base64', JSON.stringify({ scheme: 'os', wrapped: 'not base64!' })],
    ['passphrase without kdf', JSON.stringify({ scheme: 'passphrase', iv: 'AA==', tag: 'AA==', wrapped: 'AA==' })],
    [
      'a weakened kdf',
      JSON.stringify({ scheme: 'passphrase', kdf: { name: 'scrypt', logN: 4, r: 8, p: 1, salt: 'AA==' }, iv: 'AA==', tag: 'AA==', wrapped: 'AA==' }),
    ],
    [
      'an unbounded kdf cost',
      JSON.stringify({ scheme: 'passphrase', kdf: { name: 'scrypt', logN: 17, r: 4096, p: 64, salt: 'AA==' }, iv: 'AA==', tag: 'AA==', wrapped: 'AA==' }),
    ],
  ])('damaged (%s) gives a clear error', async (_label, text) => {
    const dir = tempDir();
    fs.writeFileSync(keyFile(dir), text);
    expect(() => readKeyProtection(dir)).toThrow(/damaged/);
    await expect(unwrapDatabaseKey(dir, { passphrase: 'whatever' })).rejects.toThrow(/damaged/);
    await expect(unwrapDatabaseKey(dir, { safeStorage: safeStorage() })).rejects.toThrow(/damaged/);
  });

  it('readKeyProtection is null when there is no key file', () => {
    const dir = tempDir();
    expect(readKeyProtection(dir)).toBeNull();
  });
});
