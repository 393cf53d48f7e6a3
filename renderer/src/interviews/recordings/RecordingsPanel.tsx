import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../shared/contract/interview-records';

/** An interview's recordings, their registration, playback and chain of custody (to be built). */
export function RecordingsPanel({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  return (
    <Typography variant="h6" component="h2" data-interview={interview.id}>
      {t('recordings.title')}
    </Typography>
  );
}
