import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../api/context';
import { errorMessage } from '../i18n/messages';
import { RecordingsPanel } from './recordings/RecordingsPanel';

/** One forensic interview: booking, attendance on the day, the record, the recordings. */
export function InterviewPage() {
  const { t } = useTranslation();
  const api = useApi();
  const interviewId = Number(useParams().interviewId);
  const interview = useQuery({ queryKey: ['interviews', 'one', interviewId], queryFn: () => api.call('interviews.get', { interviewId }) });
  if (interview.error) return <Alert severity="error">{errorMessage(t, interview.error)}</Alert>;
  if (!interview.data) return null;
  const i = interview.data;
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        {i.caseReference} · {i.childName}
      </Typography>
      <RecordingsPanel interview={i} />
    </Stack>
  );
}
