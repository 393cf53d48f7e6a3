import { TZDate } from '@date-fns/tz';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Clock } from '../clock';
import { readCentreZone } from './settings-row';
import { lastAttemptAt, lastGoodRunAt } from './runs';
import type { BackupService } from './service';
import { readBackupSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the scheduler looks at the clock: a backup starts at most this late. */
export const TICK_MS = 60_000;

/** The latest moment at or before `now` when the centre's wall clock read `time` (HH:MM). */
export function latestOccurrence(time: string, timeZone: string, now: Date): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local = new TZDate(now.getTime(), timeZone);
  let day = 0;
  for (;;) {
    const candidate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - day, hours, minutes, 0, timeZone);
    if (candidate.getTime() <= now.getTime()) return new Date(candidate.getTime());
    day += 1;
  }
}

export interface ScheduleFacts {
  enabled: boolean;
  hasDestination: boolean;
  /** The latest scheduled moment at or before now. */
  occurrence: Date;
  lastAttemptAt: string | null;
  lastGoodAt: string | null;
  startedAt: Date;
  firstTick: boolean;
  now: Date;
}

/**
 * One attempt per scheduled time, failed or not (a failure waits for the next
 * day or Back up now, rather than retrying every minute against a missing
 * drive). A scheduled time that passed while the host was off is caught up
 * once, at start, when the last good backup is older than a day.
 */
export function isDue(facts: ScheduleFacts): boolean {
  if (!facts.enabled || !facts.hasDestination) return false;
  const attemptedSince = facts.lastAttemptAt !== null && Date.parse(facts.lastAttemptAt) >= facts.occurrence.getTime();
  if (attemptedSince) return false;
  if (facts.occurrence.getTime() >= facts.startedAt.getTime()) return true;
  const stale = facts.lastGoodAt === null || facts.now.getTime() - Date.parse(facts.lastGoodAt) > DAY_MS;
  return facts.firstTick && stale;
}

/**
 * The daily backup of the host and of the desktop standalone app. It reads
 * the core's Clock on each tick, so tests move a TestClock and call tick().
 * Its timer is unref'd: it never keeps a process alive.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private startedAt: Date | null = null;
  private ticks = 0;

  constructor(private readonly deps: { db: Database; service: BackupService; clock: Clock; log: (message: string) => void }) {}

  start(): void {
    if (this.timer) return;
    this.startedAt = this.deps.clock.now();
    this.tick();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Starts the scheduled backup if it is due; answers whether it did. */
  tick(): boolean {
    const { db, service, clock, log } = this.deps;
    const firstTick = this.ticks === 0;
    this.ticks += 1;
    if (!db.open || service.running) return false;
    try {
      const now = clock.now();
      const { settings } = readBackupSettings(db);
      const due = isDue({
        enabled: settings.scheduleEnabled,
        hasDestination: settings.destination !== null,
        occurrence: latestOccurrence(settings.scheduleTime, readCentreZone(db), now),
        lastAttemptAt: lastAttemptAt(db),
        lastGoodAt: lastGoodRunAt(db),
        startedAt: this.startedAt ?? now,
        firstTick,
        now,
      });
      if (!due) return false;
      service.startBackup('scheduled', null);
      return true;
    } catch (error) {
      log(`the scheduled backup could not start: ${(error as Error).message}`);
      return false;
    }
  }
}
