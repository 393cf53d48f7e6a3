import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomInt, scryptSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { BackupError } from './backup-error';

/**
 * The recovery key: 40 random digits (133 bits) and a 5-digit check group,
 * written as nine groups of five so it can be read aloud, typed from paper
 * and kept in the director's safe. It is shown once and never stored.
 *
 * It is the seed of an X25519 key pair. The host keeps only the public half
 * (backup_settings) and wraps each set's database key to it, so it can make
 * sets the recovery key opens without ever knowing the key — and still can
 * after a rekey. Losing the key file then loses nothing: the recovery key
 * unwraps the database key from any set made since it was created.
 */
export interface RecoveryPublicKey {
  /** X25519 public key, base64 (32 bytes raw). */
  publicKey: string;
  /** Printed on the recovery sheet and shown on the Backups page, to tell keys apart ("1a2b-3c4d"). */
  fingerprint: string;
}

const DIGITS = 40;
const CHECK = 5;
const GROUP = 5;
// scrypt over 133 bits is not for strength (the digits are random) but so a guess costs something.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const SEED_SALT = 'barnahus-recovery-key/1';
const WRAP_INFO = 'barnahus-backup-key-wrap/1';
// PKCS#8 prefix of a raw X25519 private key (RFC 8410).
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');

export const wrappedKeySchema = z.strictObject({
  fingerprint: z.string(),
  ephemeralPublicKey: z.string(),
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

/** A new recovery key: the text to show once, and its public half to keep. */
export function newRecoveryKey(): { recoveryKey: string; publicKey: RecoveryPublicKey } {
  let digits = '';
  for (let i = 0; i < DIGITS; i++) digits += String(randomInt(10));
  const recoveryKey = formatRecoveryKey(digits + checkDigits(digits));
  return { recoveryKey, publicKey: publicHalf(privateKeyOf(digits)) };
}

/** The digits of a typed recovery key, or an error saying what is wrong with it (spaces, dashes and dots are ignored). */
export function parseRecoveryKey(text: string): { digits: string } | { error: string } {
  const digits = text.replace(/[\s\-–.·]/g, '');
  if (!/^\d+$/.test(digits)) return { error: 'A recovery key has only digits (in groups of five).' };
  if (digits.length !== DIGITS + CHECK) return { error: `A recovery key has ${DIGITS + CHECK} digits; this has ${digits.length}.` };
  const body = digits.slice(0, DIGITS);
  if (digits.slice(DIGITS) !== checkDigits(body)) return { error: 'The recovery key has a typing mistake: its last group does not match the others.' };
  return { digits: body };
}

export function formatRecoveryKey(digits: string): string {
  return (digits.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

/** The public half of a typed recovery key (to check it before using it, or in tests). */
export function publicKeyOfRecoveryKey(text: string): RecoveryPublicKey {
  return publicHalf(privateKeyOf(digitsOrThrow(text)));
}

/** Wraps a database key so the recovery key's private half opens it (ECIES: X25519, HKDF-SHA-256, AES-256-GCM). */
export function wrapForRecovery(key: Buffer, recipient: RecoveryPublicKey): WrappedKey {
  const recipientKey = x25519Public(Buffer.from(recipient.publicKey, 'base64'));
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const kek = wrappingKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKey }), ephemeralRaw, Buffer.from(recipient.publicKey, 'base64'));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    fingerprint: recipient.fingerprint,
    ephemeralPublicKey: ephemeralRaw.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The database key from a wrapped copy and the typed recovery key; a wrong key is a BackupError, never garbage. */
export function unwrapWithRecovery(wrapped: WrappedKey, recoveryKey: string): Buffer {
  const privateKey = privateKeyOf(digitsOrThrow(recoveryKey));
  const own = publicHalf(privateKey);
  if (own.fingerprint !== wrapped.fingerprint) {
    throw new BackupError('wrong_recovery_key', `This recovery key (${own.fingerprint}) is not the one this set was made for (${wrapped.fingerprint}).`);
  }
  const ephemeralRaw = Buffer.from(wrapped.ephemeralPublicKey, 'base64');
  const kek = wrappingKey(diffieHellman({ privateKey, publicKey: x25519Public(ephemeralRaw) }), ephemeralRaw, Buffer.from(own.publicKey, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new BackupError('damaged', "The set's copy of the key for the recovery key is damaged: it does not open.");
  }
}

function digitsOrThrow(text: string): string {
  const parsed = parseRecoveryKey(text);
  if ('error' in parsed) throw new BackupError('wrong_recovery_key', parsed.error);
  return parsed.digits;
}

function checkDigits(digits: string): string {
  const value = createHash('sha256').update(`barnahus-recovery-check:${digits}`).digest().readUInt32BE(0) % 10 ** CHECK;
  return String(value).padStart(CHECK, '0');
}

function privateKeyOf(digits: string): KeyObject {
  const seed = scryptSync(digits, SEED_SALT, 32, SCRYPT);
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
}

function publicHalf(privateKey: KeyObject): RecoveryPublicKey {
  const raw = rawPublic(createPublicKey(privateKey));
  const hex = createHash('sha256').update(raw).digest('hex');
  return { publicKey: raw.toString('base64'), fingerprint: `${hex.slice(0, 4)}-${hex.slice(4, 8)}` };
}

function rawPublic(key: KeyObject): Buffer {
  // An X25519 SubjectPublicKeyInfo is a 12-byte header then the 32-byte key.
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

function x25519Public(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new BackupError('damaged', 'A recovery public key must be 32 bytes.');
  return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), raw]), format: 'der', type: 'spki' });
}

function wrappingKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), WRAP_INFO, 32));
}
