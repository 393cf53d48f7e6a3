import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema } from '../../../shared/contract';
import type { UserRecord } from '../../../shared/contract/methods/users';
import { useApi } from '../api/context';
import { FormError } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRecord; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(z.object({ password: passwordSchema })), defaultValues: { password: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('users.resetPassword', { userId: user.id, password: values.password });
      onDone();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'password' ? 'password' : null)));
    }
  });
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('users.resetPasswordTitle', { name: user.displayName })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('users.resetPasswordBody')}</DialogContentText>
          <FormTextField control={form.control} name="password" type="password" label={t('users.initialPassword')} autoComplete="new-password" autoFocus />
          <FormError message={failure} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            {t('users.resetPassword')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
