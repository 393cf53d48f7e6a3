import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { Client } from '../../shared/client';
import type { LinkFields } from '../../shared/contract/case-records';
import type { Role } from '../../shared/permissions';
import { openCore } from '../../electron/core/core';
import { migrations } from '../../electron/core/db/migrations';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { TestClock, databaseDigest, inProcessClient, setUpCentre, signInWith } from '../support/core';
import { HOURS, MON, local } from '../support/bucharest';
import { startTestHost, type TestHost } from '../support/host';
import { referral } from '../support/intake';
import { addStaff, STAFF_PASSWORD, staffedCentre } from '../support/staff';
import { fieldRefusal } from '../support/refusal';
import { tempDir } from '../support/temp';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = '2026-11-22T09:00:00.000Z';
const daysAgo = (n: number) => new Date(Date.parse(T0) - n * DAY).toISOString();

const people = { coord: 'coordinator', therapist: 'therapist', doc: 'medical', iv: 'forensic_interviewer' } as const satisfies Record<string, Role>;

const mother: LinkFields = { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false };
/** The step-father as the intake form sent him before: "alleged perpetrator" ticked, "may be informed" still ticked by default. */
const stepFather: LinkFields = { relationship: 'step_parent', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: true };

const field = (path: (string | number)[], message: string) => [{ path, code: 'custom', message }];

async function centre() {
  const { clock, db, ids, as, admin } = await staffedCentre({ at: T0, people });
  const coord = await as('coord');
  const digest = () => databaseDigest(db, { exceptAudit: true });
  /** A case with the mother (who may be informed) and the step-father, who may not. */
  const newCase = async () => {
    const created = await coord.call(
      'cases.create',
      referral(
        { firstName: 'Ana', lastName: 'Pop', birthDate: '2016-01-01' },
        {
          fields: { receivedAt: daysAgo(1), source: 'school', urgency: 'urgent', perpetrator: 'step_parent' },
          people: [
            { person: { new: { firstName: 'Elena', lastName: 'Pop' } }, link: mother },
            { person: { new: { firstName: 'Dorin', lastName: 'Stan' } }, link: { ...stepFather, mayBeInformed: false, informNote: 'Named by the child.' } },
          ],
        },
        clock.now(),
      ),
    );
    for (const name of ['therapist', 'doc', 'iv'] as const) await coord.call('cases.addMember', { caseId: created.id, userId: ids[name] });
    const [motherId, stepFatherId] = created.people.map((p) => p.person.id) as [number, number];
    return { caseId: created.id, motherId, stepFatherId };
  };
  const consent = (caseId: number, scope: 'therapy' | 'medical_exam' | 'information_sharing', personId: number | null) =>
    coord.call('cases.recordConsent', { caseId, scope, decision: 'given', personId, at: new Date(clock.now().getTime() - MINUTE).toISOString(), note: '' });
  return { clock, db, ids, as, admin, coord, digest, newCase, consent };
}

