import { z } from 'zod';
import { meetingTypes, referralStatuses, therapyClosureReasons } from '../../followup/categories';
import { defineMethod } from '../define';
import { checkMessages, dateSchema, idSchema, nonBlankText, versionSchema } from '../fields';
import { pdfFileSchema } from './documents';
import {
  actionItemFieldsSchema,
  actionItemSchema,
  assessmentFieldsSchema,
  assessmentSchema,
  examBookingFieldsSchema,
  examRecordFieldsSchema,
  medicalExamSchema,
  medicalFollowupFieldsSchema,
  medicalFollowupSchema,
  meetingFieldsSchema,
  meetingSchema,
  referralFieldsSchema,
  referralSchema,
  therapyOverviewSchema,
  therapySessionFieldsSchema,
  therapySessionSchema,
  treatmentPlanFieldsSchema,
  treatmentPlanSchema,
  type ExamBookingFields,
  type MeetingFields,
} from '../followup-records';

const caseRef = { caseId: idSchema };
const examRef = { examId: idSchema };
/** New records are saved with id null and version 0. */
const upsert = { id: idSchema.nullable(), version: versionSchema };
const reason = z.string().trim().max(1_000).default('');

const exampleExam: ExamBookingFields = {
  kind: 'forensic',
  startsAt: '2026-11-25T09:00:00.000Z',
  durationMinutes: 60,
  roomId: 4,
  examinerId: 7,
  interpreterId: null,
  interpreterLanguage: '',
  supportPerson: 'Maria Ionescu (aunt)',
  purpose: 'Forensic examination agreed at the planning meeting.',
};

export const medicalMethods = {
  'medical.list': defineMethod({
    summary: "The case's medical examinations, soonest first. Findings are for medical staff; the team reads the summary while the information-sharing consent stands.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: z.array(medicalExamSchema),
    example: { caseId: 1 },
  }),
  'medical.schedule': defineMethod({
    summary:
      'Book a medical examination: a medical room, an examiner with the medical role, optionally an interpreter. The same checks as an interview (rooms, examiner, interpreter and child double-booked, closed days, working hours, buffer); refusals answer 409 with details.conflicts.',
    permission: 'medical.schedule',
    mutates: true,
    audit: 'every-call',
    input: examBookingFieldsSchema.extend(caseRef),
    output: medicalExamSchema,
    example: { caseId: 1, ...exampleExam },
  }),
  'medical.update': defineMethod({
    summary: 'Change a booked examination (with the version you read). Moving it needs a reason.',
    permission: 'medical.schedule',
    mutates: true,
    audit: 'every-call',
    input: examBookingFieldsSchema.extend({ ...examRef, version: versionSchema, reason }),
    output: medicalExamSchema,
    example: { examId: 1, version: 0, ...exampleExam, reason: 'Examiner on call elsewhere' },
  }),
  'medical.cancel': defineMethod({
    summary: 'Cancel a booked examination, saying why.',
    permission: 'medical.schedule',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...examRef, version: versionSchema, reason: nonBlankText(1_000) }),
    output: medicalExamSchema,
    example: { examId: 1, version: 0, reason: 'The family asked to postpone.' },
  }),
  'medical.record': defineMethod({
    summary:
      'Record the examination as held: when, the findings (medical staff only) and a summary for the case team. Needs a current consent to the medical exam on the case.',
    permission: 'notes.medical',
    mutates: true,
    audit: 'every-call',
    input: examRecordFieldsSchema.extend({ ...examRef, version: versionSchema }),
    output: medicalExamSchema,
    example: { examId: 1, version: 0, performedAt: '2026-11-25T09:10:00.000Z', findings: 'No acute injuries.', teamSummary: 'Examined; tests ordered.' },
  }),
  'medical.saveFollowup': defineMethod({
    summary: 'Add (id null) or update a follow-up need of an examination (a test, a specialist referral) with its due date and, when in, the result.',
    permission: 'notes.medical',
    mutates: true,
    audit: 'every-call',
    input: medicalFollowupFieldsSchema.extend({ ...examRef, ...upsert }),
    output: medicalFollowupSchema,
    example: { examId: 1, id: null, version: 0, kind: 'laboratory_test', description: 'STI panel', dueDate: '2026-12-02', result: '', doneOn: null },
  }),
};

