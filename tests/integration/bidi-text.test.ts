import { describe, expect, it } from 'vitest';
import { stripBidiControls } from '../../shared/contract/fields';
import { inProcessClient, insertUser, openTestCore, setUpCentre, signInWith } from '../support/core';
import { referral } from '../support/intake';
import { refusal } from '../support/refusal';

const PASSWORD = 'bidi test sentence long enough';
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

describe('direction controls in one-line fields', () => {
  it('are each removed, and nothing else is', () => {
    for (const control of CONTROLS) expect(stripBidiControls(`Ana${control}Maria`), control.codePointAt(0)!.toString(16)).toBe('AnaMaria');
    // Arabic and Hebrew letters, Cyrillic, Romanian diacritics and joiners stay.
    expect(stripBidiControls('محمد דוד Иван Ștefan a\u200Db')).toBe('محمد דוד Иван Ștefan a\u200Db');
  });

  it('a name that would read "Anaexe.pdf" is stored as typed, without the override; a name of controls only is blank', async () => {
    const { core } = openTestCore();
    await setUpCentre(inProcessClient(core));
    await insertUser(core.store.db, 'coord', PASSWORD, ['coordinator']);
    const coord = await signInWith(core, 'coord', PASSWORD);
    const created = await coord.call(
      'cases.create',
      referral(
        { firstName: '\u2067Ivan\u2069', lastName: 'Ana\u202Efdp.exe\u202C', languages: ['Romani\u200F'] },
        { fields: { receivedAt: '2026-11-22T08:00:00.000Z', source: 'school', urgency: 'routine', referrerName: 'Maria\u202E Ionescu' } },
      ),
    );
    const stored = core.store.db.prepare('SELECT first_name, last_name, languages FROM persons').get() as Record<string, string>;
    expect(stored).toEqual({ first_name: 'Ivan', last_name: 'Anafdp.exe', languages: '["Romani"]' });
    expect(JSON.stringify(created)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u);

    const blank = await refusal(coord.call('cases.create', referral({ firstName: 'Ivan', lastName: '\u202E\u202C ' })));
    expect(blank.issues).toEqual([expect.objectContaining({ path: ['child', 'new', 'lastName'], message: 'Must not be blank' })]);
  });
});
