import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, clockTimeSchema } from '../../../shared/contract';
import type { BackupSettings, BackupStatus } from '../../../shared/contract/methods/backups';
import { useApi } from '../api/context';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { useSize } from '../interviews/recordings/parts';
import { backupsKey } from './useBackupStatus';

const keep = z.coerce.number<string | number>().int().min(1).max(365);
const schema = z.object({
  destination: z.string().trim().min(1),
  scheduleEnabled: z.boolean(),
  scheduleTime: clockTimeSchema,
  daily: keep,
  weekly: keep,
  monthly: keep,
});
type Values = z.input<typeof schema>;

const valuesOf = (s: BackupSettings): Values => ({
  destination: s.destination ?? '',
  scheduleEnabled: s.scheduleEnabled,
  scheduleTime: s.scheduleTime,
  daily: s.retention.daily,
  weekly: s.retention.weekly,
  monthly: s.retention.monthly,
});

const fields = new Set(['destination', 'scheduleEnabled', 'scheduleTime']);

/** Destination, daily time and retention, saved with the version read (a stale one is refused and the other version shown). */
export function BackupSettingsForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const size = useSize();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(status.settings.version);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: valuesOf(status.settings) });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setNotice(null);
    try {
      const saved = await api.call('backups.configure', {
        destination: values.destination,
        scheduleEnabled: values.scheduleEnabled,
        scheduleTime: values.scheduleTime,
        retention: { daily: values.daily, weekly: values.weekly, monthly: values.monthly },
        version,
      });
      setVersion(saved.version);
      form.reset(valuesOf(saved));
      setNotice('saved');
    } catch (error) {
      const current = error instanceof ApiError && error.code === 'conflict' ? (error.details as { current?: BackupSettings } | undefined)?.current : undefined;
      if (current) {
        setVersion(current.version);
        form.reset(valuesOf(current));
        setNotice('conflict');
        return;
      }
      setFailure(
        applyServerError(error, form.setError, t, (path) => {
          if (path[0] === 'retention' && (path[1] === 'daily' || path[1] === 'weekly' || path[1] === 'monthly')) return path[1];
          return typeof path[0] === 'string' && fields.has(path[0]) ? (path[0] as 'destination') : null;
        }),
      );
    } finally {
      await queryClient.invalidateQueries({ queryKey: backupsKey });
    }
  });

  const space = status.destinationSpace;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="backup-settings-title" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2" id="backup-settings-title">
        {t('backups.settings.title')}
      </Typography>
      {space && (
        <Typography color={space.low ? 'error' : 'text.secondary'} data-testid="backup-space" sx={{ mt: 0.5 }}>
          {t(space.low ? 'backups.settings.spaceLow' : 'backups.settings.space', { free: size(space.freeBytes), total: size(space.totalBytes) })}
        </Typography>
      )}
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="destination" label={t('backups.settings.destination')} helperText={t('backups.settings.destinationHelp')} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <FormCheckbox control={form.control} name="scheduleEnabled" label={t('backups.settings.scheduleEnabled')} />
          <Box sx={{ width: { sm: 260 } }}>
            <FormTextField control={form.control} name="scheduleTime" label={t('backups.settings.scheduleTime')} />
          </Box>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormTextField control={form.control} name="daily" type="number" label={t('backups.settings.keepDaily')} />
          <FormTextField control={form.control} name="weekly" type="number" label={t('backups.settings.keepWeekly')} />
          <FormTextField control={form.control} name="monthly" type="number" label={t('backups.settings.keepMonthly')} />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('backups.settings.retentionHelp')}
        </Typography>
        {notice === 'saved' && <Notice severity="success">{t('backups.settings.saved')}</Notice>}
        {notice === 'conflict' && <Notice severity="warning">{t('backups.settings.conflict')}</Notice>}
        <FormError message={failure} />
        <SubmitButton submitting={form.formState.isSubmitting}>{t('common.save')}</SubmitButton>
      </form>
    </Paper>
  );
}
