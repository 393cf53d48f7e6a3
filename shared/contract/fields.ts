import { z } from 'zod';
import { roles } from '../permissions';

/**
 * Messages of our own checks, by id. The renderer translates them by id;
 * checks zod names itself (too short, wrong type…) use zod's own locales.
 */
export const checkMessages = {
  usernameChars: 'Use only letters, digits and the characters . _ @ -',
  passwordMismatch: 'The two passwords differ',
  blank: 'Must not be blank',
} as const;
export type CheckMessageId = keyof typeof checkMessages;

const nonBlank = (max: number) =>
  z.string().trim().min(1, { message: checkMessages.blank }).max(max);

export const idSchema = z.number().int().positive();
export const timestampSchema = z.iso.datetime({ offset: true });
export const versionSchema = z.number().int().nonnegative();

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: checkMessages.usernameChars });

/** Length only here; strength rules arrive with account management. */
export const passwordSchema = z.string().min(12).max(256);
export const displayNameSchema = nonBlank(120);
export const centreNameSchema = nonBlank(160);
export const roleSchema = z.enum(roles);

export const userSummarySchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const emptyInput = z.strictObject({});
