import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract';
import { checkMessages } from '../../../shared/contract/fields';
import type { BookingFields, Interview, SlotConflict, SupplementaryRequest } from '../../../shared/contract/interview-records';
import { invitedAgencies } from '../../../shared/interviews/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { fromLocalInput, toLocalInput } from '../components/format';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { SlotConflicts } from '../schedule/SlotConflicts';

const momentField = z
  .string()
  .min(1, { message: checkMessages.blank })
  .refine((v) => fromLocalInput(v) !== '', { message: checkMessages.invalidDate });

const bookingForm = z.object({
  startsAt: momentField,
  durationMinutes: z.string().refine((v) => /^\d+$/.test(v) && Number(v) >= 15 && Number(v) <= 480, { message: checkMessages.durationRange }),
  roomId: z.string().min(1, { message: checkMessages.invalidChoice }),
  observationRoomId: z.string(),
  interviewerId: z.string().min(1, { message: checkMessages.invalidChoice }),
  interpreterId: z.string(),
  interpreterLanguage: z.string().trim().max(40),
  supportPerson: z.string().trim().max(200),
  invitees: z.array(
    z.object({
      agency: z.enum(invitedAgencies, { message: checkMessages.invalidChoice }),
      userId: z.string(),
      name: z.string().trim().min(1, { message: checkMessages.blank }).max(120),
    }),
  ),
  planned: z.boolean(),
  planningAt: z.string(),
  agenda: z.string().trim().max(4_000),
  briefing: z.string().trim().max(4_000),
  interpreterBriefed: z.boolean(),
  supplementaryId: z.string(),
  reason: z.string().trim().max(500),
});
type BookingForm = z.infer<typeof bookingForm>;

const idOrNull = (value: string) => (value === '' ? null : Number(value));

function toBooking(v: BookingForm): BookingFields {
  return {
    startsAt: fromLocalInput(v.startsAt),
    durationMinutes: Number(v.durationMinutes),
    roomId: Number(v.roomId),
    observationRoomId: idOrNull(v.observationRoomId),
    interviewerId: Number(v.interviewerId),
    interpreterId: idOrNull(v.interpreterId),
    interpreterLanguage: v.interpreterLanguage,
    supportPerson: v.supportPerson,
    invitees: v.invitees.map((i) => ({ agency: i.agency, userId: idOrNull(i.userId), name: i.name })),
    planning: v.planned
      ? { at: v.planningAt ? fromLocalInput(v.planningAt) : null, agenda: v.agenda, briefing: v.briefing, interpreterBriefed: v.interpreterBriefed }
      : null,
  };
}

function defaults(existing: Interview | null, interpreterLanguage: string): BookingForm {
  if (!existing) {
    const start = new Date(Date.now() + 24 * 3_600_000);
    start.setHours(10, 0, 0, 0);
    return {
      startsAt: toLocalInput(start),
      durationMinutes: '90',
      roomId: '',
      observationRoomId: '',
      interviewerId: '',
      interpreterId: '',
      interpreterLanguage,
      supportPerson: '',
      invitees: [],
      planned: false,
      planningAt: '',
      agenda: '',
      briefing: '',
      interpreterBriefed: false,
      supplementaryId: '',
      reason: '',
    };
  }
  return {
    startsAt: toLocalInput(existing.startsAt),
    durationMinutes: String(existing.durationMinutes),
    roomId: String(existing.roomId),
    observationRoomId: existing.observationRoomId === null ? '' : String(existing.observationRoomId),
    interviewerId: String(existing.interviewerId),
    interpreterId: existing.interpreterId === null ? '' : String(existing.interpreterId),
    interpreterLanguage: existing.interpreterLanguage,
    supportPerson: existing.supportPerson,
    invitees: existing.invitees.map((i) => ({ agency: i.agency, userId: i.userId === null ? '' : String(i.userId), name: i.name })),
    planned: existing.planning !== null,
    planningAt: existing.planning?.at ? toLocalInput(existing.planning.at) : '',
    agenda: existing.planning?.agenda ?? '',
    briefing: existing.planning?.briefing ?? '',
    interpreterBriefed: existing.planning?.interpreterBriefed ?? false,
    supplementaryId: existing.supplementaryId === null ? '' : String(existing.supplementaryId),
    reason: '',
  };
}

const formFields = ['startsAt', 'durationMinutes', 'roomId', 'observationRoomId', 'interviewerId', 'interpreterId', 'interpreterLanguage', 'supportPerson', 'supplementaryId', 'reason'] as const;

/**
 * Book a forensic interview, or change a booking. The host decides whether
 * the slot is free; its refusal is shown reason by reason.
 */
