import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../../shared/contract';
import { nonBlankText } from '../../../../shared/contract/fields';
import { removalFieldsSchema, type Recording, type RemovalRequest } from '../../../../shared/contract/interview-records';
import { removalReasons } from '../../../../shared/interviews/categories';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { useFormat } from '../../components/format';
import { FormSelectField } from '../../forms/FormSelectField';
import { FormTextField } from '../../forms/FormTextField';
import { applyServerError } from '../../forms/server-errors';
import { recordingError } from './parts';

/** Why the host kept the file, in words: each refusal of a removal names its reason. */
const refusalReasons = ['legal_hold', 'copies_out', 'pending', 'decided', 'window_passed', 'accessed', 'deleted', 'own_request', 'not_uploader'] as const;
type RefusalReason = (typeof refusalReasons)[number];

export function removalError(t: TFunction, error: unknown): string {
  const reason = error instanceof ApiError ? (error.details as { reason?: unknown } | undefined)?.reason : undefined;
  if ((refusalReasons as readonly unknown[]).includes(reason)) return t(`recordings.removal.refused.${reason as RefusalReason}`);
  return recordingError(t, error);
}

type RequestForm = z.input<typeof removalFieldsSchema>;

/** Asks for the file's removal: a reason from the list and the requester's words. A second person decides. */
export function RequestRemovalDialog({ recording, onClose }: { recording: Recording; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RequestForm>({ resolver: zodResolver(removalFieldsSchema), defaultValues: { reason: 'registered_by_mistake', words: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('recordings.requestRemoval', { recordingId: recording.id, ...v });
      await queryClient.invalidateQueries({ queryKey: ['recordings'] });
      onClose();
    } catch (error) {
      const message = applyServerError(error, form.setError, t, (path) => (['reason', 'words'] as const).find((f) => f === path[0]) ?? null);
      setFailure(error instanceof ApiError && error.code === 'invalid_input' ? message : removalError(t, error));
    }
  });
  return (
    <FormDialog title={t('recordings.removal.requestTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('recordings.removal.requestSubmit')}>
      <Typography sx={{ mb: 1, wordBreak: 'break-all' }}>{recording.fileName}</Typography>
      <Alert severity="info" sx={{ mb: 1 }}>
        {t('recordings.removal.requestIntro')}
      </Alert>
      {recording.copiesOut > 0 && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {t('recordings.removal.copiesOut', { count: recording.copiesOut })}
        </Alert>
      )}
      <FormSelectField control={form.control} name="reason" label={t('recordings.removal.reason')} options={removalReasons.map((value) => ({ value, label: t(`recordings.removal.reasons.${value}`) }))} />
      <FormTextField control={form.control} name="words" label={t('recordings.removal.words')} multiline />
    </FormDialog>
  );
}

const wordsForm = z.object({ words: nonBlankText(500) });
const noteForm = z.object({ note: z.string().trim().max(500) });

/** The uploader takes back an upload registered by mistake, within 15 minutes and before anyone saw or copied it. */
export function WithdrawDialog({ recording, onClose }: { recording: Recording; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.infer<typeof wordsForm>>({ resolver: zodResolver(wordsForm), defaultValues: { words: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('recordings.withdraw', { recordingId: recording.id, words: v.words });
      await queryClient.invalidateQueries({ queryKey: ['recordings'] });
      onClose();
    } catch (error) {
      const message = applyServerError(error, form.setError, t, (path) => (path[0] === 'words' ? 'words' : null));
      setFailure(error instanceof ApiError && error.code === 'invalid_input' ? message : removalError(t, error));
    }
  });
  return (
    <FormDialog title={t('recordings.removal.withdrawTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('recordings.removal.withdrawSubmit')}>
      <Typography sx={{ mb: 1, wordBreak: 'break-all' }}>{recording.fileName}</Typography>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {t('recordings.removal.withdrawIntro')}
      </Alert>
      <FormTextField control={form.control} name="words" label={t('recordings.removal.withdrawWords')} multiline />
    </FormDialog>
  );
}

/** The second person's decision on a request, with an optional note. */
function DecideDialog({ request, decision, onClose }: { request: RemovalRequest; decision: 'approved' | 'refused'; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.infer<typeof noteForm>>({ resolver: zodResolver(noteForm), defaultValues: { note: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('recordings.decideRemoval', { requestId: request.id, decision, note: v.note });
      await queryClient.invalidateQueries({ queryKey: ['recordings'] });
      onClose();
    } catch (error) {
      setFailure(removalError(t, error));
    }
  });
  const approve = decision === 'approved';
  return (
    <FormDialog
      title={approve ? t('recordings.removal.approveTitle') : t('recordings.removal.refuseTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={approve ? t('recordings.removal.approveSubmit') : t('recordings.removal.refuseSubmit')}
    >
      {approve && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('recordings.removal.approveBody')}
        </Alert>
      )}
      <FormTextField control={form.control} name="note" label={t('recordings.removal.note')} multiline />
    </FormDialog>
  );
}

/** A request waiting on the recording: who asked, when and why; Approve and Refuse for anyone else who may decide. */
export function PendingRemoval({ request, mayDecide }: { request: RemovalRequest; mayDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [deciding, setDeciding] = useState<'approved' | 'refused' | null>(null);
  return (
    <Alert severity="warning" sx={{ mt: 1.5 }} data-testid="removal-pending">
      <AlertTitle>{t('recordings.removal.pendingTitle')}</AlertTitle>
      <Typography variant="body2">
        {t('recordings.removal.pendingBy', { name: request.requestedBy, date: format.dateTime(request.requestedAt) })} · {t(`recordings.removal.reasons.${request.reason}`)}
      </Typography>
      <Typography variant="body2" sx={{ fontStyle: 'italic', mt: 0.5 }}>
        {request.words}
      </Typography>
      {mayDecide ? (
        <Stack direction="row" sx={{ gap: 1, mt: 1 }}>
          <Button size="small" variant="contained" color="error" onClick={() => setDeciding('approved')}>
            {t('recordings.removal.approve')}
          </Button>
          <Button size="small" variant="outlined" onClick={() => setDeciding('refused')}>
            {t('recordings.removal.refuse')}
          </Button>
        </Stack>
      ) : (
        <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
          {t('recordings.removal.awaitingSecond')}
        </Typography>
      )}
      {deciding && <DecideDialog request={request} decision={deciding} onClose={() => setDeciding(null)} />}
    </Alert>
  );
}
