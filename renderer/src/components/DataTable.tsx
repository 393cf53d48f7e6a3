import { DataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import { bgBG, enUS, roRO } from '@mui/x-data-grid/locales';
import { useTranslation } from 'react-i18next';
import { styleNonce } from '../app/style-nonce';
import { currentLanguage, type Language } from '../i18n';

const gridLocales = { en: enUS, ro: roRO, bg: bgBG } satisfies Record<Language, unknown>;

/** MUI's data grid, compact, in the interface language. */
export function DataTable<R extends GridValidRowModel>({ localeText: overrides, ...props }: DataGridProps<R>) {
  useTranslation(); // re-render on a language switch
  const localeText = gridLocales[currentLanguage()].components.MuiDataGrid.defaultProps.localeText;
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
    />
  );
}
