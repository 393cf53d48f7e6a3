import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { addDays, format, startOfDay, startOfWeek } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Resources } from '../../../shared/contract/interview-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { fromWall, parseDateKey, toWall, useCentreZone, useNow, wallDateKey, wallRange } from '../components/format';
import { Notice } from '../forms/FormFeedback';
import { currentLanguage } from '../i18n';
import { errorMessage } from '../i18n/messages';
import { CalendarBoard, type Drop } from './calendar/CalendarBoard';
import { CalendarToolbar } from './calendar/CalendarToolbar';
import { Legend } from './calendar/Legend';
import { dateLocales } from './calendar/localizer';
import { accepts, toEvents, toResources, type CalendarEvent, type GroupBy, type ViewMode } from './calendar/model';
import { MoveDialog, type Moved, type Moving, type PendingMove } from './calendar/MoveDialog';

/** The centre's calendar of interviews and medical examinations: day or week, by room or by person; schedulers move them by dragging. */
export function CalendarPage() {
  const { t } = useTranslation();
  const api = useApi();
  const resources = useQuery({ queryKey: ['resources'], queryFn: () => api.call('resources.list', {}) });
  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      <QueryState query={resources}>{(data) => <CentreCalendar resources={data} />}</QueryState>
    </>
  );
}

