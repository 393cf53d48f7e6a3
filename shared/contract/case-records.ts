import { z } from 'zod';
import {
  agencyFiles,
  caseStatuses,
  consentDecisions,
  consentScopes,
  genders,
  legalOutcomes,
  perpetratorRelationships,
  places,
  referralSources,
  relationships,
  taskKinds,
  traffickingIndicators,
  urgencies,
  violenceTypes,
} from '../cases/categories';
import { milestones } from '../cases/deadlines';
import { agencySchema, checkMessages, dateSchema, distinctList, emailSchema, idSchema, nonBlankText, oneLineText, phoneSchema, roleSchema, timestampSchema, versionSchema } from './fields';

/** The records of a case file and their editable parts, shared by the intake, case-file and workflow methods. */

const shortText = (max: number) => z.string().trim().max(max);
export const personNameSchema = nonBlankText(80);

export const fileNumberSchema = z
  .string()
  .trim()
  .max(60)
  .regex(/^[\p{L}\p{N}\s/.-]*$/u, { message: checkMessages.fileNumberChars });

export const referralSourceSchema = z.enum(referralSources);
export const violenceTypeSchema = z.enum(violenceTypes);
export const placeSchema = z.enum(places);
export const perpetratorSchema = z.enum(perpetratorRelationships);
export const urgencySchema = z.enum(urgencies);
export const genderSchema = z.enum(genders);
export const relationshipSchema = z.enum(relationships);
export const indicatorSchema = z.enum(traffickingIndicators);
export const consentScopeSchema = z.enum(consentScopes);
export const consentDecisionSchema = z.enum(consentDecisions);
export const caseStatusSchema = z.enum(caseStatuses);
export const legalOutcomeSchema = z.enum(legalOutcomes);
export const milestoneSchema = z.enum(milestones);

/** What the coordinator writes down during the referral call, and the agencies' own file numbers. */
export const caseFieldsSchema = z.strictObject({
  receivedAt: timestampSchema,
  source: referralSourceSchema,
  referrerName: oneLineText(120),
  referrerContact: oneLineText(200),
  reported: shortText(20_000),
  violenceTypes: distinctList(violenceTypeSchema, violenceTypes.length),
  place: placeSchema.nullable(),
  perpetrator: perpetratorSchema.nullable(),
  urgency: urgencySchema,
  policeFile: fileNumberSchema,
  prosecutorFile: fileNumberSchema,
  courtFile: fileNumberSchema,
  childProtectionFile: fileNumberSchema,
  trafficking: distinctList(indicatorSchema, traffickingIndicators.length),
});
export type CaseFields = z.infer<typeof caseFieldsSchema>;
export const caseFieldNames = Object.keys(caseFieldsSchema.shape) as (keyof CaseFields)[];
export const fileNumberFields = agencyFiles;

/** A person known to the centre: the child of a case, or an adult around them. */
export const personFieldsSchema = z.strictObject({
  firstName: personNameSchema,
  lastName: personNameSchema,
  birthDate: dateSchema.nullable(),
  gender: genderSchema,
  languages: distinctList(oneLineText(40).min(1), 10),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: oneLineText(40),
  needs: shortText(2_000),
  school: oneLineText(200),
  address: oneLineText(300),
  phone: phoneSchema,
  email: emailSchema,
});
export type PersonFields = z.infer<typeof personFieldsSchema>;
export const personFieldNames = Object.keys(personFieldsSchema.shape) as (keyof PersonFields)[];

/** What is not yet known about a new person. */
export const unknownPersonDetails: Omit<PersonFields, 'firstName' | 'lastName'> = {
  birthDate: null,
  gender: 'unknown',
  languages: [],
  interpreterNeeded: false,
  interpreterLanguage: '',
  needs: '',
  school: '',
  address: '',
  phone: '',
  email: '',
};

/** New people are given with their names and whatever else is known; the rest defaults to empty. */
export const newPersonSchema = personFieldsSchema.partial().required({ firstName: true, lastName: true });
export type NewPerson = z.input<typeof newPersonSchema>;

