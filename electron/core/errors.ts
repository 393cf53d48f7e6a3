import type { ZodError } from 'zod';
import { errorStatus, type ApiErrorPayload, type ErrorCode, type FieldIssue } from '../../shared/contract';

/** A refusal the caller should see as-is: it becomes the contract's error shape. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toPayload(): ApiErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function invalidInput(error: ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    code: issue.code,
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')}: ${first.message})` : first ? ` (${first.message})` : '';
  return new AppError('invalid_input', `The input is not valid${where}`, { issues });
}

/** A 400 for one field, from a check zod cannot make (it needs the database or the clock). */
export function fieldError(path: readonly (string | number)[], message: string): AppError {
  return new AppError('invalid_input', `The input is not valid (${path.join('.')}: ${message})`, {
    issues: [{ path: [...path], code: 'custom', message }],
  });
}
