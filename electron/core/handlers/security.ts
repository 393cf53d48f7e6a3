import { AppError } from '../errors';
import { readPolicy } from '../policy';
import { defineHandler } from './types';

export const securityHandlers = {
  'security.getPolicy': defineHandler('security.getPolicy', {
    run: (_input, ctx) => readPolicy(ctx.db),
  }),

  'security.updatePolicy': defineHandler('security.updatePolicy', {
    run(input, ctx) {
      const { changes } = ctx.db
        .prepare(
          `UPDATE security_policy SET idle_lock_seconds = ?, totp_required_roles = ?, blind_interviewer = ?, version = version + 1
            WHERE id = 1 AND version = ?`,
        )
        .run(input.idleLockSeconds, JSON.stringify([...new Set(input.totpRequiredRoles)]), input.blindInterviewer ? 1 : 0, input.version);
      if (changes === 0) throw new AppError('conflict', 'Someone else changed the security settings since you opened them.', { current: readPolicy(ctx.db) });
      ctx.emit({ entity: 'policy', action: 'updated', id: 1 });
      return readPolicy(ctx.db);
    },
  }),
};
