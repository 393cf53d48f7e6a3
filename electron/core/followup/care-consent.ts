import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CareConsentRule, ConsentScope } from '../../../shared/cases/categories';
import { checkMessages } from '../../../shared/contract';
import type { MedicalExam } from '../../../shared/contract/followup-records';
import { fieldError } from '../errors';
import { currentConsent } from './medical-file';

/** The disciplines whose work on the child needs the family's consent to it. */
export type CareDiscipline = 'medical' | 'therapy';

const scopeOf: Record<CareDiscipline, ConsentScope> = { medical: 'medical_exam', therapy: 'therapy' };
const missingMessage: Record<CareDiscipline, string> = { medical: checkMessages.examConsentRequired, therapy: checkMessages.therapyConsentRequired };

export function careConsentRule(db: Database): CareConsentRule {
  const row = db.prepare('SELECT care_consent_rule AS rule FROM centre WHERE id = 1').get() as { rule: CareConsentRule } | undefined;
  return row?.rule ?? 'refuse';
}

export interface CareConsent {
  scope: ConsentScope;
  consent: MedicalExam['consent'];
  /** No consent to this work stands now (none, refused or withdrawn). */
  missing: boolean;
}

export function careConsent(db: Database, caseId: number, discipline: CareDiscipline): CareConsent {
  const scope = scopeOf[discipline];
  const consent = currentConsent(db, caseId, scope);
  return { scope, consent, missing: consent.state !== 'given' };
}

/**
 * The one consent rule for work done with the child: the consent standing
 * now, not one given once and since withdrawn. Under the centre's "refuse"
 * rule a missing consent is a 400 naming which consent is missing, at `path`;
 * under "warn" the work is accepted and the caller records that it went ahead
 * without one.
 */
export function requireCareConsent(db: Database, caseId: number, discipline: CareDiscipline, path: (string | number)[]): CareConsent {
  const care = careConsent(db, caseId, discipline);
  if (care.missing && careConsentRule(db) === 'refuse') throw fieldError(path, missingMessage[discipline]);
  return care;
}

/** For the timeline entry of work accepted under the "warn" rule: the team sees it went ahead without consent. */
export function withoutConsent(care: CareConsent): { withoutConsent?: boolean } {
  return care.missing ? { withoutConsent: true } : {};
}
