import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../components/format';
import { QueryState } from '../components/QueryState';
import { CaseDocuments } from '../documents/CaseDocuments';
import { CaseInterviews } from '../interviews/CaseInterviews';
import { CaseMedical } from '../medical/CaseMedical';
import { CaseMeetings } from '../meetings/CaseMeetings';
import { CaseReferrals } from '../referrals/CaseReferrals';
import { CaseTherapy } from '../therapy/CaseTherapy';
import { CaseAccessLog } from './CaseAccessLog';
import { CaseConsents } from './CaseConsents';
import { CaseNotes } from './CaseNotes';
import { CaseOverview } from './CaseOverview';
import { CasePeople } from './CasePeople';
import { CaseTeam } from './CaseTeam';
import { CaseTimeline } from './CaseTimeline';
import { useCategory } from './labels';
import { UserText } from '../components/UserText';

const tabIds = ['overview', 'people', 'interviews', 'medical', 'therapy', 'meetings', 'referrals', 'documents', 'consents', 'timeline', 'notes', 'team', 'access'] as const;
type TabId = (typeof tabIds)[number];
const isTab = (value: string | null): value is TabId => (tabIds as readonly (string | null)[]).includes(value);

export function CasePage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const category = useCategory();
  const format = useFormat();
  const caseId = Number(useParams().caseId);
  // The tab is in the address, so a link can open one (the interview page links back to "interviews").
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: TabId = isTab(requested) ? requested : 'overview';
  const setTab = (value: TabId) => setSearch(value === 'overview' ? {} : { tab: value }, { replace: true });
  const detail = useQuery({ queryKey: ['cases', 'detail', caseId], queryFn: () => api.call('cases.get', { caseId }) });
  const mayAudit = isGranted('audit.case', session.user.roles);
  return (
    <QueryState query={detail}>
      {(c) => (
        <>
          <PageHeader
            title={`${c.child.firstName} ${c.child.lastName}`}
            subtitle={
              <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <span data-testid="case-reference">{c.reference}</span>
                <Chip size="small" color={c.status === 'closed' ? 'default' : 'primary'} label={category('status', c.status)} />
                {c.child.age !== null && <span>{format.years(c.child.age)}</span>}
                {c.coordinator && (
                  <span>
                    {t('cases.caseCoordinator')}: <UserText>{c.coordinator.displayName}</UserText>
                  </span>
                )}
                {c.restricted && <Chip size="small" color="warning" label={t('cases.restrictedCase')} />}
                {c.legalHold && <Chip size="small" color="error" label={t('evidence.legalHold.chip')} data-testid="legal-hold-chip" />}
                {c.view === 'blind' && <Chip size="small" color="info" label={t('cases.blindView')} />}
              </Stack>
            }
          />
          <Tabs value={tab} onChange={(_e, value: TabId) => setTab(value)} variant="scrollable" scrollButtons allowScrollButtonsMobile sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
            <Tab value="overview" label={t('cases.tabs.overview')} />
            <Tab value="people" label={t('cases.tabs.people')} />
            <Tab value="interviews" label={t('interviews.tab')} />
            <Tab value="medical" label={t('medical.tab')} />
            <Tab value="therapy" label={t('therapy.tab')} />
            <Tab value="meetings" label={t('meetings.tab')} />
            <Tab value="referrals" label={t('referrals.tab')} />
            <Tab value="documents" label={t('documents.tab')} />
            <Tab value="consents" label={t('cases.tabs.consents')} />
            <Tab value="timeline" label={t('cases.tabs.timeline')} />
            <Tab value="notes" label={t('cases.tabs.notes')} />
            <Tab value="team" label={t('cases.tabs.team')} />
            {mayAudit && <Tab value="access" label={t('cases.tabs.access')} />}
          </Tabs>
          {tab === 'overview' && <CaseOverview detail={c} />}
          {tab === 'people' && <CasePeople detail={c} />}
          {tab === 'interviews' && <CaseInterviews detail={c} />}
          {tab === 'medical' && <CaseMedical detail={c} />}
          {tab === 'therapy' && <CaseTherapy detail={c} />}
          {tab === 'meetings' && <CaseMeetings detail={c} />}
          {tab === 'referrals' && <CaseReferrals detail={c} />}
          {tab === 'documents' && <CaseDocuments detail={c} />}
          {tab === 'consents' && <CaseConsents detail={c} />}
          {tab === 'timeline' && <CaseTimeline caseId={c.id} birthDate={c.child.birthDate} />}
          {tab === 'notes' && <CaseNotes caseId={c.id} />}
          {tab === 'team' && <CaseTeam detail={c} />}
          {tab === 'access' && mayAudit && <CaseAccessLog caseId={c.id} />}
        </>
      )}
    </QueryState>
  );
}
