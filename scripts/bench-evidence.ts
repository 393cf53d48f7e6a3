// Prints the evidence store's throughput on this machine: npm run bench:evidence [-- --mib N]
// Measured, not asserted: benchmarks inform, tests decide.
//
// A generated file (1 GiB by default) is read from disk three times:
//   sha256   the bare hash of its bytes, for comparison;
//   ingest   EvidenceStore.receive + commit: encrypt (AES-256-CTR) and hash, as an upload is stored;
//   verify   EvidenceStore.hashOf: decrypt and hash, as every viewing and copy re-checks it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { EvidenceStore } from '../electron/core/evidence/evidence-store';

const MIB = 1024 * 1024;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, (performance.now() - start) / 1000];
}

function report(label: string, bytes: number, seconds: number): void {
  console.log(`${label.padEnd(40)} ${(bytes / MIB / seconds).toFixed(0).padStart(6)} MB/s   (${seconds.toFixed(2)} s)`);
}

const sizeMib = argument('mib', 1024);
const size = sizeMib * MIB;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barnahus-bench-evidence-'));
try {
  console.log(`Barnahus Desk evidence store benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  console.log(`file: ${sizeMib} MiB of random bytes (MB/s here means MiB per second)\n`);

  // The file: 16 MiB of random bytes written over and over (the ciphers and the hash do not care).
  const source = path.join(dir, 'recording.bin');
  const block = randomBytes(16 * MIB);
  const out = fs.openSync(source, 'w');
  for (let written = 0; written < size; written += block.length) fs.writeSync(out, block, 0, Math.min(block.length, size - written));
  fs.closeSync(out);
  // Read it once so that every measurement starts from the page cache alike.
  await pipeline(fs.createReadStream(source, { highWaterMark: MIB }), createHash('sha256'));

  const [bare, bareSeconds] = await timed(async () => {
    const hash = createHash('sha256');
    await pipeline(fs.createReadStream(source, { highWaterMark: MIB }), hash);
    return hash.digest('hex');
  });
  report('sha256 (bare, read + hash)', size, bareSeconds);

  const store = new EvidenceStore(path.join(dir, 'evidence'), randomBytes(32));
  const [stored, ingestSeconds] = await timed(async () => {
    const received = await store.receive('bench', fs.createReadStream(source, { highWaterMark: MIB }), size);
    store.commit('bench', received.sha256);
    return received;
  });
  if (stored.sha256 !== bare || stored.size !== size) throw new Error('the store hashed something else than the file');
  report('ingest (encrypt + hash + write)', size, ingestSeconds);

  const [checked, verifySeconds] = await timed(() => store.hashOf(stored.sha256));
  if (checked !== bare) throw new Error('verification found another hash');
  report('verify (read + decrypt + hash)', size, verifySeconds);

  console.log(`\nsha256 ${bare}`);
  console.log(`ingest costs ${(ingestSeconds / bareSeconds).toFixed(2)}× and verify ${(verifySeconds / bareSeconds).toFixed(2)}× a bare hash of the same bytes.`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
