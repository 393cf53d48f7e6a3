import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ConsentScope } from '../../../shared/cases/categories';
import { useApi } from '../api/context';

/**
 * Work with the child whose consent does not stand: says which consent is
 * missing and what the centre's rule does about it (the host refuses the work,
 * or records it with the warning on the timeline), with the way to the Consents tab.
 */
export function CareConsentWarning({ scope, testId }: { scope: ConsentScope; testId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  // The shell reads the centre under the same key; the host's change event refreshes both.
  const centre = useQuery({ queryKey: ['centre'], queryFn: () => api.call('centre.get', {}) });
  const rule = centre.data?.careConsentRule ?? 'refuse';
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid={testId} data-rule={rule}>
      {rule === 'refuse' ? t(`childSafety.care.refuse.${scope}`) : t('childSafety.care.warn', { scope: t(`categories.consentScope.${scope}`) })}{' '}
      <Link component={RouterLink} to="?tab=consents">
        {t('medical.openConsents')}
      </Link>
    </Alert>
  );
}
