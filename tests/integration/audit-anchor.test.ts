import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkMessages } from '../../shared/contract/fields';
import { appendAudit } from '../../electron/core/audit';
import { openCore } from '../../electron/core/core';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { groupedHead } from '../../electron/core/documents/checkpoint-stamp';
import { ADMIN, inProcessClient, insertUser, openTestCore, setUpCentre, signInWith, TestClock } from '../support/core';
import { startTestHost } from '../support/host';
import { referral } from '../support/intake';
import { fieldRefusal } from '../support/refusal';
import { tempDir } from '../support/temp';

/**
 * Someone holding the key file rewrites the audit log and its head so that
 * the chain is consistent again. The walk alone cannot see it; a checkpoint
 * kept outside the database (or printed on a document) must.
 */

const PASSWORD = 'anchor test sentence long';
const GENESIS = '0'.repeat(64);

interface Row {
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
}

/** The chain's hash as the code documents it, written here again as an attacker would (the source is public). */
function hashOf(prev: string, id: number, r: Row): string {
  const canonical = JSON.stringify([id, r.at, r.user_id, r.username, r.workstation, r.transport, r.method, r.case_id, r.record, r.outcome, r.detail]);
  return createHash('sha256').update(`${prev}\n${canonical}`, 'utf8').digest('hex');
}

