import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { useApi } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../components/format';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { errorMessage } from '../i18n/messages';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpEnrolment } from './TotpEnrolment';

export function AccountPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const account = useQuery({ queryKey: ['account'], queryFn: () => api.call('account.get', {}) });
  return (
    <>
      <PageHeader title={t('account.title')} />
      <QueryState query={account}>
        {(me) => (
          <Stack spacing={3} sx={{ maxWidth: 760 }}>
            <Paper variant="outlined" sx={{ p: 3 }}>
              <Typography variant="h6" component="h2">
                {me.displayName}
              </Typography>
              <Typography color="text.secondary">
                {me.username} · {t(`agencies.${me.agency}`)}
                {me.jobTitle ? ` · ${me.jobTitle}` : ''}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap' }}>
                {me.roles.map((role) => (
                  <Chip key={role} size="small" label={t(`roles.${role}`)} />
                ))}
              </Stack>
            </Paper>
            <Paper variant="outlined" sx={{ p: 3 }}>
              <Typography variant="h6" component="h2">
                {t('account.passwordHeading')}
              </Typography>
              {me.passwordChangedAt && (
                <Typography variant="body2" color="text.secondary">
                  {t('account.passwordChangedAt', { time: format.dateTime(me.passwordChangedAt) })}
                </Typography>
              )}
              <ChangePasswordForm />
            </Paper>
            <Paper variant="outlined" sx={{ p: 3 }}>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('account.totpHeading')}
              </Typography>
              {me.totpEnabled ? <TotpOn required={me.totpRequired} /> : <TotpEnrolment onEnrolled={() => void account.refetch()} />}
            </Paper>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function TotpOn({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(contract['account.disableTotp'].input), defaultValues: { password: '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('account.disableTotp', values);
      await queryClient.invalidateQueries({ queryKey: ['account'] });
    } catch (error) {
      form.setValue('password', '');
      setFailure(errorMessage(t, error));
    }
  });
  return (
    <>
      <Notice severity="success">{t('account.totpOn')}</Notice>
      {required ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('account.totpRequired')}
        </Typography>
      ) : asking ? (
        <form onSubmit={submit} noValidate>
          <FormTextField control={form.control} name="password" type="password" label={t('signIn.password')} autoComplete="current-password" />
          <FormError message={failure} />
          <SubmitButton submitting={form.formState.isSubmitting}>{t('account.totpTurnOff')}</SubmitButton>
        </form>
      ) : (
        <Button sx={{ mt: 1 }} onClick={() => setAsking(true)}>
          {t('account.totpTurnOff')}
        </Button>
      )}
    </>
  );
}
