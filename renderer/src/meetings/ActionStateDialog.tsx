import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ActionItem } from '../../../shared/contract/followup-records';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormTextField } from '../forms/FormTextField';
import { applyRefusal } from './refusal';

const noteForm = z.object({ note: z.string().trim().max(1_000) });

/** Marks an action item done (or open again), with an optional note for whoever reads the minutes later. */
export function ActionStateDialog({ item, onClose }: { item: ActionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const next = item.state === 'open' ? 'done' : 'open';
  const form = useForm<z.infer<typeof noteForm>>({ resolver: zodResolver(noteForm), defaultValues: { note: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('actions.setState', { actionId: item.id, version: item.version, state: next, note: v.note });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['meetings'] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]);
      onClose();
    } catch (error) {
      setFailure(applyRefusal(error, form.setError, t, (path) => (path[0] === 'note' ? 'note' : null)));
    }
  });
  return (
    <FormDialog
      title={next === 'done' ? t('meetings.actions.doneTitle') : t('meetings.actions.reopenTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={next === 'done' ? t('meetings.actions.markDone') : t('meetings.actions.reopen')}
    >
      <strong>{item.what}</strong>
      <FormTextField control={form.control} name="note" label={t('meetings.actions.note')} multiline autoFocus />
    </FormDialog>
  );
}
