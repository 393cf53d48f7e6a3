import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/contract';
import { errorMessage, issueMessage } from '../i18n/messages';

/** A refusal in words: a field's own check ("choose the folder first") rather than the generic "not valid". */
export function refusalMessage(t: TFunction, error: unknown): string {
  const first = error instanceof ApiError ? error.issues[0] : undefined;
  return first ? issueMessage(t, first) : errorMessage(t, error);
}
