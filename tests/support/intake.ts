import type { Intake } from '../../shared/contract/methods/cases';
import type { NewPerson } from '../../shared/contract/case-records';

/** A referral as the intake form sends it: a new child by name, received an hour before `now`. */
export function referral(child: NewPerson, more: Partial<Intake> & { reported?: string } = {}, now = new Date('2026-11-22T09:00:00Z')): Intake {
  const { reported = 'Disclosed to a teacher.', fields, ...rest } = more;
  return {
    fields: { receivedAt: new Date(now.getTime() - 3_600_000).toISOString(), source: 'school', urgency: 'routine', reported, ...fields },
    child: { new: child },
    ...rest,
  };
}
