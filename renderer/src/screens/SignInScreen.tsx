import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { Session } from '../api/context';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormTextField } from '../forms/FormTextField';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';

const schema = contract['auth.login'].input;

export type SignInNotice = 'setup-done' | 'session-ended' | 'signed-out';

export function SignInScreen({
  centreName,
  initialUsername = '',
  notice,
  onSignedIn,
}: {
  centreName: string | null;
  initialUsername?: string;
  notice?: SignInNotice;
  onSignedIn: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const { api } = useConnection();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: initialUsername, password: '' } });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await api.call('auth.login', values);
      onSignedIn({ user: result.user, expiresAt: result.expiresAt });
    } catch (error) {
      form.setValue('password', '');
      setFailure(errorMessage(t, error));
    }
  });

  return (
    <EntryLayout title={t('signIn.title')} {...(centreName ? { subtitle: t('signIn.subtitle', { centre: centreName }) } : {})}>
      {notice === 'setup-done' && <Notice severity="success">{t('signIn.setupDone')}</Notice>}
      {notice === 'session-ended' && <Notice severity="info">{t('errors.not_signed_in')}</Notice>}
      {notice === 'signed-out' && <Notice severity="info">{t('signIn.signedOut')}</Notice>}
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="username" label={t('signIn.username')} autoComplete="username" autoFocus={!initialUsername} />
        <FormTextField
          control={form.control}
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          autoFocus={Boolean(initialUsername)}
        />
        <FormError message={failure} />
        <SubmitButton submitting={form.formState.isSubmitting} wide>
          {t('signIn.submit')}
        </SubmitButton>
      </form>
    </EntryLayout>
  );
}
