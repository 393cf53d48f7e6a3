import anyAscii from 'any-ascii';

/**
 * Bulgarian letters whose official (2009 streamlined) romanisation differs
 * from the Russian-style one any-ascii uses: "Христо" is "Hristo" on a
 * Bulgarian passport, "Щерев" is "Shterev", "Ъглен" is "Aglen".
 */
const bulgarian: Record<string, string> = {
  х: 'h',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  й: 'y',
};

/** Lower-case Latin letters and digits, words split by single spaces: "Ștefan  Țăranu" → "stefan taranu". */
export function foldText(text: string): string {
  const lowered = text.normalize('NFC').toLowerCase();
  const latin = anyAscii(lowered.replace(/[хщъьюяй]/g, (c) => bulgarian[c] ?? c));
  return latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A looser key for matching a name however it was spelled: the ways one
 * Cyrillic or Romanian name is written in Latin letters collapse together
 * ("Khristo" = "Hristo", "Iordanov" = "Yordanov", "Tsvetkov" = "Cvetkov").
 */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/kh/g, 'h')
    .replace(/shch/g, 'sht')
    .replace(/ts/g, 'c')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
}

/** The words of a name or query, each as a name key; hyphenated names give each part. */
export function nameKeys(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter(Boolean)
    .map(nameKey);
}
