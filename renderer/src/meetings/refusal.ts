import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../shared/contract';
import { errorMessage, issueMessage } from '../i18n/messages';

/**
 * A refusal in words for a dialog without a field to put it on: the host's
 * own check messages (such as "mark at least one member present") rather
 * than the generic "some information is not valid".
 */
export function refusalText(t: TFunction, error: unknown): string {
  const issues = error instanceof ApiError ? error.issues : [];
  const words = [...new Set(issues.map((issue) => issueMessage(t, issue)))];
  return words.length > 0 ? words.join(' ') : errorMessage(t, error);
}

/**
 * Like forms/server-errors' applyServerError, but an issue no field of the
 * form shows (a case on the agenda the host refuses) is said in the form's
 * message instead of being lost behind "check the marked fields".
 */
export function applyRefusal<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, t: TFunction, fieldFor: (path: (string | number)[]) => Path<T> | null): string {
  if (!(error instanceof ApiError)) return errorMessage(t, error);
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const field = fieldFor(issue.path);
    if (field) setError(field, { type: 'server', message: issueMessage(t, issue) });
    else unplaced.push(issueMessage(t, issue));
  }
  return unplaced.length > 0 ? [...new Set(unplaced)].join(' ') : errorMessage(t, error);
}
