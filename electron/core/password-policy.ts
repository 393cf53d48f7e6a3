import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { checkMessages } from '../../shared/contract';
import { AppError } from './errors';

/**
 * Strength, not composition rules: zxcvbn estimates how guessable a password
 * is (common passwords, words, names, keyboard runs, dates, the user's own
 * name). Score 3 of 4 ("safely unguessable" offline at moderate speed) with
 * the length rule of the contract. Checked on the host only, so the renderer
 * does not carry the dictionaries.
 */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

export function passwordScore(password: string, personal: readonly string[]): number {
  return zxcvbn().check(password.slice(0, 100), [...personal.filter(Boolean), 'barnahus', 'desk']).score;
}

/** Throws an invalid_input refusal on `path` when the password is too guessable. */
export function assertStrongPassword(password: string, personal: readonly string[], path: (string | number)[]): void {
  if (passwordScore(password, personal) >= MIN_SCORE) return;
  throw new AppError('invalid_input', `The input is not valid (${path.join('.')}: ${checkMessages.passwordWeak})`, {
    issues: [{ path, code: 'weak_password', message: checkMessages.passwordWeak }],
  });
}
