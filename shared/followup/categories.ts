/**
 * The words of the follow-up work (medical, therapy, case review meetings,
 * referrals), as stored and sent. Screens and documents translate them by
 * value (shared/i18n/vocabulary.ts, renderer locales `medical.*`, `therapy.*`,
 * `meetings.*`, `referrals.*`).
 */

// ── Medical ──────────────────────────────────────────────────────────────

export const examStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type ExamStatus = (typeof examStatuses)[number];

export const examKinds = ['forensic', 'paediatric', 'gynaecological', 'follow_up'] as const;
export type ExamKind = (typeof examKinds)[number];

export const medicalFollowupKinds = ['laboratory_test', 'imaging', 'specialist_referral', 'treatment', 'vaccination', 'other'] as const;
export type MedicalFollowupKind = (typeof medicalFollowupKinds)[number];

// ── Therapy ──────────────────────────────────────────────────────────────

export const therapySessionTypes = [
  'crisis_intervention',
  'trauma_focused',
  'family',
  'group',
  'psychoeducation',
  'play_therapy',
  'other',
] as const;
export type TherapySessionType = (typeof therapySessionTypes)[number];

/** Planned until it happens; then attended, cancelled (with notice) or a no-show. */
export const therapyAttendance = ['planned', 'attended', 'cancelled', 'no_show'] as const;
export type TherapyAttendance = (typeof therapyAttendance)[number];

export const goalStates = ['open', 'achieved', 'dropped'] as const;
export type GoalState = (typeof goalStates)[number];

export const therapyClosureReasons = ['goals_met', 'family_withdrew', 'referred_elsewhere', 'moved_away', 'no_engagement', 'other'] as const;
export type TherapyClosureReason = (typeof therapyClosureReasons)[number];

/** This many no-shows in a row, most recent first, put the child on the "needs attention" list. */
export const NO_SHOW_ALERT = 2;

// ── Case review meetings ─────────────────────────────────────────────────

/** The three meeting types of the Bulgarian Coordination Mechanism (seed 001), counted the same way by every institution. */
export const meetingTypes = ['initial_signal', 'follow_up', 'crisis_intervention'] as const;
export type MeetingType = (typeof meetingTypes)[number];

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** Who sits on a case review meeting (seed 001: child protection, police, the pedagogical room, GPs, schools, courts, NGOs…). */
export const meetingAgencies = [
  'child_protection',
  'police',
  'prosecution',
  'court',
  'medical',
  'therapy',
  'education',
  'municipality',
  'ngo',
  'barnahus_staff',
  'other',
] as const;
export type MeetingAgency = (typeof meetingAgencies)[number];

export const actionItemStates = ['open', 'done'] as const;
export type ActionItemState = (typeof actionItemStates)[number];

// ── Referrals ────────────────────────────────────────────────────────────

export const serviceKinds = [
  'shelter',
  'mental_health',
  'school_support',
  'anti_trafficking',
  'perpetrator_programme',
  'social_assistance',
  'legal_aid',
  'medical_specialist',
  'family_support',
  'other',
] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** Who the referral is for: the child, the family, or one adult of the case (a perpetrator programme). */
export const referralSubjects = ['child', 'family', 'adult'] as const;
export type ReferralSubject = (typeof referralSubjects)[number];

export const consentBases = ['consent', 'legal_duty', 'child_protection_emergency', 'court_order'] as const;
export type ConsentBasis = (typeof consentBases)[number];

export const referralStatuses = ['sent', 'accepted', 'in_progress', 'done', 'declined'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Where a referral may go next: forward along the path, or declined by the service while not done. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'in_progress', 'declined'],
  accepted: ['in_progress', 'done', 'declined'],
  in_progress: ['done', 'declined'],
  done: [],
  declined: [],
};

export const closedReferralStatuses: readonly ReferralStatus[] = ['done', 'declined'];

// ── Needs attention ──────────────────────────────────────────────────────

export const attentionKinds = [
  'deadline',
  'task',
  'action_item',
  'referral',
  'therapy_no_shows',
  'therapy_review',
  'medical_followup',
  'medical_exam_unrecorded',
] as const;
export type AttentionKind = (typeof attentionKinds)[number];
