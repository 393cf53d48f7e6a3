import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgress, BackupStatus } from '../../../shared/contract/methods/backups';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../components/format';
import { FormError, Notice } from '../forms/FormFeedback';
import { refusalMessage } from './refusal';
import { useSize } from '../interviews/recordings/parts';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupSetsTable } from './BackupSetsTable';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { backupsKey, useBackupStatus } from './useBackupStatus';

export function BackupsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const manages = isGranted('backups.manage', session.user.roles);
  const status = useBackupStatus(manages);
  if (!manages) return <Notice severity="warning">{t('backups.notAllowed')}</Notice>;
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <PageHeader title={t('backups.title')} subtitle={t('backups.intro')} />
      <QueryState query={status}>{(data) => <BackupsContent status={data} />}</QueryState>
    </Box>
  );
}

function BackupsContent({ status }: { status: BackupStatus }) {
  return (
    <Stack spacing={3}>
      <RunPanel status={status} />
      <BackupSetsTable status={status} />
      <RecoveryKeyPanel status={status} />
      <BackupSettingsForm status={status} />
    </Stack>
  );
}

function RunPanel({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const format = useFormat();
  const [failure, setFailure] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setFailure(null);
    setStarting(true);
    try {
      await api.call('backups.run', {});
    } catch (error) {
      setFailure(refusalMessage(t, error));
    } finally {
      setStarting(false);
      await queryClient.invalidateQueries({ queryKey: backupsKey });
    }
  };
  const { lastRun, running } = status;
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <div>
          <Typography data-testid="backup-last-verified">
            {status.lastVerifiedAt ? t('backups.run.lastVerified', { at: format.dateTime(status.lastVerifiedAt) }) : t('backups.run.neverVerified')}
          </Typography>
          {lastRun?.outcome === 'ok' && (
            <Typography variant="body2" color="text.secondary">
              {t('backups.run.lastOk', { at: format.dateTime(lastRun.startedAt) })}
            </Typography>
          )}
        </div>
        <Button variant="contained" onClick={() => void start()} disabled={starting || running !== null || status.settings.destination === null}>
          {t('backups.run.now')}
        </Button>
      </Stack>
      {running && <RunningProgress running={running} />}
      {lastRun?.outcome === 'failed' && !running && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="backup-last-failed">
          {t('backups.run.lastFailed', { at: format.dateTime(lastRun.startedAt), error: lastRun.error })}
        </Alert>
      )}
      {status.destinationProblem && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {status.destinationProblem}
        </Alert>
      )}
      <FormError message={failure} />
    </Paper>
  );
}

function RunningProgress({ running }: { running: BackupProgress }) {
  const { t } = useTranslation();
  const size = useSize();
  const share = running.bytesTotal > 0 ? Math.min(100, (running.bytes / running.bytesTotal) * 100) : null;
  const label = running.task === 'verify' ? t('backups.run.verifying', { set: running.set ?? '' }) : t('backups.run.backingUp');
  return (
    <Box sx={{ mt: 2 }} data-testid="backup-running">
      <Typography variant="body2">
        {label}
        {running.phase ? ` · ${t(`backups.run.phases.${running.phase}`)}` : ''}
      </Typography>
      <LinearProgress variant={share === null ? 'indeterminate' : 'determinate'} value={share ?? 0} aria-label={label} sx={{ my: 1 }} />
      {running.filesTotal > 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('backups.run.progress', { files: running.files, filesTotal: running.filesTotal, bytes: size(running.bytes), bytesTotal: size(running.bytesTotal) })}
        </Typography>
      )}
    </Box>
  );
}
