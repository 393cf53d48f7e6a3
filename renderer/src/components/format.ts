import { useTranslation } from 'react-i18next';

/** Dates and times in the interface language, in the workstation's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  // The browser's own plural rules: "1 year", "11 ani", "2 години".
  const years = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'year', unitDisplay: 'long' });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
    date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
    time: (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : ''),
    years: (count: number) => years.format(count),
  };
}
