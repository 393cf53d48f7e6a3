import type { Database } from 'better-sqlite3-multiple-ciphers';
import { TZDate } from '@date-fns/tz';
import type { ScheduleRules, SlotConflict } from '../../../shared/contract/interview-records';
import { weekdays } from '../../../shared/interviews/categories';
import { viewOfCase, type Viewer } from '../access';
import { AppError } from '../errors';

/** What a booking holds: its time and everything it keeps from others. Interviews and medical exams share rooms, staff, interpreters and the child. */
export interface Slot {
  kind: 'interview' | 'medical_exam';
  /** The booking being moved, which must not clash with itself. */
  id: number | null;
  childId: number;
  startsAt: string;
  endsAt: string;
  roomId: number;
  /** Interviews only; null for a medical exam. */
  observationRoomId: number | null;
  /** The interviewer or the examiner. */
  staffId: number;
  interpreterId: number | null;
}

interface Booked {
  kind: Slot['kind'];
  id: number;
  case_id: number;
  child_id: number;
  starts_at: string;
  ends_at: string;
  room_id: number;
  observation_room_id: number | null;
  staff_id: number;
  interpreter_id: number | null;
}

const MINUTE = 60_000;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** The date and minutes after midnight of a moment on the centre's wall clock. */
export function wallClock(moment: string, zone: string): { date: string; weekday: (typeof weekdays)[number]; minutes: number } {
  const local = new TZDate(Date.parse(moment), zone);
  const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  // getDay() counts from Sunday; the week here starts on Monday.
  return { date, weekday: weekdays[(local.getDay() + 6) % 7]!, minutes: local.getHours() * 60 + local.getMinutes() };
}

/** The UTC bounds of a wall-clock date in the centre's zone (23 or 25 hours long on clock-change days). */
export function dayBounds(date: string, zone: string): [string, string] {
  const [y, m, d] = date.split('-').map(Number);
  const start = new TZDate(y!, m! - 1, d!, zone);
  const end = new TZDate(y!, m! - 1, d! + 1, zone);
  return [new Date(start.getTime()).toISOString(), new Date(end.getTime()).toISOString()];
}

/**
 * Every reason this slot cannot be booked, as of now in this transaction.
 * Bookings run one at a time (each call is an immediate transaction on the
 * one database), so two workstations asking for the same slot at once get
 * one booking and one refusal, never two bookings.
 */
export function slotConflicts(db: Database, who: Viewer, slot: Slot, rules: ScheduleRules): SlotConflict[] {
  const conflicts: SlotConflict[] = [];
  const start = wallClock(slot.startsAt, rules.timeZone);
  const end = wallClock(new Date(Date.parse(slot.endsAt) - 1).toISOString(), rules.timeZone);
  const closed = db.prepare('SELECT 1 FROM closed_days WHERE date IN (?, ?)').get(start.date, end.date);
  const none = { interviewId: null, examId: null, startsAt: null, endsAt: null };
  if (closed) conflicts.push({ kind: 'closed_day', ...none });
  const hours = rules.hours[start.weekday];
  const endMinutes = end.minutes + 1;
  if (!hours.open || start.date !== end.date || start.minutes < minutesOf(hours.start) || endMinutes > minutesOf(hours.end)) {
    conflicts.push({ kind: 'outside_hours', ...none });
  }

  const buffer = rules.bufferMinutes * MINUTE;
  const windowStart = new Date(Date.parse(slot.startsAt) - buffer).toISOString();
  const windowEnd = new Date(Date.parse(slot.endsAt) + buffer).toISOString();
  const moving = (kind: Slot['kind']) => (slot.kind === kind ? (slot.id ?? 0) : 0);
  const nearby = db
    .prepare(
      `SELECT 'interview' AS kind, id, case_id, child_id, starts_at, ends_at, room_id, observation_room_id, interviewer_id AS staff_id, interpreter_id
         FROM interviews WHERE status != 'cancelled' AND id != ? AND starts_at < ? AND ends_at > ?
       UNION ALL
       SELECT 'medical_exam', id, case_id, child_id, starts_at, ends_at, room_id, NULL, examiner_id, interpreter_id
         FROM medical_exams WHERE status != 'cancelled' AND id != ? AND starts_at < ? AND ends_at > ?
       ORDER BY starts_at`,
    )
    .all(moving('interview'), windowEnd, windowStart, moving('medical_exam'), windowEnd, windowStart) as Booked[];

  const mine = [slot.roomId, slot.observationRoomId].filter((id): id is number => id !== null);
  for (const other of nearby) {
    const overlaps = other.starts_at < slot.endsAt && other.ends_at > slot.startsAt;
    const theirs = [other.room_id, other.observation_room_id].filter((id): id is number => id !== null);
    const kinds: SlotConflict['kind'][] = [];
    if (overlaps) {
      if (theirs.includes(slot.roomId)) kinds.push('room');
      if (slot.observationRoomId !== null && theirs.includes(slot.observationRoomId)) kinds.push('observation_room');
      if (other.staff_id === slot.staffId) kinds.push(slot.kind === 'interview' ? 'interviewer' : 'examiner');
      if (slot.interpreterId !== null && other.interpreter_id === slot.interpreterId) kinds.push('interpreter');
      if (other.child_id === slot.childId) kinds.push('child');
    } else if (other.room_id === slot.roomId || mine.includes(other.room_id)) {
      kinds.push('buffer');
    }
    if (kinds.length === 0) continue;
    const known = viewOfCase(db, who, other.case_id) === 'full';
    const interviewId = known && other.kind === 'interview' ? other.id : null;
    const examId = known && other.kind === 'medical_exam' ? other.id : null;
    for (const kind of kinds) conflicts.push({ kind, interviewId, examId, startsAt: other.starts_at, endsAt: other.ends_at });
  }

  // The limit guards interviewers against too many interviews a day; exams do not count towards it.
  if (slot.kind === 'interview' && interviewsThatDay(db, slot, start.date, rules) >= rules.dailyLimit) conflicts.push({ kind: 'daily_limit', ...none });
  return conflicts;
}

function interviewsThatDay(db: Database, slot: Slot, date: string, rules: ScheduleRules): number {
  const [dayStart, dayEnd] = dayBounds(date, rules.timeZone);
  const { count } = db
    .prepare(
      `SELECT count(*) AS count FROM interviews
        WHERE interviewer_id = ? AND status != 'cancelled' AND id != ? AND starts_at >= ? AND starts_at < ?`,
    )
    .get(slot.staffId, slot.id ?? 0, dayStart, dayEnd) as { count: number };
  return count;
}

const describe: Record<SlotConflict['kind'], string> = {
  room: 'the room is booked',
  observation_room: 'the observation room is booked',
  interviewer: 'the interviewer has another booking then',
  interpreter: 'the interpreter is booked elsewhere',
  child: 'the child has another interview or examination then',
  closed_day: 'the centre is closed that day',
  outside_hours: 'it is outside working hours',
  buffer: 'the room needs its buffer between bookings',
  daily_limit: 'the interviewer has reached their daily limit of interviews',
  room_kind: 'the room is not of the right kind',
  not_interviewer: 'the interviewer is not an active forensic interviewer',
  examiner: 'the examiner has another booking then',
};

export function refuseSlot(conflicts: SlotConflict[]): never {
  const reasons = [...new Set(conflicts.map((c) => describe[c.kind]))];
  throw new AppError('conflict', `This slot cannot be booked: ${reasons.join('; ')}.`, { conflicts });
}
