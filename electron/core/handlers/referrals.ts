import { checkMessages } from '../../../shared/contract';
import type { Referral, ReferralFields } from '../../../shared/contract/followup-records';
import { referralTransitions } from '../../../shared/followup/categories';
import { requireCase, type CaseRow } from '../access';
import { rejectFuture } from '../cases/checks';
import { recordEvent } from '../cases/timeline';
import { iso, utc } from '../clock';
import { AppError, fieldError } from '../errors';
import { seesCaseInFull } from '../followup/meeting-file';
import { NO_REFERRAL, checkConsentBasis, checkFollowUp, checkSubject, referralRow, referralsOf, type ReferralRow } from '../followup/referral-file';
import { viewer } from './cases';
import { defineHandler, type RunContext } from './types';

/** The case, seen in full: a blind interviewer is told nothing of the follow-up. */
function requireFullCase(ctx: RunContext, caseId: number): CaseRow {
  const { row, view } = requireCase(ctx.db, viewer(ctx), caseId);
  if (view !== 'full') throw new AppError('not_found', 'There is no such case, or it is not yours to see.');
  ctx.note({ caseId: row.id });
  return row;
}

function requireReferral(ctx: RunContext, referralId: number, caseId?: number): ReferralRow {
  const row = referralRow(ctx.db, referralId);
  if (!row || (caseId !== undefined && row.case_id !== caseId)) throw new AppError('not_found', NO_REFERRAL);
  if (!seesCaseInFull(ctx.db, viewer(ctx), row.case_id)) throw new AppError('not_found', NO_REFERRAL);
  ctx.note({ caseId: row.case_id, record: `referral:${row.id}` });
  return row;
}

function current(ctx: RunContext, row: ReferralRow): Referral {
  return referralsOf(ctx.db, row.case_id, ctx.now, row.id)[0]!;
}

function requireVersion(ctx: RunContext, row: ReferralRow, version: number): void {
  if (row.version !== version) throw new AppError('conflict', 'Someone else changed this referral since you opened it.', { current: current(ctx, row) });
}

const columns: Record<keyof ReferralFields, string> = {
  subject: 'subject',
  personId: 'person_id',
  serviceKind: 'service_kind',
  serviceName: 'service_name',
  contact: 'contact',
  sentAt: 'sent_at',
  consentBasis: 'consent_basis',
  followUpOn: 'follow_up_on',
  notes: 'notes',
};

function fieldsOf(row: ReferralRow): ReferralFields {
  return {
    subject: row.subject,
    personId: row.person_id,
    serviceKind: row.service_kind,
    serviceName: row.service_name,
    contact: row.contact,
    sentAt: row.sent_at,
    consentBasis: row.consent_basis,
    followUpOn: row.follow_up_on,
    notes: row.notes,
  };
}

export const referralHandlers = {
  'referrals.list': defineHandler('referrals.list', {
    run(input, ctx) {
      const { row, view } = requireCase(ctx.db, viewer(ctx), input.caseId);
      ctx.note({ caseId: row.id });
      return view === 'full' ? referralsOf(ctx.db, row.id, ctx.now) : [];
    },
  }),

  'referrals.save': defineHandler('referrals.save', {
    run(input, ctx) {
      const me = viewer(ctx);
      const { caseId, id, version, ...given } = input;
      const fields: ReferralFields = { ...given, sentAt: utc(given.sentAt) };
      const caseRow = requireFullCase(ctx, caseId);
      const before = id === null ? null : requireReferral(ctx, id, caseRow.id);
      if (before) requireVersion(ctx, before, version);
      rejectFuture(ctx.now, [{ path: ['sentAt'], value: fields.sentAt, kind: 'moment' }]);
      const previous = before ? fieldsOf(before) : null;
      // A correction is checked for what it changes: an adult since unlinked, a consent since withdrawn, do not block fixing a typo.
      if (!previous || previous.subject !== fields.subject || previous.personId !== fields.personId) checkSubject(ctx.db, caseRow.id, fields, ctx.now);
      if (!previous || previous.consentBasis !== fields.consentBasis) checkConsentBasis(ctx.db, caseRow.id, fields.consentBasis);
      checkFollowUp(ctx.db, fields.sentAt, fields.followUpOn);

      let referralId: number;
      if (!before) {
        const { lastInsertRowid } = ctx.db
          .prepare(
            `INSERT INTO referrals (case_id, subject, person_id, service_kind, service_name, contact, sent_at, sent_by, consent_basis, follow_up_on, notes)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(caseRow.id, fields.subject, fields.personId, fields.serviceKind, fields.serviceName, fields.contact, fields.sentAt, me.userId, fields.consentBasis, fields.followUpOn, fields.notes);
        referralId = Number(lastInsertRowid);
        ctx.db.prepare("INSERT INTO referral_history (referral_id, at, user_id, status, note) VALUES (?, ?, ?, 'sent', '')").run(referralId, fields.sentAt, me.userId);
        recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'referral_sent', { service: fields.serviceName, kind: fields.serviceKind });
        ctx.note({ record: `referral:${referralId}`, detail: `sent to ${fields.serviceKind}` });
      } else {
        referralId = before.id;
        const changed = (Object.keys(columns) as (keyof ReferralFields)[]).filter((k) => fields[k] !== previous![k]);
        if (changed.length > 0) {
          ctx.db
            .prepare(`UPDATE referrals SET ${changed.map((k) => `${columns[k]} = ?`).join(', ')}, version = version + 1 WHERE id = ?`)
            .run(...changed.map((k) => fields[k]), referralId);
          recordEvent(ctx.db, caseRow.id, me.userId, ctx.now, 'referral_updated', { service: fields.serviceName, fields: changed });
        }
        ctx.note({ detail: changed.length > 0 ? `changed ${changed.join(', ')}` : 'unchanged' });
      }
      ctx.emit({ entity: 'case', action: 'updated', id: caseRow.id });
      return referralsOf(ctx.db, caseRow.id, ctx.now, referralId)[0]!;
    },
  }),

  'referrals.setStatus': defineHandler('referrals.setStatus', {
    run(input, ctx) {
      const me = viewer(ctx);
      const row = requireReferral(ctx, input.referralId);
      requireVersion(ctx, row, input.version);
      if (!referralTransitions[row.status].includes(input.status)) throw fieldError(['status'], checkMessages.statusTransition);
      if (input.followUpOn !== null) checkFollowUp(ctx.db, row.sent_at, input.followUpOn);
      ctx.db
        .prepare('UPDATE referrals SET status = ?, follow_up_on = coalesce(?, follow_up_on), version = version + 1 WHERE id = ?')
        .run(input.status, input.followUpOn, row.id);
      ctx.db.prepare('INSERT INTO referral_history (referral_id, at, user_id, status, note) VALUES (?, ?, ?, ?, ?)').run(row.id, iso(ctx.now), me.userId, input.status, input.note);
      recordEvent(ctx.db, row.case_id, me.userId, ctx.now, 'referral_status', { service: row.service_name, from: row.status, to: input.status });
      ctx.note({ detail: `${row.status} → ${input.status}` });
      ctx.emit({ entity: 'case', action: 'updated', id: row.case_id });
      return current(ctx, referralRow(ctx.db, row.id)!);
    },
  }),
};
