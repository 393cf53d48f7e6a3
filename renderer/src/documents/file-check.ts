import { claimedDocumentNumber } from '../../../shared/documents/profiles';

export interface Fingerprint {
  sha256: string;
  /** The document number in the file's metadata, or null when it names none. */
  claimedNumber: string | null;
}

/** What the host needs to recognise a file, computed here so the file itself never leaves the workstation. */
export async function fingerprintOf(file: Blob): Promise<Fingerprint> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return { sha256, claimedNumber: claimedDocumentNumber(bytes) };
}
