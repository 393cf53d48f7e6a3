import type { Translation } from '../../types';

export const auditAnchor: Translation['auditAnchor'] = {
  agrees: 'Concordă cu toate cele {{count}} puncte de control păstrate în afara bazei de date. Ultimul: intrarea {{entry}}, {{at}} ({{reason}}).',
  noCheckpoints:
    'Nu a fost găsit niciun fișier cu puncte de control, așa că a fost verificat doar lanțul. Cine deține fișierul cheie l-ar putea rescrie fără urme: introduceți un punct de control tipărit pe un document emis pentru comparare.',
  rewritten:
    'Jurnalul a fost rescris. Punctul de control din {{at}} ({{reason}}) a consemnat intrarea {{entry}} cu hash-ul {{expected}}; acum jurnalul are acolo {{found}}.',
  cutShort:
    'Jurnalul a fost scurtat. Punctul de control din {{at}} ({{reason}}) a consemnat intrarea {{entry}} cu hash-ul {{expected}}; jurnalul nu mai ajunge la această intrare.',
  disagreeing: '{{count}} din {{total}} puncte de control nu concordă; este afișat cel mai vechi.',
  fileDamaged: 'Fișierul cu puncte de control a fost modificat sau scurtat (de la linia {{line}}). Comparați-l cu copiile păstrate în afara acestui calculator.',
  report: 'Raportați acest lucru conducerii centrului.',
  printedAgrees: 'Punctul de control tipărit (intrarea {{entry}}) concordă cu jurnalul.',
  printedDiffers: 'Punctul de control tipărit (intrarea {{entry}}) nu concordă cu jurnalul, care are acolo {{found}}: jurnalul a fost rescris la această intrare sau înaintea ei.',
  printedBeyond: 'Punctul de control tipărit (intrarea {{entry}}) se află după sfârșitul jurnalului: au fost șterse intrări.',
  printed: {
    title: 'Comparare cu un punct de control tipărit',
    intro: 'Fiecare document emis tipărește la subsolul ultimei pagini punctul de control al jurnalului de audit din acel moment. Introduceți-l aici pentru a verifica jurnalul după hârtie.',
    entry: 'Intrarea',
    head: 'Hash',
    headHint: 'Cel puțin primele 16 caractere; spațiile nu contează.',
    compare: 'Compară cu jurnalul',
  },
  reasons: {
    start: 'pornire',
    hourly: 'orar',
    document: 'document emis',
    backup: 'copie de siguranță',
    stop: 'oprire',
  },
};
