import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

/** The exam cannot be recorded until the consent to it stands: says so, with the way to the Consents tab. */
export function ConsentWarning() {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid="exam-consent-warning">
      {t('medical.consentMissing')}{' '}
      <Link component={RouterLink} to="?tab=consents">
        {t('medical.openConsents')}
      </Link>
    </Alert>
  );
}
