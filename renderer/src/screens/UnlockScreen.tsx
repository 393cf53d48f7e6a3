import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { workstationContract, type WorkstationStatus } from '../../../shared/workstation';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormTextField } from '../forms/FormTextField';
import { errorMessage } from '../i18n/messages';

const schema = workstationContract['workstation.unlock'].input;

export function UnlockScreen({ onDone }: { onDone: (status: WorkstationStatus) => void }) {
  const { t } = useTranslation();
  const { workstation } = useConnection();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { passphrase: '' } });
  const submit = form.handleSubmit(async (values) => {
    if (!workstation) return;
    setFailure(null);
    try {
      onDone(await workstation.call('workstation.unlock', values));
    } catch (error) {
      form.setValue('passphrase', '');
      setFailure(errorMessage(t, error));
    }
  });
  return (
    <EntryLayout title={t('workstation.unlockTitle')} subtitle={t('workstation.unlockBody')}>
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="passphrase" type="password" label={t('workstation.passphrase')} autoComplete="current-password" autoFocus />
        {failure && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{failure}</Alert>}
        <Button type="submit" variant="contained" fullWidth size="large" sx={{ mt: 3 }} disabled={form.formState.isSubmitting}>
          {t('workstation.unlock')}
        </Button>
      </form>
    </EntryLayout>
  );
}
