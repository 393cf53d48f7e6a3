import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/contract';
import type { MedicalExam } from '../../../../shared/contract/followup-records';
import type { CalendarEntry, Interview, SlotConflict } from '../../../../shared/contract/interview-records';
import { useApi } from '../../api/context';
import { FormError } from '../../forms/FormFeedback';
import { currentLanguage } from '../../i18n';
import { errorMessage } from '../../i18n/messages';
import { isSlotRefusal, SlotConflicts } from '../SlotConflicts';
import { dateLocales } from './localizer';
import { entryKey, type CalendarEvent } from './model';
import { fromWall } from '../../components/format';

/** What is moving: an interview or a medical examination, as the calendar has it. */
export type Moving = { kind: 'interview'; booking: Interview } | { kind: 'medical_exam'; exam: MedicalExam };

/** A block dropped somewhere new, waiting for its reason. */
export interface PendingMove {
  event: CalendarEvent;
  moving: Moving;
  start: Date;
  end: Date;
  roomId: number;
  /** The interviewer, or the examiner of an exam. */
  staffId: number;
}

/** The moved booking, whichever it is. */
export type Moved = Interview | MedicalExam;

type Outcome = { kind: 'editing' } | { kind: 'refused'; conflicts: SlotConflict[] } | { kind: 'stale' } | { kind: 'failed'; message: string };

const MINUTE = 60_000;

/**
 * Asks why an interview or an examination moves, showing from → to, then saves the move.
 * Both keep everything but the time, room and person: only what the drag changed changes.
 * A refused slot or a stale version ends the move: the block goes back (onSnapBack) and the
 * dialog says why, with only Close left to press.
 */
