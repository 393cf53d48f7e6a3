import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/context';

export const backupsKey = ['backups', 'status'] as const;

/** While a backup or verification runs, ask every 2 s (progress is not pushed); otherwise change events refresh it. */
export function useBackupStatus(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: backupsKey,
    queryFn: () => api.call('backups.status', {}),
    enabled,
    refetchInterval: (query) => (query.state.data?.running ? 2000 : false),
  });
}
