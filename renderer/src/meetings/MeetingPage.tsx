import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { Meeting } from '../../../shared/contract/followup-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Field, Panel } from '../cases/CaseOverview';
import { useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { currentLanguage } from '../i18n';
import { errorMessage } from '../i18n/messages';
import { ActionItemsTable } from './ActionItemsTable';
import { AddActionDialog } from './AddActionDialog';
import { CancelMeetingDialog, RecordHeldDialog } from './MeetingActionsDialogs';
import { MeetingDialog, fieldsOf } from './MeetingDialog';
import { MeetingStatusChip } from './labels';
import { refusalText } from './refusal';
import { savePdf } from './minutes';

/** Who sat at the table; while the meeting is planned a coordinator ticks presence here on the day. */
function MembersPanel({ meeting, mayManage }: { meeting: Meeting; mayManage: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The tick shows at once; the saved meeting replaces it when it comes back (or the refusal undoes it).
  const [ticking, setTicking] = useState<{ index: number; value: boolean } | null>(null);
  const editable = mayManage && meeting.status === 'planned';
  const present = meeting.members.filter((m) => m.present).length;
  const toggle = async (index: number, value: boolean) => {
    setFailure(null);
    setSaving(true);
    setTicking({ index, value });
    try {
      const fields = fieldsOf(meeting);
      await api.call('meetings.save', { id: meeting.id, version: meeting.version, ...fields, members: fields.members.map((m, i) => (i === index ? { ...m, present: value } : m)) });
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
    } catch (error) {
      setFailure(refusalText(t, error));
    } finally {
      setSaving(false);
      setTicking(null);
    }
  };
  return (
    <Panel title={t('meetings.members')} action={meeting.members.length > 0 && <Typography color="text.secondary">{t('meetings.presentOf', { present, total: meeting.members.length })}</Typography>}>
      {meeting.members.length === 0 ? (
        <Typography color="text.secondary">{t('meetings.noMembers')}</Typography>
      ) : (
        <Table size="small" aria-label={t('meetings.members')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('meetings.name')}</TableCell>
              <TableCell>{t('meetings.agency')}</TableCell>
              <TableCell>{t('meetings.present')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {meeting.members.map((m, index) => (
              <TableRow key={`${m.userId ?? 'outside'}-${m.name}`}>
                <TableCell>{m.name}</TableCell>
                <TableCell>{t(`meetings.agencies.${m.agency}`)}</TableCell>
                <TableCell padding={editable ? 'checkbox' : undefined}>
                  {editable ? (
                    <Checkbox checked={ticking?.index === index ? ticking.value : m.present} disabled={saving} onChange={(e) => void toggle(index, e.target.checked)} slotProps={{ input: { 'aria-label': `${t('meetings.present')}: ${m.name}` } }} />
                  ) : (
                    <Typography component="span" variant="body2" color={m.present ? 'success.main' : 'text.secondary'}>
                      {m.present ? t('meetings.present') : t('meetings.absent')}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <FormError message={failure} />
    </Panel>
  );
}

/** One case on the agenda: its agenda and decisions, and the action items agreed for it. */
function CaseSection({ meeting, item, mayManage, onAdd }: { meeting: Meeting; item: Meeting['cases'][number]; mayManage: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const actions = meeting.actions.filter((a) => a.caseId === item.caseId);
  return (
    <Panel
      title={`${item.reference} · ${item.childName}`}
      action={
        mayManage &&
        meeting.status !== 'cancelled' && (
          <Button startIcon={<AddTaskOutlined />} onClick={onAdd}>
            {t('meetings.actions.add')}
          </Button>
        )
      }
    >
      <Stack spacing={2}>
        <Link component={RouterLink} to={`/cases/${item.caseId}?tab=meetings`} sx={{ alignSelf: 'flex-start' }}>
          {t('meetings.openCase', { reference: item.reference })}
        </Link>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          <Field label={t('meetings.agenda')}>
            <Box sx={{ whiteSpace: 'pre-line' }}>{item.agenda || '—'}</Box>
          </Field>
          <Field label={t('meetings.decisions')}>
            <Box sx={{ whiteSpace: 'pre-line' }}>{item.decisions || <Typography color="text.secondary" component="span">{t('meetings.noDecisions')}</Typography>}</Box>
          </Field>
        </Box>
        <Typography variant="subtitle1" component="h3">
          {t('meetings.actions.title')}
        </Typography>
        <ActionItemsTable items={actions} label={`${t('meetings.actions.title')} ${item.reference}`} columns={['owner']} />
      </Stack>
    </Panel>
  );
}

/** One case review meeting: when and who, the cases discussed with decisions and action items, and its minutes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { session } = useSession();
  const mayManage = isGranted('meetings.manage', session.user.roles);
  const meetingId = Number(useParams().meetingId);
  const [dialog, setDialog] = useState<'edit' | 'held' | 'cancel' | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['meetings', 'one', meetingId], queryFn: () => api.call('meetings.get', { meetingId }) });
  if (query.error) return <Alert severity="error">{errorMessage(t, query.error)}</Alert>;
  if (!query.data) return null;
  const m = query.data;
  const planned = m.status === 'planned';

  const minutes = async () => {
    setFailure(null);
    setIssued(null);
    setDownloading(true);
    try {
      const file = await api.call('meetings.minutes', { meetingId: m.id, language: currentLanguage() });
      savePdf(file.pdf, file.fileName);
      // Each print is a document of its own: its number is what a copy handed in later is checked against.
      setIssued(file.document.number);
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }}>
      <Box>
        <Link component={RouterLink} to="/meetings">
          {t('meetings.title')}
        </Link>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
          <Typography variant="h4" component="h1">
            {t('meetings.pageTitle', { type: t(`meetings.types.${m.type}`) })}
          </Typography>
          <MeetingStatusChip status={m.status} />
        </Stack>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {format.dateTime(m.startsAt)}
          {m.place && ` · ${m.place}`}
        </Typography>
      </Box>

      <Panel
        title={t('meetings.details')}
        action={
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {planned && mayManage && <Button onClick={() => setDialog('edit')}>{t('meetings.edit')}</Button>}
            {planned && mayManage && (
              <Button color="error" onClick={() => setDialog('cancel')}>
                {t('meetings.cancel')}
              </Button>
            )}
            <Button variant="outlined" startIcon={<PictureAsPdfOutlined />} disabled={downloading} onClick={() => void minutes()}>
              {t('meetings.minutes')}
            </Button>
            {planned && mayManage && (
              <Button variant="contained" onClick={() => setDialog('held')}>
                {t('meetings.recordHeld')}
              </Button>
            )}
          </Stack>
        }
      >
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(4, 1fr)' }, gap: 2 }}>
          <Field label={t('meetings.type')}>{t(`meetings.types.${m.type}`)}</Field>
          <Field label={t('meetings.when')}>
            {format.dateTime(m.startsAt)} ({t('meetings.minutesShort', { count: m.durationMinutes })})
          </Field>
          <Field label={t('meetings.place')}>{m.place || '—'}</Field>
          <Field label={t('meetings.chair')}>{m.chairName}</Field>
        </Box>
        {m.heldAt && (
          <Typography color="success.main" sx={{ mt: 2 }}>
            {t('meetings.heldAt', { at: format.dateTime(m.heldAt) })}
          </Typography>
        )}
        {m.cancelReason && (
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {t('meetings.cancelledBecause', { reason: m.cancelReason })}
          </Typography>
        )}
        <FormError message={failure} />
        {issued && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="minutes-issued" onClose={() => setIssued(null)}>
            {t('documents.minutesIssued', { number: issued })}
          </Alert>
        )}
      </Panel>

      <MembersPanel meeting={m} mayManage={mayManage} />

      {m.hiddenCases > 0 && <Alert severity="info">{t('meetings.hiddenCases', { count: m.hiddenCases })}</Alert>}
      {m.cases.map((c) => (
        <CaseSection key={c.caseId} meeting={m} item={c} mayManage={mayManage} onAdd={() => setAdding(c.caseId)} />
      ))}

      {dialog === 'edit' && <MeetingDialog existing={m} onClose={() => setDialog(null)} />}
      {dialog === 'held' && <RecordHeldDialog meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelMeetingDialog meeting={m} onClose={() => setDialog(null)} />}
      {adding !== null && <AddActionDialog meeting={m} caseId={adding} onClose={() => setAdding(null)} />}
    </Stack>
  );
}
