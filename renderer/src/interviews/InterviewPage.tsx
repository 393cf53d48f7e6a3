import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { z } from 'zod';
import type { Interview } from '../../../shared/contract/interview-records';
import { checkMessages } from '../../../shared/contract/fields';
import { isGranted, type Permission } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Field, Panel } from '../cases/CaseOverview';
import { FormDialog } from '../components/FormDialog';
import { useFormat } from '../components/format';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { errorMessage } from '../i18n/messages';
import { AttendancePanel } from './AttendancePanel';
import { InterviewRecordDialog } from './InterviewRecordDialog';
import { InterviewStatusChip } from './InterviewStatusChip';
import { RecordingsPanel } from './recordings/RecordingsPanel';
import { ScheduleDialog } from './ScheduleDialog';

const cancelForm = z.object({ reason: z.string().trim().min(1, { message: checkMessages.reasonRequired }).max(500) });

function CancelDialog({ interview, onClose }: { interview: Interview; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.infer<typeof cancelForm>>({ resolver: zodResolver(cancelForm), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    try {
      await api.call('interviews.cancel', { interviewId: interview.id, version: interview.version, reason: v.reason });
      await queryClient.invalidateQueries({ queryKey: ['interviews'] });
      onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'reason' ? 'reason' : null)));
    }
  });
  return (
    <FormDialog title={t('interviews.cancelTitle')} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} submitLabel={t('interviews.cancelInterview')}>
      <FormTextField control={form.control} name="reason" label={t('interviews.cancelReason')} multiline autoFocus />
    </FormDialog>
  );
}

/** One forensic interview: booking, attendance on the day, the record, the recordings. */
export function InterviewPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { session } = useSession();
  const may = (p: Permission) => isGranted(p, session.user.roles);
  const interviewId = Number(useParams().interviewId);
  const [dialog, setDialog] = useState<'edit' | 'cancel' | 'record' | null>(null);
  const query = useQuery({ queryKey: ['interviews', 'one', interviewId], queryFn: () => api.call('interviews.get', { interviewId }) });
  if (query.error) return <Alert severity="error">{errorMessage(t, query.error)}</Alert>;
  if (!query.data) return null;
  const i = query.data;
  const r = i.record;
  const yesNo = (v: boolean) => (v ? t('interviews.yes') : t('interviews.no'));

  return (
    <Stack spacing={3}>
      <Box>
        <Link component={RouterLink} to={`/cases/${i.caseId}?tab=interviews`}>
          {i.caseReference}
        </Link>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
          <Typography variant="h4" component="h1">
            {t('interviews.pageTitle', { name: i.childName })}
          </Typography>
          <InterviewStatusChip status={i.status} />
          {i.sequence > 1 && <Typography color="warning.main">{t('interviews.supplementaryN', { n: i.sequence })}</Typography>}
        </Stack>
      </Box>

      <Panel
        title={t('interviews.booking')}
        action={
          <Stack direction="row" spacing={1}>
            {i.status === 'scheduled' && may('interviews.schedule') && <Button onClick={() => setDialog('edit')}>{t('interviews.editOrMove')}</Button>}
            {i.status === 'scheduled' && may('interviews.schedule') && (
              <Button color="error" onClick={() => setDialog('cancel')}>
                {t('interviews.cancelInterview')}
              </Button>
            )}
            {i.status !== 'cancelled' && may('cases.interview') && (
              <Button variant="contained" onClick={() => setDialog('record')}>
                {r ? t('interviews.record.edit') : t('interviews.record.button')}
              </Button>
            )}
          </Stack>
        }
      >
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, gap: 2 }}>
          <Field label={t('interviews.when')}>
            {format.dateTime(i.startsAt)} – {format.time(i.endsAt)} ({t('interviews.minutes', { count: i.durationMinutes })})
          </Field>
          <Field label={t('interviews.room')}>{i.roomName}</Field>
          <Field label={t('interviews.observationRoom')}>{i.observationRoomName ?? '—'}</Field>
          <Field label={t('interviews.interviewer')}>{i.interviewerName}</Field>
          <Field label={t('interviews.interpreter')}>{i.interpreterName ? `${i.interpreterName}${i.interpreterLanguage ? ` (${i.interpreterLanguage})` : ''}` : '—'}</Field>
          <Field label={t('interviews.supportPerson')}>{i.supportPerson || '—'}</Field>
          <Field label={t('interviews.invited')}>
            {i.invitees.length === 0 ? '—' : i.invitees.map((v) => `${v.name} (${t(`interviews.agencies.${v.agency}`)})`).join(', ')}
          </Field>
          {i.planning && (
            <Field label={t('interviews.planningMeeting')}>
              {i.planning.at ? format.dateTime(i.planning.at) : '—'} · {t('interviews.interpreterBriefed')}: {yesNo(i.planning.interpreterBriefed)}
              {i.planning.agenda && <Typography variant="body2">{i.planning.agenda}</Typography>}
            </Field>
          )}
          {i.cancelReason && <Field label={t('interviews.cancelReason')}>{i.cancelReason}</Field>}
        </Box>
      </Panel>

      {i.status !== 'cancelled' && <AttendancePanel interview={i} />}

      {r && (
        <Panel title={t('interviews.record.title')}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, gap: 2 }}>
            <Field label={t('interviews.record.actual')}>
              {format.dateTime(r.actualStart)} – {format.time(r.actualEnd)}
            </Field>
            <Field label={t('interviews.record.breaks')}>{r.breaks.length === 0 ? '—' : r.breaks.map((b) => `${format.time(b.start)}–${format.time(b.end)}`).join(', ')}</Field>
            <Field label={t('interviews.record.protocol')}>{t(`interviews.protocols.${r.protocol}`)}</Field>
            <Field label={t('interviews.record.questionsRelayed')}>{yesNo(r.questionsRelayed)}</Field>
            <Field label={t('interviews.record.disclosure')}>{t(`interviews.disclosures.${r.disclosure}`)}</Field>
            <Field label={t('interviews.record.remarks')}>{r.remarksHidden ? <em>{t('interviews.record.remarksHidden')}</em> : r.remarks || '—'}</Field>
          </Box>
        </Panel>
      )}

      {i.status !== 'cancelled' && <RecordingsPanel interview={i} />}

      {dialog === 'edit' && <ScheduleDialog caseId={i.caseId} existing={i} childInterviewCount={0} requests={[]} interpreterLanguage={i.interpreterLanguage} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelDialog interview={i} onClose={() => setDialog(null)} />}
      {dialog === 'record' && <InterviewRecordDialog interview={i} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
