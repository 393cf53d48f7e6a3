import { z } from 'zod';
import { defineMethod } from '../define';
import { centreNameSchema, emptyInput, timestampSchema, versionSchema } from '../fields';

const centreSchema = z.object({ name: z.string(), createdAt: timestampSchema, version: versionSchema });
export type Centre = z.infer<typeof centreSchema>;

export const centreMethods = {
  'centre.get': defineMethod({
    summary: "The centre's settings.",
    permission: 'signed-in',
    mutates: false,
    audit: 'refusals',
    input: emptyInput,
    output: centreSchema,
    example: {},
  }),
  'centre.update': defineMethod({
    summary: "Rename the centre. `version` is the one you read: a stale version is refused with 409 and the current record.",
    permission: 'centre.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ name: centreNameSchema, version: versionSchema }),
    output: centreSchema,
    example: { name: 'Barnahus Sofia', version: 0 },
  }),
};
