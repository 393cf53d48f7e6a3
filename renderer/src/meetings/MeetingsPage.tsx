import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';


// Placeholder: the screen lands with its feature.
export function MeetingsPage() {
  const { t } = useTranslation();
  return <Typography color="text.secondary">{t('meetings.title')}</Typography>;
}
