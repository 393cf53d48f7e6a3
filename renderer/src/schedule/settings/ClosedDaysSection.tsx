import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { checkMessages, dateSchema } from '../../../../shared/contract/fields';
import type { Resources } from '../../../../shared/contract/interview-records';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { centreToday } from '../../components/format';
import { FormError } from '../../forms/FormFeedback';
import { FormDateField } from '../../forms/FormDateField';
import { FormTextField } from '../../forms/FormTextField';
import { applyServerError } from '../../forms/server-errors';
import { fieldsNamed, formatDay, useReloadResources } from './common';

type ClosedDay = Resources['closedDays'][number];

/** resources.setClosedDay's date and reason, with an empty date said in words. */
const formSchema = z.object({
  date: z.string().min(1, { message: checkMessages.invalidDate }).pipe(dateSchema),
  reason: z.string().trim().max(200),
});

/** Days the centre is closed (holidays, training): nothing can be booked on them. */
export function ClosedDaysSection({ closedDays }: { closedDays: ClosedDay[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const reload = useReloadResources();
  const [reopening, setReopening] = useState<ClosedDay | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const today = centreToday();
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: { date: '', reason: '' } });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('resources.setClosedDay', { date: values.date, closed: true, reason: values.reason });
      form.reset({ date: '', reason: '' });
      await reload();
    } catch (error) {
      setFailure(applyServerError(error, form.setError, t, fieldsNamed(['date', 'reason'] as const)));
    }
  });

  // Coming days first, then the past ones, most recent first.
  const rows = [...closedDays.filter((d) => d.date >= today), ...closedDays.filter((d) => d.date < today).reverse()];

  const columns: GridColDef<ClosedDay>[] = [
    {
      field: 'date',
      headerName: t('scheduleSettings.closedDays.date'),
      width: 300,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color={row.date < today ? 'text.secondary' : undefined}>
            {formatDay(row.date, i18n.language, 'full')}
          </Typography>
          {row.date < today && <Chip size="small" label={t('scheduleSettings.closedDays.past')} />}
        </Stack>
      ),
    },
    {
      field: 'reason',
      headerName: t('scheduleSettings.closedDays.reason'),
      flex: 1,
      minWidth: 180,
      sortable: false,
      renderCell: ({ row }) =>
        row.reason ? (
          row.reason
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('scheduleSettings.closedDays.noReason')}
          </Typography>
        ),
    },
    {
      field: 'actions',
      headerName: '',
      width: 140,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" onClick={() => setReopening(row)} aria-label={t('scheduleSettings.closedDays.reopenLabel', { date: formatDay(row.date, i18n.language) })}>
          {t('scheduleSettings.closedDays.reopen')}
        </Button>
      ),
    },
  ];

  return (
    <Stack spacing={2} sx={{ maxWidth: 980 }}>
      <Typography color="text.secondary">{t('scheduleSettings.closedDays.intro')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('scheduleSettings.closedDays.addHeading')}
        </Typography>
        <form onSubmit={submit} noValidate>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
            <Stack sx={{ width: { md: 220 }, flexShrink: 0 }}>
              <FormDateField control={form.control} name="date" label={t('scheduleSettings.closedDays.date')} />
            </Stack>
            <FormTextField control={form.control} name="reason" label={t('scheduleSettings.closedDays.reason')} helperText={t('scheduleSettings.closedDays.reasonHelp')} />
            <Button type="submit" variant="contained" disabled={form.formState.isSubmitting} sx={{ mt: { md: '24px !important' }, flexShrink: 0, height: 40 }}>
              {t('scheduleSettings.closedDays.add')}
            </Button>
          </Stack>
          <FormError message={failure} />
        </form>
      </Paper>
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={(row) => row.date}
        aria-label={t('scheduleSettings.tabs.closedDays')}
        hideFooter={rows.length <= 25}
        localeText={{ noRowsLabel: t('scheduleSettings.closedDays.empty') }}
      />
      {reopening && (
        <ConfirmDialog
          title={t('scheduleSettings.closedDays.reopenTitle', { date: formatDay(reopening.date, i18n.language, 'full') })}
          body={t('scheduleSettings.closedDays.reopenBody')}
          confirm={t('scheduleSettings.closedDays.reopen')}
          onClose={() => setReopening(null)}
          action={async () => {
            await api.call('resources.setClosedDay', { date: reopening.date, closed: false, reason: '' });
            await reload();
          }}
        />
      )}
    </Stack>
  );
}
