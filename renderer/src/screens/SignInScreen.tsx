import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, totpCodeSchema } from '../../../shared/contract';
import type { Session } from '../api/context';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { errorMessage } from '../i18n/messages';
import { useFormat } from '../components/format';

const schema = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(256), code: z.string() });

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
  // Before sign-in the centre's zone is known only if someone signed in earlier in this window.
  const format = useFormat();
  const { api } = useConnection();
  const [failure, setFailure] = useState<string | null>(null);
  // The password was right and the account uses two-factor sign-in: ask for the code.
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: initialUsername, password: '', code: '' } });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    if (needsCode && !totpCodeSchema.safeParse(values.code).success) {
      form.setError('code', { message: t('validation.totpCode') });
      return;
    }
    try {
      const result = await api.call('auth.login', { username: values.username, password: values.password, ...(needsCode ? { code: values.code.trim() } : {}) });
      onSignedIn({ user: result.user, expiresAt: result.expiresAt, idleLockSeconds: result.idleLockSeconds, restriction: result.restriction });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') {
        setNeedsCode(true);
        return;
      }
      form.setValue('password', '');
      form.setValue('code', '');
      setNeedsCode(false);
      const until = (error instanceof ApiError && (error.details as { lockedUntil?: string } | undefined)?.lockedUntil) || null;
      setFailure(
        until
          ? t('signIn.lockedUntil', { time: format.time(until) })
          : errorMessage(t, error),
      );
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
        {needsCode && (
          <>
            <Notice severity="info">{t('signIn.codeNeeded')}</Notice>
            <FormTextField control={form.control} name="code" label={t('signIn.code')} autoComplete="one-time-code" autoFocus />
          </>
        )}
        <FormError message={failure} />
        <SubmitButton submitting={form.formState.isSubmitting} wide>
          {t('signIn.submit')}
        </SubmitButton>
      </form>
    </EntryLayout>
  );
}
