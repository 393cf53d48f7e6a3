import { checkMessages } from '../../../shared/contract';
import { AppError } from '../errors';

/** A few minutes' grace for a workstation whose clock is slightly ahead of the host's. */
const CLOCK_SKEW_MS = 5 * 60_000;

type Check = { path: (string | number)[]; value: string | null | undefined; kind: 'date' | 'moment' };

/**
 * Dates that cannot lie in the future (a birth, a referral received, a
 * consent given), checked against the host's clock, so every workstation is
 * held to the same "now". Answers like a schema failure, with each field's path.
 */
export function rejectFuture(now: Date, checks: Check[]): void {
  const today = now.toISOString().slice(0, 10);
  const issues = checks
    .filter(({ value, kind }) => value != null && (kind === 'date' ? value > today : Date.parse(value) > now.getTime() + CLOCK_SKEW_MS))
    .map(({ path }) => ({ path, code: 'custom', message: checkMessages.dateFuture }));
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new AppError('invalid_input', `The input is not valid (${first.path.join('.')}: ${first.message})`, { issues });
  }
}
