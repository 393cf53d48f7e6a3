import { readBackupSettings, checkDestination, updateBackupSettings } from '../backup/settings';
import { createRecoveryKey } from '../backup/recovery';
import { AppError } from '../errors';
import { dataFolders } from '../storage';
import { callerOf, defineHandler } from './types';

export const backupsHandlers = {
  'backups.status': defineHandler('backups.status', {
    run: (_input, ctx) => ctx.backups.status(ctx.now),
  }),

  'backups.configure': defineHandler('backups.configure', {
    run(input, ctx) {
      const destination = checkDestination(input.destination, dataFolders(ctx));
      ctx.note({ detail: `destination ${destination}, daily at ${input.scheduleTime} ${input.scheduleEnabled ? 'on' : 'off'}, keep ${input.retention.daily}/${input.retention.weekly}/${input.retention.monthly}` });
      if (!updateBackupSettings(ctx.db, { ...input, destination })) {
        throw new AppError('conflict', 'Someone else changed the backup settings since you opened them.', { current: readBackupSettings(ctx.db).settings });
      }
      ctx.emit({ entity: 'backup', action: 'updated' });
      return readBackupSettings(ctx.db).settings;
    },
  }),

  'backups.run': defineHandler('backups.run', {
    run(_input, ctx) {
      const started = ctx.backups.startBackup('manual', callerOf(ctx).userId);
      ctx.note({ detail: `manual backup started at ${started.startedAt}` });
      return started;
    },
  }),

  'backups.verify': defineHandler('backups.verify', {
    run(input, ctx) {
      ctx.note({ record: `backup-set:${input.set}` });
      return ctx.backups.startVerify(input.set);
    },
  }),

  'backups.createRecoveryKey': defineHandler('backups.createRecoveryKey', {
    run(input, ctx) {
      const me = callerOf(ctx);
      const user = ctx.db.prepare('SELECT display_name FROM users WHERE id = ?').get(me.userId) as { display_name: string };
      const created = createRecoveryKey(ctx.db, input, { userId: me.userId, displayName: user.display_name }, ctx.now);
      // The fingerprint identifies the key; the key itself never reaches the audit log.
      ctx.note({
        record: `recovery-key:${created.fingerprint}`,
        detail: created.replaced ? `replaced recovery key ${created.replaced}: ${input.reason ?? ''}` : 'first recovery key',
      });
      ctx.emit({ entity: 'backup', action: 'updated' });
      const { replaced: _replaced, ...answer } = created;
      return answer;
    },
  }),
};
