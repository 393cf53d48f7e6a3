import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import MedicalServicesOutlined from '@mui/icons-material/MedicalServicesOutlined';
import Box from '@mui/material/Box';
import { useMemo, type KeyboardEvent } from 'react';
import { Calendar, type EventProps, type HeaderProps, type ResourceHeaderProps } from 'react-big-calendar';
import * as dragAndDrop from 'react-big-calendar/lib/addons/dragAndDrop';
import type { EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { useTranslation } from 'react-i18next';
import type { Resources } from '../../../../shared/contract/interview-records';
import type { Language } from '../../i18n';
import { formats, localizer } from './localizer';
import { closedDay, offHours, summaryOf, workingSpan, type CalendarEvent, type CalendarResource, type GroupBy } from './model';
import { calendarSx } from './styles';
import { toWall } from '../../components/format';

// The add-on is CommonJS only; bundled into an ES module its default export may arrive wrapped once more.
type WithDragAndDrop = typeof dragAndDrop.default;
const addon = dragAndDrop as unknown as { default: WithDragAndDrop | { default: WithDragAndDrop } };
const withDragAndDrop: WithDragAndDrop = typeof addon.default === 'function' ? addon.default : addon.default.default;
const DnDCalendar = withDragAndDrop<CalendarEvent, CalendarResource>(Calendar);

/** Where a block was dropped or resized to, on the centre's wall clock. */
export interface Drop {
  event: CalendarEvent;
  start: Date;
  end: Date;
  /** The column it landed in (a room or a person), when the grid has columns. */
  resourceId: number | undefined;
}


/**
 * The time grid: react-big-calendar with its drag-and-drop add-on, its columns
 * the rooms or the interviewers and examiners, the centre's hours and closed
 * days shaded. Everything it is given and answers is on the centre's wall clock.
 */
export function CalendarBoard({
  view,
  date,
  events,
  columns,
  groupBy,
  resources,
  zone,
  language,
  movable,
  pendingKey,
  onNavigate,
  onDrillDown,
  onDrop,
  onOpen,
}: {
  view: 'day' | 'week' | 'work_week';
  date: Date;
  events: CalendarEvent[];
  columns: CalendarResource[];
  groupBy: GroupBy;
  resources: Resources;
  zone: string | null;
  language: Language;
  /** Whether this caller may drag this block (interviews and exams need different permissions). */
  movable: (event: CalendarEvent) => boolean;
  pendingKey: string | null;
  onNavigate: (date: Date) => void;
  /** A day's heading was clicked: show that day. */
  onDrillDown: (date: Date) => void;
  onDrop: (drop: Drop) => void;
  onOpen: (event: CalendarEvent) => void;
}) {
  const { t } = useTranslation();
  const { min, max } = workingSpan(resources.rules);
  const mayMoveAny = events.some(movable);

  const components = useMemo(
    () => ({
      event: ({ event }: EventProps<CalendarEvent>) => {
        const shown = summaryOf(event.entry);
        if (!shown) return <span className="bd-ev-title">{t('calendar.busy')}</span>;
        const exam = event.entry.exam;
        return (
          <>
            <div className="bd-ev-title">
              {exam && <MedicalServicesOutlined className="bd-ev-icon" aria-hidden />}
              {shown.reference} · {shown.child}
            </div>
            {/* One line for where and what kind: an hour's block has room for little more. */}
            <div>
              {groupBy === 'room' ? shown.staff : shown.room}
              {exam && ` · ${t(`medical.kinds.${exam.kind}`)}`}
            </div>
            {event.supplementary && <span className="bd-ev-tag">{t('calendar.supplementaryShort')}</span>}
          </>
        );
      },
      // People's columns say who interviews and who examines: a coordinator drags an exam to an examiner.
      resourceHeader: ({ label, resource }: ResourceHeaderProps<CalendarResource>) =>
        groupBy === 'person' ? (
          <>
            {label}
            <span className="bd-column-role">{t(`calendar.roles.${resource.role}`)}</span>
          </>
        ) : (
          <>{label}</>
        ),
      header: ({ date: day, label }: HeaderProps) => {
        const closed = closedDay(day, resources);
        return (
          <>
            {label}
            {closed.closed && <span className="bd-closed-label">{closed.reason ? t('calendar.closedFor', { reason: closed.reason }) : t('calendar.closed')}</span>}
          </>
        );
      },
    }),
    [t, groupBy, resources],
  );

  const tooltip = (e: CalendarEvent) => {
    if (!summaryOf(e.entry)) return t('calendar.busyTooltip');
    const parts = [e.title];
    if (e.entry.exam) parts.push(t(`medical.kinds.${e.entry.exam.kind}`));
    parts.push(t(`calendar.status.${e.entry.status}`));
    if (e.supplementary) parts.push(t('calendar.supplementary'));
    return parts.join(' — ');
  };

  const interaction = (args: EventInteractionArgs<CalendarEvent>) => {
    const resourceId = args.resourceId === undefined ? undefined : Number(args.resourceId);
    onDrop({ event: args.event, start: new Date(args.start), end: new Date(args.end), resourceId });
  };

  return (
    <Box sx={(theme) => calendarSx(theme)}>
      <DnDCalendar
        localizer={localizer}
        culture={language}
        formats={formats}
        toolbar={false}
        views={['day', 'week', 'work_week']}
        view={view}
        date={date}
        onNavigate={onNavigate}
        // The view is chosen outside (the toolbar); a heading's click arrives as onDrillDown.
        onView={() => undefined}
        onDrillDown={onDrillDown}
        getNow={() => toWall(Date.now(), zone)}
        events={events}
        startAccessor="start"
        endAccessor="end"
        titleAccessor="title"
        tooltipAccessor={tooltip}
        allDayAccessor={() => false}
        resources={columns.length ? columns : undefined}
        resourceAccessor="resourceId"
        resourceIdAccessor="id"
        resourceTitleAccessor="title"
        resourceGroupingLayout
        min={min}
        max={max}
        scrollToTime={min}
        step={15}
        timeslots={4}
        components={components}
        draggableAccessor={movable}
        resizableAccessor={movable}
        resizable={mayMoveAny}
        onEventDrop={interaction}
        onEventResize={interaction}
        onSelectEvent={(e) => summaryOf(e.entry) && onOpen(e)}
        onKeyPressEvent={(e, key) => {
          const k = key as KeyboardEvent<HTMLElement>;
          if ((k.key === 'Enter' || k.key === ' ') && summaryOf(e.entry)) {
            k.preventDefault();
            onOpen(e);
          }
        }}
        eventPropGetter={(e) => ({
          className: [
            summaryOf(e.entry) ? `bd-ev-${e.entry.status} bd-ev-open` : 'bd-ev-busy',
            e.entry.exam ? 'bd-ev-exam' : '',
            e.supplementary ? 'bd-ev-supplementary' : '',
            movable(e) ? 'bd-ev-movable' : '',
            e.key === pendingKey ? 'bd-ev-pending' : '',
          ]
            .filter(Boolean)
            .join(' '),
        })}
        dayPropGetter={(day) => (closedDay(day, resources).closed ? { className: 'bd-closed-day' } : {})}
        slotPropGetter={(slot) => (offHours(slot, resources) ? { className: 'bd-off' } : {})}
      />
    </Box>
  );
}
