import UploadFile from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/contract';
import type { Recording } from '../../../../shared/contract/interview-records';
import { recordingKinds, type RecordingKind } from '../../../../shared/interviews/categories';
import { useApi } from '../../api/context';
import type { SendFile, Upload } from '../../api/upload';
import { FormError } from '../../forms/FormFeedback';
import { Sha256 } from '../../components/Sha256';
import { formatDuration, recordingError, useSize } from './parts';

type Phase =
  | { step: 'form' }
  | { step: 'starting' }
  | { step: 'uploading'; sent: number; total: number }
  | { step: 'finishing' }
  | { step: 'registering' }
  | { step: 'done'; recording: Recording };

/**
 * Picks a recording file and its kind, streams it to the host (with
 * progress), registers it, and shows the SHA-256 the host computed.
 */
export function RegisterDialog({ interviewId, upload, onClose }: { interviewId: number; upload: SendFile; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const size = useSize();
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<RecordingKind>('main_video');
  const [fileError, setFileError] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'form' });
  const [failure, setFailure] = useState<string | null>(null);
  const transfer = useRef<Upload | null>(null);
  const busy = phase.step !== 'form' && phase.step !== 'done';

  // Leaving the page would end the upload: the browser asks first. Closing the dialog (or the lock screen) stops it.
  useEffect(() => {
    if (!busy) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [busy]);
  useEffect(() => () => transfer.current?.abort(), []);

  const choose = (picked: File | null) => {
    setFile(picked);
    setFileError(false);
    if (picked?.type.startsWith('audio/')) setKind('audio');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(true);
      return;
    }
    setFailure(null);
    setPhase({ step: 'starting' });
    try {
      const { uploadId, url } = await api.call('recordings.startUpload', { interviewId, fileName: file.name, size: file.size });
      setPhase({ step: 'uploading', sent: 0, total: file.size });
      transfer.current = upload(url, file, (sent, total) => {
        setPhase(sent >= total ? { step: 'finishing' } : { step: 'uploading', sent, total });
      });
      await transfer.current.done;
      transfer.current = null;
      setPhase({ step: 'registering' });
      const recording = await api.call('recordings.register', { interviewId, uploadId, kind });
      void queryClient.invalidateQueries({ queryKey: ['recordings'] });
      setPhase({ step: 'done', recording });
    } catch (error) {
      transfer.current = null;
      setPhase({ step: 'form' });
      // An interrupted or incomplete upload, or one that expired before registering, is refused as invalid input.
      const lost = error instanceof ApiError && error.code === 'invalid_input';
      setFailure(lost ? t('recordings.errors.uploadFailed') : recordingError(t, error, t('recordings.errors.cancelled')));
    }
  };

  const stop = () => {
    transfer.current?.abort();
    onClose();
  };

  let progress = null;
  if (phase.step === 'uploading') {
    const percent = phase.total > 0 ? Math.floor((phase.sent / phase.total) * 100) : 0;
    progress = (
      <>
        <LinearProgress variant="determinate" value={percent} aria-label={t('recordings.upload.title')} />
        <Typography variant="body2" sx={{ mt: 1 }} role="status">
          {t('recordings.upload.progress', { sent: size(phase.sent), total: size(phase.total), percent })}
        </Typography>
      </>
    );
  } else if (phase.step === 'starting' || phase.step === 'finishing' || phase.step === 'registering') {
    const words = { starting: 'recordings.upload.starting', finishing: 'recordings.upload.finishing', registering: 'recordings.upload.registering' } as const;
    progress = (
      <>
        <LinearProgress aria-label={t('recordings.upload.title')} />
        <Typography variant="body2" sx={{ mt: 1 }} role="status">
          {t(words[phase.step])}
        </Typography>
      </>
    );
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{t('recordings.upload.title')}</DialogTitle>
        <DialogContent>
          {phase.step === 'done' ? (
            <Stack spacing={1.5} data-testid="upload-result">
              <Alert severity="success" role="status">
                {t('recordings.upload.done')}
              </Alert>
              <Sha256 value={phase.recording.sha256} testId="upload-sha256" />
              <Typography variant="body2">
                {phase.recording.fileName} · {t(`recordings.kind.${phase.recording.kind}`)} · {size(phase.recording.size)}
                {phase.recording.durationSeconds !== null && ` · ${formatDuration(phase.recording.durationSeconds)}`} · {phase.recording.format}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('recordings.upload.verifyHint')}
              </Typography>
            </Stack>
          ) : (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {t('recordings.upload.intro')}
              </Typography>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
                <Button component="label" variant="outlined" startIcon={<UploadFile />} disabled={busy}>
                  {t('recordings.upload.chooseFile')}
                  <input type="file" hidden data-testid="recording-file" onChange={(event) => choose(event.target.files?.[0] ?? null)} />
                </Button>
                <Typography variant="body2" color={fileError ? 'error' : file ? 'text.primary' : 'text.secondary'} sx={{ wordBreak: 'break-all' }}>
                  {file ? t('recordings.upload.fileChosen', { name: file.name, size: size(file.size) }) : fileError ? t('recordings.upload.fileRequired') : t('recordings.upload.noFile')}
                </Typography>
              </Stack>
              <TextField
                select
                label={t('recordings.upload.kind')}
                value={kind}
                onChange={(event) => setKind(event.target.value as RecordingKind)}
                disabled={busy}
                fullWidth
                margin="normal"
              >
                {recordingKinds.map((value) => (
                  <MenuItem key={value} value={value}>
                    {t(`recordings.kind.${value}`)}
                  </MenuItem>
                ))}
              </TextField>
              {progress && <Box sx={{ mt: 2 }}>{progress}</Box>}
              <FormError message={failure} />
            </>
          )}
        </DialogContent>
        <DialogActions>
          {phase.step === 'done' ? (
            <Button variant="contained" onClick={onClose}>
              {t('recordings.upload.close')}
            </Button>
          ) : (
            <>
              <Button onClick={busy ? stop : onClose}>{busy ? t('recordings.upload.stop') : t('common.cancel')}</Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {t('recordings.upload.submit')}
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
