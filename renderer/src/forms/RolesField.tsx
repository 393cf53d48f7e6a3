import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../shared/permissions';
import { validationMessage } from '../i18n/messages';

/** Roles as checkboxes: a user may hold several. */
export function RolesField<T extends FieldValues>({ control, name, label }: { control: Control<T>; name: Path<T>; label: string }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value = (field.value ?? []) as Role[];
        const toggle = (role: Role, on: boolean) => field.onChange(on ? [...value, role] : value.filter((r) => r !== role));
        return (
          <FormControl component="fieldset" error={Boolean(fieldState.error)} margin="normal">
            <FormLabel component="legend">{label}</FormLabel>
            <FormGroup row>
              {roles.map((role) => (
                <FormControlLabel
                  key={role}
                  sx={{ width: 240 }}
                  control={<Checkbox checked={value.includes(role)} onChange={(event) => toggle(role, event.target.checked)} />}
                  label={t(`roles.${role}`)}
                />
              ))}
            </FormGroup>
            {fieldState.error && <FormHelperText>{validationMessage(t, fieldState.error.message)}</FormHelperText>}
          </FormControl>
        );
      }}
    />
  );
}
