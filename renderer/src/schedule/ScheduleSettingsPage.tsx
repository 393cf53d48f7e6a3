import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** Rooms, interviewers, interpreters, working hours (to be built). */
export function ScheduleSettingsPage() {
  const { t } = useTranslation();
  return <Typography variant="h4" component="h1">{t('scheduleSettings.title')}</Typography>;
}
