/**
 * The words of the interview work, as stored and sent. Screens and documents
 * translate them by value (shared/i18n/vocabulary.ts, renderer locales
 * `interviews.*`).
 */
export const roomKinds = ['interview', 'observation', 'medical'] as const;
export type RoomKind = (typeof roomKinds)[number];

export const interviewProtocols = ['nichd', 'nichd_revised', 'cognitive', 'peace', 'other'] as const;
export type InterviewProtocol = (typeof interviewProtocols)[number];

/** Who may be invited to watch or take part. */
export const invitedAgencies = [
  'police',
  'prosecutor',
  'judge',
  'defence',
  'child_lawyer',
  'child_protection',
  'medical',
  'therapist',
] as const;
export type InvitedAgency = (typeof invitedAgencies)[number];

/** Who may be on an interview's attendance: the invited agencies, the centre's own staff, an interpreter, the family. */
export const attendeeAgencies = [...invitedAgencies, 'barnahus', 'interpreter_service', 'family'] as const;
export type AttendeeAgency = (typeof attendeeAgencies)[number];

export const interviewStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

export const sessionRoles = ['interviewer', 'observer', 'judge', 'defence', 'interpreter', 'support_person', 'technician'] as const;
export type SessionRole = (typeof sessionRoles)[number];

export const sessionLocations = ['interview_room', 'observation_room', 'video_link'] as const;
export type SessionLocation = (typeof sessionLocations)[number];

export const disclosureOutcomes = ['full', 'partial', 'none', 'not_assessed'] as const;
export type DisclosureOutcome = (typeof disclosureOutcomes)[number];

export const supplementaryReasons = ['new_disclosure', 'defence_request', 'incomplete_first', 'new_allegation', 'other'] as const;
export type SupplementaryReason = (typeof supplementaryReasons)[number];

export const deciderRoles = ['prosecutor', 'police_lawyer', 'judge'] as const;
export type DeciderRole = (typeof deciderRoles)[number];

export const supplementaryStates = ['pending', 'approved', 'refused'] as const;
export type SupplementaryState = (typeof supplementaryStates)[number];

export const recordingKinds = ['main_video', 'second_camera', 'audio'] as const;
export type RecordingKind = (typeof recordingKinds)[number];

export const copyMedia = ['usb_drive', 'encrypted_drive', 'dvd', 'blu_ray', 'secure_transfer'] as const;
export type CopyMedium = (typeof copyMedia)[number];

export const custodyActions = [
  'registered',
  'viewed',
  'copied',
  'returned',
  'verified',
  'integrity_failed',
  'removal_requested',
  'removal_approved',
  'removal_refused',
  'withdrawn',
  'deleted',
] as const;
export type CustodyAction = (typeof custodyActions)[number];

/** Why a recording may be removed; the requester adds words of their own. */
export const removalReasons = ['registered_by_mistake', 'wrong_case', 'retention_ended'] as const;
export type RemovalReason = (typeof removalReasons)[number];

/** An upload registered by mistake may be withdrawn by its uploader alone, this long after registering it. */
export const WITHDRAW_WINDOW_MS = 15 * 60 * 1000;

/** Why a slot cannot be booked; the screen words each one. */
export const slotConflictKinds = [
  'room',
  'observation_room',
  'interviewer',
  'interpreter',
  'child',
  'closed_day',
  'outside_hours',
  'buffer',
  'daily_limit',
  'room_kind',
  'not_interviewer',
  /** A medical exam's examiner is busy (with another exam) then. */
  'examiner',
] as const;
export type SlotConflictKind = (typeof slotConflictKinds)[number];

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
