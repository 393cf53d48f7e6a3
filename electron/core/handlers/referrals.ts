import { referralMethods } from '../../../shared/contract/methods/followup';
import type { HandlerDef } from './types';
import type { MethodName } from '../../../shared/contract';

// Placeholder until the handlers land: every method answers "not implemented".
export const referralHandlers = Object.fromEntries(
  Object.keys(referralMethods).map((name) => [name, { run: () => { throw new Error(`${name} is not implemented yet`); } }]),
) as unknown as { [M in keyof typeof referralMethods & MethodName]: HandlerDef<M, undefined> };
