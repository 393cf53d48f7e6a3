import Gavel from '@mui/icons-material/Gavel';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/contract/case-records';
import { nonBlankText } from '../../../shared/contract/fields';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { useFormat } from '../components/format';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { errorMessage } from '../i18n/messages';

const reasonForm = z.object({ reason: nonBlankText(500) });

function HoldDialog({ detail, hold, onClose }: { detail: CaseDetail; hold: boolean; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.infer<typeof reasonForm>>({ resolver: zodResolver(reasonForm), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('cases.setLegalHold', { caseId: detail.id, hold, reason: v.reason });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const message = applyServerError(error, form.setError, t, (path) => (path[0] === 'reason' ? 'reason' : null));
      const reason = error instanceof ApiError ? (error.details as { reason?: unknown } | undefined)?.reason : undefined;
      setFailure(reason === 'already_held' || reason === 'not_held' ? t(`evidence.legalHold.refused.${reason}`) : error instanceof ApiError && error.code === 'invalid_input' ? message : errorMessage(t, error));
    }
  });
  return (
    <FormDialog
      title={hold ? t('evidence.legalHold.setTitle') : t('evidence.legalHold.liftTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={hold ? t('evidence.legalHold.setSubmit') : t('evidence.legalHold.liftSubmit')}
    >
      <Alert severity={hold ? 'info' : 'warning'} sx={{ mb: 1 }}>
        {hold ? t('evidence.legalHold.setIntro') : t('evidence.legalHold.liftIntro')}
      </Alert>
      <FormTextField control={form.control} name="reason" label={t('evidence.legalHold.reason')} multiline autoFocus />
    </FormDialog>
  );
}

/**
 * The case's legal hold, first on the overview so nobody misses it: who set
 * it, when and why; set or lifted by a coordinator or the case's prosecutor.
 * Others see it only while it holds.
 */
export function LegalHold({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const [editing, setEditing] = useState<boolean | null>(null);
  const mayChange = isGranted('cases.legalHold', session.user.roles);
  const hold = detail.legalHold;
  if (!hold && !mayChange) return null;
  return (
    <>
      {hold ? (
        <Alert
          severity="warning"
          variant="filled"
          icon={<Gavel />}
          data-testid="legal-hold"
          action={
            mayChange && (
              <Button color="inherit" size="small" variant="outlined" onClick={() => setEditing(false)}>
                {t('evidence.legalHold.lift')}
              </Button>
            )
          }
        >
          <AlertTitle>{t('evidence.legalHold.held', { date: format.dateTime(hold.since), name: hold.by })}</AlertTitle>
          <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
            {hold.reason}
          </Typography>
          <Typography variant="body2">{t('evidence.legalHold.heldNote')}</Typography>
        </Alert>
      ) : (
        <Paper variant="outlined" component="section" aria-label={t('evidence.legalHold.title')} sx={{ px: 2, py: 1 }} data-testid="legal-hold">
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
            <Gavel color="action" fontSize="small" />
            <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
              {t('evidence.legalHold.none')}
            </Typography>
            <Button size="small" onClick={() => setEditing(true)}>
              {t('evidence.legalHold.set')}
            </Button>
          </Stack>
        </Paper>
      )}
      {editing !== null && <HoldDialog detail={detail} hold={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
