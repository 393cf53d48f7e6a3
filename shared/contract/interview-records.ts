import { z } from 'zod';
import {
  copyMedia,
  custodyActions,
  deciderRoles,
  disclosureOutcomes,
  interviewProtocols,
  interviewStatuses,
  invitedAgencies,
  recordingKinds,
  removalReasons,
  roomKinds,
  sessionLocations,
  sessionRoles,
  slotConflictKinds,
  supplementaryReasons,
  supplementaryStates,
  weekdays,
} from '../interviews/categories';
import { medicalExamSchema } from './followup-records';
import { checkMessages, clockTimeSchema, dateSchema, distinctList, idSchema, nonBlankText, oneLineText, timestampSchema, versionSchema } from './fields';

/** The records of the interview work: resources, interviews, attendance, recordings and their custody. */

const text = (max: number) => z.string().trim().max(max);
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: checkMessages.invalidChoice });

// ── Resources ────────────────────────────────────────────────────────────

export const roomFieldsSchema = z.strictObject({
  name: nonBlankText(80),
  kind: choice(roomKinds),
  equipment: text(1_000),
  active: z.boolean(),
});
export const roomSchema = roomFieldsSchema.extend({ id: idSchema, version: versionSchema });
export type Room = z.infer<typeof roomSchema>;

export const interpreterFieldsSchema = z.strictObject({
  name: nonBlankText(120),
  languages: distinctList(oneLineText(40).min(1), 10).min(1, { message: checkMessages.invalidChoice }),
  phone: oneLineText(40),
  notes: text(1_000),
  active: z.boolean(),
});
export const interpreterSchema = interpreterFieldsSchema.extend({ id: idSchema, version: versionSchema });
export type Interpreter = z.infer<typeof interpreterSchema>;

export const interviewerFieldsSchema = z.strictObject({
  certification: oneLineText(200),
  certifiedUntil: dateSchema.nullable(),
  protocols: distinctList(choice(interviewProtocols), interviewProtocols.length),
});
/** A certification as it was recorded: court summaries print the one held on the day of each interview. */
export const certificationRecordSchema = z.object({
  certification: z.string(),
  certifiedUntil: z.string().nullable(),
  recordedAt: timestampSchema,
  /** Null for certifications on file before changes were kept. */
  recordedBy: z.string().nullable(),
});
export type CertificationRecord = z.infer<typeof certificationRecordSchema>;

/** A colleague with the forensic interviewer role, and what they are trained in. */
export const interviewerSchema = interviewerFieldsSchema.extend({
  userId: idSchema,
  name: z.string(),
  active: z.boolean(),
  version: versionSchema,
  /** Every certification recorded, newest first. */
  certificationHistory: z.array(certificationRecordSchema),
});
export type Interviewer = z.infer<typeof interviewerSchema>;

export const openingHoursSchema = z.strictObject({ open: z.boolean(), start: clockTimeSchema, end: clockTimeSchema });

export const scheduleRulesSchema = z.strictObject({
  /** IANA zone the working hours are in (the centre's wall clock). */
  timeZone: z.string().min(1).max(64),
  hours: z.strictObject(Object.fromEntries(weekdays.map((d) => [d, openingHoursSchema])) as Record<(typeof weekdays)[number], typeof openingHoursSchema>),
  /** Minutes a room stays free between two interviews (settling the next child, resetting the recording). */
  bufferMinutes: z.number().int().min(0).max(240),
  /** Forensic interviews one interviewer may conduct per day (against burnout). */
  dailyLimit: z.number().int().min(1).max(10),
});
export type ScheduleRules = z.infer<typeof scheduleRulesSchema>;

export const closedDaySchema = z.object({ date: dateSchema, reason: z.string() });

export const resourcesSchema = z.object({
  rooms: z.array(roomSchema),
  interviewers: z.array(interviewerSchema),
  interpreters: z.array(interpreterSchema),
  /** Colleagues with the medical role, who may examine a child. */
  examiners: z.array(z.object({ userId: idSchema, name: z.string(), active: z.boolean() })),
  rules: scheduleRulesSchema.extend({ version: versionSchema }),
  closedDays: z.array(closedDaySchema),
});
export type Resources = z.infer<typeof resourcesSchema>;

// ── Interviews ───────────────────────────────────────────────────────────

