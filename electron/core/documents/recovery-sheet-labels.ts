import type { DocumentLanguage } from './pdf';

export interface RecoverySheetLabels {
  title: string;
  centre: string;
  created: string;
  createdBy: string;
  fingerprint: string;
  key: string;
  whatTitle: string;
  what: string;
  keepTitle: string;
  keep: string[];
  restoreTitle: string;
  restore: string;
  restoreAfter: string;
  replaced: string;
  footer: (page: number, pages: number) => string;
  dateTime: string;
  fileName: (date: string) => string;
}

const en: RecoverySheetLabels = {
  title: 'Backup recovery key',
  centre: 'Centre',
  created: 'Created',
  createdBy: 'Created by',
  fingerprint: 'Fingerprint',
  key: 'Recovery key',
  whatTitle: 'What this key is for',
  what:
    "Every backup set of this centre is encrypted. The host's key file opens it, and so does this recovery key. If the host and its key file are lost (a failed disk, a theft, a fire), this sheet and a backup drive are what bring back every child's record and every interview recording. Anyone holding both could read them all.",
  keepTitle: 'Where to keep it',
  keep: [
    "In the director's safe, in a sealed envelope signed across the seal.",
    'Never on the host, on the backup drive, in e-mail, in a chat or in a photo.',
    'Not with the backup drives: a thief who takes both has everything.',
  ],
  restoreTitle: 'How to restore with it',
  restore: 'On a computer with Barnahus Desk installed, with the backup drive connected, run:',
  restoreAfter:
    'SET_DIR is the set to restore (a folder under sets/ on the backup drive) and NEW_DIR an empty folder for the data. The command asks for the recovery key on the terminal: type it as printed above (spaces and dashes do not matter). Then start the host on NEW_DIR with a new key file, as docs/operations.md describes.',
  replaced:
    'If a new recovery key is created, sets made from then on open with the new key only; sets made before it still open with this one. Keep this sheet until the last of those sets has been rotated out.',
  footer: (page, pages) => `Recovery key sheet · page ${page} of ${pages} · CONFIDENTIAL`,
  dateTime: 'd MMMM yyyy, HH:mm',
  fileName: (date) => `barnahus-recovery-key-${date}.pdf`,
};

const ro: RecoverySheetLabels = {
  title: 'Cheie de recuperare a copiilor de siguranță',
  centre: 'Centrul',
  created: 'Creată la',
  createdBy: 'Creată de',
  fingerprint: 'Amprentă',
  key: 'Cheia de recuperare',
  whatTitle: 'La ce folosește această cheie',
  what:
    'Fiecare copie de siguranță a centrului este criptată. O deschide fișierul-cheie al serverului și o deschide și această cheie de recuperare. Dacă serverul și fișierul său cheie se pierd (un disc defect, un furt, un incendiu), această foaie și un disc de backup aduc înapoi fiecare dosar al unui copil și fiecare înregistrare a unui interviu. Oricine le deține pe amândouă le poate citi pe toate.',
  keepTitle: 'Unde se păstrează',
  keep: [
    'În seiful directorului, într-un plic sigilat, semnat peste sigiliu.',
    'Niciodată pe server, pe discul de backup, în e-mail, într-un chat sau într-o fotografie.',
    'Nu împreună cu discurile de backup: un hoț care le ia pe amândouă are totul.',
  ],
  restoreTitle: 'Cum se restaurează cu ea',
  restore: 'Pe un calculator cu Barnahus Desk instalat, cu discul de backup conectat, rulați:',
  restoreAfter:
    'SET_DIR este copia de restaurat (un dosar din sets/ pe discul de backup), iar NEW_DIR un dosar gol pentru date. Comanda cere cheia de recuperare în terminal: tastați-o așa cum este tipărită mai sus (spațiile și cratimele nu contează). Apoi porniți serverul pe NEW_DIR cu un fișier-cheie nou, cum arată docs/operations.md.',
  replaced:
    'Dacă se creează o cheie de recuperare nouă, copiile făcute de atunci se deschid numai cu cheia nouă; cele făcute înainte se deschid în continuare cu aceasta. Păstrați foaia până când ultima dintre acele copii a fost ștearsă prin rotație.',
  footer: (page, pages) => `Foaia cheii de recuperare · pagina ${page} din ${pages} · CONFIDENȚIAL`,
  dateTime: 'dd.MM.yyyy, HH:mm',
  fileName: (date) => `barnahus-cheie-de-recuperare-${date}.pdf`,
};

const bg: RecoverySheetLabels = {
  title: 'Ключ за възстановяване на резервните копия',
  centre: 'Център',
  created: 'Създаден на',
  createdBy: 'Създаден от',
  fingerprint: 'Отпечатък',
  key: 'Ключ за възстановяване',
  whatTitle: 'За какво служи този ключ',
  what:
    'Всяко резервно копие на центъра е шифровано. Отваря го ключовият файл на сървъра, отваря го и този ключ за възстановяване. Ако сървърът и ключовият му файл бъдат изгубени (повреден диск, кражба, пожар), този лист и диск с резервни копия връщат всяко досие на дете и всеки запис на интервю. Който държи и двете, може да прочете всичко.',
  keepTitle: 'Къде да се пази',
  keep: [
    'В сейфа на директора, в запечатан плик, подписан върху печата.',
    'Никога на сървъра, на диска с резервни копия, в имейл, в чат или на снимка.',
    'Не заедно с дисковете с резервни копия: крадец, който вземе и двете, има всичко.',
  ],
  restoreTitle: 'Как се възстановява с него',
  restore: 'На компютър с инсталиран Barnahus Desk и свързан диск с резервни копия изпълнете:',
  restoreAfter:
    'SET_DIR е копието за възстановяване (папка в sets/ на диска с резервни копия), а NEW_DIR е празна папка за данните. Командата иска ключа за възстановяване в терминала: въведете го, както е отпечатан по-горе (интервалите и тиретата нямат значение). След това стартирайте сървъра с NEW_DIR и нов ключов файл, както е описано в docs/operations.md.',
  replaced:
    'Ако бъде създаден нов ключ за възстановяване, копията, направени след това, се отварят само с новия ключ; направените преди това продължават да се отварят с този. Пазете листа, докато и последното от тези копия бъде изтрито при ротацията.',
  footer: (page, pages) => `Лист с ключа за възстановяване · страница ${page} от ${pages} · ПОВЕРИТЕЛНО`,
  dateTime: 'dd.MM.yyyy, HH:mm',
  fileName: (date) => `barnahus-klyuch-za-vazstanovyavane-${date}.pdf`,
};

export const recoverySheetLabels: Record<DocumentLanguage, RecoverySheetLabels> = { en, ro, bg };
