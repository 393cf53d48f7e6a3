import EventOutlined from '@mui/icons-material/EventOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Meeting } from '../../../shared/contract/followup-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { centreToday, shiftDay, useFormat } from '../components/format';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import { MeetingDialog } from './MeetingDialog';
import { MeetingStatistics } from './MeetingStatistics';
import { MeetingStatusChip } from './labels';

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Three months back from today: the default window, with everything still to come. */
function threeMonthsAgo(): string {
  return shiftDay(centreToday(), 0, -3);
}

/** Case review meetings in a period (the last three months and all upcoming, unless narrowed), and their statistics. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const navigate = useNavigate();
  const { session } = useSession();
  const mayManage = isGranted('meetings.manage', session.user.roles);
  const [from, setFrom] = useState(threeMonthsAgo);
  const [to, setTo] = useState('');
  const [planning, setPlanning] = useState(false);
  const period = { from: isDay(from) ? from : null, to: isDay(to) ? to : null, caseId: null };
  const meetings = useQuery({ queryKey: ['meetings', 'list', period], queryFn: () => api.call('meetings.list', period), placeholderData: keepPreviousData });

  const columns: GridColDef<Meeting>[] = [
    {
      field: 'startsAt',
      headerName: t('meetings.when'),
      width: 175,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={`/meetings/${row.id}`}>
          {format.dateTime(row.startsAt)}
        </Link>
      ),
    },
    { field: 'type', headerName: t('meetings.type'), width: 180, valueGetter: (_v, row) => t(`meetings.types.${row.type}`) },
    { field: 'status', headerName: t('meetings.status'), width: 110, renderCell: ({ row }) => <MeetingStatusChip status={row.status} /> },
    { field: 'chairName', headerName: t('meetings.chair'), width: 160 },
    {
      field: 'cases',
      headerName: t('meetings.cases'),
      flex: 1,
      minWidth: 160,
      sortable: false,
      renderCell: ({ row }) => (
        <Box sx={{ py: 0.5 }}>
          {row.cases.map((c, i) => (
            <span key={c.caseId}>
              {i > 0 && ', '}
              <Link component={RouterLink} to={`/cases/${c.caseId}?tab=meetings`} title={c.childName}>
                {c.reference}
              </Link>
            </span>
          ))}
          {row.hiddenCases > 0 && (
            <Typography variant="body2" color="text.secondary" component="span">
              {row.cases.length > 0 && ' '}
              {t('meetings.moreHidden', { count: row.hiddenCases })}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      field: 'openActions',
      headerName: t('meetings.openActions'),
      width: 150,
      type: 'number',
      valueGetter: (_v, row) => row.actions.filter((a) => a.state === 'open').length,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        subtitle={t('meetings.subtitle')}
        actions={
          mayManage && (
            <Button variant="contained" startIcon={<EventOutlined />} onClick={() => setPlanning(true)} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {t('meetings.plan')}
            </Button>
          )
        }
      />
      <Stack spacing={3}>
        <Box>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2 }} role="search">
            <TextField type="date" size="small" label={t('meetings.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField type="date" size="small" label={t('meetings.to')} value={to} onChange={(e) => setTo(e.target.value)} sx={{ minWidth: 220 }} slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
          {meetings.isError && <FormError message={errorMessage(t, meetings.error)} />}
          <DataTable
            rows={meetings.data ?? []}
            columns={columns}
            loading={meetings.isFetching}
            getRowHeight={() => 'auto'}
            initialState={{ sorting: { sortModel: [{ field: 'startsAt', sort: 'desc' }] }, pagination: { paginationModel: { pageSize: 25 } } }}
            aria-label={t('meetings.title')}
            localeText={{ noRowsLabel: t('meetings.none') }}
            onRowDoubleClick={({ row }: { row: Meeting }) => void navigate(`/meetings/${row.id}`)}
            autoHeight
          />
        </Box>
        {mayManage && <MeetingStatistics />}
      </Stack>
      {planning && <MeetingDialog existing={null} onClose={() => setPlanning(false)} />}
    </>
  );
}
