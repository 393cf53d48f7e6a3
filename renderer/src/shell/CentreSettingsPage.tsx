import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { careConsentRules } from '../../../shared/cases/categories';
import { ApiError, centreNameSchema } from '../../../shared/contract';
import type { Centre } from '../../../shared/contract/methods/centre';
import { isGranted } from '../../../shared/permissions';
import { useChangeEvents, useSession } from '../api/context';
import { Loading } from '../components/Centered';
import { FormError, Notice, SubmitButton } from '../forms/FormFeedback';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';

const schema = z.object({ name: centreNameSchema, interviewDeadlineDays: z.coerce.number<string | number>().int().min(1).max(90), careConsentRule: z.enum(careConsentRules) });

export function CentreSettingsPage({ centre, onSaved }: { centre: Centre | null; onSaved: (centre: Centre) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!isGranted('centre.manage', session.user.roles)) return <Notice severity="warning">{t('centre.notAllowed')}</Notice>;
  if (!centre) return <Loading />;
  return (
    <Stack spacing={3} sx={{ maxWidth: 640 }}>
      <Typography variant="h4" component="h1">
        {t('centre.title')}
      </Typography>
      <CentreForm initial={centre} onSaved={onSaved} />
    </Stack>
  );
}

/**
 * Renaming the centre is the first edit with optimistic concurrency: the
 * version read is sent back; if someone saved in between, the host refuses,
 * both versions are shown, and nothing is overwritten until the user saves again.
 */
function CentreForm({ initial, onSaved }: { initial: Centre; onSaved: (centre: Centre) => void }) {
  const { t } = useTranslation();
  const { connection } = useSession();
  const [version, setVersion] = useState(initial.version);
  // What the field held when last loaded or saved. react-hook-form's isDirty is only tracked
  // when read during render, so an event handler compares with this instead.
  const [baseline, setBaseline] = useState(initial.name);
  const [notice, setNotice] = useState<'saved' | 'elsewhere' | null>(null);
  const [conflict, setConflict] = useState<Centre | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { name: initial.name, interviewDeadlineDays: initial.interviewDeadlineDays as string | number, careConsentRule: initial.careConsentRule },
  });

  useChangeEvents((event) => {
    if (event.entity !== 'centre') return;
    if (form.getValues('name') !== baseline) {
      setNotice('elsewhere');
      return;
    }
    // Not editing: simply show what was saved elsewhere.
    connection.api.call('centre.get', {}).then(
      (latest) => {
        form.reset({ name: latest.name, interviewDeadlineDays: latest.interviewDeadlineDays, careConsentRule: latest.careConsentRule });
        setBaseline(latest.name);
        setVersion(latest.version);
      },
      () => undefined,
    );
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setNotice(null);
    try {
      const saved = await connection.api.call('centre.update', { name: values.name, interviewDeadlineDays: values.interviewDeadlineDays, careConsentRule: values.careConsentRule, version });
      setConflict(null);
      setVersion(saved.version);
      setBaseline(saved.name);
      form.reset({ name: saved.name, interviewDeadlineDays: saved.interviewDeadlineDays, careConsentRule: saved.careConsentRule });
      setNotice('saved');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        const current = (error.details as { current?: Centre } | undefined)?.current;
        if (current) {
          setConflict(current);
          setVersion(current.version);
          onSaved(current);
        }
      }
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'name' || path[0] === 'interviewDeadlineDays' || path[0] === 'careConsentRule' ? path[0] : null)));
    }
  });

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <form onSubmit={submit} noValidate>
        <FormTextField control={form.control} name="name" label={t('centre.name')} />
        <FormTextField control={form.control} name="interviewDeadlineDays" label={t('centre.interviewDays')} helperText={t('centre.interviewDaysHelp')} />
        <FormSelectField
          control={form.control}
          name="careConsentRule"
          label={t('childSafety.centre.rule')}
          helperText={t('childSafety.centre.help')}
          options={careConsentRules.map((rule) => ({ value: rule, label: t(`childSafety.centre.${rule}`) }))}
        />
        {notice === 'saved' && <Notice severity="success">{t('centre.saved')}</Notice>}
        {notice === 'elsewhere' && <Notice severity="info">{t('shell.centreChangedElsewhere')}</Notice>}
        {conflict && (
          <Alert
            severity="warning"
            role="alert"
            action={
              <Button color="inherit" size="small" onClick={() => form.reset({ name: conflict.name, interviewDeadlineDays: conflict.interviewDeadlineDays, careConsentRule: conflict.careConsentRule })}>
                {t('centre.useTheirs')}
              </Button>
            }
          >
            <div>{t('centre.conflict')}</div>
            <strong>{t('centre.theirVersion', { name: conflict.name })}</strong>
          </Alert>
        )}
        <FormError message={conflict ? null : failure} />
        <SubmitButton submitting={form.formState.isSubmitting}>{t('common.save')}</SubmitButton>
      </form>
    </Paper>
  );
}
