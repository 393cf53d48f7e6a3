import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roomFieldsSchema, type Room } from '../../../../shared/contract/interview-records';
import { roomKinds } from '../../../../shared/interviews/categories';
import { useApi } from '../../api/context';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { FormCheckbox } from '../../forms/FormCheckbox';
import { FormSelectField } from '../../forms/FormSelectField';
import { FormTextField } from '../../forms/FormTextField';
import { applyServerError } from '../../forms/server-errors';
import { ActiveChip, conflictCurrent, fieldsNamed, useReloadResources } from './common';

const fieldNames = ['name', 'kind', 'equipment', 'active'] as const;
const fieldsOf = (room: Room) => ({ name: room.name, kind: room.kind, equipment: room.equipment, active: room.active });

/** The centre's rooms: the interview room, the observation room behind the mirror, the medical room. */
export function RoomsSection({ rooms }: { rooms: Room[] }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ room: Room | null } | null>(null);

  const columns: GridColDef<Room>[] = [
    { field: 'name', headerName: t('scheduleSettings.rooms.name'), flex: 1, minWidth: 160 },
    { field: 'kind', headerName: t('scheduleSettings.rooms.kind'), width: 170, valueGetter: (_v, row) => t(`scheduleSettings.kinds.${row.kind}`) },
    {
      field: 'equipment',
      headerName: t('scheduleSettings.rooms.equipment'),
      flex: 2,
      minWidth: 220,
      sortable: false,
      renderCell: ({ row }) => (
        <Typography variant="body2" sx={{ py: 1, whiteSpace: 'pre-line' }}>
          {row.equipment}
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
        <Button size="small" onClick={() => setDialog({ room: row })} aria-label={t('scheduleSettings.rooms.editLabel', { name: row.name })}>
          {t('scheduleSettings.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography color="text.secondary">{t('scheduleSettings.rooms.intro')}</Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ room: null })} sx={{ flexShrink: 0 }}>
          {t('scheduleSettings.rooms.add')}
        </Button>
      </Stack>
      <DataTable
        rows={rooms}
        columns={columns}
        aria-label={t('scheduleSettings.tabs.rooms')}
        getRowHeight={() => 'auto'}
        hideFooter={rooms.length <= 25}
        localeText={{ noRowsLabel: t('scheduleSettings.rooms.empty') }}
      />
      {dialog && <RoomDialog room={dialog.room} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Add a room (room == null) or change one. */
function RoomDialog({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const reload = useReloadResources();
  const [version, setVersion] = useState(room?.version ?? 0);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(roomFieldsSchema),
    defaultValues: room ? fieldsOf(room) : { name: '', kind: 'interview' as const, equipment: '', active: true },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('resources.saveRoom', { id: room?.id ?? null, version, ...values });
      await reload();
      onClose();
    } catch (error) {
      const current = conflictCurrent<Room>(error);
      if (current) {
        form.reset(fieldsOf(current));
        setVersion(current.version);
        setFailure(t('scheduleSettings.conflict'));
        return;
      }
      setFailure(applyServerError(error, form.setError, t, fieldsNamed(fieldNames)));
    }
  });

  return (
    <FormDialog
      title={room ? t('scheduleSettings.rooms.editTitle', { name: room.name }) : t('scheduleSettings.rooms.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
    >
      <FormTextField control={form.control} name="name" label={t('scheduleSettings.rooms.name')} autoFocus />
      <FormSelectField
        control={form.control}
        name="kind"
        label={t('scheduleSettings.rooms.kind')}
        options={roomKinds.map((kind) => ({ value: kind, label: t(`scheduleSettings.kinds.${kind}`) }))}
      />
      <FormTextField control={form.control} name="equipment" label={t('scheduleSettings.rooms.equipment')} helperText={t('scheduleSettings.rooms.equipmentHelp')} multiline />
      <FormCheckbox control={form.control} name="active" label={t('scheduleSettings.rooms.activeLabel')} />
    </FormDialog>
  );
}
