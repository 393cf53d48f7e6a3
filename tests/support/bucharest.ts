/**
 * The week the scheduling tests live in: a centre in Bucharest (UTC+2 in
 * November), starting on a Sunday morning, open 08:00–18:00 on weekdays
 * (16:00 on Fridays), closed at the weekend.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const T0 = '2026-11-22T09:00:00.000Z';
export const MON = '2026-11-23';
export const TUE = '2026-11-24';
export const SAT = '2026-11-28';

/** A wall-clock time in Bucharest that day, as an instant. */
export const local = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`).toISOString();

export const HOURS = {
  mon: { open: true, start: '08:00', end: '18:00' },
  tue: { open: true, start: '08:00', end: '18:00' },
  wed: { open: true, start: '08:00', end: '18:00' },
  thu: { open: true, start: '08:00', end: '18:00' },
  fri: { open: true, start: '08:00', end: '16:00' },
  sat: { open: false, start: '09:00', end: '13:00' },
  sun: { open: false, start: '09:00', end: '13:00' },
};
