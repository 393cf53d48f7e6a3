/**
 * The categories intake records. They follow the national statistics (see
 * ../shared/domain.md, seed 001) so that police, prosecution and child
 * protection count the same cases the same way. Append only: stored values
 * are these ids, and renaming one would orphan every record that holds it.
 */
export const referralSources = [
  'police',
  'mother',
  'father',
  'relative',
  'neighbour',
  'friend',
  'stranger',
  'child_self',
  'another_child',
  'child_helpline',
  'health',
  'school',
  'social_services',
  'ngo',
  'court_prosecutor',
  'other',
] as const;
export type ReferralSource = (typeof referralSources)[number];

export const violenceTypes = [
  'physical',
  'sexual',
  'psychological',
  'neglect',
  'cyber',
  'witnessing_domestic',
  'trafficking',
] as const;
export type ViolenceType = (typeof violenceTypes)[number];

export const places = ['home', 'school', 'acquaintances', 'street', 'institution', 'online', 'other'] as const;
export type Place = (typeof places)[number];

/**
 * Who the alleged perpetrator is to the child, as the national reports count
 * it (father, mother, step-parent, relative, neighbour or acquaintance, another
 * child, teacher, caretaker in a residential service, stranger, other), plus
 * "unknown" while nobody is named. Listed in the reports' order; step_parent
 * came later (migration 018), so stored values stay valid.
 */
export const perpetratorRelationships = [
  'father',
  'mother',
  'step_parent',
  'relative',
  'neighbour_acquaintance',
  'another_child',
  'teacher',
  'residential_caretaker',
  'stranger',
  'other',
  'unknown',
] as const;
export type PerpetratorRelationship = (typeof perpetratorRelationships)[number];

/** Emergency: the child may be in danger now; the initial assessment cannot wait for its 72 hours. */
export const urgencies = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof urgencies)[number];

export const genders = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof genders)[number];

/** How an adult stands to the child in one case. */
export const relationships = [
  'mother',
  'father',
  'step_parent',
  'grandparent',
  'sibling',
  'other_relative',
  'foster_carer',
  'legal_guardian',
  'residential_carer',
  'other',
] as const;
export type Relationship = (typeof relationships)[number];

/**
 * The statistics category of an adult of the case named as the alleged
 * perpetrator, so the case-level category and the person's relationship say
 * the same thing. A foster carer or a legal guardian who is not a parent has
 * no category of their own in the reports.
 */
export const perpetratorCategoryOf: Record<Relationship, PerpetratorRelationship> = {
  mother: 'mother',
  father: 'father',
  step_parent: 'step_parent',
  grandparent: 'relative',
  sibling: 'relative',
  other_relative: 'relative',
  foster_carer: 'other',
  legal_guardian: 'other',
  residential_carer: 'residential_caretaker',
  other: 'other',
};

/** Common signs of child trafficking and exploitation (IOM / UNODC checklists), for frontline staff. */
export const traffickingIndicators = [
  'no_documents',
  'controlled_by_others',
  'works_or_begs',
  'owes_debt',
  'moved_often',
  'older_partner',
  'unexplained_money',
  'commercial_sexual_exploitation',
  'goes_missing',
  'not_in_school',
  'lives_at_work',
  'fears_authorities',
] as const;
export type TraffickingIndicator = (typeof traffickingIndicators)[number];

export const consentScopes = ['information_sharing', 'medical_exam', 'therapy'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const consentDecisions = ['given', 'refused'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

/**
 * What the host does when medical or therapy work is recorded without a
 * current consent to it: refuse it (the default) or accept it and keep the
 * warning on screen. One rule for both disciplines, chosen by the centre.
 */
export const careConsentRules = ['refuse', 'warn'] as const;
export type CareConsentRule = (typeof careConsentRules)[number];

/** The life of a case, in order; 'closed' is left by reopening only. */
export const caseStatuses = ['referral', 'initial_assessment', 'planning', 'interview', 'follow_up', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const openStatuses = caseStatuses.filter((s): s is Exclude<CaseStatus, 'closed'> => s !== 'closed');
export type OpenStatus = (typeof openStatuses)[number];

export const legalOutcomes = [
  'no_prosecution',
  'dismissed_lack_of_evidence',
  'acquittal',
  'conviction_on_admission',
  'conviction',
] as const;
export type LegalOutcome = (typeof legalOutcomes)[number];

/** The other agencies' own numbers for the same matter. */
export const agencyFiles = ['policeFile', 'prosecutorFile', 'courtFile', 'childProtectionFile'] as const;
export type AgencyFile = (typeof agencyFiles)[number];

export const taskKinds = ['anti_trafficking_referral'] as const;
export type TaskKind = (typeof taskKinds)[number];

/** Age groups of the national statistics. */
export const ageGroups = ['0-3', '4-7', '8-11', '12-16', '17-18'] as const;
export type AgeGroup = (typeof ageGroups)[number];
