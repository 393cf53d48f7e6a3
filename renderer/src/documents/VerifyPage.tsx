import LockOutlined from '@mui/icons-material/LockOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { useApi } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import { Sha256 } from '../components/Sha256';
import { useSize } from '../interviews/recordings/parts';
import { fingerprintOf, type Fingerprint } from './file-check';
import { Verdict } from './Verdict';

/** Far above any summary or minutes the host prints (a 20-page summary is about 100 KB). */
const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

type Check =
  | { step: 'idle' }
  | { step: 'reading' | 'checking'; file: File; print?: Fingerprint }
  | { step: 'done'; file: File; print: Fingerprint; answer: MethodOutput<'documents.verify'> }
  | { step: 'failed'; file: File; print?: Fingerprint; failure: string };

/**
 * Is a PDF someone hands in an unaltered document of this centre? The file is
 * read and hashed here; the host is asked only about its SHA-256 and the
 * number it claims.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const size = useSize();
  const [check, setCheck] = useState<Check>({ step: 'idle' });
  const [over, setOver] = useState(false);

  // A file dropped beside the zone would otherwise be opened by the browser in place of the application.
  useEffect(() => {
    const keep = (event: Event) => event.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const run = async (file: File) => {
    // Hashing reads the whole file into memory: a recording dropped here by mistake would stall the page.
    if (file.size > MAX_DOCUMENT_BYTES) {
      setCheck({ step: 'failed', file, failure: t('documents.verify.tooLarge') });
      return;
    }
    setCheck({ step: 'reading', file });
    let print: Fingerprint | undefined;
    try {
      print = await fingerprintOf(file);
      setCheck({ step: 'checking', file, print });
      const answer = await api.call('documents.verify', print);
      setCheck({ step: 'done', file, print, answer });
    } catch (error) {
      setCheck({ step: 'failed', file, print, failure: errorMessage(t, error) });
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void run(file);
  };

  const busy = check.step === 'reading' || check.step === 'checking';
  return (
    <Box sx={{ maxWidth: 860 }}>
      <PageHeader title={t('documents.verify.title')} subtitle={t('documents.verify.subtitle')} />
      <Alert severity="info" icon={<LockOutlined />} sx={{ mb: 2 }}>
        {t('documents.verify.private')}
      </Alert>
      <Paper
        variant="outlined"
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        sx={{
          p: 4,
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'primary.main' : 'divider',
          bgcolor: over ? 'action.hover' : 'background.paper',
          textAlign: 'center',
        }}
      >
        <Stack spacing={1} sx={{ alignItems: 'center' }}>
          <UploadFileOutlined sx={{ fontSize: 48, color: 'text.secondary' }} />
          <Typography variant="h6" component="p">
            {t('documents.verify.drop')}
          </Typography>
          <Typography color="text.secondary">{t('documents.verify.or')}</Typography>
          <Button component="label" variant="outlined" disabled={busy}>
            {check.step === 'idle' ? t('documents.verify.choose') : t('documents.verify.another')}
            <input
              type="file"
              hidden
              accept="application/pdf,.pdf"
              data-testid="document-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared, so choosing the same file again checks it again.
                event.target.value = '';
                if (file) void run(file);
              }}
            />
          </Button>
        </Stack>
      </Paper>
      {check.step !== 'idle' && (
        <Stack spacing={2} sx={{ mt: 3 }}>
          {busy && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
              <CircularProgress size={20} />
              <Typography>{check.step === 'reading' ? t('documents.verify.reading') : t('documents.verify.checking')}</Typography>
            </Stack>
          )}
          {check.step === 'done' && <Verdict answer={check.answer} claimedNumber={check.print.claimedNumber} />}
          {check.step === 'failed' && <FormError message={check.failure} />}
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('documents.verify.file')}>
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.75, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0, minWidth: 0 } }}
            >
              <dt>{t('documents.verify.file')}</dt>
              <dd data-testid="checked-file" style={{ overflowWrap: 'anywhere' }}>
                {check.file.name}
              </dd>
              <dt>{t('documents.verify.size')}</dt>
              <dd>{size(check.file.size)}</dd>
              <dt>{t('documents.verify.computed')}</dt>
              <dd>{check.print ? <Sha256 value={check.print.sha256} testId="computed-sha256" /> : <CircularProgress size={18} aria-label={t('documents.verify.reading')} />}</dd>
              {check.print && (
                <>
                  <dt>{t('documents.verify.claimed')}</dt>
                  <dd data-testid="claimed-number">{check.print.claimedNumber ?? t('documents.verify.claimedNone')}</dd>
                </>
              )}
            </Box>
          </Paper>
        </Stack>
      )}
    </Box>
  );
}
