import type { en } from './locales/en';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language has exactly the keys English has: a missing one fails type-checking. */
export type Translation = Widen<typeof en>;
