import { describe, expect, it } from 'vitest';
import { bg } from '../../renderer/src/i18n/locales/bg';
import { en } from '../../renderer/src/i18n/locales/en';
import { ro } from '../../renderer/src/i18n/locales/ro';
import { checkMessages, errorStatus } from '../../shared/contract';
import { roles } from '../../shared/permissions';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const english = flatten(en);
// The same in every language on purpose: the product's name and each language's own name.
const sameEverywhere = new Set(['app.name', 'languages.en', 'languages.ro', 'languages.bg', 'roles.administrator']);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each([
  ['Romanian', ro],
  ['Bulgarian', bg],
])('%s', (_name, locale) => {
  const translated = flatten(locale);

  it('has every English key and no other', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('leaves no string empty or still in English', () => {
    for (const [key, text] of translated) {
      expect(text.trim(), key).not.toBe('');
      if (!sameEverywhere.has(key)) expect(text, key).not.toBe(english.get(key));
    }
  });

  it('keeps every {{placeholder}} of the English text', () => {
    for (const [key, text] of english) expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});

describe('coverage of the contract', () => {
  it('has words for every error code, role and named check', () => {
    for (const code of Object.keys(errorStatus)) expect(english.has(`errors.${code}`), code).toBe(true);
    for (const role of roles) expect(english.has(`roles.${role}`), role).toBe(true);
    for (const id of Object.keys(checkMessages)) expect(english.has(`validation.${id}`), id).toBe(true);
  });

  it('writes Bulgarian in Cyrillic and Romanian with its own letters', () => {
    expect(flatten(bg as Tree).get('signIn.title')).toMatch(/^[\u0400-\u04FF ]+$/);
    expect([...flatten(ro as Tree).values()].join(' ')).toMatch(/[șțăâî]/);
    expect([...flatten(ro as Tree).values()].join(' ')).not.toMatch(/[şţ]/); // cedilla forms are the wrong letters
  });
});
