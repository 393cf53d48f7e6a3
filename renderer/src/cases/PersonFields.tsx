import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import { useWatch, type Control, type Path, type UseFormGetValues, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { genders, perpetratorCategoryOf, relationships, type Relationship } from '../../../shared/cases/categories';
import { FormCheckbox } from '../forms/FormCheckbox';
import { InformFields } from './InformFields';
import { FormDateField } from '../forms/FormDateField';
import { FormLanguagesField } from '../forms/FormLanguagesField';
import { FormSelectField } from '../forms/FormSelectField';
import { FormTextField } from '../forms/FormTextField';
import { centreToday } from '../components/format';
import type { IntakeForm } from './intake-form';
import { KnownPeople } from './KnownPeople';
import { categoryOptions } from './labels';

type Prefix = 'child' | `people.${number}`;

/**
 * One person on the intake form: the known-people lookup while the name is
 * typed, then either the link to the known person or the new person's fields.
 */
export function PersonFields({
  control,
  setValue,
  getValues,
  prefix,
  kind,
  linkedElsewhere,
}: {
  control: Control<IntakeForm>;
  setValue: UseFormSetValue<IntakeForm>;
  getValues: UseFormGetValues<IntakeForm>;
  prefix: Prefix;
  kind: 'child' | 'adult';
  linkedElsewhere: number[];
}) {
  const { t } = useTranslation();
  const path = (field: string) => `${prefix}.${field}` as Path<IntakeForm>;
  const [personId, firstName, lastName, birthDate] = useWatch({ control, name: [path('personId'), path('firstName'), path('lastName'), path('birthDate')] }) as [
    number | null,
    string,
    string,
    string,
  ];
  const linked = personId !== null;
  return (
    <>
      <Grid container columnSpacing={2}>
        {kind === 'adult' && (
          <Grid size={{ xs: 12, md: 4 }}>
            <FormSelectField control={control} name={path('relationship')} label={t('person.relationship')} options={categoryOptions(t, 'relationship', relationships)} />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: kind === 'adult' ? 4 : 4 }}>
          <FormTextField control={control} name={path('firstName')} label={t('person.firstName')} disabled={linked} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormTextField control={control} name={path('lastName')} label={t('person.lastName')} disabled={linked} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FormDateField control={control} name={path('birthDate')} label={t('person.birthDate')} max={centreToday()} disabled={linked} />
        </Grid>
      </Grid>
      {linked ? (
        <Alert
          severity="success"
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={() => setValue(path('personId'), null, { shouldDirty: true })}>
              {t('intake.unlink')}
            </Button>
          }
        >
          {t('intake.linked', { name: `${firstName} ${lastName}` })}
        </Alert>
      ) : (
        <>
          <KnownPeople
            firstName={firstName}
            lastName={lastName}
            birthDate={birthDate}
            exclude={linkedElsewhere}
            onUse={(match) => {
              setValue(path('personId'), match.personId as never, { shouldDirty: true });
              setValue(path('firstName'), match.firstName as never);
              setValue(path('lastName'), match.lastName as never);
              setValue(path('birthDate'), (match.birthDate ?? '') as never);
            }}
          />
          <Grid container columnSpacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormSelectField control={control} name={path('gender')} label={t('person.gender')} options={categoryOptions(t, 'gender', genders)} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormTextField control={control} name={path('phone')} label={t('person.phone')} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormTextField control={control} name={path('email')} label={t('person.email')} />
            </Grid>
            <Grid size={{ xs: 12, md: kind === 'child' ? 6 : 12 }}>
              <FormTextField control={control} name={path('address')} label={t('person.address')} />
            </Grid>
            {kind === 'child' && (
              <>
                <Grid size={{ xs: 12, md: 6 }}>
                  <FormTextField control={control} name={path('school')} label={t('person.school')} />
                </Grid>
                <Grid size={{ xs: 12, md: 6 }}>
                  <FormLanguagesField control={control} name={path('languages')} label={t('person.languages')} helperText={t('person.languagesHelp')} />
                </Grid>
                <Grid size={{ xs: 12, md: 3 }} sx={{ display: 'flex', alignItems: 'center' }}>
                  <FormCheckbox control={control} name={path('interpreterNeeded')} label={t('person.interpreterNeeded')} />
                </Grid>
                <Grid size={{ xs: 12, md: 3 }}>
                  <FormTextField control={control} name={path('interpreterLanguage')} label={t('person.interpreterLanguage')} />
                </Grid>
                <Grid size={12}>
                  <FormTextField control={control} name={path('needs')} label={t('person.needs')} multiline />
                </Grid>
              </>
            )}
          </Grid>
        </>
      )}
      {kind === 'adult' && (
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <InformFields
              control={control}
              setValue={setValue}
              getValues={getValues}
              path={path}
              onPerpetrator={() => {
                // The case's category says what the person's relationship says, unless someone already chose one.
                if (getValues('perpetrator')) return;
                setValue('perpetrator', perpetratorCategoryOf[getValues(path('relationship')) as Relationship], { shouldDirty: true });
              }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormTextField control={control} name={path('informNote')} label={t('person.informNote')} />
          </Grid>
        </Grid>
      )}
    </>
  );
}
