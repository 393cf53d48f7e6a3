import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { addDays, format, startOfDay, startOfWeek } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Interview, Resources } from '../../../shared/contract/interview-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useNow } from '../components/dates';
import { Notice } from '../forms/FormFeedback';
import { currentLanguage } from '../i18n';
import { errorMessage } from '../i18n/messages';
import { CalendarBoard, type Drop } from './calendar/CalendarBoard';
import { CalendarToolbar } from './calendar/CalendarToolbar';
import { Legend } from './calendar/Legend';
import { dateLocales } from './calendar/localizer';
import { toEvents, toResources, type GroupBy, type ViewMode } from './calendar/model';
import { MoveDialog, type PendingMove } from './calendar/MoveDialog';
import { fromWall, parseDateKey, toWall, usableZone, wallDateKey } from './calendar/zone';

/** The centre's interview calendar: day or week, by room or by interviewer; schedulers move interviews by dragging. */
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

const intlTag = (language: string) => (language === 'en' ? 'en-GB' : language);

function CentreCalendar({ resources }: { resources: Resources }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const now = useNow(60_000);
  const language = currentLanguage();
  const locale = dateLocales[language];
  const zone = usableZone(resources.rules.timeZone);
  const mayMove = isGranted('interviews.schedule', session.user.roles);

  // Where the calendar is, in the address: a reload or a link keeps it.
  const view: ViewMode = params.get('view') === 'day' ? 'day' : 'week';
  const groupBy: GroupBy = params.get('by') === 'interviewer' ? 'interviewer' : 'room';
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

  const entries = calendar.data?.entries ?? [];
  const columns = toResources(resources, entries, groupBy);
  // While the reason is asked for, the block stands where it was dropped.
  const preview = move && !snapped ? move : null;
  const events = toEvents(entries, groupBy, zone, t('calendar.busy')).map((e) =>
    preview && e.entry.id === preview.event.entry.id
      ? { ...e, start: preview.start, end: preview.end, resourceId: groupBy === 'room' ? preview.roomId : preview.interviewerId }
      : e,
  );

  const roomName = (id: number) => resources.rooms.find((r) => r.id === id)?.name ?? '';
  const interviewerName = (id: number) => resources.interviewers.find((i) => i.userId === id)?.name ?? '';

  const onDrop = ({ event, start, end, resourceId }: Drop) => {
    const booking = event.entry.booking;
    if (!mayMove || !booking || event.entry.status !== 'scheduled') return;
    const roomId = groupBy === 'room' && resourceId !== undefined ? resourceId : event.entry.roomId;
    const interviewerId = groupBy === 'interviewer' && resourceId !== undefined ? resourceId : event.entry.interviewerId;
    const same = start.getTime() === event.start.getTime() && end.getTime() === event.end.getTime() && roomId === event.entry.roomId && interviewerId === event.entry.interviewerId;
    if (same) return;
    setSnapped(false);
    setMove({ event: { ...event, entry: { ...event.entry, booking } }, start, end, roomId, interviewerId });
  };

  const closeMove = (done: Interview | null) => {
    if (done) {
      const start = toWall(done.startsAt, zone);
      setMoved(t('calendar.move.done', { when: `${format(start, 'EEEE d MMMM', { locale })}, ${format(start, 'p', { locale })}` }));
    }
    setMove(null);
  };

  const periodLabel =
    view === 'day'
      ? format(anchor, 'PPPP', { locale })
      : new Intl.DateTimeFormat(intlTag(language), { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(first, last);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
      {zone && zone !== browserZone && <Notice severity="info">{t('calendar.timeZoneNote', { zone })}</Notice>}
      {calendar.isError && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {errorMessage(t, calendar.error)}
        </Alert>
      )}
      {columns.length === 0 && <Notice severity="info">{groupBy === 'room' ? t('calendar.noRooms') : t('calendar.noInterviewers')}</Notice>}
      <CalendarBoard
        view={gridView}
        date={anchor}
        events={events}
        columns={columns}
        groupBy={groupBy}
        resources={resources}
        zone={zone}
        language={language}
        mayMove={mayMove}
        pendingId={preview ? preview.event.entry.id : null}
        onNavigate={(date) => update({ date })}
        onDrillDown={(date) => update({ view: 'day', date })}
        onDrop={onDrop}
        onOpen={(e) => void navigate(`/interviews/${e.entry.id}`)}
      />
      <Legend />
      {move && <MoveDialog move={move} zone={zone} roomName={roomName} interviewerName={interviewerName} onSnapBack={() => setSnapped(true)} onClose={closeMove} />}
      <Snackbar open={moved !== null} autoHideDuration={6000} onClose={() => setMoved(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="success" role="status" onClose={() => setMoved(null)} variant="filled">
          {moved}
        </Alert>
      </Snackbar>
    </>
  );
}
