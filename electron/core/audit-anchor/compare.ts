import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditCheckpoint, AuditVerdict } from '../../../shared/contract/methods/audit';
import { verifyAudit } from '../audit';
import type { AnchorRead } from './anchor-file';

/** A head as typed from paper: spaces, dots and ellipses dropped, lower case. */
export function normalisePrintedHead(text: string): string {
  return text.replace(/[\s·.…-]/g, '').toLowerCase();
}

/**
 * The chain walked once, then held against every checkpoint. A checkpoint
 * disagrees when the entry it names now has another hash, or no longer exists
 * (the newest entries deleted, the log wiped to genesis): either way the log
 * was changed at or before that entry after the checkpoint was written.
 */
export function verifyAgainstCheckpoints(db: Database, anchors: AnchorRead, printed?: { entry: number; head: string }): AuditVerdict {
  const wanted = new Set(anchors.checkpoints.map((c) => c.entry));
  if (printed) wanted.add(printed.entry);
  const chain = verifyAudit(db, wanted);
  const found = (entry: number) => chain.hashes.get(entry) ?? null;

  const disagreeing: AuditCheckpoint[] = anchors.checkpoints.filter((c) => found(c.entry) !== c.head);
  const first = disagreeing.reduce<AuditCheckpoint | null>((earliest, c) => (earliest === null || c.entry < earliest.entry ? c : earliest), null);
  const typed = printed ? { entry: printed.entry, head: normalisePrintedHead(printed.head) } : null;
  const typedResult = typed ? { ...typed, agrees: found(typed.entry)?.startsWith(typed.head) ?? false, found: found(typed.entry) } : null;

  return {
    ok: chain.ok && disagreeing.length === 0 && anchors.state !== 'damaged' && (typedResult?.agrees ?? true),
    entries: chain.entries,
    ...(chain.firstBroken === undefined ? {} : { firstBroken: chain.firstBroken }),
    checkpoints: {
      anchorFile: anchors.state,
      ...(anchors.damagedAt === undefined ? {} : { damagedLine: anchors.damagedAt }),
      compared: anchors.checkpoints.length,
      disagreeing: disagreeing.length,
      latest: anchors.checkpoints.at(-1) ?? null,
      firstDisagreeing: first && { entry: first.entry, at: first.at, reason: first.reason, expected: first.head, found: found(first.entry) },
    },
    printed: typedResult,
  };
}
