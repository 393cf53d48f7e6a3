import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import ErrorIcon from '@mui/icons-material/Error';
import GppGood from '@mui/icons-material/GppGood';
import History from '@mui/icons-material/History';
import Mic from '@mui/icons-material/Mic';
import PlayArrow from '@mui/icons-material/PlayArrow';
import Undo from '@mui/icons-material/Undo';
import Videocam from '@mui/icons-material/Videocam';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview, Recording } from '../../../../shared/contract/interview-records';
import { WITHDRAW_WINDOW_MS } from '../../../../shared/interviews/categories';
import { isGranted } from '../../../../shared/permissions';
import { useApi, useSession } from '../../api/context';
import { useUpload } from '../../api/upload';
import { QueryState } from '../../components/QueryState';
import { useFormat, useNow } from '../../components/format';
import { CustodyDialog } from './CustodyDialog';
import { CopyDialog, ReturnDialog } from './CustodyForms';
import { PlayerDialog, type Viewing } from './PlayerDialog';
import { PendingRemoval, RequestRemovalDialog, WithdrawDialog } from './RemovalForms';
import { RegisterDialog } from './RegisterDialog';
import { Sha256 } from '../../components/Sha256';
import { formatDuration, isIntegrityAlarm, recordingError, useSize } from './parts';

type Open = 'custody' | 'copy' | 'return' | 'remove' | 'withdraw' | null;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {children}
      </Typography>
    </Box>
  );
}

