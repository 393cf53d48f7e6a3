import { format, getDay, parse, startOfWeek, type Locale } from 'date-fns';
import { bg, enGB, ro } from 'date-fns/locale';
import { dateFnsLocalizer, type Formats } from 'react-big-calendar';
import type { Language } from '../../i18n';

/** The calendar's dates in the interface language (English as in Britain: day first, 24-hour clock). */
export const dateLocales: Record<Language, Locale> = { en: enGB, ro, bg };

export const localizer = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: dateLocales });

const hours: NonNullable<Formats['eventTimeRangeFormat']> = ({ start, end }, culture, local) =>
  `${local?.format(start, 'p', culture) ?? ''}–${local?.format(end, 'p', culture) ?? ''}`;

/** The calendar's own labels ('p' is the locale's short time); the rest keep the localizer's defaults. */
export const formats: Formats = {
  dayFormat: 'EEE d MMM',
  timeGutterFormat: 'p',
  // "09:00–10:30": narrow week columns fit it on one line.
  eventTimeRangeFormat: hours,
  selectRangeFormat: hours,
};
