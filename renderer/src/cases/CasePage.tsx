import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { CaseAccessLog } from './CaseAccessLog';
import { CaseNotes } from './CaseNotes';
import { CaseOverview } from './CaseOverview';
import { CaseTeam } from './CaseTeam';

type TabId = 'overview' | 'notes' | 'team' | 'access';

export function CasePage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const caseId = Number(useParams().caseId);
  const [tab, setTab] = useState<TabId>('overview');
  const detail = useQuery({ queryKey: ['cases', 'detail', caseId], queryFn: () => api.call('cases.get', { caseId }) });
  const mayAudit = isGranted('audit.case', session.user.roles);
  return (
    <QueryState query={detail}>
      {(c) => (
        <>
          <PageHeader
            title={`${c.childFirstName} ${c.childLastName}`}
            subtitle={
              <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
                <span>{c.reference}</span>
                {c.restricted && <Chip size="small" color="warning" label={t('cases.restrictedCase')} />}
                {c.view === 'blind' && <Chip size="small" color="info" label={t('cases.blindView')} />}
              </Stack>
            }
          />
          <Tabs value={tab} onChange={(_e, value: TabId) => setTab(value)} sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
            <Tab value="overview" label={t('cases.tabs.overview')} />
            <Tab value="notes" label={t('cases.tabs.notes')} />
            <Tab value="team" label={t('cases.tabs.team')} />
            {mayAudit && <Tab value="access" label={t('cases.tabs.access')} />}
          </Tabs>
          {tab === 'overview' && <CaseOverview detail={c} />}
          {tab === 'notes' && <CaseNotes caseId={c.id} />}
          {tab === 'team' && <CaseTeam detail={c} />}
          {tab === 'access' && mayAudit && <CaseAccessLog caseId={c.id} />}
        </>
      )}
    </QueryState>
  );
}
