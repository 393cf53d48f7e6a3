import type { ConsentDecision, ConsentScope } from '../../../shared/cases/categories';
import type { DocumentLanguage, RedactionProfile } from '../../../shared/documents/profiles';
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
import type { AttendeeFields } from '../../../shared/contract/interview-records';

/**
 * Everything a court summary prints, already cut to the redaction profile and
 * to what the issuer may see: the renderer decides layout and words only,
 * never what is shown. Timestamps are ISO strings (UTC); the renderer prints
 * them on the centre's clock. Plain data, so the same data renders the same
 * bytes.
 */
export interface CourtSummaryData {
  language: DocumentLanguage;
  profile: RedactionProfile;
  documentNumber: string;
  generatedAt: Date;
  generatedBy: { name: string; jobTitle: string };
  /** The centre's zone (IANA): times print as the centre's wall clock showed them. */
  timeZone: string;
  centreName: string;
  recipient: string;
  purpose: string;
  caseReference: string;
  /** '' where the agency has not given one. */
  fileNumbers: { policeFile: string; prosecutorFile: string; courtFile: string; childProtectionFile: string };
  child: {
    /** The full name, or initials under the court profile. */
    name: string;
    /** 'YYYY-MM-DD', or 'YYYY' when the profile shows only the year; null when unknown. */
    birth: string | null;
    languages: string[];
    interpreterNeeded: boolean;
    interpreterLanguage: string;
  };
  /** Interviews not cancelled, in order. */
  interviews: SummaryInterview[];
  oneInterview: {
    /** The child's forensic interviews (not cancelled) across all their cases. */
    count: number;
    supplementary: SummarySupplementary[];
    cancelled: { scheduledStart: string; reason: string }[];
  };
  followUp: SummaryFollowUp;
  /** The internal profile only; null otherwise. */
  consents: { scope: ConsentScope; decision: ConsentDecision; byName: string; at: string; withdrawnAt: string | null }[] | null;
  signatures: { coordinator: string | null; interviewer: string | null };
}

export interface SummaryInterview {
  /** 1 for the child's first forensic interview. */
  sequence: number;
  status: Exclude<InterviewStatus, 'cancelled'>;
  scheduledStart: string;
  scheduledEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  breaks: { start: string; end: string }[];
  room: string;
  observationRoom: string | null;
  /** The certification on record at the interview's start, not today's. */
  interviewer: {
    name: string;
    certification: string;
    certifiedUntil: string | null;
    /** The certification had expired before the interview day. */
    lapsed: boolean;
    /** When nothing was on record by the interview: the moment the earliest record was made (ISO); else null. */
    recordedAfter: string | null;
  };
  /** Null until held. */
  protocol: InterviewProtocol | null;
  questionsRelayed: boolean | null;
  interpreter: { name: string; language: string } | null;
  /** Initials under the court profile. */
  supportPerson: string;
  /** The child's age on the day (actual start, or the scheduled one); null when the birth date is unknown. */
  childAge: number | null;
  /** Invited-but-absent included (absent: true). Family names are initials under the court profile. */
  attendance: {
    name: string;
    agency: AttendeeFields['agency'];
    role: SessionRole;
    location: SessionLocation;
    arrivedAt: string | null;
    leftAt: string | null;
    absent: boolean;
    invited: boolean;
  }[];
  recordings: SummaryRecording[];
}

export interface SummaryRecording {
  kind: RecordingKind;
  /** As uploaded under the internal profile; null (withheld) under the others, which print "Recording 1 of 2" and the format. */
  fileName: string | null;
  format: string;
  size: number;
  durationSeconds: number | null;
  sha256: string;
  registeredAt: string;
  registeredBy: string;
  deletedAt: string | null;
  lastCheck: { at: string; ok: boolean } | null;
  /** Every entry, oldest first; null when the profile prints only the count. */
  custody: { at: string; by: string; action: CustodyAction; recipient: string; recipientAgency: string; medium: string; purpose: string; note: string }[] | null;
  custodyCount: number;
}

export interface SummarySupplementary {
  reason: SupplementaryReason;
  details: string;
  requestedAt: string;
  requestedBy: string;
  state: 'pending' | 'approved' | 'refused';
  decision: { deciderRole: DeciderRole; deciderName: string; decidedAt: string; sameInterviewer: boolean; note: string } | null;
  /** The sequence number of the interview the approval was used for. */
  usedFor: number | null;
}

export interface SummaryFollowUp {
  /** Why the follow-up is left out altogether; null when it is printed (as far as the parts below allow). */
  withheld: 'no_sharing_consent' | null;
  /** Each part is null when the profile leaves it out. Never findings, notes, scores or goals. */
  medical: { kind: ExamKind; status: ExamStatus; startsAt: string; performedAt: string | null; examiner: string; pendingFollowups: number }[] | null;
  therapy: {
    sessions: { startsAt: string; durationMinutes: number; type: TherapySessionType; attendance: TherapyAttendance; therapist: string }[];
    closed: { at: string; reason: TherapyClosureReason } | null;
  } | null;
  referrals: { service: ServiceKind; serviceName: string; sentAt: string; status: ReferralStatus }[] | null;
  meetings: { type: MeetingType; startsAt: string; status: MeetingStatus }[] | null;
}
