import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../i18n/messages';

/** Several choices of one category (a list value), as labelled checkboxes. */
export function FormCheckboxGroup<T extends FieldValues>({
  control,
  name,
  label,
  options,
  helperText,
  columns = 2,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  options: { value: string; label: string }[];
  helperText?: ReactNode;
  columns?: number;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const chosen = (field.value as string[] | undefined) ?? [];
        const toggle = (value: string, on: boolean) => field.onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
        return (
          <FormControl component="fieldset" error={Boolean(fieldState.error)} margin="normal" fullWidth>
            <FormLabel component="legend">{label}</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: `repeat(${columns}, 1fr)` } }}>
              {options.map((option) => (
                <FormControlLabel
                  key={option.value}
                  control={<Checkbox checked={chosen.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} onBlur={field.onBlur} />}
                  label={option.label}
                />
              ))}
            </FormGroup>
            {(fieldState.error || helperText) && <FormHelperText>{validationMessage(t, fieldState.error?.message) ?? helperText}</FormHelperText>}
          </FormControl>
        );
      }}
    />
  );
}
