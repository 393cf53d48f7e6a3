import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { AuditTable } from '../audit/AuditTable';
import { QueryState } from '../components/QueryState';

/** "Who saw this case?": every call about it, allowed or refused. */
export function CaseAccessLog({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const log = useQuery({ queryKey: ['audit', 'case', caseId], queryFn: () => api.call('audit.caseAccess', { caseId }) });
  return <QueryState query={log}>{(entries) => <AuditTable entries={entries} showCase={false} label={t('cases.tabs.access')} />}</QueryState>;
}
