import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import { ageAt } from '../../../shared/cases/age';
import type { Referral, ReferralFields } from '../../../shared/contract/followup-records';
import { closedReferralStatuses, type ReferralStatus } from '../../../shared/followup/categories';
import { iso } from '../clock';
import { fieldError } from '../errors';
import { centreToday, dueDateClock } from './due';
import { currentConsent } from './medical-file';

/** Referrals to outside services as stored (migration 013) and as the contract sends them. */

export interface ReferralRow {
  id: number;
  case_id: number;
  subject: ReferralFields['subject'];
  person_id: number | null;
  service_kind: ReferralFields['serviceKind'];
  service_name: string;
  contact: string;
  sent_at: string;
  sent_by: number;
  consent_basis: ReferralFields['consentBasis'];
  status: ReferralStatus;
  follow_up_on: string;
  notes: string;
  version: number;
}

export const NO_REFERRAL = 'There is no such referral on this case, or it is not yours to see.';
const ADULT_AGE = 18;

export function referralRow(db: Database, id: number): ReferralRow | undefined {
  return db.prepare('SELECT * FROM referrals WHERE id = ?').get(id) as ReferralRow | undefined;
}

export const isOpen = (status: ReferralStatus) => !closedReferralStatuses.includes(status);

/** The case's referrals (or one), open ones first, then by follow-up date. */
export function referralsOf(db: Database, caseId: number, now: Date, referralId?: number): Referral[] {
  const rows = db
    .prepare(
      `SELECT r.*, u.display_name AS sent_by_name, CASE WHEN p.id IS NULL THEN NULL ELSE p.first_name || ' ' || p.last_name END AS person_name
         FROM referrals r JOIN users u ON u.id = r.sent_by LEFT JOIN persons p ON p.id = r.person_id
        WHERE r.case_id = ? ${referralId === undefined ? '' : 'AND r.id = ?'}
        ORDER BY r.status IN (${closedReferralStatuses.map(() => '?').join(', ')}), r.follow_up_on, r.id`,
    )
    .all(...(referralId === undefined ? [caseId] : [caseId, referralId]), ...closedReferralStatuses) as (ReferralRow & { sent_by_name: string; person_name: string | null })[];
  if (rows.length === 0) return [];
  const history = db
    .prepare(
      `SELECT h.referral_id, h.at, h.status, h.note, u.display_name AS by FROM referral_history h JOIN users u ON u.id = h.user_id
        WHERE h.referral_id IN (${rows.map(() => '?').join(', ')}) ORDER BY h.id`,
    )
    .all(...rows.map((r) => r.id)) as { referral_id: number; at: string; status: ReferralStatus; note: string; by: string }[];
  const endOf = dueDateClock(db);
  const at = iso(now);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    subject: r.subject,
    personId: r.person_id,
    personName: r.person_name,
    serviceKind: r.service_kind,
    serviceName: r.service_name,
    contact: r.contact,
    sentAt: r.sent_at,
    sentBy: r.sent_by_name,
    consentBasis: r.consent_basis,
    status: r.status,
    followUpOn: r.follow_up_on,
    overdue: isOpen(r.status) && at > endOf(r.follow_up_on),
    notes: r.notes,
    history: history.filter((h) => h.referral_id === r.id).map((h) => ({ at: h.at, by: h.by, status: h.status, note: h.note })),
    version: r.version,
  }));
}

/** A referral for an adult names one of the case's adults (not one known to be a minor); for the child or the family, nobody. */
export function checkSubject(db: Database, caseId: number, fields: Pick<ReferralFields, 'subject' | 'personId'>, now: Date): void {
  if (fields.subject !== 'adult') {
    if (fields.personId !== null) throw fieldError(['personId'], checkMessages.noAdultForChild);
    return;
  }
  const person =
    fields.personId === null
      ? undefined
      : (db.prepare('SELECT p.birth_date FROM case_people l JOIN persons p ON p.id = l.person_id WHERE l.case_id = ? AND l.person_id = ?').get(caseId, fields.personId) as
          | { birth_date: string | null }
          | undefined);
  const age = person ? ageAt(person.birth_date, now) : null;
  if (!person || (age !== null && age < ADULT_AGE)) throw fieldError(['personId'], checkMessages.adultRequired);
}

/** Sharing on the basis of consent needs the case's information-sharing consent to stand, by the same rule as everywhere (currentConsent). */
export function checkConsentBasis(db: Database, caseId: number, basis: ReferralFields['consentBasis']): void {
  if (basis !== 'consent') return;
  if (currentConsent(db, caseId, 'information_sharing').state !== 'given') throw fieldError(['consentBasis'], checkMessages.sharingConsentRequired);
}

/** The follow-up day may not come before the day (on the centre's clock) the referral went out. */
export function checkFollowUp(db: Database, sentAt: string, followUpOn: string, path: string[] = ['followUpOn']): void {
  if (followUpOn < centreToday(db, new Date(sentAt))) throw fieldError(path, checkMessages.followUpBeforeSent);
}
