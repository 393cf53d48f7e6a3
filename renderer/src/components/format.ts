import { TZDate } from '@date-fns/tz';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one clock: every moment the interface shows or reads is on the centre's
 * wall clock (the time zone in its scheduling rules), whatever zone the
 * workstation is set to, and English uses the 24-hour clock as the PDFs do.
 * This is the only module that turns moments into words or form values and
 * back; ESLint refuses the browser's own date formatting elsewhere.
 */

// ── The centre's zone: learnt once by the shell, read by everything below ──

let centre: { zone: string | null; known: boolean } = { zone: null, known: false };
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The zone the workstation itself is set to. */
export function workstationZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone if this browser knows it, else null. */
export function usableZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/**
 * The shell calls this with the centre's zone as soon as it has read it (null
 * when it could not: the workstation's clock is then the best there is).
 */
export function setCentreZone(zone: string | null | undefined): void {
  const next = { zone: usableZone(zone), known: true };
  if (next.zone === centre.zone && centre.known) return;
  centre = next;
  listeners.forEach((listener) => listener());
}

/** The centre's zone, or null while unknown or unusable. */
export function centreZone(): string | null {
  return centre.zone;
}

/** Whether the shell has settled which zone to show times in. */
export function useCentreZoneKnown(): boolean {
  return useSyncExternalStore(subscribe, () => centre.known);
}

/** The zone times are shown in, re-rendering the caller when it changes. */
export function useCentreZone(): string | null {
  return useSyncExternalStore(subscribe, () => centre.zone);
}

// ── Wall dates: a local Date whose fields are the centre's clock (the calendar library and date inputs work in those) ──

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as the centre's wall clock, in a local Date. */
export function toWall(moment: string | number | Date, zone: string | null = centre.zone): Date {
  const ms = typeof moment === 'string' ? Date.parse(moment) : typeof moment === 'number' ? moment : moment.getTime();
  if (zone === null) return new Date(ms);
  const z = new TZDate(ms, zone);
  return new Date(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds(), z.getMilliseconds());
}

/** A wall Date (the centre's clock) back to the moment it names, as an ISO string. */
export function fromWall(wall: Date, zone: string | null = centre.zone): string {
  if (zone === null) return wall.toISOString();
  const z = new TZDate(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds(), wall.getMilliseconds(), zone);
  return new Date(z.getTime()).toISOString();
}

/** YYYY-MM-DD of a wall Date. */
export function wallDateKey(wall: Date): string {
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
}

/** A YYYY-MM-DD string as a wall Date at midnight; null if it is not one. */
export function parseDateKey(value: string | null): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return wallDateKey(date) === value ? date : null;
}

// ── Form values: date and datetime-local inputs hold the centre's wall clock ──

/** The value of a datetime-local input for a moment, on the centre's clock. */
export function toLocalInput(moment: string | Date): string {
  const w = toWall(moment);
  return `${wallDateKey(w)}T${pad(w.getHours())}:${pad(w.getMinutes())}`;
}

/** A datetime-local value typed on the centre's clock, as an ISO moment; '' for an empty or broken value. */
export function fromLocalInput(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return '';
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = new Date(y, mo - 1, d, h, mi, s);
  if (wall.getMonth() !== mo - 1 || wall.getDate() !== d || h > 23 || mi > 59) return '';
  return fromWall(wall);
}

/** Today at the centre, YYYY-MM-DD. */
export function centreToday(): string {
  return wallDateKey(toWall(Date.now()));
}

/** The current time, refreshed every `everyMs`: countdowns re-render with it. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

// ── Words: moments on the centre's clock in the interface language, 24-hour ──

const H23 = { hourCycle: 'h23' } as const;

/** Formatters for one language and zone (undefined: the workstation's). */
export function formatters(language: string, zone: string | null) {
  const timeZone = zone ?? undefined;
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone, ...H23 });
  const dateTimeSeconds = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone, ...H23 });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone, ...H23 });
  // A calendar date (YYYY-MM-DD) names a day, not a moment: formatted at noon UTC so no zone shifts it.
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayKey = (iso: string) => wallDateKey(toWall(iso, zone));
  // The browser's own plural rules: "1 year", "11 ani", "2 години".
  const years = new Intl.NumberFormat(language, { style: 'unit', unit: 'year', unitDisplay: 'long' });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
    /** With seconds, for custody logs. */
    dateTimeSeconds: (iso: string | null | undefined) => (iso ? dateTimeSeconds.format(new Date(iso)) : ''),
    date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
    time: (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : ''),
    /** The time, with the date in front when it is not the day of `reference` on the centre's clock. */
    timeOnDayOf: (iso: string | null | undefined, reference: string) =>
      !iso ? '' : dayKey(iso) === dayKey(reference) ? time.format(new Date(iso)) : dateTime.format(new Date(iso)),
    day: (value: string | null | undefined) => (value ? day.format(new Date(`${value}T12:00:00Z`)) : ''),
    years: (count: number) => years.format(count),
  };
}

/** Dates and times in the interface language, on the centre's clock; form values to and from it. */
export function useFormat() {
  const { i18n } = useTranslation();
  const zone = useCentreZone();
  const workstation = workstationZone();
  return {
    ...formatters(i18n.language, zone),
    /** The zone times are shown in. */
    zone: zone ?? workstation,
    /** Set when the centre's clock differs from the workstation's, for a note beside time fields. */
    otherZone: zone !== null && zone !== workstation ? zone : null,
    /** A moment as a datetime-local value on the centre's clock. */
    toInput: (moment: string | Date) => toLocalInput(moment),
    /** A datetime-local value typed on the centre's clock, as an ISO moment; '' when broken. */
    fromInput: (value: string) => fromLocalInput(value),
    /** Today at the centre, YYYY-MM-DD. */
    today: () => centreToday(),
  };
}

export type Format = ReturnType<typeof useFormat>;
/** The medical and therapy screens' name for the same thing. */
export type CentreClock = Format;

/** "7–13 December 2026": a span of wall dates (the calendar's week), day first in every language. */
export function wallRange(first: Date, last: Date, language: string): string {
  const tag = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(first, last);
}

/** Weekday names, Monday first, in the interface language. */
export function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** A calendar date (YYYY-MM-DD) in the interface language, read as that very day wherever the workstation is. */
export function formatDay(date: string, language: string, style: 'medium' | 'full' = 'medium'): string {
  const moment = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(moment.getTime())) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(moment);
}

/** The YYYY-MM-DD date `days` (and `months`) after another: calendar arithmetic, no clock involved. */
export function shiftDay(day: string, days: number, months = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d + days)).toISOString().slice(0, 10);
}

/** The moment a YYYY-MM-DD day begins on the centre's clock; undefined for an empty or broken day. */
export function centreDayStart(day: string, plusDays = 0): string | undefined {
  const wall = parseDateKey(day);
  return wall ? fromWall(parseDateKey(shiftDay(day, plusDays)) ?? wall) : undefined;
}
