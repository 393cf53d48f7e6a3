import { z } from 'zod';
import { casePersonSchema, linkChangesSchema, linkFieldsSchema, personFieldsSchema, personSchema, relationshipSchema } from '../case-records';
import { defineMethod } from '../define';
import { dateSchema, idSchema, oneLineText, versionSchema } from '../fields';
import { personChoiceSchema } from './cases';

export const personMatchSchema = z.object({
  personId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  /** 0–1: how closely name and birth date match. */
  score: z.number().min(0).max(1),
  /** Exact: same name (in any script) and birth date. */
  strength: z.enum(['exact', 'likely', 'possible']),
  /** The cases the caller may see in which this person appears, and as whom. */
  cases: z.array(z.object({ caseId: idSchema, reference: z.string(), role: z.union([z.literal('child'), relationshipSchema]) })),
});
export type PersonMatch = z.infer<typeof personMatchSchema>;

const caseRef = { caseId: idSchema };

export const casePeopleMethods = {
  'people.search': defineMethod({
    summary:
      'Intake duplicate check: people already known to the centre whose name matches in any script or spelling ("Иван" = "Ivan", "Ștefan" = "Stefan", "Khristo" = "Hristo"), ranked with the birth date. Only people from cases the caller may see.',
    permission: 'cases.create',
    mutates: false,
    audit: 'every-call',
    input: z.strictObject({
      firstName: oneLineText(80).default(''),
      lastName: oneLineText(80).min(1),
      birthDate: dateSchema.nullable().default(null),
    }),
    output: z.array(personMatchSchema),
    example: { firstName: 'Ivan', lastName: 'Petrov', birthDate: '2016-04-02' },
  }),
  'cases.addPerson': defineMethod({
    summary:
      'Add a guardian, carer or relative to the case: a person already known (linked, not re-entered) or a new one. An alleged perpetrator may be informed only with `informOverride` and a reason in `informNote` (400 otherwise).',
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, person: personChoiceSchema, link: linkFieldsSchema }),
    output: casePersonSchema,
    example: {
      caseId: 1,
      person: { new: { firstName: 'Elena', lastName: 'Petrova', phone: '+359 88 000 0000' } },
      link: { relationship: 'mother', legalGuardian: true, carer: true, mayBeInformed: true, informNote: '', allegedPerpetrator: false },
    },
  }),
  'cases.updatePerson': defineMethod({
    summary:
      "Change the details of the case's child or one of its adults (the same person in every case they appear in). `version` as read; stale → 409 with details.current.",
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      ...caseRef,
      personId: idSchema,
      version: versionSchema,
      changes: personFieldsSchema.partial().refine((c) => Object.keys(c).length > 0, { message: 'Change at least one field' }),
    }),
    output: personSchema,
    example: { caseId: 1, personId: 1, version: 0, changes: { school: 'School no. 12', interpreterNeeded: false } },
  }),
  'cases.updateLink': defineMethod({
    summary:
      "Change how an adult stands to the child in this case: relationship, guardian or carer, and whether they may be informed. An alleged perpetrator may be informed only with `informOverride` and a reason in `informNote` (400 otherwise). `version` as read.",
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      ...caseRef,
      personId: idSchema,
      version: versionSchema,
      changes: linkChangesSchema.refine((c) => Object.keys(c).length > 0, { message: 'Change at least one field' }),
    }),
    output: casePersonSchema,
    example: { caseId: 1, personId: 2, version: 0, changes: { mayBeInformed: false, informNote: 'Named by the child as the one who hurt her.' } },
  }),
  'cases.removePerson': defineMethod({
    summary: 'Take an adult off the case (the person stays known to the centre). The child cannot be removed.',
    permission: 'cases.update',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ ...caseRef, personId: idSchema }),
    output: z.object({ removed: z.literal(true) }),
    example: { caseId: 1, personId: 2 },
  }),
};
