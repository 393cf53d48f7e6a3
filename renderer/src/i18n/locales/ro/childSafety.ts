import type { Translation } from '../../types';

export const childSafety: Translation['childSafety'] = {
  perpetratorNote: 'Presupus agresor: nu trebuie informat despre caz.',
  overrideHelp: 'Numai prin decizia echipei: spuneți de ce în notă.',
  doNotInform: {
    title: 'NU trebuie informați despre caz',
    intro: 'Nu le spuneți acestor persoane despre caz, despre interviu sau despre locul unde se află copilul:',
    perpetrator: 'presupus agresor',
  },
  overridden: 'Presupus agresor care poate fi informat prin decizia echipei: {{name}} — {{reason}}',
  withoutConsent: ' — fără consimțământul corespunzător',
  perpetratorCannotConsent: '{{name}} — presupus agresor, nu poate consimți',
  care: {
    refuse: {
      medical_exam: 'Înregistrați consimțământul pentru examinarea medicală înainte de examinare.',
      therapy: 'Nu există un consimțământ valabil pentru terapie în acest caz: înregistrați-l înainte de a consemna o ședință la care copilul a participat sau o evaluare.',
      information_sharing: 'Nu există un consimțământ valabil pentru schimbul de informații în acest caz.',
    },
    warn: 'Nu există un consimțământ valabil pentru „{{scope}}” în acest caz. Regula centrului vă permite totuși să înregistrați activitatea; istoricul cazului va arăta că a fost făcută fără consimțământ.',
  },
  centre: {
    rule: 'Activitate medicală și terapeutică fără consimțământul corespunzător',
    refuse: 'Refuzată până la înregistrarea consimțământului (recomandat)',
    warn: 'Înregistrată, cu avertisment',
    help: 'Se aplică la consemnarea unei examinări medicale, a unei ședințe de terapie la care copilul a participat și a unei evaluări terapeutice.',
  },
};
