import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { auditCheckpointSchema, type AuditCheckpoint } from '../../../shared/contract/methods/audit';

/**
 * The anchor file: one JSON object per line, each a checkpoint of the audit
 * chain plus `prev`, the SHA-256 of the line before it (64 zeros for the
 * first). It holds hashes, counts and times only, nothing secret, so it can be
 * copied off the host, printed or mailed to whoever keeps the centre's
 * records. Lines are only ever appended; an edited or removed line breaks the
 * `prev` of the next one, and this process also checks that what it wrote
 * before is still the start of the file each time it appends.
 */

export const FIRST_PREV = '0'.repeat(64);

export interface AnchorLine extends AuditCheckpoint {
  prev: string;
}

export interface AnchorRead {
  checkpoints: AuditCheckpoint[];
  /** 'none': no file yet; 'damaged': a line does not parse or does not follow the one before it. */
  state: 'none' | 'intact' | 'damaged';
  /** The first line (1-based) that does not belong, when damaged. */
  damagedAt?: number;
  lines: number;
}

const lineSchema = auditCheckpointSchema.extend({ prev: auditCheckpointSchema.shape.head });

const lineHash = (line: string) => createHash('sha256').update(line, 'utf8').digest('hex');

/** Parses the file's text; checkpoints after a damaged line are still returned (they may be genuine) but the file is reported. */
export function parseAnchors(text: string): AnchorRead {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const checkpoints: AuditCheckpoint[] = [];
  let prev = FIRST_PREV;
  let damagedAt: number | undefined;
  lines.forEach((line, index) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    const checked = lineSchema.safeParse(parsed);
    if (!checked.success || checked.data.prev !== prev) damagedAt ??= index + 1;
    if (checked.success) {
      const { prev: _prev, ...checkpoint } = checked.data;
      checkpoints.push(checkpoint);
    }
    prev = lineHash(line);
  });
  return {
    checkpoints,
    state: lines.length === 0 ? 'none' : damagedAt === undefined ? 'intact' : 'damaged',
    ...(damagedAt === undefined ? {} : { damagedAt }),
    lines: lines.length,
  };
}

/** The one line a checkpoint is written as; keys in a fixed order so the file reads the same everywhere. */
export function formatAnchorLine(checkpoint: AuditCheckpoint, prev: string): string {
  const { entry, head, at, reason, document } = checkpoint;
  return JSON.stringify({ entry, head, at, reason, ...(document === undefined ? {} : { document }), prev });
}

export class AnchorFile {
  /** What this process has seen of the file: it must stay the file's first bytes. */
  private known: { bytes: number; sha256: string } | null = null;
  /** Set once the file no longer starts with what this process wrote or read: it was edited, truncated or replaced. */
  private rewritten = false;

  constructor(readonly file: string) {}

  private readBytes(): Buffer | null {
    try {
      return fs.readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Remembers the file's content as the prefix every later read must start with. */
  private remember(bytes: Buffer): void {
    this.known = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  private checkPrefix(bytes: Buffer | null): void {
    if (!this.known || this.rewritten) return;
    const current = bytes ?? Buffer.alloc(0);
    const intact = current.length >= this.known.bytes && createHash('sha256').update(current.subarray(0, this.known.bytes)).digest('hex') === this.known.sha256;
    if (!intact) this.rewritten = true;
  }

  read(): AnchorRead & { rewritten: boolean } {
    const bytes = this.readBytes();
    this.checkPrefix(bytes);
    const parsed = parseAnchors(bytes ? bytes.toString('utf8') : '');
    if (bytes) this.remember(bytes);
    const { rewritten } = this;
    // A file that lost lines this process saw is damaged even when what is left still chains.
    return rewritten && parsed.state !== 'damaged' ? { ...parsed, state: 'damaged', damagedAt: parsed.lines + 1, rewritten } : { ...parsed, rewritten };
  }

  /**
   * Appends one checkpoint and waits until it is on disk. O_APPEND puts the
   * line at the end whatever another writer did; the fsync (and the folder's,
   * for a new file) means a power cut cannot lose a checkpoint already printed.
   */
  append(checkpoint: AuditCheckpoint): void {
    const before = this.readBytes();
    this.checkPrefix(before);
    const text = before ? before.toString('utf8') : '';
    const lines = text.split('\n').filter((line) => line !== '');
    const prev = lines.length === 0 ? FIRST_PREV : lineHash(lines.at(-1)!);
    // A line cut short by a crash stays as it is (and reads as damaged); the new one starts on a line of its own.
    const line = `${text !== '' && !text.endsWith('\n') ? '\n' : ''}${formatAnchorLine(checkpoint, prev)}\n`;
    const created = before === null;
    if (created) fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
    try {
      fs.writeSync(fd, line);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (created) syncFolder(path.dirname(this.file));
    this.remember(Buffer.concat([before ?? Buffer.alloc(0), Buffer.from(line, 'utf8')]));
  }
}

function syncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; there the file's own fsync is what there is.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
