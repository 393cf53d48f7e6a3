import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../../../../shared/contract/interview-records';
import { useFormat } from '../../components/format';
import { isIntegrityAlarm, recordingError } from './parts';

export type Viewing = { step: 'opening' } | { step: 'open'; url: string; expiresAt: string } | { step: 'failed'; error: unknown };

/** A viewing opened by recordings.play: the host re-checked the hash and logged it; the player streams from the host. */
export function PlayerDialog({ recording, viewing, onClose }: { recording: Recording; viewing: Viewing; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const [unplayable, setUnplayable] = useState(false);
  const audio = recording.kind === 'audio';
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('recordings.player.title', { name: recording.fileName })}</DialogTitle>
      <DialogContent>
        {viewing.step === 'opening' && (
          <>
            <LinearProgress aria-label={t('recordings.player.opening')} />
            <Typography variant="body2" sx={{ mt: 1 }} role="status">
              {t('recordings.player.opening')}
            </Typography>
          </>
        )}
        {viewing.step === 'failed' && (
          <Alert severity="error" role="alert" variant={isIntegrityAlarm(viewing.error) ? 'filled' : 'standard'} data-testid={isIntegrityAlarm(viewing.error) ? 'integrity-alarm' : undefined}>
            {recordingError(t, viewing.error, t('recordings.errors.deleted'))}
          </Alert>
        )}
        {viewing.step === 'open' && (
          <>
            {/* A <video> plays sound-only files too; for those only its controls show. */}
            <Box sx={{ bgcolor: audio ? 'transparent' : 'common.black', borderRadius: 1, overflow: 'hidden', lineHeight: 0 }}>
              <video
                controls
                preload="metadata"
                src={viewing.url}
                data-testid="recording-player"
                aria-label={recording.fileName}
                onError={() => setUnplayable(true)}
                style={{ display: 'block', width: '100%', maxHeight: '65vh', height: audio ? 54 : undefined }}
              />
            </Box>
            {unplayable && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {t('recordings.errors.playback')}
              </Alert>
            )}
            <Alert severity="success" role="status" sx={{ mt: 2 }}>
              {t('recordings.player.checked')} {t('recordings.player.until', { time: format.time(viewing.expiresAt) })}
            </Alert>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('recordings.player.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
