import { z } from 'zod';
import { careConsentRules } from '../../cases/categories';
import { defineMethod } from '../define';
import { centreNameSchema, emptyInput, timestampSchema, versionSchema } from '../fields';

/** Days from registration to the forensic interview (Stockholm model: about two weeks). */
export const interviewDeadlineDaysSchema = z.number().int().min(1).max(90);

/** Medical or therapy work recorded without a current consent to it: refused ('refuse', the default) or accepted with a warning ('warn'). */
export const careConsentRuleSchema = z.enum(careConsentRules);

const centreSchema = z.object({
  name: z.string(),
  interviewDeadlineDays: interviewDeadlineDaysSchema,
  careConsentRule: careConsentRuleSchema,
  createdAt: timestampSchema,
  version: versionSchema,
});
export type Centre = z.infer<typeof centreSchema>;

const byteCount = z.number().int().nonnegative();
export const storageSpaceSchema = z.object({
  /** Free for the host, on the tightest of the volumes holding the database and the recordings. */
  freeBytes: byteCount,
  totalBytes: byteCount,
  /** The warning threshold: a share of the volume or a fixed amount, whichever is more (10% or 5 GB by default). */
  warnBelowBytes: byteCount,
  low: z.boolean(),
  /** Files the evidence store set aside because no recording names them (left by a crash): see operations.md, "Evidence quarantine". */
  quarantine: z.object({ count: z.number().int().nonnegative(), bytes: byteCount }),
});
export type StorageSpace = z.infer<typeof storageSpaceSchema>;

export const centreMethods = {
  'centre.get': defineMethod({
    summary: "The centre's settings.",
    permission: 'signed-in',
    mutates: false,
    audit: 'refusals',
    input: emptyInput,
    output: centreSchema,
    example: {},
  }),
  'centre.update': defineMethod({
    summary:
      "Rename the centre, change the interview deadline (days from registration; applies to cases registered from then on) or the rule for medical and therapy work recorded without a current consent to it (refuse or warn). `version` is the one you read: a stale version is refused with 409 and the current record.",
    permission: 'centre.manage',
    mutates: true,
    audit: 'every-call',
    // Optional, not defaulted: a client that only renames the centre must not reset the deadline.
    input: z.strictObject({
      name: centreNameSchema,
      interviewDeadlineDays: interviewDeadlineDaysSchema.optional(),
      careConsentRule: careConsentRuleSchema.optional(),
      version: versionSchema,
    }),
    output: centreSchema,
    example: { name: 'Barnahus Sofia', interviewDeadlineDays: 14, careConsentRule: 'refuse', version: 0 },
  }),
  'centre.storage': defineMethod({
    summary:
      "Free space on the host's data volume (the tightest of the database's and the recordings' folders) and whether it is under the warning threshold, so administrators are warned before it fills up, and what the evidence quarantine holds (files no recording names, left by a crash). When it is full, every call answers 507 storage_full until space is freed.",
    permission: 'centre.manage',
    mutates: false,
    audit: 'refusals',
    input: emptyInput,
    output: storageSpaceSchema,
    example: {},
  }),
};
