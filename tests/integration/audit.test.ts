import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/contract';
import type { Client } from '../../shared/client';
import { verifyAudit, verifyAuditInSteps } from '../../electron/core/audit';
import type { Core } from '../../electron/core/core';
import { inProcessClient, insertUser, openTestCore, setUpCentre } from '../support/core';
import { referral } from '../support/intake';

const PASSWORD = 'audit test sentence long';

async function centreWithCase(): Promise<{ core: Core; admin: Client; coordinator: Client; police: Client; caseId: number; policeId: number }> {
  const { core } = openTestCore();
  const admin = await setUpCentre(inProcessClient(core));
  await insertUser(core.store.db, 'coord', PASSWORD, ['coordinator']);
  const policeId = await insertUser(core.store.db, 'officer', PASSWORD, ['police']);
  const coordinator = inProcessClient(core);
  await coordinator.call('auth.login', { username: 'coord', password: PASSWORD });
  const police = inProcessClient(core);
  await police.call('auth.login', { username: 'officer', password: PASSWORD });
  const created = await coordinator.call('cases.create', referral({ firstName: 'Ștefan', lastName: 'Popescu' }, { reported: 'Reported by the school.' }));
  return { core, admin, coordinator, police, caseId: created.id, policeId };
}

function rows(core: Core) {
  return core.store.db.prepare('SELECT id, username, method, case_id AS caseId, outcome, record FROM audit_log ORDER BY id').all() as {
    id: number;
    username: string | null;
    method: string;
    caseId: number | null;
    outcome: string;
    record: string | null;
  }[];
}

