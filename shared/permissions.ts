/**
 * Roles and permissions. Deny by default: a role grants exactly the
 * permissions listed here, and every contract method names one permission.
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

export const permissions = ['centre.manage'] as const;
export type RolePermission = (typeof permissions)[number];

export type AccessLevel = 'public' | 'signed-in';
export type Permission = AccessLevel | RolePermission;

export const rolePermissions: Record<Role, readonly RolePermission[]> = {
  administrator: ['centre.manage'],
  coordinator: [],
  forensic_interviewer: [],
  police: [],
  prosecutor: [],
  child_protection: [],
  medical: [],
  therapist: [],
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
