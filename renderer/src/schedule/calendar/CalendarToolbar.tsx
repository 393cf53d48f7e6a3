import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { GroupBy, ViewMode } from './model';

const plain = { '& .MuiToggleButton-root': { textTransform: 'none', px: 1.5 } } as const;

/** Today / previous / next, the period shown, day or week, and what the columns are. */
export function CalendarToolbar({
  label,
  view,
  groupBy,
  onToday,
  onStep,
  onView,
  onGroupBy,
}: {
  label: string;
  view: ViewMode;
  groupBy: GroupBy;
  onToday: () => void;
  onStep: (direction: -1 | 1) => void;
  onView: (view: ViewMode) => void;
  onGroupBy: (groupBy: GroupBy) => void;
}) {
  const { t } = useTranslation();
  const previous = view === 'day' ? t('calendar.previousDay') : t('calendar.previousWeek');
  const next = view === 'day' ? t('calendar.nextDay') : t('calendar.nextWeek');
  return (
    <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1.5 }}>
      <Button variant="outlined" onClick={onToday}>
        {t('calendar.today')}
      </Button>
      <Stack direction="row">
        <Tooltip title={previous}>
          <IconButton aria-label={previous} onClick={() => onStep(-1)}>
            <ChevronLeft />
          </IconButton>
        </Tooltip>
        <Tooltip title={next}>
          <IconButton aria-label={next} onClick={() => onStep(1)}>
            <ChevronRight />
          </IconButton>
        </Tooltip>
      </Stack>
      <Typography variant="h6" component="h2" aria-live="polite" sx={{ flex: 1, minWidth: 220 }} data-testid="calendar-period">
        {label}
      </Typography>
      <ToggleButtonGroup size="small" exclusive value={view} sx={plain} onChange={(_, v: ViewMode | null) => v && onView(v)} aria-label={t('calendar.view')}>
        <ToggleButton value="day">{t('calendar.day')}</ToggleButton>
        <ToggleButton value="week">{t('calendar.week')}</ToggleButton>
      </ToggleButtonGroup>
      <ToggleButtonGroup size="small" exclusive value={groupBy} sx={plain} onChange={(_, v: GroupBy | null) => v && onGroupBy(v)} aria-label={t('calendar.columns')}>
        <ToggleButton value="room">{t('calendar.byRoom')}</ToggleButton>
        <ToggleButton value="person">{t('calendar.byPerson')}</ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  );
}
