import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditCheckpoint, CheckpointReason } from '../../../shared/contract/methods/audit';
import { auditHead } from '../audit';
import { iso, type Clock } from '../clock';
import { AnchorFile, type AnchorRead } from './anchor-file';

export const HOUR_MS = 3_600_000;

/**
 * Checkpoints of the audit chain kept outside the database, so that someone
 * holding the key cannot rewrite the log and its head consistently without it
 * showing: each checkpoint names the last entry and its hash at a moment, and
 * `audit.verify` compares the chain with every one of them.
 *
 * Written at start, every hour, for every issued document (which prints it),
 * for every backup, and at close. Without a file (tools, benchmarks) the
 * checkpoints are only printed.
 */
export class AuditAnchor {
  private readonly file: AnchorFile | null;
  private timer: NodeJS.Timeout | null = null;
  /** The last checkpoint written, so the timer and start/stop do not repeat one that still holds. */
  private last: { entry: number; head: string } | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    file: string | undefined,
  ) {
    this.file = file ? new AnchorFile(file) : null;
    if (this.file) {
      const latest = this.file.read().checkpoints.at(-1);
      if (latest) this.last = { entry: latest.entry, head: latest.head };
    }
  }

  get path(): string | null {
    return this.file?.file ?? null;
  }

  /**
   * The chain as it stands, taken in one transaction (the entry and its hash
   * belong together), then appended to the anchor file. Inside a handler's
   * transaction it sees what that transaction sees: call it before the
   * handler appends its own entry, so the checkpoint names committed entries only.
   */
  writeCheckpoint(reason: CheckpointReason, options: { at?: Date; document?: string } = {}): AuditCheckpoint {
    const { entry, head } = this.db.inTransaction ? auditHead(this.db) : this.db.transaction(() => auditHead(this.db)).deferred();
    const checkpoint: AuditCheckpoint = { entry, head, at: iso(options.at ?? this.clock.now()), reason, ...(options.document ? { document: options.document } : {}) };
    this.file?.append(checkpoint);
    this.last = { entry, head };
    return checkpoint;
  }

  /** A checkpoint unless the last one written still names the head (an idle hour adds nothing to anchor). */
  writeIfMoved(reason: CheckpointReason): AuditCheckpoint | null {
    const now = this.db.transaction(() => auditHead(this.db)).deferred();
    if (this.last && this.last.entry === now.entry && this.last.head === now.head) return null;
    return this.writeCheckpoint(reason);
  }

  read(): AnchorRead {
    return this.file ? this.file.read() : { checkpoints: [], state: 'none', lines: 0 };
  }

  /** Every `everyMs`; unref'd, so an idle timer never keeps a process from exiting. */
  startTimer(everyMs: number, log: (message: string) => void): void {
    this.stopTimer();
    this.timer = setInterval(() => {
      try {
        this.writeIfMoved('hourly');
      } catch (error) {
        // Never the path's contents or SQL: the message says what failed, the operator finds the file from the docs.
        log(`the hourly audit checkpoint could not be written: ${(error as Error).message}`);
      }
    }, everyMs);
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
