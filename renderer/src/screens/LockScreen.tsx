import LockOutlined from '@mui/icons-material/LockOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { type Session, useSession } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormError, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { errorMessage } from '../i18n/messages';

/**
 * Shown instead of everything else once the workstation is locked: the
 * screens below are unmounted, so no case data stays on screen or in the page.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: (session: Session) => void }) {
  const { t } = useTranslation();
  const { connection, session, signOut } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(contract['auth.unlock'].input), defaultValues: { password: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const next = await connection.api.call('auth.unlock', values);
      onUnlocked({ user: next.user, expiresAt: next.expiresAt, idleLockSeconds: next.idleLockSeconds, restriction: next.restriction });
    } catch (error) {
      form.setValue('password', '');
      setFailure(errorMessage(t, error));
    }
  });
  return (
    <EntryLayout title={t('lock.title')} subtitle={t('lock.subtitle', { name: session.user.displayName, username: session.user.username })}>
      <Stack direction="row" sx={{ justifyContent: 'center', my: 1 }}>
        <LockOutlined color="primary" sx={{ fontSize: 48 }} />
      </Stack>
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="password" type="password" label={t('signIn.password')} autoComplete="current-password" autoFocus />
        <FormError message={failure} />
        <SubmitButton submitting={form.formState.isSubmitting} wide>
          {t('lock.unlock')}
        </SubmitButton>
      </form>
      <Button fullWidth sx={{ mt: 1 }} onClick={() => void signOut()}>
        {t('lock.signOutInstead')}
      </Button>
    </EntryLayout>
  );
}
