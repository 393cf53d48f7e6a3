import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** The centre's interview calendar (to be built). */
export function CalendarPage() {
  const { t } = useTranslation();
  return <Typography variant="h4" component="h1">{t('calendar.title')}</Typography>;
}
