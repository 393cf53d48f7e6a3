import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ActionItem } from '../../../shared/contract/followup-records';
import { isGranted } from '../../../shared/permissions';
import { useSession } from '../api/context';
import { useFormat } from '../components/format';
import { ActionStateDialog } from './ActionStateDialog';

type Column = 'case' | 'meeting' | 'owner';

/** A due date (YYYY-MM-DD) as a calendar day, not shifted by the workstation's time zone. */
export function useDueDate() {
  const format = useFormat();
  return (day: string) => format.day(day);
}

/**
 * Action items with their state; the owner or a coordinator marks one done
 * or opens it again. Overdue ones are in red, as the host judges them on the
 * centre's clock.
 */
export function ActionItemsTable({ items, label, columns }: { items: ActionItem[]; label: string; columns: readonly Column[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const due = useDueDate();
  const { session } = useSession();
  const [changing, setChanging] = useState<ActionItem | null>(null);
  const mayChange = (a: ActionItem) => a.ownerId === session.user.id || isGranted('meetings.manage', session.user.roles);
  const show = (c: Column) => columns.includes(c);
  if (items.length === 0) return <Typography color="text.secondary">{t('meetings.actions.none')}</Typography>;
  return (
    <>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>{t('meetings.actions.due')}</TableCell>
            <TableCell>{t('meetings.actions.what')}</TableCell>
            {show('case') && <TableCell>{t('meetings.actions.case')}</TableCell>}
            {show('owner') && <TableCell>{t('meetings.actions.owner')}</TableCell>}
            <TableCell>{t('meetings.actions.agency')}</TableCell>
            {show('meeting') && <TableCell>{t('meetings.actions.meeting')}</TableCell>}
            <TableCell>{t('meetings.actions.state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((a) => (
            <TableRow key={a.id}>
              <TableCell sx={{ whiteSpace: 'nowrap', color: a.overdue ? 'error.main' : undefined, fontWeight: a.overdue ? 600 : undefined }}>
                {due(a.dueDate)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-line' }}>{a.what}</TableCell>
              {show('case') && (
                <TableCell>
                  <Link component={RouterLink} to={`/cases/${a.caseId}?tab=meetings`} sx={{ whiteSpace: 'nowrap' }}>
                    {a.caseReference}
                  </Link>
                  <Typography variant="body2" color="text.secondary" component="div">
                    {a.childName}
                  </Typography>
                </TableCell>
              )}
              {show('owner') && <TableCell>{a.ownerName}</TableCell>}
              <TableCell>{t(`meetings.agencies.${a.agency}`)}</TableCell>
              {show('meeting') && (
                <TableCell>
                  <Link component={RouterLink} to={`/meetings/${a.meetingId}`}>
                    {t(`meetings.types.${a.meetingType}`)}
                  </Link>
                  <Typography variant="body2" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
                    {format.date(a.meetingAt)}
                  </Typography>
                </TableCell>
              )}
              <TableCell>
                {a.state === 'done' ? (
                  <>
                    <Chip size="small" color="success" label={t('meetings.actions.states.done')} />
                    {a.doneAt && (
                      <Typography variant="caption" component="div" color="text.secondary">
                        {t('meetings.actions.doneLine', { at: format.dateTime(a.doneAt), by: a.doneBy ?? '' })}
                      </Typography>
                    )}
                    {a.note && (
                      <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-line' }}>
                        {a.note}
                      </Typography>
                    )}
                  </>
                ) : a.overdue ? (
                  <Chip size="small" color="error" label={t('meetings.actions.overdue')} />
                ) : (
                  <Chip size="small" variant="outlined" label={t('meetings.actions.states.open')} />
                )}
              </TableCell>
              <TableCell align="right">
                {mayChange(a) && (
                  <Button size="small" sx={{ whiteSpace: 'nowrap' }} onClick={() => setChanging(a)}>
                    {a.state === 'open' ? t('meetings.actions.markDone') : t('meetings.actions.reopen')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {changing && <ActionStateDialog item={changing} onClose={() => setChanging(null)} />}
    </>
  );
}
