import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../shared/contract';
import type { Client } from '../../shared/client';
import type { CaseDetail, LinkFields } from '../../shared/contract/case-records';
import type { CaseQuery, Intake } from '../../shared/contract/methods/cases';
import { openCore, type Core } from '../../electron/core/core';
import { migrations } from '../../electron/core/db/migrations';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { TestClock, databaseDigest, inProcessClient, insertUser, openTestCore, setUpCentre, signInWith } from '../support/core';
import { referral } from '../support/intake';
import { tempDir } from '../support/temp';
import { refusal } from '../support/refusal';

const PASSWORD = 'intake test sentence long';
const HOUR = 3_600_000;

const mother: LinkFields = { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false };
const father: LinkFields = { relationship: 'father', legalGuardian: true, carer: false, mayBeInformed: false, informNote: 'Named by the child.', allegedPerpetrator: true };

const signIn = (core: Core, username: string): Promise<Client> => signInWith(core, username, PASSWORD);

/** A centre with two coordinators (each off the other's restricted cases) and a police officer. */
async function centre(clock = new TestClock()) {
  const { core } = openTestCore({ clock });
  const admin = await setUpCentre(inProcessClient(core));
  const db = core.store.db;
  const ids = {
    coord: await insertUser(db, 'coord', PASSWORD, ['coordinator']),
    coord2: await insertUser(db, 'coord2', PASSWORD, ['coordinator']),
    police: await insertUser(db, 'officer', PASSWORD, ['police']),
  };
  return { core, db, clock, admin, ids, coord: await signIn(core, 'coord'), coord2: await signIn(core, 'coord2') };
}