function CentreCalendar({ resources }: { resources: Resources }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const now = useNow(60_000);
  const language = currentLanguage();
  const locale = dateLocales[language];
  const zone = useCentreZone();
  const mayMoveInterviews = isGranted('interviews.schedule', session.user.roles);
  const mayMoveExams = isGranted('medical.schedule', session.user.roles);

  // Where the calendar is, in the address: a reload or a link keeps it.
  const view: ViewMode = params.get('view') === 'day' ? 'day' : 'week';
  // "interviewer" is what links made before examiners joined the people's columns say.
  const groupBy: GroupBy = params.get('by') === 'person' || params.get('by') === 'interviewer' ? 'person' : 'room';
  const today = startOfDay(toWall(now, zone));
  const anchor = parseDateKey(params.get('date')) ?? today;
  const update = (patch: { view?: ViewMode; by?: GroupBy; date?: Date }) => {
    const next = new URLSearchParams(params);
    if (patch.view) next.set('view', patch.view);
    if (patch.by) next.set('by', patch.by);
    if (patch.date) next.set('date', wallDateKey(patch.date));
    setParams(next, { replace: true });
  };

  // A week without open weekend days shows Monday to Friday only.
  const weekend = resources.rules.hours.sat.open || resources.rules.hours.sun.open;
  const gridView = view === 'day' ? 'day' : weekend ? 'week' : 'work_week';
  const first = view === 'day' ? anchor : startOfWeek(anchor, { weekStartsOn: 1 });
  const last = view === 'day' ? anchor : addDays(first, weekend ? 6 : 4);
  const from = fromWall(first, zone);
  const to = fromWall(addDays(first, view === 'day' ? 1 : 7), zone);
  const calendar = useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => api.call('interviews.calendar', { from, to }),
    placeholderData: keepPreviousData,
  });

  const [move, setMove] = useState<PendingMove | null>(null);
  const [snapped, setSnapped] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  const [misplaced, setMisplaced] = useState<string | null>(null);

  const entries = calendar.data?.entries ?? [];
  const columns = toResources(resources, entries, groupBy);
  // While the reason is asked for, the block stands where it was dropped.
  const preview = move && !snapped ? move : null;
  const events = toEvents(entries, groupBy, zone, t('calendar.busy')).map((e) =>
    preview && e.key === preview.event.key ? { ...e, start: preview.start, end: preview.end, resourceId: groupBy === 'room' ? preview.roomId : preview.staffId } : e,
  );

  const roomName = (id: number) => resources.rooms.find((r) => r.id === id)?.name ?? '';
  const staffName = (id: number) => (resources.interviewers.find((i) => i.userId === id) ?? resources.examiners.find((e) => e.userId === id))?.name ?? '';

  /** What of this block the caller may move, if anything: only a booking still to happen, of a case they see, with the right permission. */
  const movingOf = (event: CalendarEvent): Moving | null => {
    if (event.entry.status !== 'scheduled') return null;
    const { booking, exam } = event.entry;
    if (booking && mayMoveInterviews) return { kind: 'interview', booking };
    if (exam && mayMoveExams) return { kind: 'medical_exam', exam };
    return null;
  };

  const onDrop = ({ event, start, end, resourceId }: Drop) => {
    const moving = movingOf(event);
    if (!moving) return;
    const column = resourceId === undefined ? undefined : columns.find((c) => c.id === resourceId);
    // An exam needs a medical room and an examiner, an interview the opposite: the block stays and the page says why.
    if (column && !accepts(column, event.entry.kind)) {
      const where = `${event.entry.kind === 'medical_exam' ? 'exam' : 'interview'}${groupBy === 'room' ? 'Room' : 'Person'}` as const;
      setMisplaced(t(`calendar.move.wrongColumn.${where}`));
      return;
    }
    const roomId = groupBy === 'room' && column ? column.id : event.entry.roomId;
    const staffId = groupBy === 'person' && column ? column.id : event.entry.interviewerId;
    const same = start.getTime() === event.start.getTime() && end.getTime() === event.end.getTime() && roomId === event.entry.roomId && staffId === event.entry.interviewerId;
    if (same) return;
    setMisplaced(null);
    setSnapped(false);
    setMove({ event, moving, start, end, roomId, staffId });
  };

  const closeMove = (done: Moved | null) => {
    if (done && move) {
      const start = toWall(done.startsAt, zone);
      const when = `${format(start, 'EEEE d MMMM', { locale })}, ${format(start, 'p', { locale })}`;
      setMoved(move.moving.kind === 'medical_exam' ? t('calendar.move.examDone', { when }) : t('calendar.move.done', { when }));
    }
    setMove(null);
  };

  const periodLabel =
    view === 'day'
      ? format(anchor, 'PPPP', { locale })
      : wallRange(first, last, language);

  return (
    <>
      <CalendarToolbar
        label={periodLabel}
        view={view}
        groupBy={groupBy}
        onToday={() => update({ date: today })}
        onStep={(direction) => update({ date: addDays(anchor, direction * (view === 'day' ? 1 : 7)) })}
        onView={(v) => update({ view: v })}
        onGroupBy={(by) => update({ by })}
      />
      {calendar.isError && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {errorMessage(t, calendar.error)}
        </Alert>
      )}
      {columns.length === 0 && <Notice severity="info">{groupBy === 'room' ? t('calendar.noRooms') : t('calendar.noPeople')}</Notice>}
      <CalendarBoard
        view={gridView}
        date={anchor}
        events={events}
        columns={columns}
        groupBy={groupBy}
        resources={resources}
        zone={zone}
        language={language}
        movable={(e) => movingOf(e) !== null}
        pendingKey={preview ? preview.event.key : null}
        onNavigate={(date) => update({ date })}
        onDrillDown={(date) => update({ view: 'day', date })}
        onDrop={onDrop}
        onOpen={(e) => void navigate(e.entry.exam ? `/cases/${e.entry.exam.caseId}?tab=medical` : `/interviews/${e.entry.id}`)}
      />
      <Legend />
      {move && <MoveDialog move={move} zone={zone} roomName={roomName} staffName={staffName} onSnapBack={() => setSnapped(true)} onClose={closeMove} />}
      <Snackbar open={moved !== null} autoHideDuration={6000} onClose={() => setMoved(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="success" role="status" onClose={() => setMoved(null)} variant="filled">
          {moved}
        </Alert>
      </Snackbar>
      <Snackbar open={misplaced !== null} autoHideDuration={6000} onClose={() => setMisplaced(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="info" role="status" onClose={() => setMisplaced(null)} variant="filled">
          {misplaced}
        </Alert>
      </Snackbar>
    </>
  );
}
