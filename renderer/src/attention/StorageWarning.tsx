import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { useSize } from '../interviews/recordings/parts';

/**
 * For administrators: the host's data volume is running out. Once it is full
 * nothing can be saved or even read (every call writes its audit entry), so
 * the warning comes while there is still time to act. Files the evidence
 * store set aside after a crash are theirs to look at too.
 */
export function StorageWarning() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const size = useSize();
  const manages = isGranted('centre.manage', session.user.roles);
  const space = useQuery({ queryKey: ['centre', 'storage'], queryFn: () => api.call('centre.storage', {}), enabled: manages, refetchInterval: 10 * 60_000 });
  if (!manages || !space.data) return null;
  const { freeBytes, totalBytes, low, quarantine } = space.data;
  return (
    <>
      {low && (
        <Alert severity={freeBytes < totalBytes * 0.02 ? 'error' : 'warning'} data-testid="storage-warning" sx={{ mb: 3 }}>
          <AlertTitle>{t('dashboard.storage.title', { free: size(freeBytes), total: size(totalBytes) })}</AlertTitle>
          {t('dashboard.storage.body')}
        </Alert>
      )}
      {quarantine.count > 0 && (
        <Alert severity="warning" data-testid="quarantine-warning" sx={{ mb: 3 }}>
          <AlertTitle>{t('dashboard.storage.quarantineTitle', { count: quarantine.count, size: size(quarantine.bytes) })}</AlertTitle>
          {t('dashboard.storage.quarantineBody')}
        </Alert>
      )}
    </>
  );
}
