import MenuItem from '@mui/material/MenuItem';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingTypes } from '../../../shared/followup/categories';
import { useApi } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { QueryState } from '../components/QueryState';
import { centreToday } from '../components/format';

const CUSTOM = 'custom';
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Box data-testid={testId}>
      <Typography variant="h5" component="div">
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary" component="div">
        {label}
      </Typography>
    </Box>
  );
}

/** Meetings held in a year or period, by type: the figures the three mandated institutions report. */
export function MeetingStatistics() {
  const { t } = useTranslation();
  const api = useApi();
  const thisYear = Number(centreToday().slice(0, 4));
  const [choice, setChoice] = useState(String(thisYear));
  const [from, setFrom] = useState(`${thisYear}-01-01`);
  const [to, setTo] = useState(`${thisYear}-12-31`);
  const pick = (value: string) => {
    setChoice(value);
    if (value === CUSTOM) return;
    setFrom(`${value}-01-01`);
    setTo(`${value}-12-31`);
  };
  const valid = isDay(from) && isDay(to) && from <= to;
  const stats = useQuery({
    queryKey: ['meetings', 'statistics', from, to],
    queryFn: () => api.call('meetings.statistics', { from, to }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const years = Array.from({ length: 5 }, (_v, i) => String(thisYear - i));
  return (
    <Panel title={t('meetings.stats.title')}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField select size="small" label={t('meetings.stats.year')} value={choice} onChange={(e) => pick(e.target.value)} sx={{ minWidth: 160 }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
          <MenuItem value={CUSTOM}>{t('meetings.stats.period')}</MenuItem>
        </TextField>
        {choice === CUSTOM && (
          <>
            <TextField type="date" size="small" label={t('meetings.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField type="date" size="small" label={t('meetings.stats.until')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </>
        )}
      </Stack>
      {valid && (
        <QueryState query={stats}>
          {(s) => (
            <Stack spacing={2}>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)' }, gap: 2 }}>
                <Figure label={t('meetings.stats.held')} value={s.held} testId="stats-held" />
                <Figure label={t('meetings.stats.cancelled')} value={s.cancelled} testId="stats-cancelled" />
                <Figure label={t('meetings.stats.casesDiscussed')} value={s.casesDiscussed} testId="stats-cases" />
              </Box>
              <Typography variant="subtitle2" component="h3">
                {t('meetings.stats.byType')}
              </Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)' }, gap: 2 }}>
                {meetingTypes.map((type) => (
                  <Figure key={type} label={t(`meetings.types.${type}`)} value={s.byType[type]} testId={`stats-${type}`} />
                ))}
              </Box>
            </Stack>
          )}
        </QueryState>
      )}
    </Panel>
  );
}
