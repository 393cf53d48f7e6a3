import { alpha, type Theme } from '@mui/material/styles';
import type { SystemStyleObject } from '@mui/system';

/** The colours of a block by what it is: the calendar and its legend use the same ones. */
/** A plum apart from the theme's teal, orange and green: a booked medical examination. */
const EXAM = '#7b4a8e';

export function swatches(theme: Theme) {
  const p = theme.palette;
  const exam = p.augmentColor({ color: { main: EXAM } });
  return {
    scheduled: { backgroundColor: p.primary.main, color: p.primary.contrastText, border: `1px solid ${p.primary.dark}` },
    exam: { backgroundColor: exam.main, color: exam.contrastText, border: `1px solid ${exam.dark}` },
    held: { backgroundColor: p.success.main, color: p.success.contrastText, border: `1px solid ${p.success.dark}` },
    cancelled: { backgroundColor: p.grey[200], color: p.text.secondary, border: `1px dashed ${p.grey[500]}` },
    busy: {
      backgroundColor: p.grey[300],
      backgroundImage: `repeating-linear-gradient(135deg, ${p.grey[300]} 0 6px, ${p.grey[200]} 6px 12px)`,
      color: p.text.primary,
      border: `1px solid ${p.grey[400]}`,
    },
    supplementary: { boxShadow: `inset 5px 0 0 ${p.secondary.main}` },
    closed: {
      backgroundColor: p.grey[100],
      backgroundImage: `repeating-linear-gradient(135deg, transparent 0 8px, ${alpha(p.grey[400], 0.25)} 8px 10px)`,
    },
  };
}

