import ContentCopy from '@mui/icons-material/ContentCopyOutlined';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A SHA-256 in monospace with a button that copies it whole. In full it is
 * selectable in one click; `short` fits a table cell (the first characters,
 * the whole in a tooltip and in data-sha256).
 */
export function Sha256({ value, testId, muted = false, short = false }: { value: string; testId?: string; muted?: boolean; short?: boolean }) {
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
  const code = (
    <Typography
      component="code"
      data-testid={testId}
      data-sha256={value}
      sx={{
        fontFamily: 'monospace',
        fontSize: 13,
        color: muted ? 'text.disabled' : 'text.primary',
        ...(short ? { whiteSpace: 'nowrap' } : { wordBreak: 'break-all', userSelect: 'all', bgcolor: 'action.hover', borderRadius: 1, px: 0.75, py: 0.25 }),
      }}
    >
      {short ? `${value.slice(0, 8)}…` : value}
    </Typography>
  );
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: short ? 0.25 : 0.5, minWidth: 0 }}>
      {short ? <Tooltip title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{value}</span>}>{code}</Tooltip> : code}
      <Tooltip title={copied ? t('common.shaCopied') : t('common.copySha')}>
        <IconButton size="small" aria-label={t('common.copySha')} onClick={copy}>
          <ContentCopy fontSize="inherit" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