describe('an alleged perpetrator is not informed by default', () => {
  it('registering one marked "may be informed" is refused with the field of that person, changing nothing', async () => {
    const { coord, clock, digest } = await centre();
    const before = digest();
    const intake = referral({ firstName: 'Ana', lastName: 'Pop' }, { people: [{ person: { new: { firstName: 'Elena', lastName: 'Pop' } }, link: mother }, { person: { new: { firstName: 'Dorin', lastName: 'Stan' } }, link: stepFather }] }, clock.now());
    expect(await fieldRefusal(coord.call('cases.create', intake))).toEqual(field(['people', 1, 'link', 'mayBeInformed'], checkMessages.perpetratorInformed));
    expect(digest()).toBe(before);
  });

  it('adding one to a case, or naming an informed adult as the alleged perpetrator, is refused the same way', async () => {
    const { coord, newCase, digest } = await centre();
    const { caseId, motherId } = await newCase();
    const before = digest();
    expect(await fieldRefusal(coord.call('cases.addPerson', { caseId, person: { new: { firstName: 'Ion', lastName: 'Stan' } }, link: stepFather }))).toEqual(
      field(['link', 'mayBeInformed'], checkMessages.perpetratorInformed),
    );
    // The mother is informed; naming her without taking that back is refused.
    expect(await fieldRefusal(coord.call('cases.updateLink', { caseId, personId: motherId, version: 0, changes: { allegedPerpetrator: true } }))).toEqual(
      field(['changes', 'mayBeInformed'], checkMessages.perpetratorInformed),
    );
    expect(digest()).toBe(before);
  });

  it('an explicit override needs a reason; with one it is kept, shown, and lapses when the allegation is taken back', async () => {
    const { coord, newCase } = await centre();
    const { caseId, stepFatherId } = await newCase();
    expect(await fieldRefusal(coord.call('cases.updateLink', { caseId, personId: stepFatherId, version: 0, changes: { mayBeInformed: true, informOverride: true, informNote: ' ' } }))).toEqual(
      field(['changes', 'informNote'], checkMessages.overrideReason),
    );
    const overridden = await coord.call('cases.updateLink', {
      caseId,
      personId: stepFatherId,
      version: 0,
      changes: { mayBeInformed: true, informOverride: true, informNote: 'The prosecutor asked that he be summoned.' },
    });
    expect(overridden).toMatchObject({ mayBeInformed: true, allegedPerpetrator: true, informOverride: true, version: 1 });
    // Another change keeps the override in force.
    expect(await coord.call('cases.updateLink', { caseId, personId: stepFatherId, version: 1, changes: { carer: false } })).toMatchObject({ informOverride: true, mayBeInformed: true });
    // Taking the allegation back ends the override: naming him again needs a new one.
    expect(await coord.call('cases.updateLink', { caseId, personId: stepFatherId, version: 2, changes: { allegedPerpetrator: false } })).toMatchObject({ informOverride: false });
    expect(await fieldRefusal(coord.call('cases.updateLink', { caseId, personId: stepFatherId, version: 3, changes: { allegedPerpetrator: true } }))).toEqual(
      field(['changes', 'mayBeInformed'], checkMessages.perpetratorInformed),
    );
  });

  it('a blind interviewer is not told of an override either: it would name the suspect', async () => {
    const { coord, as, newCase, admin } = await centre();
    const policy = await admin.call('security.getPolicy', {});
    await admin.call('security.updatePolicy', { ...policy, blindInterviewer: true });
    const { caseId, stepFatherId } = await newCase();
    await coord.call('cases.updateLink', { caseId, personId: stepFatherId, version: 0, changes: { mayBeInformed: true, informOverride: true, informNote: 'Summoned by the prosecutor.' } });
    const seen = await (await as('iv')).call('cases.get', { caseId });
    expect(seen.view).toBe('blind');
    expect(seen.people.find((p) => p.person.id === stepFatherId)).toMatchObject({ allegedPerpetrator: null, informOverride: false, informNote: '' });
  });
});

describe('consent from the alleged perpetrator', () => {
  it('is refused over HTTPS with 400 on personId, the words the screen shows, and nothing stored', async () => {
    const host: TestHost = await startTestHost();
    try {
      const admin = await host.client();
      await setUpCentre(admin);
      await addStaff(host.host.core.store.db, { coord: 'coordinator' }, { createdAt: T0 });
      const coord = await host.client();
      await coord.call('auth.login', { username: 'coord', password: STAFF_PASSWORD });
      const created = await coord.call(
        'cases.create',
        referral({ firstName: 'Ana', lastName: 'Pop' }, { people: [{ person: { new: { firstName: 'Dorin', lastName: 'Stan' } }, link: { ...stepFather, mayBeInformed: false } }] }, new Date()),
      );
      const stepFatherId = created.people[0]!.person.id;
      const before = databaseDigest(host.host.core.store.db, { exceptAudit: true });
      const issues = await fieldRefusal(
        coord.call('cases.recordConsent', { caseId: created.id, scope: 'therapy', decision: 'given', personId: stepFatherId, at: new Date(Date.now() - MINUTE).toISOString(), note: '' }),
      );
      expect(issues).toEqual(field(['personId'], checkMessages.perpetratorConsent));
      expect(databaseDigest(host.host.core.store.db, { exceptAudit: true })).toBe(before);
    } finally {
      await host.close();
    }
  });

  it('a guardian named as the alleged perpetrator after consenting no longer counts: therapy and referrals need another consent', async () => {
    const { coord, newCase, consent, as } = await centre();
    const { caseId, motherId } = await newCase();
    await consent(caseId, 'therapy', motherId);
    const therapist = await as('therapist');
    expect((await therapist.call('therapy.get', { caseId })).consent).toMatchObject({ state: 'given', byName: 'Elena Pop' });
    await consent(caseId, 'information_sharing', motherId);
    await coord.call('cases.updateLink', { caseId, personId: motherId, version: 0, changes: { allegedPerpetrator: true, mayBeInformed: false } });
    expect((await therapist.call('therapy.get', { caseId })).consent).toEqual({ state: 'none', at: null, byName: '' });
    // Referring on the basis of consent looks past her decision too.
    const referral = {
      caseId,
      id: null,
      version: 0,
      subject: 'child',
      personId: null,
      serviceKind: 'mental_health',
      serviceName: 'Centrul de Sănătate Mintală',
      contact: '',
      sentAt: new Date(Date.parse(T0) - MINUTE).toISOString(),
      consentBasis: 'consent',
      followUpOn: '2026-11-28',
      notes: '',
    } as const;
    expect(await fieldRefusal(coord.call('referrals.save', referral))).toEqual(field(['consentBasis'], checkMessages.sharingConsentRequired));
    // The child's own consent counts.
    await consent(caseId, 'therapy', null);
    expect((await therapist.call('therapy.get', { caseId })).consent).toMatchObject({ state: 'given', byName: 'Ana Pop' });
  });
});

