import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KEY_BYTES } from '../core/db/store';
import { AppError } from '../core/errors';

/** The slice of Electron's safeStorage this module needs (a fake in tests). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
}

export const KEY_FILE = 'database-key.json';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const keyFileSchema = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('os'), wrapped: b64 }),
  z.object({
    scheme: z.literal('passphrase'),
    // Bounded, so a tampered file cannot make unlocking allocate or compute without limit.
    kdf: z.object({ name: z.literal('scrypt'), logN: z.number().int().min(14).max(20), r: z.number().int().min(1).max(16), p: z.number().int().min(1).max(4), salt: b64 }),
    iv: b64,
    tag: b64,
    wrapped: b64,
  }),
]);
type KeyFile = z.infer<typeof keyFileSchema>;
export type KeyProtection = KeyFile['scheme'];

/**
 * Whether the OS can protect the database key. On Linux without a keyring
 * Electron falls back to "basic_text", a hard-coded password: that protects
 * nothing, so (as Signal Desktop does) we refuse it and ask for a passphrase.
 */
export async function osProtectionAvailable(safeStorage: SafeStorageLike, platform = process.platform): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    return backend !== 'basic_text' && backend !== 'unknown';
  }
  return true;
}

export function readKeyProtection(dir: string): KeyProtection | null {
  const file = path.join(dir, KEY_FILE);
  if (!fs.existsSync(file)) return null;
  return parseKeyFile(file).scheme;
}

function parseKeyFile(file: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    raw = null;
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is damaged: the database key cannot be read from it.`);
  return parsed.data;
}

function writeKeyFile(dir: string, content: KeyFile): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // 'wx': an existing key is never replaced; losing it loses the database.
  fs.writeFileSync(path.join(dir, KEY_FILE), JSON.stringify(content, null, 2), { mode: 0o600, flag: 'wx' });
}

const PASSPHRASE_KDF = { logN: 17, r: 8, p: 1 };

function deriveWrappingKey(passphrase: string, salt: Buffer, kdf: { logN: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** kdf.logN;
  const options: ScryptOptions = { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** First run: a new random key, wrapped by the OS keychain or by the passphrase. */
export async function createDatabaseKey(dir: string, protection: { safeStorage: SafeStorageLike } | { passphrase: string }): Promise<Buffer> {
  const key = randomBytes(KEY_BYTES);
  if ('safeStorage' in protection) {
    const wrapped = await protection.safeStorage.encryptStringAsync(key.toString('hex'));
    writeKeyFile(dir, { scheme: 'os', wrapped: wrapped.toString('base64') });
    return key;
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = await deriveWrappingKey(protection.passphrase, salt, PASSPHRASE_KDF);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  writeKeyFile(dir, {
    scheme: 'passphrase',
    kdf: { name: 'scrypt', ...PASSPHRASE_KDF, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  });
  return key;
}

/** Later runs: unwrap the key. A wrong passphrase is refused, never "opened" with garbage. */
export async function unwrapDatabaseKey(dir: string, protection: { safeStorage: SafeStorageLike } | { passphrase: string }): Promise<Buffer> {
  const content = parseKeyFile(path.join(dir, KEY_FILE));
  if (content.scheme === 'os') {
    if (!('safeStorage' in protection)) throw new Error('This key is protected by the operating system, not a passphrase.');
    const { result } = await protection.safeStorage.decryptStringAsync(Buffer.from(content.wrapped, 'base64'));
    if (!/^[0-9a-f]{64}$/.test(result)) throw new Error(`${path.join(dir, KEY_FILE)} is damaged: the keychain returned no valid key.`);
    return Buffer.from(result, 'hex');
  }
  if (!('passphrase' in protection)) throw new AppError('locked', 'Enter the administrator passphrase to open the database.');
  const wrappingKey = await deriveWrappingKey(protection.passphrase, Buffer.from(content.kdf.salt, 'base64'), content.kdf);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(content.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(content.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(content.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('invalid_credentials', 'The passphrase is wrong.');
  }
}
