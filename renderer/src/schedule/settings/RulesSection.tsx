import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Controller, useForm, useWatch, type Control, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages } from '../../../../shared/contract/fields';
import { scheduleRulesSchema, type Resources, type ScheduleRules } from '../../../../shared/contract/interview-records';
import { weekdays } from '../../../../shared/interviews/categories';
import { useApi, useChangeEvents } from '../../api/context';
import { FormError, Notice, SubmitButton } from '../../forms/FormFeedback';
import { applyServerError } from '../../forms/server-errors';
import { validationMessage } from '../../i18n/messages';
import { conflictCurrent, FormNumberField, typedNumber, useReloadResources } from './common';
import { usableZone, weekdayNames } from '../../components/format';

type Weekday = (typeof weekdays)[number];
type Rules = Resources['rules'];

const knownTimeZone = (zone: string): boolean => usableZone(zone) !== null;

/**
 * The shared rules schema, with the numbers typed as text and the host's own
 * checks repeated here: a known time zone, and each open day ending after it starts.
 */
const formSchema = scheduleRulesSchema
  .extend({
    timeZone: z.string().refine(knownTimeZone, { message: checkMessages.timeZone }).pipe(scheduleRulesSchema.shape.timeZone),
    bufferMinutes: typedNumber(scheduleRulesSchema.shape.bufferMinutes),
    dailyLimit: typedNumber(scheduleRulesSchema.shape.dailyLimit),
  })
  .superRefine((rules, ctx) => {
    for (const day of weekdays) {
      const hours = rules.hours[day];
      if (hours.open && hours.end <= hours.start) ctx.addIssue({ code: 'custom', path: ['hours', day, 'end'], message: checkMessages.endBeforeStart });
    }
  });
type FormInput = z.input<typeof formSchema>;

const fieldFor = (path: (string | number)[]): Path<FormInput> | null => {
  const [first, day, part] = path;
  if (first === 'timeZone' || first === 'bufferMinutes' || first === 'dailyLimit') return first;
  if (first === 'hours' && weekdays.includes(day as Weekday) && (part === 'start' || part === 'end' || part === 'open')) return `hours.${day as Weekday}.${part}`;
  return null;
};

const valuesOf = (rules: ScheduleRules): FormInput => ({
  timeZone: rules.timeZone,
  hours: rules.hours,
  bufferMinutes: rules.bufferMinutes,
  dailyLimit: rules.dailyLimit,
});

/** Weekday names in the interface language, from the browser's own calendar data. */
function useWeekdayNames(): Record<Weekday, string> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const all = weekdayNames(i18n.language);
    const names = weekdays.map((day, i) => {
      const name = all[i] ?? day;
      return [day, name.charAt(0).toLocaleUpperCase(i18n.language) + name.slice(1)] as const;
    });
    return Object.fromEntries(names) as Record<Weekday, string>;
  }, [i18n.language]);
}

