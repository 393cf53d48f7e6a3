import type { z } from 'zod';
import type { Permission } from '../permissions';

/** One operation of the contract, declared once and used by every transport. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly permission: Permission;
  /** Writes run in an immediate transaction and may publish change events. */
  readonly mutates: boolean;
  /**
   * What the audit log records: 'every-call' for anything touching case data,
   * accounts or security (successes and refusals); 'refusals' for calls that
   * read no case data (the sign-in screen's status, the session heartbeat),
   * whose 401/403/404/423/429 answers are still recorded.
   */
  readonly audit: 'every-call' | 'refusals';
  readonly input: I;
  readonly output: O;
  /** A valid input: documents the method and seeds the invalid-input property test. */
  readonly example: z.input<I>;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