describe('one consent rule for medical and therapy work', () => {
  const attended = { id: null, version: 0, startsAt: daysAgo(2), durationMinutes: 50, type: 'crisis_intervention', attendance: 'attended', notes: 'Calm.' } as const;

  it('by default an attended session or an assessment without a therapy consent is refused, saying which consent is missing', async () => {
    const { as, newCase, digest } = await centre();
    const { caseId } = await newCase();
    const therapist = await as('therapist');
    const before = digest();
    expect(await fieldRefusal(therapist.call('therapy.saveSession', { caseId, ...attended }))).toEqual(field(['attendance'], checkMessages.therapyConsentRequired));
    expect(await fieldRefusal(therapist.call('therapy.saveAssessment', { caseId, id: null, version: 0, instrument: 'CATS', score: '24', assessedOn: '2026-11-21', notes: '' }))).toEqual(
      field(['assessedOn'], checkMessages.therapyConsentRequired),
    );
    expect(digest()).toBe(before);
    // Planning a session, or noting one missed, gives no therapy.
    const planned = await therapist.call('therapy.saveSession', { caseId, ...attended, startsAt: new Date(Date.parse(T0) + DAY).toISOString(), attendance: 'planned' });
    const missed = await therapist.call('therapy.saveSession', { caseId, ...attended, attendance: 'no_show' });
    expect(await fieldRefusal(therapist.call('therapy.saveSession', { caseId, ...attended, id: missed.id, version: missed.version }))).toEqual(
      field(['attendance'], checkMessages.therapyConsentRequired),
    );
    expect(planned.attendance).toBe('planned');
  });

  it('under the centre’s "warn" rule medical and therapy work alike is accepted, and the timeline says it went ahead without consent', async () => {
    const { admin, as, newCase, coord, clock, ids } = await centre();
    const { caseId } = await newCase();
    const current = await admin.call('centre.get', {});
    expect(current.careConsentRule).toBe('refuse');
    expect((await admin.call('centre.update', { name: current.name, careConsentRule: 'warn', version: current.version })).careConsentRule).toBe('warn');

    const therapist = await as('therapist');
    const session = await therapist.call('therapy.saveSession', { caseId, ...attended });
    expect(session.attendance).toBe('attended');

    // The medical exam follows the same rule: recorded without a consent, with the warning on the timeline.
    const exam = await bookExam(coord, caseId, ids.doc);
    const held = await (await as('doc')).call('medical.record', { examId: exam.id, version: exam.version, performedAt: clock.now().toISOString(), findings: 'None.', teamSummary: '' });
    expect(held.status).toBe('held');

    const timeline = (await coord.call('cases.timeline', { caseId, groups: ['therapy', 'medical'] })).entries;
    expect(timeline.find((e) => e.kind === 'therapy_session_logged')?.data).toMatchObject({ withoutConsent: true });
    expect(timeline.find((e) => e.kind === 'medical_exam_held')?.data).toMatchObject({ withoutConsent: true });
  });

  it('under the default rule the medical exam is refused the same way, naming its own consent', async () => {
    const { as, newCase, coord, clock, ids } = await centre();
    const { caseId } = await newCase();
    const exam = await bookExam(coord, caseId, ids.doc);
    const doc = await as('doc');
    expect(await fieldRefusal(doc.call('medical.record', { examId: exam.id, version: exam.version, performedAt: clock.now().toISOString(), findings: 'None.', teamSummary: '' }))).toEqual(
      field(['performedAt'], checkMessages.examConsentRequired),
    );
  });
});

/** A forensic exam on Monday morning in a new medical room, with the doctor on the case team. */
async function bookExam(coord: Client, caseId: number, doctorId: number) {
  const rules = (await coord.call('resources.list', {})).rules;
  await coord.call('resources.saveRules', { version: rules.version, timeZone: 'Europe/Bucharest', hours: HOURS, bufferMinutes: 30, dailyLimit: 2 });
  const room = await coord.call('resources.saveRoom', { id: null, version: 0, name: 'Medical room', kind: 'medical', equipment: '', active: true });
  return coord.call('medical.schedule', {
    caseId,
    kind: 'forensic',
    startsAt: local(MON, '10:00'),
    durationMinutes: 60,
    roomId: room.id,
    examinerId: doctorId,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    purpose: '',
  });
}

