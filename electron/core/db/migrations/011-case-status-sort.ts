import type { Migration } from '../migration';

/**
 * Sorting the case list by status walks this index instead of sorting
 * every case. The expression must stay exactly the one `statusRank` builds
 * in electron/core/cases/case-list.ts from the statuses' order, or SQLite
 * will not use it (a test compares the two).
 */
export const STATUS_RANK_SQL =
  "CASE c.status WHEN 'referral' THEN 0 WHEN 'initial_assessment' THEN 1 WHEN 'planning' THEN 2 WHEN 'interview' THEN 3 WHEN 'follow_up' THEN 4 WHEN 'closed' THEN 5 END";

export const migration011: Migration = {
  version: 11,
  name: 'case-status-sort',
  up(db) {
    db.exec(`CREATE INDEX cases_status_sort ON cases(${STATUS_RANK_SQL.replace('c.status', 'status')}, received_at);`);
  },
};
