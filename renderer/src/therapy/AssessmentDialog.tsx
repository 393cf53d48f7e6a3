import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { Assessment } from '../../../shared/contract/followup-records';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormDateField } from '../forms/FormDateField';
import { FormTextField } from '../forms/FormTextField';
import { refusalMessage, staleCurrent } from '../medical/refusal';
import { FieldRow } from '../medical/FieldRow';

const assessmentForm = z.object({
  instrument: z.string().trim().min(1, { message: checkMessages.blank }).max(120),
  score: z.string().trim().min(1, { message: checkMessages.blank }).max(40),
  assessedOn: z.string().min(1, { message: checkMessages.blank }),
  notes: z.string().trim().max(8_000),
});
type AssessmentForm = z.infer<typeof assessmentForm>;
const formFields = ['instrument', 'score', 'assessedOn', 'notes'] as const;

/** Record an assessment (instrument, score as the instrument gives it, date), or correct one. */
export function AssessmentDialog({ caseId, existing, today, onClose }: { caseId: number; existing: Assessment | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(existing);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const form = useForm<AssessmentForm>({
    resolver: zodResolver(assessmentForm),
    defaultValues: opened ? { instrument: opened.instrument, score: opened.score, assessedOn: opened.assessedOn, notes: opened.notes } : { instrument: '', score: '', assessedOn: today, notes: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('therapy.saveAssessment', { caseId, id: opened?.id ?? null, version, ...v });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const current = staleCurrent<Assessment>(error);
      if (current) {
        setVersion(current.version);
        setFailure(t('therapy.stale'));
        await queryClient.invalidateQueries({ queryKey: ['cases'] });
        return;
      }
      setFailure(refusalMessage(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <FormDialog title={opened ? t('therapy.assessments.editTitle') : t('therapy.assessments.recordTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure}>
      <FormTextField control={form.control} name="instrument" label={t('therapy.assessments.instrument')} helperText={t('therapy.assessments.instrumentHelp')} autoFocus />
      <FieldRow>
        <FormTextField control={form.control} name="score" label={t('therapy.assessments.score')} />
        <FormDateField control={form.control} name="assessedOn" label={t('therapy.assessments.assessedOn')} max={today} />
      </FieldRow>
      <FormTextField control={form.control} name="notes" label={t('therapy.assessments.notes')} multiline />
    </FormDialog>
  );
}
