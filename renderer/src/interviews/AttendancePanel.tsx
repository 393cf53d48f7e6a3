import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract';
import { checkMessages } from '../../../shared/contract/fields';
import type { Attendee, AttendeeFields, Interview } from '../../../shared/contract/interview-records';
import { invitedAgencies, sessionLocations, sessionRoles } from '../../../shared/interviews/categories';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { FormDialog } from '../components/FormDialog';
import { fromLocalInput, toLocalInput, useFormat } from '../components/format';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormDateField } from '../forms/FormDateField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { errorMessage, issueMessage } from '../i18n/messages';

const attendeeAgencies = [...invitedAgencies, 'barnahus', 'interpreter_service', 'family'] as const;

const attendeeForm = z.object({
  name: z.string().trim().min(1, { message: checkMessages.blank }).max(120),
  agency: z.enum(attendeeAgencies, { message: checkMessages.invalidChoice }),
  role: z.enum(sessionRoles, { message: checkMessages.invalidChoice }),
  location: z.enum(sessionLocations, { message: checkMessages.invalidChoice }),
  arrivedAt: z.string(),
  leftAt: z.string(),
  absent: z.boolean(),
});
type AttendeeForm = z.infer<typeof attendeeForm>;

const fieldsOf = (a: Attendee): AttendeeFields => ({
  name: a.name,
  userId: a.userId,
  agency: a.agency,
  role: a.role,
  location: a.location,
  arrivedAt: a.arrivedAt,
  leftAt: a.leftAt,
  absent: a.absent,
});

function AttendeeDialog({ interview, attendee, onClose }: { interview: Interview; attendee: Attendee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [opened] = useState(attendee);
  const form = useForm<AttendeeForm>({
    resolver: zodResolver(attendeeForm),
    defaultValues: opened
      ? { ...fieldsOf(opened), arrivedAt: opened.arrivedAt ? toLocalInput(opened.arrivedAt) : '', leftAt: opened.leftAt ? toLocalInput(opened.leftAt) : '' }
      : { name: '', agency: 'barnahus', role: 'technician', location: 'observation_room', arrivedAt: toLocalInput(new Date()), leftAt: '', absent: false },
  });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('interviews.saveAttendee', {
        interviewId: interview.id,
        attendeeId: opened?.id ?? null,
        version: opened?.version ?? 0,
        userId: opened?.userId ?? null,
        ...v,
        arrivedAt: v.arrivedAt ? fromLocalInput(v.arrivedAt) : null,
        leftAt: v.leftAt ? fromLocalInput(v.leftAt) : null,
      });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
      onClose();
    } catch (error) {
      setFailure(
        applyServerError(error, form.setError, t, (path) => (['name', 'agency', 'role', 'location', 'arrivedAt', 'leftAt', 'absent'] as const).find((f) => f === path[0]) ?? null),
      );
    }
  });
  return (
    <FormDialog title={opened ? t('interviews.attendance.editTitle') : t('interviews.attendance.addTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure}>
      <FormTextField control={form.control} name="name" label={t('interviews.attendance.name')} />
      <FormSelectField control={form.control} name="agency" label={t('interviews.agency')} options={attendeeAgencies.map((a) => ({ value: a, label: t(`interviews.agencies.${a}`) }))} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormSelectField control={form.control} name="role" label={t('interviews.attendance.role')} options={sessionRoles.map((r) => ({ value: r, label: t(`interviews.roles.${r}`) }))} />
        <FormSelectField control={form.control} name="location" label={t('interviews.attendance.location')} options={sessionLocations.map((l) => ({ value: l, label: t(`interviews.locations.${l}`) }))} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormDateField control={form.control} name="arrivedAt" label={t('interviews.attendance.arrived')} withTime />
        <FormDateField control={form.control} name="leftAt" label={t('interviews.attendance.left')} withTime />
      </Stack>
      <FormCheckbox control={form.control} name="absent" label={t('interviews.attendance.absentLabel')} />
    </FormDialog>
  );
}

/**
 * Who actually came, on the day. Invitees are listed already; one click
 * records an arrival or a departure at the current time, and any entry can
 * be corrected.
 */
export function AttendancePanel({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const mayRecord = isGranted('interviews.schedule', session.user.roles) && interview.status !== 'cancelled';
  const [editing, setEditing] = useState<Attendee | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const quick = async (a: Attendee, change: Partial<AttendeeFields>) => {
    setFailure(null);
    try {
      await api.call('interviews.saveAttendee', { interviewId: interview.id, attendeeId: a.id, version: a.version, ...fieldsOf(a), ...change });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
    } catch (error) {
      // A one-click time has no field to show its refusal beside: say why here ("not on the interview's day").
      const issue = error instanceof ApiError ? error.issues[0] : undefined;
      setFailure(issue ? issueMessage(t, issue) : errorMessage(t, error));
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
    }
  };
  const now = () => new Date().toISOString();

  return (
    <Panel
      title={t('interviews.attendance.title')}
      action={
        mayRecord && (
          <Button startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t('interviews.attendance.add')}
          </Button>
        )
      }
    >
      {failure && (
        <Typography color="error" role="alert" sx={{ mb: 1 }}>
          {failure}
        </Typography>
      )}
      <Table size="small" aria-label={t('interviews.attendance.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('interviews.attendance.name')}</TableCell>
            <TableCell>{t('interviews.agency')}</TableCell>
            <TableCell>{t('interviews.attendance.role')}</TableCell>
            <TableCell>{t('interviews.attendance.location')}</TableCell>
            <TableCell>{t('interviews.attendance.arrived')}</TableCell>
            <TableCell>{t('interviews.attendance.left')}</TableCell>
            {mayRecord && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {interview.attendance.map((a) => (
            <TableRow key={a.id} data-testid={`attendee-${a.id}`}>
              <TableCell>
                {a.name}
                {!a.invited && <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={t('interviews.attendance.notInvited')} />}
              </TableCell>
              <TableCell>{t(`interviews.agencies.${a.agency}`)}</TableCell>
              <TableCell>{t(`interviews.roles.${a.role}`)}</TableCell>
              <TableCell>{t(`interviews.locations.${a.location}`)}</TableCell>
              <TableCell>{a.absent ? <Chip size="small" color="warning" label={t('interviews.attendance.absent')} /> : format.timeOnDayOf(a.arrivedAt, interview.startsAt) || '—'}</TableCell>
              <TableCell>{format.timeOnDayOf(a.leftAt, interview.startsAt) || '—'}</TableCell>
              {mayRecord && (
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {!a.absent && a.arrivedAt === null && (
                    <>
                      <Button size="small" variant="outlined" onClick={() => void quick(a, { arrivedAt: now() })}>
                        {t('interviews.attendance.arrivedNow')}
                      </Button>
                      <Button size="small" onClick={() => void quick(a, { absent: true })}>
                        {t('interviews.attendance.markAbsent')}
                      </Button>
                    </>
                  )}
                  {a.arrivedAt !== null && a.leftAt === null && (
                    <Button size="small" variant="outlined" onClick={() => void quick(a, { leftAt: now() })}>
                      {t('interviews.attendance.leftNow')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setEditing(a)}>
                    {t('interviews.attendance.edit')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && <AttendeeDialog interview={interview} attendee={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Panel>
  );
}