const count = (core: Core, table: string) => (core.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('intake', () => {
  it('registers a referral with a new child and a guardian: case, people, deadlines from now, its coordinator', async () => {
    const { coord, ids, core } = await centre();
    const detail = await coord.call(
      'cases.create',
      referral(
        { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2016-04-02', gender: 'male', languages: ['Bulgarian', 'Romani'] },
        {
          reported: 'Bruises from home.',
          fields: {
            receivedAt: '2026-11-22T07:30:00.000Z',
            source: 'school',
            urgency: 'urgent',
            referrerName: 'Maria Ionescu',
            violenceTypes: ['physical'],
            place: 'home',
            perpetrator: 'father',
          },
          people: [{ person: { new: { firstName: 'Elena', lastName: 'Petrova', phone: '+359 88 000 0000' } }, link: mother }],
        },
      ),
    );
    expect(detail).toMatchObject({
      reference: 'BH-2026-0001',
      status: 'referral',
      restricted: false,
      view: 'full',
      version: 0,
      createdAt: '2026-11-22T09:00:00.000Z',
      fields: {
        receivedAt: '2026-11-22T07:30:00.000Z',
        source: 'school',
        urgency: 'urgent',
        referrerName: 'Maria Ionescu',
        referrerContact: '',
        reported: 'Bruises from home.',
        violenceTypes: ['physical'],
        place: 'home',
        perpetrator: 'father',
        policeFile: '',
        trafficking: [],
      },
      child: { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2016-04-02', gender: 'male', languages: ['Bulgarian', 'Romani'], age: 10, version: 0 },
      ageAtReferral: 10,
      consents: [],
      tasks: [],
      interviewDoneAt: null,
      closure: null,
      coordinator: { userId: ids.coord, displayName: 'coord' },
    });
    expect(detail.people).toMatchObject([
      {
        person: { firstName: 'Elena', lastName: 'Petrova', phone: '+359 88 000 0000', birthDate: null, gender: 'unknown', age: null },
        ...mother,
        version: 0,
      },
    ]);
    expect(detail.team.map((m) => m.userId)).toEqual([ids.coord]);
    // Deadlines run from registration (the host's now), not from when the call came in.
    expect(detail.deadlines).toEqual([
      { milestone: 'initial_assessment', dueAt: '2026-11-25T09:00:00.000Z', doneAt: null, state: 'open' },
      { milestone: 'interview', dueAt: '2026-12-06T09:00:00.000Z', doneAt: null, state: 'open' },
      { milestone: 'intervention_plan', dueAt: '2026-12-22T09:00:00.000Z', doneAt: null, state: 'open' },
    ]);
    expect(await coord.call('cases.get', { caseId: detail.id })).toEqual(detail);
    expect(count(core, 'persons')).toBe(2);

    const timeline = await coord.call('cases.timeline', { caseId: detail.id });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['person_added', { name: 'Elena Petrova', relationship: 'mother' }],
      ['created', { reference: 'BH-2026-0001' }],
    ]);

    const second = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }));
    expect(second.reference).toBe('BH-2026-0002');
    expect(second.child.id).not.toBe(detail.child.id);
  });

  it('counts the interview deadline in the centre’s days, for cases registered from then on', async () => {
    const { admin, coord } = await centre();
    const before = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }));
    const settings = await admin.call('centre.get', {});
    expect(settings.interviewDeadlineDays).toBe(14);
    const changed = await admin.call('centre.update', { name: settings.name, interviewDeadlineDays: 7, version: settings.version });
    // Renaming the centre (as API clients that know nothing of deadlines do) keeps the deadline.
    const renamed = await admin.call('centre.update', { name: 'Barnahus Cluj-Napoca', version: changed.version });
    expect(renamed).toMatchObject({ name: 'Barnahus Cluj-Napoca', interviewDeadlineDays: 7 });
    const after = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Pop' }));
    const interview = (c: CaseDetail) => c.deadlines.find((d) => d.milestone === 'interview')?.dueAt;
    expect(interview(after)).toBe('2026-11-29T09:00:00.000Z');
    expect(interview(await coord.call('cases.get', { caseId: before.id }))).toBe('2026-12-06T09:00:00.000Z');
  });

  it('finds a person already known, typed in Latin letters for a Cyrillic name, and links them instead of entering them again', async () => {
    const { coord, core } = await centre();
    const first = await coord.call(
      'cases.create',
      referral(
        { firstName: 'Иван', lastName: 'Петров', birthDate: '2016-04-02' },
        { people: [{ person: { new: { firstName: 'Елена', lastName: 'Петрова' } }, link: mother }] },
      ),
    );
    const motherId = first.people[0]!.person.id;

    const found = await coord.call('people.search', { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2016-04-02' });
    expect(found).toEqual([
      {
        personId: first.child.id,
        firstName: 'Иван',
        lastName: 'Петров',
        birthDate: '2016-04-02',
        score: 1,
        strength: 'exact',
        cases: [{ caseId: first.id, reference: first.reference, role: 'child' }],
      },
    ]);
    // Another birth date: still offered, but not as the same child.
    const otherBirth = await coord.call('people.search', { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2015-01-01' });
    expect(otherBirth.map((m) => m.personId)).toEqual([first.child.id]);
    expect(otherBirth[0]!.strength).not.toBe('exact');
    expect(otherBirth[0]!.score).toBeLessThan(found[0]!.score);
    expect((await coord.call('people.search', { firstName: 'Elena', lastName: 'Petrova' })).map((m) => [m.personId, m.cases[0]?.role])).toEqual([
      [motherId, 'mother'],
    ]);

    const persons = count(core, 'persons');
    const second = await coord.call(
      'cases.create',
      referral({ firstName: 'x', lastName: 'x' }, { child: { personId: first.child.id }, people: [{ person: { personId: motherId }, link: mother }] }),
    );
    expect(second.child).toMatchObject({ id: first.child.id, firstName: 'Иван', lastName: 'Петров' });
    expect(second.people.map((p) => p.person.id)).toEqual([motherId]);
    expect(count(core, 'persons')).toBe(persons);

    const again = await coord.call('people.search', { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2016-04-02' });
    expect(again[0]!.cases.map((c) => c.caseId).sort()).toEqual([first.id, second.id].sort());
  });

  it('finds a Romanian name typed without its diacritics, and a Bulgarian one in another romanisation', async () => {
    const { coord } = await centre();
    const stefan = await coord.call('cases.create', referral({ firstName: 'Ștefan', lastName: 'Țăranu', birthDate: '2015-06-01' }));
    const hristo = await coord.call('cases.create', referral({ firstName: 'Христо', lastName: 'Щерев' }));
    expect((await coord.call('people.search', { firstName: 'Stefan', lastName: 'Taranu' })).map((m) => m.personId)).toEqual([stefan.child.id]);
    expect((await coord.call('people.search', { lastName: 'taranu' })).map((m) => m.firstName)).toEqual(['Ștefan']);
    expect((await coord.call('people.search', { firstName: 'Khristo', lastName: 'Shterev' })).map((m) => m.personId)).toEqual([hristo.child.id]);
    // Given in the other order, as registries sometimes do.
    expect((await coord.call('people.search', { firstName: 'Taranu', lastName: 'Stefan' })).map((m) => m.personId)).toEqual([stefan.child.id]);
    expect(await coord.call('people.search', { firstName: 'Maria', lastName: 'Ionescu' })).toEqual([]);
  });

  it('people.search does not reveal a person known only from a restricted case the caller is not on, nor may they link them', async () => {
    const { coord, coord2, core } = await centre();
    const hidden = await coord.call('cases.create', referral({ firstName: 'Мария', lastName: 'Георгиева', birthDate: '2014-02-03' }, { restricted: true }));
    const query = { firstName: 'Maria', lastName: 'Georgieva', birthDate: '2014-02-03' };
    expect((await coord.call('people.search', query)).map((m) => m.personId)).toEqual([hidden.child.id]);
    expect(await coord2.call('people.search', query)).toEqual([]);

    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const refused = await refusal(coord2.call('cases.create', referral({ firstName: 'x', lastName: 'x' }, { child: { personId: hidden.child.id } })));
    expect(refused.status).toBe(404);
    const asAdult = await refusal(
      coord2.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, { people: [{ person: { personId: hidden.child.id }, link: mother }] })),
    );
    expect(asAdult.status).toBe(404);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);

    // Once she is also on a case coord2 may see, coord2 finds her, with only that case.
    const open = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, { people: [{ person: { personId: hidden.child.id }, link: { ...mother, relationship: 'sibling' } }] }));
    expect(await coord2.call('people.search', query)).toEqual([
      expect.objectContaining({ personId: hidden.child.id, cases: [{ caseId: open.id, reference: open.reference, role: 'sibling' }] }),
    ]);
  });

  it('refuses a birth date or a referral in the future with the field’s path, changing nothing', async () => {
    const { coord, core } = await centre();
    const db = core.store.db;
    const before = databaseDigest(db, { exceptAudit: true });
    const future = { path: [] as (string | number)[], code: 'custom', message: checkMessages.dateFuture };

    const born = await refusal(coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2026-11-23' })));
    expect(born.status).toBe(400);
    expect(born.code).toBe('invalid_input');
    expect(born.issues).toEqual([{ ...future, path: ['child', 'new', 'birthDate'] }]);

    const received = await refusal(
      coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, { fields: { receivedAt: '2026-11-22T10:00:00.000Z', source: 'police', urgency: 'routine' } })),
    );
    expect(received.status).toBe(400);
    expect(received.issues).toEqual([{ ...future, path: ['fields', 'receivedAt'] }]);

    const adult = await refusal(
      coord.call(
        'cases.create',
        referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2030-01-01' }, { people: [{ person: { new: { firstName: 'Ioana', lastName: 'Pop', birthDate: '2027-01-01' } }, link: mother }] }),
      ),
    );
    expect(adult.issues.map((i) => i.path)).toEqual([
      ['child', 'new', 'birthDate'],
      ['people', 0, 'person', 'new', 'birthDate'],
    ]);
    expect(databaseDigest(db, { exceptAudit: true })).toBe(before);

    // Today is not the future; a few minutes' clock skew between workstations is forgiven.
    const today = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2026-11-22' }, { fields: { receivedAt: '2026-11-22T09:02:00.000Z', source: 'health', urgency: 'emergency' } }));
    expect(today.child.age).toBe(0);

    const edited = databaseDigest(db, { exceptAudit: true });
    const update = await refusal(coord.call('cases.updatePerson', { caseId: today.id, personId: today.child.id, version: 0, changes: { birthDate: '2026-12-01' } }));
    expect(update.issues).toEqual([{ ...future, path: ['changes', 'birthDate'] }]);
    const later = await refusal(coord.call('cases.update', { caseId: today.id, version: today.version, changes: { receivedAt: '2026-11-23T00:00:00.000Z' } }));
    expect(later.issues).toEqual([{ ...future, path: ['changes', 'receivedAt'] }]);
    expect(databaseDigest(db, { exceptAudit: true })).toBe(edited);
  });

  it('refuses a category it does not know (400), changing nothing', async () => {
    const { coord, core } = await centre();
    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const base = referral({ firstName: 'Ana', lastName: 'Pop' });
    const wrong: [unknown, (string | number)[]][] = [
      [{ ...base, fields: { ...base.fields, source: 'horoscope' } }, ['fields', 'source']],
      [{ ...base, fields: { ...base.fields, violenceTypes: ['physical', 'witchcraft'] } }, ['fields', 'violenceTypes', 1]],
      [{ ...base, fields: { ...base.fields, trafficking: ['looks_suspicious'] } }, ['fields', 'trafficking', 0]],
      [{ ...base, fields: { ...base.fields, urgency: 'whenever' } }, ['fields', 'urgency']],
      [{ ...base, people: [{ person: { new: { firstName: 'A', lastName: 'B' } }, link: { ...mother, relationship: 'uncle' } }] }, ['people', 0, 'link', 'relationship']],
    ];
    for (const [input, path] of wrong) {
      const refused = await refusal(coord.call('cases.create', input as Intake));
      expect(refused.status, JSON.stringify(path)).toBe(400);
      expect(refused.issues.map((i) => i.path)).toContainEqual(path);
    }
    const list = await refusal(coord.call('cases.list', { violenceTypes: ['witchcraft'] } as unknown as CaseQuery));
    expect(list.status).toBe(400);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);
  });

  it('keeps a moment given with a UTC offset as the same instant in UTC, so lists sort and filter by the instant', async () => {
    const { coord } = await centre();
    // 01:00 in Sofia on 1 November is 23:00 UTC on 31 October, after the 22:00 UTC referral.
    const sofia = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, { fields: { receivedAt: '2026-11-01T01:00:00+02:00', source: 'police', urgency: 'routine' } }));
    const utcCase = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Pop' }, { fields: { receivedAt: '2026-10-31T22:00:00.000Z', source: 'police', urgency: 'routine' } }));
    expect(sofia.fields?.receivedAt).toBe('2026-10-31T23:00:00.000Z');
    const ids = async (query: CaseQuery) => (await coord.call('cases.list', query)).items.map((i) => i.id);
    expect(await ids({ sort: 'received', direction: 'asc' })).toEqual([utcCase.id, sofia.id]);
    expect(await ids({ receivedTo: '2026-10-31', sort: 'received', direction: 'asc' })).toEqual([utcCase.id, sofia.id]);
    // The same instant written another way is no change.
    const same = await coord.call('cases.update', { caseId: utcCase.id, version: utcCase.version, changes: { receivedAt: '2026-10-31T23:00:00+01:00' } });
    expect(same.version).toBe(utcCase.version);
    const moved = await coord.call('cases.update', { caseId: utcCase.id, version: utcCase.version, changes: { receivedAt: '2026-11-01T03:00:00+02:00' } });
    expect(moved.fields?.receivedAt).toBe('2026-11-01T01:00:00.000Z');
    expect(await ids({ sort: 'received', direction: 'asc' })).toEqual([sofia.id, utcCase.id]);
  });

  it('a trafficking indicator opens exactly one referral task to the national anti-trafficking mechanism', async () => {
    const { coord } = await centre();
    const ticked = await coord.call(
      'cases.create',
      referral({ firstName: 'Ana', lastName: 'Pop' }, { fields: { receivedAt: '2026-11-22T08:00:00.000Z', source: 'police', urgency: 'urgent', trafficking: ['works_or_begs', 'no_documents'] } }),
    );
    expect(ticked.tasks).toEqual([
      {
        id: ticked.tasks[0]?.id,
        kind: 'anti_trafficking_referral',
        dueAt: '2026-11-23T09:00:00.000Z',
        createdAt: '2026-11-22T09:00:00.000Z',
        state: 'open',
        resolvedAt: null,
        resolvedBy: null,
        note: '',
      },
    ]);
    // More indicators later: still the one task.
    const more = await coord.call('cases.update', { caseId: ticked.id, version: ticked.version, changes: { trafficking: ['works_or_begs', 'no_documents', 'owes_debt'] } });
    expect(more.tasks).toHaveLength(1);

    const plain = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Pop' }));
    expect(plain.tasks).toEqual([]);
    const other = await coord.call('cases.update', { caseId: plain.id, version: plain.version, changes: { reported: 'Sent to beg at a crossroads.' } });
    expect(other.tasks).toEqual([]);
    const flagged = await coord.call('cases.update', { caseId: plain.id, version: other.version, changes: { trafficking: ['works_or_begs'] } });
    expect(flagged.tasks.map((t) => [t.kind, t.state])).toEqual([['anti_trafficking_referral', 'open']]);
    const timeline = await coord.call('cases.timeline', { caseId: plain.id, groups: ['tasks'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([['task_created', { task: 'anti_trafficking_referral', indicators: ['works_or_begs'] }]]);
  });
});

describe('editing the case file', () => {
  it('edits the agencies’ file numbers, and finds the case by any of them', async () => {
    const { coord } = await centre();
    const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }));
    await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Ionescu' }));
    const edited = await coord.call('cases.update', {
      caseId: created.id,
      version: created.version,
      changes: { policeFile: 'P-1234/2026', prosecutorFile: 'Дп 77/2026' },
    });
    expect(edited.version).toBe(created.version + 1);
    expect(edited.fileNumbers).toEqual({ policeFile: 'P-1234/2026', prosecutorFile: 'Дп 77/2026', courtFile: '', childProtectionFile: '' });
    expect(edited.fields).toMatchObject({ policeFile: 'P-1234/2026', prosecutorFile: 'Дп 77/2026', reported: 'Disclosed to a teacher.' });

    const ids = async (query: string) => (await coord.call('cases.list', { query })).items.map((i) => i.id);
    expect(await ids('P-1234/2026')).toEqual([created.id]);
    expect(await ids('p1234/2026')).toEqual([created.id]);
    expect(await ids('1234')).toEqual([created.id]);
    expect(await ids('дп 77')).toEqual([created.id]);
    expect(await ids(created.reference)).toEqual([created.id]);
    expect(await ids('P-9999')).toEqual([]);

    // The old number no longer finds it.
    await coord.call('cases.update', { caseId: created.id, version: edited.version, changes: { policeFile: 'P-5555/2026' } });
    expect(await ids('1234')).toEqual([]);
    expect(await ids('5555')).toEqual([created.id]);
    const timeline = await coord.call('cases.timeline', { caseId: created.id, groups: ['referral'] });
    expect(timeline.entries.map((e) => [e.kind, e.data])).toEqual([
      ['updated', { fields: ['policeFile'] }],
      ['updated', { fields: ['policeFile', 'prosecutorFile'] }],
      ['created', { reference: created.reference }],
    ]);
  });

  it('refuses a stale edit of the case with 409 and the case as it now is, changing nothing', async () => {
    const { coord, coord2, core } = await centre();
    const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }));
    const mine = await coord.call('cases.get', { caseId: created.id });
    const theirs = await coord2.call('cases.update', { caseId: created.id, version: mine.version, changes: { urgency: 'emergency', policeFile: 'P-1/2026' } });
    expect(theirs.version).toBe(mine.version + 1);

    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const stale = await refusal(coord.call('cases.update', { caseId: created.id, version: mine.version, changes: { reported: 'Mine.' } }));
    expect(stale.status).toBe(409);
    expect(stale.code).toBe('conflict');
    const current = (stale.details as { current: CaseDetail }).current;
    expect(current).toEqual(await coord.call('cases.get', { caseId: created.id }));
    expect(current).toMatchObject({ version: theirs.version, fields: { urgency: 'emergency', policeFile: 'P-1/2026', reported: 'Disclosed to a teacher.' } });
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);

    // With the version just read, the edit goes through and keeps the other coordinator's change.
    const merged = await coord.call('cases.update', { caseId: created.id, version: current.version, changes: { reported: 'Mine.' } });
    expect(merged.fields).toMatchObject({ urgency: 'emergency', reported: 'Mine.' });
  });

  it('refuses a stale edit of a person with 409 and the person as they now are, changing nothing', async () => {
    const { coord, coord2, core } = await centre();
    const created = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop', birthDate: '2015-05-05' }));
    const child = created.child;
    const theirs = await coord2.call('cases.updatePerson', { caseId: created.id, personId: child.id, version: child.version, changes: { school: 'School no. 12' } });
    expect(theirs).toMatchObject({ version: child.version + 1, school: 'School no. 12' });

    const before = databaseDigest(core.store.db, { exceptAudit: true });
    const stale = await refusal(coord.call('cases.updatePerson', { caseId: created.id, personId: child.id, version: child.version, changes: { phone: '0722 000 000' } }));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: unknown }).current).toEqual(theirs);
    expect(databaseDigest(core.store.db, { exceptAudit: true })).toBe(before);

    // A person who is not on the case answers 404, even with the right version.
    const other = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Ionescu' }));
    const notHere = await refusal(coord.call('cases.updatePerson', { caseId: created.id, personId: other.child.id, version: 0, changes: { phone: '1' } }));
    expect(notHere.status).toBe(404);
  });

  it('a renamed person is found by the new name, in every case they appear in', async () => {
    const { coord } = await centre();
    const first = await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Dinu' }, { people: [{ person: { new: { firstName: 'Ioana', lastName: 'Pop' } }, link: mother }] }));
    const motherId = first.people[0]!.person.id;
    const second = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Dinu' }, { people: [{ person: { personId: motherId }, link: mother }] }));
    expect((await coord.call('cases.list', { query: 'pop' })).total).toBe(2);
    await coord.call('cases.updatePerson', { caseId: first.id, personId: motherId, version: 0, changes: { lastName: 'Vulpe' } });
    const ids = async (query: string) => (await coord.call('cases.list', { query, sort: 'reference', direction: 'asc' })).items.map((i) => i.id);
    expect(await ids('ioana vulpe')).toEqual([first.id, second.id]);
    expect(await ids('pop')).toEqual([]);
    expect((await coord.call('cases.get', { caseId: second.id })).people[0]!.person.lastName).toBe('Vulpe');
  });
});

