import LockOutlined from '@mui/icons-material/LockOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { type Session, useSession } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { SecretPrompt } from '../forms/SecretPrompt';
import { errorMessage } from '../i18n/messages';

/**
 * Shown instead of everything else once the workstation is locked: the
 * screens below are unmounted, so no case data stays on screen or in the page.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: (session: Session) => void }) {
  const { t } = useTranslation();
  const { connection, session, signOut } = useSession();
  return (
    <EntryLayout title={t('lock.title')} subtitle={t('lock.subtitle', { name: session.user.displayName, username: session.user.username })}>
      <Stack direction="row" sx={{ justifyContent: 'center', my: 1 }}>
        <LockOutlined color="primary" sx={{ fontSize: 48 }} />
      </Stack>
      <SecretPrompt
        label={t('signIn.password')}
        submitLabel={t('lock.unlock')}
        submit={async (password) => {
          const next = await connection.api.call('auth.unlock', { password });
          onUnlocked({ user: next.user, expiresAt: next.expiresAt, idleLockSeconds: next.idleLockSeconds, restriction: next.restriction });
        }}
        describe={(error) => errorMessage(t, error)}
      />
      <Button fullWidth sx={{ mt: 1 }} onClick={() => void signOut()}>
        {t('lock.signOutInstead')}
      </Button>
    </EntryLayout>
  );
}
