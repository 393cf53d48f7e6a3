import EventOutlined from '@mui/icons-material/EventOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import type { SupplementaryRequest } from '../../../shared/contract/interview-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { useFormat } from '../components/format';
import { errorMessage } from '../i18n/messages';
import { InterviewStatusChip } from './InterviewStatusChip';
import { ScheduleDialog } from './ScheduleDialog';
import { DecideSupplementaryDialog, RequestSupplementaryDialog } from './SupplementaryDialogs';

/** The case's forensic interviews, the child's count across all cases, and any supplementary-interview requests. */
export function CaseInterviews({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { session } = useSession();
  const may = (p: Parameters<typeof isGranted>[0]) => isGranted(p, session.user.roles);
  const [booking, setBooking] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<SupplementaryRequest | null>(null);
  const data = useQuery({ queryKey: ['interviews', 'case', detail.id], queryFn: () => api.call('interviews.forCase', { caseId: detail.id }) });
  if (data.error) return <Alert severity="error">{errorMessage(t, data.error)}</Alert>;
  if (!data.data) return null;
  const { interviews, childInterviewCount, requests } = data.data;
  const open = detail.status !== 'closed';

  return (
    <Stack spacing={3}>
      <Panel
        title={t('interviews.title')}
        action={
          may('interviews.schedule') &&
          open && (
            <Stack direction="row" spacing={1}>
              {childInterviewCount > 0 && <Button onClick={() => setRequesting(true)}>{t('interviews.requestSupplementary')}</Button>}
              <Button variant="contained" startIcon={<EventOutlined />} onClick={() => setBooking(true)}>
                {t('interviews.schedule')}
              </Button>
            </Stack>
          )
        }
      >
        <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="child-interview-count">
          {t('interviews.childCount', { count: childInterviewCount })}
        </Typography>
        {interviews.length === 0 ? (
          <Typography color="text.secondary">{t('interviews.noneYet')}</Typography>
        ) : (
          <Table size="small" aria-label={t('interviews.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('interviews.when')}</TableCell>
                <TableCell>{t('interviews.status')}</TableCell>
                <TableCell>{t('interviews.room')}</TableCell>
                <TableCell>{t('interviews.interviewer')}</TableCell>
                <TableCell>{t('interviews.interpreter')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {interviews.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>
                    {format.dateTime(i.startsAt)} – {format.time(i.endsAt)}
                    {i.sequence > 1 && <Chip size="small" color="warning" variant="outlined" sx={{ ml: 1 }} label={t('interviews.supplementaryN', { n: i.sequence })} />}
                  </TableCell>
                  <TableCell>
                    <InterviewStatusChip status={i.status} />
                  </TableCell>
                  <TableCell>{i.roomName}</TableCell>
                  <TableCell>{i.interviewerName}</TableCell>
                  <TableCell>{i.interpreterName ? `${i.interpreterName}${i.interpreterLanguage ? ` (${i.interpreterLanguage})` : ''}` : '—'}</TableCell>
                  <TableCell align="right">
                    <Link component={RouterLink} to={`/interviews/${i.id}`}>
                      {t('interviews.open')}
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Panel>

      {(requests.length > 0 || childInterviewCount > 0) && (
        <Panel title={t('interviews.requestsTitle')}>
          {requests.length === 0 ? (
            <Typography color="text.secondary">{t('interviews.noRequests')}</Typography>
          ) : (
            <Table size="small" aria-label={t('interviews.requestsTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('interviews.requestedAt')}</TableCell>
                  <TableCell>{t('interviews.reason')}</TableCell>
                  <TableCell>{t('interviews.requestState')}</TableCell>
                  <TableCell>{t('interviews.decision')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {requests.map((q) => (
                  <TableRow key={q.id}>
                    <TableCell>
                      {format.dateTime(q.requestedAt)} · {q.requestedBy}
                    </TableCell>
                    <TableCell>
                      <strong>{t(`interviews.reasons.${q.reason}`)}</strong>: {q.details}
                    </TableCell>
                    <TableCell>
                      <Chip size="small" color={q.state === 'approved' ? 'success' : q.state === 'refused' ? 'error' : 'default'} label={t(`interviews.requestStates.${q.state}`)} />
                      {q.interviewId !== null && <Typography variant="caption" component="div">{t('interviews.requestUsed')}</Typography>}
                    </TableCell>
                    <TableCell>
                      {q.decision &&
                        t('interviews.decisionLine', {
                          role: t(`interviews.deciders.${q.decision.deciderRole}`),
                          name: q.decision.deciderName,
                          at: format.dateTime(q.decision.decidedAt),
                          same: q.decision.sameInterviewer ? t('interviews.sameInterviewerYes') : t('interviews.sameInterviewerNo'),
                        })}
                    </TableCell>
                    <TableCell align="right">
                      {q.state === 'pending' && may('interviews.decide') && <Button onClick={() => setDeciding(q)}>{t('interviews.recordDecision')}</Button>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Panel>
      )}

      {booking && (
        <ScheduleDialog
          caseId={detail.id}
          existing={null}
          childInterviewCount={childInterviewCount}
          requests={requests}
          interpreterLanguage={detail.child.interpreterNeeded ? detail.child.interpreterLanguage : ''}
          onClose={() => setBooking(false)}
        />
      )}
      {requesting && <RequestSupplementaryDialog caseId={detail.id} onClose={() => setRequesting(false)} />}
      {deciding && <DecideSupplementaryDialog request={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
