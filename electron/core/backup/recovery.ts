import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkMessages } from '../../../shared/contract/fields';
import { centreName } from '../centre';
import { iso } from '../clock';
import type { DocumentLanguage } from '../documents/pdf';
import { recoverySheetPdf } from '../documents/recovery-sheet-pdf';
import { AppError, fieldError } from '../errors';
import { readCentreZone } from './settings-row';
import { newRecoveryKey } from './recovery-key';
import { readBackupSettings, storeRecoveryKey } from './settings';

export interface NewRecoveryKey {
  recoveryKey: string;
  fingerprint: string;
  createdAt: string;
  sheet: { fileName: string; pdf: string };
  /** The fingerprint it replaced, for the audit entry. */
  replaced: string | null;
}

/**
 * Makes the recovery key, keeps only its public half, and renders the sheet
 * the key is printed on. The key and the sheet leave in the answer and
 * nowhere else: not the database, not the audit log, not a log line.
 */
export function createRecoveryKey(
  db: Database,
  input: { language: DocumentLanguage; replace: boolean; reason?: string | undefined },
  by: { userId: number; displayName: string },
  now: Date,
): NewRecoveryKey {
  const existing = readBackupSettings(db).settings.recoveryKey;
  if (existing && !input.replace) {
    throw new AppError('conflict', `A recovery key exists already (fingerprint ${existing.fingerprint}). Replacing it needs replace: true and a reason.`, {
      reason: 'recovery_key_exists',
      fingerprint: existing.fingerprint,
    });
  }
  if (existing && !input.reason) throw fieldError(['reason'], checkMessages.reasonRequired);
  const { recoveryKey, publicKey } = newRecoveryKey();
  storeRecoveryKey(db, publicKey, iso(now), by.userId);
  const sheet = recoverySheetPdf({
    language: input.language,
    centreName: centreName(db),
    timeZone: readCentreZone(db),
    recoveryKey,
    fingerprint: publicKey.fingerprint,
    createdAt: now,
    createdBy: by.displayName,
  });
  return {
    recoveryKey,
    fingerprint: publicKey.fingerprint,
    createdAt: iso(now),
    sheet: { fileName: sheet.fileName, pdf: sheet.bytes.toString('base64') },
    replaced: existing?.fingerprint ?? null,
  };
}