export const therapyMethods = {
  'therapy.get': defineMethod({
    summary:
      "The case's therapy: sessions, assessments, treatment plan and the attendance pattern. Clinical notes, scores and goals only for therapists; the team sees attendance and the therapist's shareable summary.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: therapyOverviewSchema,
    example: { caseId: 1 },
  }),
  'therapy.saveSession': defineMethod({
    summary: 'Log a session (id null) or update one: date, duration, type, attended / cancelled / no-show, clinical notes.',
    permission: 'notes.therapy',
    mutates: true,
    audit: 'every-call',
    input: therapySessionFieldsSchema.extend({ ...caseRef, ...upsert }),
    output: therapySessionSchema,
    example: { caseId: 1, id: null, version: 0, startsAt: '2026-11-26T13:00:00.000Z', durationMinutes: 50, type: 'crisis_intervention', attendance: 'attended', notes: '' },
  }),
  'therapy.saveAssessment': defineMethod({
    summary: 'Record an assessment (instrument, score, date) or correct one.',
    permission: 'notes.therapy',
    mutates: true,
    audit: 'every-call',
    input: assessmentFieldsSchema.extend({ ...caseRef, ...upsert }),
    output: assessmentSchema,
    example: { caseId: 1, id: null, version: 0, instrument: 'CATS (Child and Adolescent Trauma Screen)', score: '24', assessedOn: '2026-11-26', notes: '' },
  }),
  'therapy.savePlan': defineMethod({
    summary: 'Write or revise the treatment plan: goals, the next review date, and the summary the case team may read. Version 0 starts it.',
    permission: 'notes.therapy',
    mutates: true,
    audit: 'every-call',
    input: treatmentPlanFieldsSchema.extend({ ...caseRef, version: versionSchema }),
    output: treatmentPlanSchema,
    example: { caseId: 1, version: 0, goals: [{ text: 'Sleep through the night', state: 'open' }], reviewOn: '2026-12-20', sharedSummary: 'Weekly sessions started.' },
  }),
  'therapy.close': defineMethod({
    summary: 'Close the therapy with a reason. Sessions cannot be logged on a closed therapy until the plan is saved again.',
    permission: 'notes.therapy',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, version: versionSchema, closedOn: dateSchema, reason: z.enum(therapyClosureReasons, { message: checkMessages.invalidChoice }), note: reason }),
    output: treatmentPlanSchema,
    example: { caseId: 1, version: 1, closedOn: '2027-03-01', reason: 'goals_met', note: '' },
  }),
};

const exampleMeeting: MeetingFields = {
  type: 'initial_signal',
  startsAt: '2026-11-24T12:00:00.000Z',
  durationMinutes: 60,
  place: 'Meeting room',
  chairId: 2,
  members: [
    { userId: 2, name: 'Ana Rusu', agency: 'barnahus_staff', present: true },
    { userId: null, name: 'Ivan Petrov', agency: 'education', present: false },
  ],
  cases: [{ caseId: 1, agenda: 'Protection and the interview plan', decisions: '' }],
};

