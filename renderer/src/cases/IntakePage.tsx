import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { output } from 'zod';
import { useNavigate } from 'react-router';
import { agencyFiles, perpetratorRelationships, places, referralSources, traffickingIndicators, urgencies, violenceTypes } from '../../../shared/cases/categories';
import { useApi } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormCheckboxGroup } from '../forms/FormCheckboxGroup';
import { FormDateField } from '../forms/FormDateField';
import { FormError, SubmitButton } from '../forms/FormFeedback';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { blankAdult, blankIntake, intakeFieldFor, intakeFormSchema, toIntake, type IntakeForm } from './intake-form';
import { categoryOptions } from './labels';
import { PersonFields } from './PersonFields';

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 3 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Paper>
  );
}

/** The referral form a coordinator fills in during the call. */
export function IntakePage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<IntakeForm, unknown, output<typeof intakeFormSchema>>({
    resolver: zodResolver(intakeFormSchema) as never,
    defaultValues: blankIntake(),
  });
  const { control, setValue, getValues } = form;
  const people = useFieldArray({ control, name: 'people' });
  const [childId, adultIds, trafficking] = useWatch({ control, name: ['child.personId', 'people', 'trafficking'] }) as [number | null, { personId: number | null }[], string[]];
  const linked = [childId, ...adultIds.map((p) => p.personId)].filter((id): id is number => id !== null);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const created = await api.call('cases.create', toIntake(values));
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${created.id}`);
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => intakeFieldFor(path) as Path<IntakeForm> | null));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('intake.title')}>
      <PageHeader title={t('intake.title')} subtitle={t('intake.subtitle')} />
      <Stack spacing={3} sx={{ maxWidth: 1100 }}>
        <Section title={t('intake.referral')}>
          <Grid container columnSpacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormDateField control={control} name="receivedAt" label={t('intake.receivedAt')} withTime />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormSelectField control={control} name="source" label={t('intake.source')} options={categoryOptions(t, 'source', referralSources)} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormSelectField control={control} name="urgency" label={t('intake.urgency')} options={categoryOptions(t, 'urgency', urgencies)} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormTextField control={control} name="referrerName" label={t('intake.referrerName')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormTextField control={control} name="referrerContact" label={t('intake.referrerContact')} />
            </Grid>
            <Grid size={12}>
              <FormTextField control={control} name="reported" label={t('intake.reported')} multiline />
            </Grid>
            <Grid size={12}>
              <FormCheckboxGroup control={control} name="violenceTypes" label={t('intake.violenceTypes')} options={categoryOptions(t, 'violence', violenceTypes)} columns={3} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormSelectField
                control={control}
                name="place"
                label={t('intake.place')}
                options={[{ value: '', label: t('intake.notKnown') }, ...categoryOptions(t, 'place', places)]}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormSelectField
                control={control}
                name="perpetrator"
                label={t('intake.perpetrator')}
                options={[{ value: '', label: t('intake.notKnown') }, ...categoryOptions(t, 'perpetrator', perpetratorRelationships)]}
              />
            </Grid>
          </Grid>
        </Section>

        <Section title={t('intake.child')}>
          <PersonFields control={control} setValue={setValue} getValues={getValues} prefix="child" kind="child" linkedElsewhere={linked.filter((id) => id !== childId)} />
        </Section>

        <Section
          title={t('intake.people')}
          actions={
            <Button startIcon={<AddIcon />} onClick={() => people.append(blankAdult())}>
              {t('intake.addPerson')}
            </Button>
          }
        >
          {people.fields.length === 0 && <Typography color="text.secondary">{t('intake.noPeople')}</Typography>}
          {people.fields.map((field, index) => (
            <Paper key={field.id} variant="outlined" sx={{ p: 2, mt: 2, position: 'relative' }} aria-label={`${t('intake.people')} ${index + 1}`} role="group">
              <IconButton aria-label={t('intake.removePerson')} onClick={() => people.remove(index)} sx={{ position: 'absolute', top: 8, right: 8 }}>
                <DeleteIcon />
              </IconButton>
              <PersonFields
                control={control}
                setValue={setValue}
                getValues={getValues}
                prefix={`people.${index}`}
                kind="adult"
                linkedElsewhere={linked.filter((id) => id !== adultIds[index]?.personId)}
              />
            </Paper>
          ))}
        </Section>

        <Section title={t('intake.fileNumbers')}>
          <Grid container columnSpacing={2}>
            {agencyFiles.map((file) => (
              <Grid key={file} size={{ xs: 12, md: 3 }}>
                <FormTextField control={control} name={file} label={t(`categories.file.${file}`)} />
              </Grid>
            ))}
          </Grid>
        </Section>

        <Section title={t('intake.trafficking')}>
          <FormCheckboxGroup
            control={control}
            name="trafficking"
            label={t('intake.traffickingHelp')}
            options={categoryOptions(t, 'indicator', traffickingIndicators)}
          />
          {trafficking.length > 0 && (
            <Alert severity="warning" role="status">
              {t('intake.traffickingTask')}
            </Alert>
          )}
        </Section>

        <div>
          <FormCheckbox control={control} name="restricted" label={t('intake.restricted')} />
        </div>
        <FormError message={failure} />
        <div>
          <SubmitButton submitting={form.formState.isSubmitting}>{t('intake.register')}</SubmitButton>
        </div>
      </Stack>
    </form>
  );
}
