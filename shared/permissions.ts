/**
 * Roles and permissions. Deny by default: a role grants exactly the
 * permissions listed here, and every contract method names one permission.
 * Case-scoped methods are further limited by need to know (see caseAccess in
 * electron/core/access.ts): holding `cases.read` is not seeing every case.
 *
 * Two access levels are not permissions of a role:
 * - `public`: callable without a session (first-run setup, sign-in);
 * - `signed-in`: any valid session, whatever its roles.
 */
export const roles = [
  'administrator',
  'coordinator',
  'forensic_interviewer',
  'police',
  'prosecutor',
  'child_protection',
  'medical',
  'therapist',
] as const;
export type Role = (typeof roles)[number];

export const agencies = [
  'police',
  'prosecution',
  'court',
  'child_protection',
  'medical',
  'therapy',
  'barnahus_staff',
  'interpreter_service',
  'other',
] as const;
export type Agency = (typeof agencies)[number];

export const permissions = [
  'centre.manage',
  'users.manage',
  'security.manage',
  'audit.read',
  'audit.case',
  'users.directory',
  'cases.create',
  'cases.read',
  'cases.update',
  'cases.restrict',
  'cases.team',
  'cases.interview',
  'cases.tasks',
  'consents.record',
  'notes.write',
  'notes.medical',
  'notes.therapy',
  'schedule.manage',
  'interviews.schedule',
  'interviews.decide',
  'interviews.remarks',
  'recordings.manage',
  'recordings.view',
  'recordings.remove',
  'cases.legalHold',
  'evidence.store',
  'medical.schedule',
  'meetings.manage',
  'referrals.manage',
  'documents.issue',
  'backups.manage',
] as const;
export type RolePermission = (typeof permissions)[number];

export type AccessLevel = 'public' | 'signed-in';
export type Permission = AccessLevel | RolePermission;

/** What each permission allows, for docs/permissions.md and the screens that explain a refusal. */
export const permissionDescriptions: Record<RolePermission, string> = {
  'centre.manage': "Change the centre's settings",
  'users.manage': 'Create, edit, disable accounts; reset passwords and two-factor; sign a user out everywhere',
  'security.manage': 'Set the idle lock, which roles need two-factor sign-in, and the blind-interviewer rule',
  'audit.read': 'Read, verify and export the whole audit log',
  'audit.case': 'See who opened a case they may see ("Who saw this case?")',
  'users.directory': 'List colleagues (name, agency, roles) to put them on a case team',
  'cases.create': 'Open a new case',
  'cases.read': 'See the cases one is entitled to (team member; coordinators: all unrestricted)',
  'cases.update': "Edit a case's referral, people and file numbers, and move it through its statuses",
  'cases.restrict': 'Mark a case restricted (then even coordinators need an explicit assignment)',
  'cases.team': "Assign and remove the case team",
  'cases.interview': 'Record that the forensic interview took place',
  'cases.tasks': "Resolve a case's tasks (such as the referral to the national anti-trafficking mechanism)",
  'consents.record': 'Record consents given, refused or withdrawn by the child and guardians',
  'notes.write': 'Add general notes to a case one can see',
  'notes.medical': 'Read and write medical notes, examination findings and medical follow-up',
  'notes.therapy': 'Read and write therapy notes; log sessions and assessments, keep the treatment plan',
  'schedule.manage': 'Manage rooms, interpreters, interviewer certifications, working hours, closed days and the scheduling rules',
  'interviews.schedule': 'Book, move and cancel forensic interviews, ask for a supplementary interview, record attendance',
  'interviews.decide': "Record the prosecutor's or police lawyer's decision on a supplementary interview",
  'interviews.remarks': "Read the interviewer's remarks in the interview record",
  'recordings.manage': 'Register interview recordings; log copies handed out and returned; withdraw an upload of one\'s own registered by mistake (15 minutes, unseen)',
  'recordings.view': 'Play interview recordings of the cases one may see, re-check their hash, read their custody log',
  'recordings.remove': "Ask for a recording's removal, or approve or refuse someone else's request (two people, never under legal hold or with copies out)",
  'evidence.store': 'Check the evidence store for files no recording names (left by a crash) and see what the quarantine holds',
  'cases.legalHold': "Put a case under legal hold or lift it, with a reason: nothing of the case's evidence is removed while it holds",
  'medical.schedule': 'Book, move and cancel medical examinations',
  'meetings.manage': 'Plan case review meetings, record who attended, the agenda, decisions and action items; see the meeting statistics',
  'referrals.manage': 'Record referrals to outside services and follow them up',
  'documents.issue': "Issue a case's court-ready summary (PDF) and download issued ones again",
  'backups.manage': 'Choose where and when backups are made and how many are kept, back up now, verify a backup, create the recovery key',
};

const caseWork: RolePermission[] = ['cases.read', 'notes.write'];

export const rolePermissions: Record<Role, readonly RolePermission[]> = {
  administrator: ['centre.manage', 'users.manage', 'security.manage', 'audit.read', 'audit.case', 'schedule.manage', 'evidence.store', 'backups.manage'],
  coordinator: [
    ...caseWork,
    'cases.create',
    'cases.update',
    'cases.restrict',
    'cases.team',
    'cases.interview',
    'cases.tasks',
    'consents.record',
    'users.directory',
    'audit.case',
    'schedule.manage',
    'interviews.schedule',
    'interviews.decide',
    'interviews.remarks',
    'recordings.manage',
    'recordings.view',
    'recordings.remove',
    'cases.legalHold',
    'medical.schedule',
    'meetings.manage',
    'referrals.manage',
    'documents.issue',
  ],
  forensic_interviewer: [...caseWork, 'cases.interview', 'interviews.remarks', 'recordings.view'],
  police: [...caseWork, 'interviews.remarks', 'recordings.view'],
  prosecutor: [...caseWork, 'interviews.decide', 'interviews.remarks', 'recordings.view', 'recordings.remove', 'cases.legalHold', 'documents.issue'],
  child_protection: [...caseWork, 'cases.tasks', 'consents.record', 'referrals.manage'],
  medical: [...caseWork, 'notes.medical', 'consents.record', 'medical.schedule', 'referrals.manage'],
  therapist: [...caseWork, 'notes.therapy', 'consents.record', 'referrals.manage'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<RolePermission> {
  return new Set(userRoles.flatMap((role) => rolePermissions[role]));
}

export function isGranted(permission: Permission, userRoles: readonly Role[] | null): boolean {
  if (permission === 'public') return true;
  if (userRoles === null) return false;
  if (permission === 'signed-in') return true;
  return permissionsOf(userRoles).has(permission);
}

/** Notes by discipline: therapy and medical notes are for their own discipline only. */
export const noteDisciplines = ['general', 'medical', 'therapy'] as const;
export type NoteDiscipline = (typeof noteDisciplines)[number];

const disciplinePermission: Record<NoteDiscipline, RolePermission> = {
  general: 'notes.write',
  medical: 'notes.medical',
  therapy: 'notes.therapy',
};

/** Whether these roles may read what a note of this discipline says (everyone on the team sees that it exists). */
export function mayReadNote(discipline: NoteDiscipline, userRoles: readonly Role[]): boolean {
  return discipline === 'general' ? isGranted('cases.read', userRoles) : isGranted(disciplinePermission[discipline], userRoles);
}

export function mayWriteNote(discipline: NoteDiscipline, userRoles: readonly Role[]): boolean {
  return isGranted(disciplinePermission[discipline], userRoles);
}
