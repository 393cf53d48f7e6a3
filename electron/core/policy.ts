import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SecurityPolicy } from '../../shared/contract/methods/security';
import { roles as allRoles, type Role } from '../../shared/permissions';

export function readPolicy(db: Database): SecurityPolicy {
  const row = db.prepare('SELECT idle_lock_seconds, totp_required_roles, blind_interviewer, version FROM security_policy WHERE id = 1').get() as {
    idle_lock_seconds: number;
    totp_required_roles: string;
    blind_interviewer: number;
    version: number;
  };
  const required = (JSON.parse(row.totp_required_roles) as string[]).filter((r): r is Role => (allRoles as readonly string[]).includes(r));
  return { idleLockSeconds: row.idle_lock_seconds, totpRequiredRoles: required, blindInterviewer: row.blind_interviewer === 1, version: row.version };
}

export function totpRequiredFor(policy: SecurityPolicy, userRoles: readonly Role[]): boolean {
  return userRoles.some((role) => policy.totpRequiredRoles.includes(role));
}