describe('case-level perpetrator categories', () => {
  it('count step-parents apart, like the person’s relationship', async () => {
    const { coord, newCase } = await centre();
    const { caseId } = await newCase();
    expect((await coord.call('cases.get', { caseId })).fields?.perpetrator).toBe('step_parent');
  });

  it('migration 018 files a case whose only alleged perpetrators are step-parents as step-parent, and stops informing alleged perpetrators', async () => {
    const clock = new TestClock(new Date(T0));
    const file = path.join(tempDir(), DATABASE_FILE);
    const key = randomBytes(32);
    const mine = migrations.findIndex((m) => m.name === 'child-safety');
    const before = openCore({ file, key, clock, migrations: migrations.slice(0, mine + 1), log: () => undefined });
    const db = before.store.db;
    // Today's handlers also read what later migrations add to a case; lent for the set-up, taken back below.
    const later = ['legal_hold_at', 'legal_hold_by', 'legal_hold_reason'];
    for (const column of later) db.exec(`ALTER TABLE cases ADD COLUMN ${column} ${column === 'legal_hold_by' ? 'INTEGER' : 'TEXT'}`);
    await setUpCentre(inProcessClient(before));
    await addStaff(db, { coord: 'coordinator' }, { createdAt: T0 });
    const coord = await signInWith(before, 'coord', STAFF_PASSWORD);
    const make = async (perpetrator: 'other' | 'relative' | 'father', adults: [string, LinkFields][]) => {
      const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, { fields: { receivedAt: daysAgo(1), source: 'school', urgency: 'routine', perpetrator } }, clock.now()));
      for (const [name, link] of adults) {
        const { lastInsertRowid } = db.prepare("INSERT INTO persons (first_name, last_name, created_at, created_by, updated_at) VALUES (?, 'Stan', ?, 1, ?)").run(name, T0, T0);
        db.prepare(
          `INSERT INTO case_people (case_id, person_id, relationship, legal_guardian, carer, may_be_informed, inform_note, alleged_perpetrator, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(created.id, lastInsertRowid, link.relationship, +link.legalGuardian, +link.carer, +link.mayBeInformed, link.informNote, +link.allegedPerpetrator, T0);
      }
      return created.id;
    };
    const filedAsOther = await make('other', [['Dorin', stepFather], ['Elena', mother]]);
    const filedAsRelative = await make('relative', [['Mihai', stepFather]]);
    const twoSuspects = await make('other', [['Vlad', stepFather], ['Ion', { ...stepFather, relationship: 'other_relative' }]]);
    const father = await make('father', [['Petru', { ...stepFather, relationship: 'father', mayBeInformed: false }]]);
    // Back to the schema before 018 (today's handlers cannot run on it, so the cases were registered first).
    db.exec('ALTER TABLE case_people DROP COLUMN inform_override; ALTER TABLE centre DROP COLUMN care_consent_rule');
    for (const column of later) db.exec(`ALTER TABLE cases DROP COLUMN ${column}`);
    db.pragma(`user_version = ${mine}`);
    before.close();

    const after = openCore({ file, key, clock, log: () => undefined });
    const read = (caseId: number) => after.store.db.prepare('SELECT perpetrator, version FROM cases WHERE id = ?').get(caseId) as { perpetrator: string; version: number };
    expect(read(filedAsOther)).toEqual({ perpetrator: 'step_parent', version: 1 });
    expect(read(filedAsRelative).perpetrator).toBe('step_parent');
    // Two suspects with different relationships, or a category that already says who: left as filed.
    expect(read(twoSuspects)).toEqual({ perpetrator: 'other', version: 0 });
    expect(read(father).perpetrator).toBe('father');
    const links = after.store.db.prepare('SELECT relationship, may_be_informed, alleged_perpetrator, inform_override, version FROM case_people WHERE case_id = ? ORDER BY person_id').all(filedAsOther);
    expect(links).toEqual([
      { relationship: 'step_parent', may_be_informed: 0, alleged_perpetrator: 1, inform_override: 0, version: 1 },
      { relationship: 'mother', may_be_informed: 1, alleged_perpetrator: 0, inform_override: 0, version: 0 },
    ]);
    expect((after.store.db.prepare('SELECT care_consent_rule FROM centre').get() as { care_consent_rule: string }).care_consent_rule).toBe('refuse');
    after.close();
  });
});
