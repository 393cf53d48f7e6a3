import ContentCopy from '@mui/icons-material/ContentCopyOutlined';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A SHA-256 shortened to fit a table cell: the first characters, the whole in a tooltip, and a button that copies the whole. */
export function ShortSha({ value }: { value: string }) {
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
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.25 }}>
      <Tooltip title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{value}</span>}>
        <Typography component="code" data-testid="document-sha256" data-sha256={value} sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'nowrap' }}>
          {`${value.slice(0, 8)}…`}
        </Typography>
      </Tooltip>
      <Tooltip title={copied ? t('documents.shaCopied') : t('documents.copySha')}>
        <IconButton size="small" aria-label={t('documents.copySha')} onClick={copy}>
          <ContentCopy fontSize="inherit" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
