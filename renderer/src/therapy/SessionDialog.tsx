import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract/fields';
import type { TherapySession } from '../../../shared/contract/followup-records';
import { therapyAttendance, therapySessionTypes } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { FormDialog } from '../components/FormDialog';
import { FormDateField } from '../forms/FormDateField';
import { Notice } from '../forms/FormFeedback';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import type { CentreClock } from '../components/format';
import { refusalMessage, staleCurrent } from '../medical/refusal';
import { FieldRow } from '../medical/FieldRow';

// The range message is already in the interface language: shared check messages know only interviews' 15 minutes.
const sessionForm = (durationRange: string) =>
  z.object({
    startsAt: z.string().min(1, { message: checkMessages.blank }),
    durationMinutes: z.string().refine((v) => /^\d+$/.test(v) && Number(v) >= 10 && Number(v) <= 480, { message: durationRange }),
    type: z.enum(therapySessionTypes, { message: checkMessages.invalidChoice }),
    attendance: z.enum(therapyAttendance, { message: checkMessages.invalidChoice }),
    notes: z.string().trim().max(20_000),
  });
type SessionForm = z.infer<ReturnType<typeof sessionForm>>;
const formFields = ['startsAt', 'durationMinutes', 'type', 'attendance', 'notes'] as const;

function defaults(existing: TherapySession | null, clock: CentreClock): SessionForm {
  if (existing) {
    return { startsAt: clock.toInput(existing.startsAt), durationMinutes: String(existing.durationMinutes), type: existing.type, attendance: existing.attendance, notes: existing.notes };
  }
  // Logged just after it ended, as a rule: this hour, attended.
  return { startsAt: `${clock.toInput(new Date()).slice(0, 13)}:00`, durationMinutes: '50', type: 'trauma_focused', attendance: 'attended', notes: '' };
}

/** Log a therapy session, or edit one (mark a planned one attended or missed, correct the notes). */
export function SessionDialog({ caseId, existing, clock, onClose }: { caseId: number; existing: TherapySession | null; clock: CentreClock; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(existing);
  // Moves on to the stored version after a stale save, so that a second save keeps this form's values.
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [schema] = useState(() => sessionForm(t('therapy.sessions.durationRange')));
  const form = useForm<SessionForm>({ resolver: zodResolver(schema), defaultValues: defaults(opened, clock) });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    const startsAt = clock.fromInput(v.startsAt);
    if (!startsAt) {
      form.setError('startsAt', { message: checkMessages.invalidDate });
      return;
    }
    try {
      await api.call('therapy.saveSession', { caseId, id: opened?.id ?? null, version, ...v, startsAt, durationMinutes: Number(v.durationMinutes) });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onClose();
    } catch (error) {
      const current = staleCurrent<TherapySession>(error);
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
    <FormDialog title={opened ? t('therapy.sessions.editTitle') : t('therapy.sessions.logTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md">
      {clock.otherZone && <Notice severity="info">{t('medical.centreClock', { zone: clock.otherZone })}</Notice>}
      <FieldRow>
        <FormDateField control={form.control} name="startsAt" label={t('therapy.sessions.when')} withTime />
        <FormTextField control={form.control} name="durationMinutes" label={t('therapy.sessions.duration')} type="number" />
      </FieldRow>
      <FieldRow>
        <FormSelectField control={form.control} name="type" label={t('therapy.sessions.type')} options={therapySessionTypes.map((v) => ({ value: v, label: t(`therapy.sessions.types.${v}`) }))} />
        <FormSelectField
          control={form.control}
          name="attendance"
          label={t('therapy.sessions.attendance')}
          options={therapyAttendance.map((v) => ({ value: v, label: t(`therapy.sessions.attendanceStates.${v}`) }))}
        />
      </FieldRow>
      <FormTextField control={form.control} name="notes" label={t('therapy.sessions.notes')} helperText={t('therapy.sessions.notesHelp')} multiline />
    </FormDialog>
  );
}
