import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { SessionRestriction } from '../../../shared/contract/methods/auth';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { TotpEnrolment } from '../account/TotpEnrolment';
import { useSession } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';

/** Before anything else: a new account chooses its own password; a role that requires it enrols in two-factor sign-in. */
export function ForcedSetupScreen({ restriction, onDone }: { restriction: NonNullable<SessionRestriction>; onDone: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const password = restriction === 'change_password';
  return (
    <EntryLayout
      title={password ? t('forced.passwordTitle') : t('forced.totpTitle')}
      subtitle={password ? t('forced.passwordBody') : t('forced.totpBody')}
      width={password ? 480 : 640}
    >
      {password ? <ChangePasswordForm onChanged={onDone} /> : <TotpEnrolment onEnrolled={onDone} />}
      <Button fullWidth sx={{ mt: 2 }} onClick={() => void signOut()}>
        {t('common.signOut')}
      </Button>
    </EntryLayout>
  );
}
