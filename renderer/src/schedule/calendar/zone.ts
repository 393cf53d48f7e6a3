import { TZDate } from '@date-fns/tz';

/**
 * The calendar library works in the browser's own time zone. To show the
 * centre's wall clock whatever the workstation's zone, each moment is turned
 * into a "wall" Date: a local Date whose hours and minutes are the centre's.
 * Dragging answers wall Dates; `fromWall` turns them back into moments.
 */

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The centre's zone if the browser knows it, else null (then the workstation's own clock is used). */
export function usableZone(zone: string | undefined): string | null {
  return zone && validZone(zone) ? zone : null;
}

/** A moment as the centre's wall clock, in a local Date. */
export function toWall(moment: string | number | Date, zone: string | null): Date {
  const ms = typeof moment === 'string' ? Date.parse(moment) : typeof moment === 'number' ? moment : moment.getTime();
  if (zone === null) return new Date(ms);
  const z = new TZDate(ms, zone);
  return new Date(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds(), z.getMilliseconds());
}

/** A wall Date (the centre's clock) back to the moment it names, as an ISO string. */
export function fromWall(wall: Date, zone: string | null): string {
  if (zone === null) return wall.toISOString();
  const z = new TZDate(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds(), wall.getMilliseconds(), zone);
  return new Date(z.getTime()).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

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
