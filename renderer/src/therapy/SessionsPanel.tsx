import AddOutlined from '@mui/icons-material/AddOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TherapySession } from '../../../shared/contract/followup-records';
import type { TherapyAttendance } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { useNow, type CentreClock } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import { AttendanceChip } from './AttendanceChip';

/**
 * The sessions, newest first. Therapists read each session's clinical notes
 * under its row; the rest of the team sees only that sessions took place,
 * and one line saying the notes are for therapists.
 */
export function SessionsPanel({
  caseId,
  sessions,
  clinicalHidden,
  mayWrite,
  closed,
  clock,
  onLog,
  onEdit,
}: {
  caseId: number;
  sessions: TherapySession[];
  clinicalHidden: boolean;
  mayWrite: boolean;
  closed: boolean;
  clock: CentreClock;
  onLog: () => void;
  onEdit: (session: TherapySession) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const now = useNow();
  const title = t('therapy.sessions.title');
  const columns = mayWrite ? 6 : 5;

  // One click for the usual change: a planned session happened, or did not.
  const mark = async (s: TherapySession, attendance: TherapyAttendance) => {
    setFailure(null);
    try {
      await api.call('therapy.saveSession', { caseId, id: s.id, version: s.version, startsAt: s.startsAt, durationMinutes: s.durationMinutes, type: s.type, attendance, notes: s.notes });
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
  };

  return (
    <Panel
      title={title}
      action={
        mayWrite &&
        !closed && (
          <Button variant="contained" startIcon={<AddOutlined />} onClick={onLog}>
            {t('therapy.sessions.log')}
          </Button>
        )
      }
    >
      <FormError message={failure} />
      {clinicalHidden && sessions.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary', mb: 1 }}>
          <LockOutlined fontSize="small" />
          <Typography variant="body2" component="div">
            {t('therapy.sessions.notesForTherapists')}
          </Typography>
        </Stack>
      )}
      {sessions.length === 0 ? (
        <Typography color="text.secondary">{t('therapy.sessions.none')}</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{t('therapy.sessions.when')}</TableCell>
              <TableCell>{t('therapy.sessions.length')}</TableCell>
              <TableCell>{t('therapy.sessions.type')}</TableCell>
              <TableCell>{t('therapy.sessions.attendance')}</TableCell>
              <TableCell>{t('therapy.sessions.therapist')}</TableCell>
              {mayWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.map((s) => {
              const notes = !s.notesHidden && s.notes !== '';
              return (
                <Fragment key={s.id}>
                  <TableRow data-testid={`session-${s.id}`} sx={notes ? { '& > td': { borderBottom: 0 } } : undefined}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{clock.dateTime(s.startsAt)}</TableCell>
                    <TableCell>{t('therapy.sessions.minutes', { count: s.durationMinutes })}</TableCell>
                    <TableCell>{t(`therapy.sessions.types.${s.type}`)}</TableCell>
                    <TableCell>
                      <AttendanceChip attendance={s.attendance} />
                    </TableCell>
                    <TableCell>{s.therapistName}</TableCell>
                    {mayWrite && (
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {s.attendance === 'planned' && Date.parse(s.startsAt) <= now.getTime() && (
                          <>
                            <Button size="small" variant="outlined" onClick={() => void mark(s, 'attended')}>
                              {t('therapy.sessions.markAttended')}
                            </Button>
                            <Button size="small" color="error" onClick={() => void mark(s, 'no_show')}>
                              {t('therapy.sessions.markNoShow')}
                            </Button>
                          </>
                        )}
                        <Button size="small" onClick={() => onEdit(s)}>
                          {t('therapy.sessions.edit')}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                  {notes && (
                    <TableRow data-testid={`session-notes-${s.id}`}>
                      <TableCell colSpan={columns} sx={{ pt: 0 }}>
                        <Box sx={{ whiteSpace: 'pre-wrap', color: 'text.secondary', pl: 2, borderLeft: 2, borderColor: 'divider' }}>{s.notes}</Box>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
}
