import type { Control, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../shared/contract';
import { FormTextField } from './FormTextField';

/** A schema whose `confirm` field must repeat `field`: the only check a form needs beyond the contract's. */
export function confirmed<S extends z.ZodRawShape>(shape: S, field: keyof S & string, confirm: keyof S & string) {
  return z
    .object(shape)
    .refine((values) => (values as Record<string, unknown>)[field] === (values as Record<string, unknown>)[confirm], {
      message: checkMessages.passwordMismatch,
      path: [confirm],
    });
}

/** A new secret and its repetition, with the advice on choosing one. */
export function NewPasswordFields<T extends FieldValues>({
  control,
  name,
  confirmName,
  label,
  confirmLabel,
}: {
  control: Control<T>;
  name: Path<T>;
  confirmName: Path<T>;
  label: string;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormTextField control={control} name={name} type="password" label={label} helperText={t('firstRun.passwordHelp')} autoComplete="new-password" />
      <FormTextField control={control} name={confirmName} type="password" label={confirmLabel ?? t('firstRun.confirmPassword')} autoComplete="new-password" />
    </>
  );
}
