import MedicalServicesOutlined from '@mui/icons-material/MedicalServicesOutlined';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { swatches } from './styles';

/** What the colours of the calendar mean. */
export function Legend() {
  const { t } = useTranslation();
  const s = swatches(useTheme());
  const items = [
    { key: 'scheduled', label: t('calendar.legend.scheduled'), sx: s.scheduled },
    { key: 'exam', label: t('calendar.legend.exam'), sx: s.exam, icon: true },
    { key: 'held', label: t('calendar.legend.held'), sx: s.held },
    { key: 'cancelled', label: t('calendar.legend.cancelled'), sx: s.cancelled },
    { key: 'supplementary', label: t('calendar.legend.supplementary'), sx: { ...s.scheduled, ...s.supplementary } },
    { key: 'busy', label: t('calendar.legend.busy'), sx: s.busy },
    { key: 'closed', label: t('calendar.legend.closed'), sx: { ...s.closed, border: 1, borderColor: 'divider' } },
  ];
  return (
    <Stack
      component="ul"
      aria-label={t('calendar.legend.title')}
      direction="row"
      sx={{ listStyle: 'none', p: 0, m: 0, mt: 1.5, flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5 }}
    >
      {items.map((item) => (
        <Stack key={item.key} component="li" direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Box aria-hidden sx={{ width: 22, height: 14, borderRadius: 0.5, boxSizing: 'border-box', display: 'flex', alignItems: 'center', justifyContent: 'center', ...item.sx }}>
            {'icon' in item && <MedicalServicesOutlined sx={{ fontSize: 11 }} />}
          </Box>
          <Typography variant="body2" color="text.secondary">
            {item.label}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}
