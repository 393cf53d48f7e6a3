import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseStatuses, legalOutcomes, openStatuses, type CaseStatus as Status } from '../../../shared/cases/categories';
import type { CaseDetail } from '../../../shared/contract/case-records';
import { checkMessages, dateSchema } from '../../../shared/contract/fields';
import { isGranted } from '../../../shared/permissions';
import { FormDialog } from '../components/FormDialog';
import { useApi, useSession } from '../api/context';
import { centreToday, useFormat } from '../components/format';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { categoryOptions, useCategory } from './labels';

const statusForm = z
  .object({
    status: z.enum(caseStatuses, { message: checkMessages.invalidChoice }),
    reason: z.string().trim().max(2_000),
    outcome: z.union([z.literal(''), z.enum(legalOutcomes)]),
    outcomeDate: z.union([z.literal(''), dateSchema.refine((d) => d <= centreToday(), { message: checkMessages.dateFuture })]),
    reopening: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && !v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: checkMessages.outcomeRequired });
    if (v.status === 'closed' && !v.outcomeDate) ctx.addIssue({ code: 'custom', path: ['outcomeDate'], message: checkMessages.outcomeDateRequired });
    if (v.reopening && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: checkMessages.reasonRequired });
  });
type StatusForm = z.infer<typeof statusForm>;

function StatusDialog({ detail: current, initial, onClose }: { detail: CaseDetail; initial: Status; onClose: () => void }) {
  const [detail] = useState(current);
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const reopening = detail.status === 'closed';
  const form = useForm<StatusForm>({
    resolver: zodResolver(statusForm),
    defaultValues: { status: initial, reason: '', outcome: '', outcomeDate: '', reopening },
  });
  const status = useWatch({ control: form.control, name: 'status' });
  const choices = (reopening ? openStatuses : caseStatuses).filter((s) => s !== detail.status);
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('cases.changeStatus', {
        caseId: detail.id,
        version: detail.version,
        status: v.status,
        reason: v.reason,
        outcome: v.outcome || null,
        outcomeDate: v.outcomeDate || null,
      });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (['status', 'reason', 'outcome', 'outcomeDate'] as const).find((f) => f === path[0]) ?? null));
      await queryClient.invalidateQueries({ queryKey: ['cases', 'detail', detail.id] });
    }
  });
  return (
    <FormDialog title={reopening ? t('caseFile.reopen') : t('caseFile.changeStatus')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="sm">
      <FormSelectField control={form.control} name="status" label={t('cases.status')} options={categoryOptions(t, 'status', choices)} />
      {status === 'closed' && (
        <>
          <FormSelectField control={form.control} name="outcome" label={t('caseFile.outcome')} options={categoryOptions(t, 'outcome', legalOutcomes)} />
          <FormDateField control={form.control} name="outcomeDate" label={t('caseFile.outcomeDate')} max={centreToday()} />
        </>
      )}
      <FormTextField control={form.control} name="reason" label={reopening ? t('caseFile.reason') : t('caseFile.reasonOptional')} multiline />
    </FormDialog>
  );
}

/** Where the case stands in its life, and the way on. */
export function CaseStatus({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const category = useCategory();
  const [dialog, setDialog] = useState<Status | null>(null);
  const mayChange = isGranted('cases.update', session.user.roles);
  const index = caseStatuses.indexOf(detail.status);
  const next = detail.status === 'closed' ? null : caseStatuses[index + 1];
  return (
    <Stack spacing={2}>
      <Stepper activeStep={index} alternativeLabel aria-label={t('caseFile.statusTitle')}>
        {caseStatuses.map((s) => (
          <Step key={s} completed={caseStatuses.indexOf(s) < index || (s === 'closed' && detail.status === 'closed')}>
            <StepLabel>{t(`categories.status.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {detail.closure && (
        <Typography data-testid="closure">
          {t('caseFile.closedWith', {
            date: format.date(detail.closure.closedAt),
            outcome: category('outcome', detail.closure.outcome),
            outcomeDate: format.date(detail.closure.outcomeDate),
          })}
        </Typography>
      )}
      {mayChange && (
        <Stack direction="row" spacing={1}>
          {next && next !== 'closed' && (
            <Button variant="contained" onClick={() => setDialog(next)}>
              {t('caseFile.moveTo', { status: t(`categories.status.${next}`) })}
            </Button>
          )}
          {detail.status === 'closed' ? (
            <Button variant="outlined" onClick={() => setDialog('follow_up')}>
              {t('caseFile.reopen')}
            </Button>
          ) : (
            <>
              <Button variant="outlined" onClick={() => setDialog(next ?? 'referral')}>
                {t('caseFile.changeStatus')}
              </Button>
              <Button color="inherit" onClick={() => setDialog('closed')}>
                {t('caseFile.close')}
              </Button>
            </>
          )}
        </Stack>
      )}
      {dialog && <StatusDialog detail={detail} initial={dialog} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
