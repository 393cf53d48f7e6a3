import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/methods/cases';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { useFormat } from '../components/format';
import { FormError, Notice } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Typography variant="overline" color="text.secondary">
        {label}
      </Typography>
      <Typography component="div">{children}</Typography>
    </div>
  );
}

export function CaseOverview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const markDone = async () => {
    setFailure(null);
    try {
      await api.call('cases.markInterviewDone', { caseId: detail.id });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 880 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={6}>
          <Field label={t('cases.reference')}>{detail.reference}</Field>
          <Field label={t('cases.opened')}>{format.dateTime(detail.createdAt)}</Field>
          <Field label={t('cases.interview')}>{detail.interviewDoneAt ? format.dateTime(detail.interviewDoneAt) : t('cases.interviewNotYet')}</Field>
        </Stack>
        <Field label={t('cases.summary')}>
          {detail.summary === null ? (
            <Notice severity="info">{t('cases.blindSummary')}</Notice>
          ) : (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{detail.summary || '—'}</Typography>
          )}
        </Field>
        {!detail.interviewDoneAt && isGranted('cases.interview', session.user.roles) && (
          <div>
            <Button variant="outlined" onClick={() => void markDone()}>
              {t('cases.markInterviewDone')}
            </Button>
          </div>
        )}
        <FormError message={failure} />
      </Stack>
    </Paper>
  );
}
