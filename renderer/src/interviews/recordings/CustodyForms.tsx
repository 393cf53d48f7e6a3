import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../../shared/contract';
import { checkMessages } from '../../../../shared/contract/fields';
import { copyFieldsSchema, type Recording } from '../../../../shared/contract/interview-records';
import { copyMedia, invitedAgencies } from '../../../../shared/interviews/categories';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { useFormat } from '../../components/format';
import { FormSelectField } from '../../forms/FormSelectField';
import { FormTextField } from '../../forms/FormTextField';
import { applyServerError } from '../../forms/server-errors';
import { agencyLabel, mediumLabel } from './CustodyDialog';
import { isIntegrityAlarm, recordingError } from './parts';

type CopyForm = z.input<typeof copyFieldsSchema>;

/** A refusal in words: field issues go on their fields (and the form's general message), anything else as this action means it. */
function refusal(error: unknown, message: string, t: TFunction, conflict: string): string {
  return error instanceof ApiError && error.code === 'invalid_input' ? message : recordingError(t, error, conflict);
}

/** Logs a copy handed over on a medium: to whom, their agency, the medium and the purpose. The host re-checks the hash first. */
export function CopyDialog({ recording, onClose }: { recording: Recording; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CopyForm>({ resolver: zodResolver(copyFieldsSchema), defaultValues: { recipient: '', medium: 'encrypted_drive', purpose: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('recordings.recordCopy', { recordingId: recording.id, ...v });
      await queryClient.invalidateQueries({ queryKey: ['recordings'] });
      onClose();
    } catch (error) {
      // The alarm was logged even though the copy was refused: the list shows it.
      if (isIntegrityAlarm(error)) void queryClient.invalidateQueries({ queryKey: ['recordings'] });
      const message = applyServerError(error, form.setError, t, (path) => (['recipient', 'recipientAgency', 'medium', 'purpose'] as const).find((f) => f === path[0]) ?? null);
      setFailure(refusal(error, message, t, t('recordings.errors.deleted')));
    }
  });
  return (
    <FormDialog title={t('recordings.copy.title')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('recordings.copy.submit')}>
      <Typography variant="body2" color="text.secondary">
        {recording.fileName} · {t('recordings.copy.hint')}
      </Typography>
      <FormTextField control={form.control} name="recipient" label={t('recordings.copy.recipient')} autoFocus />
      <FormSelectField control={form.control} name="recipientAgency" label={t('recordings.copy.agency')} options={invitedAgencies.map((value) => ({ value, label: t(`recordings.agency.${value}`) }))} />
      <FormSelectField control={form.control} name="medium" label={t('recordings.copy.medium')} options={copyMedia.map((value) => ({ value, label: t(`recordings.medium.${value}`) }))} />
      <FormTextField control={form.control} name="purpose" label={t('recordings.copy.purpose')} multiline />
    </FormDialog>
  );
}

const returnForm = z.object({
  copyId: z.string().min(1, { message: checkMessages.invalidChoice }),
  note: z.string().trim().max(500),
});
type ReturnForm = z.infer<typeof returnForm>;

/** Logs that a copy came back (or was destroyed by its holder): one of the copies still out, read from the custody log. */
export function ReturnDialog({ recording, onClose }: { recording: Recording; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const format = useFormat();
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const custody = useQuery({ queryKey: ['recordings', 'custody', recording.id], queryFn: () => api.call('recordings.custody', { recordingId: recording.id }) });
  const entries = custody.data?.entries ?? [];
  const returned = new Set(entries.filter((e) => e.action === 'returned').map((e) => e.copyId));
  const open = entries.filter((e) => e.action === 'copied' && !returned.has(e.id));
  const form = useForm<ReturnForm>({ resolver: zodResolver(returnForm), defaultValues: { copyId: '', note: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('recordings.recordReturn', { recordingId: recording.id, copyId: Number(v.copyId), note: v.note });
      await queryClient.invalidateQueries({ queryKey: ['recordings'] });
      onClose();
    } catch (error) {
      const message = applyServerError(error, form.setError, t, (path) => (path[0] === 'note' ? 'note' : null));
      setFailure(refusal(error, message, t, t('recordings.errors.alreadyReturned')));
    }
  });
  const options = open.map((e) => ({
    value: String(e.id),
    label: t('recordings.return.copyLabel', { recipient: e.recipient, agency: agencyLabel(t, e.recipientAgency), medium: mediumLabel(t, e.medium), date: format.dateTime(e.at) }),
  }));
  return (
    <FormDialog title={t('recordings.return.title')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('recordings.return.submit')}>
      <Typography variant="body2" color="text.secondary">
        {recording.fileName}
      </Typography>
      {custody.isPending ? (
        <CircularProgress size={24} aria-label={t('common.loading')} sx={{ mt: 2 }} />
      ) : custody.isError ? (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {recordingError(t, custody.error)}
        </Alert>
      ) : open.length === 0 ? (
        <Typography sx={{ mt: 2 }}>{t('recordings.return.noneOpen')}</Typography>
      ) : (
        <>
          <FormSelectField control={form.control} name="copyId" label={t('recordings.return.copy')} options={options} />
          <FormTextField control={form.control} name="note" label={t('recordings.return.note')} multiline />
        </>
      )}
    </FormDialog>
  );
}