/** One recording: what it is, its hash, whether it still matches, and what may be done with it. */
function RecordingCard({ recording, mayView, mayManage, mayRemove, userId }: { recording: Recording; mayView: boolean; mayManage: boolean; mayRemove: boolean; userId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const format = useFormat();
  const size = useSize();
  const [open, setOpen] = useState<Open>(null);
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const viewingRequest = useRef(0);
  const deleted = recording.deletedAt !== null;
  const alarm = recording.lastCheck !== null && !recording.lastCheck.ok;
  const now = useNow(15_000);
  // Offered while it can still succeed; the host decides by its own clock and says why if it refuses.
  const mayWithdraw =
    mayManage && !deleted && !recording.accessed && recording.removal === null && recording.registeredById === userId && now.getTime() - Date.parse(recording.registeredAt) < WITHDRAW_WINDOW_MS;

  // Each press is one viewing in the custody log: the call is made here, never by an effect or a refetch.
  const play = async () => {
    const request = ++viewingRequest.current;
    setViewing({ step: 'opening' });
    try {
      const { url, expiresAt } = await api.call('recordings.play', { recordingId: recording.id });
      if (request === viewingRequest.current) setViewing({ step: 'open', url, expiresAt });
    } catch (error) {
      if (request === viewingRequest.current) setViewing({ step: 'failed', error });
    }
    void queryClient.invalidateQueries({ queryKey: ['recordings'] });
  };
  const closePlayer = () => {
    viewingRequest.current += 1;
    setViewing(null);
  };

  const verify = async () => {
    setChecking(true);
    setChecked(null);
    try {
      await api.call('recordings.verify', { recordingId: recording.id });
      setChecked({ ok: true });
    } catch (error) {
      setChecked({ ok: false, error });
    } finally {
      setChecking(false);
      void queryClient.invalidateQueries({ queryKey: ['recordings'] });
    }
  };

  let integrity;
  if (deleted)
    integrity = (
      <Chip size="small" label={t(recording.deletedHow === 'withdrawn' ? 'recordings.removal.withdrawnOn' : 'recordings.deleted', { date: format.dateTime(recording.deletedAt) })} />
    );
  else if (alarm) integrity = <Chip size="small" color="error" icon={<ErrorIcon />} label={t('recordings.integrity.failed')} />;
  else if (recording.lastCheck)
    integrity = <Chip size="small" color="success" variant="outlined" icon={<GppGood />} label={t('recordings.integrity.ok', { date: format.dateTime(recording.lastCheck.at) })} />;
  else integrity = <Chip size="small" variant="outlined" label={t('recordings.integrity.unchecked')} />;

  return (
    <Paper
      component="li"
      variant="outlined"
      aria-label={recording.fileName}
      data-testid={`recording-${recording.id}`}
      data-deleted={deleted || undefined}
      sx={{
        p: 2,
        listStyle: 'none',
        borderColor: alarm && !deleted ? 'error.main' : undefined,
        borderWidth: alarm && !deleted ? 2 : undefined,
        bgcolor: deleted ? 'action.hover' : undefined,
        color: deleted ? 'text.disabled' : undefined,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        {recording.kind === 'audio' ? <Mic color={deleted ? 'disabled' : 'action'} /> : <Videocam color={deleted ? 'disabled' : 'action'} />}
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500, wordBreak: 'break-all', textDecoration: deleted ? 'line-through' : undefined }}>
          {recording.fileName}
        </Typography>
        <Chip size="small" variant="outlined" label={t(`recordings.kind.${recording.kind}`)} />
        <Box sx={{ flexGrow: 1 }} />
        <span data-testid="integrity">{integrity}</span>
      </Stack>

      {alarm && !deleted && (
        <Alert severity="error" variant="filled" role="alert" sx={{ mt: 1.5 }} data-testid="integrity-alarm">
          {t('recordings.integrity.alarm', { date: format.dateTime(recording.lastCheck?.at) })}
        </Alert>
      )}
      {deleted && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('recordings.deletedNote')}
        </Typography>
      )}
      {!deleted && recording.removal && <PendingRemoval request={recording.removal} mayDecide={mayRemove && recording.removal.requestedById !== userId} />}

      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5, my: 1.5 }}>
        <Fact label={t('recordings.size')}>
          <span title={`${recording.size} B`}>{size(recording.size)}</span>
        </Fact>
        <Fact label={t('recordings.duration')}>{recording.durationSeconds === null ? t('recordings.durationUnknown') : formatDuration(recording.durationSeconds)}</Fact>
        <Fact label={t('recordings.format')}>{recording.format || '—'}</Fact>
        <Fact label={t('recordings.registered')}>{t('recordings.registeredOn', { date: format.dateTime(recording.registeredAt), name: recording.registeredBy })}</Fact>
        <Fact label={t('recordings.copiesOut')}>
          <span data-testid="copies-out">{recording.copiesOut}</span>
        </Fact>
      </Box>

      <Typography variant="caption" color="text.secondary" component="div">
        {t('recordings.sha256')}
      </Typography>
      <Sha256 value={recording.sha256} testId="sha256" muted={deleted} />

      {checking && (
        <Alert severity="info" role="status" sx={{ mt: 1.5 }}>
          {t('recordings.integrity.checking')}
        </Alert>
      )}
      {checked?.ok && (
        <Alert severity="success" role="status" sx={{ mt: 1.5 }} onClose={() => setChecked(null)}>
          {t('recordings.integrity.checkedOk')}
        </Alert>
      )}
      {checked && !checked.ok && !isIntegrityAlarm(checked.error) && (
        <Alert severity="error" role="alert" sx={{ mt: 1.5 }} onClose={() => setChecked(null)}>
          {recordingError(t, checked.error, t('recordings.errors.deleted'))}
        </Alert>
      )}

      {(mayView || mayManage || mayRemove) && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mt: 2 }}>
          {mayView && !deleted && (
            <Button size="small" variant="contained" startIcon={<PlayArrow />} onClick={() => void play()}>
              {t('recordings.actions.play')}
            </Button>
          )}
          {mayView && !deleted && (
            <Button size="small" variant="outlined" startIcon={<GppGood />} onClick={() => void verify()} disabled={checking}>
              {t('recordings.actions.verify')}
            </Button>
          )}
          {mayView && (
            <Button size="small" variant="outlined" startIcon={<History />} onClick={() => setOpen('custody')}>
              {t('recordings.actions.custody')}
            </Button>
          )}
          {mayManage && !deleted && (
            <Button size="small" variant="outlined" onClick={() => setOpen('copy')}>
              {t('recordings.actions.copy')}
            </Button>
          )}
          {mayManage && recording.copiesOut > 0 && (
            <Button size="small" variant="outlined" onClick={() => setOpen('return')}>
              {t('recordings.actions.return')}
            </Button>
          )}
          {mayWithdraw && (
            <Button size="small" color="error" startIcon={<Undo />} onClick={() => setOpen('withdraw')} sx={{ ml: 'auto' }}>
              {t('recordings.actions.withdraw')}
            </Button>
          )}
          {mayRemove && !deleted && recording.removal === null && (
            <Button size="small" color="error" startIcon={<DeleteOutline />} onClick={() => setOpen('remove')} sx={mayWithdraw ? undefined : { ml: 'auto' }}>
              {t('recordings.actions.requestRemoval')}
            </Button>
          )}
        </Stack>
      )}

      {viewing && <PlayerDialog recording={recording} viewing={viewing} onClose={closePlayer} />}
      {open === 'custody' && <CustodyDialog recording={recording} onClose={() => setOpen(null)} />}
      {open === 'copy' && <CopyDialog recording={recording} onClose={() => setOpen(null)} />}
      {open === 'return' && <ReturnDialog recording={recording} onClose={() => setOpen(null)} />}
      {open === 'remove' && <RequestRemovalDialog recording={recording} onClose={() => setOpen(null)} />}
      {open === 'withdraw' && <WithdrawDialog recording={recording} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

/** An interview's recordings, their registration, playback and chain of custody. */
export function RecordingsPanel({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const upload = useUpload();
  const [registering, setRegistering] = useState(false);
  const mayManage = isGranted('recordings.manage', session.user.roles);
  const mayView = isGranted('recordings.view', session.user.roles);
  const mayRemove = isGranted('recordings.remove', session.user.roles);
  const cancelled = interview.status === 'cancelled';
  const recordings = useQuery({ queryKey: ['recordings', 'list', interview.id], queryFn: () => api.call('recordings.list', { interviewId: interview.id }) });

  return (
    <Paper variant="outlined" component="section" aria-label={t('recordings.title')} sx={{ p: 3 }} data-interview={interview.id}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2, gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {t('recordings.title')}
        </Typography>
        {mayManage && !cancelled && upload && (
          <Button variant="contained" onClick={() => setRegistering(true)}>
            {t('recordings.register')}
          </Button>
        )}
      </Stack>
      {mayManage && !cancelled && !upload && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('recordings.uploadDesktopOnly')}
        </Alert>
      )}
      {mayManage && cancelled && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('recordings.cancelledInterview')}
        </Alert>
      )}
      <QueryState query={recordings}>
        {(data) =>
          data.recordings.length === 0 ? (
            <Typography color="text.secondary">{t('recordings.none')}</Typography>
          ) : (
            <Stack component="ul" aria-label={t('recordings.listLabel')} spacing={2} sx={{ p: 0, m: 0 }}>
              {data.recordings.map((recording) => (
                <RecordingCard key={recording.id} recording={recording} mayView={mayView} mayManage={mayManage} mayRemove={mayRemove} userId={session.user.id} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {registering && upload && <RegisterDialog interviewId={interview.id} upload={upload} onClose={() => setRegistering(false)} />}
    </Paper>
  );
}
