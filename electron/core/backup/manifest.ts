import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BackupError } from './backup-error';
import { unwrapWithRecovery, wrappedKeySchema } from './recovery-key';
import type { BackupKind } from './types';

/**
 * A set's manifest: what the set holds and the SHA-256 of every file, so a
 * flipped byte is found and named without the key. It carries no personal
 * data (counts, hashes, versions, times). Its body is hashed, and sealed with
 * a key derived from the database key, so whoever edits a file and its line
 * in the manifest still cannot make the set pass verification.
 */
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_COPY = 'database.db';
export const ANCHORS_COPY = 'audit-anchors.log';
export const VERIFICATION_FILE = 'verification.json';
export const FORMAT = 'barnahus-backup-set/1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.strictObject({ size: z.number().int().nonnegative(), sha256: hex64 });

export const manifestBodySchema = z.strictObject({
  format: z.literal(FORMAT),
  name: z.string().regex(/^[0-9A-Za-z-]+$/),
  kind: z.enum(['manual', 'scheduled', 'cli', 'upgrade']),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  audit: z.strictObject({ entries: z.number().int().nonnegative(), head: z.string() }),
  database: fileEntry,
  anchors: fileEntry.nullable(),
  /** Evidence objects in DEST/objects/<2>/<name>, by the name the host's store gives them. */
  objects: z.array(fileEntry.extend({ name: hex64 })),
  stats: z.strictObject({ sizeBytes: z.number(), newBytes: z.number(), newObjects: z.number(), durationMs: z.number() }),
  /** Tells the key file that opens the set from one that does not, without revealing the key. */
  keyCheck: hex64,
  recovery: wrappedKeySchema.nullable(),
});
export type ManifestBody = z.infer<typeof manifestBodySchema> & { kind: BackupKind };

const manifestSchema = z.strictObject({ body: manifestBodySchema, sha256: hex64, seal: hex64 });

/** Stable text for hashing: keys in a fixed order at every depth. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function keyCheckOf(key: Buffer): string {
  return createHmac('sha256', key).update('barnahus-backup-key-check/1').digest('hex');
}

function sealKey(key: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'barnahus-backup', 'manifest-seal/1', 32));
}

export function manifestText(body: ManifestBody, key: Buffer): string {
  const canonical = canonicalJson(body);
  const sha256 = createHash('sha256').update(canonical).digest('hex');
  const seal = createHmac('sha256', sealKey(key)).update(canonical).digest('hex');
  return `${JSON.stringify({ body, sha256, seal }, null, 1)}\n`;
}

export interface ReadManifest {
  body: ManifestBody;
  /** Whether the body still hashes to the hash written with it. */
  hashOk: boolean;
  seal: string;
}

/** The manifest of a set, or a BackupError('not_a_set' | 'damaged') naming the file. */
export function readManifest(setDir: string): ReadManifest {
  const file = path.join(setDir, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError('not_a_set', `${setDir} is not a backup set: it has no ${MANIFEST_FILE}.`, MANIFEST_FILE);
    throw new BackupError('damaged', `${MANIFEST_FILE} in ${setDir} is damaged: it is not readable JSON.`, MANIFEST_FILE);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError('damaged', `${MANIFEST_FILE} in ${setDir} is damaged: it is not a manifest this version reads.`, MANIFEST_FILE);
  const { body, sha256, seal } = parsed.data;
  return { body: body, hashOk: createHash('sha256').update(canonicalJson(body)).digest('hex') === sha256, seal };
}

/** Whether this key is the one the set was made with. */
export function keyOpens(manifest: ReadManifest, key: Buffer): boolean {
  return safeEqualHex(manifest.body.keyCheck, keyCheckOf(key));
}

/** Whether the seal holds under this key (call after keyOpens). */
export function sealHolds(manifest: ReadManifest, key: Buffer): boolean {
  return safeEqualHex(manifest.seal, createHmac('sha256', sealKey(key)).update(canonicalJson(manifest.body)).digest('hex'));
}

/** The database key a set was made with, from the recovery key typed by a person. */
export function keyFromRecoveryKey(setDir: string, recoveryKey: string): Buffer {
  const manifest = readManifest(setDir);
  if (!manifest.body.recovery) {
    throw new BackupError('no_recovery_key', `The set ${manifest.body.name} was made before a recovery key existed: only the key file opens it.`);
  }
  const key = unwrapWithRecovery(manifest.body.recovery, recoveryKey);
  if (!keyOpens(manifest, key)) throw new BackupError('damaged', `The set ${manifest.body.name} does not hold the key it says it holds.`, MANIFEST_FILE);
  return key;
}

/** The key to use for a set, checked: a key file's key that does not open it is refused in words. */
export function checkKey(setDir: string, manifest: ReadManifest, key: Buffer): void {
  if (!keyOpens(manifest, key)) {
    throw new BackupError('wrong_key', `This key does not open the set ${path.basename(setDir)}: it was made with another key file (before a rekey, or by another centre). Use the key file of that time or the recovery key.`);
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
