import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AttentionItem } from '../../../shared/contract/followup-records';
import { useNow, useFormat } from '../components/format';
import { useDuration } from '../cases/labels';
import { attentionLink, attentionWhat, dueOnDay, kindIcons } from './kinds';

/** A stable key: a case has one item per deadline or task kind, and one per record otherwise. */
const itemKey = (item: AttentionItem) => `${item.kind}-${item.caseId}-${item.recordId ?? item.what}`;

/** What needs attention, one line each: kind, case and child (the link to where it is dealt with), what, and how overdue. */
export function AttentionItems({ items }: { items: readonly AttentionItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const now = useNow(30_000);
  return (
    <List dense aria-label={t('dashboard.listLabel')}>
      {items.map((item, index) => {
        const left = new Date(item.dueAt).getTime() - now.getTime();
        const overdue = item.overdue || left < 0;
        const Icon = kindIcons[item.kind];
        // A run of no-shows is not due at a moment: its time is the latest missed session.
        const when =
          item.kind === 'therapy_no_shows'
            ? t('dashboard.lastMissed', { time: duration(Math.max(0, -left)) })
            : overdue
              ? t('dashboard.overdueBy', { time: duration(Math.max(0, -left)) })
              : t('dashboard.dueIn', { time: duration(left) });
        return (
          <ListItem key={itemKey(item)} disableGutters divider={index < items.length - 1} data-testid="attention-item" data-kind={item.kind} data-overdue={overdue}>
            <ListItemIcon sx={{ minWidth: 40 }}>
              <Icon color={overdue ? 'error' : 'warning'} />
            </ListItemIcon>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Chip size="small" variant="outlined" label={t(`dashboard.kinds.${item.kind}`)} component="span" />
                  <span>
                    <Link component={RouterLink} to={attentionLink(item)}>
                      {item.reference}
                    </Link>{' '}
                    {item.childName} — {attentionWhat(t, item, (date) => format.day(date))}
                  </span>
                </Stack>
              }
              secondary={[when, dueOnDay.has(item.kind) ? format.date(new Date(new Date(item.dueAt).getTime() - 1).toISOString()) : format.dateTime(item.dueAt), item.owner && t(`dashboard.owners.${item.kind}`, { name: item.owner })].filter(Boolean).join(' · ')}
              slotProps={{ secondary: { color: overdue ? 'error' : 'text.secondary', sx: { mt: 0.5, fontWeight: overdue ? 500 : undefined } } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