/** Working hours per weekday, the centre's time zone, the buffer between interviews and each interviewer's daily limit. */
export function RulesSection({ rules }: { rules: Rules }) {
  const { t } = useTranslation();
  const api = useApi();
  const reload = useReloadResources();
  const names = useWeekdayNames();
  const [version, setVersion] = useState(rules.version);
  // What the form held when last loaded or saved, to tell an edit in progress from an untouched form.
  const [baseline, setBaseline] = useState(() => JSON.stringify(valuesOf(rules)));
  const [notice, setNotice] = useState<'saved' | 'elsewhere' | 'conflict' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, ScheduleRules>({ resolver: zodResolver(formSchema), defaultValues: valuesOf(rules) });

  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(rules.timeZone) ? zones : [rules.timeZone, ...zones];
  }, [rules.timeZone]);

  // The version on screen, for callbacks that outlive the render they were made in.
  const shownVersion = useRef(rules.version);
  const showStored = (stored: Rules) => {
    const values = valuesOf(stored);
    form.reset(values);
    setBaseline(JSON.stringify(values));
    setVersion(stored.version);
    shownVersion.current = stored.version;
  };

  const loadStored = async () => {
    try {
      showStored((await api.call('resources.list', {})).rules);
      setNotice(null);
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, () => null));
    }
  };

  // Saved elsewhere: follow it, unless this form is being edited (then say so and keep the edit).
  // Our own save announces itself too: while it is under way, its event is not someone else's.
  const saving = useRef(false);
  useChangeEvents((event) => {
    if (event.entity !== 'resources' || saving.current) return;
    api.call('resources.list', {}).then(
      ({ rules: stored }) => {
        if (saving.current || stored.version === shownVersion.current) return;
        if (JSON.stringify(form.getValues()) === baseline) showStored(stored);
        else setNotice('elsewhere');
      },
      () => undefined,
    );
  });

  const save = async (values: ScheduleRules) => {
    setFailure(null);
    setNotice(null);
    saving.current = true;
    try {
      const saved = await api.call('resources.saveRules', { ...values, version });
      showStored(saved);
      setNotice('saved');
      await reload();
    } catch (error) {
      const current = conflictCurrent<Rules>(error);
      if (current) {
        showStored(current);
        setNotice('conflict');
        return;
      }
      setFailure(applyServerError(error, form.setError, t, fieldFor));
    } finally {
      saving.current = false;
    }
  };
  // handleSubmit is called at submit time, not during render: the callbacks above read refs.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    // A "Saved." left from before must not stand next to this attempt's errors.
    setNotice(null);
    void form.handleSubmit(save)(event);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={3} sx={{ maxWidth: 860 }}>
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h6" component="h2">
            {t('scheduleSettings.rules.hoursHeading')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('scheduleSettings.rules.hoursHelp')}
          </Typography>
          <Box
            role="group"
            aria-label={t('scheduleSettings.rules.hoursHeading')}
            sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '220px 180px 180px' }, columnGap: 2, rowGap: 1, alignItems: 'start' }}
          >
            <Typography variant="subtitle2" color="text.secondary" sx={{ display: { xs: 'none', sm: 'block' } }}>
              {t('scheduleSettings.rules.day')}
            </Typography>
            <Typography variant="subtitle2" color="text.secondary" sx={{ display: { xs: 'none', sm: 'block' } }}>
              {t('scheduleSettings.rules.start')}
            </Typography>
            <Typography variant="subtitle2" color="text.secondary" sx={{ display: { xs: 'none', sm: 'block' } }}>
              {t('scheduleSettings.rules.end')}
            </Typography>
            {weekdays.map((day) => (
              <DayRow key={day} control={form.control} day={day} name={names[day]} />
            ))}
          </Box>
        </Paper>

        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h6" component="h2">
            {t('scheduleSettings.rules.rulesHeading')}
          </Typography>
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field, fieldState }) => (
              <Autocomplete
                options={timeZones}
                value={field.value || null}
                onChange={(_e, value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    name={field.name}
                    inputRef={field.ref}
                    label={t('scheduleSettings.rules.timeZone')}
                    margin="normal"
                    error={Boolean(fieldState.error)}
                    helperText={validationMessage(t, fieldState.error?.message) ?? t('scheduleSettings.rules.timeZoneHelp')}
                  />
                )}
              />
            )}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }}>
            <FormNumberField
              control={form.control}
              name="bufferMinutes"
              label={t('scheduleSettings.rules.bufferMinutes')}
              helperText={t('scheduleSettings.rules.bufferHelp')}
              min={0}
              max={240}
            />
            <FormNumberField
              control={form.control}
              name="dailyLimit"
              label={t('scheduleSettings.rules.dailyLimit')}
              helperText={t('scheduleSettings.rules.dailyLimitHelp')}
              min={1}
              max={10}
            />
          </Stack>
        </Paper>

        <div>
          {notice === 'saved' && <Notice severity="success">{t('scheduleSettings.rules.saved')}</Notice>}
          {notice === 'elsewhere' && (
            <Alert
              severity="info"
              role="status"
              action={
                <Button color="inherit" size="small" onClick={() => void loadStored()}>
                  {t('scheduleSettings.rules.reload')}
                </Button>
              }
            >
              {t('scheduleSettings.rules.changedElsewhere')}
            </Alert>
          )}
          {notice === 'conflict' && (
            <Alert severity="warning" role="alert">
              {t('scheduleSettings.conflict')}
            </Alert>
          )}
          <FormError message={failure} />
          <SubmitButton submitting={form.formState.isSubmitting}>{t('scheduleSettings.rules.save')}</SubmitButton>
        </div>
      </Stack>
    </form>
  );
}

/** One weekday: open or closed, and its opening and closing times. */
function DayRow({ control, day, name }: { control: Control<FormInput, unknown, ScheduleRules>; day: Weekday; name: string }) {
  const { t } = useTranslation();
  const open = useWatch({ control, name: `hours.${day}.open` });
  return (
    <>
      <Controller
        control={control}
        name={`hours.${day}.open`}
        render={({ field }) => (
          <FormControlLabel
            sx={{ minHeight: 40 }}
            control={
              <Checkbox
                name={field.name}
                checked={field.value}
                onChange={(e) => field.onChange(e.target.checked)}
                onBlur={field.onBlur}
                slotProps={{ input: { ref: field.ref, 'aria-label': t('scheduleSettings.rules.openOn', { day: name }) } }}
              />
            }
            label={
              <span>
                {name}
                {!open && (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {` · ${t('scheduleSettings.rules.closed')}`}
                  </Typography>
                )}
              </span>
            }
          />
        )}
      />
      <TimeField control={control} name={`hours.${day}.start`} label={t('scheduleSettings.rules.startOf', { day: name })} disabled={!open} />
      <TimeField control={control} name={`hours.${day}.end`} label={t('scheduleSettings.rules.endOf', { day: name })} disabled={!open} />
    </>
  );
}

/** A wall-clock time, "HH:MM"; its label is for screen readers, the column header says it to the eye. */
function TimeField({
  control,
  name,
  label,
  disabled,
}: {
  control: Control<FormInput, unknown, ScheduleRules>;
  name: `hours.${Weekday}.start` | `hours.${Weekday}.end`;
  label: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          type="time"
          size="small"
          name={field.name}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          disabled={disabled}
          error={Boolean(fieldState.error)}
          helperText={validationMessage(t, fieldState.error?.message)}
          slotProps={{ htmlInput: { 'aria-label': label, step: 300 } }}
        />
      )}
    />
  );
}
