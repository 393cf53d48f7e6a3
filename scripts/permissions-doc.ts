// Writes docs/permissions.md from the code: npm run docs:permissions
// tests/unit/permissions-doc.test.ts fails when the committed file is out of date.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contract, methodNames } from '../shared/contract';
import { permissionDescriptions, permissions, rolePermissions, roles } from '../shared/permissions';

export const PERMISSIONS_DOC = fileURLToPath(new URL('../docs/permissions.md', import.meta.url));

function isCaseScoped(input: unknown): boolean {
  const shape = (input as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && 'caseId' in shape;
}

export function renderPermissionsDoc(): string {
  const lines: string[] = [
    '# Permissions',
    '',
    'Generated from `shared/permissions.ts` and `shared/contract` by `npm run docs:permissions`;',
    '`tests/unit/permissions-doc.test.ts` fails when this file is out of date. Do not edit by hand.',
    '',
    '## What each role may do',
    '',
    'Deny by default: a role has exactly the permissions ticked here. A user may hold several roles.',
    '',
    `| permission | ${roles.join(' | ')} | what it allows |`,
    `|---|${roles.map(() => ':-:').join('|')}|---|`,
    ...permissions.map((p) => `| \`${p}\` | ${roles.map((r) => (rolePermissions[r].includes(p) ? '✓' : '')).join(' | ')} | ${permissionDescriptions[p]} |`),
    '',
    '## Need to know',
    '',
    'Methods marked *case* act on one case and pass a second check after the permission:',
    '',
    '- the case team sees the case; coordinators also see every case that is not restricted;',
    '- a restricted case is seen only by its team, coordinators included (lists show "Restricted" instead of the name);',
    '- anyone else gets **404**, exactly as for an id that does not exist, so guessing ids reveals nothing;',
    '- with the centre\'s blind-interviewer rule on, a forensic interviewer on the team sees no summary and no notes',
    '  until the interview is recorded as done;',
    '- therapy and medical notes show their text only to therapists and medical staff; the rest of the team sees',
    '  that a note exists, who wrote it and when.',
    '',
    'A session that must change its password or enrol in two-factor sign-in may call only `auth.*` and',
    '`account.*` until it has; a locked session only `auth.unlock`, `auth.lock` and `auth.logout`.',
    '',
    '## Every method',
    '',
    '*public*: no session needed. *signed-in*: any session. Audit: *every call* is logged, successes and refusals;',
    '*refusals*: only 401/403/404/423/429 answers are logged.',
    '',
    '| method | permission | case | audit | what it does |',
    '|---|---|:-:|---|---|',
    ...methodNames.map((name) => {
      const spec = contract[name];
      return `| \`${name}\` | ${spec.permission} | ${isCaseScoped(spec.input) ? 'case' : ''} | ${spec.audit === 'every-call' ? 'every call' : 'refusals'} | ${spec.summary.replaceAll('|', '\\|')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  fs.writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
  console.log(`wrote ${PERMISSIONS_DOC}`);
}
