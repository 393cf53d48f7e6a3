import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/contract';
import { workstationContract, type WorkstationStatus } from '../../../shared/workstation';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormTextField } from '../forms/FormTextField';
import { FormError, SubmitButton } from '../forms/FormFeedback';
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
      setFailure(error instanceof ApiError && error.code === 'invalid_credentials' ? t('workstation.wrongPassphrase') : errorMessage(t, error));
    }
  });
  return (
    <EntryLayout title={t('workstation.unlockTitle')} subtitle={t('workstation.unlockBody')}>
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="passphrase" type="password" label={t('workstation.passphrase')} autoComplete="current-password" autoFocus />
        <FormError message={failure} />
        <SubmitButton submitting={form.formState.isSubmitting} wide>
          {t('workstation.unlock')}
        </SubmitButton>
      </form>
    </EntryLayout>
  );
}
