import type { AgeGroup } from './categories';

/** Whole years between a birth date (YYYY-MM-DD) and a moment; null when either is unknown. */
export function ageAt(birthDate: string | null, at: string | Date | null): number | null {
  if (!birthDate || !at) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const when = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(when.getTime())) return null;
  let age = when.getUTCFullYear() - y;
  const beforeBirthday = when.getUTCMonth() + 1 < m || (when.getUTCMonth() + 1 === m && when.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age < 0 ? null : age;
}

/** The statistics' age group; adults (19+) have none. */
export function ageGroupOf(age: number | null): AgeGroup | null {
  if (age === null) return null;
  if (age <= 3) return '0-3';
  if (age <= 7) return '4-7';
  if (age <= 11) return '8-11';
  if (age <= 16) return '12-16';
  if (age <= 18) return '17-18';
  return null;
}
