import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { InterviewStatus } from '../../../shared/interviews/categories';

const colours = { scheduled: 'primary', held: 'success', cancelled: 'default' } as const;

export function InterviewStatusChip({ status }: { status: InterviewStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={colours[status]} variant={status === 'cancelled' ? 'outlined' : 'filled'} label={t(`interviews.statuses.${status}`)} />;
}
