import { expect } from 'vitest';
import { ApiError } from '../../shared/contract';

/** The error a call was refused with; fails the test if the call succeeded or failed otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

/** The field issues of a call refused as invalid input (400). */
export async function fieldRefusal(promise: Promise<unknown>) {
  const error = await refusal(promise);
  expect(error.status, error.message).toBe(400);
  return error.issues;
}
