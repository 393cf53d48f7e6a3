import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ensurePrivateDir } from '../private-files';

/**
 * The evidence store: a folder on the premises holding every recording once,
 * named by its content. Files are encrypted (AES-256-CTR, so a viewer can
 * seek) with a key derived from the database key: a copied folder or a lost
 * backup disk shows nothing, not even which known video it holds, because the
 * name is a keyed hash of the content's SHA-256. Stored files are read-only.
 *
 * Layout: objects/<2 hex>/<64 hex>, each "BHEVID01" + 16-byte IV + ciphertext.
 */
const MAGIC = Buffer.from('BHEVID01', 'latin1');
const HEADER = MAGIC.length + 16;
const BLOCK = 16;

export interface StoredObject {
  name: string;
  file: string;
  size: number;
  /** Milliseconds since the epoch. */
  changedAt: number;
}

export interface StoredContent {
  sha256: string;
  size: number;
}

export class EvidenceStore {
  private readonly encryptionKey: Buffer;
  private readonly nameKey: Buffer;
  readonly objectsDir: string;
  readonly incomingDir: string;
  readonly quarantineDir: string;

  constructor(
    readonly dir: string,
    databaseKey: Buffer,
  ) {
    ({ encryptionKey: this.encryptionKey, nameKey: this.nameKey } = evidenceKeys(databaseKey));
    this.objectsDir = path.join(dir, 'objects');
    this.incomingDir = path.join(dir, 'incoming');
    this.quarantineDir = path.join(dir, 'quarantine');
    ensurePrivateDir(dir);
    ensurePrivateDir(this.objectsDir);
    // Half-received uploads from before a restart can never be registered: their tickets died with the process.
    fs.rmSync(this.incomingDir, { recursive: true, force: true });
    ensurePrivateDir(this.incomingDir);
  }

  private objectPath(sha256: string): string {
    const name = objectNameFor(this.nameKey, sha256);
    return path.join(this.objectsDir, name.slice(0, 2), name);
  }

  stagingPath(uploadId: string): string {
    return path.join(this.incomingDir, `${uploadId}.part`);
  }

