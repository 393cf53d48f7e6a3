import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { Meeting } from '../../../shared/contract/followup-records';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormError } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { applyRefusal, refusalText } from './refusal';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['meetings'] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]);
}

/** Makes the minutes final; the host refuses while nobody is marked present, and that is said here in its words. */
export function RecordHeldDialog({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const present = meeting.members.filter((m) => m.present).length;
  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.call('meetings.recordHeld', { meetingId: meeting.id, version: meeting.version });
      await refresh();
      onClose();
    } catch (error) {
      setFailure(refusalText(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('meetings.recordHeldTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('meetings.recordHeldBody', { present, total: meeting.members.length })}</DialogContentText>
        <FormError message={failure} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void run()} disabled={busy}>
          {t('meetings.recordHeld')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

const cancelForm = z.object({ reason: z.string().trim().min(1, { message: checkMessages.reasonRequired }).max(1_000) });

export function CancelMeetingDialog({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useRefresh();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.infer<typeof cancelForm>>({ resolver: zodResolver(cancelForm), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('meetings.cancel', { meetingId: meeting.id, version: meeting.version, reason: v.reason });
      await refresh();
      onClose();
    } catch (error) {
      setFailure(applyRefusal(error, form.setError, t, (path) => (path[0] === 'reason' ? 'reason' : null)));
    }
  });
  return (
    <FormDialog title={t('meetings.cancelTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('meetings.cancel')}>
      <FormTextField control={form.control} name="reason" label={t('meetings.cancelReason')} multiline autoFocus />
    </FormDialog>
  );
}
