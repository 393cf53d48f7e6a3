import type { Database } from 'better-sqlite3-multiple-ciphers';
import { TZDate } from '@date-fns/tz';
import { readRules } from '../interviews/resources';

/**
 * When a due date (YYYY-MM-DD) runs out: the end of that day on the centre's
 * wall clock, so an item due "today" is not overdue until the centre's day ends.
 */
export function endOfDueDate(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(new TZDate(y!, m! - 1, d! + 1, timeZone).getTime()).toISOString();
}

/** The end of each due date in the centre's zone, read once per call. */
export function dueDateClock(db: Database): (date: string) => string {
  const { timeZone } = readRules(db);
  return (date) => endOfDueDate(date, timeZone);
}

/** Today's date on the centre's wall clock. */
export function centreToday(db: Database, now: Date): string {
  const local = new TZDate(now.getTime(), readRules(db).timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}
