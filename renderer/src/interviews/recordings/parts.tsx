import ContentCopy from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useState } from 'react';
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

/** A SHA-256 in full, monospace, selectable in one click, with a copy button. */
export function Sha256({ value, testId, muted = false }: { value: string; testId?: string; muted?: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      },
      () => undefined,
    );
  };
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, minWidth: 0 }}>
      <Typography
        component="code"
        data-testid={testId}
        sx={{
          fontFamily: 'monospace',
          fontSize: 13,
          wordBreak: 'break-all',
          userSelect: 'all',
          color: muted ? 'text.disabled' : 'text.primary',
          bgcolor: 'action.hover',
          borderRadius: 1,
          px: 0.75,
          py: 0.25,
        }}
      >
        {value}
      </Typography>
      <Tooltip title={copied ? t('recordings.shaCopied') : t('recordings.copySha')}>
        <IconButton size="small" aria-label={t('recordings.copySha')} onClick={copy}>
          <ContentCopy fontSize="inherit" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
