import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { ActionItemsTable } from './ActionItemsTable';

/** "My tasks": the action items the signed-in colleague owns, open ones by due date, then those done lately. */
export function TasksPage() {
  const { t } = useTranslation();
  const api = useApi();
  const mine = useQuery({ queryKey: ['meetings', 'actions', 'mine'], queryFn: () => api.call('actions.mine', {}) });
  return (
    <>
      <PageHeader title={t('meetings.tasks.title')} subtitle={t('meetings.tasks.subtitle')} />
      <QueryState query={mine}>
        {(items) => {
          const open = items.filter((a) => a.state === 'open');
          const done = items.filter((a) => a.state === 'done');
          return (
            <Stack spacing={3} sx={{ maxWidth: 1200 }}>
              <Panel title={t('meetings.tasks.open')}>
                {open.length === 0 ? (
                  <Typography color="text.secondary">{t('meetings.tasks.none')}</Typography>
                ) : (
                  <ActionItemsTable items={open} label={t('meetings.tasks.open')} columns={['case', 'meeting']} />
                )}
              </Panel>
              <Panel title={t('meetings.tasks.recentlyDone')}>
                {done.length === 0 ? (
                  <Typography color="text.secondary">{t('meetings.tasks.noneDone')}</Typography>
                ) : (
                  <ActionItemsTable items={done} label={t('meetings.tasks.recentlyDone')} columns={['case', 'meeting']} />
                )}
              </Panel>
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
