import { z } from 'zod';
import {
  actionItemStates,
  attentionKinds,
  consentBases,
  examKinds,
  examStatuses,
  goalStates,
  medicalFollowupKinds,
  meetingAgencies,
  meetingStatuses,
  meetingTypes,
  referralStatuses,
  referralSubjects,
  serviceKinds,
  therapyAttendance,
  therapyClosureReasons,
  therapySessionTypes,
} from '../followup/categories';
import { checkMessages, dateSchema, idSchema, nonBlankText, oneLineText, timestampSchema, versionSchema } from './fields';

/** The records of the follow-up work: medical exams, therapy, case review meetings, referrals, and what needs attention. */

const text = (max: number) => z.string().trim().max(max);
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: checkMessages.invalidChoice });

// ── Medical ──────────────────────────────────────────────────────────────

/** What a coordinator or doctor fills in to book (or rebook) a forensic medical examination. */
export const examBookingFieldsSchema = z.strictObject({
  kind: choice(examKinds),
  startsAt: timestampSchema,
  durationMinutes: z.number().int().min(15).max(480),
  /** A room of kind "medical". */
  roomId: idSchema,
  /** An active colleague with the medical role. */
  examinerId: idSchema,
  interpreterId: idSchema.nullable(),
  interpreterLanguage: oneLineText(40),
  supportPerson: oneLineText(200),
  /** Why the exam, in words the whole team may read (no findings here). */
  purpose: text(2_000),
});
export type ExamBookingFields = z.infer<typeof examBookingFieldsSchema>;

export const examRecordFieldsSchema = z.strictObject({
  performedAt: timestampSchema,
  /** Clinical findings: medical staff only. */
  findings: nonBlankText(20_000),
  /** What the case team may read, shown to them only while the information-sharing consent stands. */
  teamSummary: text(4_000),
});
export type ExamRecordFields = z.infer<typeof examRecordFieldsSchema>;

export const medicalFollowupFieldsSchema = z.strictObject({
  kind: choice(medicalFollowupKinds),
  description: nonBlankText(500),
  dueDate: dateSchema,
  /** Empty until the result is in. */
  result: text(4_000),
  /** The day the result came in or the need was met; null while pending. */
  doneOn: dateSchema.nullable(),
});
export type MedicalFollowupFields = z.infer<typeof medicalFollowupFieldsSchema>;
export const medicalFollowupSchema = medicalFollowupFieldsSchema.extend({ id: idSchema, examId: idSchema, version: versionSchema });
export type MedicalFollowup = z.infer<typeof medicalFollowupSchema>;

/** The consent to the exam as the case's consents stand now. */
export const examConsentSchema = z.object({
  state: z.enum(['given', 'refused', 'withdrawn', 'none']),
  at: timestampSchema.nullable(),
  byName: z.string(),
});

export const medicalExamSchema = examBookingFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  caseReference: z.string(),
  childName: z.string(),
  status: z.enum(examStatuses),
  endsAt: timestampSchema,
  roomName: z.string(),
  examinerName: z.string(),
  interpreterName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  consent: examConsentSchema,
  /** Null until the exam is recorded as held. */
  record: z
    .object({
      performedAt: timestampSchema,
      recordedBy: z.string(),
      /** '' with findingsHidden for anyone but medical staff. */
      findings: z.string(),
      findingsHidden: z.boolean(),
      /** '' with summaryWithheld when the information-sharing consent is not (or no longer) given. */
      teamSummary: z.string(),
      summaryWithheld: z.boolean(),
    })
    .nullable(),
  /** Tracked follow-up needs: medical staff see each; others see only how many are pending. */
  followups: z.array(medicalFollowupSchema),
  followupsPending: z.number().int().nonnegative(),
  version: versionSchema,
});
export type MedicalExam = z.infer<typeof medicalExamSchema>;

// ── Therapy ──────────────────────────────────────────────────────────────

