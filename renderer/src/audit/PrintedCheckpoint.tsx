import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printedCheckpointSchema } from '../../../shared/contract/methods/audit';
import { validationMessage } from '../i18n/messages';

export interface Printed {
  entry: number;
  head: string;
}

/** The checkpoint printed at the foot of an issued document, typed back in to compare the log with the paper. */
export function PrintedCheckpoint({ onCompare }: { onCompare: (printed: Printed) => void }) {
  const { t } = useTranslation();
  const [entry, setEntry] = useState('');
  const [head, setHead] = useState('');
  const [errors, setErrors] = useState<{ entry?: string; head?: string }>({});

  const compare = () => {
    const parsed = printedCheckpointSchema.safeParse({ entry: Number(entry.trim()), head });
    if (!parsed.success) {
      const found: { entry?: string; head?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'entry' ? 'entry' : 'head';
        found[field] ??= validationMessage(t, issue.message);
      }
      setErrors(found);
      return;
    }
    setErrors({});
    onCompare(parsed.data);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="subtitle1" component="h2">
        {t('auditAnchor.printed.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('auditAnchor.printed.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('auditAnchor.printed.entry')}
          value={entry}
          onChange={(e) => setEntry(e.target.value)}
          error={errors.entry !== undefined}
          helperText={errors.entry ?? ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: 140 }}
        />
        <TextField
          label={t('auditAnchor.printed.head')}
          value={head}
          onChange={(e) => setHead(e.target.value)}
          error={errors.head !== undefined}
          helperText={errors.head ?? t('auditAnchor.printed.headHint')}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          sx={{ flex: 1, minWidth: 280 }}
        />
        <Button variant="outlined" onClick={compare} sx={{ mt: 1 }}>
          {t('auditAnchor.printed.compare')}
        </Button>
      </Stack>
    </Paper>
  );
}