describe('the case list', () => {
  /**
   * Four cases: Ivan Petrov (mother Elena Petrova) in initial assessment,
   * Ștefan Țăranu, Ana Popescu, and Maria Petrova, restricted, on coord's team only.
   */
  async function fourCases() {
    const c = await centre();
    const create = (child: Parameters<typeof referral>[0], more: Partial<Intake>) => c.coord.call('cases.create', referral(child, more));
    const ivan = await create(
      { firstName: 'Иван', lastName: 'Петров', birthDate: '2016-04-02' },
      {
        fields: { receivedAt: '2026-10-01T10:00:00.000Z', source: 'police', urgency: 'urgent', violenceTypes: ['physical'] },
        people: [{ person: { new: { firstName: 'Елена', lastName: 'Петрова' } }, link: mother }],
      },
    );
    const stefan = await create(
      { firstName: 'Ștefan', lastName: 'Țăranu', birthDate: '2012-01-15' },
      {
        fields: { receivedAt: '2026-11-01T23:30:00.000Z', source: 'child_helpline', urgency: 'routine', violenceTypes: ['sexual', 'cyber'] },
        people: [{ person: { new: { firstName: 'Gheorghe', lastName: 'Țăranu' } }, link: father }],
      },
    );
    const ana = await create({ firstName: 'Ana', lastName: 'Popescu' }, { fields: { receivedAt: '2026-11-20T08:00:00.000Z', source: 'school', urgency: 'routine', violenceTypes: ['neglect'] } });
    const maria = await create(
      { firstName: 'Мария', lastName: 'Петрова', birthDate: '2013-03-03' },
      { fields: { receivedAt: '2026-11-10T12:00:00.000Z', source: 'health', urgency: 'routine', violenceTypes: ['sexual'] }, restricted: true },
    );
    await c.coord.call('cases.changeStatus', { caseId: ivan.id, version: ivan.version, status: 'initial_assessment' });
    return { ...c, ivan: ivan.id, stefan: stefan.id, ana: ana.id, maria: maria.id };
  }

  const idsOf = async (client: Client, query: CaseQuery) => (await client.call('cases.list', query)).items.map((i) => i.id);

  it('finds names in any script and without diacritics, a relative’s name included; every word must match', async () => {
    const { coord, coord2, ivan, stefan, maria } = await fourCases();
    const sorted = { sort: 'reference', direction: 'asc' } as const;
    expect(await idsOf(coord, { query: 'petrov', ...sorted })).toEqual([ivan, maria]);
    expect(await idsOf(coord, { query: 'Петров', ...sorted })).toEqual([ivan, maria]);
    expect(await idsOf(coord, { query: 'ivan petrov', ...sorted })).toEqual([ivan]);
    expect(await idsOf(coord, { query: 'taranu', ...sorted })).toEqual([stefan]);
    expect(await idsOf(coord, { query: 'ȘTEFAN', ...sorted })).toEqual([stefan]);
    expect(await idsOf(coord, { query: 'elena', ...sorted })).toEqual([ivan]);
    expect(await idsOf(coord, { query: 'gheorghe taranu', ...sorted })).toEqual([stefan]);
    expect(await idsOf(coord, { query: 'stefan petrov', ...sorted })).toEqual([]);
    // coord2 is not on Maria's restricted team: the same search does not show it.
    expect(await idsOf(coord2, { query: 'petrov', ...sorted })).toEqual([ivan]);
  });

  it('a name search, or any filter, never reveals a restricted case the caller is not on', async () => {
    const { coord2, core, maria } = await fourCases();
    for (const query of ['мария', 'maria', 'petrova', 'maria petrova', 'BH-2026-0004'] as const) {
      const found = await coord2.call('cases.list', { query });
      expect(found.items.map((i) => i.id), query).not.toContain(maria);
      expect(found.total, query).toBe(found.items.length);
    }
    expect(await idsOf(coord2, { statuses: ['referral'] })).not.toContain(maria);
    expect(await idsOf(coord2, { violenceTypes: ['sexual'] })).not.toContain(maria);
    expect(await idsOf(coord2, { receivedFrom: '2026-11-10', receivedTo: '2026-11-10' })).toEqual([]);
    // Unfiltered, a coordinator sees that it exists, without the name.
    const all = await coord2.call('cases.list', {});
    expect(all.total).toBe(4);
    expect(all.items.find((i) => i.id === maria)).toEqual({
      id: maria,
      reference: 'BH-2026-0004',
      childName: null,
      age: null,
      status: null,
      restricted: true,
      accessible: false,
      receivedAt: null,
      createdAt: '2026-11-22T09:00:00.000Z',
      nextDueAt: null,
      overdue: false,
      coordinator: null,
    });
    // Others see only their own teams' cases.
    const officer = await signIn(core, 'officer');
    expect(await officer.call('cases.list', {})).toEqual({ items: [], total: 0 });
  });

  it('sorting does not place a restricted case the caller may not open by what it hides', async () => {
    const { coord, coord2, maria } = await fourCases();
    const sorts = ['received', 'child', 'status', 'nextDue'] as const;
    const orders = async () => {
      const out: number[][] = [];
      for (const sort of sorts) for (const direction of ['asc', 'desc'] as const) out.push(await idsOf(coord2, { sort, direction }));
      return out;
    };
    const before = await orders();
    expect(before.every((ids) => ids.includes(maria))).toBe(true);
    // The team changes what coord2 may not see: the name, the date received, the status and its deadlines.
    let detail = await coord.call('cases.get', { caseId: maria });
    await coord.call('cases.updatePerson', { caseId: maria, personId: detail.child.id, version: detail.child.version, changes: { lastName: 'Aaronova' } });
    detail = await coord.call('cases.get', { caseId: maria });
    detail = await coord.call('cases.update', { caseId: maria, version: detail.version, changes: { receivedAt: '2026-01-01T00:00:00.000Z' } });
    await coord.call('cases.changeStatus', { caseId: maria, version: detail.version, status: 'follow_up' });
    expect(await orders()).toEqual(before);
  });

  it('filters by status, violence type and date received', async () => {
    const { coord, ivan, stefan, ana, maria } = await fourCases();
    const sorted = { sort: 'reference', direction: 'asc' } as const;
    expect(await idsOf(coord, { statuses: ['initial_assessment'], ...sorted })).toEqual([ivan]);
    expect(await idsOf(coord, { statuses: ['referral'], ...sorted })).toEqual([stefan, ana, maria]);
    expect(await idsOf(coord, { statuses: ['closed'] })).toEqual([]);
    expect(await idsOf(coord, { violenceTypes: ['sexual'], ...sorted })).toEqual([stefan, maria]);
    expect(await idsOf(coord, { violenceTypes: ['physical', 'neglect'], ...sorted })).toEqual([ivan, ana]);
    expect(await idsOf(coord, { violenceTypes: ['cyber'], statuses: ['referral'], ...sorted })).toEqual([stefan]);
    // Both ends of the range are whole days, inclusive.
    expect(await idsOf(coord, { receivedFrom: '2026-11-01', receivedTo: '2026-11-01', ...sorted })).toEqual([stefan]);
    expect(await idsOf(coord, { receivedFrom: '2026-11-02', ...sorted })).toEqual([ana, maria]);
    expect(await idsOf(coord, { receivedTo: '2026-10-31', ...sorted })).toEqual([ivan]);
    expect(await idsOf(coord, { receivedFrom: '2026-10-01', receivedTo: '2026-11-20', query: 'petrov', ...sorted })).toEqual([ivan, maria]);
  });

  it('sorts and pages, with the total of every match', async () => {
    const { coord, ivan, stefan, ana, maria } = await fourCases();
    expect(await idsOf(coord, {})).toEqual([ana, maria, stefan, ivan]); // newest referral first by default
    expect(await idsOf(coord, { sort: 'received', direction: 'asc' })).toEqual([ivan, stefan, maria, ana]);
    expect(await idsOf(coord, { sort: 'reference', direction: 'desc' })).toEqual([maria, ana, stefan, ivan]);
    // Within a status, by date received in the same direction.
    expect(await idsOf(coord, { sort: 'status', direction: 'desc' })).toEqual([ivan, ana, maria, stefan]);
    expect(await idsOf(coord, { sort: 'child', direction: 'asc' })).toEqual([ana, stefan, ivan, maria]);

    const first = await coord.call('cases.list', { sort: 'received', direction: 'asc', limit: 3 });
    expect(first.total).toBe(4);
    expect(first.items.map((i) => i.id)).toEqual([ivan, stefan, maria]);
    const rest = await coord.call('cases.list', { sort: 'received', direction: 'asc', limit: 3, offset: 3 });
    expect(rest).toEqual({ total: 4, items: [expect.objectContaining({ id: ana })] });
    expect(await coord.call('cases.list', { offset: 10 })).toEqual({ total: 4, items: [] });

    const item = first.items[0]!;
    expect(item).toEqual({
      id: ivan,
      reference: 'BH-2026-0001',
      childName: 'Иван Петров',
      age: 10,
      status: 'initial_assessment',
      restricted: false,
      accessible: true,
      receivedAt: '2026-10-01T10:00:00.000Z',
      createdAt: '2026-11-22T09:00:00.000Z',
      nextDueAt: '2026-11-25T09:00:00.000Z',
      overdue: false,
      coordinator: 'coord',
    });
  });

  it('filters overdue cases: a deadline or a task past its time', async () => {
    const { core, clock, coord } = await centre();
    const trafficking = await coord.call(
      'cases.create',
      referral({ firstName: 'Ana', lastName: 'Pop' }, { fields: { receivedAt: '2026-11-22T08:00:00.000Z', source: 'police', urgency: 'urgent', trafficking: ['works_or_begs'] } }),
    );
    const plain = await coord.call('cases.create', referral({ firstName: 'Dan', lastName: 'Pop' }));
    expect(await idsOf(coord, { overdue: true })).toEqual([]);

    // The anti-trafficking referral was due within 24 hours; the assessment within 72. Sessions last 12 hours: sign in again.
    clock.advance(25 * HOUR);
    const day2 = await signIn(core, 'coord');
    expect(await idsOf(day2, { overdue: true })).toEqual([trafficking.id]);
    expect((await day2.call('cases.list', {})).items.map((i) => [i.id, i.overdue])).toEqual([
      [plain.id, false],
      [trafficking.id, true],
    ]);

    clock.advance(48 * HOUR);
    const day4 = await signIn(core, 'coord');
    expect(await idsOf(day4, { overdue: true, sort: 'reference', direction: 'asc' })).toEqual([trafficking.id, plain.id]);
    // Assessing the plain case meets its first deadline; the next (the interview) is still ahead. A case registered now is not late.
    const current = await day4.call('cases.get', { caseId: plain.id });
    await day4.call('cases.changeStatus', { caseId: plain.id, version: current.version, status: 'planning' });
    const fresh = await day4.call('cases.create', referral({ firstName: 'Eva', lastName: 'Pop' }, {}, clock.now()));
    expect(await idsOf(day4, { overdue: true })).toEqual([trafficking.id]);
    expect(await idsOf(day4, { overdue: true, query: 'eva' })).toEqual([]);
    expect(await idsOf(day4, { query: 'eva' })).toEqual([fresh.id]);
  });
});

