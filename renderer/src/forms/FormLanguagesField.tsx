import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../i18n/messages';

/** Languages a child may speak in these countries; anything else can be typed. */
const suggestions = ['Romanian', 'Bulgarian', 'Romani', 'Turkish', 'Hungarian', 'Ukrainian', 'Russian', 'English', 'Arabic', 'German', 'Sign language'];

/** A free list of languages, with common ones suggested. */
export function FormLanguagesField<T extends FieldValues>({ control, name, label, helperText, disabled }: { control: Control<T>; name: Path<T>; label: string; helperText: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Autocomplete
          multiple
          freeSolo
          disabled={disabled}
          options={suggestions}
          value={(field.value) ?? []}
          onChange={(_e, value) => field.onChange(value.map((v) => v.trim()).filter(Boolean))}
          renderValue={(value, getItemProps) => value.map((option, index) => <Chip size="small" label={option} {...getItemProps({ index })} key={option} />)}
          renderInput={(params) => (
            <TextField {...params} name={field.name} label={label} margin="normal" error={Boolean(fieldState.error)} helperText={validationMessage(t, fieldState.error?.message) ?? helperText} />
          )}
        />
      )}
    />
  );
}
