import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { Referral, ReferralFields } from '../../shared/contract/followup-records';
import type { Role } from '../../shared/permissions';
import { databaseDigest } from '../support/core';
import { referral } from '../support/intake';
import { staffedCentre } from '../support/staff';
import { refusal, fieldRefusal } from '../support/refusal';

const MINUTE = 60_000;
/** A Sunday morning; the centre is in Bucharest (UTC+2 in November). */
const T0 = '2026-11-22T09:00:00.000Z';

const people = {
  coord: 'coordinator',
  social: 'child_protection',
  officer: 'police',
  outsider: 'child_protection',
} as const satisfies Record<string, Role>;
type Person = keyof typeof people;

const link = { legalGuardian: false, carer: false, mayBeInformed: true, informNote: '', allegedPerpetrator: false };

/** A centre in Bucharest; case A (Ana Pop) with her mother and her 14-year-old brother, the social worker and the officer on its team. */
async function centre() {
  const { clock, db, ids, as, later } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { ...rules, timeZone: 'Europe/Bucharest' });
  const created = await coord.call(
    'cases.create',
    referral(
      { firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' },
      {
        people: [
          { person: { new: { firstName: 'Maria', lastName: 'Pop', birthDate: '1988-04-04' } }, link: { ...link, relationship: 'mother', legalGuardian: true } },
          { person: { new: { firstName: 'Dan', lastName: 'Pop', birthDate: '2012-06-06' } }, link: { ...link, relationship: 'sibling' } },
        ],
      },
      clock.now(),
    ),
  );
  const caseId = created.id;
  for (const name of ['social', 'officer'] as const) await coord.call('cases.addMember', { caseId, userId: ids[name] });
  const [mother, brother] = created.people.map((p) => p.person.id) as [number, number];
  const other = await coord.call('cases.create', referral({ firstName: 'Eva', lastName: 'Lup' }, { people: [{ person: { new: { firstName: 'Ion', lastName: 'Lup' } }, link: { ...link, relationship: 'father' } }] }, clock.now()));
  const stranger = other.people[0]!.person.id;

  const fields = (more: Partial<ReferralFields> = {}): ReferralFields => ({
    subject: 'child',
    personId: null,
    serviceKind: 'mental_health',
    serviceName: 'Centrul de Sănătate Mintală Iași',
    contact: '+40 232 000 000',
    sentAt: '2026-11-22T08:00:00.000Z',
    consentBasis: 'legal_duty',
    followUpOn: '2026-11-24',
    notes: '',
    ...more,
  });
  const send = async (more: Partial<ReferralFields> = {}, who: Person = 'social') => (await as(who)).call('referrals.save', { caseId, id: null, version: 0, ...fields(more) });
  const sharingConsent = async (decision: 'given' | 'refused') =>
    coord.call('cases.recordConsent', { caseId, scope: 'information_sharing', decision, personId: mother, at: clock.now().toISOString(), note: '' });
  const timeline = async () => (await (await as('coord')).call('cases.timeline', { caseId, groups: ['referrals'] })).entries;
  const digest = () => databaseDigest(db, { exceptAudit: true });
  return { clock, ids, as, later, coord, caseId, otherCaseId: other.id, mother, brother, stranger, fields, send, sharingConsent, timeline, digest };
}

