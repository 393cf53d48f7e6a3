import { z } from 'zod';
import { defineMethod } from '../define';
import { emptyInput, timestampSchema, userSummarySchema } from '../fields';

const sessionOutput = z.object({ user: userSummarySchema, expiresAt: timestampSchema });

export const authMethods = {
  'auth.login': defineMethod({
    summary: 'Sign in with username and password; returns a bearer token for later calls.',
    permission: 'public',
    mutates: true,
    input: z.strictObject({
      // Not the username rules: a sign-in attempt must not reveal which names are well-formed.
      username: z.string().min(1).max(256),
      password: z.string().min(1).max(256),
    }),
    output: z.object({ token: z.string(), user: userSummarySchema, expiresAt: timestampSchema }),
    example: { username: 'admin', password: 'correct horse battery' },
  }),
  'auth.logout': defineMethod({
    summary: 'End the current session.',
    permission: 'signed-in',
    mutates: true,
    input: emptyInput,
    output: z.object({ ok: z.literal(true) }),
    example: {},
  }),
  'auth.session': defineMethod({
    summary: 'The signed-in user and when the session expires.',
    permission: 'signed-in',
    mutates: false,
    input: emptyInput,
    output: sessionOutput,
    example: {},
  }),
};
