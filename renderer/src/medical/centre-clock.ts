import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { fromLocalInput, toLocalInput } from '../components/dates';
import { fromWall, toWall, usableZone, wallDateKey } from '../schedule/calendar/zone';

/**
 * Dates and times on the centre's wall clock (schedule rules' time zone),
 * whatever the workstation's zone: a booking typed as 10:00 is 10:00 at the
 * centre, and the host checks working hours on that same clock.
 */
export function useCentreClock() {
  const api = useApi();
  const { i18n } = useTranslation();
  const resources = useQuery({ queryKey: ['resources'], queryFn: () => api.call('resources.list', {}) });
  const zone = usableZone(resources.data?.rules.timeZone);
  const timeZone = zone ?? undefined;
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone });
  // A calendar date (YYYY-MM-DD) names a day, not a moment: formatted at noon UTC so no zone shifts it.
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const workstationZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    ready: !resources.isPending,
    /** Set when the centre's clock differs from the workstation's, for a note beside the time fields. */
    otherZone: zone !== null && zone !== workstationZone ? zone : null,
    /** A moment as a datetime-local value on the centre's clock. */
    toInput: (moment: string | Date) => toLocalInput(toWall(moment, zone)),
    /** A datetime-local value typed on the centre's clock, as an ISO moment; '' when broken. */
    fromInput: (value: string) => (fromLocalInput(value) === '' ? '' : fromWall(new Date(value), zone)),
    /** Today at the centre, YYYY-MM-DD. */
    today: () => wallDateKey(toWall(Date.now(), zone)),
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
    time: (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : ''),
    day: (date: string | null | undefined) => (date ? day.format(new Date(`${date}T12:00:00Z`)) : ''),
  };
}

export type CentreClock = ReturnType<typeof useCentreClock>;