/** How an adult stands to the child in this case. */
export const linkFieldsSchema = z.strictObject({
  relationship: relationshipSchema,
  legalGuardian: z.boolean(),
  carer: z.boolean(),
  /** False where telling them could endanger the child or the investigation (a parent may be the alleged perpetrator). */
  mayBeInformed: z.boolean(),
  /** Why they may not (or, by override, may) be told about the case. */
  informNote: shortText(500),
  allegedPerpetrator: z.boolean(),
  /**
   * An alleged perpetrator is never informed by default: `mayBeInformed` is
   * accepted for one only with this override and a reason in `informNote`.
   */
  informOverride: z.boolean().default(false),
});
/** As a caller sends it: the override may be left out. */
export type LinkFields = z.input<typeof linkFieldsSchema>;
/** A change to some of the link's fields; unlike `linkFieldsSchema.partial()`, leaving the override out does not reset it. */
export const linkChangesSchema = linkFieldsSchema.extend({ informOverride: z.boolean() }).partial();

export const personSchema = personFieldsSchema.extend({
  id: idSchema,
  /** Age today; the child's age at referral is on the case. */
  age: z.number().int().nonnegative().nullable(),
  version: versionSchema,
});
export type Person = z.infer<typeof personSchema>;

export const casePersonSchema = linkFieldsSchema.extend({
  person: personSchema,
  /** Null for a forensic interviewer kept blind until the interview. */
  allegedPerpetrator: z.boolean().nullable(),
  version: versionSchema,
});
export type CasePerson = z.infer<typeof casePersonSchema>;

export const consentSchema = z.object({
  id: idSchema,
  scope: consentScopeSchema,
  decision: consentDecisionSchema,
  /** Null: the child; otherwise the adult of this case who decided. */
  personId: idSchema.nullable(),
  byName: z.string(),
  at: timestampSchema,
  note: z.string(),
  recordedBy: z.string(),
  withdrawnAt: timestampSchema.nullable(),
  withdrawnNote: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;

export const taskSchema = z.object({
  id: idSchema,
  kind: z.enum(taskKinds),
  dueAt: timestampSchema,
  createdAt: timestampSchema,
  state: z.enum(['open', 'done', 'dismissed']),
  resolvedAt: timestampSchema.nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string(),
});
export type CaseTask = z.infer<typeof taskSchema>;

export const deadlineSchema = z.object({
  milestone: milestoneSchema,
  dueAt: timestampSchema,
  doneAt: timestampSchema.nullable(),
  state: z.enum(['met', 'met_late', 'open', 'due_soon', 'overdue', 'stopped']),
});

export const teamMemberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  agency: agencySchema,
  jobTitle: z.string(),
  roles: z.array(roleSchema),
  addedAt: timestampSchema,
});

export const closureSchema = z.object({ closedAt: timestampSchema, outcome: legalOutcomeSchema, outcomeDate: z.iso.date() });

export const caseDetailSchema = z.object({
  id: idSchema,
  reference: z.string(),
  status: caseStatusSchema,
  restricted: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  version: versionSchema,
  /** 'blind': the caller is a forensic interviewer kept blind to the allegation until the interview. */
  view: z.enum(['full', 'blind']),
  /** The referral and the agencies' numbers. The allegation (what was reported, violence, place, perpetrator, trafficking) is empty in the blind view. */
  fields: caseFieldsSchema.nullable(),
  fileNumbers: z.object({ policeFile: z.string(), prosecutorFile: z.string(), courtFile: z.string(), childProtectionFile: z.string() }),
  child: personSchema,
  /** The child's age when the referral was received. */
  ageAtReferral: z.number().int().nonnegative().nullable(),
  people: z.array(casePersonSchema),
  consents: z.array(consentSchema),
  tasks: z.array(taskSchema),
  deadlines: z.array(deadlineSchema),
  interviewDoneAt: timestampSchema.nullable(),
  closure: closureSchema.nullable(),
  coordinator: z.object({ userId: idSchema, displayName: z.string() }).nullable(),
  team: z.array(teamMemberSchema),
  /** While set, nothing of the case's evidence is removed: who set it, when and why. */
  legalHold: z.object({ since: timestampSchema, by: z.string(), reason: z.string() }).nullable(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;