export const inviteeSchema = z.strictObject({
  agency: choice(invitedAgencies),
  /** A colleague with an account, or null for someone from outside (a judge, the defence). */
  userId: idSchema.nullable(),
  name: nonBlankText(120),
});
export type Invitee = z.infer<typeof inviteeSchema>;

export const planningSchema = z.strictObject({
  at: timestampSchema.nullable(),
  agenda: text(4_000),
  briefing: text(4_000),
  interpreterBriefed: z.boolean(),
});
export type Planning = z.infer<typeof planningSchema>;

/** What a coordinator fills in to book (or rebook) an interview. */
export const bookingFieldsSchema = z.strictObject({
  startsAt: timestampSchema,
  durationMinutes: z.number().int().min(15).max(480),
  roomId: idSchema,
  observationRoomId: idSchema.nullable(),
  interviewerId: idSchema,
  interpreterId: idSchema.nullable(),
  interpreterLanguage: oneLineText(40),
  supportPerson: oneLineText(200),
  invitees: z.array(inviteeSchema).max(40),
  planning: planningSchema.nullable(),
});
export type BookingFields = z.infer<typeof bookingFieldsSchema>;

export const breakSchema = z.strictObject({ start: timestampSchema, end: timestampSchema });

export const interviewRecordFieldsSchema = z.strictObject({
  actualStart: timestampSchema,
  actualEnd: timestampSchema,
  breaks: z.array(breakSchema).max(20),
  protocol: choice(interviewProtocols),
  questionsRelayed: z.boolean(),
  disclosure: choice(disclosureOutcomes),
  /** Read only by the roles with `interviews.remarks`. */
  remarks: text(8_000),
});
export type InterviewRecordFields = z.infer<typeof interviewRecordFieldsSchema>;

export const attendeeFieldsSchema = z.strictObject({
  name: nonBlankText(120),
  userId: idSchema.nullable(),
  agency: choice(invitedAgencies).or(z.literal('barnahus')).or(z.literal('interpreter_service')).or(z.literal('family')),
  role: choice(sessionRoles),
  location: choice(sessionLocations),
  arrivedAt: timestampSchema.nullable(),
  leftAt: timestampSchema.nullable(),
  /** Invited but did not come. */
  absent: z.boolean(),
});
export type AttendeeFields = z.infer<typeof attendeeFieldsSchema>;
export const attendeeSchema = attendeeFieldsSchema.extend({ id: idSchema, invited: z.boolean(), version: versionSchema });
export type Attendee = z.infer<typeof attendeeSchema>;

export const interviewSchema = bookingFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  caseReference: z.string(),
  childId: idSchema,
  childName: z.string(),
  /** 1 for the child's first forensic interview, counted across all their cases. */
  sequence: z.number().int().positive(),
  supplementaryId: idSchema.nullable(),
  status: z.enum(interviewStatuses),
  endsAt: timestampSchema,
  roomName: z.string(),
  observationRoomName: z.string().nullable(),
  interviewerName: z.string(),
  interpreterName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Null until the interview is recorded as held. Remarks are '' for roles that may not read them. */
  record: interviewRecordFieldsSchema.extend({ remarksHidden: z.boolean() }).nullable(),
  attendance: z.array(attendeeSchema),
  version: versionSchema,
});
export type Interview = z.infer<typeof interviewSchema>;

/** What a calendar entry books: a forensic interview or a medical examination (they share rooms, staff and the child). */
export const calendarEntryKinds = ['interview', 'medical_exam'] as const;
export type CalendarEntryKind = (typeof calendarEntryKinds)[number];

/**
 * A calendar entry: the whole booking for a case the caller may see, only
 * "busy" for any other. `id` is the interview's or the exam's, so it is
 * unique only together with `kind`.
 */
