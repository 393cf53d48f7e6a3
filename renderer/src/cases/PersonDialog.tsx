import Grid from '@mui/material/Grid';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { genders } from '../../../shared/cases/categories';
import type { Person, PersonFields } from '../../../shared/contract/case-records';
import { FormDialog } from '../components/FormDialog';
import { useApi } from '../api/context';
import { centreToday, useFormat } from '../components/format';
import { FormCheckbox } from '../forms/FormCheckbox';
import { FormDateField } from '../forms/FormDateField';
import { FormLanguagesField } from '../forms/FormLanguagesField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { applyServerError } from '../forms/server-errors';
import { personFormSchema } from './intake-form';
import { categoryOptions, useCategory } from './labels';
import { MergeDialog } from './MergeDialog';
import { useMergeableSave } from './useMergeableSave';

const schema = personFormSchema.omit({ personId: true });
type FormValues = Omit<PersonFields, 'birthDate'> & { birthDate: string };

function fieldsOf(p: Person): PersonFields {
  const { id: _id, age: _age, version: _version, ...fields } = p;
  return fields;
}

/** Edits a person's details (the same person on every case they are on), merging with a concurrent edit. */
export function PersonDialog({ caseId, person: current, kind, onClose }: { caseId: number; person: Person; kind: 'child' | 'adult'; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const category = useCategory();
  const [person] = useState(current);
  const base = fieldsOf(person);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(schema) as never, defaultValues: { ...base, birthDate: base.birthDate ?? '' } });
  const label = (field: string) => t(`person.${field}` as never);
  const show = (field: string, value: unknown) => {
    if (value === null || value === '' || value === undefined) return '';
    if (field === 'birthDate') return format.date(value as string);
    if (field === 'gender') return category('gender', value as string);
    if (typeof value === 'boolean') return value ? '✓' : '✗';
    return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
  };
  const { conflict, saveMine, saveMerged, refresh } = useMergeableSave<PersonFields, Person>({
    base,
    version: person.version,
    send: (changes, version) => api.call('cases.updatePerson', { caseId, personId: person.id, version, changes }),
    storedIn: (stored) => ({ fields: fieldsOf(stored), version: stored.version }),
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      if (await saveMine({ ...base, ...values, birthDate: values.birthDate || null })) onClose();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, (path) => (path[0] === 'changes' && typeof path[1] === 'string' ? (path[1] as Path<FormValues>) : null)));
    }
  });
  if (conflict) {
    return (
      <MergeDialog
        conflict={conflict}
        label={label}
        show={show}
        onCancel={() => void refresh().then(onClose)}
        onSave={(changes, version) => saveMerged(changes, version).then(onClose)}
      />
    );
  }
  return (
    <FormDialog title={t('person.editPerson', { name: `${person.firstName} ${person.lastName}` })} onClose={onClose} onSubmit={submit} submitting={form.formState.isSubmitting} failure={failure} maxWidth="md">
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormTextField control={form.control} name="firstName" label={t('person.firstName')} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormTextField control={form.control} name="lastName" label={t('person.lastName')} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormDateField control={form.control} name="birthDate" label={t('person.birthDate')} max={centreToday()} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormSelectField control={form.control} name="gender" label={t('person.gender')} options={categoryOptions(t, 'gender', genders)} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormTextField control={form.control} name="phone" label={t('person.phone')} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormTextField control={form.control} name="email" label={t('person.email')} />
        </Grid>
        <Grid size={12}>
          <FormTextField control={form.control} name="address" label={t('person.address')} />
        </Grid>
        {kind === 'child' && (
          <>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormTextField control={form.control} name="school" label={t('person.school')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormLanguagesField control={form.control} name="languages" label={t('person.languages')} helperText={t('person.languagesHelp')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }} sx={{ display: 'flex', alignItems: 'center' }}>
              <FormCheckbox control={form.control} name="interpreterNeeded" label={t('person.interpreterNeeded')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormTextField control={form.control} name="interpreterLanguage" label={t('person.interpreterLanguage')} />
            </Grid>
            <Grid size={12}>
              <FormTextField control={form.control} name="needs" label={t('person.needs')} multiline />
            </Grid>
          </>
        )}
      </Grid>
    </FormDialog>
  );
}
