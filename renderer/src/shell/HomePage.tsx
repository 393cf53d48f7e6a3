import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../shared/contract/methods/centre';
import { isGranted } from '../../../shared/permissions';
import { useSession } from '../api/context';
import { HomeAttention } from '../attention/HomeAttention';
import { useFormat } from '../components/format';
import { StorageWarning } from '../attention/StorageWarning';
import { BackupWarning } from '../attention/BackupWarning';

export function HomePage({ centre }: { centre: Centre | null }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const ends = useFormat().dateTime(session.expiresAt);
  return (
    <Stack spacing={3} sx={{ maxWidth: 880 }}>
      <Typography variant="h4" component="h1">
        {t('home.welcome', { name: session.user.displayName })}
      </Typography>
      <Typography color="text.secondary">{t('home.lead')}</Typography>
      <StorageWarning />
      <BackupWarning />
      {isGranted('cases.read', session.user.roles) && (
        <HomeAttention />
      )}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={2}>
          {centre && (
            <div>
              <Typography variant="overline" color="text.secondary">
                {t('home.centre')}
              </Typography>
              <Typography>{centre.name}</Typography>
            </div>
          )}
          <div>
            <Typography variant="overline" color="text.secondary">
              {t('home.yourRoles')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
              {session.user.roles.map((role) => (
                <Chip key={role} label={t(`roles.${role}`)} color="primary" variant="outlined" />
              ))}
            </Stack>
          </div>
          <Typography variant="body2" color="text.secondary">
            {t('home.sessionEnds', { time: ends })}
          </Typography>
        </Stack>
      </Paper>
    </Stack>
  );
}
