import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

/** A checkbox bound to react-hook-form. */
export function FormCheckbox<T extends FieldValues>({ control, name, label, disabled }: { control: Control<T>; name: Path<T>; label: string; disabled?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormControlLabel
          control={<Checkbox name={field.name} checked={Boolean(field.value)} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} slotProps={{ input: { ref: field.ref } }} disabled={disabled} />}
          label={label}
        />
      )}
    />
  );
}
