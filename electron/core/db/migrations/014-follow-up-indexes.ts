import type { Migration } from '../migration';

/**
 * Indexes for the follow-up lists over a large centre (measured by `npm run
 * bench:cases`, 100,000 cases): the centre's needs-attention list walked every
 * action item, every exam and every case to find the few open ones. Now:
 * open action items by due date, exams still to be written up by their end,
 * a few columns of the open cases (for repeated therapy no-shows), and the
 * meetings of a period with their status and type (the statistics read the
 * index alone). meetings_time is its first column, so it goes.
 */
export const migration014: Migration = {
  version: 14,
  name: 'follow-up-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX action_items_open ON action_items(due_date) WHERE state = 'open';
      CREATE INDEX medical_exams_unrecorded ON medical_exams(ends_at) WHERE status = 'scheduled';
      CREATE INDEX cases_open ON cases(id, restricted, coordinator_id) WHERE status != 'closed';
      DROP INDEX meetings_time;
      CREATE INDEX meetings_period ON meetings(starts_at, status, type);
    `);
  },
};
