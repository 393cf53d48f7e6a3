import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { interpreterFieldsSchema, type Interpreter } from '../../../../shared/contract/interview-records';
import { useApi } from '../../api/context';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormLanguagesField } from '../../forms/FormLanguagesField';
import { FormTextField } from '../../forms/FormTextField';
import { applyServerError } from '../../forms/server-errors';
import { ActiveChip, conflictCurrent, fieldsNamed, useReloadResources } from './common';

const fieldNames = ['name', 'languages', 'phone', 'notes', 'active'] as const;
const fieldsOf = (i: Interpreter) => ({ name: i.name, languages: i.languages, phone: i.phone, notes: i.notes, active: i.active });

/** Interpreters the centre books, and the languages each interprets. */
export function InterpretersSection({ interpreters }: { interpreters: Interpreter[] }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ interpreter: Interpreter | null } | null>(null);

  const columns: GridColDef<Interpreter>[] = [
    { field: 'name', headerName: t('scheduleSettings.interpreters.name'), flex: 1, minWidth: 160 },
    {
      field: 'languages',
      headerName: t('scheduleSettings.interpreters.languages'),
      flex: 1.4,
      minWidth: 200,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, py: 0.75 }}>
          {row.languages.map((language) => (
            <Chip key={language} size="small" label={language} />
          ))}
        </Stack>
      ),
    },
    { field: 'phone', headerName: t('scheduleSettings.interpreters.phone'), width: 160, sortable: false },
    {
      field: 'notes',
      headerName: t('scheduleSettings.interpreters.notes'),
      flex: 1.4,
      minWidth: 180,
      sortable: false,
      renderCell: ({ row }) => (
        <Typography variant="body2" sx={{ py: 1, whiteSpace: 'pre-line' }}>
          {row.notes}
        </Typography>
      ),
    },
    { field: 'active', headerName: t('scheduleSettings.status'), width: 130, renderCell: ({ row }) => <ActiveChip active={row.active} /> },
    {
      field: 'actions',
      headerName: '',
      width: 90,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" onClick={() => setDialog({ interpreter: row })} aria-label={t('scheduleSettings.interpreters.editLabel', { name: row.name })}>
          {t('scheduleSettings.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography color="text.secondary">{t('scheduleSettings.interpreters.intro')}</Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ interpreter: null })} sx={{ flexShrink: 0 }}>
          {t('scheduleSettings.interpreters.add')}
        </Button>
      </Stack>
      <DataTable
        rows={interpreters}
        columns={columns}
        aria-label={t('scheduleSettings.tabs.interpreters')}
        getRowHeight={() => 'auto'}
        hideFooter={interpreters.length <= 25}
        localeText={{ noRowsLabel: t('scheduleSettings.interpreters.empty') }}
      />
      {dialog && <InterpreterDialog interpreter={dialog.interpreter} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Add an interpreter (interpreter == null) or change one. */
function InterpreterDialog({ interpreter, onClose }: { interpreter: Interpreter | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const reload = useReloadResources();
  const [version, setVersion] = useState(interpreter?.version ?? 0);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(interpreterFieldsSchema),
    defaultValues: interpreter ? fieldsOf(interpreter) : { name: '', languages: [] as string[], phone: '', notes: '', active: true },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('resources.saveInterpreter', { id: interpreter?.id ?? null, version, ...values });
      await reload();
      onClose();
    } catch (error) {
      const current = conflictCurrent<Interpreter>(error);
      if (current) {
        form.reset(fieldsOf(current));
        setVersion(current.version);
        setFailure(t('scheduleSettings.conflict'));
        return;
      }
      setFailure(applyServerError(error, form.setError, t, (path) => fieldsNamed(fieldNames)(path.slice(0, 1))));
    }
  });

  return (
    <FormDialog
      title={interpreter ? t('scheduleSettings.interpreters.editTitle', { name: interpreter.name }) : t('scheduleSettings.interpreters.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
    >
      <FormTextField control={form.control} name="name" label={t('scheduleSettings.interpreters.name')} autoFocus />
      <FormLanguagesField control={form.control} name="languages" label={t('scheduleSettings.interpreters.languages')} helperText={t('scheduleSettings.interpreters.languagesHelp')} />
      <FormTextField control={form.control} name="phone" label={t('scheduleSettings.interpreters.phone')} autoComplete="off" />
      <FormTextField control={form.control} name="notes" label={t('scheduleSettings.interpreters.notes')} helperText={t('scheduleSettings.interpreters.notesHelp')} multiline />
      <FormCheckbox control={form.control} name="active" label={t('scheduleSettings.interpreters.activeLabel')} />
    </FormDialog>
  );
}
