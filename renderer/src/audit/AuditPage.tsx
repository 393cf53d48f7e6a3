import DownloadIcon from '@mui/icons-material/Download';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { centreDayStart, centreToday, shiftDay } from '../components/format';
import { QueryState } from '../components/QueryState';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';
import type { AuditVerdict as Verdict } from '../../../shared/contract/methods/audit';
import { AuditTable } from './AuditTable';
import { AuditVerdict } from './AuditVerdict';
import { PrintedCheckpoint, type Printed } from './PrintedCheckpoint';

const PAGE = 200;

/** A calendar day on the centre's clock, as the instant it starts. */
const dayStart = centreDayStart;

export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const today = centreToday();
  const [from, setFrom] = useState(() => shiftDay(today, -7));
  const [to, setTo] = useState(today);
  const [userId, setUserId] = useState<number | ''>('');
  const [outcome, setOutcome] = useState<'any' | 'ok' | 'refused'>('any');
  const [caseReference, setCaseReference] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.call('users.list', {}) });

  const filters = {
    from: dayStart(from),
    to: dayStart(to, 1),
    outcome,
    ...(userId === '' ? {} : { userId }),
    ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
  };
  const log = useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.call('audit.list', { ...filters, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    getNextPageParam: (last) => (last.more ? last.entries.at(-1)?.id : undefined),
  });

  const verify = async (printed?: Printed) => {
    setFailure(null);
    try {
      setVerdict(await api.call('audit.verify', printed ? { printed } : {}));
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  const download = async () => {
    setFailure(null);
    const range = { from: dayStart(from), to: dayStart(to, 1) };
    if (!range.from || !range.to) return;
    try {
      const file = await api.call('audit.export', { from: range.from, to: range.to });
      const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <>
            <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => void verify()}>
              {t('audit.verify')}
            </Button>
            <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download()}>
              {t('audit.export')}
            </Button>
          </>
        }
      />
      {verdict && <AuditVerdict verdict={verdict} />}
      <FormError message={failure} />
      <PrintedCheckpoint onCompare={(printed) => void verify(printed)} />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField type="date" label={t('audit.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField type="date" label={t('audit.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField select label={t('audit.who')} value={userId} onChange={(e) => setUserId(e.target.value === '' ? '' : Number(e.target.value))} sx={{ minWidth: 220 }}>
            <MenuItem value="">{t('audit.everyone')}</MenuItem>
            {(users.data ?? []).map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.displayName}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('audit.caseReference')} value={caseReference} onChange={(e) => setCaseReference(e.target.value)} placeholder="BH-2026-0001" />
          <TextField select label={t('audit.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} sx={{ minWidth: 180 }}>
            <MenuItem value="any">{t('audit.any')}</MenuItem>
            <MenuItem value="ok">{t('audit.ok')}</MenuItem>
            <MenuItem value="refused">{t('audit.refused')}</MenuItem>
          </TextField>
        </Stack>
      </Paper>
      <QueryState query={log}>
        {(data) => (
          <>
            <AuditTable entries={data.pages.flatMap((p) => p.entries)} label={t('audit.title')} />
            {log.hasNextPage && (
              <Button sx={{ mt: 1 }} onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {t('audit.older')}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
