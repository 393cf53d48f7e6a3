import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { BackupAttention } from '../../../shared/contract/methods/backups';
import { isGranted } from '../../../shared/permissions';
import { useSession } from '../api/context';
import { useBackupStatus } from '../backups/useBackupStatus';

const order: (keyof BackupAttention)[] = ['noDestination', 'lastFailed', 'noVerifiedBackupFor26h', 'destinationNearlyFull', 'noRecoveryKey'];
/** A centre with no backup it can restore is one disk failure from losing every child's record: red. */
const severe = new Set<keyof BackupAttention>(['noDestination', 'lastFailed', 'noVerifiedBackupFor26h']);

/** For administrators: what about the backups needs doing, with the way to the Backups page. */
export function BackupWarning() {
  const { t } = useTranslation();
  const { session } = useSession();
  const manages = isGranted('backups.manage', session.user.roles);
  const status = useBackupStatus(manages);
  if (!manages || !status.data) return null;
  const { attention, lastRun } = status.data;
  const raised = order.filter((flag) => attention[flag]);
  if (raised.length === 0) return null;
  const line = (flag: keyof BackupAttention) =>
    flag === 'lastFailed' ? t('backups.attention.lastFailed', { reason: lastRun?.error ?? '' }) : t(`backups.attention.${flag}`);
  return (
    <Alert
      severity={raised.some((flag) => severe.has(flag)) ? 'error' : 'warning'}
      data-testid="backup-warning"
      sx={{ mb: 3 }}
      action={
        <Button color="inherit" size="small" component={RouterLink} to="/backups">
          {t('backups.attention.open')}
        </Button>
      }
    >
      <AlertTitle>{line(raised[0]!)}</AlertTitle>
      {raised.slice(1).map((flag) => (
        <div key={flag}>{line(flag)}</div>
      ))}
    </Alert>
  );
}