export function ScheduleDialog({
  caseId,
  existing,
  childInterviewCount,
  requests,
  interpreterLanguage,
  onClose,
}: {
  caseId: number;
  existing: Interview | null;
  childInterviewCount: number;
  requests: SupplementaryRequest[];
  interpreterLanguage: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<SlotConflict[]>([]);
  // The version the dialog opened with: a refresh underneath must not make a stale save look fresh.
  const [opened] = useState(existing);
  const resources = useQuery({ queryKey: ['resources'], queryFn: () => api.call('resources.list', {}) });
  const directory = useQuery({ queryKey: ['users', 'directory'], queryFn: () => api.call('users.directory', {}) });
  const form = useForm<BookingForm>({ resolver: zodResolver(bookingForm), defaultValues: defaults(opened, interpreterLanguage) });
  const invitees = useFieldArray({ control: form.control, name: 'invitees' });
  const planned = useWatch({ control: form.control, name: 'planned' });

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    setConflicts([]);
    try {
      if (opened) await api.call('interviews.update', { interviewId: opened.id, version: opened.version, reason: v.reason, ...toBooking(v) });
      else await api.call('interviews.schedule', { caseId, supplementaryId: idOrNull(v.supplementaryId), ...toBooking(v) });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      onClose();
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { conflicts?: SlotConflict[] } | undefined) : undefined;
      if (details?.conflicts) {
        setConflicts(details.conflicts);
        return;
      }
      setFailure(
        applyServerError(error, form.setError, t, (path) => {
          if (path[0] === 'invitees' && typeof path[1] === 'number') return `invitees.${path[1]}.name`;
          return formFields.find((f) => f === path[0]) ?? null;
        }),
      );
    }
  });

  const r = resources.data;
  const roomOptions = (kind: 'interview' | 'observation') =>
    (r?.rooms ?? []).filter((room) => room.kind === kind && (room.active || String(room.id) === form.getValues(kind === 'interview' ? 'roomId' : 'observationRoomId'))).map((room) => ({ value: String(room.id), label: room.name }));
  const none = { value: '', label: t('interviews.none') };
  const approved = requests.filter((q) => q.state === 'approved' && (q.interviewId === null || q.interviewId === opened?.id));
  const colleagues = directory.data ?? [];

  return (
    <FormDialog
      title={opened ? t('interviews.editTitle') : t('interviews.scheduleTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={opened ? t('common.save') : t('interviews.book')}
      maxWidth="md"
    >
      {!opened && childInterviewCount > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('interviews.alreadyInterviewed', { count: childInterviewCount })}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormDateField control={form.control} name="startsAt" label={t('interviews.startsAt')} withTime />
        <FormTextField control={form.control} name="durationMinutes" label={t('interviews.duration')} type="number" />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormSelectField control={form.control} name="roomId" label={t('interviews.room')} options={roomOptions('interview')} />
        <FormSelectField control={form.control} name="observationRoomId" label={t('interviews.observationRoom')} options={[none, ...roomOptions('observation')]} />
      </Stack>
      <FormSelectField
        control={form.control}
        name="interviewerId"
        label={t('interviews.interviewer')}
        options={(r?.interviewers ?? [])
          .filter((i) => i.active)
          .map((i) => ({ value: String(i.userId), label: i.certification ? `${i.name} · ${i.certification}` : i.name }))}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormSelectField
          control={form.control}
          name="interpreterId"
          label={t('interviews.interpreter')}
          options={[none, ...(r?.interpreters ?? []).filter((i) => i.active).map((i) => ({ value: String(i.id), label: `${i.name} (${i.languages.join(', ')})` }))]}
        />
        <FormTextField control={form.control} name="interpreterLanguage" label={t('interviews.interpreterLanguage')} />
      </Stack>
      <FormTextField control={form.control} name="supportPerson" label={t('interviews.supportPerson')} />
      {!opened && childInterviewCount > 0 && (
        <FormSelectField
          control={form.control}
          name="supplementaryId"
          label={t('interviews.supplementaryRequest')}
          options={[none, ...approved.map((q) => ({ value: String(q.id), label: `${t(`interviews.reasons.${q.reason}`)} · ${q.decision?.deciderName ?? ''}` }))]}
        />
      )}

      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('interviews.invited')}
      </Typography>
      {invitees.fields.map((field, index) => (
        <Box key={field.id} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <FormSelectField
              control={form.control}
              name={`invitees.${index}.agency`}
              label={t('interviews.agency')}
              options={invitedAgencies.map((a) => ({ value: a, label: t(`interviews.agencies.${a}`) }))}
            />
          </Box>
          <Box sx={{ flex: 1 }}>
            <FormSelectField
              control={form.control}
              name={`invitees.${index}.userId`}
              label={t('interviews.colleague')}
              options={[{ value: '', label: t('interviews.fromOutside') }, ...colleagues.map((c) => ({ value: String(c.id), label: c.displayName }))]}
            />
          </Box>
          <Box sx={{ flex: 1.3 }}>
            <FormTextField control={form.control} name={`invitees.${index}.name`} label={t('interviews.inviteeName')} />
          </Box>
          <IconButton aria-label={t('interviews.removeInvitee')} onClick={() => invitees.remove(index)} sx={{ mt: 3 }}>
            <DeleteOutlineOutlined />
          </IconButton>
        </Box>
      ))}
      <Button startIcon={<AddOutlined />} onClick={() => invitees.append({ agency: 'police', userId: '', name: '' })}>
        {t('interviews.addInvitee')}
      </Button>

      <FormCheckbox control={form.control} name="planned" label={t('interviews.planningMeeting')} />
      {planned && (
        <Box sx={{ pl: 2, borderLeft: 2, borderColor: 'divider' }}>
          <FormDateField control={form.control} name="planningAt" label={t('interviews.planningAt')} withTime />
          <FormTextField control={form.control} name="agenda" label={t('interviews.agenda')} multiline />
          <FormTextField control={form.control} name="briefing" label={t('interviews.briefing')} multiline />
          <FormCheckbox control={form.control} name="interpreterBriefed" label={t('interviews.interpreterBriefed')} />
        </Box>
      )}
      {opened && <FormTextField control={form.control} name="reason" label={t('interviews.changeReason')} multiline />}
      {conflicts.length > 0 && <SlotConflicts conflicts={conflicts} />}
    </FormDialog>
  );
}
