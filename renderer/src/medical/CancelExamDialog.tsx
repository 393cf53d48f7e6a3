import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { MedicalExam } from '../../../shared/contract/followup-records';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormTextField } from '../forms/FormTextField';
import { refusalMessage, staleOrClosed } from './refusal';

const cancelForm = z.object({ reason: z.string().trim().min(1, { message: checkMessages.reasonRequired }).max(1_000) });

/** Cancel a booked examination, saying why. */
export function CancelExamDialog({ exam, onClose }: { exam: MedicalExam; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(exam);
  const form = useForm<z.infer<typeof cancelForm>>({ resolver: zodResolver(cancelForm), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('medical.cancel', { examId: opened.id, version: opened.version, reason: v.reason });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      onClose();
    } catch (error) {
      setFailure(staleOrClosed(error, t) ?? refusalMessage(error, form.setError, t, (path) => (path[0] === 'reason' ? 'reason' : null)));
    }
  });
  return (
    <FormDialog title={t('medical.cancelExam')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('medical.cancelExam')}>
      <FormTextField control={form.control} name="reason" label={t('medical.cancelReason')} multiline autoFocus />
    </FormDialog>
  );
}
