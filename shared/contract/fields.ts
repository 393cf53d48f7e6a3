import { z } from 'zod';
import { agencies, noteDisciplines, roles } from '../permissions';

/**
 * Messages of our own checks, by id. The renderer translates them by id;
 * checks zod names itself (too short, wrong type…) use zod's own locales.
 */
export const checkMessages = {
  usernameChars: 'Use only letters, digits and the characters . _ @ -',
  passwordMismatch: 'The two passwords differ',
  passwordWeak: 'This password is too easy to guess: add more uncommon words, or make it longer',
  passwordReused: 'Choose a password different from the current one',
  blank: 'Must not be blank',
  phone: 'Use digits, spaces and + ( ) - only',
  totpCode: 'Enter the 6 digits your authenticator app shows',
  roleRequired: 'Choose at least one role',
  totpMismatch: 'That code does not match: check the time on your phone and enter the newest code',
  dateFuture: 'Must not be in the future',
  dateTooEarly: 'Must not be before 1900',
  outcomeRequired: 'Choose the legal outcome',
  outcomeDateRequired: 'Enter the date of the outcome',
  reasonRequired: 'Say why',
  beforeConsent: 'Must not be before the consent was given',
  coordinatorRole: 'Choose an active colleague with the coordinator role',
  invalidChoice: 'Choose one of the options',
  invalidDate: 'Enter a valid date',
  sameStatus: 'The case already has this status',
  eachOnce: 'Each item once',
  fileNumberChars: 'Use letters, digits, spaces and the characters / - . only',
  invalidTime: 'Enter a time as HH:MM',
  endBeforeStart: 'Must be after the start',
  interpreterRequired: 'The child needs an interpreter: book one',
  supplementaryRequired: 'This child already had a forensic interview: a supplementary interview needs an approved request',
  notApproved: 'This request has not been approved',
  requestUsed: 'This approval was already used for another interview',
  wrongChild: 'This request is for another child',
  uploadUnknown: 'This upload is not ready or has expired: upload the file again',
  timeZone: 'Choose a time zone',
  datePast: 'Must not be in the past',
  sameInterviewerRequired: 'The decision says the same interviewer conducts it',
  absentArrived: 'Someone absent has no arrival or departure',
  outsideInterviewDay: 'Must be on the day of the interview, at most two hours before it starts',
  noSupplementaryNeeded: 'This child has had no forensic interview: book the first one without a request',
  breakOutside: 'A break must lie within the interview',
  roomKind: 'Choose an active room of this kind',
  activeInterviewer: 'Choose an active forensic interviewer',
  activeInterpreter: 'Choose an active interpreter',
  periodTooLong: 'Ask for at most 62 days at once',
  durationRange: 'Between 15 and 480 minutes',
  examConsentRequired: 'Record the consent to the medical exam on the case first',
  activeExaminer: 'Choose an active colleague with the medical role',
  sharingConsentRequired: 'The information-sharing consent is not given: record it, or choose another basis',
  ownerCannotSee: 'This colleague cannot see the case: put them on the case team first',
  caseNotOnAgenda: "This case is not on the meeting's agenda",
  therapyClosed: 'Therapy on this case is closed: save the treatment plan to reopen it',
  statusTransition: 'A referral cannot move from its status to this one',
  adultRequired: 'Choose one of the adults of the case',
  noAdultForChild: 'Only a referral for an adult names one',
  presentRequired: 'Mark at least one member present',
  activeColleague: 'Choose an active colleague',
  followUpBeforeSent: 'Must not be before the referral was sent',
  checkpointHead: 'Type the head as printed: at least its first 16 characters (0–9, a–f)',
  notYetHeld: 'Only a session that has happened can be attended or missed',
  internalProfile: 'Only coordinators make documents under the internal profile',
  documentNumber: 'A document number looks like DOC-2026-00017',
  perpetratorInformed: 'An alleged perpetrator is not informed about the case unless you override this and say why',
  overrideReason: 'Say why the alleged perpetrator may be informed',
  perpetratorConsent: 'An alleged perpetrator cannot consent for the child: record the decision of another guardian or of the child',
  therapyConsentRequired: 'Record the consent to therapy on the case first',
  backupDestinationAbsolute: 'Give the full path of the folder, starting with / (or a drive letter on Windows)',
  backupDestinationMissing: 'There is no folder at this path: mount the drive or create the folder first',
  backupDestinationInsideData: 'Choose a folder outside the data folder: a backup beside the data is lost with it',
  backupDestinationNotWritable: 'The host cannot write to this folder: give its user write access',
  backupNoDestination: 'Choose the folder backups go to first',
} as const;
export type CheckMessageId = keyof typeof checkMessages;

/**
 * Unicode's invisible direction controls: embeddings and overrides (U+202A–E),
 * isolates (U+2066–9), the LRM/RLM marks and the Arabic letter mark. In a
 * one-line field they serve only to make text read otherwise than it is stored
 * ("Ana\u202Efdp.exe" shows as "Anaexe.pdf"), so the host never keeps them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A one-line text: direction controls removed, then trimmed (so a field of controls only is blank). */
export const oneLineText = (max: number) => z.string().overwrite(stripBidiControls).trim().max(max);

const nonBlank = (max: number) => oneLineText(max).min(1, { message: checkMessages.blank });

export const idSchema = z.number().int().positive();
export const timestampSchema = z.iso.datetime({ offset: true });
export const versionSchema = z.number().int().nonnegative();

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: checkMessages.usernameChars });

/** Length here; strength is checked by the host against a dictionary (electron/core/password-policy.ts). */
export const passwordSchema = z.string().min(12).max(256);
export const displayNameSchema = nonBlank(120);
export const centreNameSchema = nonBlank(160);
export const roleSchema = z.enum(roles);
export const agencySchema = z.enum(agencies);
export const disciplineSchema = z.enum(noteDisciplines);
export const jobTitleSchema = oneLineText(120);
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[\d\s+()-]*$/, { message: checkMessages.phone });
export const emailSchema = z.union([z.literal(''), z.email().max(200)]);
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: checkMessages.totpCode });
export const rolesSchema = z
  .array(roleSchema)
  .min(1, { message: checkMessages.roleRequired })
  .max(roles.length)
  .refine((list) => new Set(list).size === list.length, { message: 'Each role once' });

export const userSummarySchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** What an account says about its person; the account views extend it. */
export const profileSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  agency: agencySchema,
  jobTitle: z.string(),
  phone: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  totpEnabled: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const emptyInput = z.strictObject({});

/** A calendar date, YYYY-MM-DD. Whether it may lie in the future is the host's check against its clock. */
export const dateSchema = z.iso.date().refine((d) => d >= '1900-01-01', { message: checkMessages.dateTooEarly });

/** A list of distinct values of one enum. */
export function distinctList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: checkMessages.eachOnce });
}

export const nonBlankText = nonBlank;

/** A wall-clock time of day, "HH:MM" (24 h), in the centre's time zone. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: checkMessages.invalidTime });
