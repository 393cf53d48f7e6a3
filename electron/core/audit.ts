import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry } from '../../shared/contract/methods/audit';

export const GENESIS = '0'.repeat(64);

export interface AuditFacts {
  at: string;
  userId: number | null;
  username: string | null;
  workstation: string;
  transport: string;
  method: string;
  caseId: number | null;
  record: string | null;
  outcome: string;
  detail: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  workstation: string;
  transport: string;
  method: string;
  case_id: number | null;
  record: string | null;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash covers the previous entry's hash and every field, in a fixed order. */
function entryHash(prevHash: string, id: number, f: AuditFacts): string {
  const canonical = JSON.stringify([id, f.at, f.userId, f.username, f.workstation, f.transport, f.method, f.caseId, f.record, f.outcome, f.detail]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

/**
 * Appends one entry. Call inside the transaction whose work it records, so
 * both commit or neither. A row slipped in behind the log's back does not
 * stop the centre working: the chain goes on past it and verification
 * reports where it broke.
 */
export function appendAudit(db: Database, facts: AuditFacts): number {
  const head = readHead(db)!;
  const highest = (db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number | null }).id ?? 0;
  const id = Math.max(head.last_id, highest) + 1;
  const hash = entryHash(head.last_hash, id, facts);
  db.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, workstation, transport, method, case_id, record, outcome, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, facts.at, facts.userId, facts.username, facts.workstation, facts.transport, facts.method, facts.caseId, facts.record, facts.outcome, facts.detail, head.last_hash, hash);
  db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ?, entries = entries + 1 WHERE id = 1').run(id, hash);
  return id;
}

export type ChainVerdict = { ok: boolean; entries: number; firstBroken?: number; hashes: Map<number, string> };

/**
 * Walks the chain from the first entry. An edited entry no longer matches its
 * hash; a removed one leaves a gap and a wrong prev_hash; removing the newest
 * ones, or adding one without the head, disagrees with audit_head. A rewrite
 * that recomputes every hash and the head passes this walk: only a checkpoint
 * kept outside the database (audit-anchor/) catches it, so the walk also
 * returns the stored hash of each entry in `hashesAt`, even past a break.
 */
export function verifyAudit(db: Database, hashesAt: ReadonlySet<number> = new Set()): ChainVerdict {
  const walk = chainWalker(hashesAt);
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) walk.step(row);
  return walk.finish(readHead(db));
}

/**
 * The same walk a page of rows at a time, yielding to the event loop between
 * pages: a host verifying a backup's copy of a large log keeps answering calls.
 */
export async function verifyAuditInSteps(db: Database, hashesAt: ReadonlySet<number> = new Set(), pageSize = 5000): Promise<ChainVerdict> {
  const walk = chainWalker(hashesAt);
  const page = db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?');
  // From the lowest id SQLite can hold: a row slipped in with id 0 or below must be seen, as the one-pass walk sees it.
  let after: number | bigint = -(2n ** 63n);
  page.safeIntegers(false);
  for (;;) {
    const rows = page.all(after, pageSize) as AuditRow[];
    for (const row of rows) walk.step(row);
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return walk.finish(readHead(db));
}

function chainWalker(hashesAt: ReadonlySet<number>) {
  let expectedId = 1;
  let prevHash = GENESIS;
  let entries = 0;
  let firstBroken: number | undefined;
  const hashes = new Map<number, string>();
  if (hashesAt.has(0)) hashes.set(0, GENESIS);
  return {
    step(row: AuditRow): void {
      // Entry 0 is the genesis by definition; a row slipped in as 0 does not replace it.
      if (row.id > 0 && hashesAt.has(row.id)) hashes.set(row.id, row.hash);
      if (firstBroken !== undefined) return;
      const facts: AuditFacts = {
        at: row.at,
        userId: row.user_id,
        username: row.username,
        workstation: row.workstation,
        transport: row.transport,
        method: row.method,
        caseId: row.case_id,
        record: row.record,
        outcome: row.outcome,
        detail: row.detail,
      };
      if (row.id !== expectedId || row.prev_hash !== prevHash || row.hash !== entryHash(prevHash, row.id, facts)) {
        // A row slipped in below 1 breaks the chain at its first entry (ids are positive on the wire).
        firstBroken = Math.max(1, Math.min(row.id, expectedId));
        return;
      }
      prevHash = row.hash;
      expectedId = row.id + 1;
      entries += 1;
    },
    finish(head: { last_id: number; last_hash: string; entries: number } | undefined): ChainVerdict {
      if (firstBroken !== undefined) return { ok: false, entries, firstBroken, hashes };
      if (!head || head.last_id !== expectedId - 1 || head.last_hash !== prevHash || head.entries !== entries) {
        return { ok: false, entries, firstBroken: Math.min(expectedId, head ? head.last_id : expectedId) || 1, hashes };
      }
      return { ok: true, entries, hashes };
    },
  };
}

function readHead(db: Database): { last_id: number; last_hash: string; entries: number } | undefined {
  return db.prepare('SELECT last_id, last_hash, entries FROM audit_head WHERE id = 1').get() as { last_id: number; last_hash: string; entries: number } | undefined;
}

/** The chain's last entry and its hash as the head records them; call inside a transaction so both belong to one moment. */
export function auditHead(db: Database): { entry: number; head: string } {
  const head = readHead(db);
  return head ? { entry: head.last_id, head: head.last_hash } : { entry: 0, head: GENESIS };
}

export interface AuditQuery {
  from?: string;
  to?: string;
  userId?: number;
  caseId?: number;
  caseReference?: string;
  method?: string;
  outcome?: 'any' | 'ok' | 'refused';
  before?: number;
  limit: number;
}

export function queryAudit(db: Database, q: AuditQuery): AuditEntry[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | number) => {
    where.push(clause);
    args.push(value);
  };
  if (q.from) add('a.at >= ?', q.from);
  if (q.to) add('a.at < ?', q.to);
  if (q.userId !== undefined) add('a.user_id = ?', q.userId);
  if (q.caseId !== undefined) add('a.case_id = ?', q.caseId);
  if (q.caseReference) add('c.reference = ?', q.caseReference.toUpperCase());
  if (q.method) add('a.method = ?', q.method);
  if (q.before !== undefined) add('a.id < ?', q.before);
  if (q.outcome === 'ok') where.push("a.outcome = 'ok'");
  if (q.outcome === 'refused') where.push("a.outcome <> 'ok'");
  const rows = db
    .prepare(
      `SELECT a.*, c.reference AS case_reference FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`,
    )
    .all(...args, q.limit) as (AuditRow & { case_reference: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    workstation: r.workstation,
    method: r.method,
    caseId: r.case_id,
    caseReference: r.case_reference,
    record: r.record,
    outcome: r.outcome,
    detail: r.detail,
  }));
}
