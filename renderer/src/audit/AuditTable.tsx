import Chip from '@mui/material/Chip';
import type { GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contract/methods/audit';
import { DataTable } from '../components/DataTable';
import { useFormat } from '../components/format';

/** Audit entries as a table: when, who, from where, what, and whether it was allowed. */
export function AuditTable({ entries, showCase = true, label }: { entries: AuditEntry[]; showCase?: boolean; label: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const action = (method: string) => {
    const key = `methods.${method.replace('.', '_')}`;
    return i18n.exists(key) ? t(key as 'methods.cases_get') : method;
  };
  const outcomeLabel = (code: string) => {
    const key = `audit.outcomes.${code}`;
    return i18n.exists(key) ? t(key as 'audit.outcomes.locked') : code;
  };
  const columns: GridColDef<AuditEntry>[] = [
    { field: 'at', headerName: t('audit.when'), width: 180, valueFormatter: (value: string) => format.dateTime(value) },
    { field: 'username', headerName: t('audit.who'), width: 150, valueGetter: (_v, row) => row.username ?? t('audit.nobody') },
    { field: 'method', headerName: t('audit.what'), flex: 1, minWidth: 200, valueGetter: (_v, row) => action(row.method) },
    ...(showCase ? [{ field: 'caseReference', headerName: t('audit.case'), width: 130, valueGetter: (_v: unknown, row: AuditEntry) => row.caseReference ?? '' }] : []),
    {
      field: 'outcome',
      headerName: t('audit.outcome'),
      width: 250,
      renderCell: ({ row }) =>
        row.outcome === 'ok' ? (
          <Chip size="small" color="success" variant="outlined" label={t('audit.ok')} />
        ) : (
          <Chip size="small" color="error" variant="outlined" label={`${t('audit.refused')}: ${outcomeLabel(row.outcome)}`} />
        ),
    },
    { field: 'workstation', headerName: t('audit.workstation'), width: 140 },
    { field: 'detail', headerName: t('audit.detail'), flex: 1, minWidth: 160, valueGetter: (_v, row) => row.detail ?? row.record ?? '' },
  ];
  return <DataTable rows={entries} columns={columns} aria-label={label} initialState={{ pagination: { paginationModel: { pageSize: 50 } } }} />;
}
