import AddIcon from '@mui/icons-material/CreateNewFolderOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { GridColDef, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { caseStatuses, violenceTypes, type CaseStatus, type ViolenceType } from '../../../shared/cases/categories';
import type { CaseListItem, CaseQuery, CaseSortField } from '../../../shared/contract/methods/cases';
import { isGranted } from '../../../shared/permissions';
import { useDebounced } from '../components/useDebounced';
import { useApi, useSession } from '../api/context';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import { useCategory, useDuration } from './labels';
import { UserText } from '../components/UserText';

const sortFields: Record<string, CaseSortField> = { reference: 'reference', childName: 'child', status: 'status', receivedAt: 'received', nextDueAt: 'nextDue' };

/** A search or filter value; changing it starts again from the first page. */
function useFilter<T>(initial: T, onChange: () => void) {
  const [value, set] = useState<T>(initial);
  return [
    value,
    (next: T) => {
      set(next);
      onChange();
    },
  ] as const;
}

/** Finding cases: search in any script, filters, server-side sorting and paging (fast at 100,000 cases). */
export function CasesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const format = useFormat();
  const category = useCategory();
  const duration = useDuration();
  const navigate = useNavigate();
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const firstPage = () => setPage((p) => ({ ...p, page: 0 }));
  const [text, setText] = useFilter('', firstPage);
  const [statuses, setStatuses] = useFilter<CaseStatus[]>([], firstPage);
  const [violence, setViolence] = useFilter<ViolenceType[]>([], firstPage);
  const [overdue, setOverdue] = useFilter(false, firstPage);
  const [receivedFrom, setFrom] = useFilter('', firstPage);
  const [receivedTo, setTo] = useFilter('', firstPage);
  const [sort, setSort] = useState<GridSortModel>([{ field: 'receivedAt', sort: 'desc' }]);
  const queryText = useDebounced(text, 250);
  const query: CaseQuery = {
    query: queryText,
    statuses,
    violenceTypes: violence,
    overdue,
    receivedFrom: receivedFrom || null,
    receivedTo: receivedTo || null,
    sort: sortFields[sort[0]?.field ?? 'receivedAt'] ?? 'received',
    direction: sort[0]?.sort === 'asc' ? 'asc' : 'desc',
    offset: page.page * page.pageSize,
    limit: page.pageSize,
  };
  const cases = useQuery({ queryKey: ['cases', 'list', query], queryFn: () => api.call('cases.list', query), placeholderData: keepPreviousData });
  const filtered = Boolean(queryText || statuses.length || violence.length || overdue || receivedFrom || receivedTo);
  const clear = () => {
    setText('');
    setStatuses([]);
    setViolence([]);
    setOverdue(false);
    setFrom('');
    setTo('');
  };

  const columns: GridColDef<CaseListItem>[] = [
    {
      field: 'reference',
      headerName: t('cases.reference'),
      width: 140,
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
      minWidth: 180,
      renderCell: ({ row }) =>
        row.childName !== null ? (
          <UserText>{row.childName}</UserText>
        ) : (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%', color: 'text.secondary' }}>
            <LockIcon fontSize="small" />
            <span>{t('cases.restricted')}</span>
          </Stack>
        ),
    },
    { field: 'age', headerName: t('cases.age'), width: 70, sortable: false, valueFormatter: (value: number | null) => (value === null ? '' : String(value)) },
    {
      field: 'status',
      headerName: t('cases.status'),
      width: 160,
      renderCell: ({ row }) => (row.status ? <Chip size="small" variant="outlined" label={category('status', row.status)} /> : ''),
    },
    { field: 'receivedAt', headerName: t('cases.received'), width: 170, valueFormatter: (value: string | null) => format.dateTime(value) },
    {
      field: 'nextDueAt',
      headerName: t('cases.nextDeadline'),
      width: 190,
      renderCell: ({ row }) =>
        row.nextDueAt ? (
          row.overdue ? (
            <Chip size="small" color="error" label={t('cases.overdue')} />
          ) : (
            <span title={format.dateTime(row.nextDueAt)}>{t('caseFile.dueIn', { time: duration(new Date(row.nextDueAt).getTime() - Date.now()) })}</span>
          )
        ) : row.overdue ? (
          <Chip size="small" color="error" label={t('cases.overdue')} />
        ) : (
          ''
        ),
    },
    { field: 'coordinator', headerName: t('cases.coordinator'), width: 170, sortable: false },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          isGranted('cases.create', session.user.roles) && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => void navigate('/cases/new')}>
              {t('cases.new')}
            </Button>
          )
        }
      />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2, alignItems: 'center' }} role="search">
        <TextField
          label={t('cases.search')}
          placeholder={t('cases.searchHelp')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          size="small"
          sx={{ minWidth: 340, flex: 1 }}
          slotProps={{ htmlInput: { 'aria-describedby': undefined } }}
        />
        <TextField
          select
          size="small"
          label={t('cases.filterStatus')}
          value={statuses}
          onChange={(e) => setStatuses(e.target.value as unknown as CaseStatus[])}
          sx={{ minWidth: 180 }}
          slotProps={{ select: { multiple: true, renderValue: (v) => (v as CaseStatus[]).map((s) => category('status', s)).join(', ') } }}
        >
          {caseStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {category('status', s)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('cases.filterViolence')}
          value={violence}
          onChange={(e) => setViolence(e.target.value as unknown as ViolenceType[])}
          sx={{ minWidth: 180 }}
          slotProps={{ select: { multiple: true, renderValue: (v) => (v as ViolenceType[]).map((s) => category('violence', s)).join(', ') } }}
        >
          {violenceTypes.map((s) => (
            <MenuItem key={s} value={s}>
              {category('violence', s)}
            </MenuItem>
          ))}
        </TextField>
        <TextField type="date" size="small" label={t('cases.receivedFrom')} value={receivedFrom} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField type="date" size="small" label={t('cases.receivedTo')} value={receivedTo} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <FormControlLabel control={<Switch checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />} label={t('cases.filterOverdue')} />
        {filtered && <Button onClick={clear}>{t('cases.clearFilters')}</Button>}
      </Stack>
      {cases.isError && <FormError message={errorMessage(t, cases.error)} />}
      <DataTable
        rows={cases.data?.items ?? []}
        rowCount={cases.data?.total ?? 0}
        columns={columns}
        loading={cases.isFetching}
        paginationMode="server"
        sortingMode="server"
        paginationModel={page}
        onPaginationModelChange={setPage}
        sortModel={sort}
        onSortModelChange={(model) => setSort(model.length ? model : [{ field: 'receivedAt', sort: 'desc' }])}
        aria-label={t('cases.title')}
        localeText={{ noRowsLabel: filtered ? t('cases.noMatches') : t('cases.none') }}
        onRowDoubleClick={({ row }: { row: CaseListItem }) => {
          if (row.accessible) void navigate(`/cases/${row.id}`);
        }}
        autoHeight
      />
    </>
  );
}
