import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { MeetingAgency, MeetingStatus } from '../../../shared/followup/categories';
import type { Agency } from '../../../shared/permissions';

/** A colleague's agency as a meeting names it: the interpreter service has no seat of its own. */
export const meetingAgencyOf: Record<Agency, MeetingAgency> = {
  police: 'police',
  prosecution: 'prosecution',
  court: 'court',
  child_protection: 'child_protection',
  medical: 'medical',
  therapy: 'therapy',
  barnahus_staff: 'barnahus_staff',
  interpreter_service: 'other',
  other: 'other',
};

const statusColor = { planned: 'primary', held: 'success', cancelled: 'default' } as const;

export function MeetingStatusChip({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" variant={status === 'planned' ? 'outlined' : 'filled'} color={statusColor[status]} label={t(`meetings.statuses.${status}`)} />;
}
