import { medicalMethods } from '../../../shared/contract/methods/followup';
import type { HandlerDef } from './types';
import type { MethodName } from '../../../shared/contract';

// Placeholder until the handlers land: every method answers "not implemented".
export const medicalHandlers = Object.fromEntries(
  Object.keys(medicalMethods).map((name) => [name, { run: () => { throw new Error(`${name} is not implemented yet`); } }]),
) as unknown as { [M in keyof typeof medicalMethods & MethodName]: HandlerDef<M, undefined> };
