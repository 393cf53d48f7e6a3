import type { TFunction } from 'i18next';
import { ApiError, checkMessages, type CheckMessageId, type FieldIssue } from '../../../shared/contract';

const checkIds = new Map(Object.entries(checkMessages).map(([id, message]) => [message as string, id as CheckMessageId]));

/** A validation message in the interface language: our own checks by id, zod's already localised. */
export function validationMessage(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const id = checkIds.get(message);
  return id ? t(`validation.${id}`) : message;
}

export function issueMessage(t: TFunction, issue: FieldIssue): string {
  if (issue.code === 'required') return t('validation.required');
  return checkIds.has(issue.message) ? (validationMessage(t, issue.message) ?? issue.message) : t('errors.invalid_input');
}

/** Any failure, in words for the person at the screen. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`);
  return t('errors.internal');
}
