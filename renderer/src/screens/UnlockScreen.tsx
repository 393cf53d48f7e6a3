import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/contract';
import type { WorkstationStatus } from '../../../shared/workstation';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { SecretPrompt } from '../forms/SecretPrompt';
import { errorMessage } from '../i18n/messages';

export function UnlockScreen({ onDone }: { onDone: (status: WorkstationStatus) => void }) {
  const { t } = useTranslation();
  const { workstation } = useConnection();
  return (
    <EntryLayout title={t('workstation.unlockTitle')} subtitle={t('workstation.unlockBody')}>
      <SecretPrompt
        label={t('workstation.passphrase')}
        submitLabel={t('workstation.unlock')}
        submit={async (passphrase) => {
          if (workstation) onDone(await workstation.call('workstation.unlock', { passphrase }));
        }}
        describe={(error) => (error instanceof ApiError && error.code === 'invalid_credentials' ? t('workstation.wrongPassphrase') : errorMessage(t, error))}
      />
    </EntryLayout>
  );
}
