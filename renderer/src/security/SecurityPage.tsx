import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract';
import type { SecurityPolicy } from '../../../shared/contract/methods/security';
import { roles, type Role } from '../../../shared/permissions';
import { useApi } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

// Minutes on screen; seconds in the contract (tests use a few seconds).
const schema = z.object({
  idleMinutes: z.coerce.number<string | number>().int().min(1).max(1440),
  totpRequiredRoles: z.array(z.string()),
  blindInterviewer: z.boolean(),
});

export function SecurityPage() {
  const { t } = useTranslation();
  const api = useApi();
  const policy = useQuery({ queryKey: ['security'], queryFn: () => api.call('security.getPolicy', {}) });
  return (
    <>
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      <QueryState query={policy}>{(current) => <PolicyForm key={current.version} current={current} />}</QueryState>
    </>
  );
}

function PolicyForm({ current }: { current: SecurityPolicy }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { idleMinutes: Math.max(1, Math.round(current.idleLockSeconds / 60)), totpRequiredRoles: current.totpRequiredRoles, blindInterviewer: current.blindInterviewer },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    try {
      await api.call('security.updatePolicy', {
        idleLockSeconds: values.idleMinutes * 60,
        totpRequiredRoles: values.totpRequiredRoles as Role[],
        blindInterviewer: values.blindInterviewer,
        version: current.version,
      });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['security'] });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') await queryClient.invalidateQueries({ queryKey: ['security'] });
      setFailure(applyServerError(error, form.setError, t, () => null));
    }
  });
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 760 }}>
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="idleMinutes" label={t('security.idleMinutes')} helperText={t('security.idleHelp')} />
        <FormLabel component="legend" sx={{ mt: 2 }}>
          {t('security.totpRoles')}
        </FormLabel>
        <Controller
          control={form.control}
          name="totpRequiredRoles"
          render={({ field }) => (
            <FormGroup row>
              {roles.map((role) => (
                <FormControlLabel
                  key={role}
                  sx={{ width: 240 }}
                  control={
                    <Checkbox
                      checked={field.value.includes(role)}
                      onChange={(event) => field.onChange(event.target.checked ? [...field.value, role] : field.value.filter((r) => r !== role))}
                    />
                  }
                  label={t(`roles.${role}`)}
                />
              ))}
            </FormGroup>
          )}
        />
        <Typography variant="body2" color="text.secondary">
          {t('security.totpHelp')}
        </Typography>
        <Controller
          control={form.control}
          name="blindInterviewer"
          render={({ field }) => (
            <FormControlLabel sx={{ mt: 2 }} control={<Switch checked={field.value} onChange={(event) => field.onChange(event.target.checked)} />} label={t('security.blind')} />
          )}
        />
        <Typography variant="body2" color="text.secondary">
          {t('security.blindHelp')}
        </Typography>
        <FormError message={failure} />
        {saved && <Notice severity="success">{t('centre.saved')}</Notice>}
        <SubmitButton submitting={form.formState.isSubmitting}>{t('common.save')}</SubmitButton>
      </form>
    </Paper>
  );
}
