import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../i18n/messages';

interface Props<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  helperText?: ReactNode;
  type?: 'text' | 'password' | 'url' | 'number';
  autoComplete?: string;
  autoFocus?: boolean;
  multiline?: boolean;
  disabled?: boolean;
}

/** A MUI text field bound to react-hook-form, its error shown in the interface language. */
export function FormTextField<T extends FieldValues>({ control, name, label, helperText, type = 'text', autoComplete, autoFocus, multiline, disabled }: Props<T>) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const isPassword = type === 'password';
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          name={field.name}
          value={(field.value) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          label={label}
          type={isPassword && !visible ? 'password' : type === 'password' ? 'text' : type}
          error={Boolean(fieldState.error)}
          helperText={validationMessage(t, fieldState.error?.message) ?? helperText}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          multiline={multiline}
          disabled={disabled}
          minRows={multiline ? 3 : undefined}
          fullWidth
          margin="normal"
          slotProps={
            isPassword
              ? {
                  input: {
                    endAdornment: (
                      <InputAdornment position="end">
                        <IconButton
                          aria-label={visible ? t('common.hidePassword') : t('common.showPassword')}
                          onClick={() => setVisible((v) => !v)}
                          edge="end"
                        >
                          {visible ? <VisibilityOff /> : <Visibility />}
                        </IconButton>
                      </InputAdornment>
                    ),
                  },
                }
              : undefined
          }
        />
      )}
    />
  );
}
