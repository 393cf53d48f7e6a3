import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract';
import { fieldError } from '../errors';

type Path = (string | number)[];

/** The parts of an adult's place in a case that decide whether they may be told about it. */
export interface InformFacts {
  mayBeInformed: boolean;
  allegedPerpetrator: boolean;
  informOverride: boolean;
  informNote: string;
}

/**
 * An alleged perpetrator told about the case can warn others, pressure the
 * child or destroy evidence, so one is informed only by an explicit override
 * with a reason. `path` is where the link sits in the caller's input.
 */
export function checkInformRule(link: InformFacts, path: Path): void {
  if (!link.allegedPerpetrator || !link.mayBeInformed) return;
  if (!link.informOverride) throw fieldError([...path, 'mayBeInformed'], checkMessages.perpetratorInformed);
  if (link.informNote.trim() === '') throw fieldError([...path, 'informNote'], checkMessages.overrideReason);
}

/** The override is stored only where it is in force, so unticking and ticking "alleged perpetrator" again needs a new one. */
export function storedOverride(link: InformFacts): 0 | 1 {
  return link.allegedPerpetrator && link.mayBeInformed && link.informOverride ? 1 : 0;
}

export function isAllegedPerpetrator(db: Database, caseId: number, personId: number): boolean {
  return db.prepare('SELECT 1 FROM case_people WHERE case_id = ? AND person_id = ? AND alleged_perpetrator = 1').get(caseId, personId) !== undefined;
}

/** Someone alleged to have harmed the child cannot decide for the child, whether or not they hold parental responsibility. */
export function refusePerpetratorConsent(db: Database, caseId: number, personId: number | null, path: Path): void {
  if (personId !== null && isAllegedPerpetrator(db, caseId, personId)) throw fieldError(path, checkMessages.perpetratorConsent);
}
