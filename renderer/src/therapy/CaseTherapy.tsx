import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/contract/case-records';
import type { Assessment, TherapySession } from '../../../shared/contract/followup-records';
import { isGranted } from '../../../shared/permissions';
import { useApi, useSession } from '../api/context';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../components/format';
import { CareConsentWarning } from '../cases/CareConsentWarning';
import { AssessmentDialog } from './AssessmentDialog';
import { AssessmentsPanel } from './AssessmentsPanel';
import { AttendancePattern } from './AttendancePattern';
import { CloseDialog } from './CloseDialog';
import { PlanDialog } from './PlanDialog';
import { PlanPanel } from './PlanPanel';
import { SessionDialog } from './SessionDialog';
import { SessionsPanel } from './SessionsPanel';

type Dialog =
  | { kind: 'plan' | 'close' }
  | { kind: 'session'; session: TherapySession | null }
  | { kind: 'assessment'; assessment: Assessment | null };

/**
 * The case's therapy. The whole team sees the attendance pattern and the
 * therapist's summary; therapists also the notes, scores and goals, and keep them.
 */
export function CaseTherapy({ detail }: { detail: CaseDetail }) {
  const api = useApi();
  const clock = useFormat();
  const { session } = useSession();
  const mayWrite = isGranted('notes.therapy', session.user.roles);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Under 'cases': the host's change event for the case refreshes it.
  const therapy = useQuery({ queryKey: ['cases', 'therapy', detail.id], queryFn: () => api.call('therapy.get', { caseId: detail.id }) });
  const close = () => setDialog(null);

  return (
    <QueryState query={therapy}>
      {(data) => {
        const closed = data.plan?.closure != null;
        return (
          <Stack spacing={3}>
            {mayWrite && !closed && data.consent.state !== 'given' && <CareConsentWarning scope="therapy" testId="therapy-consent-warning" />}
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 3fr' }, gap: 3, alignItems: 'start' }}>
              <AttendancePattern pattern={data.pattern} />
              <PlanPanel
                plan={data.plan}
                clinicalHidden={data.clinicalHidden}
                mayWrite={mayWrite}
                clock={clock}
                onEdit={() => setDialog({ kind: 'plan' })}
                onClose={() => setDialog({ kind: 'close' })}
              />
            </Box>
            <SessionsPanel
              caseId={detail.id}
              sessions={data.sessions}
              clinicalHidden={data.clinicalHidden}
              mayWrite={mayWrite}
              closed={closed}
              clock={clock}
              onLog={() => setDialog({ kind: 'session', session: null })}
              onEdit={(s) => setDialog({ kind: 'session', session: s })}
            />
            <AssessmentsPanel
              assessments={data.assessments}
              clinicalHidden={data.clinicalHidden}
              mayWrite={mayWrite}
              clock={clock}
              onRecord={() => setDialog({ kind: 'assessment', assessment: null })}
              onEdit={(a) => setDialog({ kind: 'assessment', assessment: a })}
            />
            {dialog?.kind === 'plan' && <PlanDialog caseId={detail.id} plan={data.plan} clock={clock} onClose={close} />}
            {dialog?.kind === 'close' && data.plan && <CloseDialog caseId={detail.id} plan={data.plan} clock={clock} onClose={close} />}
            {dialog?.kind === 'session' && <SessionDialog caseId={detail.id} existing={dialog.session} clock={clock} onClose={close} />}
            {dialog?.kind === 'assessment' && <AssessmentDialog caseId={detail.id} existing={dialog.assessment} today={clock.today()} onClose={close} />}
          </Stack>
        );
      }}
    </QueryState>
  );
}
