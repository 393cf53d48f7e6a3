import type { z } from 'zod';
import type { MethodSpec } from './define';
import { authMethods } from './methods/auth';
import { centreMethods } from './methods/centre';
import { setupMethods } from './methods/setup';

/** The whole contract: every operation any transport can carry. */
export const contract = {
  ...setupMethods,
  ...authMethods,
  ...centreMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { defineMethod, type MethodSpec } from './define';
export * from './errors';
export * from './fields';
