import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema } from '../../../shared/contract';
import { workstationContract, type WorkstationStatus } from '../../../shared/workstation';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormTextField } from '../forms/FormTextField';
import { NewPasswordFields, confirmed } from '../forms/NewPasswordFields';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { applyServerError } from '../forms/server-errors';

const passphraseForm = confirmed({ passphrase: passwordSchema, confirm: z.string() }, 'passphrase', 'confirm');

/** Fingerprints are long; groups of four are easier to compare by eye with what the host printed. */
function grouped(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;
}

export function WorkstationSetupScreen({ status, onDone }: { status: WorkstationStatus; onDone: (status: WorkstationStatus) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'standalone' | 'client'>('standalone');
  return (
    <EntryLayout title={t('workstation.title')} subtitle={t('workstation.intro')} width={600}>
      <RadioGroup value={mode} onChange={(event) => setMode(event.target.value as 'standalone' | 'client')}>
        <FormControlLabel
          value="standalone"
          control={<Radio />}
          label={<Choice title={t('workstation.standaloneTitle')} body={t('workstation.standaloneBody')} />}
        />
        <FormControlLabel value="client" control={<Radio />} label={<Choice title={t('workstation.clientTitle')} body={t('workstation.clientBody')} />} />
      </RadioGroup>
      <Box sx={{ mt: 2 }}>{mode === 'standalone' ? <Standalone status={status} onDone={onDone} /> : <JoinHost onDone={onDone} />}</Box>
    </EntryLayout>
  );
}

function Choice({ title, body }: { title: string; body: string }) {
  return (
    <Box sx={{ py: 1 }}>
      <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {body}
      </Typography>
    </Box>
  );
}

function Standalone({ status, onDone }: { status: WorkstationStatus; onDone: (status: WorkstationStatus) => void }) {
  const { t } = useTranslation();
  const { workstation } = useConnection();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(passphraseForm), defaultValues: { passphrase: '', confirm: '' } });

  const create = async (passphrase?: string) => {
    if (!workstation) return;
    setFailure(null);
    try {
      onDone(await workstation.call('workstation.setupStandalone', passphrase ? { passphrase } : {}));
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'passphrase' ? 'passphrase' : null)));
    }
  };

  if (status.osProtectionAvailable) {
    return (
      <>
        <Notice severity="info">{t('workstation.osProtected')}</Notice>
        <FormError message={failure} />
        <Button variant="contained" sx={{ mt: 2 }} onClick={() => void create()}>
          {t('workstation.create')}
        </Button>
      </>
    );
  }
  return (
    <form onSubmit={form.handleSubmit((values) => create(values.passphrase))} noValidate>
      <Alert severity="warning" role="note">{t('workstation.passphraseHelp')}</Alert>
      <NewPasswordFields control={form.control} name="passphrase" confirmName="confirm" label={t('workstation.passphrase')} confirmLabel={t('workstation.confirmPassphrase')} />
      <FormError message={failure} />
      <SubmitButton submitting={form.formState.isSubmitting}>{t('workstation.create')}</SubmitButton>
    </form>
  );
}

const probeForm = workstationContract['workstation.probeHost'].input;

function JoinHost({ onDone }: { onDone: (status: WorkstationStatus) => void }) {
  const { t } = useTranslation();
  const { workstation } = useConnection();
  const [probe, setProbe] = useState<{ url: string; fingerprint: string } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(probeForm), defaultValues: { url: '' } });

  const check = form.handleSubmit(async (values) => {
    if (!workstation) return;
    setFailure(null);
    setConfirmed(false);
    try {
      setProbe(await workstation.call('workstation.probeHost', values));
    } catch (error) {
      setProbe(null);
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'url' ? 'url' : null)));
    }
  });

  const join = async () => {
    if (!workstation || !probe) return;
    setFailure(null);
    try {
      onDone(await workstation.call('workstation.joinHost', { url: probe.url, fingerprint: probe.fingerprint }));
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, () => null));
    }
  };

  return (
    <>
      <form onSubmit={check} noValidate>
        <FormTextField control={form.control} name="url" type="url" label={t('workstation.hostUrl')} helperText={t('workstation.hostUrlHelp')} />
        <Button type="submit" variant="outlined" disabled={form.formState.isSubmitting}>
          {t('workstation.checkHost')}
        </Button>
      </form>
      {probe && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('workstation.fingerprintTitle')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('workstation.fingerprintBody')}
          </Typography>
          <Typography component="code" sx={{ display: 'block', fontFamily: 'monospace', fontSize: 15, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, wordSpacing: '0.2em' }}>
            SHA256: {grouped(probe.fingerprint)}
          </Typography>
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />}
            label={t('workstation.fingerprintMatches')}
          />
          <Box>
            <Button variant="contained" disabled={!confirmed} onClick={() => void join()}>
              {t('workstation.join')}
            </Button>
          </Box>
        </Box>
      )}
      <FormError message={failure} />
    </>
  );
}
