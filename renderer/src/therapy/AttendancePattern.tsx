import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { AttendancePattern as Pattern } from '../../../shared/contract/followup-records';
import { NO_SHOW_ALERT } from '../../../shared/followup/categories';
import { Panel } from '../cases/CaseOverview';

/** How the child attends, for the whole case team: counts by attendance, and a warning after no-shows in a row. */
export function AttendancePattern({ pattern }: { pattern: Pattern }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('therapy.pattern.title')}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="attendance-pattern">
        <Chip variant="outlined" color={pattern.planned > 0 ? 'primary' : 'default'} label={t('therapy.pattern.planned', { count: pattern.planned })} data-testid="pattern-planned" />
        <Chip color={pattern.attended > 0 ? 'success' : 'default'} label={t('therapy.pattern.attended', { count: pattern.attended })} data-testid="pattern-attended" />
        <Chip label={t('therapy.pattern.cancelled', { count: pattern.cancelled })} data-testid="pattern-cancelled" />
        <Chip color={pattern.noShow > 0 ? 'error' : 'default'} label={t('therapy.pattern.noShow', { count: pattern.noShow })} data-testid="pattern-no-show" />
      </Stack>
      {pattern.consecutiveNoShows >= NO_SHOW_ALERT && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="no-show-alert">
          {t('therapy.pattern.alert', { count: pattern.consecutiveNoShows })}
        </Alert>
      )}
    </Panel>
  );
}