  /**
   * Writes a source into staging, encrypting as it goes, and hashes the plain
   * bytes on the way through: one pass over a file of several gigabytes,
   * never held in memory.
   */
  async receive(uploadId: string, source: Readable, maxBytes: number): Promise<StoredContent> {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-ctr', this.encryptionKey, iv);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new UploadTooLarge());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const target = this.stagingPath(uploadId);
    const out = fs.createWriteStream(target, { flags: 'wx', mode: 0o600 });
    out.write(Buffer.concat([MAGIC, iv]));
    try {
      await pipeline(source, meter, cipher, out);
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    return { sha256: hash.digest('hex'), size };
  }

  /**
   * Moves a received upload to its place by content: the same bytes are kept
   * once. The upload was hashed as it arrived, so it replaces a copy already
   * there, which may have been altered since (re-uploading the original from a
   * backup is how an altered recording is restored).
   */
  commit(uploadId: string, sha256: string): void {
    const staged = this.stagingPath(uploadId);
    const target = this.objectPath(sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    // Read-only files cannot be replaced on every platform (Windows).
    if (fs.existsSync(target)) fs.chmodSync(target, 0o600);
    fs.renameSync(staged, target);
    fs.chmodSync(target, 0o400);
  }

  discard(uploadId: string): void {
    fs.rmSync(this.stagingPath(uploadId), { force: true });
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.objectPath(sha256));
  }

  /** The plain bytes from `start` to `end` inclusive (all of them by default), decrypted as they stream. */
  read(sha256: string, start = 0, end?: number): Readable {
    return this.readObject(this.objectPath(sha256), start, end);
  }

  readStaged(uploadId: string): Readable {
    return this.readObject(this.stagingPath(uploadId), 0);
  }

  private readObject(file: string, start: number, end?: number): Readable {
    return openEncryptedObject(file, this.encryptionKey, start, end);
  }

  /** The SHA-256 of what is stored now, or null if the file is gone or unreadable. */
  async hashOf(sha256: string): Promise<string | null> {
    if (!this.has(sha256)) return null;
    const hash = createHash('sha256');
    try {
      await pipeline(this.read(sha256), hash);
    } catch {
      return null;
    }
    return hash.digest('hex');
  }

  remove(sha256: string): void {
    const file = this.objectPath(sha256);
    if (!fs.existsSync(file)) return;
    fs.chmodSync(file, 0o600);
    fs.rmSync(file);
  }

  /** Every stored object: its file name (the keyed hash), size and when it was last written or moved. */
  objects(): StoredObject[] {
    const found: StoredObject[] = [];
    for (const entry of fs.readdirSync(this.objectsDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const stat = fs.statSync(file);
      // ctime moves with the rename and chmod that store an upload; mtime with its last byte written.
      found.push({ name: entry.name, file, size: stat.size, changedAt: Math.max(stat.mtimeMs, stat.ctimeMs) });
    }
    return found;
  }

  /** The object's file name for a content hash (a keyed hash of it, so the folder does not tell which content it holds). */
  objectName(sha256: string): string {
    return path.basename(this.objectPath(sha256));
  }

  /**
   * Moves an object out of the store into the quarantine folder, unchanged
   * and still encrypted, under a name that says when it was moved. Nothing
   * is ever deleted here: an administrator inspects and decides.
   */
  quarantine(object: StoredObject, at: Date): void {
    fs.mkdirSync(this.quarantineDir, { recursive: true, mode: 0o700 });
    fs.renameSync(object.file, path.join(this.quarantineDir, `${at.toISOString().replace(/[:.]/g, '-')}-${object.name}`));
  }

  /** What the quarantine folder holds now. */
  quarantined(): { count: number; bytes: number } {
    if (!fs.existsSync(this.quarantineDir)) return { count: 0, bytes: 0 };
    let count = 0;
    let bytes = 0;
    for (const entry of fs.readdirSync(this.quarantineDir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      count++;
      bytes += fs.statSync(path.join(this.quarantineDir, entry.name)).size;
    }
    return { count, bytes };
  }

  /** For tests and the operations guide: where a recording's bytes live. */
  locate(sha256: string): string {
    return this.objectPath(sha256);
  }
}

/** The plain bytes of an object file from `start` to `end` inclusive, decrypted as they stream (backups read objects outside the store). */
export function openEncryptedObject(file: string, encryptionKey: Buffer, start = 0, end?: number): Readable {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(HEADER);
  fs.readSync(fd, header, 0, HEADER, 0);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    fs.closeSync(fd);
    throw new Error('not an evidence store object');
  }
  const firstBlock = Math.floor(start / BLOCK);
  const decipher = createDecipheriv('aes-256-ctr', encryptionKey, addToCounter(header.subarray(MAGIC.length), firstBlock));
  const skip = start - firstBlock * BLOCK;
  const raw = fs.createReadStream('', {
    fd,
    start: HEADER + firstBlock * BLOCK,
    ...(end === undefined ? {} : { end: HEADER + end }),
  });
  let toSkip = skip;
  const trim = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (toSkip >= chunk.length) {
        toSkip -= chunk.length;
        return done();
      }
      const rest = chunk.subarray(toSkip);
      toSkip = 0;
      done(null, rest);
    },
  });
  raw.on('error', (error) => trim.destroy(error));
  decipher.on('error', (error) => trim.destroy(error));
  return raw.pipe(decipher).pipe(trim);
}

/** The two keys the store derives from the database key: one encrypts objects, one names them. */
export function evidenceKeys(databaseKey: Buffer): { encryptionKey: Buffer; nameKey: Buffer } {
  return {
    encryptionKey: Buffer.from(hkdfSync('sha256', databaseKey, 'barnahus-evidence', 'aes-256-ctr', 32)),
    nameKey: Buffer.from(hkdfSync('sha256', databaseKey, 'barnahus-evidence', 'object-name', 32)),
  };
}

/** An object's file name: a keyed hash of its content's SHA-256. */
export function objectNameFor(nameKey: Buffer, sha256: string): string {
  return createHmac('sha256', nameKey).update(sha256).digest('hex');
}

/** The plain bytes of a source, encrypted into a new object file (a rekey writes every object again under the new key). */
export async function writeEncryptedObject(source: Readable, target: string, encryptionKey: Buffer): Promise<StoredContent> {
  const iv = randomBytes(16);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const out = fs.createWriteStream(target, { flags: 'wx', mode: 0o600 });
  out.write(Buffer.concat([MAGIC, iv]));
  await pipeline(source, meter, createCipheriv('aes-256-ctr', encryptionKey, iv), out);
  return { sha256: hash.digest('hex'), size };
}

export class UploadTooLarge extends Error {
  constructor() {
    super('The upload is larger than announced.');
  }
}

/** The CTR counter for block n: the IV read as a 128-bit big-endian number, plus n. */
function addToCounter(iv: Buffer, blocks: number): Buffer {
  const counter = Buffer.from(iv);
  let carry = blocks;
  for (let i = 15; i >= 0 && carry > 0; i--) {
    const sum = counter[i]! + (carry % 256);
    counter[i] = sum % 256;
    carry = Math.floor(carry / 256) + Math.floor(sum / 256);
  }
  return counter;
}