describe('case numbers', () => {
  it('count on within the year past 9999, and start again at 1 in a new year', async () => {
    const clock = new TestClock();
    const { core, coord, db } = await centre(clock);
    const open = async (client: Client, firstName: string) => (await client.call('cases.create', referral({ firstName, lastName: 'Pop' }, {}, clock.now()))).reference;
    expect(await open(coord, 'Ana')).toBe('BH-2026-0001');
    db.prepare('UPDATE case_numbers SET last = 9998 WHERE year = 2026').run();
    expect([await open(coord, 'Bogdan'), await open(coord, 'Carmen')]).toEqual(['BH-2026-9999', 'BH-2026-10000']);
    clock.advance(40 * 24 * HOUR);
    expect(await open(await signIn(core, 'coord'), 'Dan')).toBe('BH-2027-0001');
  });
});

describe('cases opened before intake existed', () => {
  it('keep their child as a person, found by name in the case list and by the duplicate check', async () => {
    const clock = new TestClock();
    const file = path.join(tempDir(), DATABASE_FILE);
    const key = randomBytes(32);
    // A database as it was before migration 007, with two cases in the old shape.
    const before = openCore({ file, key, clock, migrations: migrations.slice(0, 6), log: () => undefined });
    expect(before.store.db.pragma('user_version', { simple: true })).toBe(6);
    await setUpCentre(inProcessClient(before));
    const coordId = await insertUser(before.store.db, 'coord', PASSWORD, ['coordinator']);
    const insert = before.store.db.prepare(
      "INSERT INTO cases (reference, child_first_name, child_last_name, summary, created_at, created_by) VALUES (?, ?, ?, ?, '2026-11-01T10:00:00.000Z', ?)",
    );
    for (const [reference, first, last] of [
      ['BH-2026-0001', 'Иван', 'Петров'],
      ['BH-2026-0002', 'Ștefan', 'Țăranu'],
    ]) {
      const { lastInsertRowid } = insert.run(reference, first, last, 'From the old form.', coordId);
      before.store.db.prepare("INSERT INTO case_team (case_id, user_id, added_at, added_by) VALUES (?, ?, '2026-11-01T10:00:00.000Z', ?)").run(lastInsertRowid, coordId, coordId);
    }
    before.close();

    const core = openCore({ file, key, clock, log: () => undefined });
    const coord = await signIn(core, 'coord');
    const all = await coord.call('cases.list', { sort: 'reference', direction: 'asc' });
    expect(all.items.map((i) => [i.reference, i.childName])).toEqual([
      ['BH-2026-0001', 'Иван Петров'],
      ['BH-2026-0002', 'Ștefan Țăranu'],
    ]);
    const detail = await coord.call('cases.get', { caseId: all.items[0]!.id });
    expect(detail).toMatchObject({ status: 'referral', fields: { reported: 'From the old form.', receivedAt: '2026-11-01T10:00:00.000Z' } });
    expect(detail.deadlines[0]).toMatchObject({ milestone: 'initial_assessment', dueAt: '2026-11-04T10:00:00.000Z' });

    expect((await coord.call('cases.list', { query: 'petrov' })).items.map((i) => i.reference)).toEqual(['BH-2026-0001']);
    expect((await coord.call('cases.list', { query: 'BH-2026-0002' })).items.map((i) => i.reference)).toEqual(['BH-2026-0002']);
    expect((await coord.call('people.search', { firstName: 'Stefan', lastName: 'Taranu' })).map((m) => m.lastName)).toEqual(['Țăranu']);
    // Numbering goes on after the old cases' numbers.
    expect((await coord.call('cases.create', referral({ firstName: 'Ana', lastName: 'Pop' }, {}, clock.now()))).reference).toBe('BH-2026-0003');
    core.close();
  });
});
