import type { AttendeeFields } from '../../../shared/contract/interview-records';
import type { RedactionProfile } from '../../../shared/documents/profiles';
import { vocabulary, type Vocabulary } from '../../../shared/i18n/vocabulary';
import type { InterviewStatus } from '../../../shared/interviews/categories';
import type { DocumentLanguage } from './pdf';

/**
 * The words of the court-ready case summary in each language the centre
 * works in. The names of things (agencies, roles, protocols…) come from the
 * shared vocabulary the screens use too, so a reader sees on paper what they
 * saw in the application.
 */
export interface CourtSummaryLabels {
  title: string;
  /** date-fns pattern for a date and time on the centre's clock. */
  dateTime: string;
  /** date-fns pattern for a calendar date. */
  date: string;
  /** date-fns pattern for a time of day. */
  time: string;
  /** Thousands separator and decimal mark, set by hand: the host's ICU data must not decide the bytes. */
  thousands: string;
  decimal: string;
  /** Decimal units, as drives and operating systems label files. */
  sizeUnits: readonly [string, string, string, string, string];
  hms: (hours: number, minutes: number, seconds: number) => string;
  none: string;
  yes: string;
  no: string;
  // Cover
  profile: string;
  profiles: Record<RedactionProfile, string>;
  profileMeans: Record<RedactionProfile, string>;
  documentNumber: string;
  caseReference: string;
  fileNumbers: string;
  files: Vocabulary['agencyFiles'];
  generated: string;
  generatedBy: string;
  recipient: string;
  purpose: string;
  // The child
  childSection: string;
  childName: string;
  birth: string;
  birthUnknown: string;
  languages: string;
  interpreterNeeded: string;
  interpreterIn: (language: string) => string;
  ageAt: (sequence: number, total: number) => string;
  age: (years: number) => string;
  ageUnknown: string;
  // Interviews
  interviewsSection: string;
  noInterviews: string;
  interviewOf: (sequence: number, total: number) => string;
  status: string;
  statuses: Record<Exclude<InterviewStatus, 'cancelled'>, string>;
  scheduled: string;
  actual: string;
  notHeldYet: string;
  breaks: string;
  noBreaks: string;
  room: string;
  observationRoom: string;
  interviewer: string;
  certification: string;
  certifiedUntil: (date: string) => string;
  /** The certification had run out before the interview day. */
  certificationLapsed: (date: string) => string;
  /** Nothing was on record by the interview; the earliest record is printed. */
  certificationRecordedAfter: (date: string) => string;
  protocol: string;
  protocols: Vocabulary['interviewProtocols'];
  questionsRelayed: string;
  interpreter: string;
  supportPerson: string;
  attendance: string;
  noAttendance: string;
  name: string;
  agency: string;
  role: string;
  where: string;
  arrived: string;
  left: string;
  absentInvited: string;
  notInvited: string;
  agencies: Record<AttendeeFields['agency'], string>;
  roles: Vocabulary['sessionRoles'];
  locations: Vocabulary['sessionLocations'];
  // Recordings
  recordings: string;
  recordingOf: (n: number, total: number, kind: string) => string;
  noRecordings: string;
  recordingKinds: Vocabulary['recordingKinds'];
  fileName: string;
  /** In place of the file name under the redacting profiles. */
  fileNameWithheld: (n: number, total: number) => string;
  format: string;
  size: string;
  bytes: (exact: string) => string;
  duration: string;
  durationUnknown: string;
  registered: string;
  registeredLine: (at: string, by: string) => string;
  lastCheck: string;
  checkOk: (at: string) => string;
  checkFailed: (at: string) => string;
  notChecked: string;
  deleted: string;
  sha256: string;
  custody: string;
  custodyCount: (count: number) => string;
  noCustody: string;
  custodyAt: string;
  custodyBy: string;
  custodyAction: string;
  custodyDetails: string;
  custodyActions: Vocabulary['custodyActions'];
  removalReasons: Vocabulary['removalReasons'];
  // One interview
  oneInterviewSection: string;
  interviewCount: (count: number) => string;
  supplementary: string;
  noSupplementary: string;
  requestOf: (n: number, total: number) => string;
  reason: string;
  reasons: Vocabulary['supplementaryReasons'];
  justification: string;
  requested: string;
  requestState: string;
  requestStates: Vocabulary['supplementaryStates'];
  decision: string;
  decisionLine: (role: string, name: string, at: string) => string;
  noDecision: string;
  deciders: Vocabulary['deciderRoles'];
  sameInterviewer: string;
  note: string;
  usedFor: string;
  usedForInterview: (n: number) => string;
  cancelledInterviews: string;
  noCancelled: string;
  // Follow-up
  followUpSection: string;
  withheld: string;
  leftOutByProfile: string;
  medical: string;
  noExams: string;
  examKind: string;
  examKinds: Vocabulary['examKinds'];
  examStatuses: Vocabulary['examStatuses'];
  examiner: string;
  pendingFollowups: string;
  therapy: string;
  noSessions: string;
  sessionType: string;
  sessionTypes: Vocabulary['therapySessionTypes'];
  therapyAttendance: Vocabulary['therapyAttendance'];
  therapist: string;
  therapyOpen: string;
  therapyClosed: (date: string, reason: string) => string;
  closureReasons: Vocabulary['therapyClosureReasons'];
  referrals: string;
  noReferrals: string;
  service: string;
  serviceName: string;
  serviceKinds: Vocabulary['serviceKinds'];
  sent: string;
  referralStatuses: Vocabulary['referralStatuses'];
  meetings: string;
  noMeetings: string;
  meetingType: string;
  meetingTypes: Vocabulary['meetingTypes'];
  meetingStatuses: Vocabulary['meetingStatuses'];
  when: string;
  minutes: (count: number) => string;
  neverClinical: string;
  // Consents
  consentsSection: string;
  noConsents: string;
  consentScope: string;
  consentDecision: string;
  consentBy: string;
  withdrawn: string;
  consentScopes: Vocabulary['consentScopes'];
  consentDecisions: Vocabulary['consentDecisions'];
  // Signatures
  signaturesSection: string;
  coordinator: string;
  signature: string;
  signedOn: string;
  verifyHint: (documentNumber: string) => string;
  footer: (page: number, pages: number, documentNumber: string, caseReference: string) => string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const en: CourtSummaryLabels = {
  title: 'Court-ready case summary',
  // The short month keeps a date and time on one line of a table column, and every date reads alike.
  dateTime: 'd MMM yyyy, HH:mm',
  date: 'd MMM yyyy',
  time: 'HH:mm',
  thousands: ',',
  decimal: '.',
  sizeUnits: ['bytes', 'kB', 'MB', 'GB', 'TB'],
  hms: (h, m, s) => (h > 0 ? `${h} h ${pad(m)} min ${pad(s)} s` : `${m} min ${pad(s)} s`),
  none: '—',
  yes: 'Yes',
  no: 'No',
  profile: 'Redaction profile',
  profiles: { court: 'Court', mdt: 'Multidisciplinary team', internal: 'Internal (centre file)' },
  profileMeans: {
    court:
      'Leaves out the names of the child and the family (initials only), the day and month of birth, referrals, case review meetings and consents, and all follow-up unless the information-sharing consent stands.',
    mdt: 'Leaves out the day and month of birth, the entries of the chain of custody (only their number is given) and consents, and all follow-up unless the information-sharing consent stands.',
    internal: 'The centre’s own file: leaves out nothing but clinical content (findings, notes, scores, treatment goals), which no document contains.',
  },
  documentNumber: 'Document number',
  caseReference: 'Case reference',
  fileNumbers: 'Other agencies’ file numbers',
  files: vocabulary.en.agencyFiles,
  generated: 'Generated',
  generatedBy: 'Generated by',
  recipient: 'Recipient',
  purpose: 'Purpose',
  childSection: 'The child',
  childName: 'Name',
  birth: 'Born',
  birthUnknown: 'birth date unknown',
  languages: 'Languages spoken',
  interpreterNeeded: 'Interpreter needed',
  interpreterIn: (language) => `Yes, ${language}`,
  ageAt: (sequence, total) => `Age at interview ${sequence} of ${total}`,
  age: (years) => (years === 1 ? '1 year' : `${years} years`),
  ageUnknown: 'unknown (birth date unknown)',
  interviewsSection: 'Forensic interviews',
  noInterviews: 'No forensic interview has been booked or held in this case.',
  interviewOf: (sequence, total) => `Interview ${sequence} of ${total}`,
  status: 'Status',
  statuses: vocabulary.en.interviewStatuses,
  scheduled: 'Scheduled',
  actual: 'Actual start and end',
  notHeldYet: 'not held yet',
  breaks: 'Breaks',
  noBreaks: 'none',
  room: 'Interview room',
  observationRoom: 'Observation room',
  interviewer: 'Interviewer',
  certification: 'Certification',
  certifiedUntil: (date) => `valid until ${date}`,
  certificationLapsed: (date) => `EXPIRED on ${date}, before this interview`,
  certificationRecordedAfter: (date) => `first recorded on ${date}, after this interview`,
  protocol: 'Protocol used',
  protocols: vocabulary.en.interviewProtocols,
  questionsRelayed: 'Questions relayed from the observation room',
  interpreter: 'Interpreter',
  supportPerson: 'Support person',
  attendance: 'Attendance',
  noAttendance: 'No attendance was recorded.',
  name: 'Name',
  agency: 'Agency',
  role: 'Role in the session',
  where: 'Where',
  arrived: 'Arrived',
  left: 'Left',
  absentInvited: 'absent (invited)',
  notInvited: 'not invited',
  agencies: vocabulary.en.attendeeAgencies,
  roles: vocabulary.en.sessionRoles,
  locations: vocabulary.en.sessionLocations,
  recordings: 'Recordings',
  recordingOf: (n, total, kind) => `Recording ${n} of ${total}: ${kind}`,
  noRecordings: 'No recording has been registered for this interview.',
  recordingKinds: vocabulary.en.recordingKinds,
  fileName: 'File name',
  fileNameWithheld: (n, total) => `Recording ${n} of ${total} (the file name is not printed under this profile)`,
  format: 'File format',
  size: 'Size',
  bytes: (exact) => `${exact} bytes`,
  duration: 'Duration',
  durationUnknown: 'unknown',
  registered: 'Registered',
  registeredLine: (at, by) => `${at} by ${by}`,
  lastCheck: 'Last integrity check',
  checkOk: (at) => `${at}: matches its SHA-256`,
  checkFailed: (at) => `${at}: INTEGRITY ALARM, no longer matches its SHA-256`,
  notChecked: 'not checked since registration',
  deleted: 'Deleted under the retention policy',
  sha256: 'SHA-256 hash (taken at registration)',
  custody: 'Chain of custody',
  custodyCount: (count) => `${count} custody ${count === 1 ? 'entry' : 'entries'} (not listed under this profile).`,
  noCustody: 'Nothing logged.',
  custodyAt: 'When',
  custodyBy: 'Who',
  custodyAction: 'Action',
  custodyDetails: 'Details',
  custodyActions: vocabulary.en.custodyActions,
  removalReasons: vocabulary.en.removalReasons,
  oneInterviewSection: 'The one-interview record',
  interviewCount: (count) => `Forensic interviews of this child, booked or held, across all their cases: ${count}.`,
  supplementary: 'Supplementary-interview requests',
  noSupplementary: 'No supplementary interview was requested.',
  requestOf: (n, total) => `request ${n} of ${total}`,
  reason: 'Reason',
  reasons: vocabulary.en.supplementaryReasons,
  justification: 'What makes it necessary',
  requested: 'Requested',
  requestState: 'State',
  requestStates: vocabulary.en.supplementaryStates,
  decision: 'Decision',
  decisionLine: (role, name, at) => `${role} ${name}, ${at}`,
  noDecision: 'not decided yet',
  deciders: vocabulary.en.deciderRoles,
  sameInterviewer: 'The same interviewer conducts it',
  note: 'Note',
  usedFor: 'Used for',
  usedForInterview: (n) => `interview ${n}`,
  cancelledInterviews: 'Cancelled interviews',
  noCancelled: 'No interview was cancelled.',
  followUpSection: 'Medical and therapeutic follow-up',
  withheld:
    'The follow-up is withheld: the information-sharing consent is not given, so what happened after the interview is not shared outside the centre.',
  leftOutByProfile: 'Left out under this redaction profile.',
  medical: 'Medical examinations',
  noExams: 'No medical examination was booked.',
  examKind: 'Kind of examination',
  examKinds: vocabulary.en.examKinds,
  examStatuses: vocabulary.en.examStatuses,
  examiner: 'Examiner',
  pendingFollowups: 'Follow-ups pending',
  therapy: 'Therapy sessions',
  noSessions: 'No therapy session was logged.',
  sessionType: 'Type',
  sessionTypes: vocabulary.en.therapySessionTypes,
  therapyAttendance: vocabulary.en.therapyAttendance,
  therapist: 'Therapist',
  therapyOpen: 'Therapy is ongoing.',
  therapyClosed: (date, reason) => `Therapy closed on ${date}: ${reason}.`,
  closureReasons: vocabulary.en.therapyClosureReasons,
  referrals: 'Referrals to outside services',
  noReferrals: 'No referral was made.',
  service: 'Service',
  serviceName: 'Name of the service',
  serviceKinds: vocabulary.en.serviceKinds,
  sent: 'Sent',
  referralStatuses: vocabulary.en.referralStatuses,
  meetings: 'Case review meetings',
  noMeetings: 'No case review meeting was held or planned.',
  meetingType: 'Type of meeting',
  meetingTypes: vocabulary.en.meetingTypes,
  meetingStatuses: vocabulary.en.meetingStatuses,
  when: 'Date and time',
  minutes: (count) => `${count} min`,
  neverClinical: 'What happened and when only: findings, clinical notes, scores and treatment goals are never part of this document.',
  consentsSection: 'Consents',
  noConsents: 'No consents recorded.',
  consentScope: 'Consent to',
  consentDecision: 'Decision',
  consentBy: 'Given or refused by',
  withdrawn: 'Withdrawn on',
  consentScopes: vocabulary.en.consentScopes,
  consentDecisions: vocabulary.en.consentDecisions,
  signaturesSection: 'Signatures',
  coordinator: 'Case coordinator',
  signature: 'Signature',
  signedOn: 'Date',
  verifyHint: (number) => `The centre keeps the SHA-256 of this file as issued: given the document number ${number}, it can confirm whether a copy is unaltered.`,
  footer: (page, pages, documentNumber, caseReference) => `Page ${page} of ${pages} · ${documentNumber} · ${caseReference}`,
};

const ro: CourtSummaryLabels = {
  title: 'Rezumatul cazului pentru instanță',
  dateTime: 'dd.MM.yyyy, HH:mm',
  date: 'dd.MM.yyyy',
  time: 'HH:mm',
  thousands: '.',
  decimal: ',',
  sizeUnits: ['octeți', 'kB', 'MB', 'GB', 'TB'],
  hms: (h, m, s) => (h > 0 ? `${h} h ${pad(m)} min ${pad(s)} s` : `${m} min ${pad(s)} s`),
  none: '—',
  yes: 'Da',
  no: 'Nu',
  profile: 'Profil de anonimizare',
  profiles: { court: 'Instanță', mdt: 'Echipa multidisciplinară', internal: 'Intern (dosarul centrului)' },
  profileMeans: {
    court:
      'Omite numele copilului și ale familiei (doar inițiale), ziua și luna nașterii, trimiterile, întâlnirile de analiză a cazului și consimțămintele, iar întreaga urmărire ulterioară, dacă nu există consimțământ pentru schimbul de informații.',
    mdt: 'Omite ziua și luna nașterii, înregistrările lanțului de custodie (se dă doar numărul lor) și consimțămintele, iar întreaga urmărire ulterioară, dacă nu există consimțământ pentru schimbul de informații.',
    internal: 'Dosarul propriu al centrului: omite doar conținutul clinic (constatări, note, scoruri, obiective terapeutice), pe care niciun document nu îl cuprinde.',
  },
  documentNumber: 'Numărul documentului',
  caseReference: 'Numărul cazului',
  fileNumbers: 'Numerele dosarelor de la alte instituții',
  files: vocabulary.ro.agencyFiles,
  generated: 'Generat la',
  generatedBy: 'Generat de',
  recipient: 'Destinatar',
  purpose: 'Scopul',
  childSection: 'Copilul',
  childName: 'Nume',
  birth: 'Născut(ă)',
  birthUnknown: 'data nașterii necunoscută',
  languages: 'Limbi vorbite',
  interpreterNeeded: 'Are nevoie de interpret',
  interpreterIn: (language) => `Da, ${language}`,
  ageAt: (sequence, total) => `Vârsta la interviul ${sequence} din ${total}`,
  age: (years) => (years === 1 ? '1 an' : years % 100 >= 20 || years % 100 === 0 ? `${years} de ani` : `${years} ani`),
  ageUnknown: 'necunoscută (data nașterii necunoscută)',
  interviewsSection: 'Interviurile judiciare',
  noInterviews: 'În acest caz nu a fost programat sau efectuat niciun interviu judiciar.',
  interviewOf: (sequence, total) => `Interviul ${sequence} din ${total}`,
  status: 'Stare',
  statuses: vocabulary.ro.interviewStatuses,
  scheduled: 'Programat',
  actual: 'Începutul și sfârșitul efectiv',
  notHeldYet: 'încă neefectuat',
  breaks: 'Pauze',
  noBreaks: 'niciuna',
  room: 'Camera de interviu',
  observationRoom: 'Camera de observare',
  interviewer: 'Intervievator',
  certification: 'Certificare',
  certifiedUntil: (date) => `valabilă până la ${date}`,
  certificationLapsed: (date) => `EXPIRATĂ la ${date}, înainte de acest interviu`,
  certificationRecordedAfter: (date) => `înregistrată prima dată la ${date}, după acest interviu`,
  protocol: 'Protocolul folosit',
  protocols: vocabulary.ro.interviewProtocols,
  questionsRelayed: 'Întrebări transmise din camera de observare',
  interpreter: 'Interpret',
  supportPerson: 'Persoană de sprijin',
  attendance: 'Prezența',
  noAttendance: 'Nu a fost consemnată prezența.',
  name: 'Nume',
  agency: 'Instituția',
  role: 'Rolul la interviu',
  where: 'Unde',
  arrived: 'Sosire',
  left: 'Plecare',
  absentInvited: 'absent (invitat)',
  notInvited: 'neinvitat',
  agencies: vocabulary.ro.attendeeAgencies,
  roles: vocabulary.ro.sessionRoles,
  locations: vocabulary.ro.sessionLocations,
  recordings: 'Înregistrări',
  recordingOf: (n, total, kind) => `Înregistrarea ${n} din ${total}: ${kind}`,
  noRecordings: 'Pentru acest interviu nu a fost luată în evidență nicio înregistrare.',
  recordingKinds: vocabulary.ro.recordingKinds,
  fileName: 'Numele fișierului',
  fileNameWithheld: (n, total) => `Înregistrarea ${n} din ${total} (numele fișierului nu se tipărește în acest profil)`,
  format: 'Formatul fișierului',
  size: 'Dimensiune',
  bytes: (exact) => `${exact} octeți`,
  duration: 'Durată',
  durationUnknown: 'necunoscută',
  registered: 'Luată în evidență',
  registeredLine: (at, by) => `${at}, de către ${by}`,
  lastCheck: 'Ultima verificare a integrității',
  checkOk: (at) => `${at}: corespunde valorii hash SHA-256`,
  checkFailed: (at) => `${at}: ALARMĂ DE INTEGRITATE, nu mai corespunde valorii hash SHA-256`,
  notChecked: 'neverificată de la luarea în evidență',
  deleted: 'Ștearsă conform politicii de păstrare',
  sha256: 'Valoarea hash SHA-256 (calculată la luarea în evidență)',
  custody: 'Lanțul de custodie',
  custodyCount: (count) => (count === 1 ? '1 înregistrare (nelistată în acest profil).' : `${count} înregistrări (nelistate în acest profil).`),
  noCustody: 'Nu a fost consemnat nimic.',
  custodyAt: 'Când',
  custodyBy: 'Cine',
  custodyAction: 'Acțiune',
  custodyDetails: 'Detalii',
  custodyActions: vocabulary.ro.custodyActions,
  removalReasons: vocabulary.ro.removalReasons,
  oneInterviewSection: 'Principiul interviului unic',
  interviewCount: (count) => `Interviuri judiciare ale acestui copil (programate sau efectuate), în toate cazurile sale: ${count}.`,
  supplementary: 'Cereri de interviu suplimentar',
  noSupplementary: 'Nu a fost solicitat niciun interviu suplimentar.',
  requestOf: (n, total) => `cererea ${n} din ${total}`,
  reason: 'Motiv',
  reasons: vocabulary.ro.supplementaryReasons,
  justification: 'De ce este necesar',
  requested: 'Data cererii',
  requestState: 'Stadiu',
  requestStates: vocabulary.ro.supplementaryStates,
  decision: 'Decizie',
  decisionLine: (role, name, at) => `${role} ${name}, la ${at}`,
  noDecision: 'nedecisă încă',
  deciders: vocabulary.ro.deciderRoles,
  sameInterviewer: 'Realizat de același intervievator',
  note: 'Notă',
  usedFor: 'Folosită pentru',
  usedForInterview: (n) => `interviul ${n}`,
  cancelledInterviews: 'Interviuri anulate',
  noCancelled: 'Niciun interviu nu a fost anulat.',
  followUpSection: 'Urmărirea medicală și terapeutică',
  withheld:
    'Urmărirea ulterioară nu este inclusă: nu există consimțământ pentru schimbul de informații, așa că ce s-a întâmplat după interviu nu se comunică în afara centrului.',
  leftOutByProfile: 'Omis în acest profil de anonimizare.',
  medical: 'Examinări medicale',
  noExams: 'Nu a fost programată nicio examinare medicală.',
  examKind: 'Tipul examinării',
  examKinds: vocabulary.ro.examKinds,
  examStatuses: vocabulary.ro.examStatuses,
  examiner: 'Medic examinator',
  pendingFollowups: 'Elemente de urmărire în așteptare',
  therapy: 'Ședințe de terapie',
  noSessions: 'Nu a fost consemnată nicio ședință de terapie.',
  sessionType: 'Tip',
  sessionTypes: vocabulary.ro.therapySessionTypes,
  therapyAttendance: vocabulary.ro.therapyAttendance,
  therapist: 'Terapeut',
  therapyOpen: 'Terapia este în curs.',
  therapyClosed: (date, reason) => `Terapie încheiată la ${date}: ${reason}.`,
  closureReasons: vocabulary.ro.therapyClosureReasons,
  referrals: 'Trimiteri către servicii externe',
  noReferrals: 'Nu a fost făcută nicio trimitere.',
  service: 'Serviciu',
  serviceName: 'Numele serviciului',
  serviceKinds: vocabulary.ro.serviceKinds,
  sent: 'Trimisă la',
  referralStatuses: vocabulary.ro.referralStatuses,
  meetings: 'Întâlniri de analiză a cazului',
  noMeetings: 'Nu a fost planificată sau desfășurată nicio întâlnire de analiză a cazului.',
  meetingType: 'Tipul întâlnirii',
  meetingTypes: vocabulary.ro.meetingTypes,
  meetingStatuses: vocabulary.ro.meetingStatuses,
  when: 'Data și ora',
  minutes: (count) => `${count} min`,
  neverClinical: 'Doar ce s-a întâmplat și când: constatările, notele clinice, scorurile și obiectivele terapeutice nu fac niciodată parte din acest document.',
  consentsSection: 'Consimțăminte',
  noConsents: 'Nu au fost consemnate consimțăminte.',
  consentScope: 'Consimțământ pentru',
  consentDecision: 'Decizie',
  consentBy: 'Acordat sau refuzat de',
  withdrawn: 'Retras la',
  consentScopes: vocabulary.ro.consentScopes,
  consentDecisions: vocabulary.ro.consentDecisions,
  signaturesSection: 'Semnături',
  coordinator: 'Coordonatorul cazului',
  signature: 'Semnătura',
  signedOn: 'Data',
  verifyHint: (number) => `Centrul păstrează valoarea hash SHA-256 a acestui fișier așa cum a fost emis: pe baza numărului documentului ${number} poate confirma dacă o copie este nealterată.`,
  footer: (page, pages, documentNumber, caseReference) => `Pagina ${page} din ${pages} · ${documentNumber} · ${caseReference}`,
};

const bg: CourtSummaryLabels = {
  title: 'Обобщение на случая за съда',
  dateTime: 'dd.MM.yyyy, HH:mm',
  date: 'dd.MM.yyyy',
  time: 'HH:mm',
  thousands: '\u00a0',
  decimal: ',',
  sizeUnits: ['байта', 'kB', 'MB', 'GB', 'TB'],
  hms: (h, m, s) => (h > 0 ? `${h} ч ${pad(m)} мин ${pad(s)} с` : `${m} мин ${pad(s)} с`),
  none: '—',
  yes: 'Да',
  no: 'Не',
  profile: 'Профил на заличаване',
  profiles: { court: 'Съд', mdt: 'Мултидисциплинарен екип', internal: 'Вътрешен (досие на центъра)' },
  profileMeans: {
    court:
      'Не съдържа имената на детето и семейството (само инициали), деня и месеца на раждане, насочванията, срещите за обсъждане на случая и съгласията, а последващите действия — само ако е дадено съгласие за обмен на информация.',
    mdt: 'Не съдържа деня и месеца на раждане, вписванията във веригата на съхранение (посочен е само броят им) и съгласията, а последващите действия — само ако е дадено съгласие за обмен на информация.',
    internal: 'Собственото досие на центъра: не съдържа само клинично съдържание (находки, бележки, резултати, терапевтични цели), което никой документ не включва.',
  },
  documentNumber: 'Номер на документа',
  caseReference: 'Номер на случая',
  fileNumbers: 'Номера на преписки и дела в други институции',
  files: vocabulary.bg.agencyFiles,
  generated: 'Създаден на',
  generatedBy: 'Създаден от',
  recipient: 'Получател',
  purpose: 'Цел',
  childSection: 'Детето',
  childName: 'Име',
  birth: 'Роден(а)',
  birthUnknown: 'датата на раждане не е известна',
  languages: 'Говорими езици',
  interpreterNeeded: 'Нужда от преводач',
  interpreterIn: (language) => `Да, ${language}`,
  ageAt: (sequence, total) => `Възраст при интервю ${sequence} от ${total}`,
  age: (years) => (years === 1 ? '1 година' : `${years} години`),
  ageUnknown: 'неизвестна (датата на раждане не е известна)',
  interviewsSection: 'Съдебни интервюта',
  noInterviews: 'По този случай не е насрочено или проведено съдебно интервю.',
  interviewOf: (sequence, total) => `Интервю ${sequence} от ${total}`,
  status: 'Статус',
  statuses: vocabulary.bg.interviewStatuses,
  scheduled: 'Насрочено за',
  actual: 'Действително начало и край',
  notHeldYet: 'още не е проведено',
  breaks: 'Паузи',
  noBreaks: 'няма',
  room: 'Стая за интервю',
  observationRoom: 'Стая за наблюдение',
  interviewer: 'Интервюиращ',
  certification: 'Сертификат',
  certifiedUntil: (date) => `валиден до ${date}`,
  certificationLapsed: (date) => `ИЗТЕКЪЛ на ${date}, преди това интервю`,
  certificationRecordedAfter: (date) => `вписан за първи път на ${date}, след това интервю`,
  protocol: 'Използван протокол',
  protocols: vocabulary.bg.interviewProtocols,
  questionsRelayed: 'Предадени въпроси от стаята за наблюдение',
  interpreter: 'Преводач',
  supportPerson: 'Лице за подкрепа',
  attendance: 'Присъствие',
  noAttendance: 'Не е вписано присъствие.',
  name: 'Име',
  agency: 'Институция',
  role: 'Роля при интервюто',
  where: 'Къде',
  arrived: 'Пристигане',
  left: 'Тръгване',
  absentInvited: 'отсъства (поканен)',
  notInvited: 'без покана',
  agencies: vocabulary.bg.attendeeAgencies,
  roles: vocabulary.bg.sessionRoles,
  locations: vocabulary.bg.sessionLocations,
  recordings: 'Записи',
  recordingOf: (n, total, kind) => `Запис ${n} от ${total}: ${kind}`,
  noRecordings: 'За това интервю не е регистриран запис.',
  recordingKinds: vocabulary.bg.recordingKinds,
  fileName: 'Име на файла',
  fileNameWithheld: (n, total) => `Запис ${n} от ${total} (името на файла не се отпечатва при този профил)`,
  format: 'Файлов формат',
  size: 'Размер',
  bytes: (exact) => `${exact} байта`,
  duration: 'Продължителност',
  durationUnknown: 'неизвестна',
  registered: 'Регистриран',
  registeredLine: (at, by) => `${at} от ${by}`,
  lastCheck: 'Последна проверка на целостта',
  checkOk: (at) => `${at}: съответства на SHA-256 хеш стойността`,
  checkFailed: (at) => `${at}: ТРЕВОГА ЗА ЦЕЛОСТТА, вече не съответства на SHA-256 хеш стойността`,
  notChecked: 'непроверяван след регистрацията',
  deleted: 'Изтрит съгласно политиката за съхранение',
  sha256: 'SHA-256 хеш стойност (изчислена при регистрацията)',
  custody: 'Верига на съхранение',
  custodyCount: (count) => (count === 1 ? '1 вписване (не се изброява при този профил).' : `${count} вписвания (не се изброяват при този профил).`),
  noCustody: 'Няма вписвания.',
  custodyAt: 'Кога',
  custodyBy: 'Кой',
  custodyAction: 'Действие',
  custodyDetails: 'Подробности',
  custodyActions: vocabulary.bg.custodyActions,
  removalReasons: vocabulary.bg.removalReasons,
  oneInterviewSection: 'Принципът на едно интервю',
  interviewCount: (count) => `Съдебни интервюта на това дете (насрочени или проведени) по всички негови случаи: ${count}.`,
  supplementary: 'Искания за допълнително интервю',
  noSupplementary: 'Не е искано допълнително интервю.',
  requestOf: (n, total) => `искане ${n} от ${total}`,
  reason: 'Причина',
  reasons: vocabulary.bg.supplementaryReasons,
  justification: 'Защо е необходимо',
  requested: 'Поискано на',
  requestState: 'Състояние',
  requestStates: vocabulary.bg.supplementaryStates,
  decision: 'Решение',
  decisionLine: (role, name, at) => `${role} ${name}, на ${at}`,
  noDecision: 'все още няма решение',
  deciders: vocabulary.bg.deciderRoles,
  sameInterviewer: 'Провежда се от същия интервюиращ',
  note: 'Бележка',
  usedFor: 'Използвано за',
  usedForInterview: (n) => `интервю ${n}`,
  cancelledInterviews: 'Отменени интервюта',
  noCancelled: 'Няма отменени интервюта.',
  followUpSection: 'Медицинско и терапевтично проследяване',
  withheld:
    'Проследяването не е включено: няма съгласие за обмен на информация, затова случилото се след интервюто не се споделя извън центъра.',
  leftOutByProfile: 'Не е включено при този профил на заличаване.',
  medical: 'Медицински прегледи',
  noExams: 'Не е насрочен медицински преглед.',
  examKind: 'Вид преглед',
  examKinds: vocabulary.bg.examKinds,
  examStatuses: vocabulary.bg.examStatuses,
  examiner: 'Преглеждащ лекар',
  pendingFollowups: 'Чакащи последващи действия',
  therapy: 'Терапевтични сесии',
  noSessions: 'Не е вписана терапевтична сесия.',
  sessionType: 'Вид',
  sessionTypes: vocabulary.bg.therapySessionTypes,
  therapyAttendance: vocabulary.bg.therapyAttendance,
  therapist: 'Терапевт',
  therapyOpen: 'Терапията продължава.',
  therapyClosed: (date, reason) => `Терапията е приключена на ${date}: ${reason}.`,
  closureReasons: vocabulary.bg.therapyClosureReasons,
  referrals: 'Насочвания към външни услуги',
  noReferrals: 'Няма насочвания.',
  service: 'Услуга',
  serviceName: 'Наименование на услугата',
  serviceKinds: vocabulary.bg.serviceKinds,
  sent: 'Изпратено на',
  referralStatuses: vocabulary.bg.referralStatuses,
  meetings: 'Срещи за обсъждане на случая',
  noMeetings: 'Не е планирана или проведена среща за обсъждане на случая.',
  meetingType: 'Вид среща',
  meetingTypes: vocabulary.bg.meetingTypes,
  meetingStatuses: vocabulary.bg.meetingStatuses,
  when: 'Дата и час',
  minutes: (count) => `${count} мин`,
  neverClinical: 'Само какво се е случило и кога: находките, клиничните бележки, резултатите и терапевтичните цели никога не са част от този документ.',
  consentsSection: 'Съгласия',
  noConsents: 'Няма вписани съгласия.',
  consentScope: 'Съгласие за',
  consentDecision: 'Решение',
  consentBy: 'Дадено или отказано от',
  withdrawn: 'Оттеглено на',
  consentScopes: vocabulary.bg.consentScopes,
  consentDecisions: vocabulary.bg.consentDecisions,
  signaturesSection: 'Подписи',
  coordinator: 'Координатор на случая',
  signature: 'Подпис',
  signedOn: 'Дата',
  verifyHint: (number) => `Центърът пази SHA-256 хеш стойността на този файл във вида, в който е издаден: по номера на документа ${number} може да потвърди дали копие е непроменено.`,
  footer: (page, pages, documentNumber, caseReference) => `Страница ${page} от ${pages} · ${documentNumber} · ${caseReference}`,
};

export const courtSummaryLabels: Record<DocumentLanguage, CourtSummaryLabels> = { en, ro, bg };
