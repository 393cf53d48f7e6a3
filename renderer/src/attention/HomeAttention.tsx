import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { QueryState } from '../components/QueryState';
import { AttentionItems } from './AttentionItems';
import { useAttention } from './useAttention';

const SHOWN = 10;

/** The home page's short list: the caller's own items, soonest first, and the way to the full page. */
export function HomeAttention() {
  const { t } = useTranslation();
  const items = useAttention('mine');
  return (
    <Paper variant="outlined" component="section" aria-label={t('dashboard.title')} sx={{ p: 3 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography variant="h6" component="h2">
          {t('dashboard.title')}
        </Typography>
        <Link component={RouterLink} to="/attention">
          {t('dashboard.seeAll')}
        </Link>
      </Stack>
      <QueryState query={items}>
        {(rows) =>
          rows.length === 0 ? (
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {t('dashboard.nothing')}
            </Typography>
          ) : (
            <>
              <AttentionItems items={rows.slice(0, SHOWN)} />
              {rows.length > SHOWN && (
                <Typography variant="body2" color="text.secondary" component="div">
                  {t('dashboard.moreItems', { count: rows.length - SHOWN })}
                </Typography>
              )}
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}
