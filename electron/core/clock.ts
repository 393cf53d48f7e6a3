/** Time comes from here so tests can move it (session expiry, deadlines). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function iso(date: Date): string {
  return date.toISOString();
}

/**
 * A moment given with any UTC offset ("…T10:00:00+02:00"), as the one form
 * stored: UTC with milliseconds. Stored moments are compared and sorted as
 * text, which is only right when they all share this form.
 */
export function utc(moment: string): string {
  return iso(new Date(moment));
}
