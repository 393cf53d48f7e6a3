import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { stringify } from 'csv-stringify/sync';
import { isGranted } from '../../../shared/permissions';
import { requireCase } from '../access';
import { queryAudit } from '../audit';
import { verifyAgainstCheckpoints } from '../audit-anchor/compare';
import { readRules } from '../interviews/resources';
import { callerOf, defineHandler } from './types';

/** A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A moment on the centre's wall clock, as a spreadsheet reads it: 2026-12-07 20:41:05. */
const wall = (moment: string | number, timeZone: string) => format(new TZDate(new Date(moment).getTime(), timeZone), 'yyyy-MM-dd HH:mm:ss');

export const auditHandlers = {
  'audit.list': defineHandler('audit.list', {
    run(input, ctx) {
      const entries = queryAudit(ctx.db, { ...input, limit: input.limit + 1 });
      return { entries: entries.slice(0, input.limit), more: entries.length > input.limit };
    },
  }),

  'audit.caseAccess': defineHandler('audit.caseAccess', {
    run(input, ctx) {
      const caller = callerOf(ctx);
      // Readers of the whole log may ask about any case; others only about a case they may see.
      if (!isGranted('audit.read', caller.roles)) requireCase(ctx.db, { userId: caller.userId, roles: caller.roles }, input.caseId);
      return queryAudit(ctx.db, { caseId: input.caseId, limit: 10_000 });
    },
  }),

  'audit.verify': defineHandler('audit.verify', {
    // The anchor file is read before the transaction: a year of hourly lines should not hold the database.
    prepare: (_input, ctx) => Promise.resolve(ctx.anchor.read()),
    run: (input, ctx, anchors) => verifyAgainstCheckpoints(ctx.db, anchors, input.printed),
  }),

  'audit.export': defineHandler('audit.export', {
    run(input, ctx) {
      const entries = queryAudit(ctx.db, { from: input.from, to: input.to, limit: 1_000_000 }).reverse();
      const { timeZone } = readRules(ctx.db);
      // The centre's clock first, as on every screen; UTC beside it so a moment is never ambiguous around a clock change.
      const header = ['id', `time (${timeZone})`, 'time (UTC)', 'user', 'workstation', 'method', 'case', 'record', 'outcome', 'detail'];
      const rows = entries.map((e) => [e.id, wall(e.at, timeZone), e.at, e.username, e.workstation, e.method, e.caseReference ?? e.caseId, e.record, e.outcome, e.detail].map(cell));
      ctx.note({ detail: `${rows.length} entries from ${input.from} to ${input.to}` });
      return {
        // The days asked for, on the centre's clock: `to` is the first instant after the last day.
        filename: `barnahus-audit-${wall(input.from, timeZone).slice(0, 10)}-${wall(Date.parse(input.to) - 1, timeZone).slice(0, 10)}.csv`,
        // The BOM lets spreadsheet programs read the UTF-8 (ș, ț, Cyrillic) correctly.
        csv: `\uFEFF${stringify([header, ...rows])}`,
        rows: rows.length,
      };
    },
  }),
};
