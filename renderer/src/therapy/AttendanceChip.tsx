import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { TherapyAttendance } from '../../../shared/followup/categories';

const colours = { planned: 'primary', attended: 'success', cancelled: 'default', no_show: 'error' } as const;

export function AttendanceChip({ attendance }: { attendance: TherapyAttendance }) {
  const { t } = useTranslation();
  return <Chip size="small" color={colours[attendance]} variant={attendance === 'planned' ? 'outlined' : 'filled'} label={t(`therapy.sessions.attendanceStates.${attendance}`)} />;
}
