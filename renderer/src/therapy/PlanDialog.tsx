import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { TreatmentPlan } from '../../../shared/contract/followup-records';
import { goalStates } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import type { CentreClock } from '../components/format';
import { refusalMessage, staleCurrent } from '../medical/refusal';

const planForm = z.object({
  goals: z.array(z.object({ text: z.string().trim().min(1, { message: checkMessages.blank }).max(500), state: z.enum(goalStates, { message: checkMessages.invalidChoice }) })).max(20),
  reviewOn: z.string(),
  sharedSummary: z.string().trim().max(4_000),
});
type PlanForm = z.infer<typeof planForm>;

/** Write or revise the treatment plan: goals and their state, the next review, and the summary the team may read. */
export function PlanDialog({ caseId, plan, clock, onClose }: { caseId: number; plan: TreatmentPlan | null; clock: CentreClock; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(plan);
  const [version, setVersion] = useState(plan?.version ?? 0);
  const form = useForm<PlanForm>({
    resolver: zodResolver(planForm),
    defaultValues: { goals: opened?.goals ?? [], reviewOn: opened?.reviewOn ?? '', sharedSummary: opened?.sharedSummary ?? '' },
  });
  const goals = useFieldArray({ control: form.control, name: 'goals' });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('therapy.savePlan', { caseId, version, goals: v.goals, reviewOn: v.reviewOn === '' ? null : v.reviewOn, sharedSummary: v.sharedSummary });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const current = staleCurrent<TreatmentPlan>(error);
      if (current) {
        setVersion(current.version);
        setFailure(t('therapy.plan.stale', { by: current.updatedBy, at: clock.dateTime(current.updatedAt) }));
        await queryClient.invalidateQueries({ queryKey: ['cases'] });
        return;
      }
      setFailure(
        refusalMessage(error, form.setError, t, (path) => {
          if (path[0] === 'goals' && typeof path[1] === 'number') return path[2] === 'state' ? `goals.${path[1]}.state` : `goals.${path[1]}.text`;
          return path[0] === 'reviewOn' || path[0] === 'sharedSummary' ? path[0] : null;
        }),
      );
    }
  });
  return (
    <FormDialog title={t('therapy.plan.editTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md">
      <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
        {t('therapy.plan.goals')}
      </Typography>
      {goals.fields.length === 0 && <Typography color="text.secondary">{t('therapy.plan.noGoals')}</Typography>}
      {goals.fields.map((field, index) => (
        <Box key={field.id} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }} data-testid={`goal-${index}`}>
          <Box sx={{ flex: 3 }}>
            <FormTextField control={form.control} name={`goals.${index}.text`} label={t('therapy.plan.goal')} />
          </Box>
          <Box sx={{ flex: 1, minWidth: 130 }}>
            <FormSelectField control={form.control} name={`goals.${index}.state`} label={t('therapy.plan.goalState')} options={goalStates.map((s) => ({ value: s, label: t(`therapy.plan.goalStates.${s}`) }))} />
          </Box>
          <IconButton aria-label={t('therapy.plan.removeGoal')} onClick={() => goals.remove(index)} sx={{ mt: 3 }}>
            <DeleteOutlineOutlined />
          </IconButton>
        </Box>
      ))}
      {goals.fields.length < 20 && (
        <Button startIcon={<AddOutlined />} onClick={() => goals.append({ text: '', state: 'open' })}>
          {t('therapy.plan.addGoal')}
        </Button>
      )}
      <FormDateField control={form.control} name="reviewOn" label={t('therapy.plan.reviewOn')} />
      <FormTextField control={form.control} name="sharedSummary" label={t('therapy.plan.sharedSummary')} helperText={t('therapy.plan.sharedSummaryHelp')} multiline />
    </FormDialog>
  );
}
