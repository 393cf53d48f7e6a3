import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/contract/methods/cases';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { DataTable } from '../components/DataTable';
import { useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';

type Member = CaseDetail['team'][number];

/** Who is on the case (and so may see it), and whether it is restricted. */
export function CaseTeam({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const queryClient = useQueryClient();
  const mayManage = isGranted('cases.team', session.user.roles);
  const directory = useQuery({ queryKey: ['users', 'directory'], queryFn: () => api.call('users.directory', {}), enabled: mayManage });
  const [choice, setChoice] = useState<MethodOutput<'users.directory'>[number] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  const columns: GridColDef<Member>[] = [
    {
      field: 'displayName',
      headerName: t('users.displayName'),
      flex: 1,
      minWidth: 160,
      valueGetter: (_v, row) => (detail.coordinator?.userId === row.userId ? `${row.displayName} (${t('cases.caseCoordinator')})` : row.displayName),
    },
    { field: 'agency', headerName: t('users.agency'), width: 170, valueGetter: (_v, row) => t(`agencies.${row.agency}`) },
    { field: 'roles', headerName: t('users.roles'), flex: 1, minWidth: 160, valueGetter: (_v, row) => row.roles.map((r) => t(`roles.${r}`)).join(', ') },
    { field: 'addedAt', headerName: t('cases.addedAt'), width: 180, valueFormatter: (value: string) => format.dateTime(value) },
    ...(mayManage
      ? [
          {
            field: 'remove',
            headerName: '',
            width: 300,
            sortable: false,
            renderCell: ({ row }: { row: Member }) => (
              <>
                {row.roles.includes('coordinator') && detail.coordinator?.userId !== row.userId && (
                  <Button size="small" onClick={() => void run(() => api.call('cases.setCoordinator', { caseId: detail.id, userId: row.userId }))}>
                    {t('cases.setCoordinator')}
                  </Button>
                )}
                <Button size="small" color="error" onClick={() => void run(() => api.call('cases.removeMember', { caseId: detail.id, userId: row.userId }))}>
                  {t('cases.remove')}
                </Button>
              </>
            ),
          } satisfies GridColDef<Member>,
        ]
      : []),
  ];

  const candidates = (directory.data ?? []).filter((u) => !detail.team.some((m) => m.userId === u.id));

  return (
    <Stack spacing={3} sx={{ maxWidth: 980 }}>
      <DataTable rows={detail.team} columns={columns} getRowId={(row) => row.userId} aria-label={t('cases.tabs.team')} hideFooter />
      {mayManage && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
            {t('cases.addMember')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Autocomplete
              sx={{ flex: 1 }}
              options={candidates}
              value={choice}
              onChange={(_e, value) => setChoice(value)}
              getOptionLabel={(u) => `${u.displayName} — ${t(`agencies.${u.agency}`)}`}
              renderInput={(params) => <TextField {...params} label={t('cases.colleague')} />}
            />
            <Button
              variant="contained"
              disabled={!choice}
              onClick={() => {
                if (choice) void run(() => api.call('cases.addMember', { caseId: detail.id, userId: choice.id })).then(() => setChoice(null));
              }}
            >
              {t('cases.add')}
            </Button>
          </Stack>
        </Paper>
      )}
      {isGranted('cases.restrict', session.user.roles) && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <FormControlLabel
            control={
              <Switch
                checked={detail.restricted}
                onChange={(event) => void run(() => api.call('cases.setRestricted', { caseId: detail.id, restricted: event.target.checked, version: detail.version }))}
              />
            }
            label={t('cases.restrictLabel')}
          />
          <Typography variant="body2" color="text.secondary">
            {t('cases.restrictHelp')}
          </Typography>
        </Paper>
      )}
      <FormError message={failure} />
    </Stack>
  );
}
