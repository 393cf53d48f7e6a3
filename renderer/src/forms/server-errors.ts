import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../shared/contract';
import { errorMessage, issueMessage } from '../i18n/messages';

/**
 * Puts a refused call's field issues on the form's fields (the contract's
 * path mapped to the form's field), and returns the message for the whole form.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  t: TFunction,
  fieldFor: (path: (string | number)[]) => Path<T> | null,
): string {
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      const field = fieldFor(issue.path);
      if (field) setError(field, { type: 'server', message: issueMessage(t, issue) });
    }
  }
  return errorMessage(t, error);
}
