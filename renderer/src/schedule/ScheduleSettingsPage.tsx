import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { Notice } from '../forms/FormFeedback';
import { ClosedDaysSection } from './settings/ClosedDaysSection';
import { InterpretersSection } from './settings/InterpretersSection';
import { InterviewersSection } from './settings/InterviewersSection';
import { RoomsSection } from './settings/RoomsSection';
import { RulesSection } from './settings/RulesSection';

const sections = ['rooms', 'interviewers', 'interpreters', 'rules', 'closedDays'] as const;
type Section = (typeof sections)[number];

/** Rooms, forensic interviewers, interpreters, working hours and closed days: what the calendar books from. */
export function ScheduleSettingsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!isGranted('schedule.manage', session.user.roles)) return <Notice severity="warning">{t('scheduleSettings.notAllowed')}</Notice>;
  return <ScheduleSettings />;
}

function ScheduleSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const resources = useQuery({ queryKey: ['resources'], queryFn: () => api.call('resources.list', {}) });
  // The section is in the address, so a reload (or a link) opens the same one.
  const [search, setSearch] = useSearchParams();
  const asked = search.get('section');
  const section: Section = sections.find((s) => s === asked) ?? 'rooms';

  return (
    <>
      <PageHeader title={t('scheduleSettings.title')} subtitle={t('scheduleSettings.subtitle')} />
      <Tabs
        value={section}
        onChange={(_e, value: Section) => setSearch(value === 'rooms' ? {} : { section: value }, { replace: true })}
        variant="scrollable"
        sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}
      >
        {sections.map((s) => (
          <Tab key={s} value={s} label={t(`scheduleSettings.tabs.${s}`)} />
        ))}
      </Tabs>
      <QueryState query={resources}>
        {(data) => {
          switch (section) {
            case 'rooms':
              return <RoomsSection rooms={data.rooms} />;
            case 'interviewers':
              return <InterviewersSection interviewers={data.interviewers} />;
            case 'interpreters':
              return <InterpretersSection interpreters={data.interpreters} />;
            case 'rules':
              return <RulesSection rules={data.rules} />;
            case 'closedDays':
              return <ClosedDaysSection closedDays={data.closedDays} />;
          }
        }}
      </QueryState>
    </>
  );
}
