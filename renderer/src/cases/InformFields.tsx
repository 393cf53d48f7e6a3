import Stack from '@mui/material/Stack';
import { useWatch, type Control, type FieldValues, type Path, type PathValue, type UseFormGetValues, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckbox } from '../forms/FormCheckbox';

type LinkFlag = 'legalGuardian' | 'carer' | 'allegedPerpetrator' | 'mayBeInformed' | 'informOverride' | 'informNote';

/**
 * The ticks of an adult's place in a case. Ticking "alleged perpetrator"
 * takes back "may be informed" and fills in why, so the safe answer is the
 * one a hurried intake leaves; informing them anyway needs the override,
 * which the host also insists on.
 */
export function InformFields<T extends FieldValues>({
  control,
  setValue,
  getValues,
  path,
  onPerpetrator,
}: {
  control: Control<T>;
  setValue: UseFormSetValue<T>;
  getValues: UseFormGetValues<T>;
  path: (field: LinkFlag) => Path<T>;
  /** Called when "alleged perpetrator" is ticked, for what else the form aligns (the case's category). */
  onPerpetrator?: () => void;
}) {
  const { t } = useTranslation();
  const [perpetrator, informed] = useWatch({ control, name: [path('allegedPerpetrator'), path('mayBeInformed')] }) as [boolean, boolean];
  const set = (field: LinkFlag, value: unknown) => setValue(path(field), value as PathValue<T, Path<T>>, { shouldDirty: true });
  return (
    <Stack>
      <FormCheckbox control={control} name={path('legalGuardian')} label={t('person.legalGuardian')} />
      <FormCheckbox control={control} name={path('carer')} label={t('person.carer')} />
      <FormCheckbox
        control={control}
        name={path('allegedPerpetrator')}
        label={t('person.allegedPerpetrator')}
        onChecked={(checked) => {
          if (!checked) return;
          set('mayBeInformed', false);
          set('informOverride', false);
          if (String(getValues(path('informNote')) ?? '').trim() === '') set('informNote', t('childSafety.perpetratorNote'));
          onPerpetrator?.();
        }}
      />
      <FormCheckbox control={control} name={path('mayBeInformed')} label={t('person.mayBeInformed')} />
      {perpetrator && informed && (
        <FormCheckbox control={control} name={path('informOverride')} label={t('person.informOverride')} helperText={t('childSafety.overrideHelp')} />
      )}
    </Stack>
  );
}
