import { z } from 'zod';
import { defineMethod } from '../define';
import { emptyInput, roleSchema, versionSchema } from '../fields';

export const securityPolicySchema = z.object({
  /** Seconds without activity before a workstation locks: 15 minutes unless the centre chooses otherwise. */
  idleLockSeconds: z.number().int().min(5).max(24 * 60 * 60),
  totpRequiredRoles: z.array(roleSchema),
  /** Forensic interviewers see only what the interview needs until it is recorded as done. */
  blindInterviewer: z.boolean(),
  version: versionSchema,
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const securityMethods = {
  'security.getPolicy': defineMethod({
    summary: "The centre's security settings.",
    permission: 'security.manage',
    mutates: false,
    audit: 'every-call',
    input: emptyInput,
    output: securityPolicySchema,
    example: {},
  }),
  'security.updatePolicy': defineMethod({
    summary: 'Change the idle lock, which roles must use two-factor sign-in, and the blind-interviewer rule.',
    permission: 'security.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      idleLockSeconds: securityPolicySchema.shape.idleLockSeconds,
      totpRequiredRoles: z.array(roleSchema).max(8),
      blindInterviewer: z.boolean(),
      version: versionSchema,
    }),
    output: securityPolicySchema,
    example: { idleLockSeconds: 900, totpRequiredRoles: ['administrator'], blindInterviewer: false, version: 0 },
  }),
};
