import AddOutlined from '@mui/icons-material/AddOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDownOutlined';
import KeyboardArrowUp from '@mui/icons-material/KeyboardArrowUpOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/case-records';
import type { Referral } from '../../../shared/contract/followup-records';
import { referralTransitions, type ReferralStatus } from '../../../shared/followup/categories';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { useFormat } from '../components/format';
import { QueryState } from '../components/QueryState';
import { ReferralDialog } from './ReferralDialog';
import { StatusDialog } from './StatusDialog';
import { subjectLabel } from './words';

const colours: Record<ReferralStatus, 'default' | 'primary' | 'info' | 'success' | 'warning'> = {
  sent: 'info',
  accepted: 'primary',
  in_progress: 'primary',
  done: 'success',
  declined: 'warning',
};

export function ReferralStatusChip({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={colours[status]} variant={status === 'done' || status === 'declined' ? 'outlined' : 'filled'} label={t(`referrals.statuses.${status}`)} />;
}

/** The case's referrals to outside services: where each stands, whether its follow-up date has passed, and its history. */
export function CaseReferrals({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  const [moving, setMoving] = useState<Referral | null>(null);
  const mayManage = isGranted('referrals.manage', session.user.roles) && detail.view === 'full';
  const referrals = useQuery({
    queryKey: ['cases', 'referrals', detail.id],
    queryFn: () => api.call('referrals.list', { caseId: detail.id }),
    // Nothing to ask for in the blind view: the host would answer an empty list anyway.
    enabled: detail.view === 'full',
  });

  return (
    <Stack spacing={3}>
      <Panel
        title={t('referrals.title')}
        action={
          mayManage && (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
              {t('referrals.add')}
            </Button>
          )
        }
      >
        {detail.view === 'blind' ? (
          <Typography color="text.secondary">{t('referrals.hidden')}</Typography>
        ) : (
          <QueryState query={referrals}>
            {(rows) =>
              rows.length === 0 ? (
                <Typography color="text.secondary">{t('referrals.noneYet')}</Typography>
              ) : (
                <ReferralTable rows={rows} mayManage={mayManage} onEdit={setEditing} onMove={setMoving} />
              )
            }
          </QueryState>
        )}
      </Panel>
      {editing && <ReferralDialog detail={detail} existing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {moving && <StatusDialog referral={moving} onClose={() => setMoving(null)} />}
    </Stack>
  );
}

function ReferralTable({ rows, mayManage, onEdit, onMove }: { rows: Referral[]; mayManage: boolean; onEdit: (r: Referral) => void; onMove: (r: Referral) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table size="small" aria-label={t('referrals.title')}>
      <TableHead>
        <TableRow sx={{ '& > th': { whiteSpace: 'nowrap' } }}>
          <TableCell padding="checkbox" />
          <TableCell>{t('referrals.service')}</TableCell>
          <TableCell>{t('referrals.forWhom')}</TableCell>
          <TableCell>{t('referrals.sent')}</TableCell>
          <TableCell>{t('referrals.basis')}</TableCell>
          <TableCell>{t('referrals.status')}</TableCell>
          <TableCell>{t('referrals.followUp')}</TableCell>
          {mayManage && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => {
          const open = expanded.has(r.id);
          const closed = referralTransitions[r.status].length === 0;
          return (
            <Fragment key={r.id}>
              {/* The history row below draws the line under both. */}
              <TableRow data-testid={`referral-${r.id}`} sx={{ '& > td': { borderBottom: 'unset' }, verticalAlign: 'top' }}>
                <TableCell padding="checkbox">
                  <IconButton
                    size="small"
                    aria-expanded={open}
                    aria-label={t(open ? 'referrals.hideHistory' : 'referrals.showHistory', { service: r.serviceName })}
                    onClick={() => toggle(r.id)}
                  >
                    {open ? <KeyboardArrowUp /> : <KeyboardArrowDown />}
                  </IconButton>
                </TableCell>
                <TableCell sx={{ minWidth: 180 }}>
                  <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
                    {r.serviceName}
                  </Typography>
                  <Typography variant="caption" component="div" color="text.secondary">
                    {t(`referrals.serviceKinds.${r.serviceKind}`)}
                  </Typography>
                </TableCell>
                <TableCell>{subjectLabel(t, r)}</TableCell>
                <TableCell>
                  <Typography variant="body2" component="div" sx={{ whiteSpace: 'nowrap' }} title={format.dateTime(r.sentAt)}>
                    {format.date(r.sentAt)}
                  </Typography>
                  <Typography variant="caption" component="div" color="text.secondary">
                    {t('referrals.sentBy', { name: r.sentBy })}
                  </Typography>
                </TableCell>
                <TableCell>{t(`referrals.consentBases.${r.consentBasis}`)}</TableCell>
                <TableCell>
                  <ReferralStatusChip status={r.status} />
                </TableCell>
                <TableCell>
                  {closed ? (
                    <Typography variant="body2" component="div" color="text.secondary">
                      {t('referrals.closed')}
                    </Typography>
                  ) : r.overdue ? (
                    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', color: 'error.main' }} data-testid="referral-overdue">
                      <ErrorOutline fontSize="small" />
                      <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
                        {t('referrals.overdueSince', { date: format.day(r.followUpOn) })}
                      </Typography>
                    </Stack>
                  ) : (
                    <Typography variant="body2" component="div" sx={{ whiteSpace: 'nowrap' }}>
                      {format.day(r.followUpOn)}
                    </Typography>
                  )}
                </TableCell>
                {mayManage && (
                  <TableCell align="right">
                    <Stack sx={{ alignItems: 'flex-end' }}>
                      {!closed && (
                        <Button size="small" sx={{ whiteSpace: 'nowrap' }} onClick={() => onMove(r)}>
                          {t('referrals.updateStatus')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => onEdit(r)}>
                        {t('referrals.edit')}
                      </Button>
                    </Stack>
                  </TableCell>
                )}
              </TableRow>
              <TableRow>
                <TableCell colSpan={mayManage ? 8 : 7} sx={{ py: 0 }}>
                  <Collapse in={open} unmountOnExit>
                    <ReferralDetails referral={r} />
                  </Collapse>
                </TableCell>
              </TableRow>
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

function ReferralDetails({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack spacing={1.5} sx={{ py: 2, pl: 6 }}>
      {referral.contact && (
        <Typography variant="body2" component="div">
          <strong>{t('referrals.contact')}:</strong> {referral.contact}
        </Typography>
      )}
      {referral.notes && (
        <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('referrals.notes')}:</strong> {referral.notes}
        </Typography>
      )}
      <Typography variant="subtitle2" component="h3">
        {t('referrals.history')}
      </Typography>
      <Table size="small" aria-label={t('referrals.history')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('referrals.historyAt')}</TableCell>
            <TableCell>{t('referrals.historyBy')}</TableCell>
            <TableCell>{t('referrals.status')}</TableCell>
            <TableCell>{t('referrals.historyNote')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {referral.history.map((h, i) => (
            <TableRow key={i}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(h.at)}</TableCell>
              <TableCell>{h.by}</TableCell>
              <TableCell>
                <ReferralStatusChip status={h.status} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{h.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}