describe('the audit log', () => {
  it('records every read and write of case data, with the case, and refusals too', async () => {
    const { core, coordinator, police, caseId } = await centreWithCase();
    await coordinator.call('cases.get', { caseId });
    await police.call('cases.get', { caseId }).catch(() => undefined);
    await police.call('audit.list', {}).catch(() => undefined);
    const anonymous = inProcessClient(core);
    await anonymous.call('cases.list', {}).catch(() => undefined);

    const log = rows(core);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'coord', method: 'cases.create', caseId, outcome: 'ok' }),
        expect.objectContaining({ username: 'coord', method: 'cases.get', caseId, outcome: 'ok' }),
        expect.objectContaining({ username: 'officer', method: 'cases.get', caseId, outcome: 'not_found' }),
        expect.objectContaining({ username: 'officer', method: 'audit.list', outcome: 'forbidden' }),
        expect.objectContaining({ username: null, method: 'cases.list', outcome: 'not_signed_in' }),
      ]),
    );
  });

  it('does not record input that never passed validation', async () => {
    const { core, coordinator } = await centreWithCase();
    const before = rows(core).length;
    await coordinator.call('cases.get', { caseId: -1 }).catch(() => undefined);
    expect(rows(core).length).toBe(before);
  });

  it('answers "who saw this case?" for a coordinator, not for a police officer', async () => {
    const { coordinator, police, caseId, core, policeId } = await centreWithCase();
    await coordinator.call('cases.addMember', { caseId, userId: policeId });
    await police.call('cases.get', { caseId });
    const seen = await coordinator.call('audit.caseAccess', { caseId });
    expect(seen.map((e) => `${e.username} ${e.method} ${e.outcome}`)).toEqual(
      expect.arrayContaining(['officer cases.get ok', 'coord cases.addMember ok', 'coord cases.create ok']),
    );
    expect(seen.every((e) => e.caseId === caseId && e.caseReference?.startsWith('BH-'))).toBe(true);
    const refused = await police.call('audit.caseAccess', { caseId }).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(403);
    expect(rows(core).at(-1)).toMatchObject({ username: 'officer', method: 'audit.caseAccess', outcome: 'forbidden' });
  });

  it('is append-only: the database itself refuses UPDATE and DELETE', async () => {
    const { core } = await centreWithCase();
    expect(() => core.store.db.prepare("UPDATE audit_log SET outcome = 'ok'").run()).toThrow(/append-only/);
    expect(() => core.store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    const { admin } = await centreWithCase();
    const result = await admin.call('audit.verify', {});
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(5);
    expect(result.firstBroken).toBeUndefined();
  });

  describe('catches a direct edit of the database (someone who drops the triggers first)', () => {
    async function tampered(edit: (core: Core, ids: number[]) => void) {
      const { core, admin, coordinator, caseId } = await centreWithCase();
      await coordinator.call('cases.get', { caseId });
      await coordinator.call('cases.listNotes', { caseId });
      core.store.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      const ids = rows(core).map((r) => r.id);
      edit(core, ids);
      // The walk a backup's verification uses, in pages of two, finds exactly what the one-pass walk finds.
      const everyId = new Set((core.store.db.prepare('SELECT id FROM audit_log').all() as { id: number }[]).map((r) => r.id));
      expect(await verifyAuditInSteps(core.store.db, everyId, 2)).toEqual(verifyAudit(core.store.db, everyId));
      return { result: await admin.call('audit.verify', {}), ids, core };
    }

    it('an edited entry', async () => {
      const { result, ids } = await tampered((core, ids) => core.store.db.prepare("UPDATE audit_log SET username = 'someone else' WHERE id = ?").run(ids[2]));
      expect(result).toMatchObject({ ok: false, firstBroken: ids[2] });
    });

    it('an edited entry whose hash was recomputed naively', async () => {
      const { result, ids } = await tampered((core, ids) =>
        core.store.db.prepare("UPDATE audit_log SET outcome = 'ok', hash = lower(hex(randomblob(32))) WHERE id = ?").run(ids[1]),
      );
      expect(result).toMatchObject({ ok: false, firstBroken: ids[1] });
    });

    it('a deleted entry in the middle', async () => {
      const { result, ids } = await tampered((core, ids) => core.store.db.prepare('DELETE FROM audit_log WHERE id = ?').run(ids[3]));
      expect(result).toMatchObject({ ok: false, firstBroken: ids[3] });
    });

    it('the newest entries deleted', async () => {
      const { result, ids } = await tampered((core, ids) => core.store.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(ids.at(-2)));
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toBe(ids.at(-2));
    });

    it('an entry slipped in before the first, with id 0', async () => {
      const { result } = await tampered((core) =>
        core.store.db
          .prepare("INSERT INTO audit_log (id, at, workstation, transport, method, outcome, prev_hash, hash) VALUES (0, '2026-01-01T00:00:00.000Z', 'x', 'x', 'cases.get', 'ok', 'x', 'y')")
          .run(),
      );
      expect(result).toMatchObject({ ok: false, firstBroken: 1 });
    });

    it('an entry added behind the log’s back', async () => {
      const { result, core } = await tampered((core) =>
        core.store.db
          .prepare("INSERT INTO audit_log (at, workstation, transport, method, outcome, prev_hash, hash) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'x', 'cases.get', 'ok', 'x', 'y')")
          .run(),
      );
      expect(result.ok).toBe(false);
      expect(verifyAudit(core.store.db).firstBroken).toBe(result.firstBroken);
    });
  });

  it('exports a date range as CSV with a BOM, escaping cells a spreadsheet would run', async () => {
    const { core, admin } = await centreWithCase();
    await insertUser(core.store.db, '=cmd', PASSWORD, ['police']);
    await inProcessClient(core)
      .call('auth.login', { username: '=cmd', password: PASSWORD })
      .catch(() => undefined);
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const exported = await admin.call('audit.export', { from, to });
    expect(exported.csv).toMatch(/^\uFEFFid,time \([^)]+\),time \(UTC\),user,workstation,method,case,record,outcome,detail\n/);
    expect(exported.rows).toBe(exported.csv.trim().split('\n').length - 1);
    expect(exported.csv).toContain("'=cmd");
    expect(exported.csv).not.toMatch(/,=cmd/);
    expect(exported.filename).toMatch(/^barnahus-audit-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const none = await admin.call('audit.export', { from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
    expect(none.rows).toBe(0);
  });

  it('the CSV gives each moment on the centre’s clock (and in UTC), and names the days asked for on that clock', async () => {
    const { admin } = await centreWithCase();
    const { rules } = await admin.call('resources.list', {});
    await admin.call('resources.saveRules', { version: rules.version, timeZone: 'Europe/Bucharest', hours: rules.hours, bufferMinutes: rules.bufferMinutes, dailyLimit: rules.dailyLimit });
    // A day in Bucharest (UTC+2 in December) starts at 22:00 UTC the evening before.
    const exported = await admin.call('audit.export', { from: '2026-11-30T22:00:00.000Z', to: '2026-12-01T22:00:00.000Z' });
    expect(exported.filename).toBe('barnahus-audit-2026-12-01-2026-12-01.csv');
    const all = await admin.call('audit.export', { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() });
    const [header, first] = all.csv.replace('\uFEFF', '').split('\n');
    expect(header).toBe('id,time (Europe/Bucharest),time (UTC),user,workstation,method,case,record,outcome,detail');
    const [, wallTime, utcTime] = first!.split(',');
    const bucharest = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Bucharest', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(utcTime!));
    expect(wallTime).toBe(bucharest);
  });

  it('filters the log by case, user and outcome, newest first, in pages', async () => {
    const { admin, police, caseId } = await centreWithCase();
    for (let i = 0; i < 3; i++) await police.call('cases.get', { caseId }).catch(() => undefined);
    const refused = await admin.call('audit.list', { outcome: 'refused', caseId, limit: 2 });
    expect(refused.entries).toHaveLength(2);
    expect(refused.more).toBe(true);
    expect(refused.entries[0]!.id).toBeGreaterThan(refused.entries[1]!.id);
    const reference = refused.entries[0]!.caseReference ?? '';
    expect((await admin.call('audit.list', { caseReference: reference.toLowerCase(), outcome: 'refused' })).entries).toHaveLength(3);
    const next = await admin.call('audit.list', { outcome: 'refused', caseId, limit: 2, before: refused.entries[1]!.id });
    expect(next.entries).toHaveLength(1);
    expect(next.more).toBe(false);
  });
});
