import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { splitDuration } from '../../../shared/cases/deadlines';

/** Options for a select of one category, labelled in the interface language. */
export function categoryOptions<T extends string>(t: TFunction, group: string, values: readonly T[]): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: t(`categories.${group}.${value}` as never) }));
}

export function useCategory() {
  const { t } = useTranslation();
  return (group: string, value: string | null | undefined): string => (value ? t(`categories.${group}.${value}` as never) : t('caseFile.none'));
}

/** "2 d 4 h", "5 h 12 min", "3 min". */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number): string => {
    const { days, hours, minutes } = splitDuration(ms);
    if (days > 0) return `${t('caseFile.days', { count: days })} ${t('caseFile.hours', { count: hours })} ${t('caseFile.minutes', { count: minutes })}`;
    if (hours > 0) return `${t('caseFile.hours', { count: hours })} ${t('caseFile.minutes', { count: minutes })}`;
    return t('caseFile.minutes', { count: minutes });
  };
}
