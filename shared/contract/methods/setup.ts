import { z } from 'zod';
import { defineMethod } from '../define';
import { centreNameSchema, displayNameSchema, emptyInput, passwordSchema, userSummarySchema, usernameSchema } from '../fields';

export const setupMethods = {
  'setup.status': defineMethod({
    summary: 'Whether the centre has been set up, and its name for the sign-in screen.',
    permission: 'public',
    mutates: false,
    audit: 'refusals',
    input: emptyInput,
    output: z.object({ initialized: z.boolean(), centreName: z.string().nullable() }),
    example: {},
  }),
  'setup.initialize': defineMethod({
    summary: 'Create the centre and its first administrator. Only while no user exists.',
    permission: 'public',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      centreName: centreNameSchema,
      admin: z.strictObject({
        username: usernameSchema,
        password: passwordSchema,
        displayName: displayNameSchema,
      }),
    }),
    output: z.object({ centreName: z.string(), admin: userSummarySchema }),
    example: {
      centreName: 'Barnahus Cluj',
      admin: { username: 'admin', password: 'correct horse battery', displayName: 'Ana Popescu' },
    },
  }),
};
