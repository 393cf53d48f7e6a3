/**
 * The centre's clock on a case (seed 002; Stockholm model): initial
 * assessment within 72 hours of registration, the forensic interview within a
 * configurable number of days (14 by default), the individual intervention
 * plan within 30 days. Pure, so the host, the screens and the statistics agree.
 */
export const milestones = ['initial_assessment', 'interview', 'intervention_plan'] as const;
export type Milestone = (typeof milestones)[number];

export type DeadlineState = 'met' | 'met_late' | 'open' | 'due_soon' | 'overdue' | 'stopped';

export interface Deadline {
  milestone: Milestone;
  dueAt: string;
  doneAt: string | null;
  state: DeadlineState;
}

export const ASSESSMENT_HOURS = 72;
export const PLAN_DAYS = 30;
export const DEFAULT_INTERVIEW_DAYS = 14;
/** "Due soon": within this long, the case shows on the needs-attention list before it is late. */
export const DUE_SOON_MS = 24 * 3_600_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function dueDates(from: Date, interviewDays: number): Record<Milestone, string> {
  const t = from.getTime();
  return {
    initial_assessment: new Date(t + ASSESSMENT_HOURS * HOUR).toISOString(),
    interview: new Date(t + interviewDays * DAY).toISOString(),
    intervention_plan: new Date(t + PLAN_DAYS * DAY).toISOString(),
  };
}

export interface MilestoneFacts {
  dueAt: Record<Milestone, string>;
  doneAt: Record<Milestone, string | null>;
  closed: boolean;
}

export function deadlineState(dueAt: string, doneAt: string | null, closed: boolean, now: Date): DeadlineState {
  if (doneAt) return doneAt <= dueAt ? 'met' : 'met_late';
  if (closed) return 'stopped';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due_soon' : 'open';
}

export function deadlinesOf(facts: MilestoneFacts, now: Date): Deadline[] {
  return milestones.map((milestone) => ({
    milestone,
    dueAt: facts.dueAt[milestone],
    doneAt: facts.doneAt[milestone],
    state: deadlineState(facts.dueAt[milestone], facts.doneAt[milestone], facts.closed, now),
  }));
}

/** The earliest deadline still running, or null: what the case list sorts and the overdue filter compares on. */
export function nextDueAt(facts: MilestoneFacts): string | null {
  if (facts.closed) return null;
  const open = milestones.filter((m) => !facts.doneAt[m]).map((m) => facts.dueAt[m]);
  return open.length ? open.sort()[0]! : null;
}

/** "2 d 4 h", "5 h 12 min", "3 min": the time left (or, negative, past) for a countdown. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
