import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { dateSchema } from '../../../../shared/contract/fields';
import { interviewerFieldsSchema, type CertificationRecord, type Interviewer } from '../../../../shared/contract/interview-records';
import { interviewProtocols } from '../../../../shared/interviews/categories';
import { isGranted } from '../../../../shared/permissions';
import { useApi, useSession } from '../../api/context';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { centreToday, useFormat } from '../../components/format';
import { FormCheckboxGroup } from '../../forms/FormCheckboxGroup';
import { FormDateField } from '../../forms/FormDateField';
import { FormTextField } from '../../forms/FormTextField';
import { applyServerError } from '../../forms/server-errors';
import { addDays, conflictCurrent, fieldsNamed, formatDay, useReloadResources } from './common';

/** How soon before its end a certification is flagged, in days. */
const EXPIRY_WARNING_DAYS = 60;

/** The form holds '' for "no end date"; the host stores null. */
const formSchema = interviewerFieldsSchema.extend({ certifiedUntil: z.union([z.literal(''), dateSchema]) });
const fieldNames = ['certification', 'certifiedUntil', 'protocols'] as const;
const fieldsOf = (i: Interviewer) => ({ certification: i.certification, certifiedUntil: i.certifiedUntil ?? '', protocols: i.protocols });

type Validity = 'none' | 'valid' | 'expiring' | 'expired';

export function validity(until: string | null, today: string): Validity {
  if (!until) return 'none';
  if (until < today) return 'expired';
  if (until <= addDays(today, EXPIRY_WARNING_DAYS)) return 'expiring';
  return 'valid';
}