export const meetingMethods = {
  'meetings.list': defineMethod({
    summary: 'Case review meetings in a period (by start), or of one case, newest first. Only meetings about a case the caller may see; of those, only the cases they may see.',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ from: dateSchema.nullable(), to: dateSchema.nullable(), caseId: idSchema.nullable() }),
    output: z.array(meetingSchema),
    example: { from: '2026-11-01', to: '2026-11-30', caseId: null },
  }),
  'meetings.get': defineMethod({
    summary: 'One case review meeting: members, agenda and decisions per case, action items.',
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ meetingId: idSchema }),
    output: meetingSchema,
    example: { meetingId: 1 },
  }),
  'meetings.save': defineMethod({
    summary:
      'Plan a case review meeting (id null) or change one: type (initial signal, follow-up / case work, crisis intervention), when, chair, members with agency and presence, and the agenda and decisions per case.',
    permission: 'meetings.manage',
    mutates: true,
    audit: 'every-call',
    input: meetingFieldsSchema.extend(upsert),
    output: meetingSchema,
    example: { id: null, version: 0, ...exampleMeeting },
  }),
  'meetings.recordHeld': defineMethod({
    summary: "Record that the meeting was held: the minutes are final and land in each case's timeline. Needs at least one member present.",
    permission: 'meetings.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ meetingId: idSchema, version: versionSchema }),
    output: meetingSchema,
    example: { meetingId: 1, version: 1 },
  }),
  'meetings.cancel': defineMethod({
    summary: 'Cancel a planned meeting, saying why.',
    permission: 'meetings.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ meetingId: idSchema, version: versionSchema, reason: nonBlankText(1_000) }),
    output: meetingSchema,
    example: { meetingId: 1, version: 1, reason: 'Police could not attend; moved to next week.' },
  }),
  'meetings.addAction': defineMethod({
    summary: "Add an action item for one of the meeting's cases: what, owner (a colleague who can see the case), agency, due date. It goes on the owner's task list and the case timeline.",
    permission: 'meetings.manage',
    mutates: true,
    audit: 'every-call',
    input: actionItemFieldsSchema.extend({ meetingId: idSchema }),
    output: actionItemSchema,
    example: { meetingId: 1, caseId: 1, what: 'Arrange school support', ownerId: 5, agency: 'child_protection', dueDate: '2026-12-05' },
  }),
  'meetings.minutes': defineMethod({
    summary:
      'The minutes of a meeting as a PDF (base64), in the language asked, with the cases the caller may see. Each print is an issued document with its own number, kept with its SHA-256 so documents.verify recognises it.',
    permission: 'cases.read',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ meetingId: idSchema, language: z.enum(['en', 'ro', 'bg']) }),
    output: pdfFileSchema,
    example: { meetingId: 1, language: 'ro' },
  }),
  'meetings.statistics': defineMethod({
    summary: 'Meetings held in a period, counted by type, the way the three mandated institutions must report them (seed 001).',
    permission: 'meetings.manage',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({ from: dateSchema, to: dateSchema }),
    output: z.object({
      from: dateSchema,
      to: dateSchema,
      byType: z.strictObject(Object.fromEntries(meetingTypes.map((t) => [t, z.number().int().nonnegative()])) as Record<(typeof meetingTypes)[number], z.ZodNumber>),
      held: z.number().int().nonnegative(),
      cancelled: z.number().int().nonnegative(),
      casesDiscussed: z.number().int().nonnegative(),
    }),
    example: { from: '2026-01-01', to: '2026-12-31' },
  }),
  'actions.mine': defineMethod({
    summary: "The caller's task list: action items they own, open ones first by due date, then those done in the last 30 days.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({}),
    output: z.array(actionItemSchema),
    example: {},
  }),
  'actions.ofCase': defineMethod({
    summary: "The case's action items from every meeting, open first.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: z.array(actionItemSchema),
    example: { caseId: 1 },
  }),
  'actions.setState': defineMethod({
    summary: 'Mark an action item done (or open again), with a note. Its owner or a coordinator may.',
    permission: 'cases.read',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ actionId: idSchema, version: versionSchema, state: z.enum(['open', 'done']), note: reason }),
    output: actionItemSchema,
    example: { actionId: 1, version: 0, state: 'done', note: 'School psychologist assigned.' },
  }),
};

export const referralMethods = {
  'referrals.list': defineMethod({
    summary: "The case's referrals to outside services, open ones first; each says whether its follow-up date has passed.",
    permission: 'cases.read',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject(caseRef),
    output: z.array(referralSchema),
    example: { caseId: 1 },
  }),
  'referrals.save': defineMethod({
    summary:
      'Record a referral sent (id null) or correct one: for whom, to which service, when, the consent basis (consent needs a current information-sharing consent on the case) and the follow-up date.',
    permission: 'referrals.manage',
    mutates: true,
    audit: 'every-call',
    input: referralFieldsSchema.extend({ ...caseRef, ...upsert }),
    output: referralSchema,
    example: {
      caseId: 1,
      id: null,
      version: 0,
      subject: 'child',
      personId: null,
      serviceKind: 'mental_health',
      serviceName: 'Centrul de Sănătate Mintală Iași',
      contact: '+40 232 000 000',
      sentAt: '2026-11-21T10:00:00.000Z',
      consentBasis: 'consent',
      followUpOn: '2026-11-28',
      notes: '',
    },
  }),
  'referrals.setStatus': defineMethod({
    summary: 'Move a referral on: sent → accepted → in progress → done, or declined; optionally set the next follow-up date.',
    permission: 'referrals.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      referralId: idSchema,
      version: versionSchema,
      status: z.enum(referralStatuses, { message: checkMessages.invalidChoice }),
      note: reason,
      followUpOn: dateSchema.nullable(),
    }),
    output: referralSchema,
    example: { referralId: 1, version: 0, status: 'accepted', note: 'First appointment on 3 December.', followUpOn: '2026-12-04' },
  }),
};
