import { therapyMethods } from '../../../shared/contract/methods/followup';
import type { HandlerDef } from './types';
import type { MethodName } from '../../../shared/contract';

// Placeholder until the handlers land: every method answers "not implemented".
export const therapyHandlers = Object.fromEntries(
  Object.keys(therapyMethods).map((name) => [name, { run: () => { throw new Error(`${name} is not implemented yet`); } }]),
) as unknown as { [M in keyof typeof therapyMethods & MethodName]: HandlerDef<M, undefined> };
