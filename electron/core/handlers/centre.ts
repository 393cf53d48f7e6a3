import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CareConsentRule } from '../../../shared/cases/categories';
import type { Centre } from '../../../shared/contract/methods/centre';
import { AppError } from '../errors';
import { dataFolders, freeSpace, warnBelowBytes } from '../storage';
import { defineHandler } from './types';

function readCentre(db: Database): Centre {
  const row = db.prepare('SELECT name, interview_deadline_days, care_consent_rule, created_at, version FROM centre WHERE id = 1').get() as
    | { name: string; interview_deadline_days: number; care_consent_rule: CareConsentRule; created_at: string; version: number }
    | undefined;
  if (!row) throw new AppError('not_found', 'The centre has not been set up yet.');
  return { name: row.name, interviewDeadlineDays: row.interview_deadline_days, careConsentRule: row.care_consent_rule, createdAt: row.created_at, version: row.version };
}

export const centreHandlers = {
  'centre.get': defineHandler('centre.get', {
    run: (_input, { db }) => readCentre(db),
  }),

  'centre.update': defineHandler('centre.update', {
    run(input, { db, emit }) {
      const { changes } = db
        .prepare(
          `UPDATE centre SET name = ?, interview_deadline_days = coalesce(?, interview_deadline_days), care_consent_rule = coalesce(?, care_consent_rule),
             version = version + 1 WHERE id = 1 AND version = ?`,
        )
        .run(input.name, input.interviewDeadlineDays ?? null, input.careConsentRule ?? null, input.version);
      if (changes === 0) {
        const current = readCentre(db);
        throw new AppError('conflict', 'Someone else changed the centre settings since you opened them.', { current });
      }
      emit({ entity: 'centre', action: 'updated', id: 1 });
      return readCentre(db);
    },
  }),

  'centre.storage': defineHandler('centre.storage', {
    run(_input, ctx) {
      const space = freeSpace(dataFolders(ctx));
      const threshold = warnBelowBytes(space, ctx.storage);
      return { ...space, warnBelowBytes: threshold, low: space.freeBytes < threshold, quarantine: ctx.evidence.store.quarantined() };
    },
  }),
};
