import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { MedicalFollowup } from '../../../shared/contract/followup-records';
import { medicalFollowupKinds } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { refusalMessage, staleCurrent, staleOrClosed } from './refusal';

const followupForm = z.object({
  kind: z.enum(medicalFollowupKinds, { message: checkMessages.invalidChoice }),
  description: z.string().trim().min(1, { message: checkMessages.blank }).max(500),
  dueDate: z.string().min(1, { message: checkMessages.blank }),
  result: z.string().trim().max(4_000),
  doneOn: z.string(),
});
type FollowupForm = z.infer<typeof followupForm>;
const formFields = ['kind', 'description', 'dueDate', 'result', 'doneOn'] as const;

/**
 * Add a follow-up need of an examination (a test, a referral) with its due
 * date, or update one; "record the result" opens it with today as the day done.
 */
export function FollowupDialog({
  examId,
  existing,
  mode,
  today,
  onClose,
}: {
  examId: number;
  existing: MedicalFollowup | null;
  mode: 'edit' | 'result';
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(existing);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const form = useForm<FollowupForm>({
    resolver: zodResolver(followupForm),
    defaultValues: opened
      ? { kind: opened.kind, description: opened.description, dueDate: opened.dueDate, result: opened.result, doneOn: opened.doneOn ?? (mode === 'result' ? today : '') }
      : { kind: 'laboratory_test', description: '', dueDate: '', result: '', doneOn: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('medical.saveFollowup', { examId, id: opened?.id ?? null, version, ...v, doneOn: v.doneOn === '' ? null : v.doneOn });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const current = staleCurrent<MedicalFollowup>(error);
      if (current) {
        // Saved by someone else meanwhile: what they saved is shown in the list; a second save keeps this form's values.
        setVersion(current.version);
        setFailure(t('medical.followups.stale'));
        await queryClient.invalidateQueries({ queryKey: ['cases'] });
        return;
      }
      setFailure(staleOrClosed(error, t) ?? refusalMessage(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });
  const title = !opened ? t('medical.followups.addTitle') : mode === 'result' ? t('medical.followups.recordResult') : t('medical.followups.editTitle');
  return (
    <FormDialog title={title} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure}>
      <FormSelectField control={form.control} name="kind" label={t('medical.followups.kind')} options={medicalFollowupKinds.map((k) => ({ value: k, label: t(`medical.followups.kinds.${k}`) }))} />
      <FormTextField control={form.control} name="description" label={t('medical.followups.description')} />
      <FormDateField control={form.control} name="dueDate" label={t('medical.followups.dueDate')} />
      {(opened || mode === 'result') && (
        <>
          <FormTextField control={form.control} name="result" label={t('medical.followups.result')} multiline autoFocus={mode === 'result'} />
          <FormDateField control={form.control} name="doneOn" label={t('medical.followups.doneOn')} max={today} />
        </>
      )}
    </FormDialog>
  );
}
