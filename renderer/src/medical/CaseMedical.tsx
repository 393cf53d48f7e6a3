import EventOutlined from '@mui/icons-material/EventOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/case-records';
import type { MedicalExam } from '../../../shared/contract/followup-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { Panel } from '../cases/CaseOverview';
import { errorMessage } from '../i18n/messages';
import { CancelExamDialog } from './CancelExamDialog';
import { useFormat } from '../components/format';
import { ExamCard } from './ExamCard';
import { ExamDialog } from './ExamDialog';
import { RecordExamDialog } from './RecordExamDialog';

type Dialog = { kind: 'book' } | { kind: 'edit' | 'cancel' | 'record'; exam: MedicalExam };

/** The case's medical examinations: bookings, the consent to them, and once held what the caller may read of them. */
export function CaseMedical({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const clock = useFormat();
  const { session } = useSession();
  const may = { schedule: isGranted('medical.schedule', session.user.roles), medical: isGranted('notes.medical', session.user.roles) };
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Under 'cases': the host's change event for the case refreshes it.
  const exams = useQuery({ queryKey: ['cases', 'medical', detail.id], queryFn: () => api.call('medical.list', { caseId: detail.id }) });
  const open = detail.status !== 'closed';
  const close = () => setDialog(null);

  return (
    <Panel
      title={t('medical.title')}
      action={
        may.schedule &&
        open && (
          <Button variant="contained" startIcon={<EventOutlined />} onClick={() => setDialog({ kind: 'book' })}>
            {t('medical.book')}
          </Button>
        )
      }
    >
      {exams.isPending && <CircularProgress aria-label={t('common.loading')} size={28} />}
      {exams.error && (
        <Alert severity="error" role="alert">
          {errorMessage(t, exams.error)}
        </Alert>
      )}
      {exams.data?.length === 0 && <Typography color="text.secondary">{t('medical.noneYet')}</Typography>}
      {exams.data && exams.data.length > 0 && (
        <Stack spacing={2} sx={{ mt: 1 }}>
          {exams.data.map((exam) => (
            <ExamCard
              key={exam.id}
              exam={exam}
              clock={clock}
              may={may}
              onEdit={() => setDialog({ kind: 'edit', exam })}
              onCancel={() => setDialog({ kind: 'cancel', exam })}
              onRecord={() => setDialog({ kind: 'record', exam })}
            />
          ))}
        </Stack>
      )}
      {dialog?.kind === 'book' && (
        <ExamDialog caseId={detail.id} existing={null} interpreterLanguage={detail.child.interpreterNeeded ? detail.child.interpreterLanguage : ''} onClose={close} />
      )}
      {dialog?.kind === 'edit' && <ExamDialog caseId={detail.id} existing={dialog.exam} interpreterLanguage="" onClose={close} />}
      {dialog?.kind === 'cancel' && <CancelExamDialog exam={dialog.exam} onClose={close} />}
      {dialog?.kind === 'record' && <RecordExamDialog exam={dialog.exam} clock={clock} onClose={close} />}
    </Panel>
  );
}
