import { z } from 'zod';
import { documentLanguages } from '../../documents/profiles';
import { defineMethod } from '../define';
import { clockTimeSchema, emptyInput, nonBlankText, timestampSchema, versionSchema } from '../fields';

/**
 * The Backups page: where sets go, when, how many are kept, the sets at the
 * destination, Back up now, Verify, and the recovery key. The engine itself
 * (electron/core/backup/) is shared with the CLI.
 */

const byteCount = z.number().int().nonnegative();
const keepCount = z.number().int().min(1).max(365);
export const backupKinds = ['manual', 'scheduled', 'cli', 'upgrade'] as const;
export const backupPhases = ['snapshot', 'evidence', 'manifest', 'verify', 'restore'] as const;
/** A set's folder name at the destination: no path separators, so a name can never point elsewhere. */
export const backupSetNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/);

export const retentionSchema = z.strictObject({ daily: keepCount, weekly: keepCount, monthly: keepCount });

export const backupSettingsSchema = z.object({
  destination: z.string().nullable(),
  scheduleEnabled: z.boolean(),
  /** Centre time (HH:MM). */
  scheduleTime: z.string(),
  retention: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int() }),
  /** The recovery key's fingerprint (the key itself is never stored), or null when none was made. */
  recoveryKey: z.object({ fingerprint: z.string(), createdAt: timestampSchema, createdBy: z.string().nullable() }).nullable(),
  version: versionSchema,
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupVerificationSchema = z.object({
  ok: z.boolean(),
  at: timestampSchema,
  durationMs: z.number().nonnegative(),
  /** In words: the first file that does not match, or the check that failed. */
  problem: z.string().nullable(),
});

export const backupSetSchema = z.object({
  name: z.string(),
  kind: z.enum(backupKinds),
  createdAt: timestampSchema,
  durationMs: z.number().nonnegative(),
  sizeBytes: byteCount,
  newBytes: byteCount,
  objects: z.number().int().nonnegative(),
  newObjects: z.number().int().nonnegative(),
  /** Whether a recovery key opens it (and which one). */
  recoveryFingerprint: z.string().nullable(),
  verification: backupVerificationSchema.nullable(),
});
export type BackupSet = z.infer<typeof backupSetSchema>;

export const backupProgressSchema = z.object({
  /** 'backup' makes (then verifies) a new set; 'verify' checks an existing one. */
  task: z.enum(['backup', 'verify']),
  kind: z.enum(backupKinds),
  set: z.string().nullable(),
  startedAt: timestampSchema,
  phase: z.enum(backupPhases).nullable(),
  files: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  bytes: byteCount,
  bytesTotal: byteCount,
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

export const backupAttentionSchema = z.object({
  noVerifiedBackupFor26h: z.boolean(),
  lastFailed: z.boolean(),
  destinationNearlyFull: z.boolean(),
  noRecoveryKey: z.boolean(),
  noDestination: z.boolean(),
});
export type BackupAttention = z.infer<typeof backupAttentionSchema>;

export const backupStatusSchema = z.object({
  settings: backupSettingsSchema,
  /** Free space at the destination; null without a destination or when it cannot be read (then `destinationProblem` says why). */
  destinationSpace: z.object({ freeBytes: byteCount, totalBytes: byteCount, low: z.boolean() }).nullable(),
  destinationProblem: z.string().nullable(),
  sets: z.array(backupSetSchema),
  running: backupProgressSchema.nullable(),
  lastRun: z
    .object({
      kind: z.enum(backupKinds),
      startedAt: timestampSchema,
      finishedAt: timestampSchema.nullable(),
      outcome: z.enum(['ok', 'failed']).nullable(),
      setName: z.string().nullable(),
      error: z.string(),
    })
    .nullable(),
  lastVerifiedAt: timestampSchema.nullable(),
  attention: backupAttentionSchema,
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupsMethods = {
  'backups.status': defineMethod({
    summary:
      'The backup settings, free space at the destination, the sets there (time, kind, size, what each added, duration, verification result), the backup or verification running now with its progress, the last attempt and its error, and what needs attention (no verified backup for 26 hours, the last backup failed, the destination nearly full, no recovery key, no destination).',
    permission: 'backups.manage',
    mutates: false,
    // Read every 2 s while a backup runs and on Home: auditing each read would bury the log; changes and runs are audited.
    audit: 'refusals',
    input: emptyInput,
    output: backupStatusSchema,
    example: {},
  }),
  'backups.configure': defineMethod({
    summary:
      'Set the destination (an absolute path to an existing folder the host can write to, outside the data folder: a mounted drive or share), the daily schedule (centre time) and how many daily, weekly and monthly sets are kept (1–365 each). `version` is the one you read: a stale version is refused with 409 and the current settings.',
    permission: 'backups.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      destination: z.string().trim().min(1).max(4096),
      scheduleEnabled: z.boolean(),
      scheduleTime: clockTimeSchema,
      retention: retentionSchema,
      version: versionSchema,
    }),
    output: backupSettingsSchema,
    example: { destination: '/mnt/backup-drive/barnahus', scheduleEnabled: true, scheduleTime: '02:00', retention: { daily: 7, weekly: 4, monthly: 12 }, version: 0 },
  }),
  'backups.run': defineMethod({
    summary:
      'Back up now: starts a set in the background and answers at once (follow it with backups.status). The set is verified when written, then old sets are rotated out. 409 while a backup or verification runs; 400 when no destination is set.',
    permission: 'backups.manage',
    mutates: true,
    audit: 'every-call',
    input: emptyInput,
    output: backupProgressSchema,
    example: {},
  }),
  'backups.verify': defineMethod({
    summary: 'Verify a set again in the background (restored into a temporary folder and checked); the result is kept with the set. 409 while a backup or verification runs.',
    permission: 'backups.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({ set: backupSetNameSchema }),
    output: backupProgressSchema,
    example: { set: '2026-12-08T020000Z-scheduled' },
  }),
  'backups.createRecoveryKey': defineMethod({
    summary:
      'Create the recovery key: the answer carries the key and its recovery sheet (PDF, base64, in the language asked) ONCE. Neither is stored: only the public half is kept, so sets made from now on open with it as well as with the key file. Replacing an existing key needs `replace: true` and a reason; sets made before keep opening with the old key only.',
    permission: 'backups.manage',
    mutates: true,
    audit: 'every-call',
    input: z.strictObject({
      language: z.enum(documentLanguages),
      replace: z.boolean().default(false),
      reason: nonBlankText(500).optional(),
    }),
    output: z.object({
      recoveryKey: z.string(),
      fingerprint: z.string(),
      createdAt: timestampSchema,
      sheet: z.object({ fileName: z.string(), pdf: z.string().describe('the recovery sheet PDF, base64; it holds the key, so it is never kept and only this answer carries it') }),
    }),
    example: { language: 'ro', replace: false },
  }),
};
