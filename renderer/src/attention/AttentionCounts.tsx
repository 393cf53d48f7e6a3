import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../../shared/contract/followup-records';
import type { AttentionKind } from '../../../shared/followup/categories';
import { useSession } from '../api/context';
import { kindIcons, kindsFor } from './kinds';

/** One small card per kind: how many, how many overdue. A card is also a filter: pressing it shows only its kind. */
export function AttentionCounts({
  items,
  only,
  onOnly,
}: {
  items: readonly AttentionItem[];
  only: AttentionKind | null;
  onOnly: (kind: AttentionKind | null) => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <Box
      role="group"
      aria-label={t('dashboard.counts')}
      sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(4, 1fr)' }, mb: 3 }}
    >
      {kindsFor(session.user.roles).map((kind) => {
        const ofKind = items.filter((i) => i.kind === kind);
        const overdue = ofKind.filter((i) => i.overdue).length;
        const pressed = only === kind;
        const Icon = kindIcons[kind];
        return (
          <Paper
            key={kind}
            variant="outlined"
            sx={{ borderColor: pressed ? 'primary.main' : overdue > 0 ? 'error.light' : undefined, borderWidth: pressed ? 2 : 1, overflow: 'hidden' }}
          >
            <ButtonBase
              aria-pressed={pressed}
              aria-label={`${t(`dashboard.cards.${kind}`)}: ${ofKind.length}`}
              data-testid={`attention-count-${kind}`}
              onClick={() => onOnly(pressed ? null : kind)}
              sx={{ display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start', width: '100%', textAlign: 'left', p: 1.5, height: '100%' }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: ofKind.length === 0 ? 'text.disabled' : overdue > 0 ? 'error.main' : 'text.primary' }}>
                <Icon fontSize="small" />
                <Typography variant="h5" component="div">
                  {ofKind.length}
                </Typography>
              </Stack>
              <Typography variant="body2" component="div" color={ofKind.length === 0 ? 'text.disabled' : 'text.secondary'}>
                {t(`dashboard.cards.${kind}`)}
              </Typography>
              {overdue > 0 && (
                <Typography variant="caption" component="div" color="error" sx={{ fontWeight: 500 }}>
                  {t('dashboard.overdueCount', { count: overdue })}
                </Typography>
              )}
            </ButtonBase>
          </Paper>
        );
      })}
    </Box>
  );
}
