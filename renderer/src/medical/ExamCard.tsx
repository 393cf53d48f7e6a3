import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicalExam } from '../../../shared/contract/followup-records';
import { Field } from '../cases/CaseOverview';
import type { CentreClock } from '../components/format';
import { ConsentWarning } from './ConsentWarning';
import { FollowupTable } from './FollowupTable';

const statusColours = { scheduled: 'primary', held: 'success', cancelled: 'default' } as const;

export interface ExamPermissions {
  /** medical.schedule: book, move, cancel. */
  schedule: boolean;
  /** notes.medical: record the exam, keep its follow-up needs. */
  medical: boolean;
}

function ConsentLine({ exam, clock }: { exam: MedicalExam; clock: CentreClock }) {
  const { t } = useTranslation();
  const c = exam.consent;
  const given = c.state === 'given';
  const text = c.state === 'none' ? t('medical.consent.none') : t(`medical.consent.${c.state}`, { by: c.byName, at: clock.dateTime(c.at) });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: given ? 'success.main' : 'warning.dark' }} data-testid="exam-consent" data-state={c.state}>
      {given ? <CheckCircleOutlined fontSize="small" /> : <ErrorOutlineOutlined fontSize="small" />}
      <Typography variant="body2" component="div">
        {text}
      </Typography>
    </Stack>
  );
}

/** What only medical staff may read, or a line saying so. */
function Withheld({ children }: { children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary' }}>
      <LockOutlined fontSize="small" />
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Stack>
  );
}

/** What was found: findings for medical staff, the team's summary while sharing is consented, the follow-up needs. */
function RecordSection({ exam, clock, may }: { exam: MedicalExam; clock: CentreClock; may: ExamPermissions }) {
  const { t } = useTranslation();
  const r = exam.record;
  if (!r) return null;
  return (
    <>
      <Divider sx={{ my: 2 }} />
      <Typography variant="body2" color="text.secondary" component="div" sx={{ mb: 1 }}>
        {t('medical.performed', { at: clock.dateTime(r.performedAt), by: r.recordedBy })}
      </Typography>
      <Stack spacing={2}>
        <Field label={t('medical.findings')}>{r.findingsHidden ? <Withheld>{t('medical.findingsHidden')}</Withheld> : <Box sx={{ whiteSpace: 'pre-wrap' }}>{r.findings}</Box>}</Field>
        <Field label={t('medical.teamSummary')}>
          {r.summaryWithheld ? (
            <Withheld>{t('medical.summaryWithheld')}</Withheld>
          ) : r.teamSummary ? (
            <Box sx={{ whiteSpace: 'pre-wrap' }}>{r.teamSummary}</Box>
          ) : (
            <Typography color="text.secondary">{t('medical.noSummary')}</Typography>
          )}
        </Field>
      </Stack>
      {r.findingsHidden ? (
        <Typography sx={{ mt: 2 }} data-testid="followups-pending">
          {t('medical.followups.pending', { count: exam.followupsPending })}
        </Typography>
      ) : (
        <FollowupTable exam={exam} clock={clock} mayWrite={may.medical} />
      )}
    </>
  );
}

/** One examination: when and where, who, the consent to it, and once held what was found. */
export function ExamCard({
  exam,
  clock,
  may,
  onEdit,
  onCancel,
  onRecord,
}: {
  exam: MedicalExam;
  clock: CentreClock;
  may: ExamPermissions;
  onEdit: () => void;
  onCancel: () => void;
  onRecord: () => void;
}) {
  const { t } = useTranslation();
  const scheduled = exam.status === 'scheduled';
  const label = `${t(`medical.kinds.${exam.kind}`)} · ${clock.dateTime(exam.startsAt)}`;
  return (
    <Paper variant="outlined" component="article" aria-label={label} sx={{ p: 2 }} data-testid={`exam-${exam.id}`}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {t(`medical.kinds.${exam.kind}`)}
          </Typography>
          <Chip size="small" color={statusColours[exam.status]} variant={exam.status === 'cancelled' ? 'outlined' : 'filled'} label={t(`medical.statuses.${exam.status}`)} />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {exam.status !== 'cancelled' && may.medical && (
            <Button variant={scheduled ? 'outlined' : 'text'} size="small" onClick={onRecord}>
              {scheduled ? t('medical.record') : t('medical.correct')}
            </Button>
          )}
          {scheduled && may.schedule && (
            <>
              <Button size="small" onClick={onEdit}>
                {t('medical.edit')}
              </Button>
              <Button size="small" color="error" onClick={onCancel}>
                {t('medical.cancelExam')}
              </Button>
            </>
          )}
        </Stack>
      </Stack>
      <Typography sx={{ mt: 0.5 }} component="div">
        {clock.dateTime(exam.startsAt)} – {clock.time(exam.endsAt)} · {exam.roomName} · {exam.examinerName}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 2, mt: 1.5 }}>
        <Field label={t('medical.interpreter')}>
          {exam.interpreterName ? `${exam.interpreterName}${exam.interpreterLanguage ? ` (${exam.interpreterLanguage})` : ''}` : '—'}
        </Field>
        <Field label={t('medical.supportPerson')}>{exam.supportPerson || '—'}</Field>
        <Field label={t('medical.purpose')}>
          <Box sx={{ whiteSpace: 'pre-wrap' }}>{exam.purpose || '—'}</Box>
        </Field>
      </Box>
      {exam.status !== 'cancelled' && (
        <Box sx={{ mt: 1.5 }}>
          <ConsentLine exam={exam} clock={clock} />
          {scheduled && exam.consent.state !== 'given' && <ConsentWarning />}
        </Box>
      )}
      {exam.status === 'cancelled' && exam.cancelReason && (
        <Alert severity="info" sx={{ mt: 1.5 }}>
          {t('medical.cancelledBecause', { reason: exam.cancelReason })}
        </Alert>
      )}
      <RecordSection exam={exam} clock={clock} may={may} />
    </Paper>
  );
}
