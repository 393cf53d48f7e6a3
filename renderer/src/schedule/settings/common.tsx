import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, checkMessages } from '../../../../shared/contract';
import { validationMessage } from '../../i18n/messages';

/** The stored record a stale save was refused with (409, details.current), or null for any other failure. */
export function conflictCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  return (error.details as { current?: T } | undefined)?.current ?? null;
}

/** Maps a refused call's issue path (['hours', 'fri', 'end']) to the form field of that name, if the form has it. */
export function fieldsNamed<N extends string>(names: readonly N[]): (path: (string | number)[]) => N | null {
  return (path) => {
    const joined = path.join('.');
    return names.find((n) => n === joined) ?? null;
  };
}

/** Reloads every screen showing rooms, interviewers, interpreters or rules (the host's change event does so too). */
export function useReloadResources() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['resources'] });
}

/**
 * A number typed in a field: the form holds the text, the shared schema checks
 * the number (a blank field is "must be filled in", not zero).
 */
export function typedNumber(schema: z.ZodNumber) {
  return z.union([z.number(), z.string().trim().min(1, { message: checkMessages.blank }).transform(Number)]).pipe(schema);
}

/** A whole number field bound to react-hook-form. */
export function FormNumberField<T extends FieldValues>({
  control,
  name,
  label,
  helperText,
  min,
  max,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  helperText: string;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          type="number"
          name={field.name}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          label={label}
          error={Boolean(fieldState.error)}
          helperText={validationMessage(t, fieldState.error?.message) ?? helperText}
          fullWidth
          margin="normal"
          slotProps={{ htmlInput: { min, max, step: 1, inputMode: 'numeric' } }}
        />
      )}
    />
  );
}

/** Active or not in use, as a chip. */
export function ActiveChip({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Chip size="small" color="success" variant="outlined" label={t('scheduleSettings.active')} />
  ) : (
    <Chip size="small" label={t('scheduleSettings.inactive')} />
  );
}

// Calendar dates are worded by the one clock module, like every other date.
export { formatDay } from '../../components/format';

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}
