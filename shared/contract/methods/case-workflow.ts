import { z } from 'zod';
import { consentDecisionSchema, consentSchema, consentScopeSchema, taskSchema } from '../case-records';
import { defineMethod } from '../define';
import { distinctList, idSchema, timestampSchema } from '../fields';

export const timelineGroups = ['referral', 'status', 'people', 'consents', 'tasks', 'team', 'notes', 'interview', 'medical', 'therapy', 'meetings', 'referrals', 'documents'] as const;
export type TimelineGroup = (typeof timelineGroups)[number];

export const timelineEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  by: z.string(),
  kind: z.string(),
  group: z.enum(timelineGroups),
  /** What the entry is about, for the sentence the screen builds (field names, statuses, a person's name…). */
  data: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean(), z.null()])),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const caseRef = { caseId: idSchema };
const noteText = z.string().trim().max(2_000).default('');

export const caseWorkflowMethods = {
  'cases.recordConsent': defineMethod({
    summary:
      'Record a consent decision (information sharing between agencies, medical exam, therapy) by the child (personId null) or one of the adults of the case, and when it was given or refused. An adult named as the alleged perpetrator cannot decide for the child (400 on personId); a decision recorded before they were named no longer counts.',
    permission: 'consents.record',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, scope: consentScopeSchema, decision: consentDecisionSchema, personId: idSchema.nullable(), at: timestampSchema, note: noteText }),
    output: consentSchema,
    example: { caseId: 1, scope: 'medical_exam', decision: 'given', personId: null, at: '2026-11-21T10:00:00.000Z', note: '' },
  }),
  'cases.withdrawConsent': defineMethod({
    summary: 'Record that a given consent was withdrawn, and when. Withdrawing twice answers 409.',
    permission: 'consents.record',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, consentId: idSchema, at: timestampSchema, note: noteText }),
    output: consentSchema,
    example: { caseId: 1, consentId: 1, at: '2026-11-21T12:00:00.000Z', note: 'Mother withdrew it by phone.' },
  }),
  'cases.resolveTask': defineMethod({
    summary: 'Mark a task of the case done, or dismiss it with a note saying why. A resolved task answers 409.',
    permission: 'cases.tasks',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, taskId: idSchema, resolution: z.enum(['done', 'dismissed']), note: noteText }),
    output: taskSchema,
    example: { caseId: 1, taskId: 1, resolution: 'done', note: 'Referred to the national mechanism by phone.' },
  }),
  'cases.timeline': defineMethod({
    summary: 'Everything that happened on the case, newest first, optionally only some kinds. Hidden from a blind interviewer until the interview.',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, groups: distinctList(z.enum(timelineGroups), timelineGroups.length).default([]) }),
    output: z.object({ entries: z.array(timelineEntrySchema), hiddenUntilInterview: z.boolean() }),
    example: { caseId: 1, groups: ['status', 'people'] },
  }),
};
