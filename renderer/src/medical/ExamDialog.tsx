import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { ExamBookingFields, MedicalExam } from '../../../shared/contract/followup-records';
import type { SlotConflict } from '../../../shared/contract/interview-records';
import { examKinds } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormDateField } from '../forms/FormDateField';
import { Notice } from '../forms/FormFeedback';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { SlotConflicts, isSlotRefusal } from '../schedule/SlotConflicts';
import { useFormat, type CentreClock } from '../components/format';
import { refusalMessage, staleOrClosed } from './refusal';
import { FieldRow } from './FieldRow';

const bookingForm = z.object({
  kind: z.enum(examKinds, { message: checkMessages.invalidChoice }),
  startsAt: z.string().min(1, { message: checkMessages.blank }),
  durationMinutes: z.string().refine((v) => /^\d+$/.test(v) && Number(v) >= 15 && Number(v) <= 480, { message: checkMessages.durationRange }),
  roomId: z.string().min(1, { message: checkMessages.invalidChoice }),
  examinerId: z.string().min(1, { message: checkMessages.invalidChoice }),
  interpreterId: z.string(),
  interpreterLanguage: z.string().trim().max(40),
  supportPerson: z.string().trim().max(200),
  purpose: z.string().trim().max(2_000),
  reason: z.string().trim().max(1_000),
});
type BookingForm = z.infer<typeof bookingForm>;

const formFields = ['kind', 'startsAt', 'durationMinutes', 'roomId', 'examinerId', 'interpreterId', 'interpreterLanguage', 'supportPerson', 'purpose', 'reason'] as const;

function defaults(existing: MedicalExam | null, interpreterLanguage: string, clock: CentreClock): BookingForm {
  if (!existing) {
    const start = new Date(Date.now() + 24 * 3_600_000);
    return {
      kind: 'forensic',
      // Tomorrow at 10:00 on the centre's clock.
      startsAt: `${clock.toInput(start).slice(0, 10)}T10:00`,
      durationMinutes: '60',
      roomId: '',
      examinerId: '',
      interpreterId: '',
      interpreterLanguage,
      supportPerson: '',
      purpose: '',
      reason: '',
    };
  }
  return {
    kind: existing.kind,
    startsAt: clock.toInput(existing.startsAt),
    durationMinutes: String(existing.durationMinutes),
    roomId: String(existing.roomId),
    examinerId: String(existing.examinerId),
    interpreterId: existing.interpreterId === null ? '' : String(existing.interpreterId),
    interpreterLanguage: existing.interpreterLanguage,
    supportPerson: existing.supportPerson,
    purpose: existing.purpose,
    reason: '',
  };
}

/**
 * Book a medical examination, or change a booking. Times are typed on the
 * centre's clock; the host decides whether the slot is free and its refusal
 * is shown reason by reason.
 */
export function ExamDialog({ caseId, existing, interpreterLanguage, onClose }: { caseId: number; existing: MedicalExam | null; interpreterLanguage: string; onClose: () => void }) {
  const clock = useFormat();
  // The shell shows pages only once the centre's zone is known, so the form's defaults are on its clock.
  return <ExamForm caseId={caseId} existing={existing} interpreterLanguage={interpreterLanguage} clock={clock} onClose={onClose} />;
}

function ExamForm({ caseId, existing, interpreterLanguage, clock, onClose }: { caseId: number; existing: MedicalExam | null; interpreterLanguage: string; clock: CentreClock; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<SlotConflict[]>([]);
  // The version the dialog opened with: a refresh underneath must not make a stale save look fresh.
  const [opened] = useState(existing);
  const resources = useQuery({ queryKey: ['resources'], queryFn: () => api.call('resources.list', {}) });
  const form = useForm<BookingForm>({ resolver: zodResolver(bookingForm), defaultValues: defaults(opened, interpreterLanguage, clock) });

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    setConflicts([]);
    const startsAt = clock.fromInput(v.startsAt);
    if (!startsAt) {
      form.setError('startsAt', { message: checkMessages.invalidDate });
      return;
    }
    const booking: ExamBookingFields = {
      kind: v.kind,
      startsAt,
      durationMinutes: Number(v.durationMinutes),
      roomId: Number(v.roomId),
      examinerId: Number(v.examinerId),
      interpreterId: v.interpreterId === '' ? null : Number(v.interpreterId),
      interpreterLanguage: v.interpreterLanguage,
      supportPerson: v.supportPerson,
      purpose: v.purpose,
    };
    try {
      if (opened) await api.call('medical.update', { examId: opened.id, version: opened.version, reason: v.reason, ...booking });
      else await api.call('medical.schedule', { caseId, ...booking });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      onClose();
    } catch (error) {
      if (isSlotRefusal(error)) {
        setConflicts(error.details.conflicts);
        return;
      }
      setFailure(staleOrClosed(error, t) ?? refusalMessage(error, form.setError, t, (path) => formFields.find((f) => f === path[0]) ?? null));
    }
  });

  const r = resources.data;
  const keep = (field: 'roomId' | 'examinerId' | 'interpreterId', id: number) => String(id) === form.getValues(field);
  const rooms = (r?.rooms ?? []).filter((room) => room.kind === 'medical' && (room.active || keep('roomId', room.id)));
  const examiners = (r?.examiners ?? []).filter((e) => e.active || keep('examinerId', e.userId));
  const interpreters = (r?.interpreters ?? []).filter((i) => i.active || keep('interpreterId', i.id));

  return (
    <FormDialog
      title={opened ? t('medical.editTitle') : t('medical.bookTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
      submitLabel={opened ? t('common.save') : t('medical.bookSubmit')}
      maxWidth="md"
    >
      {clock.otherZone && <Notice severity="info">{t('medical.centreClock', { zone: clock.otherZone })}</Notice>}
      <FormSelectField control={form.control} name="kind" label={t('medical.kind')} options={examKinds.map((k) => ({ value: k, label: t(`medical.kinds.${k}`) }))} />
      <FieldRow>
        <FormDateField control={form.control} name="startsAt" label={t('medical.startsAt')} withTime />
        <FormTextField control={form.control} name="durationMinutes" label={t('medical.duration')} type="number" />
      </FieldRow>
      <FieldRow>
        <FormSelectField control={form.control} name="roomId" label={t('medical.room')} options={rooms.map((room) => ({ value: String(room.id), label: room.name }))} />
        <FormSelectField control={form.control} name="examinerId" label={t('medical.examiner')} options={examiners.map((e) => ({ value: String(e.userId), label: e.name }))} />
      </FieldRow>
      <FieldRow>
        <FormSelectField
          control={form.control}
          name="interpreterId"
          label={t('medical.interpreter')}
          options={[{ value: '', label: t('medical.none') }, ...interpreters.map((i) => ({ value: String(i.id), label: `${i.name} (${i.languages.join(', ')})` }))]}
        />
        <FormTextField control={form.control} name="interpreterLanguage" label={t('medical.interpreterLanguage')} />
      </FieldRow>
      <FormTextField control={form.control} name="supportPerson" label={t('medical.supportPerson')} />
      <FormTextField control={form.control} name="purpose" label={t('medical.purpose')} helperText={t('medical.purposeHelp')} multiline />
      {opened && <FormTextField control={form.control} name="reason" label={t('medical.changeReason')} multiline />}
      {conflicts.length > 0 && <SlotConflicts conflicts={conflicts} subject="exam" />}
    </FormDialog>
  );
}
