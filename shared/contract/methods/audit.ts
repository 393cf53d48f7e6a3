import { z } from 'zod';
import { defineMethod } from '../define';
import { emptyInput, idSchema, timestampSchema } from '../fields';

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
    summary: 'Walk the hash chain. Any entry edited, removed or inserted behind the log’s back breaks it.',
    permission: 'audit.read',
    mutates: false,
    audit: 'every-call',
    input: emptyInput,
    output: z.object({ ok: z.boolean(), entries: z.number().int().nonnegative(), firstBroken: idSchema.optional() }),
    example: {},
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
