import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/case-records';

// Placeholder: the screen lands with its feature.
export function CaseReferrals(_props: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return <Typography color="text.secondary">{t('referrals.tab')}</Typography>;
}
