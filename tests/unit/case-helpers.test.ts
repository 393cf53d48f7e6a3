import { describe, expect, it } from 'vitest';
import { ageAt, ageGroupOf } from '../../shared/cases/age';
import { DUE_SOON_MS, deadlinesOf, deadlineState, dueDates, nextDueAt, splitDuration, type MilestoneFacts } from '../../shared/cases/deadlines';
import { foldText, nameKey, nameKeys } from '../../shared/cases/names';
import { changedFields, threeWayMerge } from '../../shared/merge';

describe('foldText: any script and any diacritics to plain Latin words', () => {
  it('drops Romanian diacritics, comma-below and cedilla alike', () => {
    expect(foldText('Ștefan')).toBe('stefan');
    expect(foldText('Ștefan')).toBe(foldText('Stefan'));
    expect(foldText('Şerban')).toBe('serban'); // the old cedilla form
    expect(foldText('Țăranu')).toBe('taranu');
    expect(foldText('Ioana Bîrsan-Mâță')).toBe('ioana birsan mata');
  });

  it('reads composed and decomposed letters the same', () => {
    const decomposed = 'Ștefan Țăranu'.normalize('NFD');
    expect(decomposed).not.toBe('Ștefan Țăranu');
    expect(foldText(decomposed)).toBe('stefan taranu');
  });

  it('romanises Bulgarian Cyrillic the way Bulgarian passports do', () => {
    expect(foldText('Иван')).toBe('ivan');
    expect(foldText('Иван')).toBe(foldText('Ivan'));
    expect(foldText('Христо')).toBe('hristo'); // not the Russian-style "khristo"
    expect(foldText('Щерев')).toBe('shterev'); // not "shcherev"
    expect(foldText('Ъглен')).toBe('aglen');
    expect(foldText('Юлия')).toBe('yuliya');
    expect(foldText('ХРИСТО ЩЕРЕВ')).toBe('hristo shterev');
  });

  it('lower-cases, splits on anything but letters and digits, and trims', () => {
    expect(foldText('  Ștefan   Țăranu  ')).toBe('stefan taranu');
    expect(foldText('P-1234/2026')).toBe('p 1234 2026');
    expect(foldText('')).toBe('');
  });
});

