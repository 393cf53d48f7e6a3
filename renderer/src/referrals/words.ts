import type { TFunction } from 'i18next';
import type { Consent } from '../../../shared/contract/case-records';
import type { Referral } from '../../../shared/contract/followup-records';

/**
 * Whether the case's information-sharing consent stands now: its latest
 * decision was "given" and has not been withdrawn. Only a hint before saving —
 * the host makes the same check and refuses a "consent" basis without it.
 */
export function sharingConsentStands(consents: readonly Consent[]): boolean {
  const latest = consents.filter((c) => c.scope === 'information_sharing').sort((a, b) => b.at.localeCompare(a.at))[0];
  return latest !== undefined && latest.decision === 'given' && latest.withdrawnAt === null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date (YYYY-MM-DD) `days` later, counted on the calendar so a clock change does not shift it. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(y!, m! - 1, d! + days);
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
}

/** The local calendar date of a datetime-local value ("2026-11-21T10:00" → "2026-11-21"). */
export const dayOf = (local: string): string => local.slice(0, 10);

/** Who a referral is for, in words: the adult by name, else the child or the family. */
export function subjectLabel(t: TFunction, referral: Pick<Referral, 'subject' | 'personName'>): string {
  return referral.subject === 'adult' && referral.personName ? referral.personName : t(`referrals.subjects.${referral.subject}`);
}
