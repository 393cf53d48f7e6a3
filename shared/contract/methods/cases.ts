import { z } from 'zod';
import { defineMethod } from '../define';
import { agencySchema, disciplineSchema, emptyInput, idSchema, roleSchema, timestampSchema, versionSchema } from '../fields';

const personName = z.string().trim().min(1).max(80);
const summaryText = z.string().trim().max(20_000);

export const teamMemberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  agency: agencySchema,
  jobTitle: z.string(),
  roles: z.array(roleSchema),
  addedAt: timestampSchema,
});

export const caseDetailSchema = z.object({
  id: idSchema,
  reference: z.string(),
  childFirstName: z.string(),
  childLastName: z.string(),
  /** What was reported. Null for a blind interviewer before the interview. */
  summary: z.string().nullable(),
  restricted: z.boolean(),
  interviewDoneAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  team: z.array(teamMemberSchema),
  /** 'blind': the caller is a forensic interviewer kept blind to the case until the interview. */
  view: z.enum(['full', 'blind']),
  version: versionSchema,
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseListItemSchema = z.object({
  id: idSchema,
  reference: z.string(),
  /** Null where the case is restricted and the caller is not on its team: lists show "Restricted". */
  childName: z.string().nullable(),
  restricted: z.boolean(),
  /** Whether the caller may open it. */
  accessible: z.boolean(),
  createdAt: timestampSchema,
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const noteSchema = z.object({
  id: idSchema,
  discipline: disciplineSchema,
  author: z.string(),
  createdAt: timestampSchema,
  /** Null when the note belongs to another discipline: the team sees that it exists, not what it says. */
  text: z.string().nullable(),
});

const caseRef = { caseId: idSchema };

export const casesMethods = {
  'cases.list': defineMethod({
    summary: 'Cases the caller is entitled to know of: their teams; for coordinators every case (restricted ones without the child’s name).',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: emptyInput,
    output: z.array(caseListItemSchema),
    example: {},
  }),
  'cases.create': defineMethod({
    summary: 'Open a case for a child. The creator joins its team.',
    permission: 'cases.create',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ childFirstName: personName, childLastName: personName, summary: summaryText.default('') }),
    output: caseDetailSchema,
    example: { childFirstName: 'Ivan', childLastName: 'Petrov', summary: 'Referred by the school counsellor.' },
  }),
  'cases.get': defineMethod({
    summary: 'One case, as far as the caller may see it. An unknown case and one the caller may not see both answer 404.',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: caseDetailSchema,
    example: { caseId: 1 },
  }),
  'cases.update': defineMethod({
    summary: "Edit the child's name and the summary. `version` as read; stale → 409 with the current case.",
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, version: versionSchema, childFirstName: personName, childLastName: personName, summary: summaryText }),
    output: caseDetailSchema,
    example: { caseId: 1, version: 0, childFirstName: 'Ivan', childLastName: 'Petrov', summary: 'Referred by the school counsellor.' },
  }),
  'cases.setRestricted': defineMethod({
    summary: 'Mark a case restricted (e.g. the child is related to staff) or lift it.',
    permission: 'cases.restrict',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, restricted: z.boolean(), version: versionSchema }),
    output: caseDetailSchema,
    example: { caseId: 1, restricted: true, version: 0 },
  }),
  'cases.addMember': defineMethod({
    summary: 'Put a colleague on the case team: from then on they can see the case.',
    permission: 'cases.team',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, userId: idSchema }),
    output: caseDetailSchema,
    example: { caseId: 1, userId: 2 },
  }),
  'cases.removeMember': defineMethod({
    summary: 'Take a colleague off the case team.',
    permission: 'cases.team',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, userId: idSchema }),
    output: caseDetailSchema,
    example: { caseId: 1, userId: 2 },
  }),
  'cases.markInterviewDone': defineMethod({
    summary: 'Record that the forensic interview took place (ends blind-interviewer mode for the case).',
    permission: 'cases.interview',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: caseDetailSchema,
    example: { caseId: 1 },
  }),
  'cases.listNotes': defineMethod({
    summary: "The case's notes, newest first. Therapy and medical notes show their text only to their own discipline.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: z.object({ notes: z.array(noteSchema), hiddenUntilInterview: z.boolean() }),
    example: { caseId: 1 },
  }),
  'cases.addNote': defineMethod({
    summary: 'Add a note. Therapy notes need the therapist role, medical notes the medical role.',
    permission: 'notes.write',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, discipline: disciplineSchema, text: z.string().trim().min(1).max(20_000) }),
    output: noteSchema,
    example: { caseId: 1, discipline: 'general', text: 'Mother called; the appointment stands.' },
  }),
};

