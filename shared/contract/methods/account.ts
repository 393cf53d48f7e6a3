import { z } from 'zod';
import { defineMethod } from '../define';
import { emptyInput, passwordSchema, profileSchema, timestampSchema, totpCodeSchema } from '../fields';

export const accountSchema = profileSchema.extend({
  /** One of the user's roles requires two-factor sign-in. */
  totpRequired: z.boolean(),
  passwordChangedAt: timestampSchema.nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountMethods = {
  'account.get': defineMethod({
    summary: 'My own account.',
    permission: 'signed-in',
    mutates: false,
    audit: 'refusals',
    input: emptyInput,
    output: accountSchema,
    example: {},
  }),
  'account.changePassword': defineMethod({
    summary: 'Change my password. The new one must be strong (checked against a dictionary) and differ from the current one.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }),
    output: accountSchema,
    example: { currentPassword: 'correct horse battery', newPassword: 'a quieter river at dusk' },
  }),
  'account.beginTotp': defineMethod({
    summary: 'Start two-factor enrolment: a new secret, as an otpauth:// URI and a QR code (SVG) to scan.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: emptyInput,
    output: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
    example: {},
  }),
  'account.confirmTotp': defineMethod({
    summary: 'Finish enrolment with a code from the app; from then on sign-in asks for a code.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ code: totpCodeSchema }),
    output: accountSchema,
    example: { code: '123456' },
  }),
  'account.disableTotp': defineMethod({
    summary: 'Turn two-factor sign-in off (with my password). Refused while one of my roles requires it.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ password: z.string().min(1).max(256) }),
    output: accountSchema,
    example: { password: 'correct horse battery' },
  }),
};
