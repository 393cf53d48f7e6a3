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
import type { CalendarEntry, Interview, SlotConflict } from '../../../../shared/contract/interview-records';
import { useApi } from '../../api/context';
import { FormError } from '../../forms/FormFeedback';
import { currentLanguage } from '../../i18n';
import { errorMessage } from '../../i18n/messages';
import { isSlotRefusal, SlotConflicts } from '../SlotConflicts';
import { dateLocales } from './localizer';
import type { CalendarEvent } from './model';
import { fromWall } from './zone';

/** A block dropped somewhere new, waiting for its reason. */
export interface PendingMove {
  event: CalendarEvent & { entry: CalendarEntry & { booking: Interview } };
  start: Date;
  end: Date;
  roomId: number;
  interviewerId: number;
}

type Outcome = { kind: 'editing' } | { kind: 'refused'; conflicts: SlotConflict[] } | { kind: 'stale' } | { kind: 'failed'; message: string };

const MINUTE = 60_000;

/**
 * Asks why an interview moves, showing from → to, then saves the move.
 * A refused slot or a stale version ends the move: the block goes back (onSnapBack) and the
 * dialog says why, with only Close left to press.
 */
export function MoveDialog({
  move,
  zone,
  roomName,
  interviewerName,
  onSnapBack,
  onClose,
}: {
  move: PendingMove;
  zone: string | null;
  roomName: (id: number) => string;
  interviewerName: (id: number) => string;
  onSnapBack: () => void;
  onClose: (moved: Interview | null) => void;
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
  const b = move.event.entry.booking;
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
      const moved = await api.call('interviews.update', {
        interviewId: b.id,
        version: b.version,
        reason: reason.trim(),
        startsAt: fromWall(move.start, zone),
        durationMinutes: Math.round((move.end.getTime() - move.start.getTime()) / MINUTE),
        roomId: move.roomId,
        observationRoomId: b.observationRoomId,
        interviewerId: move.interviewerId,
        interpreterId: b.interpreterId,
        interpreterLanguage: b.interpreterLanguage,
        supportPerson: b.supportPerson,
        invitees: b.invitees,
        planning: b.planning,
      });
      // Put the block where it now is before the list reloads, so it does not jump back meanwhile.
      queryClient.setQueriesData<{ entries: CalendarEntry[] }>({ queryKey: ['calendar'] }, (data) =>
        data
          ? {
              entries: data.entries.map((entry) =>
                entry.id === moved.id ? { ...entry, startsAt: moved.startsAt, endsAt: moved.endsAt, roomId: moved.roomId, interviewerId: moved.interviewerId, booking: moved } : entry,
              ),
            }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      void queryClient.invalidateQueries({ queryKey: ['interviews'] });
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
        <DialogTitle id={titleId}>{t('calendar.move.title', { reference: b.caseReference })}</DialogTitle>
        <DialogContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'center' }, mb: 2 }} data-testid="move-summary">
            <div>
              <Typography variant="overline" color="text.secondary" component="div">
                {t('calendar.move.from')}
              </Typography>
              <Typography>{day(move.event.start)}</Typography>
              <Typography>{hours(move.event.start, move.event.end)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {b.roomName} · {b.interviewerName}
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
                {roomName(move.roomId)} · {interviewerName(move.interviewerId)}
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
              <SlotConflicts conflicts={outcome.conflicts} />
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {t('calendar.move.stays')}
              </Typography>
            </>
          )}
          {outcome.kind === 'stale' && (
            <Alert severity="warning" role="alert" sx={{ mt: 2 }}>
              {t('calendar.move.stale')}
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
