import type { CalendarEntry, Resources, ScheduleRules } from '../../../../shared/contract/interview-records';
import { weekdays } from '../../../../shared/interviews/categories';
import { toWall, wallDateKey } from './zone';

export type ViewMode = 'day' | 'week';
export type GroupBy = 'room' | 'interviewer';

/** One block on the calendar: an entry, at the centre's wall-clock times. */
export interface CalendarEvent {
  entry: CalendarEntry;
  start: Date;
  end: Date;
  /** The column it stands in: its room or its interviewer, depending on the grouping. */
  resourceId: number;
  title: string;
  supplementary: boolean;
}

export interface CalendarResource {
  id: number;
  title: string;
}

/** "Andreea Lungu" → "A.L.", in any script. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => `${(Array.from(word)[0] ?? '').toLocaleUpperCase()}.`)
    .join('');
}

export function toEvents(entries: readonly CalendarEntry[], groupBy: GroupBy, zone: string | null, busy: string): CalendarEvent[] {
  return entries.map((entry) => {
    const b = entry.booking;
    return {
      entry,
      start: toWall(entry.startsAt, zone),
      end: toWall(entry.endsAt, zone),
      resourceId: groupBy === 'room' ? entry.roomId : entry.interviewerId,
      title: b ? `${b.caseReference} · ${initials(b.childName)} · ${b.interviewerName}` : busy,
      supplementary: b !== null && (b.sequence > 1 || b.supplementaryId !== null),
    };
  });
}

/** The columns: active interview rooms (or interviewers), and any other one an entry in view stands in. */
export function toResources(resources: Resources, entries: readonly CalendarEntry[], groupBy: GroupBy): CalendarResource[] {
  const used = new Set(entries.map((e) => (groupBy === 'room' ? e.roomId : e.interviewerId)));
  if (groupBy === 'room') {
    return resources.rooms.filter((r) => r.kind === 'interview' && (r.active || used.has(r.id))).map((r) => ({ id: r.id, title: r.name }));
  }
  return resources.interviewers.filter((i) => i.active || used.has(i.userId)).map((i) => ({ id: i.userId, title: i.name }));
}

const FALLBACK = { start: 7 * 60, end: 20 * 60 };

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The time axis: from the earliest opening to the latest closing of the week (07:00–20:00 when none is open). */
export function workingSpan(rules: ScheduleRules | undefined): { min: Date; max: Date } {
  const open = rules ? weekdays.map((d) => rules.hours[d]).filter((h) => h.open && minutesOf(h.end) > minutesOf(h.start)) : [];
  const start = open.length ? Math.min(...open.map((h) => minutesOf(h.start))) : FALLBACK.start;
  const end = open.length ? Math.max(...open.map((h) => minutesOf(h.end))) : FALLBACK.end;
  // The library draws the last slot up to `max`, which must stay on the same day.
  const at = (minutes: number) => new Date(2000, 0, 1, Math.floor(minutes / 60), minutes % 60);
  return { min: at(start), max: at(Math.min(end, 24 * 60 - 1)) };
}

/** Whether a wall-clock day is closed: a closed weekday or a closed date (with its reason). */
export function closedDay(day: Date, resources: Resources | undefined): { closed: boolean; reason: string } {
  if (!resources) return { closed: false, reason: '' };
  const special = resources.closedDays.find((d) => d.date === wallDateKey(day));
  if (special) return { closed: true, reason: special.reason };
  const hours = resources.rules.hours[weekdays[(day.getDay() + 6) % 7]!];
  return { closed: !hours.open, reason: '' };
}

/** Whether a slot starting at this wall-clock moment is outside the centre's hours. */
export function offHours(slot: Date, resources: Resources | undefined): boolean {
  if (!resources) return false;
  if (closedDay(slot, resources).closed) return true;
  const hours = resources.rules.hours[weekdays[(slot.getDay() + 6) % 7]!];
  const minutes = slot.getHours() * 60 + slot.getMinutes();
  return minutes < minutesOf(hours.start) || minutes >= minutesOf(hours.end);
}
