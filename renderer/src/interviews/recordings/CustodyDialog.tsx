import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyEntry, Recording } from '../../../../shared/contract/interview-records';
import { copyMedia, invitedAgencies, removalReasons, type CustodyAction, type RemovalReason } from '../../../../shared/interviews/categories';
import { useApi } from '../../api/context';
import { QueryState } from '../../components/QueryState';
import { useFormat } from '../../components/format';

const actionColour: Record<CustodyAction, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  registered: 'primary',
  viewed: 'default',
  copied: 'warning',
  returned: 'info',
  verified: 'success',
  integrity_failed: 'error',
  removal_requested: 'warning',
  removal_approved: 'warning',
  removal_refused: 'info',
  withdrawn: 'default',
  deleted: 'default',
};

export function agencyLabel(t: TFunction, agency: string): string {
  return (invitedAgencies as readonly string[]).includes(agency) ? t(`recordings.agency.${agency as (typeof invitedAgencies)[number]}`) : agency;
}

export function mediumLabel(t: TFunction, medium: string): string {
  return (copyMedia as readonly string[]).includes(medium) ? t(`recordings.medium.${medium as (typeof copyMedia)[number]}`) : medium;
}

/** What one custody entry says beyond who, when and what: the copy's recipient, medium and purpose, or the note. */
function details(t: TFunction, entry: CustodyEntry): string {
  const parts: string[] = [];
  if (entry.action === 'copied') parts.push(t('recordings.custody.copyNumber', { id: entry.id }));
  if (entry.action === 'returned' && entry.copyId !== null) parts.push(t('recordings.custody.copyNumber', { id: entry.copyId }));
  if (entry.recipient) parts.push(entry.recipientAgency ? `${entry.recipient} (${agencyLabel(t, entry.recipientAgency)})` : entry.recipient);
  if (entry.medium) parts.push(mediumLabel(t, entry.medium));
  // A removal's purpose is its reason from the list; a copy's is free text.
  if (entry.purpose) parts.push((removalReasons as readonly string[]).includes(entry.purpose) ? t(`recordings.removal.reasons.${entry.purpose as RemovalReason}`) : entry.purpose);
  // A viewing's note is where it was watched from: the workstation's address.
  if (entry.note) parts.push(entry.action === 'viewed' ? t('recordings.custody.from', { workstation: entry.note }) : entry.note);
  return parts.join(' · ');
}

/** A recording's chain of custody, oldest first: every registration, viewing, copy, return, check and deletion. */
export function CustodyDialog({ recording, onClose }: { recording: Recording; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  // To the second: the order of events in a chain of custody matters.
  const format = useFormat();
  const titleId = useId();
  const custody = useQuery({ queryKey: ['recordings', 'custody', recording.id], queryFn: () => api.call('recordings.custody', { recordingId: recording.id }) });
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('recordings.custody.title', { name: recording.fileName })}</DialogTitle>
      <DialogContent>
        <QueryState query={custody}>
          {({ entries }) =>
            entries.length === 0 ? (
              <Typography color="text.secondary">{t('recordings.custody.none')}</Typography>
            ) : (
              <Table size="small" aria-label={t('recordings.custody.title', { name: recording.fileName })}>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('recordings.custody.at')}</TableCell>
                    <TableCell>{t('recordings.custody.by')}</TableCell>
                    <TableCell>{t('recordings.custody.action')}</TableCell>
                    <TableCell>{t('recordings.custody.details')}</TableCell>
                    <TableCell>{t('recordings.custody.sha256')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {entries.map((entry) => {
                    const matches = entry.sha256 === recording.sha256;
                    return (
                      <TableRow key={entry.id} data-action={entry.action} sx={entry.action === 'integrity_failed' ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : undefined}>
                        <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{format.dateTimeSeconds(entry.at)}</TableCell>
                        <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>{entry.by}</TableCell>
                        <TableCell sx={{ verticalAlign: 'top' }}>
                          <Chip size="small" color={actionColour[entry.action]} label={t(`recordings.custody.actions.${entry.action}`)} />
                        </TableCell>
                        <TableCell sx={{ verticalAlign: 'top' }}>{details(t, entry)}</TableCell>
                        <TableCell sx={{ verticalAlign: 'top', width: '40ch' }}>
                          {entry.sha256 && (
                            <Stack direction="row" sx={{ gap: 0.5, alignItems: 'flex-start' }}>
                              <Tooltip title={matches ? t('recordings.custody.matches') : t('recordings.custody.differs')}>
                                {matches ? (
                                  <CheckCircle fontSize="small" color="success" aria-label={t('recordings.custody.matches')} />
                                ) : (
                                  <ErrorIcon fontSize="small" color="error" aria-label={t('recordings.custody.differs')} />
                                )}
                              </Tooltip>
                              <Typography component="code" sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all', color: matches ? 'text.primary' : 'error.main' }}>
                                {entry.sha256}
                              </Typography>
                            </Stack>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )
          }
        </QueryState>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('recordings.custody.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