describe('nameKey: one key for the ways a name is spelt in Latin letters', () => {
  it('matches Cyrillic with its Latin spellings', () => {
    expect(nameKey('Иван')).toBe(nameKey('Ivan'));
    expect(nameKey('Христо')).toBe(nameKey('Hristo'));
    expect(nameKey('Khristo')).toBe(nameKey('Hristo'));
    expect(nameKey('Щерев')).toBe(nameKey('Shterev'));
    expect(nameKey('Shcherev')).toBe(nameKey('Shterev'));
    expect(nameKey('Йорданов')).toBe(nameKey('Iordanov'));
    expect(nameKey('Yordanov')).toBe(nameKey('Iordanov'));
    expect(nameKey('Цветков')).toBe(nameKey('Cvetkov'));
    expect(nameKey('Tsvetkov')).toBe(nameKey('Cvetkov'));
  });

  it('matches Romanian names with and without diacritics', () => {
    expect(nameKey('Țăranu')).toBe(nameKey('Taranu'));
    expect(nameKey('Ștefan')).toBe(nameKey('Stefan'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Иван')).not.toBe(nameKey('Ivana'));
    expect(nameKey('Petrov')).not.toBe(nameKey('Petrova'));
    expect(nameKey('Stefan')).not.toBe(nameKey('Stelian'));
  });

  it('gives each word, hyphenated parts included', () => {
    expect(nameKeys('Ana-Maria Țăranu')).toEqual(['ana', 'maria', 'taranu']);
    expect(nameKeys('Христо Щерев')).toEqual(nameKeys('Khristo Shterev'));
    expect(nameKeys('  ')).toEqual([]);
  });
});

describe('ageAt', () => {
  it('counts whole years, turning on the birthday itself', () => {
    expect(ageAt('2016-04-02', '2026-04-01T23:59:59.999Z')).toBe(9);
    expect(ageAt('2016-04-02', '2026-04-02T00:00:00.000Z')).toBe(10);
    expect(ageAt('2016-04-02', new Date('2026-12-31T12:00:00Z'))).toBe(10);
    expect(ageAt('2016-04-02', '2016-04-02T00:00:00.000Z')).toBe(0);
  });

  it('a child born on 29 February is a year older from 1 March in other years', () => {
    expect(ageAt('2012-02-29', '2026-02-28T12:00:00Z')).toBe(13);
    expect(ageAt('2012-02-29', '2026-03-01T00:00:00Z')).toBe(14);
    expect(ageAt('2012-02-29', '2028-02-29T00:00:00Z')).toBe(16);
  });

  it('is unknown without a birth date, without a moment, for an invalid moment, and before birth', () => {
    expect(ageAt(null, '2026-01-01T00:00:00Z')).toBeNull();
    expect(ageAt('2016-04-02', null)).toBeNull();
    expect(ageAt('2016-04-02', 'not a date')).toBeNull();
    expect(ageAt('2016-04-02', '2016-04-01T00:00:00Z')).toBeNull();
  });
});

describe('ageGroupOf: the national statistics’ age groups', () => {
  it.each([
    [0, '0-3'],
    [3, '0-3'],
    [4, '4-7'],
    [7, '4-7'],
    [8, '8-11'],
    [11, '8-11'],
    [12, '12-16'],
    [16, '12-16'],
    [17, '17-18'],
    [18, '17-18'],
  ] as const)('%i years → %s', (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });

  it('has none for adults or an unknown age', () => {
    expect(ageGroupOf(19)).toBeNull();
    expect(ageGroupOf(40)).toBeNull();
    expect(ageGroupOf(null)).toBeNull();
  });
});

describe('deadlines', () => {
  const registered = new Date('2026-11-01T10:00:00.000Z');
  const due = dueDates(registered, 14);
  const HOUR = 3_600_000;
  const at = (iso: string, ms = 0) => new Date(new Date(iso).getTime() + ms);
  const facts = (over: Partial<MilestoneFacts['doneAt']> = {}, closed = false): MilestoneFacts => ({
    dueAt: due,
    doneAt: { initial_assessment: null, interview: null, intervention_plan: null, ...over },
    closed,
  });
  const stateOf = (f: MilestoneFacts, now: Date) => Object.fromEntries(deadlinesOf(f, now).map((d) => [d.milestone, d.state]));

  it('counts 72 hours, the configured interview days and 30 days from registration', () => {
    expect(due).toEqual({
      initial_assessment: '2026-11-04T10:00:00.000Z',
      interview: '2026-11-15T10:00:00.000Z',
      intervention_plan: '2026-12-01T10:00:00.000Z',
    });
    expect(dueDates(registered, 7).interview).toBe('2026-11-08T10:00:00.000Z');
  });

  it('open with more than a day left, due soon within a day, overdue once past', () => {
    expect(stateOf(facts(), registered)).toEqual({ initial_assessment: 'open', interview: 'open', intervention_plan: 'open' });
    expect(deadlineState(due.initial_assessment, null, false, at(due.initial_assessment, -DUE_SOON_MS - 1))).toBe('open');
    expect(deadlineState(due.initial_assessment, null, false, at(due.initial_assessment, -DUE_SOON_MS))).toBe('due_soon');
    expect(deadlineState(due.initial_assessment, null, false, at(due.initial_assessment, -HOUR))).toBe('due_soon');
    expect(deadlineState(due.initial_assessment, null, false, at(due.initial_assessment))).toBe('due_soon');
    expect(deadlineState(due.initial_assessment, null, false, at(due.initial_assessment, 1))).toBe('overdue');
    expect(stateOf(facts(), at(due.interview, HOUR))).toEqual({ initial_assessment: 'overdue', interview: 'overdue', intervention_plan: 'open' });
  });

  it('met when done by the due time, met late after it, whatever the time now', () => {
    const done = facts({ initial_assessment: '2026-11-04T10:00:00.000Z', interview: '2026-11-15T10:00:00.001Z' });
    expect(stateOf(done, at(due.intervention_plan, 100 * HOUR))).toEqual({
      initial_assessment: 'met',
      interview: 'met_late',
      intervention_plan: 'overdue',
    });
  });

  it('stopped on a closed case, except what was already done', () => {
    const closed = facts({ initial_assessment: '2026-11-02T09:00:00.000Z' }, true);
    expect(stateOf(closed, at(due.intervention_plan, HOUR))).toEqual({ initial_assessment: 'met', interview: 'stopped', intervention_plan: 'stopped' });
  });

  it('lists the milestones in order, with their due and done times', () => {
    const list = deadlinesOf(facts({ initial_assessment: '2026-11-02T09:00:00.000Z' }), registered);
    expect(list).toEqual([
      { milestone: 'initial_assessment', dueAt: due.initial_assessment, doneAt: '2026-11-02T09:00:00.000Z', state: 'met' },
      { milestone: 'interview', dueAt: due.interview, doneAt: null, state: 'open' },
      { milestone: 'intervention_plan', dueAt: due.intervention_plan, doneAt: null, state: 'open' },
    ]);
  });

  it('nextDueAt: the earliest milestone not yet done; none when all are done or the case is closed', () => {
    expect(nextDueAt(facts())).toBe(due.initial_assessment);
    expect(nextDueAt(facts({ initial_assessment: '2026-11-02T09:00:00.000Z' }))).toBe(due.interview);
    expect(nextDueAt(facts({ initial_assessment: '2026-11-02T09:00:00.000Z', interview: '2026-11-10T09:00:00.000Z' }))).toBe(due.intervention_plan);
    // A short plan deadline before the interview's: still the earliest, not the next in order.
    const early = { ...facts({ initial_assessment: '2026-11-02T09:00:00.000Z' }), dueAt: { ...due, intervention_plan: '2026-11-05T00:00:00.000Z' } };
    expect(nextDueAt(early)).toBe('2026-11-05T00:00:00.000Z');
    expect(nextDueAt(facts({ initial_assessment: 'x', interview: 'y', intervention_plan: 'z' }))).toBeNull();
    expect(nextDueAt(facts({}, true))).toBeNull();
  });

  it('splitDuration: days, hours and minutes, the same either side of zero', () => {
    const ms = ((2 * 24 + 4) * 60 + 12) * 60_000 + 59_999;
    expect(splitDuration(ms)).toEqual({ days: 2, hours: 4, minutes: 12 });
    expect(splitDuration(-ms)).toEqual({ days: 2, hours: 4, minutes: 12 });
    expect(splitDuration(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe('threeWayMerge', () => {
  const base = { name: 'Ivan', school: 'School 12', languages: ['Bulgarian'], phone: '' };

  it('takes a field only I changed from me, and a field only they changed from them', () => {
    const mine = { ...base, school: 'School 40' };
    const theirs = { ...base, phone: '+359 88 000 0000' };
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      merged: { name: 'Ivan', school: 'School 40', languages: ['Bulgarian'], phone: '+359 88 000 0000' },
      conflicts: [],
    });
  });

  it('is no conflict when both made the same change', () => {
    const mine = { ...base, school: 'School 40' };
    const theirs = { ...base, school: 'School 40' };
    expect(threeWayMerge(base, mine, theirs)).toEqual({ merged: mine, conflicts: [] });
  });

  it('reports a field both changed differently, keeping theirs until the person decides', () => {
    const mine = { ...base, school: 'School 40', phone: '0722' };
    const theirs = { ...base, school: 'School 7' };
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual(['school']);
    expect(result.merged).toEqual({ ...base, school: 'School 7', phone: '0722' });
  });

  it('compares arrays by content, not by identity', () => {
    const sameList = threeWayMerge(base, { ...base, languages: ['Bulgarian'] }, { ...base, languages: ['Bulgarian'] });
    expect(sameList).toEqual({ merged: base, conflicts: [] });
    const mineAdded = threeWayMerge(base, { ...base, languages: ['Bulgarian', 'Romani'] }, { ...base });
    expect(mineAdded).toEqual({ merged: { ...base, languages: ['Bulgarian', 'Romani'] }, conflicts: [] });
    const both = threeWayMerge(base, { ...base, languages: ['Bulgarian', 'Romani'] }, { ...base, languages: ['Romanian'] });
    expect(both.conflicts).toEqual(['languages']);
    expect(both.merged.languages).toEqual(['Romanian']);
  });

  it('changedFields: the fields whose values differ, arrays by content', () => {
    expect(changedFields(base, { name: 'Ivan', school: 'School 40', languages: ['Bulgarian'] })).toEqual(['school']);
    expect(changedFields(base, { languages: ['Romani'] })).toEqual(['languages']);
    expect(changedFields(base, {})).toEqual([]);
  });
});

describe('the status sort index', () => {
  it('indexes exactly the expression the case list sorts by, so SQLite uses it', async () => {
    const { statusRank } = await import('../../electron/core/cases/case-list');
    const { STATUS_RANK_SQL } = await import('../../electron/core/db/migrations/011-case-status-sort');
    expect(STATUS_RANK_SQL).toBe(statusRank);
  });
});
