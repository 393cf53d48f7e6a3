import AddIcon from '@mui/icons-material/CreateNewFolderOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { CaseListItem } from '../../../shared/contract/methods/cases';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../components/format';
import { NewCaseDialog } from './NewCaseDialog';

export function CasesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const cases = useQuery({ queryKey: ['cases', 'list'], queryFn: () => api.call('cases.list', {}) });

  const columns: GridColDef<CaseListItem>[] = [
    {
      field: 'reference',
      headerName: t('cases.reference'),
      width: 150,
      renderCell: ({ row }) =>
        row.accessible ? (
          <Link component={RouterLink} to={`/cases/${row.id}`}>
            {row.reference}
          </Link>
        ) : (
          row.reference
        ),
    },
    {
      field: 'childName',
      headerName: t('cases.child'),
      flex: 1,
      minWidth: 200,
      renderCell: ({ row }) =>
        row.childName ?? (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%', color: 'text.secondary' }}>
            <LockIcon fontSize="small" />
            <span>{t('cases.restricted')}</span>
          </Stack>
        ),
    },
    {
      field: 'restricted',
      headerName: t('cases.access'),
      width: 160,
      valueGetter: (_v, row) => (row.restricted ? t('cases.restrictedCase') : ''),
    },
    { field: 'createdAt', headerName: t('cases.opened'), width: 190, valueFormatter: (value: string) => format.dateTime(value) },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          isGranted('cases.create', session.user.roles) && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('cases.new')}
            </Button>
          )
        }
      />
      <QueryState query={cases}>
        {(rows) =>
          rows.length === 0 ? (
            <Typography color="text.secondary" data-testid="no-cases">
              {t('cases.none')}
            </Typography>
          ) : (
            <DataTable rows={rows} columns={columns} aria-label={t('cases.title')} onRowDoubleClick={({ row }: { row: CaseListItem }) => {
                if (row.accessible) void navigate(`/cases/${row.id}`);
              }}
            />
          )
        }
      </QueryState>
      {creating && <NewCaseDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/cases/${id}`)} />}
    </>
  );
}