/** react-big-calendar's stylesheet, brought to the theme: fonts, colours, lines, the centre's closed hours. */
export function calendarSx(theme: Theme): SystemStyleObject<Theme> {
  const p = theme.palette;
  const s = swatches(theme);
  const line = p.divider;
  const quarter = alpha(p.text.primary, 0.05);
  return {
    ...theme.typography.body2,
    bgcolor: 'background.paper',
    border: `1px solid ${line}`,
    borderRadius: 1,
    // clip, not hidden: the column headings stay in view (sticky) as the page scrolls.
    overflow: 'clip',
    '& .rbc-calendar': { fontFamily: theme.typography.fontFamily, height: 'auto' },
    '& .rbc-time-view': { border: 'none', flex: 'none' },
    // The grid is as tall as the working day; the page scrolls, not a box inside it.
    '& .rbc-time-content': { flex: 'none', overflowY: 'visible', borderTop: 'none' },
    '& .rbc-time-header': {
      position: 'sticky',
      top: { xs: 56, sm: 64 },
      zIndex: 11,
      bgcolor: 'background.paper',
      borderBottom: `1px solid ${line}`,
    },
    '& .rbc-time-header.rbc-overflowing': { borderRight: 'none' },
    '& .rbc-header': {
      borderColor: line,
      py: 0.75,
      fontWeight: 500,
      fontSize: theme.typography.body2.fontSize,
      whiteSpace: 'normal',
      lineHeight: 1.3,
    },
    '& .rbc-header + .rbc-header, & .rbc-time-header-content, & .rbc-time-content > * + * > *, & .rbc-timeslot-group, & .rbc-time-header > .rbc-row:first-of-type, & .rbc-time-header-content > .rbc-row.rbc-row-resource':
      { borderColor: line },
    '& .rbc-day-slot .rbc-time-slot': { borderTopColor: quarter },
    '& .rbc-header .rbc-button-link': { font: 'inherit', color: 'inherit', cursor: 'pointer' },
    '& .rbc-header .rbc-button-link:hover': { color: p.primary.main, textDecoration: 'underline' },
    '& .bd-column-role': { display: 'block', color: p.text.secondary, fontWeight: 400, fontSize: 11, lineHeight: 1.3 },
    '& .rbc-row-resource .rbc-header, & .rbc-resource-grouping .rbc-row:nth-of-type(2) .rbc-header': {
      color: p.text.secondary,
      fontWeight: 400,
      fontSize: theme.typography.caption.fontSize,
    },
    '& .rbc-time-header-cell-single-day': { display: 'none' },
    // A single day: the room or interviewer names are the only headings.
    '& .rbc-resource-grouping > .rbc-time-header-cell-single-day + .rbc-row .rbc-header': { color: p.text.primary, fontWeight: 500, fontSize: theme.typography.body2.fontSize },
    // No all-day bookings: a forensic interview always has its hours.
    '& .rbc-allday-cell, & .rbc-resource-grouping > .rbc-row.rbc-h-full': { display: 'none' },
    '& .rbc-time-header-content > .rbc-row': { flexShrink: 0 },
    // A day marked closed has a taller heading: the others' grow with it, so the room names stay in line.
    '& .rbc-resource-grouping > .rbc-time-header-cell': { flexGrow: 1 },
    // Columns share the width (the library's own minimum, 140 px, pushes Thursday and Friday off screen).
    '& .rbc-time-view-resources .rbc-time-header-content': { minWidth: 0 },
    '& .rbc-time-view-resources .rbc-day-slot': { minWidth: 0 },
    '& .rbc-time-view-resources .rbc-header, & .rbc-time-view-resources .rbc-day-bg, & .rbc-resource-grouping .rbc-row .rbc-header': { width: 'auto' },
    '& .rbc-time-view-resources .rbc-time-gutter, & .rbc-time-view-resources .rbc-time-header-gutter': { bgcolor: 'background.paper', borderColor: line },
    '& .rbc-timeslot-group': { minHeight: 48 },
    '& .rbc-time-gutter .rbc-timeslot-group': { color: p.text.secondary, fontSize: theme.typography.caption.fontSize },
    '& .rbc-label': { px: 1 },
    '& .rbc-today': { backgroundColor: alpha(p.primary.main, 0.05) },
    '& .rbc-header.rbc-today': { color: p.primary.main, fontWeight: 700 },
    '& .rbc-current-time-indicator': { backgroundColor: p.error.main, height: 2 },
    '& .bd-off': s.closed,
    '& .rbc-day-slot.bd-closed-day, & .rbc-header.bd-closed-day': s.closed,
    '& .bd-closed-label': { display: 'block', color: p.text.secondary, fontWeight: 400, fontSize: theme.typography.caption.fontSize },

    '& .rbc-day-slot .rbc-event': { borderRadius: 0.75, px: 0.75, py: 0.25, flexFlow: 'column nowrap', outlineOffset: 1 },
    '& .rbc-event:focus-visible': { outline: `2px solid ${p.secondary.main}` },
    '& .rbc-event.rbc-selected': { filter: 'brightness(0.92)' },
    '& .rbc-day-slot .rbc-event-label': { fontSize: theme.typography.caption.fontSize, opacity: 0.9, whiteSpace: 'normal', width: '100%', pr: 0 },
    '& .rbc-event-content': { fontSize: theme.typography.caption.fontSize, lineHeight: 1.35, overflowWrap: 'anywhere' },
    '& .rbc-event.bd-ev-scheduled': s.scheduled,
    '& .rbc-event.bd-ev-held': s.held,
    '& .rbc-event.bd-ev-cancelled': s.cancelled,
    // A held exam turns green like a held interview; until then it keeps its own colour. Its icon says what it is either way.
    '& .rbc-event.bd-ev-exam.bd-ev-scheduled': s.exam,
    '& .bd-ev-icon': { fontSize: 14, verticalAlign: '-2px', mr: 0.375 },
    '& .bd-ev-cancelled .rbc-event-content, & .bd-ev-cancelled .rbc-event-label': { textDecoration: 'line-through' },
    '& .rbc-event.bd-ev-busy': { ...s.busy, cursor: 'default' },
    '& .rbc-event.bd-ev-supplementary': { ...s.supplementary, pl: 1 },
    '& .bd-ev-open': { cursor: 'pointer' },
    '& .bd-ev-movable': { cursor: 'grab' },
    '& .bd-ev-title': { fontWeight: 500 },
    '& .bd-ev-tag': {
      display: 'inline-block',
      mt: 0.25,
      px: 0.5,
      borderRadius: 0.5,
      bgcolor: p.secondary.main,
      color: p.secondary.contrastText,
      fontSize: 11,
      lineHeight: 1.5,
      textDecoration: 'none',
    },
    // The drag-and-drop add-on: the block being dragged, and its preview.
    '& .rbc-addons-dnd .rbc-addons-dnd-drag-preview': { opacity: 0.85, boxShadow: theme.shadows[4] },
    '& .rbc-addons-dnd .rbc-event.rbc-addons-dnd-dragged-event': { opacity: 0.35 },
    '& .rbc-event.bd-ev-pending': { outline: `2px dashed ${p.secondary.main}`, outlineOffset: 1 },
  };
}
