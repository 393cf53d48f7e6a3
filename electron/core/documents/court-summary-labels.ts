import type { ConsentDecision, ConsentScope } from '../../../shared/cases/categories';
import type { AttendeeFields } from '../../../shared/contract/interview-records';
import type { RedactionProfile } from '../../../shared/documents/profiles';
import type {
  ExamKind,
  ExamStatus,
  MeetingStatus,
  MeetingType,
  ReferralStatus,
  ServiceKind,
  TherapyAttendance,
  TherapyClosureReason,
  TherapySessionType,
} from '../../../shared/followup/categories';
import type {
  CustodyAction,
  DeciderRole,
  InterviewProtocol,
  InterviewStatus,
  RecordingKind,
  SessionLocation,
  SessionRole,
  SupplementaryReason,
} from '../../../shared/interviews/categories';
import type { DocumentLanguage } from './pdf';

/**
 * The words of the court-ready case summary in each language the centre
 * works in. The names of things (agencies, roles, protocols…) are those the
 * screens use, so a reader sees on paper what they saw in the application.
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
  files: { policeFile: string; prosecutorFile: string; courtFile: string; childProtectionFile: string };
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
  protocol: string;
  protocols: Record<InterviewProtocol, string>;
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
  roles: Record<SessionRole, string>;
  locations: Record<SessionLocation, string>;
  // Recordings
  recordings: string;
  recordingOf: (n: number, total: number, kind: string) => string;
  noRecordings: string;
  recordingKinds: Record<RecordingKind, string>;
  fileName: string;
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
  custodyActions: Record<CustodyAction, string>;
  // One interview
  oneInterviewSection: string;
  interviewCount: (count: number) => string;
  supplementary: string;
  noSupplementary: string;
  requestOf: (n: number, total: number) => string;
  reason: string;
  reasons: Record<SupplementaryReason, string>;
  justification: string;
  requested: string;
  requestState: string;
  requestStates: Record<'pending' | 'approved' | 'refused', string>;
  decision: string;
  decisionLine: (role: string, name: string, at: string) => string;
  noDecision: string;
  deciders: Record<DeciderRole, string>;
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
  examKinds: Record<ExamKind, string>;
  examStatuses: Record<ExamStatus, string>;
  examiner: string;
  pendingFollowups: string;
  therapy: string;
  noSessions: string;
  sessionType: string;
  sessionTypes: Record<TherapySessionType, string>;
  therapyAttendance: Record<TherapyAttendance, string>;
  therapist: string;
  therapyOpen: string;
  therapyClosed: (date: string, reason: string) => string;
  closureReasons: Record<TherapyClosureReason, string>;
  referrals: string;
  noReferrals: string;
  service: string;
  serviceName: string;
  serviceKinds: Record<ServiceKind, string>;
  sent: string;
  referralStatuses: Record<ReferralStatus, string>;
  meetings: string;
  noMeetings: string;
  meetingType: string;
  meetingTypes: Record<MeetingType, string>;
  meetingStatuses: Record<MeetingStatus, string>;
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
  consentScopes: Record<ConsentScope, string>;
  consentDecisions: Record<ConsentDecision, string>;
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
  files: { policeFile: 'Police file', prosecutorFile: 'Prosecutor’s file', courtFile: 'Court file', childProtectionFile: 'Child-protection file' },
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
  statuses: { scheduled: 'Booked', held: 'Held' },
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
  protocol: 'Protocol used',
  protocols: { nichd: 'NICHD', nichd_revised: 'Revised NICHD', cognitive: 'Cognitive interview', peace: 'PEACE', other: 'Other' },
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
  agencies: {
    police: 'Police investigator',
    prosecutor: 'Prosecutor',
    judge: 'Judge',
    defence: 'Defence counsel',
    child_lawyer: 'Child’s lawyer / guardian ad litem',
    child_protection: 'Child protection',
    medical: 'Medical',
    therapist: 'Therapist',
    barnahus: 'Barnahus',
    interpreter_service: 'Interpreter',
    family: 'Family / support',
  },
  roles: {
    interviewer: 'Interviewer',
    observer: 'Observer',
    judge: 'Judge',
    defence: 'Defence',
    interpreter: 'Interpreter',
    support_person: 'Support person',
    technician: 'Technician',
  },
  locations: { interview_room: 'Interview room', observation_room: 'Observation room', video_link: 'Remote video link' },
  recordings: 'Recordings',
  recordingOf: (n, total, kind) => `Recording ${n} of ${total}: ${kind}`,
  noRecordings: 'No recording has been registered for this interview.',
  recordingKinds: { main_video: 'Main video', second_camera: 'Second camera', audio: 'Audio only' },
  fileName: 'File name',
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
  custodyActions: {
    registered: 'Registered',
    viewed: 'Viewed',
    copied: 'Copied',
    returned: 'Returned',
    verified: 'Integrity checked',
    integrity_failed: 'Integrity alarm',
    deleted: 'Deleted',
  },
  oneInterviewSection: 'The one-interview record',
  interviewCount: (count) => `Forensic interviews of this child, booked or held, across all their cases: ${count}.`,
  supplementary: 'Supplementary-interview requests',
  noSupplementary: 'No supplementary interview was requested.',
  requestOf: (n, total) => `request ${n} of ${total}`,
  reason: 'Reason',
  reasons: {
    new_disclosure: 'New disclosure',
    defence_request: 'Defence request after charges',
    incomplete_first: 'First interview incomplete',
    new_allegation: 'New allegation',
    other: 'Other',
  },
  justification: 'What makes it necessary',
  requested: 'Requested',
  requestState: 'State',
  requestStates: { pending: 'Awaiting decision', approved: 'Approved', refused: 'Refused' },
  decision: 'Decision',
  decisionLine: (role, name, at) => `${role} ${name}, ${at}`,
  noDecision: 'not decided yet',
  deciders: { prosecutor: 'Prosecutor', police_lawyer: 'Police lawyer', judge: 'Judge' },
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
  examKinds: {
    forensic: 'Forensic examination',
    paediatric: 'Paediatric examination',
    gynaecological: 'Gynaecological examination',
    follow_up: 'Follow-up examination',
  },
  examStatuses: { scheduled: 'Booked', held: 'Held', cancelled: 'Cancelled' },
  examiner: 'Examiner',
  pendingFollowups: 'Follow-ups pending',
  therapy: 'Therapy sessions',
  noSessions: 'No therapy session was logged.',
  sessionType: 'Type',
  sessionTypes: {
    crisis_intervention: 'Crisis intervention',
    trauma_focused: 'Trauma-focused therapy',
    family: 'Family session',
    group: 'Group session',
    psychoeducation: 'Psychoeducation',
    play_therapy: 'Play therapy',
    other: 'Other',
  },
  therapyAttendance: { planned: 'Planned', attended: 'Attended', cancelled: 'Cancelled', no_show: 'No-show' },
  therapist: 'Therapist',
  therapyOpen: 'Therapy is ongoing.',
  therapyClosed: (date, reason) => `Therapy closed on ${date}: ${reason}.`,
  closureReasons: {
    goals_met: 'Goals met',
    family_withdrew: 'The family withdrew',
    referred_elsewhere: 'Referred elsewhere',
    moved_away: 'Moved away',
    no_engagement: 'No engagement',
    other: 'Other',
  },
  referrals: 'Referrals to outside services',
  noReferrals: 'No referral was made.',
  service: 'Service',
  serviceName: 'Name of the service',
  serviceKinds: {
    shelter: 'Shelter',
    mental_health: 'Mental health',
    school_support: 'School support',
    anti_trafficking: 'Anti-trafficking',
    perpetrator_programme: 'Perpetrator programme',
    social_assistance: 'Social assistance',
    legal_aid: 'Legal aid',
    medical_specialist: 'Medical specialist',
    family_support: 'Family support',
    other: 'Other',
  },
  sent: 'Sent',
  referralStatuses: { sent: 'Sent', accepted: 'Accepted', in_progress: 'In progress', done: 'Done', declined: 'Declined' },
  meetings: 'Case review meetings',
  noMeetings: 'No case review meeting was held or planned.',
  meetingType: 'Type of meeting',
  meetingTypes: { initial_signal: 'Initial signal', follow_up: 'Follow-up / case work', crisis_intervention: 'Crisis intervention' },
  meetingStatuses: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' },
  when: 'Date and time',
  minutes: (count) => `${count} min`,
  neverClinical: 'What happened and when only: findings, clinical notes, scores and treatment goals are never part of this document.',
  consentsSection: 'Consents',
  noConsents: 'No consents recorded.',
  consentScope: 'Consent to',
  consentDecision: 'Decision',
  consentBy: 'Given or refused by',
  withdrawn: 'Withdrawn on',
  consentScopes: { information_sharing: 'Sharing information between agencies', medical_exam: 'Medical examination', therapy: 'Therapy' },
  consentDecisions: { given: 'Given', refused: 'Refused' },
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
  files: { policeFile: 'Dosarul poliției', prosecutorFile: 'Dosarul penal (parchet)', courtFile: 'Dosarul instanței', childProtectionFile: 'Dosarul DGASPC (protecția copilului)' },
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
  statuses: { scheduled: 'Programat', held: 'Efectuat' },
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
  protocol: 'Protocolul folosit',
  protocols: { nichd: 'Protocolul NICHD', nichd_revised: 'Protocolul NICHD revizuit', cognitive: 'Interviul cognitiv', peace: 'Modelul PEACE', other: 'Altul' },
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
  agencies: {
    police: 'Polițist anchetator',
    prosecutor: 'Procuror',
    judge: 'Judecător',
    defence: 'Avocatul apărării',
    child_lawyer: 'Avocatul copilului / curator special',
    child_protection: 'Protecția copilului',
    medical: 'Personal medical',
    therapist: 'Terapeut',
    barnahus: 'Personal Barnahus',
    interpreter_service: 'Interpret',
    family: 'Familie / persoană de sprijin',
  },
  roles: {
    interviewer: 'Intervievator',
    observer: 'Observator',
    judge: 'Judecător',
    defence: 'Apărare',
    interpreter: 'Interpret',
    support_person: 'Persoană de sprijin',
    technician: 'Tehnician',
  },
  locations: { interview_room: 'Camera de interviu', observation_room: 'Camera de observare', video_link: 'Legătură video la distanță' },
  recordings: 'Înregistrări',
  recordingOf: (n, total, kind) => `Înregistrarea ${n} din ${total}: ${kind}`,
  noRecordings: 'Pentru acest interviu nu a fost luată în evidență nicio înregistrare.',
  recordingKinds: { main_video: 'Video principal', second_camera: 'A doua cameră', audio: 'Doar audio' },
  fileName: 'Numele fișierului',
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
  custodyActions: {
    registered: 'Luată în evidență',
    viewed: 'Vizionată',
    copied: 'Copiată',
    returned: 'Copie restituită',
    verified: 'Integritate verificată',
    integrity_failed: 'Alarmă de integritate',
    deleted: 'Fișier șters',
  },
  oneInterviewSection: 'Principiul interviului unic',
  interviewCount: (count) => `Interviuri judiciare ale acestui copil (programate sau efectuate), în toate cazurile sale: ${count}.`,
  supplementary: 'Cereri de interviu suplimentar',
  noSupplementary: 'Nu a fost solicitat niciun interviu suplimentar.',
  requestOf: (n, total) => `cererea ${n} din ${total}`,
  reason: 'Motiv',
  reasons: {
    new_disclosure: 'Dezvăluire nouă',
    defence_request: 'Cerere a apărării după punerea în mișcare a acțiunii penale',
    incomplete_first: 'Primul interviu a fost incomplet',
    new_allegation: 'Acuzație nouă',
    other: 'Alt motiv',
  },
  justification: 'De ce este necesar',
  requested: 'Data cererii',
  requestState: 'Stadiu',
  requestStates: { pending: 'În așteptarea deciziei', approved: 'Aprobată', refused: 'Respinsă' },
  decision: 'Decizie',
  decisionLine: (role, name, at) => `${role} ${name}, la ${at}`,
  noDecision: 'nedecisă încă',
  deciders: { prosecutor: 'Procuror', police_lawyer: 'Consilier juridic al poliției', judge: 'Judecător' },
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
  examKinds: {
    forensic: 'Examinare medico-legală',
    paediatric: 'Examinare pediatrică',
    gynaecological: 'Examinare ginecologică',
    follow_up: 'Examinare de control',
  },
  examStatuses: { scheduled: 'Programată', held: 'Efectuată', cancelled: 'Anulată' },
  examiner: 'Medic examinator',
  pendingFollowups: 'Elemente de urmărire în așteptare',
  therapy: 'Ședințe de terapie',
  noSessions: 'Nu a fost consemnată nicio ședință de terapie.',
  sessionType: 'Tip',
  sessionTypes: {
    crisis_intervention: 'Intervenție în criză',
    trauma_focused: 'Terapie centrată pe traumă',
    family: 'Ședință de familie',
    group: 'Ședință de grup',
    psychoeducation: 'Psihoeducație',
    play_therapy: 'Terapie prin joc',
    other: 'Altceva',
  },
  therapyAttendance: { planned: 'Planificată', attended: 'Efectuată', cancelled: 'Anulată', no_show: 'Neprezentare' },
  therapist: 'Terapeut',
  therapyOpen: 'Terapia este în curs.',
  therapyClosed: (date, reason) => `Terapie încheiată la ${date}: ${reason}.`,
  closureReasons: {
    goals_met: 'Obiective atinse',
    family_withdrew: 'Familia s-a retras',
    referred_elsewhere: 'Trimis în altă parte',
    moved_away: 'S-a mutat',
    no_engagement: 'Lipsă de implicare',
    other: 'Altul',
  },
  referrals: 'Trimiteri către servicii externe',
  noReferrals: 'Nu a fost făcută nicio trimitere.',
  service: 'Serviciu',
  serviceName: 'Numele serviciului',
  serviceKinds: {
    shelter: 'Adăpost',
    mental_health: 'Sănătate mintală',
    school_support: 'Sprijin școlar',
    anti_trafficking: 'Combaterea traficului de persoane',
    perpetrator_programme: 'Program pentru agresori',
    social_assistance: 'Asistență socială',
    legal_aid: 'Asistență juridică',
    medical_specialist: 'Medic specialist',
    family_support: 'Sprijin pentru familie',
    other: 'Altul',
  },
  sent: 'Trimisă la',
  referralStatuses: { sent: 'Trimisă', accepted: 'Acceptată', in_progress: 'În curs', done: 'Finalizată', declined: 'Refuzată' },
  meetings: 'Întâlniri de analiză a cazului',
  noMeetings: 'Nu a fost planificată sau desfășurată nicio întâlnire de analiză a cazului.',
  meetingType: 'Tipul întâlnirii',
  meetingTypes: { initial_signal: 'Semnal inițial', follow_up: 'Monitorizare / lucru pe caz', crisis_intervention: 'Intervenție în criză' },
  meetingStatuses: { planned: 'Planificată', held: 'Desfășurată', cancelled: 'Anulată' },
  when: 'Data și ora',
  minutes: (count) => `${count} min`,
  neverClinical: 'Doar ce s-a întâmplat și când: constatările, notele clinice, scorurile și obiectivele terapeutice nu fac niciodată parte din acest document.',
  consentsSection: 'Consimțăminte',
  noConsents: 'Nu au fost consemnate consimțăminte.',
  consentScope: 'Consimțământ pentru',
  consentDecision: 'Decizie',
  consentBy: 'Acordat sau refuzat de',
  withdrawn: 'Retras la',
  consentScopes: { information_sharing: 'Schimbul de informații între instituții', medical_exam: 'Examinare medicală', therapy: 'Terapie' },
  consentDecisions: { given: 'Acordat', refused: 'Refuzat' },
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
  files: { policeFile: 'Полицейска преписка', prosecutorFile: 'Прокурорска преписка', courtFile: 'Съдебно дело', childProtectionFile: 'Досие в отдел „Закрила на детето“' },
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
  statuses: { scheduled: 'Насрочено', held: 'Проведено' },
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
  protocol: 'Използван протокол',
  protocols: { nichd: 'Протокол NICHD', nichd_revised: 'Ревизиран протокол NICHD', cognitive: 'Когнитивно интервю', peace: 'Модел PEACE', other: 'Друг' },
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
  agencies: {
    police: 'Разследващ полицай',
    prosecutor: 'Прокурор',
    judge: 'Съдия',
    defence: 'Защитник',
    child_lawyer: 'Адвокат на детето / особен представител',
    child_protection: 'Закрила на детето',
    medical: 'Медицински персонал',
    therapist: 'Терапевт',
    barnahus: 'Служители на Barnahus',
    interpreter_service: 'Преводач',
    family: 'Семейство / лице за подкрепа',
  },
  roles: {
    interviewer: 'Интервюиращ',
    observer: 'Наблюдател',
    judge: 'Съдия',
    defence: 'Защита',
    interpreter: 'Преводач',
    support_person: 'Лице за подкрепа',
    technician: 'Техник',
  },
  locations: { interview_room: 'Стая за интервю', observation_room: 'Стая за наблюдение', video_link: 'Отдалечена видеовръзка' },
  recordings: 'Записи',
  recordingOf: (n, total, kind) => `Запис ${n} от ${total}: ${kind}`,
  noRecordings: 'За това интервю не е регистриран запис.',
  recordingKinds: { main_video: 'Основно видео', second_camera: 'Втора камера', audio: 'Само звук' },
  fileName: 'Име на файла',
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
  custodyActions: {
    registered: 'Регистриран',
    viewed: 'Прегледан',
    copied: 'Копиран',
    returned: 'Върнато копие',
    verified: 'Проверена цялост',
    integrity_failed: 'Тревога за целостта',
    deleted: 'Изтрит',
  },
  oneInterviewSection: 'Принципът на едно интервю',
  interviewCount: (count) => `Съдебни интервюта на това дете (насрочени или проведени) по всички негови случаи: ${count}.`,
  supplementary: 'Искания за допълнително интервю',
  noSupplementary: 'Не е искано допълнително интервю.',
  requestOf: (n, total) => `искане ${n} от ${total}`,
  reason: 'Причина',
  reasons: {
    new_disclosure: 'Ново разкриване',
    defence_request: 'Искане на защитата след повдигане на обвинение',
    incomplete_first: 'Първото интервю е непълно',
    new_allegation: 'Ново твърдение за насилие',
    other: 'Друга причина',
  },
  justification: 'Защо е необходимо',
  requested: 'Поискано на',
  requestState: 'Състояние',
  requestStates: { pending: 'Очаква решение', approved: 'Одобрено', refused: 'Отказано' },
  decision: 'Решение',
  decisionLine: (role, name, at) => `${role} ${name}, на ${at}`,
  noDecision: 'все още няма решение',
  deciders: { prosecutor: 'Прокурор', police_lawyer: 'Юрисконсулт на полицията', judge: 'Съдия' },
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
  examKinds: {
    forensic: 'Съдебномедицински преглед',
    paediatric: 'Педиатричен преглед',
    gynaecological: 'Гинекологичен преглед',
    follow_up: 'Контролен преглед',
  },
  examStatuses: { scheduled: 'Насрочен', held: 'Проведен', cancelled: 'Отменен' },
  examiner: 'Преглеждащ лекар',
  pendingFollowups: 'Чакащи последващи действия',
  therapy: 'Терапевтични сесии',
  noSessions: 'Не е вписана терапевтична сесия.',
  sessionType: 'Вид',
  sessionTypes: {
    crisis_intervention: 'Кризисна интервенция',
    trauma_focused: 'Фокусирана върху травмата терапия',
    family: 'Семейна сесия',
    group: 'Групова сесия',
    psychoeducation: 'Психообучение',
    play_therapy: 'Терапия чрез игра',
    other: 'Друго',
  },
  therapyAttendance: { planned: 'Планирана', attended: 'Проведена', cancelled: 'Отменена', no_show: 'Неявяване' },
  therapist: 'Терапевт',
  therapyOpen: 'Терапията продължава.',
  therapyClosed: (date, reason) => `Терапията е приключена на ${date}: ${reason}.`,
  closureReasons: {
    goals_met: 'Целите са постигнати',
    family_withdrew: 'Семейството се оттегли',
    referred_elsewhere: 'Насочено другаде',
    moved_away: 'Преместване',
    no_engagement: 'Липса на ангажираност',
    other: 'Друго',
  },
  referrals: 'Насочвания към външни услуги',
  noReferrals: 'Няма насочвания.',
  service: 'Услуга',
  serviceName: 'Наименование на услугата',
  serviceKinds: {
    shelter: 'Приют',
    mental_health: 'Психично здраве',
    school_support: 'Подкрепа в училище',
    anti_trafficking: 'Противодействие на трафика',
    perpetrator_programme: 'Програма за извършители',
    social_assistance: 'Социално подпомагане',
    legal_aid: 'Правна помощ',
    medical_specialist: 'Медицински специалист',
    family_support: 'Подкрепа за семейството',
    other: 'Друго',
  },
  sent: 'Изпратено на',
  referralStatuses: { sent: 'Изпратено', accepted: 'Прието', in_progress: 'В процес', done: 'Приключено', declined: 'Отказано' },
  meetings: 'Срещи за обсъждане на случая',
  noMeetings: 'Не е планирана или проведена среща за обсъждане на случая.',
  meetingType: 'Вид среща',
  meetingTypes: { initial_signal: 'Първоначален сигнал', follow_up: 'Проследяване / работа по случая', crisis_intervention: 'Кризисна интервенция' },
  meetingStatuses: { planned: 'Планирана', held: 'Проведена', cancelled: 'Отменена' },
  when: 'Дата и час',
  minutes: (count) => `${count} мин`,
  neverClinical: 'Само какво се е случило и кога: находките, клиничните бележки, резултатите и терапевтичните цели никога не са част от този документ.',
  consentsSection: 'Съгласия',
  noConsents: 'Няма вписани съгласия.',
  consentScope: 'Съгласие за',
  consentDecision: 'Решение',
  consentBy: 'Дадено или отказано от',
  withdrawn: 'Оттеглено на',
  consentScopes: { information_sharing: 'Обмен на информация между институциите', medical_exam: 'Медицински преглед', therapy: 'Терапия' },
  consentDecisions: { given: 'Дадено', refused: 'Отказано' },
  signaturesSection: 'Подписи',
  coordinator: 'Координатор на случая',
  signature: 'Подпис',
  signedOn: 'Дата',
  verifyHint: (number) => `Центърът пази SHA-256 хеш стойността на този файл във вида, в който е издаден: по номера на документа ${number} може да потвърди дали копие е непроменено.`,
  footer: (page, pages, documentNumber, caseReference) => `Страница ${page} от ${pages} · ${documentNumber} · ${caseReference}`,
};

export const courtSummaryLabels: Record<DocumentLanguage, CourtSummaryLabels> = { en, ro, bg };
