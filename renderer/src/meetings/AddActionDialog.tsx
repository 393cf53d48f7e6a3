import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { Meeting } from '../../../shared/contract/followup-records';
import { meetingAgencies } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { centreToday, shiftDay } from '../components/format';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { meetingAgencyOf } from './labels';
import { applyRefusal } from './refusal';

const actionForm = z.object({
  caseId: z.string().min(1, { message: checkMessages.invalidChoice }),
  what: z.string().trim().min(1, { message: checkMessages.blank }).max(1_000),
  ownerId: z.string().min(1, { message: checkMessages.invalidChoice }),
  agency: z.enum(meetingAgencies, { message: checkMessages.invalidChoice }),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: checkMessages.invalidDate }),
});
type ActionForm = z.infer<typeof actionForm>;
const fields = ['caseId', 'what', 'ownerId', 'agency', 'dueDate'] as const;

/** Two weeks from today: the usual time to the next review. */
function inTwoWeeks(): string {
  return shiftDay(centreToday(), 14);
}

/**
 * An action item for one of the meeting's cases. The owner is any colleague;
 * the host refuses one who cannot see the case, and says so on the owner field.
 */
export function AddActionDialog({ meeting, caseId, onClose }: { meeting: Meeting; caseId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const directory = useQuery({ queryKey: ['users', 'directory'], queryFn: () => api.call('users.directory', {}) });
  const form = useForm<ActionForm>({
    resolver: zodResolver(actionForm),
    defaultValues: { caseId: String(caseId), what: '', ownerId: '', agency: 'child_protection', dueDate: inTwoWeeks() },
  });
  const colleagues = directory.data ?? [];
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('meetings.addAction', { meetingId: meeting.id, caseId: Number(v.caseId), what: v.what, ownerId: Number(v.ownerId), agency: v.agency, dueDate: v.dueDate });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['meetings'] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]);
      onClose();
    } catch (error) {
      setFailure(applyRefusal(error, form.setError, t, (path) => fields.find((f) => f === path[0]) ?? null));
    }
  });
  const ownerId = useWatch({ control: form.control, name: 'ownerId' });
  // The owner's own agency is the likely one; the coordinator can still change it afterwards.
  const applied = useRef('');
  useEffect(() => {
    const owner = directory.data?.find((c) => String(c.id) === ownerId);
    if (!owner || applied.current === ownerId) return;
    applied.current = ownerId;
    form.setValue('agency', meetingAgencyOf[owner.agency]);
  }, [ownerId, directory.data, form]);
  return (
    <FormDialog title={t('meetings.actions.addTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('meetings.actions.add')}>
      <FormSelectField
        control={form.control}
        name="caseId"
        label={t('meetings.actions.case')}
        options={meeting.cases.map((c) => ({ value: String(c.caseId), label: `${c.reference} · ${c.childName}` }))}
      />
      <FormTextField control={form.control} name="what" label={t('meetings.actions.what')} multiline autoFocus />
      <FormSelectField
        control={form.control}
        name="ownerId"
        label={t('meetings.actions.owner')}
        options={colleagues.map((c) => ({ value: String(c.id), label: `${c.displayName} — ${t(`agencies.${c.agency}`)}` }))}
      />
      <FormSelectField control={form.control} name="agency" label={t('meetings.actions.agency')} options={meetingAgencies.map((a) => ({ value: a, label: t(`meetings.agencies.${a}`) }))} />
      <FormDateField control={form.control} name="dueDate" label={t('meetings.actions.due')} />
    </FormDialog>
  );
}
