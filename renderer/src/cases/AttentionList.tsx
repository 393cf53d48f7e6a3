import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import Schedule from '@mui/icons-material/Schedule';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useApi } from '../api/context';
import { useNow } from '../components/dates';
import { useFormat } from '../components/format';
import { QueryState } from '../components/QueryState';
import { useDuration } from './labels';

/** Deadlines overdue or due within a day, and open tasks, across the cases the person may see. */
export function AttentionList({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const duration = useDuration();
  const now = useNow(30_000);
  const items = useQuery({ queryKey: ['cases', 'attention'], queryFn: () => api.call('cases.attention', {}) });
  return (
    <QueryState query={items}>
      {(rows) =>
        rows.length === 0 ? (
          <Typography color="text.secondary">{t('attention.nothing')}</Typography>
        ) : (
          <List dense aria-label={t('attention.title')}>
            {rows.slice(0, limit).map((r) => {
              const left = new Date(r.dueAt).getTime() - now.getTime();
              const what = r.kind === 'deadline' ? t(`categories.milestone.${r.what}` as never) : t(`categories.task.${r.what}` as never);
              return (
                <ListItem key={`${r.caseId}-${r.kind}-${r.what}`} disableGutters>
                  <ListItemIcon sx={{ minWidth: 36 }}>{left < 0 ? <ErrorOutline color="error" /> : <Schedule color="warning" />}</ListItemIcon>
                  <ListItemText
                    primary={
                      <>
                        <Link component={RouterLink} to={`/cases/${r.caseId}`}>
                          {r.reference}
                        </Link>{' '}
                        {r.childName} — {what}
                      </>
                    }
                    secondary={`${left < 0 ? t('caseFile.overdueBy', { time: duration(-left) }) : t('caseFile.dueIn', { time: duration(left) })} · ${format.dateTime(r.dueAt)}`}
                    slotProps={{ secondary: { color: left < 0 ? 'error' : 'text.secondary' } }}
                  />
                </ListItem>
              );
            })}
          </List>
        )
      }
    </QueryState>
  );
}

export function AttentionPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography variant="h4" component="h1">
        {t('attention.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 0.5, mb: 3 }}>
        {t('attention.subtitle')}
      </Typography>
      <AttentionList />
    </>
  );
}
