import EventOutlined from '@mui/icons-material/EventOutlined';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseDetail } from '../../../shared/contract/case-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { useFormat } from '../components/format';
import { QueryState } from '../components/QueryState';
import { ActionItemsTable } from './ActionItemsTable';
import { MeetingDialog } from './MeetingDialog';
import { MeetingStatusChip } from './labels';

/** The case's review meetings and the action items agreed for it, open ones first. */
export function CaseMeetings({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { session } = useSession();
  const [planning, setPlanning] = useState(false);
  const filter = { from: null, to: null, caseId: detail.id };
  const meetings = useQuery({ queryKey: ['meetings', 'list', filter], queryFn: () => api.call('meetings.list', filter) });
  const actions = useQuery({ queryKey: ['meetings', 'actions', 'case', detail.id], queryFn: () => api.call('actions.ofCase', { caseId: detail.id }) });
  const mayPlan = isGranted('meetings.manage', session.user.roles) && detail.status !== 'closed';

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }}>
      <Panel
        title={t('meetings.title')}
        action={
          mayPlan && (
            <Button variant="contained" startIcon={<EventOutlined />} onClick={() => setPlanning(true)}>
              {t('meetings.planForCase')}
            </Button>
          )
        }
      >
        <QueryState query={meetings}>
          {(list) =>
            list.length === 0 ? (
              <Typography color="text.secondary">{t('meetings.noneForCase')}</Typography>
            ) : (
              <Table size="small" aria-label={t('meetings.title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('meetings.when')}</TableCell>
                    <TableCell>{t('meetings.type')}</TableCell>
                    <TableCell>{t('meetings.status')}</TableCell>
                    <TableCell>{t('meetings.chair')}</TableCell>
                    <TableCell>{t('meetings.decisions')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.map((m) => (
                    <TableRow key={m.id}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(m.startsAt)}</TableCell>
                      <TableCell>{t(`meetings.types.${m.type}`)}</TableCell>
                      <TableCell>
                        <MeetingStatusChip status={m.status} />
                      </TableCell>
                      <TableCell>{m.chairName}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-line', maxWidth: 420 }}>{m.cases.find((c) => c.caseId === detail.id)?.decisions || '—'}</TableCell>
                      <TableCell align="right">
                        <Link component={RouterLink} to={`/meetings/${m.id}`}>
                          {t('meetings.open')}
                        </Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </QueryState>
      </Panel>
      <Panel title={t('meetings.actions.title')}>
        <QueryState query={actions}>{(items) => <ActionItemsTable items={items} label={t('meetings.actions.title')} columns={['owner', 'meeting']} />}</QueryState>
      </Panel>
      {planning && (
        <MeetingDialog
          existing={null}
          initialCase={{ caseId: detail.id, reference: detail.reference, childName: `${detail.child.firstName} ${detail.child.lastName}` }}
          onClose={() => setPlanning(false)}
        />
      )}
    </Stack>
  );
}