export const therapySessionFieldsSchema = z.strictObject({
  startsAt: timestampSchema,
  durationMinutes: z.number().int().min(10).max(480),
  type: choice(therapySessionTypes),
  attendance: choice(therapyAttendance),
  /** Clinical notes: therapists only. */
  notes: text(20_000),
});
export type TherapySessionFields = z.infer<typeof therapySessionFieldsSchema>;
export const therapySessionSchema = therapySessionFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  therapistId: idSchema,
  therapistName: z.string(),
  notesHidden: z.boolean(),
  version: versionSchema,
});
export type TherapySession = z.infer<typeof therapySessionSchema>;

export const assessmentFieldsSchema = z.strictObject({
  instrument: nonBlankText(120),
  /** As the instrument scores it: "24", "moderate", "T=68". */
  score: nonBlankText(40),
  assessedOn: dateSchema,
  notes: text(8_000),
});
export type AssessmentFields = z.infer<typeof assessmentFieldsSchema>;
export const assessmentSchema = assessmentFieldsSchema.extend({
  /** '' for anyone but therapists. */
  score: z.string(),
  id: idSchema,
  caseId: idSchema,
  therapistName: z.string(),
  /** Score and notes are '' for anyone but therapists. */
  clinicalHidden: z.boolean(),
  version: versionSchema,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const goalSchema = z.strictObject({ text: nonBlankText(500), state: choice(goalStates) });
export type Goal = z.infer<typeof goalSchema>;

export const treatmentPlanFieldsSchema = z.strictObject({
  goals: z.array(goalSchema).max(20),
  /** The next review of the plan; passing it unreviewed puts it on the therapist's attention list. */
  reviewOn: dateSchema.nullable(),
  /** Written by the therapist for the case team: what the team may know of how therapy goes. */
  sharedSummary: text(4_000),
});
export type TreatmentPlanFields = z.infer<typeof treatmentPlanFieldsSchema>;

export const treatmentPlanSchema = z.object({
  caseId: idSchema,
  /** [] for anyone but therapists. */
  goals: z.array(goalSchema),
  goalsHidden: z.boolean(),
  reviewOn: dateSchema.nullable(),
  sharedSummary: z.string(),
  startedOn: dateSchema,
  updatedAt: timestampSchema,
  updatedBy: z.string(),
  closure: z.object({ closedOn: dateSchema, reason: z.enum(therapyClosureReasons), note: z.string(), by: z.string() }).nullable(),
  version: versionSchema,
});
export type TreatmentPlan = z.infer<typeof treatmentPlanSchema>;

/** What the case team sees of therapy: how many sessions were planned, attended and missed. */
export const attendancePatternSchema = z.object({
  planned: z.number().int().nonnegative(),
  attended: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  noShow: z.number().int().nonnegative(),
  /** No-shows in a row among the latest sessions that were due. */
  consecutiveNoShows: z.number().int().nonnegative(),
});
export type AttendancePattern = z.infer<typeof attendancePatternSchema>;

export const therapyOverviewSchema = z.object({
  sessions: z.array(therapySessionSchema),
  assessments: z.array(assessmentSchema),
  plan: treatmentPlanSchema.nullable(),
  pattern: attendancePatternSchema,
  /** True for anyone but therapists: notes, scores and goals are left out. */
  clinicalHidden: z.boolean(),
  /** The consent to therapy as the case's consents stand now: attended sessions and assessments need it (or the centre's "warn" rule). */
  consent: examConsentSchema,
});
export type TherapyOverview = z.infer<typeof therapyOverviewSchema>;

// ── Case review meetings ─────────────────────────────────────────────────

export const meetingMemberSchema = z.strictObject({
  /** A colleague with an account, or null for someone from outside (a school principal, a GP). */
  userId: idSchema.nullable(),
  name: nonBlankText(120),
  agency: choice(meetingAgencies),
  present: z.boolean(),
});
export type MeetingMember = z.infer<typeof meetingMemberSchema>;

export const meetingCaseFieldsSchema = z.strictObject({
  caseId: idSchema,
  agenda: text(4_000),
  decisions: text(8_000),
});
export type MeetingCaseFields = z.infer<typeof meetingCaseFieldsSchema>;

export const meetingFieldsSchema = z.strictObject({
  type: choice(meetingTypes),
  startsAt: timestampSchema,
  durationMinutes: z.number().int().min(15).max(480),
  place: oneLineText(200),
  chairId: idSchema,
  members: z.array(meetingMemberSchema).max(60),
  cases: z.array(meetingCaseFieldsSchema).min(1).max(30),
});
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

export const actionItemFieldsSchema = z.strictObject({
  caseId: idSchema,
  what: nonBlankText(1_000),
  /** A colleague who can see the case: the item goes on their task list. */
  ownerId: idSchema,
  agency: choice(meetingAgencies),
  dueDate: dateSchema,
});
export type ActionItemFields = z.infer<typeof actionItemFieldsSchema>;

export const actionItemSchema = actionItemFieldsSchema.extend({
  id: idSchema,
  meetingId: idSchema,
  meetingType: z.enum(meetingTypes),
  meetingAt: timestampSchema,
  caseReference: z.string(),
  childName: z.string(),
  ownerName: z.string(),
  state: z.enum(actionItemStates),
  doneAt: timestampSchema.nullable(),
  doneBy: z.string().nullable(),
  note: z.string(),
  overdue: z.boolean(),
  version: versionSchema,
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const meetingSchema = z.object({
  id: idSchema,
  type: z.enum(meetingTypes),
  status: z.enum(meetingStatuses),
  startsAt: timestampSchema,
  durationMinutes: z.number().int(),
  place: z.string(),
  chairId: idSchema,
  chairName: z.string(),
  members: z.array(meetingMemberSchema),
  /** Only the cases the caller may see; hiddenCases counts the others. */
  cases: z.array(meetingCaseFieldsSchema.extend({ reference: z.string(), childName: z.string() })),
  hiddenCases: z.number().int().nonnegative(),
  actions: z.array(actionItemSchema),
  heldAt: timestampSchema.nullable(),
  cancelReason: z.string().nullable(),
  version: versionSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

// ── Referrals ────────────────────────────────────────────────────────────

export const referralFieldsSchema = z.strictObject({
  subject: choice(referralSubjects),
  /** The adult of the case it concerns, when subject is "adult". */
  personId: idSchema.nullable(),
  serviceKind: choice(serviceKinds),
  serviceName: nonBlankText(200),
  contact: oneLineText(300),
  sentAt: timestampSchema,
  consentBasis: choice(consentBases),
  /** When to chase it if nothing is heard: an open referral past this date is overdue. */
  followUpOn: dateSchema,
  notes: text(4_000),
});
export type ReferralFields = z.infer<typeof referralFieldsSchema>;

export const referralHistoryEntrySchema = z.object({ at: timestampSchema, by: z.string(), status: z.enum(referralStatuses), note: z.string() });

export const referralSchema = referralFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  personName: z.string().nullable(),
  sentBy: z.string(),
  status: z.enum(referralStatuses),
  overdue: z.boolean(),
  history: z.array(referralHistoryEntrySchema),
  version: versionSchema,
});
export type Referral = z.infer<typeof referralSchema>;

// ── Needs attention ──────────────────────────────────────────────────────

export const attentionItemSchema = z.object({
  kind: z.enum(attentionKinds),
  caseId: idSchema,
  reference: z.string(),
  childName: z.string(),
  /** A milestone, a task kind, an action item's text, a service's name… (the screen words it by kind). */
  what: z.string(),
  dueAt: timestampSchema,
  overdue: z.boolean(),
  /** The record it is about (action item, referral, exam, follow-up), for the link. */
  recordId: idSchema.nullable(),
  meetingId: idSchema.nullable(),
  /** Whose it is, where that is one person (an action item's owner, the therapist). */
  owner: z.string().nullable(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;
