import { zodResolver } from '@hookform/resolvers/zod';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { centreNameSchema, displayNameSchema, passwordSchema, usernameSchema } from '../../../shared/contract';
import { useConnection } from '../api/context';
import { EntryLayout } from '../components/EntryLayout';
import { FormTextField } from '../forms/FormTextField';
import { NewPasswordFields, confirmed } from '../forms/NewPasswordFields';
import { FormError, SubmitButton } from '../forms/FormFeedback';
import { applyServerError } from '../forms/server-errors';

// The same field rules the host applies, plus the repeat check only a form needs.
const schema = confirmed(
  { centreName: centreNameSchema, displayName: displayNameSchema, username: usernameSchema, password: passwordSchema, confirmPassword: z.string() },
  'password',
  'confirmPassword',
);
type Values = z.input<typeof schema>;

const fieldFor = (path: (string | number)[]) => {
  const last = path.at(-1);
  return path[0] === 'centreName' ? 'centreName' : last === 'password' || last === 'username' || last === 'displayName' ? last : null;
};

export function FirstRunScreen({ onDone }: { onDone: (username: string) => void }) {
  const { t } = useTranslation();
  const { api } = useConnection();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { centreName: '', displayName: '', username: '', password: '', confirmPassword: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await api.call('setup.initialize', {
        centreName: values.centreName,
        admin: { username: values.username, password: values.password, displayName: values.displayName },
      });
      onDone(result.admin.username);
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, fieldFor));
    }
  });

  return (
    <EntryLayout title={t('firstRun.title')} subtitle={t('firstRun.intro')} width={520}>
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="centreName" label={t('firstRun.centreName')} autoFocus />
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('firstRun.adminHeading')}
        </Typography>
        <FormTextField control={form.control} name="displayName" label={t('firstRun.displayName')} autoComplete="name" />
        <FormTextField control={form.control} name="username" label={t('firstRun.username')} autoComplete="username" />
        <NewPasswordFields control={form.control} name="password" confirmName="confirmPassword" label={t('firstRun.password')} />
        <FormError message={failure} />
        <SubmitButton submitting={form.formState.isSubmitting} wide>
          {t('firstRun.submit')}
        </SubmitButton>
      </form>
    </EntryLayout>
  );
}
