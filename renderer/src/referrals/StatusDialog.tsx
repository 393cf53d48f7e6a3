import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { Referral } from '../../../shared/contract/followup-records';
import { referralStatuses, referralTransitions } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { useFormat } from '../components/format';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

const statusForm = z.object({
  status: z.enum(referralStatuses, { message: checkMessages.invalidChoice }),
  note: z.string().trim().max(1_000),
  /** Empty keeps the follow-up date the referral has. */
  followUpOn: z.union([z.literal(''), z.iso.date({ message: checkMessages.invalidDate })]),
});
type StatusForm = z.infer<typeof statusForm>;
const formFields = ['status', 'note', 'followUpOn'] as const;

/** Move a referral on: only to the statuses it may reach from where it stands, with a note and the next follow-up date. */
export function StatusDialog({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const next = referralTransitions[referral.status];
  const form = useForm<StatusForm>({ resolver: zodResolver(statusForm), defaultValues: { status: next[0] ?? referral.status, note: '', followUpOn: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('referrals.setStatus', {
        referralId: referral.id,
        version: referral.version,
        status: v.status,
        note: v.note,
        followUpOn: v.followUpOn === '' ? null : v.followUpOn,
      });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });
  return (
    <FormDialog
      title={t('referrals.statusTitle', { service: referral.serviceName })}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
    >
      <FormSelectField control={form.control} name="status" label={t('referrals.newStatus')} options={next.map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) }))} />
      <FormTextField control={form.control} name="note" label={t('referrals.note')} multiline />
      <FormDateField control={form.control} name="followUpOn" label={t('referrals.nextFollowUp')} />
      <Typography variant="body2" color="text.secondary">
        {t('referrals.nextFollowUpHint', { date: format.day(referral.followUpOn) })}
      </Typography>
    </FormDialog>
  );
}
