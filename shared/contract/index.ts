import type { z } from 'zod';
import type { MethodSpec } from './define';
import { accountMethods } from './methods/account';
import { auditMethods } from './methods/audit';
import { backupsMethods } from './methods/backups';
import { authMethods } from './methods/auth';
import { casePeopleMethods } from './methods/case-people';
import { caseWorkflowMethods } from './methods/case-workflow';
import { casesMethods } from './methods/cases';
import { centreMethods } from './methods/centre';
import { documentMethods } from './methods/documents';
import { medicalMethods, meetingMethods, referralMethods, therapyMethods } from './methods/followup';
import { interviewMethods, recordingMethods, resourceMethods } from './methods/interviews';
import { securityMethods } from './methods/security';
import { setupMethods } from './methods/setup';
import { usersMethods } from './methods/users';

/** The whole contract: every operation any transport can carry. */
export const contract = {
  ...setupMethods,
  ...authMethods,
  ...accountMethods,
  ...centreMethods,
  ...securityMethods,
  ...usersMethods,
  ...casesMethods,
  ...casePeopleMethods,
  ...caseWorkflowMethods,
  ...resourceMethods,
  ...interviewMethods,
  ...recordingMethods,
  ...medicalMethods,
  ...therapyMethods,
  ...meetingMethods,
  ...referralMethods,
  ...documentMethods,
  ...auditMethods,
  ...backupsMethods,
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