/** Colleagues with the forensic interviewer role: their certification and the protocols they are trained in. */
export function InterviewersSection({ interviewers }: { interviewers: Interviewer[] }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Interviewer | null>(null);
  const today = centreToday();

  const columns: GridColDef<Interviewer>[] = [
    {
      field: 'name',
      headerName: t('scheduleSettings.interviewers.name'),
      flex: 1,
      minWidth: 170,
      renderCell: ({ row }) => (
        <Stack sx={{ py: 1 }} spacing={0.5}>
          <span>{row.name}</span>
          {!row.active && <Chip size="small" label={t('scheduleSettings.interviewers.accountDisabled')} sx={{ alignSelf: 'flex-start' }} />}
        </Stack>
      ),
    },
    {
      field: 'certification',
      headerName: t('scheduleSettings.interviewers.certification'),
      flex: 1.3,
      minWidth: 200,
      sortable: false,
      renderCell: ({ row }) =>
        row.certification ? (
          <Typography variant="body2" sx={{ py: 1 }}>
            {row.certification}
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('scheduleSettings.interviewers.notRecorded')}
          </Typography>
        ),
    },
    {
      field: 'certifiedUntil',
      headerName: t('scheduleSettings.interviewers.certifiedUntil'),
      width: 200,
      renderCell: ({ row }) => {
        const state = validity(row.certifiedUntil, today);
        if (state === 'none') {
          return (
            <Typography variant="body2" color="text.secondary">
              {t('scheduleSettings.interviewers.noEnd')}
            </Typography>
          );
        }
        return (
          <Stack sx={{ py: 1 }} spacing={0.5}>
            <span>{formatDay(row.certifiedUntil ?? '', i18n.language)}</span>
            {state === 'expired' && <Chip size="small" color="error" label={t('scheduleSettings.interviewers.expired')} sx={{ alignSelf: 'flex-start' }} />}
            {state === 'expiring' && <Chip size="small" color="warning" label={t('scheduleSettings.interviewers.expiring')} sx={{ alignSelf: 'flex-start' }} />}
          </Stack>
        );
      },
    },
    {
      field: 'protocols',
      headerName: t('scheduleSettings.interviewers.protocols'),
      flex: 1.3,
      minWidth: 200,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, py: 0.75 }}>
          {row.protocols.map((p) => (
            <Chip key={p} size="small" variant="outlined" label={t(`scheduleSettings.protocols.${p}`)} />
          ))}
        </Stack>
      ),
    },
    {
      field: 'actions',
      headerName: '',
      width: 90,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" onClick={() => setEditing(row)} aria-label={t('scheduleSettings.interviewers.editLabel', { name: row.name })}>
          {t('scheduleSettings.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography color="text.secondary">{t('scheduleSettings.interviewers.intro')}</Typography>
        {isGranted('users.manage', session.user.roles) && (
          <Button variant="outlined" onClick={() => void navigate('/users')} sx={{ flexShrink: 0 }}>
            {t('scheduleSettings.interviewers.openAccounts')}
          </Button>
        )}
      </Stack>
      <DataTable
        rows={interviewers}
        columns={columns}
        getRowId={(row) => row.userId}
        aria-label={t('scheduleSettings.tabs.interviewers')}
        getRowHeight={() => 'auto'}
        hideFooter={interviewers.length <= 25}
        localeText={{ noRowsLabel: t('scheduleSettings.interviewers.empty') }}
      />
      {editing && <InterviewerDialog interviewer={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function InterviewerDialog({ interviewer, onClose }: { interviewer: Interviewer; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const reload = useReloadResources();
  const [version, setVersion] = useState(interviewer.version);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: fieldsOf(interviewer) });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.call('resources.saveInterviewer', {
        userId: interviewer.userId,
        version,
        certification: values.certification,
        certifiedUntil: values.certifiedUntil === '' ? null : values.certifiedUntil,
        protocols: values.protocols,
      });
      await reload();
      onClose();
    } catch (error) {
      const current = conflictCurrent<Interviewer>(error);
      if (current) {
        form.reset(fieldsOf(current));
        setVersion(current.version);
        setFailure(t('scheduleSettings.conflict'));
        return;
      }
      setFailure(applyServerError(error, form.setError, t, (path) => fieldsNamed(fieldNames)(path.slice(0, 1))));
    }
  });

  return (
    <FormDialog
      title={t('scheduleSettings.interviewers.editTitle', { name: interviewer.name })}
      onClose={onClose}
      onSubmit={submit}
      submitting={form.formState.isSubmitting}
      failure={failure}
    >
      <FormTextField
        control={form.control}
        name="certification"
        label={t('scheduleSettings.interviewers.certification')}
        helperText={t('scheduleSettings.interviewers.certificationHelp')}
        autoFocus
      />
      <FormDateField control={form.control} name="certifiedUntil" label={t('scheduleSettings.interviewers.certifiedUntil')} />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: -0.5, mx: 1.75 }}>
        {t('scheduleSettings.interviewers.certifiedUntilHelp')}
      </Typography>
      <FormCheckboxGroup
        control={form.control}
        name="protocols"
        label={t('scheduleSettings.interviewers.protocols')}
        helperText={t('scheduleSettings.interviewers.protocolsHelp')}
        options={interviewProtocols.map((p) => ({ value: p, label: t(`scheduleSettings.protocols.${p}`) }))}
      />
      <CertificationHistory records={interviewer.certificationHistory} />
    </FormDialog>
  );
}

/**
 * What was on record before: a change here does not rewrite history, and a
 * court summary prints the certification held on the day of each interview.
 */
function CertificationHistory({ records }: { records: CertificationRecord[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <Stack component="section" aria-labelledby="certification-history" spacing={0.75}>
      <Typography id="certification-history" variant="subtitle2">
        {t('scheduleSettings.interviewers.history')}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('scheduleSettings.interviewers.historyHelp')}
      </Typography>
      {records.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('scheduleSettings.interviewers.historyEmpty')}
        </Typography>
      ) : (
        <Stack component="ul" sx={{ m: 0, pl: 2.5 }} spacing={0.5}>
          {records.map((r, index) => (
            <li key={`${r.recordedAt}-${index}`}>
              <Typography variant="body2">
                {r.certification || t('scheduleSettings.interviewers.notRecorded')} ·{' '}
                {r.certifiedUntil ? t('scheduleSettings.interviewers.validUntil', { date: formatDay(r.certifiedUntil, i18n.language) }) : t('scheduleSettings.interviewers.noEnd')}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {r.recordedBy === null
                  ? t('scheduleSettings.interviewers.recordedBefore', { when: format.dateTime(r.recordedAt) })
                  : t('scheduleSettings.interviewers.recordedBy', { when: format.dateTime(r.recordedAt), name: r.recordedBy })}
              </Typography>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
