import { z } from 'zod';
import { caseStatuses, violenceTypes } from '../../cases/categories';
import {
  caseDetailSchema,
  caseFieldsSchema,
  caseStatusSchema,
  legalOutcomeSchema,
  linkFieldsSchema,
  newPersonSchema,
  violenceTypeSchema,
} from '../case-records';
import { attentionItemSchema } from '../followup-records';
import { defineMethod } from '../define';
import { dateSchema, disciplineSchema, distinctList, idSchema, nonBlankText, timestampSchema, versionSchema } from '../fields';

export { caseDetailSchema, teamMemberSchema, type CaseDetail } from '../case-records';

export const caseSortFields = ['received', 'reference', 'child', 'status', 'nextDue'] as const;
export type CaseSortField = (typeof caseSortFields)[number];

export const caseListItemSchema = z.object({
  id: idSchema,
  reference: z.string(),
  /** Null where the case is restricted and the caller is not on its team: lists show "Restricted". */
  childName: z.string().nullable(),
  age: z.number().int().nonnegative().nullable(),
  status: caseStatusSchema.nullable(),
  restricted: z.boolean(),
  /** Whether the caller may open it. */
  accessible: z.boolean(),
  receivedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  nextDueAt: timestampSchema.nullable(),
  overdue: z.boolean(),
  coordinator: z.string().nullable(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseQuerySchema = z.strictObject({
  /** Child or relative's name (any script, any diacritics), case number or an agency's file number; every word must match. */
  query: z.string().trim().max(100).default(''),
  statuses: distinctList(caseStatusSchema, caseStatuses.length).default([]),
  overdue: z.boolean().default(false),
  violenceTypes: distinctList(violenceTypeSchema, violenceTypes.length).default([]),
  receivedFrom: dateSchema.nullable().default(null),
  receivedTo: dateSchema.nullable().default(null),
  sort: z.enum(caseSortFields).default('received'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().nonnegative().max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CaseQuery = z.input<typeof caseQuerySchema>;

export const noteSchema = z.object({
  id: idSchema,
  discipline: disciplineSchema,
  author: z.string(),
  createdAt: timestampSchema,
  /** Null when the note belongs to another discipline: the team sees that it exists, not what it says. */
  text: z.string().nullable(),
});

/** The child or an adult: an existing person found by people.search, or a new one. */
export const personChoiceSchema = z.union([z.strictObject({ personId: idSchema }), z.strictObject({ new: newPersonSchema })]);

export const intakeSchema = z.strictObject({
  fields: caseFieldsSchema.partial().required({ receivedAt: true, source: true, urgency: true }),
  child: personChoiceSchema,
  people: z.array(z.strictObject({ person: personChoiceSchema, link: linkFieldsSchema })).max(20).default([]),
  restricted: z.boolean().default(false),
});
export type Intake = z.input<typeof intakeSchema>;

const caseRef = { caseId: idSchema };
const exampleIntake: Intake = {
  fields: {
    receivedAt: '2026-11-20T08:30:00.000Z',
    source: 'school',
    urgency: 'urgent',
    referrerName: 'Maria Ionescu',
    referrerContact: 'school counsellor, 0722 000 000',
    reported: 'The child told the counsellor about bruises from home.',
    violenceTypes: ['physical'],
    place: 'home',
    perpetrator: 'father',
  },
  child: { new: { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2016-04-02', gender: 'male', languages: ['Bulgarian'] } },
  people: [
    {
      person: { new: { firstName: 'Elena', lastName: 'Petrova', phone: '+359 88 000 0000' } },
      link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
    },
  ],
};

export const casesMethods = {
  'cases.list': defineMethod({
    summary:
      'Find cases: by name in any script or spelling, case number or agency file number; filtered by status, overdue deadlines, violence type and date received; sorted and paged. Callers see their teams; coordinators every case (restricted ones, without the name, only in an unfiltered list).',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: caseQuerySchema,
    output: z.object({ items: z.array(caseListItemSchema), total: z.number().int().nonnegative() }),
    example: { query: 'petrov', statuses: ['referral'], sort: 'received', direction: 'desc', limit: 50 },
  }),
  'cases.create': defineMethod({
    summary:
      'Register a referral: the call, the child (a person already known or a new one), guardians and carers, file numbers and trafficking indicators. The creator joins the team; a coordinator becomes its case coordinator. Deadlines start now.',
    permission: 'cases.create',
    mutates: true,
    audit: 'every-call',
    input: intakeSchema,
    output: caseDetailSchema,
    example: exampleIntake,
  }),
  'cases.get': defineMethod({
    summary: 'One case file, as far as the caller may see it. An unknown case and one the caller may not see both answer 404.',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: caseDetailSchema,
    example: { caseId: 1 },
  }),
  'cases.update': defineMethod({
    summary:
      "Change some of the referral's fields and file numbers. `version` as read; if someone changed the case since, 409 with details.current (the case now) so the caller can merge.",
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      ...caseRef,
      version: versionSchema,
      changes: caseFieldsSchema.partial().refine((c) => Object.keys(c).length > 0, { message: 'Change at least one field' }),
    }),
    output: caseDetailSchema,
    example: { caseId: 1, version: 0, changes: { policeFile: 'P-1234/2026', urgency: 'urgent' } },
  }),
  'cases.changeStatus': defineMethod({
    summary:
      'Move the case along referral → initial assessment → planning → interview → follow-up → closed. Closing needs the legal outcome and its date; reopening a closed case needs a reason and restarts the deadlines not yet met.',
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      ...caseRef,
      version: versionSchema,
      status: caseStatusSchema,
      reason: z.string().trim().max(2_000).default(''),
      outcome: legalOutcomeSchema.nullable().default(null),
      outcomeDate: dateSchema.nullable().default(null),
    }),
    output: caseDetailSchema,
    example: { caseId: 1, version: 0, status: 'initial_assessment', reason: '' },
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
  'cases.setLegalHold': defineMethod({
    summary:
      "Put a case under legal hold (hold: true) or lift it, with the reason. While it holds, none of the case's recordings can be removed or withdrawn. By a coordinator or the case's prosecutor; on the case timeline and in the audit log.",
    permission: 'cases.legalHold',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, hold: z.boolean(), reason: nonBlankText(500) }),
    output: caseDetailSchema,
    example: { caseId: 1, hold: true, reason: 'Appeal pending before the Cluj Court of Appeal (file 987/P/2026).' },
  }),
  'cases.setCoordinator': defineMethod({
    summary: 'Make a coordinator responsible for the case; they join its team.',
    permission: 'cases.team',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, userId: idSchema }),
    output: caseDetailSchema,
    example: { caseId: 1, userId: 2 },
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
    summary: 'Record that the forensic interview took place (meets the interview deadline and ends blind-interviewer mode).',
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
  'cases.attention': defineMethod({
    summary:
      "What needs attention, soonest first: deadlines overdue or due within 24 hours, open tasks and action items, referrals past their follow-up date, repeated therapy no-shows, medical results pending. 'mine': the caller's own cases and action items; 'centre': every case the caller may see.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ scope: z.enum(['mine', 'centre']).default('mine') }),
    output: z.array(attentionItemSchema),
    example: { scope: 'centre' },
  }),
};
