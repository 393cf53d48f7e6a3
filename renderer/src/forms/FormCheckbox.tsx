import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../i18n/messages';

/**
 * A checkbox bound to react-hook-form; a refusal of it (the host's included)
 * is shown under it in the interface language. `onChecked` lets a form set
 * what follows from ticking it.
 */
export function FormCheckbox<T extends FieldValues>({
  control,
  name,
  label,
  disabled,
  helperText,
  onChecked,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  disabled?: boolean;
  helperText?: ReactNode;
  onChecked?: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = validationMessage(t, fieldState.error?.message);
        return (
          <>
            <FormControlLabel
              control={
                <Checkbox
                  name={field.name}
                  checked={Boolean(field.value)}
                  onChange={(e) => {
                    field.onChange(e.target.checked);
                    onChecked?.(e.target.checked);
                  }}
                  onBlur={field.onBlur}
                  slotProps={{ input: { ref: field.ref, 'aria-invalid': error ? true : undefined } }}
                  disabled={disabled}
                />
              }
              label={label}
            />
            {(error ?? helperText) && (
              <FormHelperText error={Boolean(error)} sx={{ mt: -0.5, mb: 0.5, ml: 4 }} role={error ? 'alert' : undefined}>
                {error ?? helperText}
              </FormHelperText>
            )}
          </>
        );
      }}
    />
  );
}
