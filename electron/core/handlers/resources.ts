import { checkMessages } from '../../../shared/contract';
import { iso } from '../clock';
import { AppError, fieldError } from '../errors';
import { recordCertification } from '../interviews/certifications';
import { isTimeZone, readClosedDays, readInterpreter, readInterviewers, readResources, readRoom, readRules } from '../interviews/resources';
import { viewer } from './cases';
import { defineHandler, type RunContext } from './types';

function stale(what: string, current: unknown): AppError {
  return new AppError('conflict', `Someone else changed this ${what} since you opened it.`, { current });
}

function announce(ctx: RunContext, record: string): void {
  ctx.note({ record });
  ctx.emit({ entity: 'resources', action: 'updated' });
}

export const resourceHandlers = {
  'resources.list': defineHandler('resources.list', {
    run: (_input, ctx) => readResources(ctx.db),
  }),

  'resources.saveRoom': defineHandler('resources.saveRoom', {
    run(input, ctx) {
      const values = [input.name, input.kind, input.equipment, input.active ? 1 : 0];
      let id = input.id;
      if (id === null) {
        id = Number(ctx.db.prepare('INSERT INTO rooms (name, kind, equipment, active) VALUES (?, ?, ?, ?)').run(...values).lastInsertRowid);
      } else {
        const current = readRoom(ctx.db, id);
        if (!current) throw new AppError('not_found', 'There is no such room.');
        const { changes } = ctx.db
          .prepare('UPDATE rooms SET name = ?, kind = ?, equipment = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?')
          .run(...values, id, input.version);
        if (changes === 0) throw stale('room', current);
      }
      announce(ctx, `room:${id}`);
      return readRoom(ctx.db, id)!;
    },
  }),

  'resources.saveInterpreter': defineHandler('resources.saveInterpreter', {
    run(input, ctx) {
      const values = [input.name, JSON.stringify(input.languages), input.phone, input.notes, input.active ? 1 : 0];
      let id = input.id;
      if (id === null) {
        id = Number(ctx.db.prepare('INSERT INTO interpreters (name, languages, phone, notes, active) VALUES (?, ?, ?, ?, ?)').run(...values).lastInsertRowid);
      } else {
        const current = readInterpreter(ctx.db, id);
        if (!current) throw new AppError('not_found', 'There is no such interpreter.');
        const { changes } = ctx.db
          .prepare('UPDATE interpreters SET name = ?, languages = ?, phone = ?, notes = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?')
          .run(...values, id, input.version);
        if (changes === 0) throw stale('interpreter', current);
      }
      announce(ctx, `interpreter:${id}`);
      return readInterpreter(ctx.db, id)!;
    },
  }),

  'resources.saveInterviewer': defineHandler('resources.saveInterviewer', {
    run(input, ctx) {
      const current = readInterviewers(ctx.db, input.userId)[0];
      if (!current) throw fieldError(['userId'], checkMessages.activeInterviewer);
      if (current.version !== input.version) throw stale('interviewer', current);
      ctx.db
        .prepare(
          `INSERT INTO interviewer_profiles (user_id, certification, certified_until, protocols, version) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (user_id) DO UPDATE SET certification = excluded.certification, certified_until = excluded.certified_until,
             protocols = excluded.protocols, version = version + 1`,
        )
        .run(input.userId, input.certification, input.certifiedUntil, JSON.stringify(input.protocols));
      recordCertification(ctx.db, input.userId, { certification: input.certification, certifiedUntil: input.certifiedUntil, recordedAt: iso(ctx.now) }, viewer(ctx).userId);
      announce(ctx, `interviewer:${input.userId}`);
      return readInterviewers(ctx.db, input.userId)[0]!;
    },
  }),

  'resources.saveRules': defineHandler('resources.saveRules', {
    run(input, ctx) {
      if (!isTimeZone(input.timeZone)) throw fieldError(['timeZone'], checkMessages.timeZone);
      for (const [day, hours] of Object.entries(input.hours)) {
        if (hours.open && hours.end <= hours.start) throw fieldError(['hours', day, 'end'], checkMessages.endBeforeStart);
      }
      const { changes } = ctx.db
        .prepare('UPDATE schedule_rules SET time_zone = ?, hours = ?, buffer_minutes = ?, daily_limit = ?, version = version + 1 WHERE id = 1 AND version = ?')
        .run(input.timeZone, JSON.stringify(input.hours), input.bufferMinutes, input.dailyLimit, input.version);
      if (changes === 0) throw stale('set of rules', readRules(ctx.db));
      announce(ctx, 'schedule-rules');
      return readRules(ctx.db);
    },
  }),

  'resources.setClosedDay': defineHandler('resources.setClosedDay', {
    run(input, ctx) {
      if (input.closed) {
        ctx.db.prepare('INSERT INTO closed_days (date, reason) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET reason = excluded.reason').run(input.date, input.reason);
      } else {
        ctx.db.prepare('DELETE FROM closed_days WHERE date = ?').run(input.date);
      }
      announce(ctx, `closed-day:${input.date}`);
      return { closedDays: readClosedDays(ctx.db) };
    },
  }),
};
