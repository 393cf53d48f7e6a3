import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { SupplementaryRequest } from '../../../shared/contract/interview-records';
import { deciderRoles, supplementaryReasons } from '../../../shared/interviews/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { fromLocalInput, toLocalInput } from '../components/format';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { pastMomentField } from '../cases/intake-form';

const requestForm = z.object({
  reason: z.enum(supplementaryReasons, { message: checkMessages.invalidChoice }),
  details: z.string().trim().min(1, { message: checkMessages.blank }).max(4_000),
});
type RequestForm = z.infer<typeof requestForm>;

/** Ask for a second forensic interview of the child: why. */
export function RequestSupplementaryDialog({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RequestForm>({ resolver: zodResolver(requestForm), defaultValues: { reason: 'new_disclosure', details: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('interviews.requestSupplementary', { caseId, ...v });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (['reason', 'details'] as const).find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <FormDialog title={t('interviews.requestTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure}>
      <FormSelectField control={form.control} name="reason" label={t('interviews.reason')} options={supplementaryReasons.map((r) => ({ value: r, label: t(`interviews.reasons.${r}`) }))} />
      <FormTextField control={form.control} name="details" label={t('interviews.details')} multiline />
    </FormDialog>
  );
}

const decisionForm = z.object({
  decision: z.enum(['approved', 'refused']),
  deciderRole: z.enum(deciderRoles, { message: checkMessages.invalidChoice }),
  deciderName: z.string().trim().min(1, { message: checkMessages.blank }).max(120),
  decidedAt: pastMomentField,
  sameInterviewer: z.boolean(),
  note: z.string().trim().max(2_000),
});
type DecisionForm = z.infer<typeof decisionForm>;

/** The prosecutor's or police lawyer's decision on a request, as they made it. */
export function DecideSupplementaryDialog({ request, onClose }: { request: SupplementaryRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<DecisionForm>({
    resolver: zodResolver(decisionForm),
    defaultValues: { decision: 'approved', deciderRole: 'prosecutor', deciderName: '', decidedAt: toLocalInput(new Date()), sameInterviewer: true, note: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('interviews.decideSupplementary', { requestId: request.id, ...v, decidedAt: fromLocalInput(v.decidedAt) });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
      onClose();
    } catch (error) {
      setFailure(
        applyServerError(error, form.setError, t, (path) => (['decision', 'deciderRole', 'deciderName', 'decidedAt', 'note'] as const).find((f) => f === path[0]) ?? null),
      );
    }
  });
  return (
    <FormDialog title={t('interviews.decideTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure}>
      <FormSelectField
        control={form.control}
        name="decision"
        label={t('interviews.decision')}
        options={(['approved', 'refused'] as const).map((d) => ({ value: d, label: t(`interviews.requestStates.${d}`) }))}
      />
      <FormSelectField control={form.control} name="deciderRole" label={t('interviews.deciderRole')} options={deciderRoles.map((r) => ({ value: r, label: t(`interviews.deciders.${r}`) }))} />
      <FormTextField control={form.control} name="deciderName" label={t('interviews.deciderName')} />
      <FormDateField control={form.control} name="decidedAt" label={t('interviews.decidedAt')} withTime />
      <FormCheckbox control={form.control} name="sameInterviewer" label={t('interviews.sameInterviewer')} />
      <FormTextField control={form.control} name="note" label={t('interviews.note')} multiline />
    </FormDialog>
  );
}
