import type { Migration } from '../migration';

/**
 * Child safety in the case file.
 *
 * - The case-level perpetrator categories gain `step_parent` (the national
 *   reports count step-parents apart). Until now a step-parent named as the
 *   alleged perpetrator could only be filed as "other" or "relative"; where
 *   every alleged perpetrator on the case is a step-parent, the case now says so.
 * - An alleged perpetrator may be told about the case only by an explicit,
 *   reasoned override (`inform_override`). Rows that said "may be informed"
 *   only because the form's default stayed ticked are turned to "may not"; the
 *   version moves so a screen still showing the old answer gets a 409.
 * - The centre chooses whether medical and therapy work recorded without the
 *   matching consent is refused or only warned about; refused unless it
 *   decides otherwise (docs/security.md, "Child safety rules").
 */
export const migration018: Migration = {
  version: 18,
  name: 'child-safety',
  up(db) {
    db.exec(`
      ALTER TABLE case_people ADD COLUMN inform_override INTEGER NOT NULL DEFAULT 0;
      UPDATE case_people SET may_be_informed = 0, version = version + 1 WHERE alleged_perpetrator = 1 AND may_be_informed = 1;

      UPDATE cases SET perpetrator = 'step_parent', version = version + 1
       WHERE perpetrator IN ('other', 'relative')
         AND EXISTS (SELECT 1 FROM case_people l WHERE l.case_id = cases.id AND l.alleged_perpetrator = 1 AND l.relationship = 'step_parent')
         AND NOT EXISTS (SELECT 1 FROM case_people l WHERE l.case_id = cases.id AND l.alleged_perpetrator = 1 AND l.relationship <> 'step_parent');

      ALTER TABLE centre ADD COLUMN care_consent_rule TEXT NOT NULL DEFAULT 'refuse' CHECK (care_consent_rule IN ('refuse', 'warn'));
    `);
  },
};
