import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EvidenceStore, UploadTooLarge } from '../../electron/core/evidence/evidence-store';
import { parseRange } from '../../electron/core/evidence/transfer-gate';
import { tempDir } from '../support/temp';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Deterministic bytes, so a failure can be reproduced. */
function pattern(size: number, seed = 7): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A source that arrives in uneven chunks, as a network upload does. */
function chunked(bytes: Buffer, sizes = [1, 15, 16, 17, 4093, 65_536]): Readable {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    parts.push(bytes.subarray(at, at + n));
    at += n;
  }
  return Readable.from(parts);
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function stored(store: EvidenceStore, bytes: Buffer, uploadId = `u${randomBytes(4).toString('hex')}`) {
  const received = await store.receive(uploadId, chunked(bytes), bytes.length);
  store.commit(uploadId, received.sha256);
  return received;
}

describe('the evidence store', () => {
  it('round trip: what goes in comes out, hashed on the way in, encrypted and read-only at rest', async () => {
    const key = randomBytes(32);
    const store = new EvidenceStore(tempDir(), key);
    const bytes = pattern(300_001);
    const received = await stored(store, bytes);
    expect(received).toEqual({ sha256: sha256(bytes), size: bytes.length });
    expect(store.has(received.sha256)).toBe(true);
    expect((await drain(store.read(received.sha256))).equals(bytes)).toBe(true);

    const file = store.locate(received.sha256);
    // Named by a keyed hash: the file name does not reveal which known content it is.
    expect(path.basename(file)).not.toContain(received.sha256);
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
    const raw = fs.readFileSync(file);
    expect(raw.subarray(0, 8).toString('latin1')).toBe('BHEVID01');
    expect(raw.length).toBe(bytes.length + 24);
    expect(raw.includes(bytes.subarray(1000, 1032))).toBe(false);
    expect(raw.subarray(24).equals(bytes)).toBe(false);
    // Nothing left behind in staging.
    expect(fs.readdirSync(store.incomingDir)).toEqual([]);
  });

  it('random-access reads at odd offsets, across 16-byte blocks and counter carries, equal the plaintext slice', async () => {
    const store = new EvidenceStore(tempDir(), randomBytes(32));
    const bytes = pattern(1_048_589, 11);
    const { sha256: hash } = await stored(store, bytes);
    const size = bytes.length;
    const ranges: [number, number | undefined][] = [
      [0, 0],
      [0, 15],
      [0, 16],
      [15, 16],
      [16, 16],
      [17, 33],
      [31, 32],
      [4095, 4097], // block 255 → 256: the counter carries into the next byte
      [65_535, 65_537 + 4096],
      [size - 1, size - 1],
      [size - 17, size - 1],
      [size - 16, undefined],
      [123_457, undefined],
    ];
    // And a few hundred random ones, seeded.
    let x = 99;
    const next = () => (x = (x * 1_103_515_245 + 12_345) >>> 0);
    for (let i = 0; i < 200; i++) {
      const start = next() % size;
      const end = Math.min(size - 1, start + (next() % 70_000));
      ranges.push([start, end]);
    }
    for (const [start, end] of ranges) {
      const got = await drain(store.read(hash, start, end));
      const want = bytes.subarray(start, end === undefined ? size : end + 1);
      expect(got.length, `${start}-${String(end)}`).toBe(want.length);
      expect(got.equals(want), `${start}-${String(end)}`).toBe(true);
    }
  });

  it('hashOf: the hash of what is stored now; null when the file is gone; another value once a byte is flipped', async () => {
    const store = new EvidenceStore(tempDir(), randomBytes(32));
    const bytes = pattern(70_000, 3);
    const { sha256: hash } = await stored(store, bytes);
    expect(await store.hashOf(hash)).toBe(hash);
    expect(await store.hashOf('0'.repeat(64))).toBeNull();

    const file = store.locate(hash);
    fs.chmodSync(file, 0o600);
    const raw = fs.readFileSync(file);
    raw[24 + 40_000] = raw[24 + 40_000]! ^ 0x01;
    fs.writeFileSync(file, raw);
    const after = await store.hashOf(hash);
    expect(after).not.toBeNull();
    expect(after).not.toBe(hash);

    // A store opened with another key cannot read it back.
    const other = new EvidenceStore(store.dir, randomBytes(32));
    expect(other.has(hash)).toBe(false);
  });

  it('the same content twice is kept once; removing it deletes the read-only file', async () => {
    const store = new EvidenceStore(tempDir(), randomBytes(32));
    const bytes = pattern(5_000, 5);
    const first = await stored(store, bytes, 'first');
    const second = await stored(store, bytes, 'second');
    expect(second.sha256).toBe(first.sha256);
    const files = fs.readdirSync(store.objectsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files).toHaveLength(1);
    expect(fs.readdirSync(store.incomingDir)).toEqual([]);

    // Stored again after the copy there was altered: the fresh bytes replace it.
    const file = store.locate(first.sha256);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, 30), Buffer.alloc(10)]));
    expect(await store.hashOf(first.sha256)).not.toBe(first.sha256);
    await stored(store, bytes, 'third');
    expect(await store.hashOf(first.sha256)).toBe(first.sha256);
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
    store.remove(first.sha256);
    expect(store.has(first.sha256)).toBe(false);
    expect(fs.existsSync(store.locate(first.sha256))).toBe(false);
    store.remove(first.sha256); // twice is harmless
  });

  it('refuses a source longer than announced and leaves nothing behind', async () => {
    const store = new EvidenceStore(tempDir(), randomBytes(32));
    await expect(store.receive('big', chunked(pattern(10_000)), 9_999)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(fs.readdirSync(store.incomingDir)).toEqual([]);
  });

  it('a half-received upload from before a restart is cleared when the store opens', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const store = new EvidenceStore(dir, key);
    fs.writeFileSync(store.stagingPath('left-over'), 'partial');
    const reopened = new EvidenceStore(dir, key);
    expect(fs.readdirSync(reopened.incomingDir)).toEqual([]);
  });
});

describe('parseRange', () => {
  const size = 1000;
  it.each([
    [undefined, null],
    ['', null],
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=0-', { start: 0, end: 999 }],
    ['bytes=17-33', { start: 17, end: 33 }],
    ['  bytes=5-9  ', { start: 5, end: 9 }],
    ['bytes=999-', { start: 999, end: 999 }],
    ['bytes=999-999', { start: 999, end: 999 }],
    ['bytes=10-5000', { start: 10, end: 999 }], // an end past the file is cut to its last byte
    ['bytes=-1', { start: 999, end: 999 }],
    ['bytes=-250', { start: 750, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }], // a suffix longer than the file is the whole file
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=1000-1200', 'unsatisfiable'],
    ['bytes=99999999999999999999-', 'unsatisfiable'],
    ['bytes=9-5', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=-', null],
    ['bytes=0-1,5-6', null], // several ranges: answered with the whole file
    ['items=0-5', null],
    ['bytes=a-5', null],
    ['bytes=1e3-', null],
    ['bytes=-5-', null],
  ] as const)('%j → %j', (header, want) => {
    expect(parseRange(header, size)).toEqual(want);
  });

  it('an empty file has no satisfiable range', () => {
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-5', 0)).toBe('unsatisfiable');
  });
});