export const calendarEntrySchema = z.object({
  kind: z.enum(calendarEntryKinds),
  id: idSchema,
  /** Exams have the same three. */
  status: z.enum(interviewStatuses),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  roomId: idSchema,
  /** Interviews only; null for an exam. */
  observationRoomId: idSchema.nullable(),
  /** The staff member the slot holds: the interviewer, or the examiner of an exam. */
  interviewerId: idSchema,
  interpreterId: idSchema.nullable(),
  /** An interview, when the caller may see its case; null otherwise (the slot is shown as busy, nothing else) and for an exam. */
  booking: interviewSchema.nullable(),
  /** An exam, as medical.list gives it to this caller (findings for medical staff only); null when busy and for an interview. */
  exam: medicalExamSchema.nullable(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const slotConflictSchema = z.object({
  kind: z.enum(slotConflictKinds),
  /** The other interview in the way, when there is one the caller may know of ("busy" otherwise). */
  interviewId: idSchema.nullable(),
  /** The medical examination in the way, likewise. */
  examId: idSchema.nullable().default(null),
  startsAt: timestampSchema.nullable(),
  endsAt: timestampSchema.nullable(),
});
export type SlotConflict = z.infer<typeof slotConflictSchema>;

export const supplementaryFieldsSchema = z.strictObject({
  reason: choice(supplementaryReasons),
  details: nonBlankText(4_000),
});
export const supplementaryDecisionSchema = z.strictObject({
  decision: z.enum(['approved', 'refused']),
  deciderRole: choice(deciderRoles),
  deciderName: nonBlankText(120),
  decidedAt: timestampSchema,
  sameInterviewer: z.boolean(),
  note: text(2_000),
});
export const supplementaryRequestSchema = supplementaryFieldsSchema.extend({
  id: idSchema,
  caseId: idSchema,
  childId: idSchema,
  state: z.enum(supplementaryStates),
  requestedAt: timestampSchema,
  requestedBy: z.string(),
  decision: supplementaryDecisionSchema.omit({ decision: true }).nullable(),
  /** The interview this approval was used for. */
  interviewId: idSchema.nullable(),
});
export type SupplementaryRequest = z.infer<typeof supplementaryRequestSchema>;

// ── Recordings and custody ───────────────────────────────────────────────

export const removalRequestSchema = z.object({
  id: idSchema,
  reason: z.enum(removalReasons),
  words: z.string(),
  requestedAt: timestampSchema,
  requestedBy: z.string(),
  requestedById: idSchema,
});
export type RemovalRequest = z.infer<typeof removalRequestSchema>;

export const recordingSchema = z.object({
  id: idSchema,
  interviewId: idSchema,
  kind: z.enum(recordingKinds),
  fileName: z.string(),
  format: z.string(),
  size: z.number().int().nonnegative(),
  durationSeconds: z.number().nonnegative().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  registeredAt: timestampSchema,
  registeredBy: z.string(),
  deletedAt: timestampSchema.nullable(),
  /** Copies handed out and not yet returned. */
  copiesOut: z.number().int().nonnegative(),
  /** The last check of the file against its hash: null if never re-checked since registration. */
  lastCheck: z.object({ at: timestampSchema, ok: z.boolean() }).nullable(),
  /** Who registered it: only they may withdraw it, and only soon after and unseen. */
  registeredById: idSchema,
  /** Whether anyone has played or copied it; a recording seen or copied is no longer a mistake to withdraw. */
  accessed: z.boolean(),
  /** How its file went: removed by two people, or withdrawn by its uploader (null before these rules, or still stored). */
  deletedHow: z.enum(['two_person', 'withdrawn']).nullable(),
  /** A request to remove it awaiting a second person's decision. */
  removal: removalRequestSchema.nullable(),
});
export type Recording = z.infer<typeof recordingSchema>;

export const custodyEntrySchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  at: timestampSchema,
  by: z.string(),
  action: z.enum(custodyActions),
  /** For copies and returns. */
  copyId: idSchema.nullable(),
  recipient: z.string(),
  recipientAgency: z.string(),
  medium: z.string(),
  purpose: z.string(),
  note: z.string(),
  /** The hash the file had when this happened (null where it was not re-checked). */
  sha256: z.string().nullable(),
});
export type CustodyEntry = z.infer<typeof custodyEntrySchema>;

/** Asking for a recording's removal: one of the reasons, and the requester's own words. */
export const removalFieldsSchema = z.strictObject({
  reason: choice(removalReasons),
  words: nonBlankText(500),
});

export const copyFieldsSchema = z.strictObject({
  recipient: nonBlankText(120),
  recipientAgency: choice(invitedAgencies),
  medium: choice(copyMedia),
  purpose: nonBlankText(500),
});
