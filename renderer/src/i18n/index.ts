import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { bg as zodBg, en as zodEn, ro as zodRo } from 'zod/locales';
import { bg } from './locales/bg';
import { en } from './locales/en';
import { ro } from './locales/ro';

export const languages = ['en', 'ro', 'bg'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'barnahus.language';
// zod's own messages (too short, wrong type…) follow the interface language.
const zodLocales = { en: zodEn, ro: zodRo, bg: zodBg } satisfies Record<Language, unknown>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function preferredLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const fromBrowser = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage);
  return fromBrowser ?? 'en';
}

/** Plainer words than zod's for the commonest checks; anything else falls through to zod's locale. */
const friendlier: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const min = Number(issue.minimum);
    return min <= 1 ? i18next.t('validation.required') : i18next.t('validation.tooShort', { count: min });
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return i18next.t('validation.tooLong', { count: Number(issue.maximum) });
  if (issue.code === 'invalid_type' && issue.input === undefined) return i18next.t('validation.required');
  return undefined;
};

function apply(language: Language): void {
  document.documentElement.lang = language;
  z.config({ ...zodLocales[language](), customError: friendlier });
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = preferredLanguage();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ro: { translation: ro }, bg: { translation: bg } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  apply(lng);
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  apply(language);
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}
