import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema } from '../../../shared/contract';
import { useApi } from '../api/context';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { NewPasswordFields, confirmed } from '../forms/NewPasswordFields';
import { applyServerError } from '../forms/server-errors';

const schema = confirmed({ currentPassword: z.string().min(1), newPassword: passwordSchema, confirm: z.string() }, 'newPassword', 'confirm');

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', confirm: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setDone(false);
    try {
      await api.call('account.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.reset();
      setDone(true);
      onChanged?.();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'newPassword' ? 'newPassword' : null)));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <FormTextField control={form.control} name="currentPassword" type="password" label={t('account.currentPassword')} autoComplete="current-password" />
      <NewPasswordFields control={form.control} name="newPassword" confirmName="confirm" label={t('account.newPassword')} />
      <FormError message={failure} />
      {done && <Notice severity="success">{t('account.passwordChanged')}</Notice>}
      <SubmitButton submitting={form.formState.isSubmitting}>{t('account.changePassword')}</SubmitButton>
    </form>
  );
}
