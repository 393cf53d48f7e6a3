import type { Role } from '../permissions';

/**
 * What the centre issues as documents, and how much each redaction profile
 * lets into one. Pure: the host applies the rules when it gathers the data,
 * the screens explain them, and the document prints which profile it was made
 * under.
 */

export const documentKinds = ['court_summary', 'meeting_minutes'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const redactionProfiles = ['court', 'mdt', 'internal'] as const;
export type RedactionProfile = (typeof redactionProfiles)[number];

export const documentLanguages = ['en', 'ro', 'bg'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

export interface ProfileRules {
  /** The child by full name, or by initials (court files are read by the parties and may be copied). */
  childName: 'full' | 'initials';
  /** The child's date of birth, or only the year. */
  birth: 'date' | 'year';
  /** Family members and the support person by name or by initials: their names identify the child too. */
  familyNames: 'full' | 'initials';
  /** Every entry of each recording's chain of custody, or only how many there are. */
  custodyLog: 'entries' | 'count';
  /**
   * A recording's file name as uploaded, or only "Recording 1 of 2" and its
   * format: file names are typed by people and often carry the child's name.
   */
  fileNames: 'original' | 'numbered';
  /** Which parts of the follow-up are printed (never clinical text: findings, notes, scores, goals). */
  followUp: { medical: boolean; therapy: boolean; referrals: boolean; meetings: boolean };
  /** Follow-up goes to people outside the centre only while the information-sharing consent stands. */
  followUpNeedsConsent: boolean;
  /** The consents given, refused and withdrawn. */
  consents: boolean;
}

export const profileRules: Record<RedactionProfile, ProfileRules> = {
  court: {
    childName: 'initials',
    birth: 'year',
    familyNames: 'initials',
    custodyLog: 'entries',
    fileNames: 'numbered',
    followUp: { medical: true, therapy: true, referrals: false, meetings: false },
    followUpNeedsConsent: true,
    consents: false,
  },
  mdt: {
    childName: 'full',
    birth: 'year',
    familyNames: 'full',
    custodyLog: 'count',
    fileNames: 'numbered',
    followUp: { medical: true, therapy: true, referrals: true, meetings: true },
    followUpNeedsConsent: true,
    consents: false,
  },
  internal: {
    childName: 'full',
    birth: 'date',
    familyNames: 'full',
    custodyLog: 'entries',
    fileNames: 'original',
    followUp: { medical: true, therapy: true, referrals: true, meetings: true },
    followUpNeedsConsent: false,
    consents: true,
  },
};

/** The internal profile is the centre's own file: only its coordinators make one. */
export function mayUseProfile(profile: RedactionProfile, userRoles: readonly Role[]): boolean {
  return profile !== 'internal' || userRoles.includes('coordinator');
}

/** "Ștefan Țăranu" → "Ș. Ț."; "Ana-Maria Popescu" → "A.-M. P.". */
export function initialsOf(...names: string[]): string {
  return names
    .flatMap((name) => name.trim().split(/\s+/))
    .filter((word) => word !== '')
    .map((word) =>
      word
        .split('-')
        .filter((part) => part !== '')
        .map((part) => `${[...part][0]!.toLocaleUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

/** DOC-2026-00017: the year the document was issued in and its number in that year. */
export const documentNumberPattern = /^DOC-\d{4}-\d{5,}$/;

/**
 * The document number the file claims, read from its XMP metadata
 * (dc:identifier), which the host writes uncompressed. A file that was
 * altered still names the document it was made from, so a check can say
 * which one it claims to be.
 */
export function claimedDocumentNumber(bytes: Uint8Array): string | null {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const found = /<dc:identifier>\s*(DOC-\d{4}-\d{5,})\s*<\/dc:identifier>/.exec(text);
  return found ? found[1]! : null;
}
