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
import { FormDateField } from '../forms/FormDateField';
import { FormTextField } from '../forms/FormTextField';
import type { CentreClock } from '../components/format';
import { ConsentWarning } from './ConsentWarning';
import { refusalMessage, staleOrClosed } from './refusal';

const recordForm = z.object({
  performedAt: z.string().min(1, { message: checkMessages.blank }),
  findings: z.string().trim().min(1, { message: checkMessages.blank }).max(20_000),
  teamSummary: z.string().trim().max(4_000),
});
type RecordForm = z.infer<typeof recordForm>;
const formFields = ['performedAt', 'findings', 'teamSummary'] as const;

/** Recorded afterwards: the booked start, unless that is still ahead. */
function performedDefault(startsAt: string): string {
  const now = new Date();
  return Date.parse(startsAt) <= now.getTime() ? startsAt : now.toISOString();
}

/** Record the examination as held: when, the findings (medical staff only) and what the case team may read. */
export function RecordExamDialog({ exam, clock, onClose }: { exam: MedicalExam; clock: CentreClock; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(exam);
  const [performed] = useState(() => opened.record?.performedAt ?? performedDefault(opened.startsAt));
  // A held exam's record is corrected in place: the form opens with what was recorded.
  const form = useForm<RecordForm>({
    resolver: zodResolver(recordForm),
    defaultValues: { performedAt: clock.toInput(performed), findings: opened.record?.findings ?? '', teamSummary: opened.record?.teamSummary ?? '' },
  });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    const performedAt = clock.fromInput(v.performedAt);
    if (!performedAt) {
      form.setError('performedAt', { message: checkMessages.invalidDate });
      return;
    }
    try {
      await api.call('medical.record', { examId: opened.id, version: opened.version, performedAt, findings: v.findings, teamSummary: v.teamSummary });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(staleOrClosed(error, t) ?? refusalMessage(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <FormDialog title={opened.record ? t('medical.correctTitle') : t('medical.recordTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md">
      {opened.consent.state !== 'given' && <ConsentWarning />}
      <FormDateField control={form.control} name="performedAt" label={t('medical.performedAt')} withTime />
      <FormTextField control={form.control} name="findings" label={t('medical.findings')} helperText={t('medical.findingsHelp')} multiline />
      <FormTextField control={form.control} name="teamSummary" label={t('medical.teamSummary')} helperText={t('medical.teamSummaryHelp')} multiline />
    </FormDialog>
  );
}
