import { z } from 'zod';
import { defineMethod } from './contract/define';
import { emptyInput, passwordSchema } from './contract/fields';

/**
 * Methods the desktop app's main process answers itself, before there is a
 * database or a host to talk to: how this workstation reaches its data.
 * Not part of the LAN API; a browser on the host never sees them.
 */
const hostUrlSchema = z
  .string()
  .trim()
  .max(300)
  .transform((raw) => (/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`))
  .pipe(z.url({ protocol: /^https$/, message: 'Enter the host as https://address:port' }));

const fingerprintSchema = z
  .string()
  .transform((raw) => raw.replace(/^SHA256:/i, '').replace(/[\s:]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, { message: 'A fingerprint is 64 hexadecimal digits' }));

const statusSchema = z.object({
  mode: z.enum(['unconfigured', 'standalone', 'client']),
  /** Standalone with a passphrase-wrapped key that has not been entered yet. */
  locked: z.boolean(),
  keyProtection: z.enum(['os', 'passphrase']).nullable(),
  /** Whether the OS keychain can protect the key (Linux basic_text does not count). */
  osProtectionAvailable: z.boolean(),
  host: z.object({ url: z.string(), fingerprint: z.string() }).nullable(),
});
export type WorkstationStatus = z.infer<typeof statusSchema>;

export const workstationContract = {
  'workstation.status': defineMethod({
    summary: 'How this workstation reaches its data.',
    permission: 'public',
    mutates: false,
    audit: 'refusals',
    input: emptyInput,
    output: statusSchema,
    example: {},
  }),
  'workstation.setupStandalone': defineMethod({
    summary: 'Keep the database on this computer. A passphrase is required where the OS cannot protect the key.',
    permission: 'public',
    mutates: true,
    audit: 'refusals',
    input: z.strictObject({ passphrase: passwordSchema.optional() }),
    output: statusSchema,
    example: {},
  }),
  'workstation.unlock': defineMethod({
    summary: "Open this computer's database with the administrator passphrase.",
    permission: 'public',
    mutates: false,
    audit: 'refusals',
    input: z.strictObject({ passphrase: z.string().min(1).max(256) }),
    output: statusSchema,
    example: { passphrase: 'correct horse battery' },
  }),
  'workstation.probeHost': defineMethod({
    summary: "Connect to a host and read its certificate's fingerprint, to compare with the one the host printed.",
    permission: 'public',
    mutates: false,
    audit: 'refusals',
    input: z.strictObject({ url: hostUrlSchema }),
    output: z.object({ url: z.string(), fingerprint: z.string(), subject: z.string(), validTo: z.string() }),
    example: { url: 'https://192.168.1.10:8443' },
  }),
  'workstation.joinHost': defineMethod({
    summary: 'Use the host from now on, pinned to the fingerprint the administrator confirmed.',
    permission: 'public',
    mutates: true,
    audit: 'refusals',
    input: z.strictObject({ url: hostUrlSchema, fingerprint: fingerprintSchema }),
    output: statusSchema,
    example: { url: 'https://192.168.1.10:8443', fingerprint: '0'.repeat(64) },
  }),
};

export type WorkstationContract = typeof workstationContract;
export type WorkstationMethod = keyof WorkstationContract;

export function isWorkstationMethod(name: string): name is WorkstationMethod {
  return Object.prototype.hasOwnProperty.call(workstationContract, name);
}
