import { z } from 'zod';
import {
  genders,
  perpetratorRelationships,
  places,
  referralSources,
  relationships,
  traffickingIndicators,
  urgencies,
  violenceTypes,
} from '../../../shared/cases/categories';
import { fileNumberSchema, personNameSchema, unknownPersonDetails } from '../../../shared/contract/case-records';
import { checkMessages, dateSchema, emailSchema, phoneSchema } from '../../../shared/contract/fields';
import type { Intake } from '../../../shared/contract/methods/cases';
import { fromLocalInput, centreToday, toLocalInput } from '../components/format';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: checkMessages.invalidChoice });
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), choice(values)]);

/** A birth date: empty, or a real date not after today. */
export const birthDateField = z.union([z.literal(''), dateSchema.refine((d) => d <= centreToday(), { message: checkMessages.dateFuture })]);

/** A moment typed in a datetime-local field, not in the future. */
export const pastMomentField = z
  .string()
  .min(1, { message: checkMessages.blank })
  .refine((v) => fromLocalInput(v) !== '', { message: checkMessages.invalidDate })
  .refine((v) => Date.parse(fromLocalInput(v)) <= Date.now() + 5 * 60_000, { message: checkMessages.dateFuture });

export const personFormSchema = z.object({
  /** Set when the person is one already known to the centre: linked, not entered again. */
  personId: z.number().int().positive().nullable(),
  firstName: personNameSchema,
  lastName: personNameSchema,
  birthDate: birthDateField,
  gender: choice(genders),
  languages: z.array(z.string().trim().min(1).max(40)).max(10),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().trim().max(40),
  needs: z.string().trim().max(2_000),
  school: z.string().trim().max(200),
  address: z.string().trim().max(300),
  phone: phoneSchema,
  email: emailSchema,
});
export type PersonForm = z.infer<typeof personFormSchema>;

export const adultFormSchema = personFormSchema.extend({
  relationship: choice(relationships),
  legalGuardian: z.boolean(),
  carer: z.boolean(),
  mayBeInformed: z.boolean(),
  informNote: z.string().trim().max(500),
  allegedPerpetrator: z.boolean(),
  informOverride: z.boolean(),
});
export type AdultForm = z.infer<typeof adultFormSchema>;

export const intakeFormSchema = z.object({
  receivedAt: pastMomentField,
  source: choice(referralSources),
  referrerName: z.string().trim().max(120),
  referrerContact: z.string().trim().max(200),
  reported: z.string().trim().max(20_000),
  violenceTypes: z.array(choice(violenceTypes)),
  place: optionalChoice(places),
  perpetrator: optionalChoice(perpetratorRelationships),
  urgency: choice(urgencies),
  child: personFormSchema,
  people: z.array(adultFormSchema).max(20),
  policeFile: fileNumberSchema,
  prosecutorFile: fileNumberSchema,
  courtFile: fileNumberSchema,
  childProtectionFile: fileNumberSchema,
  trafficking: z.array(choice(traffickingIndicators)),
  restricted: z.boolean(),
});
/** What the form holds while it is filled in: selects may still be empty. */
export type IntakeForm = Omit<z.input<typeof intakeFormSchema>, 'source' | 'urgency'> & { source: string; urgency: string };

export function blankPerson(): PersonForm {
  return { ...unknownPersonDetails, personId: null, firstName: '', lastName: '', birthDate: '' };
}

export function blankAdult(): AdultForm {
  return { ...blankPerson(), relationship: 'mother', legalGuardian: false, carer: false, mayBeInformed: true, informNote: '', allegedPerpetrator: false, informOverride: false };
}

export function blankIntake(): IntakeForm {
  return {
    receivedAt: toLocalInput(new Date()),
    source: '',
    referrerName: '',
    referrerContact: '',
    reported: '',
    violenceTypes: [],
    place: '',
    perpetrator: '',
    urgency: 'routine',
    child: blankPerson(),
    people: [],
    policeFile: '',
    prosecutorFile: '',
    courtFile: '',
    childProtectionFile: '',
    trafficking: [],
    restricted: false,
  };
}

function personChoice(p: PersonForm): Intake['child'] {
  if (p.personId !== null) return { personId: p.personId };
  const { personId: _linked, birthDate, ...rest } = p;
  return { new: { ...rest, birthDate: birthDate || null } };
}

export function toIntake(form: z.output<typeof intakeFormSchema>): Intake {
  return {
    fields: {
      receivedAt: fromLocalInput(form.receivedAt),
      source: form.source,
      referrerName: form.referrerName,
      referrerContact: form.referrerContact,
      reported: form.reported,
      violenceTypes: form.violenceTypes,
      place: form.place || null,
      perpetrator: form.perpetrator || null,
      urgency: form.urgency,
      policeFile: form.policeFile,
      prosecutorFile: form.prosecutorFile,
      courtFile: form.courtFile,
      childProtectionFile: form.childProtectionFile,
      trafficking: form.trafficking,
    },
    child: personChoice(form.child),
    people: form.people.map(({ relationship, legalGuardian, carer, mayBeInformed, informNote, allegedPerpetrator, informOverride, ...person }) => ({
      person: personChoice(person),
      link: { relationship, legalGuardian, carer, mayBeInformed, informNote, allegedPerpetrator, informOverride },
    })),
    restricted: form.restricted,
  };
}

/** Where the host's complaint about a field of cases.create belongs on this form. */
export function intakeFieldFor(path: (string | number)[]): string | null {
  const [head, a, b, c, d] = path;
  if (head === 'fields' && typeof a === 'string') return a;
  if (head === 'child' && a === 'new' && typeof b === 'string') return `child.${b}`;
  if (head === 'people' && typeof a === 'number' && b === 'person' && c === 'new' && typeof d === 'string') return `people.${a}.${d}`;
  if (head === 'people' && typeof a === 'number' && b === 'link' && typeof c === 'string') return `people.${a}.${c}`;
  return null;
}
