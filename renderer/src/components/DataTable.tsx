import { DataGrid, type DataGridProps, type GridColDef, type GridValidRowModel } from '@mui/x-data-grid';
import { bgBG, enUS, roRO } from '@mui/x-data-grid/locales';
import { useTranslation } from 'react-i18next';
import { styleNonce } from '../app/style-nonce';
import { currentLanguage, type Language } from '../i18n';
import { UserText } from './UserText';

const gridLocales = { en: enUS, ro: roRO, bg: bgBG } satisfies Record<Language, unknown>;

/**
 * A plain text column's cell renders its value isolated (<bdi>): a name typed
 * right-to-left, or with a direction control, cannot spill into the cells or
 * labels beside it. Columns with their own renderCell isolate what they need.
 */
function isolated<R extends GridValidRowModel>(column: GridColDef<R>): GridColDef<R> {
  if (column.renderCell || (column.type !== undefined && column.type !== 'string')) return column;
  return { ...column, renderCell: ({ formattedValue }) => <UserText>{formattedValue === null || formattedValue === undefined ? '' : String(formattedValue)}</UserText> };
}

/** MUI's data grid, compact, in the interface language, every text cell isolated. */
export function DataTable<R extends GridValidRowModel>({ localeText: overrides, columns, ...props }: DataGridProps<R>) {
  const { t } = useTranslation(); // also re-renders on a language switch
  const localeText = {
    ...gridLocales[currentLanguage()].components.MuiDataGrid.defaultProps.localeText,
    // MUI leaves "1–25 of 300" untranslated in Romanian and Bulgarian.
    paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) => t('common.displayedRows', { from, to, count }),
  };
  return (
    <DataGrid
      density="compact"
      disableRowSelectionOnClick
      disableColumnMenu
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      localeText={{ ...localeText, ...overrides }}
      nonce={styleNonce()}
      sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
      {...props}
      columns={columns.map(isolated)}
    />
  );
}
