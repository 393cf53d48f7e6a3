import type { AgencyFile, ConsentDecision, ConsentScope, PerpetratorRelationship, Relationship } from '../cases/categories';
import type {
  ActionItemState,
  ExamKind,
  ExamStatus,
  MeetingAgency,
  MeetingStatus,
  MeetingType,
  ReferralStatus,
  ServiceKind,
  TherapyAttendance,
  TherapyClosureReason,
  TherapySessionType,
} from '../followup/categories';
import type {
  AttendeeAgency,
  CustodyAction,
  DeciderRole,
  InterviewProtocol,
  InterviewStatus,
  RecordingKind,
  RemovalReason,
  SessionLocation,
  SessionRole,
  SupplementaryReason,
  SupplementaryState,
} from '../interviews/categories';
import { bg } from './bg';
import { en } from './en';
import { ro } from './ro';

/**
 * The words for the values the centre stores (agencies, roles, kinds,
 * statuses…), once per language. The screens (renderer locales) and the
 * documents (court summary, meeting minutes) both take them from here, so a
 * reader sees on paper what they saw in the application. Every map is keyed by
 * its enum: a new value is a compile error until each language words it.
 *
 * Only the names of things belong here; sentences and phrasing that fit one
 * screen or one document stay with that screen or document.
 */
export interface Vocabulary {
  // Interviews
  interviewStatuses: Record<InterviewStatus, string>;
  interviewProtocols: Record<InterviewProtocol, string>;
  attendeeAgencies: Record<AttendeeAgency, string>;
  sessionRoles: Record<SessionRole, string>;
  sessionLocations: Record<SessionLocation, string>;
  supplementaryReasons: Record<SupplementaryReason, string>;
  supplementaryStates: Record<SupplementaryState, string>;
  deciderRoles: Record<DeciderRole, string>;
  recordingKinds: Record<RecordingKind, string>;
  custodyActions: Record<CustodyAction, string>;
  removalReasons: Record<RemovalReason, string>;
  // Medical
  examKinds: Record<ExamKind, string>;
  examStatuses: Record<ExamStatus, string>;
  // Therapy
  therapySessionTypes: Record<TherapySessionType, string>;
  therapyAttendance: Record<TherapyAttendance, string>;
  therapyClosureReasons: Record<TherapyClosureReason, string>;
  // Case review meetings
  meetingTypes: Record<MeetingType, string>;
  meetingStatuses: Record<MeetingStatus, string>;
  meetingAgencies: Record<MeetingAgency, string>;
  actionItemStates: Record<ActionItemState, string>;
  // Referrals
  serviceKinds: Record<ServiceKind, string>;
  referralStatuses: Record<ReferralStatus, string>;
  // Cases
  consentScopes: Record<ConsentScope, string>;
  consentDecisions: Record<ConsentDecision, string>;
  agencyFiles: Record<AgencyFile, string>;
  /** How an adult stands to the child in a case. */
  relationships: Record<Relationship, string>;
  /** The alleged perpetrator's category in the national statistics. */
  perpetrators: Record<PerpetratorRelationship, string>;
}

/** The languages the centre works in (the interface's and the documents'). */
export type VocabularyLanguage = 'en' | 'ro' | 'bg';

export const vocabulary: Record<VocabularyLanguage, Vocabulary> = { en, ro, bg };