export function MoveDialog({
  move,
  zone,
  roomName,
  staffName,
  onSnapBack,
  onClose,
}: {
  move: PendingMove;
  zone: string | null;
  roomName: (id: number) => string;
  staffName: (id: number) => string;
  onSnapBack: () => void;
  onClose: (moved: Moved | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'editing' });
  const locale = dateLocales[currentLanguage()];
  const { moving } = move;
  const exam = moving.kind === 'medical_exam';
  const was =
    moving.kind === 'interview'
      ? { reference: moving.booking.caseReference, room: moving.booking.roomName, staff: moving.booking.interviewerName }
      : { reference: moving.exam.caseReference, room: moving.exam.roomName, staff: moving.exam.examinerName };
  const day = (start: Date) => format(start, 'EEEE d MMMM', { locale });
  const hours = (start: Date, end: Date) => `${format(start, 'p', { locale })}–${format(end, 'p', { locale })}`;
  const ended = outcome.kind === 'refused' || outcome.kind === 'stale';

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (ended || saving) return;
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setSaving(true);
    setOutcome({ kind: 'editing' });
    try {
      const when = {
        reason: reason.trim(),
        startsAt: fromWall(move.start, zone),
        durationMinutes: Math.round((move.end.getTime() - move.start.getTime()) / MINUTE),
        roomId: move.roomId,
      };
      let moved: Moved;
      let placed: Partial<CalendarEntry>;
      if (moving.kind === 'interview') {
        const b = moving.booking;
        const done = await api.call('interviews.update', {
          ...when,
          interviewId: b.id,
          version: b.version,
          observationRoomId: b.observationRoomId,
          interviewerId: move.staffId,
          interpreterId: b.interpreterId,
          interpreterLanguage: b.interpreterLanguage,
          supportPerson: b.supportPerson,
          invitees: b.invitees,
          planning: b.planning,
        });
        moved = done;
        placed = { startsAt: done.startsAt, endsAt: done.endsAt, roomId: done.roomId, interviewerId: done.interviewerId, booking: done };
      } else {
        const x = moving.exam;
        const done = await api.call('medical.update', {
          ...when,
          examId: x.id,
          version: x.version,
          kind: x.kind,
          examinerId: move.staffId,
          interpreterId: x.interpreterId,
          interpreterLanguage: x.interpreterLanguage,
          supportPerson: x.supportPerson,
          purpose: x.purpose,
        });
        moved = done;
        placed = { startsAt: done.startsAt, endsAt: done.endsAt, roomId: done.roomId, interviewerId: done.examinerId, exam: done };
      }
      // Put the block where it now is before the list reloads, so it does not jump back meanwhile.
      const key = entryKey(move.event.entry);
      queryClient.setQueriesData<{ entries: CalendarEntry[] }>({ queryKey: ['calendar'] }, (data) =>
        data ? { entries: data.entries.map((entry) => (entryKey(entry) === key ? { ...entry, ...placed } : entry)) } : data,
      );
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      // The case's Interviews or Medical tab shows the new time too.
      void queryClient.invalidateQueries({ queryKey: [exam ? 'cases' : 'interviews'] });
      onClose(moved);
    } catch (error) {
      if (isSlotRefusal(error)) {
        setOutcome({ kind: 'refused', conflicts: error.details.conflicts });
        onSnapBack();
      } else if (error instanceof ApiError && error.code === 'conflict' && (error.details as { current?: unknown } | undefined)?.current) {
        setOutcome({ kind: 'stale' });
        onSnapBack();
        void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      } else if (error instanceof ApiError && error.issues.some((issue) => issue.path[0] === 'startsAt')) {
        setOutcome({ kind: 'failed', message: t('calendar.move.past') });
      } else {
        setOutcome({ kind: 'failed', message: errorMessage(t, error) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose(null)} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <DialogTitle id={titleId}>{exam ? t('calendar.move.examTitle', { reference: was.reference }) : t('calendar.move.title', { reference: was.reference })}</DialogTitle>
        <DialogContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'center' }, mb: 2 }} data-testid="move-summary">
            <div>
              <Typography variant="overline" color="text.secondary" component="div">
                {t('calendar.move.from')}
              </Typography>
              <Typography>{day(move.event.start)}</Typography>
              <Typography>{hours(move.event.start, move.event.end)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {was.room} · {was.staff}
              </Typography>
            </div>
            <ArrowForwardIcon color="action" aria-hidden sx={{ display: { xs: 'none', sm: 'block' } }} />
            <div>
              <Typography variant="overline" color="text.secondary" component="div">
                {t('calendar.move.to')}
              </Typography>
              <Typography sx={{ fontWeight: 500 }}>{day(move.start)}</Typography>
              <Typography sx={{ fontWeight: 500 }}>{hours(move.start, move.end)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {roomName(move.roomId)} · {staffName(move.staffId)}
              </Typography>
            </div>
          </Stack>
          {!ended && (
            <TextField
              label={t('calendar.move.reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) setMissing(false);
              }}
              required
              fullWidth
              multiline
              minRows={2}
              autoFocus
              error={missing}
              helperText={missing ? t('validation.reasonRequired') : t('calendar.move.reasonHelp')}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
          )}
          {outcome.kind === 'refused' && (
            <>
              <SlotConflicts conflicts={outcome.conflicts} subject={exam ? 'exam' : 'interview'} />
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {exam ? t('calendar.move.examStays') : t('calendar.move.stays')}
              </Typography>
            </>
          )}
          {outcome.kind === 'stale' && (
            <Alert severity="warning" role="alert" sx={{ mt: 2 }}>
              {exam ? t('calendar.move.examStale') : t('calendar.move.stale')}
            </Alert>
          )}
          <FormError message={outcome.kind === 'failed' ? outcome.message : null} />
        </DialogContent>
        <DialogActions>
          {ended ? (
            <Button variant="contained" onClick={() => onClose(null)}>
              {t('calendar.move.close')}
            </Button>
          ) : (
            <>
              <Button onClick={() => onClose(null)}>{t('common.cancel')}</Button>
              <Button type="submit" variant="contained" disabled={saving}>
                {t('calendar.move.save')}
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
