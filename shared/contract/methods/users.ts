import { z } from 'zod';
import { defineMethod } from '../define';
import {
  agencySchema,
  displayNameSchema,
  emailSchema,
  emptyInput,
  idSchema,
  jobTitleSchema,
  passwordSchema,
  phoneSchema,
  profileSchema,
  roleSchema,
  rolesSchema,
  timestampSchema,
  usernameSchema,
  versionSchema,
} from '../fields';

export const userRecordSchema = profileSchema.extend({
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Locked out after wrong passwords, until this time. */
  lockedUntil: timestampSchema.nullable(),
  createdAt: timestampSchema,
  version: versionSchema,
});
export type UserRecord = z.infer<typeof userRecordSchema>;

const profileFields = {
  displayName: displayNameSchema,
  agency: agencySchema,
  roles: rolesSchema,
  jobTitle: jobTitleSchema.default(''),
  phone: phoneSchema.default(''),
  email: emailSchema.default(''),
};

const userRef = z.strictObject({ userId: idSchema });

export const usersMethods = {
  'users.list': defineMethod({
    summary: 'Every account, disabled ones included.',
    permission: 'users.manage',
    mutates: false,
    audit: 'every-call',
    input: emptyInput,
    output: z.array(userRecordSchema),
    example: {},
  }),
  'users.create': defineMethod({
    summary: 'Create an account. The user must choose a new password at first sign-in.',
    permission: 'users.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ username: usernameSchema, password: passwordSchema, ...profileFields }),
    output: userRecordSchema,
    example: { username: 'i.popa', password: 'first day at the centre', displayName: 'Ion Popa', agency: 'police', roles: ['police'] },
  }),
  'users.update': defineMethod({
    summary: "Edit an account's profile and roles. `version` is the one read; a stale one is refused with 409.",
    permission: 'users.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ userId: idSchema, version: versionSchema, ...profileFields }),
    output: userRecordSchema,
    example: { userId: 2, version: 0, displayName: 'Ion Popa', agency: 'police', roles: ['police'], jobTitle: 'Inspector' },
  }),
  'users.setDisabled': defineMethod({
    summary: 'Disable (ending all its sessions) or re-enable an account. Accounts are never deleted.',
    permission: 'users.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ userId: idSchema, disabled: z.boolean(), version: versionSchema }),
    output: userRecordSchema,
    example: { userId: 2, disabled: true, version: 0 },
  }),
  'users.resetPassword': defineMethod({
    summary: 'Set a temporary password; the user must change it at next sign-in. Ends their sessions and clears a lock-out.',
    permission: 'users.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ userId: idSchema, password: passwordSchema }),
    output: userRecordSchema,
    example: { userId: 2, password: 'temporary but long enough' },
  }),
  'users.resetTotp': defineMethod({
    summary: "Remove a user's two-factor enrolment (a lost phone). They enrol again if their role requires it.",
    permission: 'users.manage',
    mutates: true,
    audit: 'every-call',
    input: userRef,
    output: userRecordSchema,
    example: { userId: 2 },
  }),
  'users.signOutEverywhere': defineMethod({
    summary: "End every session of a user, on every workstation.",
    permission: 'users.manage',
    mutates: true,
    audit: 'every-call',
    input: userRef,
    output: z.object({ ended: z.number().int().nonnegative() }),
    example: { userId: 2 },
  }),
  'users.directory': defineMethod({
    summary: 'Enabled colleagues, to put on a case team: name, agency, job title, roles.',
    permission: 'users.directory',
    mutates: false,
    audit: 'every-call',
    input: emptyInput,
    output: z.array(z.object({ id: idSchema, displayName: z.string(), agency: agencySchema, jobTitle: z.string(), roles: z.array(roleSchema) })),
    example: {},
  }),
};
