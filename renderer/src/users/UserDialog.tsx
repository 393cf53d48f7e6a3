import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, displayNameSchema, emailSchema, jobTitleSchema, passwordSchema, phoneSchema, rolesSchema, usernameSchema, agencySchema } from '../../../shared/contract';
import type { UserRecord } from '../../../shared/contract/methods/users';
import { agencies } from '../../../shared/permissions';
import { useApi } from '../api/context';
import { FormError } from '../forms/FormFeedback';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { RolesField } from '../forms/RolesField';
import { applyServerError } from '../forms/server-errors';

const profile = { displayName: displayNameSchema, agency: agencySchema, roles: rolesSchema, jobTitle: jobTitleSchema, phone: phoneSchema, email: emailSchema };
const createSchema = z.object({ username: usernameSchema, password: passwordSchema, ...profile });
const editSchema = z.object({ username: z.string(), password: z.string(), ...profile });

const fieldNames = ['username', 'password', 'displayName', 'agency', 'roles', 'jobTitle', 'phone', 'email'] as const;

/** Create an account (user == null) or edit one. */
export function UserDialog({ user, onClose, onSaved }: { user: UserRecord | null; onClose: () => void; onSaved: (user: UserRecord) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(user ? editSchema : createSchema),
    defaultValues: {
      username: user?.username ?? '',
      password: '',
      displayName: user?.displayName ?? '',
      agency: user?.agency ?? 'barnahus_staff',
      roles: user?.roles ?? [],
      jobTitle: user?.jobTitle ?? '',
      phone: user?.phone ?? '',
      email: user?.email ?? '',
    },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const profileValues = { displayName: values.displayName, agency: values.agency, roles: values.roles, jobTitle: values.jobTitle, phone: values.phone, email: values.email };
    try {
      const saved = user
        ? await api.call('users.update', { userId: user.id, version: user.version, ...profileValues })
        : await api.call('users.create', { username: values.username, password: values.password, ...profileValues });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && (error.details as { field?: string } | undefined)?.field === 'username') {
        form.setError('username', { message: t('users.usernameTaken') });
      }
      setFailure(applyServerError(error, form.setError, t, (path) => fieldNames.find((f) => f === path[0]) ?? null));
    }
  });

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{user ? t('users.editTitle', { name: user.displayName }) : t('users.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormTextField control={form.control} name="displayName" label={t('users.displayName')} autoFocus />
            {!user && <FormTextField control={form.control} name="username" label={t('signIn.username')} autoComplete="off" />}
          </Stack>
          {!user && (
            <FormTextField
              control={form.control}
              name="password"
              type="password"
              label={t('users.initialPassword')}
              helperText={t('users.initialPasswordHelp')}
              autoComplete="new-password"
            />
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormSelectField control={form.control} name="agency" label={t('users.agency')} options={agencies.map((a) => ({ value: a, label: t(`agencies.${a}`) }))} />
            <FormTextField control={form.control} name="jobTitle" label={t('users.jobTitle')} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormTextField control={form.control} name="phone" label={t('users.phone')} />
            <FormTextField control={form.control} name="email" label={t('users.email')} />
          </Stack>
          <RolesField control={form.control} name="roles" label={t('users.roles')} />
          <FormError message={failure} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            {user ? t('common.save') : t('users.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
