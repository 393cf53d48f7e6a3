import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/messages';

/** Shows a query's loading or error state in words, and its content once there is data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <CircularProgress aria-label={t('common.loading')} size={28} />;
  if (query.isError) return <Alert severity="error" role="alert">{errorMessage(t, query.error)}</Alert>;
  return <>{children(query.data)}</>;
}
