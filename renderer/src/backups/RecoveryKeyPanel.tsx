import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import type { BackupStatus } from '../../../shared/contract/methods/backups';
import { useApi } from '../api/context';
import { useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { savePdf } from '../meetings/minutes';
import { refusalMessage } from './refusal';
import { backupsKey } from './useBackupStatus';

type Created = MethodOutput<'backups.createRecoveryKey'>;

/** The key in groups, three to a line, as the sheet prints them. */
function keyGroups(key: string): string[][] {
  const groups = key.trim().split(/[\s-]+/).filter(Boolean);
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += 3) lines.push(groups.slice(i, i + 3));
  return lines;
}

export function RecoveryKeyPanel({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const existing = status.settings.recoveryKey;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="recovery-key-title" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2" id="recovery-key-title">
        {t('backups.recovery.title')}
      </Typography>
      {existing ? (
        <Typography sx={{ mt: 1 }} data-testid="recovery-fingerprint">
          {t('backups.recovery.exists', { fingerprint: existing.fingerprint, at: format.dateTime(existing.createdAt), by: existing.createdBy ?? '—' })}
        </Typography>
      ) : (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {t('backups.recovery.none')}
        </Alert>
      )}
      <Button sx={{ mt: 2 }} variant={existing ? 'outlined' : 'contained'} onClick={() => setOpen(true)}>
        {existing ? t('backups.recovery.replace') : t('backups.recovery.create')}
      </Button>
      {open && <RecoveryKeyDialog replacing={existing !== null} onClose={() => setOpen(false)} />}
    </Paper>
  );
}

/**
 * Creates the key, then shows it once in large groups with the sheet to
 * download. Nothing of it is cached: closing the dialog drops the only copy
 * this screen holds.
 */
function RecoveryKeyDialog({ replacing, onClose }: { replacing: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const [stored, setStored] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const language = (['en', 'ro', 'bg'] as const).find((l) => i18n.language.startsWith(l)) ?? 'en';

  const create = async () => {
    setFailure(null);
    setBusy(true);
    try {
      setCreated(await api.call('backups.createRecoveryKey', { language, replace: replacing, ...(replacing ? { reason } : {}) }));
      await queryClient.invalidateQueries({ queryKey: backupsKey });
    } catch (error) {
      setFailure(refusalMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  // Once the key is shown, only the confirmation closes the dialog: a stray click outside must not lose it.
  const close = created ? () => undefined : onClose;
  return (
    <Dialog open onClose={close} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('backups.recovery.dialogTitle')}</DialogTitle>
      <DialogContent>
        {!created ? (
          <>
            <Typography>{t('backups.recovery.intro')}</Typography>
            {replacing && (
              <>
                <Typography sx={{ mt: 2 }}>{t('backups.recovery.replaceIntro')}</Typography>
                <TextField label={t('backups.recovery.reason')} value={reason} onChange={(e) => setReason(e.target.value)} fullWidth margin="normal" />
              </>
            )}
          </>
        ) : (
          <>
            <Alert severity="warning">{t('backups.recovery.shownOnce')}</Alert>
            <Typography sx={{ mt: 2 }} variant="subtitle2" component="p">
              {t('backups.recovery.keyLabel')}
            </Typography>
            <Box
              data-testid="recovery-key"
              aria-label={t('backups.recovery.keyLabel')}
              sx={{ fontFamily: 'monospace', fontSize: { xs: 20, sm: 28 }, letterSpacing: 1, border: 2, borderRadius: 1, p: 2, my: 1, textAlign: 'center', userSelect: 'all' }}
            >
              {keyGroups(created.recoveryKey).map((line, i) => (
                <div key={i}>{line.join('  ')}</div>
              ))}
            </Box>
            <Typography color="text.secondary">{t('backups.recovery.fingerprint', { fingerprint: created.fingerprint })}</Typography>
            <Button sx={{ mt: 2 }} variant="outlined" onClick={() => savePdf(created.sheet.pdf, created.sheet.fileName)}>
              {t('backups.recovery.download')}
            </Button>
            <Box sx={{ mt: 2 }}>
              <FormControlLabel control={<Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)} />} label={t('backups.recovery.confirm')} />
            </Box>
          </>
        )}
        <FormError message={failure} />
      </DialogContent>
      <DialogActions>
        {!created ? (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="contained" disabled={busy || (replacing && reason.trim() === '')} onClick={() => void create()}>
              {t('backups.recovery.generate')}
            </Button>
          </>
        ) : (
          <Button variant="contained" disabled={!stored} onClick={onClose}>
            {t('backups.recovery.done')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
