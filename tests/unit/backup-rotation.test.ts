import { describe, expect, it } from 'vitest';
import { setsToKeep } from '../../electron/core/backup/rotation';

/** A set at a UTC time, verified unless said otherwise. */
const set = (createdAt: string, verified = true) => ({ name: createdAt, createdAt, verified });

/** One set a day at 01:30 UTC (03:30 in Bucharest) for `days` days up to 2026-12-07. */
function daily(days: number) {
  return Array.from({ length: days }, (_, i) => set(new Date(Date.UTC(2026, 11, 7 - i, 1, 30)).toISOString()));
}

describe('which backup sets rotation keeps', () => {
  it('keeps the newest of the last 7 days, 4 ISO weeks and 12 months by default', () => {
    const kept = setsToKeep(daily(400), { daily: 7, weekly: 4, monthly: 12 }, 'Europe/Bucharest');
    const dates = [...kept].map((n) => n.slice(0, 10)).sort();
    // 7 days, then Sundays of earlier weeks (the newest set of each ISO week), then month ends.
    expect(dates.filter((d) => d >= '2026-12-01')).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    expect(dates).toContain('2026-11-29');
    expect(dates).toContain('2026-11-22');
    expect(dates).not.toContain('2026-11-15');
    expect(dates).toContain('2026-10-31');
    expect(dates).toContain('2026-01-31');
    expect(dates).not.toContain('2025-12-31');
    // ISO weeks from Monday 7 December: the 7th, the 6th, 29 and 22 November; months: the ends of eleven earlier ones.
    expect(kept.size).toBe(7 + 2 + 11);
  });

  it('counts days on the centre’s calendar, not UTC', () => {
    // 21:30 and 22:30 UTC on the 6th are 23:30 on the 6th and 00:30 on the 7th in Bucharest: two days there, one in UTC.
    const kept = setsToKeep([set('2026-12-06T22:30:00.000Z'), set('2026-12-06T21:30:00.000Z'), set('2026-12-05T12:00:00.000Z')], { daily: 7, weekly: 0, monthly: 0 }, 'Europe/Bucharest');
    expect(kept.size).toBe(3);
    const utc = setsToKeep([set('2026-12-06T22:30:00.000Z'), set('2026-12-06T21:30:00.000Z'), set('2026-12-05T12:00:00.000Z')], { daily: 7, weekly: 0, monthly: 0 }, 'UTC');
    expect(utc.size).toBe(2);
    expect(utc.has('2026-12-06T21:30:00.000Z')).toBe(false);
  });

  it('prefers a verified set over a newer one that failed its check, and never drops the newest verified set', () => {
    const kept = setsToKeep([set('2026-12-07T12:00:00.000Z', false), set('2026-12-07T02:00:00.000Z', true), set('2026-11-01T02:00:00.000Z', true)], { daily: 1, weekly: 0, monthly: 0 }, 'UTC');
    // The failed set is the newest, so it stays too (it is the latest attempt); the day's slot goes to the verified one.
    expect([...kept].sort()).toEqual(['2026-12-07T02:00:00.000Z', '2026-12-07T12:00:00.000Z']);
    const noneVerifiedLately = setsToKeep([set('2026-12-07T02:00:00.000Z', false), set('2026-11-01T02:00:00.000Z', true)], { daily: 1, weekly: 0, monthly: 0 }, 'UTC');
    expect(noneVerifiedLately.has('2026-11-01T02:00:00.000Z')).toBe(true);
  });
});
