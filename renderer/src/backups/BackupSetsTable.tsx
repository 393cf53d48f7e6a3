import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSet, BackupStatus } from '../../../shared/contract/methods/backups';
import { useApi } from '../api/context';
import { useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { formatDuration, useSize } from '../interviews/recordings/parts';
import { refusalMessage } from './refusal';
import { backupsKey } from './useBackupStatus';

function Verification({ set }: { set: BackupSet }) {
  const { t } = useTranslation();
  const format = useFormat();
  const v = set.verification;
  if (!v) return <Chip size="small" label={t('backups.sets.notVerified')} />;
  if (v.ok) {
    return (
      <Tooltip title={format.dateTime(v.at)}>
        <Chip size="small" color="success" label={t('backups.sets.verified')} data-testid="set-verified" />
      </Tooltip>
    );
  }
  return (
    <Box>
      <Chip size="small" color="error" label={t('backups.sets.failed')} />
      {/* The engine words the problem (the first file that does not match its manifest): an IT person acts on it as it is. */}
      <Typography variant="body2" color="error" sx={{ mt: 0.5 }}>
        {v.problem}
      </Typography>
    </Box>
  );
}

/** The sets at the destination, newest first, with their verification and a Verify button each. */
export function BackupSetsTable({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const format = useFormat();
  const size = useSize();
  const [failure, setFailure] = useState<string | null>(null);
  const verify = async (name: string) => {
    setFailure(null);
    try {
      await api.call('backups.verify', { set: name });
    } catch (error) {
      setFailure(refusalMessage(t, error));
    } finally {
      await queryClient.invalidateQueries({ queryKey: backupsKey });
    }
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="backup-sets-title" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2" id="backup-sets-title">
        {t('backups.sets.title')}
      </Typography>
      {status.sets.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('backups.sets.none')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="backup-sets-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('backups.sets.time')}</TableCell>
                <TableCell>{t('backups.sets.kind')}</TableCell>
                <TableCell align="right">{t('backups.sets.size')}</TableCell>
                <TableCell align="right">{t('backups.sets.added')}</TableCell>
                <TableCell align="right">{t('backups.sets.duration')}</TableCell>
                <TableCell>{t('backups.sets.verification')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {status.sets.map((set) => (
                <TableRow key={set.name} data-testid="backup-set">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={set.recoveryFingerprint ? set.name : `${set.name} · ${t('backups.sets.noRecoveryKey')}`}>
                      <span>{format.dateTime(set.createdAt)}</span>
                    </Tooltip>
                  </TableCell>
                  <TableCell>{t(`backups.sets.kinds.${set.kind}`)}</TableCell>
                  <TableCell align="right">{size(set.sizeBytes)}</TableCell>
                  <TableCell align="right">{size(set.newBytes)}</TableCell>
                  <TableCell align="right">{formatDuration(Math.round(set.durationMs / 1000))}</TableCell>
                  <TableCell>
                    <Verification set={set} />
                  </TableCell>
                  <TableCell align="right">
                    <Button size="small" disabled={status.running !== null} aria-label={t('backups.sets.verifyOf', { time: format.dateTime(set.createdAt) })} onClick={() => void verify(set.name)}>
                      {t('backups.sets.verify')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <FormError message={failure} />
    </Paper>
  );
}
