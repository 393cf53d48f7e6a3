import { z } from 'zod';
import { defineMethod } from '../define';
import { emptyInput, timestampSchema, totpCodeSchema, userSummarySchema } from '../fields';

/**
 * What a session may do before it is a full one: an account with a reset
 * password must choose its own, and a role that requires two-factor sign-in
 * must enrol first. Until then only auth.* and account.* answer.
 */
export const restrictionSchema = z.enum(['change_password', 'enrol_totp']).nullable();
export type SessionRestriction = z.infer<typeof restrictionSchema>;

const sessionSchema = z.object({
  user: userSummarySchema,
  expiresAt: timestampSchema,
  /** After this long without activity the workstation locks (and the host refuses the session until unlocked). */
  idleLockSeconds: z.number().int().positive(),
  restriction: restrictionSchema,
});

export const authMethods = {
  'auth.login': defineMethod({
    summary:
      'Sign in with username and password, plus `code` from the authenticator app when two-factor sign-in is on. ' +
      'Five wrong attempts lock the account for 15 minutes (423).',
    permission: 'public',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      // Not the username rules: a sign-in attempt must not reveal which names are well-formed.
      username: z.string().min(1).max(256),
      password: z.string().min(1).max(256),
      code: totpCodeSchema.optional(),
    }),
    output: sessionSchema.extend({ token: z.string() }),
    example: { username: 'admin', password: 'correct horse battery' },
  }),
  'auth.logout': defineMethod({
    summary: 'End the current session.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: emptyInput,
    output: z.object({ ok: z.literal(true) }),
    example: {},
  }),
  'auth.session': defineMethod({
    summary: 'The signed-in user, when the session expires, and the idle lock. Also records activity (the heartbeat).',
    permission: 'signed-in',
    mutates: true,
    audit: 'refusals',
    input: emptyInput,
    output: sessionSchema,
    example: {},
  }),
  'auth.lock': defineMethod({
    summary: 'Lock this session now (the workstation went idle). Until auth.unlock every other call answers 423.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: emptyInput,
    output: z.object({ ok: z.literal(true) }),
    example: {},
  }),
  'auth.unlock': defineMethod({
    summary: 'Unlock this session with the password. Wrong passwords count towards the account lock-out.',
    permission: 'signed-in',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ password: z.string().min(1).max(256) }),
    output: sessionSchema,
    example: { password: 'correct horse battery' },
  }),
};
