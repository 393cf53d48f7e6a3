import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/contract';
import { errorMessage } from '../../i18n/messages';

const sizeUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "4.2 GB", "812 kB": decimal units, as drives and operating systems label files. */
export function useSize() {
  const { i18n } = useTranslation();
  return (bytes: number): string => {
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < sizeUnits.length - 1) {
      value /= 1000;
      unit += 1;
    }
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: sizeUnits[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** mm:ss, or h:mm:ss from an hour on. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Whether a refusal is the host's integrity alarm: the file no longer matches its registered hash. */
export function isIntegrityAlarm(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'conflict' && (error.details as { reason?: unknown } | undefined)?.reason === 'integrity_failed';
}

/**
 * A refusal of a recordings call in words. The host's conflicts are
 * specific to each action, so the caller says what a conflict means there.
 */
export function recordingError(t: TFunction, error: unknown, conflict?: string): string {
  if (isIntegrityAlarm(error)) return t('recordings.errors.integrityFailed');
  if (error instanceof ApiError && error.code === 'not_found') return t('recordings.errors.notFound');
  if (error instanceof ApiError && error.code === 'conflict' && conflict) return conflict;
  return errorMessage(t, error);
}