describe('referrals', () => {
  it('on the basis of consent need a standing information-sharing consent; other bases do not', async () => {
    const { as, coord, caseId, send, sharingConsent, digest, timeline } = await centre();
    const social = await as('social');
    expect(await fieldRefusal(send({ consentBasis: 'consent' }))).toEqual([{ path: ['consentBasis'], code: 'custom', message: checkMessages.sharingConsentRequired }]);
    await sharingConsent('refused');
    const afterRefusal = digest();
    expect(await fieldRefusal(send({ consentBasis: 'consent' }))).toEqual([{ path: ['consentBasis'], code: 'custom', message: checkMessages.sharingConsentRequired }]);
    expect(digest()).toBe(afterRefusal);

    const consent = await sharingConsent('given');
    const sent = await send({ consentBasis: 'consent' });
    expect(sent).toMatchObject({
      caseId,
      subject: 'child',
      personId: null,
      personName: null,
      serviceName: 'Centrul de Sănătate Mintală Iași',
      sentAt: '2026-11-22T08:00:00.000Z',
      sentBy: 'social display',
      consentBasis: 'consent',
      status: 'sent',
      followUpOn: '2026-11-24',
      overdue: false,
      version: 0,
    });
    expect(sent.history).toEqual([{ at: '2026-11-22T08:00:00.000Z', by: 'social display', status: 'sent', note: '' }]);
    expect((await timeline())[0]).toMatchObject({ kind: 'referral_sent', data: { service: 'Centrul de Sănătate Mintală Iași', kind: 'mental_health' } });

    // Withdrawn, the consent no longer carries a new referral; a legal duty does.
    await coord.call('cases.withdrawConsent', { caseId, consentId: consent.id, at: T0, note: '' });
    expect(await fieldRefusal(send({ consentBasis: 'consent' }))).toEqual([{ path: ['consentBasis'], code: 'custom', message: checkMessages.sharingConsentRequired }]);
    expect((await send({ consentBasis: 'child_protection_emergency', serviceKind: 'shelter', serviceName: 'Adăpost' })).status).toBe('sent');
    // Correcting the notes of the referral sent under the earlier consent is still possible.
    const { subject, personId, serviceKind, serviceName, contact, sentAt, consentBasis, followUpOn } = sent;
    const corrected = await social.call('referrals.save', {
      caseId,
      id: sent.id,
      version: 0,
      ...{ subject, personId, serviceKind, serviceName, contact, sentAt, consentBasis, followUpOn },
      notes: 'Waiting list of two weeks.',
    });
    expect(corrected).toMatchObject({ notes: 'Waiting list of two weeks.', consentBasis: 'consent', version: 1 });
    expect((await timeline())[0]).toMatchObject({ kind: 'referral_updated', data: { service: 'Centrul de Sănătate Mintală Iași', fields: ['notes'] } });
  });

  it('for an adult name one of the case’s adults; for the child or the family nobody', async () => {
    const { send, mother, brother, stranger, digest, as } = await centre();
    await as('social');
    const before = digest();
    const adultRequired = [{ path: ['personId'], code: 'custom', message: checkMessages.adultRequired }];
    expect(await fieldRefusal(send({ subject: 'adult', personId: null, serviceKind: 'perpetrator_programme' }))).toEqual(adultRequired);
    expect(await fieldRefusal(send({ subject: 'adult', personId: brother, serviceKind: 'perpetrator_programme' }))).toEqual(adultRequired);
    expect(await fieldRefusal(send({ subject: 'adult', personId: stranger, serviceKind: 'perpetrator_programme' }))).toEqual(adultRequired);
    expect(await fieldRefusal(send({ subject: 'family', personId: mother }))).toEqual([{ path: ['personId'], code: 'custom', message: checkMessages.noAdultForChild }]);
    expect(digest()).toBe(before);
    const sent = await send({ subject: 'adult', personId: mother, serviceKind: 'family_support', serviceName: 'Parenting programme' });
    expect(sent).toMatchObject({ subject: 'adult', personId: mother, personName: 'Maria Pop' });
  });

  it('check dates, versions and who may see and record them', async () => {
    const { as, send, fields, caseId, otherCaseId, digest } = await centre();
    const sent = await send();
    const social = await as('social');
    const officer = await as('officer');
    const outsider = await as('outsider');
    const before = digest();
    expect(await fieldRefusal(send({ sentAt: '2026-11-23T09:00:00.000Z' }))).toEqual([{ path: ['sentAt'], code: 'custom', message: checkMessages.dateFuture }]);
    // Sent on Sunday 00:30 in Bucharest (Saturday in UTC): a follow-up on Saturday is before it.
    expect(await fieldRefusal(send({ sentAt: '2026-11-21T22:30:00.000Z', followUpOn: '2026-11-21' }))).toEqual([
      { path: ['followUpOn'], code: 'custom', message: checkMessages.followUpBeforeSent },
    ]);
    expect(await fieldRefusal(social.call('referrals.setStatus', { referralId: sent.id, version: 0, status: 'accepted', note: '', followUpOn: '2026-11-20' }))).toEqual([
      { path: ['followUpOn'], code: 'custom', message: checkMessages.followUpBeforeSent },
    ]);
    const stale = await refusal(social.call('referrals.save', { caseId, id: sent.id, version: 3, ...fields({ notes: 'x' }) }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: Referral }).current).toEqual(sent);
    expect((await refusal(social.call('referrals.setStatus', { referralId: sent.id, version: 3, status: 'accepted', note: '', followUpOn: null }))).status).toBe(409);
    // Another case's id with this referral: 404, as for a referral that does not exist.
    expect((await refusal(social.call('referrals.save', { caseId: otherCaseId, id: sent.id, version: 0, ...fields() }))).status).toBe(404);
    // The officer reads referrals but does not record them; someone off the case neither.
    expect((await refusal(officer.call('referrals.save', { caseId, id: null, version: 0, ...fields() }))).status).toBe(403);
    expect((await refusal(outsider.call('referrals.list', { caseId }))).status).toBe(404);
    expect((await refusal(outsider.call('referrals.setStatus', { referralId: sent.id, version: 0, status: 'accepted', note: '', followUpOn: null }))).status).toBe(404);
    expect(digest()).toBe(before);
    expect((await officer.call('referrals.list', { caseId })).map((r) => r.id)).toEqual([sent.id]);
  });

  it('move along their path with a history; the follow-up is overdue once its day ends on the centre’s clock', async () => {
    const { as, later, send, timeline, digest } = await centre();
    const sent = await send({ followUpOn: '2026-11-24' });
    const second = await send({ serviceKind: 'school_support', serviceName: 'School counsellor', followUpOn: '2026-11-23' });
    const social = await as('social');

    const before = digest();
    expect(await fieldRefusal(social.call('referrals.setStatus', { referralId: sent.id, version: 0, status: 'done', note: '', followUpOn: null }))).toEqual([
      { path: ['status'], code: 'custom', message: checkMessages.statusTransition },
    ]);
    expect(digest()).toBe(before);
    const accepted = await social.call('referrals.setStatus', { referralId: sent.id, version: 0, status: 'accepted', note: 'First appointment on 3 December.', followUpOn: '2026-12-04' });
    expect(accepted).toMatchObject({ status: 'accepted', followUpOn: '2026-12-04', version: 1 });
    expect((await timeline())[0]).toMatchObject({ kind: 'referral_status', data: { service: 'Centrul de Sănătate Mintală Iași', from: 'sent', to: 'accepted' } });
    const declined = await social.call('referrals.setStatus', { referralId: second.id, version: 0, status: 'declined', note: 'No places.', followUpOn: null });
    expect(declined).toMatchObject({ status: 'declined', followUpOn: '2026-11-23' });
    expect(await fieldRefusal(social.call('referrals.setStatus', { referralId: second.id, version: 1, status: 'accepted', note: '', followUpOn: null }))).toEqual([
      { path: ['status'], code: 'custom', message: checkMessages.statusTransition },
    ]);
    const third = await send({ serviceKind: 'legal_aid', serviceName: 'Legal aid office', followUpOn: '2026-11-25' });

    // Open ones first, by follow-up date; the declined one last.
    expect((await social.call('referrals.list', { caseId: sent.caseId })).map((r) => r.id)).toEqual([third.id, sent.id, second.id]);

    // Wednesday 25 November ends at 22:00 UTC in Bucharest.
    later(Date.parse('2026-11-25T21:59:00.000Z') - Date.parse(T0));
    expect((await (await as('social')).call('referrals.list', { caseId: sent.caseId })).find((r) => r.id === third.id)?.overdue).toBe(false);
    later(2 * MINUTE);
    const list = await (await as('social')).call('referrals.list', { caseId: sent.caseId });
    expect(list.map((r) => [r.id, r.overdue])).toEqual([
      [third.id, true],
      [sent.id, false],
      [second.id, false],
    ]);

    const progressed = await (await as('social')).call('referrals.setStatus', { referralId: third.id, version: 0, status: 'in_progress', note: '', followUpOn: null });
    expect(progressed.overdue).toBe(true);
    const done = await (await as('social')).call('referrals.setStatus', { referralId: third.id, version: 1, status: 'done', note: 'Lawyer appointed.', followUpOn: null });
    expect(done.overdue).toBe(false);
    expect(done.history.map((h) => [h.status, h.note, h.by])).toEqual([
      ['sent', '', 'social display'],
      ['in_progress', '', 'social display'],
      ['done', 'Lawyer appointed.', 'social display'],
    ]);
    expect(done.history[2]!.at).toBe('2026-11-25T22:01:00.000Z');
  });
});
