import type { Translation } from '../../types';
import { vocabulary } from '../../../../../shared/i18n/vocabulary';

export const evidence: Translation['evidence'] = {
  legalHold: {
    title: 'Blocare legală',
    chip: 'Blocare legală',
    held: 'Sub blocare legală din {{date}}, instituită de {{name}}',
    heldNote: 'Nicio probă a acestui caz nu poate fi eliminată sau retrasă cât timp blocarea este în vigoare.',
    none: 'Cazul nu este sub blocare legală.',
    set: 'Instituie blocarea legală',
    lift: 'Ridică blocarea legală',
    setTitle: 'Instituirea blocării legale asupra cazului',
    setIntro: 'Cât timp blocarea este în vigoare, nicio înregistrare a cazului nu poate fi eliminată sau retrasă, indiferent cine o cere. Blocarea, cine a instituit-o și de ce apar în cronologia cazului.',
    liftTitle: 'Ridicarea blocării legale',
    liftIntro: 'După ridicarea blocării, eliminările pot fi din nou cerute și aprobate. Spuneți de ce nu se mai aplică.',
    reason: 'Motiv (procedură, apel, decizie)',
    setSubmit: 'Instituie blocarea',
    liftSubmit: 'Ridică blocarea',
    refused: {
      already_held: 'Cazul este deja sub blocare legală.',
      not_held: 'Cazul nu este sub blocare legală.',
    },
  },
  timeline: {
    recording_removal_requested: 'A cerut eliminarea înregistrării {{file}}: {{reason}}',
    recording_removal_refused: 'A refuzat eliminarea înregistrării {{file}}',
    recording_removed: 'A aprobat eliminarea înregistrării {{file}}; fișierul a fost eliminat: {{reason}}',
    recording_withdrawn: 'A retras înregistrarea {{file}}, încărcată din greșeală',
    legal_hold_set: 'A instituit blocarea legală asupra cazului',
    legal_hold_lifted: 'A ridicat blocarea legală',
    reasons: vocabulary.ro.removalReasons,
  },
};
