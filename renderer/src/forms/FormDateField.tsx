import TextField from '@mui/material/TextField';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../i18n/messages';

/**
 * A date (YYYY-MM-DD) or date-and-time (datetime-local) field: the browser's
 * own picker, in the workstation's language; the value is a wall-clock time
 * on the centre's clock (components/format.ts converts it).
 */
export function FormDateField<T extends FieldValues>({
  control,
  name,
  label,
  withTime = false,
  max,
  disabled,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  withTime?: boolean;
  max?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          type={withTime ? 'datetime-local' : 'date'}
          name={field.name}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          label={label}
          error={Boolean(fieldState.error)}
          helperText={validationMessage(t, fieldState.error?.message)}
          disabled={disabled}
          fullWidth
          margin="normal"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max } }}
        />
      )}
    />
  );
}
