import { checkMessages } from '../../../shared/contract';
import { fieldError } from '../errors';
import { dayBounds, wallClock } from './slots';

/** People arrive to set up (interpreter briefing, equipment) at most this long before the booked start. */
export const SETUP_WINDOW_MS = 2 * 60 * 60_000;
/** An interview running late into the night may be left after midnight, up to this long after its booked end. */
export const LATE_DEPARTURE_MS = 2 * 60 * 60_000;

/**
 * When someone can have arrived at or left an interview: from the setup window
 * before its booked start to the end of its day on the centre's clock (or a
 * while after its end, if it runs past midnight). A time outside it is a slip
 * of the keyboard or a click on the wrong day, never an attendance.
 */
export function attendanceWindow(startsAt: string, endsAt: string, timeZone: string): { from: number; to: number } {
  const [, dayEnd] = dayBounds(wallClock(startsAt, timeZone).date, timeZone);
  return { from: Date.parse(startsAt) - SETUP_WINDOW_MS, to: Math.max(Date.parse(dayEnd), Date.parse(endsAt) + LATE_DEPARTURE_MS) };
}

/** Refuses an arrival or departure outside the interview's window, naming the field. */
export function checkAttendanceTimes(times: { arrivedAt: string | null; leftAt: string | null }, interview: { startsAt: string; endsAt: string }, timeZone: string): void {
  const { from, to } = attendanceWindow(interview.startsAt, interview.endsAt, timeZone);
  for (const field of ['arrivedAt', 'leftAt'] as const) {
    const value = times[field];
    if (value === null) continue;
    const at = Date.parse(value);
    // `to` is the next day's first instant: the day itself ends just before it.
    if (at < from || at >= to) throw fieldError([field], checkMessages.outsideInterviewDay);
  }
}
