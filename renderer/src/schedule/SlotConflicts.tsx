import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/contract';
import type { SlotConflict } from '../../../shared/contract/interview-records';
import { useFormat } from '../components/format';

/** A 409 refusing a slot: the host says what is in the way (details.conflicts). */
export function isSlotRefusal(error: unknown): error is ApiError & { details: { conflicts: SlotConflict[] } } {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return false;
  const conflicts = (error.details as { conflicts?: unknown } | undefined)?.conflicts;
  return Array.isArray(conflicts) && conflicts.length > 0;
}

/**
 * The words of one reason. An interview's words speak of interviews; when a
 * medical examination is booked, or is what stands in the way, the medical
 * words say which (the child's interview or examination, the examiner).
 */
function reasonKey(
  conflict: SlotConflict,
  subject: 'interview' | 'exam',
): `calendar.conflicts.${SlotConflict['kind']}` | `medical.conflicts.${SlotConflict['kind'] | 'childExam' | 'childInterview'}` {
  // Refusals come as sent, unparsed: an older host leaves examId out.
  const examId = conflict.examId ?? null;
  if (subject === 'interview' && examId === null) return `calendar.conflicts.${conflict.kind}`;
  if (conflict.kind === 'child' && examId !== null) return 'medical.conflicts.childExam';
  if (conflict.kind === 'child' && conflict.interviewId !== null) return 'medical.conflicts.childInterview';
  return `medical.conflicts.${conflict.kind}`;
}

/** Why a slot cannot be booked, in words, with the times of whatever is in the way (on the centre's clock). */
export function SlotConflicts({ conflicts, subject = 'interview' }: { conflicts: readonly SlotConflict[]; subject?: 'interview' | 'exam' }) {
  const { t } = useTranslation();
  const { time } = useFormat();
  const lines = [
    ...new Set(
      conflicts.map((c) => {
        const during = c.startsAt && c.endsAt ? t('calendar.conflicts.during', { start: time(c.startsAt), end: time(c.endsAt) }) : '';
        return t(reasonKey(c, subject), { during }).trim();
      }),
    ),
  ];
  return (
    <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="slot-conflicts">
      <AlertTitle>{subject === 'exam' ? t('medical.conflicts.title') : t('calendar.conflicts.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </Box>
    </Alert>
  );
}
