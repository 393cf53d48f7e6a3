import { z } from 'zod';
import { defineMethod } from '../define';
import { checkMessages, idSchema, timestampSchema } from '../fields';

export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  userId: idSchema.nullable(),
  username: z.string().nullable(),
  workstation: z.string(),
  method: z.string(),
  caseId: idSchema.nullable(),
  caseReference: z.string().nullable(),
  record: z.string().nullable(),
  /** 'ok', or the error code the call was refused with. */
  outcome: z.string(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Why a checkpoint was written: host start and stop, the hourly timer, an issued document, a backup. */
export const checkpointReasons = ['start', 'hourly', 'document', 'backup', 'stop'] as const;
export type CheckpointReason = (typeof checkpointReasons)[number];

/** The audit chain at one moment: its last entry and that entry's hash. Written outside the database (the anchor file) and printed on documents. */
export const auditCheckpointSchema = z.object({
  entry: z.number().int().nonnegative(),
  head: hashSchema,
  at: timestampSchema,
  reason: z.enum(checkpointReasons),
  /** The issued document that printed it. */
  document: z.string().max(40).optional(),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** A checkpoint the chain no longer agrees with: `found` is the chain's hash at that entry, null when the chain no longer reaches it. */
export const checkpointDisagreementSchema = z.object({
  entry: z.number().int().nonnegative(),
  at: timestampSchema,
  reason: z.enum(checkpointReasons),
  expected: hashSchema,
  found: hashSchema.nullable(),
});

/** A checkpoint as printed on a document, typed back in: spaces and line breaks are ignored, at least the first 16 hex digits of the head. */
export const printedCheckpointSchema = z.strictObject({
  entry: idSchema,
  head: z
    .string()
    .max(200)
    .refine((text) => /^[0-9a-f]{16,64}$/i.test(text.replace(/[\s·.…-]/g, '')), { message: checkMessages.checkpointHead }),
});

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  firstBroken: idSchema.optional(),
  checkpoints: z.object({
    /** The anchor file: absent until the first checkpoint; damaged when a line was edited or removed. */
    anchorFile: z.enum(['none', 'intact', 'damaged']),
    damagedLine: idSchema.optional(),
    compared: z.number().int().nonnegative(),
    disagreeing: z.number().int().nonnegative(),
    latest: auditCheckpointSchema.nullable(),
    /** The earliest checkpoint that disagrees: a rewrite began at or before its entry. */
    firstDisagreeing: checkpointDisagreementSchema.nullable(),
  }),
  printed: z
    .object({ entry: idSchema, head: z.string(), agrees: z.boolean(), found: hashSchema.nullable() })
    .nullable(),
});
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;

const range = {
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};

export const auditMethods = {
  'audit.list': defineMethod({
    summary: 'Audit entries, newest first, filtered; page with `before` (an entry id).',
    permission: 'audit.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({
      ...range,
      userId: idSchema.optional(),
      caseId: idSchema.optional(),
      /** The reference people know a case by (BH-2026-0007), for administrators who cannot open cases. */
      caseReference: z.string().trim().max(40).optional(),
      method: z.string().max(100).optional(),
      outcome: z.enum(['any', 'ok', 'refused']).default('any'),
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(auditEntrySchema), more: z.boolean() }),
    example: { outcome: 'refused', limit: 50 },
  }),
  'audit.caseAccess': defineMethod({
    summary: 'Who saw this case: every call about it, successful or refused, newest first.',
    permission: 'audit.case',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ caseId: idSchema }),
    output: z.array(auditEntrySchema),
    example: { caseId: 1 },
  }),
  'audit.verify': defineMethod({
    summary:
      'Walk the hash chain and compare it with every checkpoint in the anchor file and, if given, one typed from a printed document. Any entry edited, removed or inserted behind the log’s back breaks the chain; a consistent rewrite of anything before a checkpoint disagrees with it.',
    permission: 'audit.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ printed: printedCheckpointSchema.optional() }),
    output: auditVerdictSchema,
    example: { printed: { entry: 12345, head: '3f9c0a1b 2c3d4e5f 60718293 a4b5c6d7 e8f90a1b 2c3d4e5f 60718293 a4b5e2a1' } },
  }),
  'audit.export': defineMethod({
    summary: 'The log for a date range as CSV (UTF-8 with BOM, for spreadsheets).',
    permission: 'audit.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ from: timestampSchema, to: timestampSchema }),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
    example: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
  }),
};