/** Drops the triggers, replaces the log by `rows` numbered 1…n with every hash recomputed, and fixes the head: a chain that walks clean. */
function rewriteLog(db: Database, change: (rows: Row[]) => Row[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const rows = change(db.prepare('SELECT id, at, user_id, username, workstation, transport, method, case_id, record, outcome, detail FROM audit_log ORDER BY id').all() as Row[]);
  db.transaction(() => {
    db.exec('DELETE FROM audit_log');
    let prev = GENESIS;
    rows.forEach((row, index) => {
      const id = index + 1;
      const hash = hashOf(prev, id, row);
      db.prepare(
        `INSERT INTO audit_log (id, at, user_id, username, workstation, transport, method, case_id, record, outcome, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, row.at, row.user_id, row.username, row.workstation, row.transport, row.method, row.case_id, row.record, row.outcome, row.detail, prev, hash);
      prev = hash;
    });
    db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ?, entries = ? WHERE id = 1').run(rows.length, prev, rows.length);
  })();
}

/** Entries an ordinary day would add, quickly: each is a real entry of the chain. */
function busyDay(db: Database, count: number, caseId: number | null = null): void {
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      appendAudit(db, {
        at: new Date(Date.UTC(2026, 11, 7, 9, 0, i)).toISOString(),
        userId: 1,
        username: 'admin',
        workstation: 'test',
        transport: 'in-process',
        method: 'cases.get',
        caseId,
        record: null,
        outcome: 'ok',
        detail: null,
      });
    }
  })();
}

async function centre(options: { clock?: TestClock } = {}) {
  const opened = openTestCore(options);
  const { core } = opened;
  const admin = await setUpCentre(inProcessClient(core));
  await insertUser(core.store.db, 'coord', PASSWORD, ['coordinator']);
  const coordinator = await signInWith(core, 'coord', PASSWORD);
  const first = await coordinator.call('cases.create', referral({ firstName: 'Ștefan', lastName: 'Popescu' }));
  const second = await coordinator.call('cases.create', referral({ firstName: 'Ioana', lastName: 'Mureșan' }));
  await coordinator.call('cases.get', { caseId: first.id });
  return { ...opened, admin, coordinator, firstCase: first.id, secondCase: second.id };
}

const anchorLines = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('audit checkpoints outside the database', () => {
  it('are written as chained JSON lines beside the database, at start and on demand, and verify agrees with them', async () => {
    const { core, admin, anchorFile } = await centre();
    const checkpoint = core.writeCheckpoint('backup');
    const head = core.store.db.prepare('SELECT last_id, last_hash FROM audit_head').get() as { last_id: number; last_hash: string };
    expect(checkpoint).toMatchObject({ entry: head.last_id, head: head.last_hash, reason: 'backup' });
    const lines = anchorLines(anchorFile);
    expect(lines.map((l) => l.reason)).toEqual(['start', 'backup']);
    expect(lines[0]).toMatchObject({ entry: 0, head: GENESIS, prev: GENESIS });
    expect(lines[1]!.prev).toBe(createHash('sha256').update(fs.readFileSync(anchorFile, 'utf8').split('\n')[0]!).digest('hex'));

    const verdict = await admin.call('audit.verify', {});
    expect(verdict).toMatchObject({
      ok: true,
      checkpoints: { anchorFile: 'intact', compared: 2, disagreeing: 0, firstDisagreeing: null, latest: checkpoint },
      printed: null,
    });
  });

  describe('catch a consistent rewrite made with the key after a checkpoint', () => {
    async function attacked(attack: (db: Database, context: { firstCase: number }) => void, options: { newest?: number } = {}) {
      const context = await centre();
      const { core, admin } = context;
      busyDay(core.store.db, options.newest ?? 5);
      const checkpoint = core.writeCheckpoint('hourly');
      // The centre goes on working after the checkpoint.
      await context.coordinator.call('cases.get', { caseId: context.secondCase });
      expect((await admin.call('audit.verify', {})).ok).toBe(true);
      attack(core.store.db, context);
      return { verdict: await admin.call('audit.verify', {}), checkpoint, core, admin };
    }

    it('a middle entry edited and the rest of the chain and the head recomputed', async () => {
      const { verdict, checkpoint } = await attacked((db) => rewriteLog(db, (rows) => rows.map((r) => (r.id === 4 ? { ...r, username: 'nobody', outcome: 'ok' } : r))));
      // The walk passes: only the checkpoint shows it.
      expect(verdict.firstBroken).toBeUndefined();
      expect(verdict.ok).toBe(false);
      expect(verdict.checkpoints.disagreeing).toBe(1);
      expect(verdict.checkpoints.firstDisagreeing).toMatchObject({ entry: checkpoint.entry, at: checkpoint.at, reason: 'hourly', expected: checkpoint.head });
      expect(verdict.checkpoints.firstDisagreeing!.found).toMatch(/^[0-9a-f]{64}$/);
      expect(verdict.checkpoints.firstDisagreeing!.found).not.toBe(checkpoint.head);
    });

    it('the newest 500 entries deleted and the head fixed', async () => {
      const { verdict, checkpoint } = await attacked((db) => rewriteLog(db, (rows) => rows.slice(0, rows.length - 500)), { newest: 600 });
      expect(verdict.firstBroken).toBeUndefined();
      expect(verdict.ok).toBe(false);
      expect(verdict.checkpoints.firstDisagreeing).toMatchObject({ entry: checkpoint.entry, expected: checkpoint.head, found: null });
    });

    it('every entry of one case deleted and the chain renumbered and recomputed', async () => {
      const { verdict, checkpoint } = await attacked((db, { firstCase }) => rewriteLog(db, (rows) => rows.filter((r) => r.case_id !== firstCase)));
      expect(verdict.firstBroken).toBeUndefined();
      expect(verdict.ok).toBe(false);
      expect(verdict.checkpoints.firstDisagreeing).toMatchObject({ entry: checkpoint.entry, at: checkpoint.at, expected: checkpoint.head });
    });

    it('the log wiped back to genesis', async () => {
      const { verdict, checkpoint } = await attacked((db) => rewriteLog(db, () => []));
      expect(verdict.firstBroken).toBeUndefined();
      expect(verdict.ok).toBe(false);
      expect(verdict.checkpoints.firstDisagreeing).toMatchObject({ entry: checkpoint.entry, expected: checkpoint.head, found: null });
    });
  });

  it('without any checkpoint (no anchor file, nothing printed), a consistent rewrite still passes: the walk alone cannot see it', async () => {
    const dir = tempDir();
    const core = openCore({ file: path.join(dir, DATABASE_FILE), key: Buffer.alloc(32, 7), log: () => undefined });
    const admin = await setUpCentre(inProcessClient(core));
    busyDay(core.store.db, 20);
    rewriteLog(core.store.db, (rows) => rows.slice(0, 10));
    expect(await admin.call('audit.verify', {})).toMatchObject({ ok: true, checkpoints: { anchorFile: 'none', compared: 0, latest: null } });
    core.close();
    expect(fs.readdirSync(dir).filter((name) => name.includes('anchor'))).toEqual([]);
  });

  describe('a checkpoint typed in from a printed document', () => {
    it('agrees with the chain, typed in full with the spaces it is printed with or as its first 16 characters', async () => {
      const { core, admin } = await centre();
      const printed = core.writeCheckpoint('document');
      const full = await admin.call('audit.verify', { printed: { entry: printed.entry, head: groupedHead(printed.head).toUpperCase() } });
      expect(full).toMatchObject({ ok: true, printed: { entry: printed.entry, head: printed.head, agrees: true, found: printed.head } });
      const prefix = await admin.call('audit.verify', { printed: { entry: printed.entry, head: printed.head.slice(0, 16) } });
      expect(prefix.printed).toMatchObject({ agrees: true });
      const wrong = await admin.call('audit.verify', { printed: { entry: printed.entry - 1, head: printed.head } });
      expect(wrong).toMatchObject({ ok: false, printed: { agrees: false } });
    });

    it('catches a rewrite even when the anchor file was removed too and the host restarted', async () => {
      const { core, file, key, anchorFile } = await centre();
      const printed = core.writeCheckpoint('document');
      busyDay(core.store.db, 3);
      core.close();
      fs.rmSync(anchorFile);
      const reopened = openCore({ file, key, log: () => undefined });
      rewriteLog(reopened.store.db, (rows) => rows.map((r) => (r.id === 2 ? { ...r, detail: 'rewritten' } : r)));
      const client = await signInWith(reopened, ADMIN.username, ADMIN.password);
      // The file is gone and the walk is clean: only the paper remembers.
      expect(await client.call('audit.verify', {})).toMatchObject({ ok: true });
      const verdict = await client.call('audit.verify', { printed: { entry: printed.entry, head: printed.head } });
      expect(verdict).toMatchObject({ ok: false, printed: { entry: printed.entry, agrees: false } });
      expect(verdict.printed!.found).not.toBe(printed.head);
    });

    it('refuses a head that is not hex or too short, with the field and words to show, changing nothing', async () => {
      const { admin } = await centre();
      for (const head of ['3f9c…e2a1', 'not a hash at all', '']) {
        const issues = await fieldRefusal(admin.call('audit.verify', { printed: { entry: 12, head } }));
        expect(issues).toEqual([expect.objectContaining({ path: ['printed', 'head'], message: checkMessages.checkpointHead })]);
      }
      const issues = await fieldRefusal(admin.call('audit.verify', { printed: { entry: 0, head: 'a'.repeat(64) } }));
      expect(issues.map((i) => i.path)).toEqual([['printed', 'entry']]);
    });
  });

  describe('the anchor file itself', () => {
    it('reports a line edited in the middle (its successor no longer follows it)', async () => {
      const { core, file, key, anchorFile } = await centre();
      core.writeCheckpoint('backup');
      busyDay(core.store.db, 2);
      core.writeCheckpoint('backup');
      core.close();
      const lines = fs.readFileSync(anchorFile, 'utf8').split('\n');
      lines[1] = lines[1]!.replace(/"entry":\d+/, '"entry":1');
      fs.writeFileSync(anchorFile, lines.join('\n'));
      const reopened = openCore({ file, key, anchorFile, log: () => undefined });
      const verdict = await (await signInWith(reopened, ADMIN.username, ADMIN.password)).call('audit.verify', {});
      expect(verdict).toMatchObject({ ok: false, checkpoints: { anchorFile: 'damaged', damagedLine: 3 } });
      reopened.close();
    });

    it('reports lines removed from its end while the host runs, and still appends after them', async () => {
      const { core, admin, anchorFile } = await centre();
      core.writeCheckpoint('backup');
      busyDay(core.store.db, 2);
      core.writeCheckpoint('backup');
      const text = fs.readFileSync(anchorFile, 'utf8').split('\n');
      fs.writeFileSync(anchorFile, `${text.slice(0, 2).join('\n')}\n`);
      const verdict = await admin.call('audit.verify', {});
      expect(verdict).toMatchObject({ ok: false, checkpoints: { anchorFile: 'damaged', compared: 2 } });
      busyDay(core.store.db, 1);
      core.writeCheckpoint('backup');
      expect(anchorLines(anchorFile)).toHaveLength(3);
    });
  });

  describe('the hourly timer', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('writes a checkpoint every hour while the log moves, none for an idle hour, and stops on close', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const clock = new TestClock(new Date('2026-12-07T19:00:00Z'));
      const { core, anchorFile } = await centre({ clock });
      const reasons = () => anchorLines(anchorFile).map((l) => l.reason);
      expect(reasons()).toEqual(['start']);
      clock.advance(3_600_000);
      vi.advanceTimersByTime(3_600_000);
      const hourly = anchorLines(anchorFile).at(-1)!;
      expect(hourly).toMatchObject({ reason: 'hourly', at: '2026-12-07T20:00:00.000Z' });
      expect(hourly.entry).toBe((core.store.db.prepare('SELECT last_id FROM audit_head').pluck().get() as number));
      vi.advanceTimersByTime(3_600_000);
      expect(reasons()).toEqual(['start', 'hourly']);
      busyDay(core.store.db, 1);
      vi.advanceTimersByTime(3_600_000);
      expect(reasons()).toEqual(['start', 'hourly', 'hourly']);
      // Closing anchors what the last hour has not (here, one entry), then the timer is gone.
      busyDay(core.store.db, 1);
      core.close();
      expect(reasons()).toEqual(['start', 'hourly', 'hourly', 'stop']);
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(3 * 3_600_000);
      expect(reasons()).toHaveLength(4);
    });
  });

  it('refuses to start, with words for the operator, when the anchor file cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    expect(() => openCore({ file: path.join(dir, DATABASE_FILE), key: Buffer.alloc(32, 9), anchorFile: path.join(blocker, 'audit-anchors.log'), log: () => undefined })).toThrow(
      expect.objectContaining({ name: 'StoreError', code: 'anchor_unwritable', message: expect.stringContaining('Choose another place for it') as unknown }),
    );
  });

  it('the timer never keeps the process alive (unref)', () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const { core } = openTestCore();
    expect(timers()).toBe(before);
    core.close();
  });

  it('a real host writes beside its data folder at start and at stop', async () => {
    const host = await startTestHost();
    const file = path.join(path.dirname(host.dataDir), 'audit-anchors.log');
    const client = await host.client();
    await setUpCentre(client);
    const verdict = await client.call('audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, checkpoints: { anchorFile: 'intact', compared: 1 } });
    await host.close();
    expect(anchorLines(file).map((l) => l.reason)).toEqual(['start', 'stop']);
    expect(anchorLines(file).at(-1)!.entry).toBeGreaterThan(0);
  });
});
