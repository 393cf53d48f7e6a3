import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { TreatmentPlan } from '../../../shared/contract/followup-records';
import { therapyClosureReasons } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import type { CentreClock } from '../components/format';
import { refusalMessage, staleCurrent } from '../medical/refusal';

const closeForm = z.object({
  closedOn: z.string().min(1, { message: checkMessages.blank }),
  reason: z.enum(therapyClosureReasons, { message: checkMessages.invalidChoice }),
  note: z.string().trim().max(1_000),
});
type CloseForm = z.infer<typeof closeForm>;

/** Close the therapy with the day and the reason; saving the plan again reopens it. */
export function CloseDialog({ caseId, plan, clock, onClose }: { caseId: number; plan: TreatmentPlan; clock: CentreClock; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(plan.version);
  const today = clock.today();
  const form = useForm<CloseForm>({ resolver: zodResolver(closeForm), defaultValues: { closedOn: today, reason: 'goals_met', note: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('therapy.close', { caseId, version, ...v });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const current = staleCurrent<TreatmentPlan>(error);
      if (current) {
        setVersion(current.version);
        setFailure(
          current.closure
            ? t('therapy.closure.closedLine', { date: clock.day(current.closure.closedOn), by: current.closure.by, reason: t(`therapy.closure.reasons.${current.closure.reason}`) })
            : t('therapy.plan.stale', { by: current.updatedBy, at: clock.dateTime(current.updatedAt) }),
        );
        await queryClient.invalidateQueries({ queryKey: ['cases'] });
        return;
      }
      setFailure(refusalMessage(error, form.setError, t, (path) => (['closedOn', 'reason', 'note'] as const).find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <FormDialog title={t('therapy.closure.title')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('therapy.closure.close')}>
      <FormDateField control={form.control} name="closedOn" label={t('therapy.closure.closedOn')} max={today} />
      <FormSelectField control={form.control} name="reason" label={t('therapy.closure.reason')} options={therapyClosureReasons.map((r) => ({ value: r, label: t(`therapy.closure.reasons.${r}`) }))} />
      <FormTextField control={form.control} name="note" label={t('therapy.closure.note')} multiline />
    </FormDialog>
  );
}
