import type { CalendarEntry, Resources, ScheduleRules } from '../../../../shared/contract/interview-records';
import { weekdays } from '../../../../shared/interviews/categories';
import { toWall, wallDateKey } from '../../components/format';

export type ViewMode = 'day' | 'week';
/** The columns: rooms (interview and medical), or people (interviewers and examiners). */
export type GroupBy = 'room' | 'person';

/** One block on the calendar: an entry, at the centre's wall-clock times. */
export interface CalendarEvent {
  entry: CalendarEntry;
  /** Interviews and exams number their ids apart: the kind makes the key. */
  key: string;
  start: Date;
  end: Date;
  /** The column it stands in: its room or its interviewer or examiner, depending on the grouping. */
  resourceId: number;
  title: string;
  supplementary: boolean;
}

/** What a column may hold: a room of its kind, or a person who interviews, examines or both. */
export type ColumnRole = 'interview' | 'medical' | 'interviewer' | 'examiner' | 'both';

export interface CalendarResource {
  id: number;
  title: string;
  role: ColumnRole;
}

export const entryKey = (entry: Pick<CalendarEntry, 'kind' | 'id'>) => `${entry.kind}:${entry.id}`;

/** "Andreea Lungu" → "A.L.", in any script. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => `${(Array.from(word)[0] ?? '').toLocaleUpperCase()}.`)
    .join('');
}

/** The case, the child's initials and the person who sees the child; null when the slot is only "busy". */
export function summaryOf(entry: CalendarEntry): { caseId: number; reference: string; child: string; staff: string; room: string } | null {
  const b = entry.booking;
  if (b) return { caseId: b.caseId, reference: b.caseReference, child: initials(b.childName), staff: b.interviewerName, room: b.roomName };
  const x = entry.exam;
  if (x) return { caseId: x.caseId, reference: x.caseReference, child: initials(x.childName), staff: x.examinerName, room: x.roomName };
  return null;
}

export function toEvents(entries: readonly CalendarEntry[], groupBy: GroupBy, zone: string | null, busy: string): CalendarEvent[] {
  return entries.map((entry) => {
    const b = entry.booking;
    const shown = summaryOf(entry);
    return {
      entry,
      key: entryKey(entry),
      start: toWall(entry.startsAt, zone),
      end: toWall(entry.endsAt, zone),
      resourceId: groupBy === 'room' ? entry.roomId : entry.interviewerId,
      title: shown ? `${shown.reference} · ${shown.child} · ${shown.staff}` : busy,
      supplementary: b !== null && (b.sequence > 1 || b.supplementaryId !== null),
    };
  });
}

/**
 * The columns: active interview and medical rooms (or interviewers and
 * examiners), and any other one an entry in view stands in. Interview
 * columns come first; someone who both interviews and examines has one column.
 */
export function toResources(resources: Resources, entries: readonly CalendarEntry[], groupBy: GroupBy): CalendarResource[] {
  const used = new Set(entries.map((e) => (groupBy === 'room' ? e.roomId : e.interviewerId)));
  if (groupBy === 'room') {
    const order = { interview: 0, medical: 1 } as const;
    return resources.rooms
      .filter((r): r is typeof r & { kind: keyof typeof order } => (r.kind === 'interview' || r.kind === 'medical') && (r.active || used.has(r.id)))
      .sort((a, b) => order[a.kind] - order[b.kind])
      .map((r) => ({ id: r.id, title: r.name, role: r.kind }));
  }
  const people = new Map<number, CalendarResource>();
  for (const i of resources.interviewers) if (i.active || used.has(i.userId)) people.set(i.userId, { id: i.userId, title: i.name, role: 'interviewer' });
  for (const e of resources.examiners) {
    if (!e.active && !used.has(e.userId)) continue;
    const known = people.get(e.userId);
    people.set(e.userId, known ? { ...known, role: 'both' } : { id: e.userId, title: e.name, role: 'examiner' });
  }
  return [...people.values()];
}

/** Whether an entry of this kind may be moved into this column (an exam to a medical room or an examiner, an interview likewise). */
export function accepts(column: CalendarResource, kind: CalendarEntry['kind']): boolean {
  if (column.role === 'both') return true;
  return kind === 'medical_exam' ? column.role === 'medical' || column.role === 'examiner' : column.role === 'interview' || column.role === 'interviewer';
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
  // A wall Date: its local fields already are the centre's clock.
  // eslint-disable-next-line no-restricted-properties
  const minutes = slot.getHours() * 60 + slot.getMinutes();
  return minutes < minutesOf(hours.start) || minutes >= minutesOf(hours.end);
}
