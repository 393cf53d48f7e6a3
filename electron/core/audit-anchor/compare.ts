import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditCheckpoint, AuditVerdict } from '../../../shared/contract/methods/audit';
import { verifyAudit, verifyAuditInSteps, type ChainVerdict } from '../audit';
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
  return compare(verifyAudit(db, wantedEntries(anchors, printed)), anchors, printed);
}

/** The same, walking the chain in pages between which the event loop runs (a backup's verification inside the host). */
export async function verifyAgainstCheckpointsInSteps(db: Database, anchors: AnchorRead): Promise<AuditVerdict> {
  return compare(await verifyAuditInSteps(db, wantedEntries(anchors)), anchors);
}

function wantedEntries(anchors: AnchorRead, printed?: { entry: number; head: string }): Set<number> {
  const wanted = new Set(anchors.checkpoints.map((c) => c.entry));
  if (printed) wanted.add(printed.entry);
  return wanted;
}

function compare(chain: ChainVerdict, anchors: AnchorRead, printed?: { entry: number; head: string }): AuditVerdict {
  // A hash typed into the table by hand may be any text: report only what is a hash, the rest as missing.
  const found = (entry: number) => {
    const hash = chain.hashes.get(entry);
    return hash !== undefined && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
  };

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
