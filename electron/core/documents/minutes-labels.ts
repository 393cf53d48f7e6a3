import { vocabulary, type Vocabulary } from '../../../shared/i18n/vocabulary';
import type { DocumentLanguage } from './pdf';

/** The words of the meeting minutes in each language the centre works in; the names of things come from the shared vocabulary, as on the screens. */
export interface MinutesLabels {
  title: string;
  /** date-fns pattern for a date and time on the centre's clock. */
  dateTime: string;
  /** date-fns pattern for a calendar date (a due date). */
  date: string;
  type: string;
  when: string;
  duration: string;
  minutes: (count: number) => string;
  place: string;
  chair: string;
  status: string;
  heldAt: string;
  cancelReason: string;
  members: string;
  noMembers: string;
  name: string;
  agency: string;
  attendance: string;
  present: string;
  absent: string;
  cases: string;
  child: string;
  agenda: string;
  decisions: string;
  noAgenda: string;
  noDecisions: string;
  actions: string;
  noActions: string;
  what: string;
  owner: string;
  due: string;
  state: string;
  overdue: string;
  hiddenCases: (count: number) => string;
  footer: (page: number, pages: number, number: string, meetingId: number, generatedAt: string) => string;
  meetingTypes: Vocabulary['meetingTypes'];
  statuses: Vocabulary['meetingStatuses'];
  agencies: Vocabulary['meetingAgencies'];
  states: Vocabulary['actionItemStates'];
}

const en: MinutesLabels = {
  title: 'Minutes of the case review meeting',
  dateTime: 'd MMMM yyyy, HH:mm',
  date: 'd MMM yyyy',
  type: 'Type of meeting',
  when: 'Date and time',
  duration: 'Duration',
  minutes: (count) => `${count} min`,
  place: 'Place',
  chair: 'Chair',
  status: 'Status',
  heldAt: 'Recorded as held',
  cancelReason: 'Reason for cancelling',
  members: 'Members',
  noMembers: 'No members were recorded.',
  name: 'Name',
  agency: 'Agency',
  attendance: 'Attendance',
  present: 'Present',
  absent: 'Absent',
  cases: 'Cases discussed',
  child: 'Child',
  agenda: 'Agenda',
  decisions: 'Decisions',
  noAgenda: 'No agenda was written.',
  noDecisions: 'No decisions were recorded.',
  actions: 'Action items',
  noActions: 'No action items.',
  what: 'What',
  owner: 'Owner',
  due: 'Due',
  state: 'State',
  overdue: 'overdue',
  hiddenCases: (count) => `Other cases discussed at this meeting that you may not see: ${count}.`,
  footer: (page, pages, number, meetingId, generatedAt) => `Page ${page} of ${pages} · ${number} · Meeting no. ${meetingId} · Generated ${generatedAt}`,
  meetingTypes: vocabulary.en.meetingTypes,
  statuses: vocabulary.en.meetingStatuses,
  agencies: vocabulary.en.meetingAgencies,
  states: vocabulary.en.actionItemStates,
};

const ro: MinutesLabels = {
  title: 'Procesul-verbal al întâlnirii de analiză a cazului',
  dateTime: 'dd.MM.yyyy, HH:mm',
  date: 'dd.MM.yyyy',
  type: 'Tipul întâlnirii',
  when: 'Data și ora',
  duration: 'Durata',
  minutes: (count) => `${count} min`,
  place: 'Locul',
  chair: 'Președinte de ședință',
  status: 'Starea',
  heldAt: 'Consemnată ca desfășurată',
  cancelReason: 'Motivul anulării',
  members: 'Participanți',
  noMembers: 'Nu au fost consemnați participanți.',
  name: 'Nume',
  agency: 'Instituția',
  attendance: 'Prezență',
  present: 'Prezent',
  absent: 'Absent',
  cases: 'Cazuri discutate',
  child: 'Copilul',
  agenda: 'Ordinea de zi',
  decisions: 'Decizii',
  noAgenda: 'Nu a fost scrisă o ordine de zi.',
  noDecisions: 'Nu au fost consemnate decizii.',
  actions: 'Sarcini stabilite',
  noActions: 'Nicio sarcină.',
  what: 'Ce',
  owner: 'Responsabil',
  due: 'Termen',
  state: 'Stare',
  overdue: 'termen depășit',
  hiddenCases: (count) => `Alte cazuri discutate la această întâlnire, la care nu aveți acces: ${count}.`,
  footer: (page, pages, number, meetingId, generatedAt) => `Pagina ${page} din ${pages} · ${number} · Întâlnirea nr. ${meetingId} · Generat la ${generatedAt}`,
  meetingTypes: vocabulary.ro.meetingTypes,
  statuses: vocabulary.ro.meetingStatuses,
  agencies: vocabulary.ro.meetingAgencies,
  states: vocabulary.ro.actionItemStates,
};

const bg: MinutesLabels = {
  title: 'Протокол от среща за обсъждане на случай',
  dateTime: 'dd.MM.yyyy, HH:mm',
  date: 'dd.MM.yyyy',
  type: 'Вид на срещата',
  when: 'Дата и час',
  duration: 'Продължителност',
  minutes: (count) => `${count} мин.`,
  place: 'Място',
  chair: 'Председател',
  status: 'Състояние',
  heldAt: 'Отбелязана като проведена',
  cancelReason: 'Причина за отмяната',
  members: 'Участници',
  noMembers: 'Не са вписани участници.',
  name: 'Име',
  agency: 'Институция',
  attendance: 'Присъствие',
  present: 'Присъства',
  absent: 'Отсъства',
  cases: 'Обсъдени случаи',
  child: 'Дете',
  agenda: 'Дневен ред',
  decisions: 'Решения',
  noAgenda: 'Не е написан дневен ред.',
  noDecisions: 'Не са вписани решения.',
  actions: 'Задачи',
  noActions: 'Няма задачи.',
  what: 'Какво',
  owner: 'Отговорник',
  due: 'Срок',
  state: 'Състояние',
  overdue: 'просрочена',
  hiddenCases: (count) => `Други случаи, обсъдени на тази среща, до които нямате достъп: ${count}.`,
  footer: (page, pages, number, meetingId, generatedAt) => `Страница ${page} от ${pages} · ${number} · Среща № ${meetingId} · Създаден на ${generatedAt}`,
  meetingTypes: vocabulary.bg.meetingTypes,
  statuses: vocabulary.bg.meetingStatuses,
  agencies: vocabulary.bg.meetingAgencies,
  states: vocabulary.bg.actionItemStates,
};

export const minutesLabels: Record<DocumentLanguage, MinutesLabels> = { en, ro, bg };
