import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../shared/contract';
import { applyServerError } from '../forms/server-errors';
import { issueMessage } from '../i18n/messages';

/**
 * A refused save in words: field issues go under their fields; a reason the
 * form has no field for (such as "therapy is closed") becomes the message for
 * the whole form, rather than "check the marked fields" with nothing marked.
 */
export function refusalMessage<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  t: TFunction,
  fieldFor: (path: (string | number)[]) => Path<T> | null,
): string {
  const generic = applyServerError(error, setError, t, fieldFor);
  if (!(error instanceof ApiError) || error.issues.length === 0) return generic;
  const unplaced = error.issues.filter((issue) => fieldFor(issue.path) === null);
  if (unplaced.length === 0) return generic;
  return [...new Set(unplaced.map((issue) => issueMessage(t, issue)))].join(' ');
}

/** The record a stale save found stored instead (409 with details.current), or null for any other refusal. */
export function staleCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const current = (error.details as { current?: T } | undefined)?.current;
  return current ?? null;
}

/**
 * An examination's 409 in words: changed by someone else since the dialog
 * opened, or no longer open to this change (held, cancelled, the case closed).
 * Null for any other refusal.
 */
export function staleOrClosed(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  if (staleCurrent(error)) return t('medical.stale');
  return t('medical.notChangeable');
}
